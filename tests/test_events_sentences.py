"""An event keeps the spans of every sentence that tells its incident, and only those."""

from handmade import handmade

from sitrep import events


def events_of(text: str, published: str = "2024-05-20", **kw):
    a, doc = handmade(text, **kw)
    a.document.published = published
    events.annotate(a, doc)
    return a


def told(ev, text: str) -> list[str]:
    for s in ev.sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in ev.sentences]


def test_an_incident_told_in_four_sentences_keeps_all_four():
    lines = [
        "Militiamen ambushed an army convoy near the town of Dorvale on Friday.",
        "Six soldiers were killed in the ambush.",
        "The wounded were flown to a hospital in the capital.",
        "Three of the attackers also died when troops returned fire.",
    ]
    text = " ".join(lines)
    a = events_of(text, places={"Dorvale": "PPL"})
    [ev] = a.events
    assert told(ev, text) == lines


def test_a_sentence_about_another_incident_is_not_kept():
    lines = [
        "Gunmen shot dead a village chief in Marrow on Tuesday.",
        "In a separate incident, police fired tear gas at students protesting in Brisk on Wednesday.",
    ]
    text = " ".join(lines)
    a = events_of(text, places={"Marrow": "PPL", "Brisk": "PPL"})
    assert [told(ev, text) for ev in a.events] == [[lines[0]], [lines[1]]]


def test_the_sentences_are_written_out_and_meet_the_schema(analyze):
    text = (
        "Insurgents attacked a police post in Kelbo on Sunday. Four officers were killed in the "
        "attack. Two more were wounded."
    )
    data = analyze(text)
    [ev] = data["events"]
    kept = [text[s["start"] : s["end"]] for s in ev["sentences"]]
    assert kept[:2] == [
        "Insurgents attacked a police post in Kelbo on Sunday.",
        "Four officers were killed in the attack.",
    ]
    assert all(s["text"] == text[s["start"] : s["end"]] for s in ev["sentences"])
