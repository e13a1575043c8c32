"""Source types by who speaks for whom: a definite noun that points back to an earlier source,
unnamed people speaking for the body they work for, a name with its role beside it."""

import pytest
from handmade import handmade

from sitrep import claims


def types_of(text: str, **kw) -> list[str]:
    a, doc = handmade(text, **kw)
    claims.annotate(a, doc)
    return [c.source.type for c in a.claims]


@pytest.mark.parametrize(
    "text, kinds",
    [
        (
            "An officer at the Western Border Command said the patrol had been ambushed at dawn. "
            "The officer added that two vehicles had been destroyed in the exchange.",
            ["official_statement", "official_statement"],
        ),
        (
            "A security source said the convoy had left the depot before midnight. "
            "The source added that the drivers had been paid in advance.",
            ["anonymous", "anonymous"],
        ),
        (
            "A diplomat at the Foreign Ministry said the talks had stalled for a month. "
            "The diplomat said no new round had been scheduled before the spring.",
            ["official_statement", "official_statement"],
        ),
    ],
)
def test_the_source_keeps_the_type_of_the_source_it_points_back_to(text, kinds):
    assert types_of(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Officials from the Customs Department said the tablets had been hidden in a fuel tanker.",
        "A spokesman for the Interior Ministry said the detainees would be charged this week.",
        "An official with the Border Guard Directorate said the fence had been cut in two places.",
    ],
)
def test_unnamed_people_speak_for_the_state_body_they_serve(text):
    assert types_of(text) == ["official_statement"]


@pytest.mark.parametrize(
    "text",
    [
        "Karim Haddad, director of police in the province, said a dozen families had escaped.",
        "Amina Bello, head of the district council, said the bridge had been repaired.",
        "Tomas Ruiz, coordinator of the shelter, said forty people had arrived overnight.",
    ],
)
def test_a_name_with_its_role_beside_it_is_a_named_person(text):
    assert types_of(text) == ["named_person"]
