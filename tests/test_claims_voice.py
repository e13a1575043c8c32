"""Source types by who speaks: a name with its role beside it is a named person."""

import pytest
from handmade import handmade

from sitrep import claims


def types_of(text: str, **kw) -> list[str]:
    a, doc = handmade(text, **kw)
    claims.annotate(a, doc)
    return [c.source.type for c in a.claims]


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
