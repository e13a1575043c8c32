"""Codebook: a strategic development (an arrest, a seizure, a looting) kills no one; the deaths its
sentence tells belong to the violent happening beside it."""

import pytest
from handmade import with_events


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "One soldier was killed and two army lorries were burned down on Thursday after rebels "
            "attacked the base.",
            "Looting/property destruction",
        ),
        (
            "A policeman was killed in a shootout on Monday, and police arrested three suspects "
            "at the scene.",
            "Arrests",
        ),
        (
            "Four militants died in the clash on Sunday, and troops seized two rifles and a box "
            "of grenades.",
            "Disrupted weapons use",
        ),
    ],
)
def test_a_strategic_development_carries_no_deaths(text, sub_type):
    evs = with_events(text).events
    sd = [e for e in evs if e.sub_type == sub_type]
    assert sd and all(e.fatalities.best == 0 for e in sd)
    assert any(e.fatalities.best and e.type != "Strategic developments" for e in evs)
