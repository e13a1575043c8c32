"""Attribution cues: each way a report hands a statement to a source, and what is not a claim."""

import pytest
from handmade import handmade

from sitrep import claims


def claims_of(text: str, **kw):
    a, doc = handmade(text, **kw)
    claims.annotate(a, doc)
    return a.claims


def only(text: str, **kw):
    found = claims_of(text, **kw)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    "text, content, source",
    [
        (
            "According to local monitors, the militia withdrew from the hilltop overnight.",
            "the militia withdrew from the hilltop overnight",
            "local monitors",
        ),
        (
            "The militia withdrew from the hilltop overnight, according to local monitors.",
            "The militia withdrew from the hilltop overnight",
            "local monitors",
        ),
        (
            "A fisherman told the newspaper that patrol boats had stopped sailing after dark.",
            "patrol boats had stopped sailing after dark",
            "A fisherman",
        ),
        (
            "Two farmers said the checkpoint near the bridge had been closed since Friday.",
            "the checkpoint near the bridge had been closed since Friday",
            "Two farmers",
        ),
        (
            "The convoy reached the depot before dawn, a driver said.",
            "The convoy reached the depot before dawn",
            "a driver",
        ),
        (
            "The guards fired warning shots into the air, witnesses added.",
            "The guards fired warning shots into the air",
            "witnesses",
        ),
        (
            "The governor's office confirmed that the road to the port had reopened.",
            "the road to the port had reopened",
            "The governor's office",
        ),
        (
            "A ministry official stated that fuel imports would resume next month.",
            "fuel imports would resume next month",
            "A ministry official",
        ),
        (
            "The rebels claimed that they had shot down a surveillance drone.",
            "they had shot down a surveillance drone",
            "The rebels",
        ),
        (
            "The agency reported that food prices had doubled in the market towns.",
            "food prices had doubled in the market towns",
            "The agency",
        ),
    ],
)
def test_each_cue_separates_content_from_source(text, content, source):
    c = only(text)
    assert c.text == content
    assert c.source.text == source
    assert text[c.start : c.end] == c.text


def test_condition_of_anonymity():
    c = only(
        "The prisoners were moved to a new site last week, an aid worker said on condition of anonymity."
    )
    assert c.text == "The prisoners were moved to a new site last week"
    assert c.source.type == "anonymous"


def test_sources_close_to_a_group():
    c = only("Sources close to the movement said its leader had left the capital.")
    assert c.source.text == "Sources close to the movement"
    assert c.source.type == "anonymous"
    assert c.text == "its leader had left the capital"


def test_in_a_statement():
    c = only("The navy said in a statement on Tuesday that it had intercepted three boats.")
    assert c.text == "it had intercepted three boats"
    assert c.source.type == "official_statement"


def test_sources_added_after_a_claim_in_the_sentence_before():
    text = (
        "Informed sources told the paper that the fighters had crossed the river at night. "
        "The men carried forged papers to pass the checkpoints, sources added."
    )
    first, second = claims_of(text)
    assert second.text == "The men carried forged papers to pass the checkpoints"
    assert second.source.text == "sources" and second.source.type == "anonymous"


def test_a_quotation_over_two_sentences_is_claimed_whole():
    text = '"The wells are dry. Families are leaving every week," said Musa Adamu, a village head.'
    c = only(text, persons=("Musa Adamu",))
    assert c.text.startswith("The wells are dry.")
    assert c.text.endswith("Families are leaving every week")
    assert c.source.type == "named_person"


def test_a_pronoun_takes_the_source_before_it():
    text = (
        "Musa Adamu, a village head, said the wells were dry. "
        '"Families are leaving every week," he said.'
    )
    first, second = claims_of(text, persons=("Musa Adamu",))
    assert second.source.text == first.source.text
    assert second.source.type == "named_person"


def test_denial_with_an_object_keeps_the_predicate():
    c = only(
        "The Free Army Front denied any role in the ambush.",
        actors={"Free Army Front": "armed_group"},
    )
    assert c.text == "denied any role in the ambush"
    assert c.source.type == "named_organization"


def test_unattributed_sentences_and_refusals_are_not_claims():
    text = (
        "Heavy rain flooded the camp on Monday. "
        "The ministry did not comment on the reports. "
        "The army did not give figures or say which units were involved."
    )
    assert claims_of(text) == []


def test_repeated_paragraph_is_read_once():
    para = (
        "The bridge over the river was destroyed by a blast late on Sunday night, residents said."
    )
    text = f"{para}\nThe road to the north stays closed to all traffic for now.\n{para}"
    assert len(claims_of(text)) == 1


def test_lexicon_entries_are_words():
    """YAML reads bare on/off/no as booleans; every cue must stay a word."""
    from sitrep.claims.cues import source_words, words

    lists = [words(n) for n in ("speech_verbs", "according", "pronouns", "denial")]
    lists += [
        source_words(n)
        for n in (
            "document",
            "statement",
            "media",
            "media_phrases",
            "official",
            "organisation_anaphors",
        )
    ]
    assert all(isinstance(w, str) and w == w.lower() for ws in lists for w in ws)
    assert "no" in words("denial")


def test_a_participle_is_not_a_speaker():
    c = only("Gunmen believed to belong to the cartel killed two guards at the depot, police said.")
    assert c.source.text == "police"
    assert c.text.startswith("Gunmen believed")
