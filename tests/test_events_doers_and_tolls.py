"""Three small classes seen in real wire copy. A happening's noun names its doer with "by" ("an
attack by the X"); "gunned down" and "mown down" tell deaths like "shot dead"; a sentence opened by
"Later on ..." or "The day before ..." tells another happening. Texts are our own."""

import pytest
from handmade import handmade

from sitrep import events

GROUPS = {"Delta Front": "armed_group", "Kelwa Brigade": "armed_group"}
PLACES = {"Kelwa": "PPL", "Dorva": "PPL"}


def annotated(text: str):
    a, doc = handmade(text, actors=GROUPS, places=PLACES)
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    return a


@pytest.mark.parametrize(
    "text",
    [
        "Eleven farmers were killed in an attack by the Delta Front on Kelwa on Saturday.",
        "A raid by the Delta Front on a market in Kelwa left six traders dead on Friday.",
        "Nine people died on Sunday in an ambush by the Delta Front near Kelwa, police said.",
    ],
)
def test_a_happening_noun_names_its_doer_with_by(text):
    a = annotated(text)
    name = {e.id: e.name for e in a.entities}
    assert [next(name[r.entity] for r in ev.actors if r.role == "actor1") for ev in a.events] == [
        "Delta Front"
    ]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Three guards on a night patrol were gunned down near Kelwa on Sunday.", 3),
        ("Gunmen gunned down four traders at a market in Kelwa on Sunday.", 4),
        ("Five pilgrims were mown down by gunmen in Kelwa on Sunday, police said.", 5),
    ],
)
def test_gunned_down_tells_deaths(text, toll):
    [ev] = annotated(text).events
    assert ev.fatalities is not None and ev.fatalities.best == toll


@pytest.mark.parametrize("lead", ["Later on Friday", "Earlier on Friday", "The day before"])
def test_a_sentence_opened_by_a_later_or_earlier_time_tells_another_happening(lead):
    text = (
        "Gunmen killed two farmers in Kelwa on Friday, residents said.\n"
        f"{lead}, gunmen attacked a market in Dorva and killed three traders."
    )
    assert [ev.fatalities.best for ev in annotated(text).events if ev.fatalities] == [2, 3]


@pytest.mark.parametrize(
    ("later", "toll"),
    [
        ("The death toll has reached 14, officials said on Friday.", 14),
        ("The toll had hit 9 by nightfall, a hospital said.", 9),
        ("The toll passed 20 on Friday as more bodies were found.", 20),
    ],
)
def test_a_toll_that_reached_a_figure_is_the_incidents_toll(later, toll):
    text = "Gunmen attacked a bus near Kelwa on Wednesday, police said.\n" + later
    assert [ev.fatalities.best for ev in annotated(text).events if ev.fatalities] == [toll]
