"""An undated lead and the dated detail after it tell one incident whose main telling is the
detail; the toll the lead gives stays the incident's toll. Texts are our own."""

import pytest
from handmade import handmade

from sitrep import events


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (
            "An air strike killed ten civilians in a village, residents said.\n"
            "Jets bombed the market of Kelwa on Tuesday, they said.",
            10,
        ),
        (
            "Gunmen shot dead seven farmers in the north of the province, a lawmaker said.\n"
            "The attackers stormed Kelwa on Sunday night, residents said.",
            7,
        ),
        (
            "Gunmen killed at least 14 traders in a market, police said.\n"
            "The attackers struck Kelwa on Friday morning, police said.",
            14,
        ),
    ],
)
def test_the_leads_toll_stays_with_its_dated_detail(text, toll):
    a, doc = handmade(text, places={"Kelwa": "PPL"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    assert [(e.fatalities.best if e.fatalities else None) for e in a.events] == [toll]
