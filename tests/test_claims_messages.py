"""A message (banner, video, leaflet) speaks for the body that signed it; unsigned, for no one."""

import pytest
from handmade import handmade

from sitrep import claims


def source_of(text: str, actors: dict[str, str]):
    a, doc = handmade(text, actors=actors)
    claims.annotate(a, doc)
    return a, next(c.source for c in a.claims if c.source.text.split()[0] in ("A", "a"))


SIGNED = [
    (
        "A banner signed by the Tierra Caliente Cartel warned drivers to keep off the toll road.",
        {"Tierra Caliente Cartel": "criminal_network"},
        "named_organization",
    ),
    (
        "A video posted in the name of the Sahel Brigade claimed that its men had burned a depot.",
        {"Sahel Brigade": "armed_group"},
        "named_organization",
    ),
    (
        "A leaflet signed by the provincial governorate said the curfew would be lifted on Friday.",
        {"provincial governorate": "government"},
        "official_statement",
    ),
]


@pytest.mark.parametrize(("text", "actors", "kind"), SIGNED)
def test_a_signed_message_is_the_signers_voice(text, actors, kind):
    a, source = source_of(text, actors)
    assert source.type == kind
    assert a.entity(source.entity).name == next(iter(actors))


def test_an_unsigned_message_is_anonymous():
    _, source = source_of(
        "A note left on the door of the clinic said the doctors had been told to leave.", {}
    )
    assert (source.type, source.entity) == ("anonymous", None)
