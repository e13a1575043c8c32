"""Theatres the registry covers beyond the Middle East and Africa: the Philippines, India, southern
Thailand, Papua and South America. Each group is found under its spellings, and a branch keeps its
parent. Texts are our own."""

from __future__ import annotations

import pytest
from test_actors_recognition import entity_of

from sitrep.actors.registry import registry


@pytest.mark.parametrize(
    "text, surface, key",
    [
        (
            "NPA rebels ambushed a patrol in the central Philippines on Monday, the military said.",
            "NPA",
            "new-peoples-army",
        ),
        (
            "Maoists ambushed a CRPF patrol in Sukma district on Friday; two Central Reserve Police "
            "Force troopers were wounded.",
            "CRPF",
            "central-reserve-police-force",
        ),
        (
            "Militants of the Barisan Revolusi Nasional set off a bomb in Narathiwat; Thai rangers "
            "blamed the BRN.",
            "BRN",
            "barisan-revolusi-nasional",
        ),
        (
            "Fighters of the TPNPB burned a school in Intan Jaya, and the Indonesian military sent troops.",
            "TPNPB",
            "tpnpb",
        ),
        (
            "Police in Rio said Comando Vermelho gunmen fired on officers during a raid on Tuesday.",
            "Comando Vermelho",
            "comando-vermelho",
        ),
    ],
)
def test_a_group_of_a_newer_theatre_is_known(analyze, text, surface, key):
    found = entity_of(analyze(text), surface)
    assert found is not None and found["ids"].get("registry") == key


def test_pledged_cells_keep_their_parents():
    entries = registry().entries
    chain, key = [], "dawlah-islamiyah-hassan"
    while key:
        chain.append(key)
        key = entries[key].parent
    assert chain == [
        "dawlah-islamiyah-hassan",
        "dawlah-islamiyah",
        "islamic-state-east-asia",
        "islamic-state",
    ]
    assert entries["bangsamoro-islamic-freedom-fighters"].parent is None


def test_the_acronym_of_a_group_named_in_full_is_that_group(analyze):
    """A short, context-bound acronym needs support: the group's full name in the same report is
    enough, in running text, even with no group word beside it ("blamed the BRN")."""
    data = analyze(
        "A bomb hidden in a motorcycle exploded in Narathiwat on Monday. Militants of the Barisan "
        "Revolusi Nasional were seen in the area, and Thai rangers later blamed the BRN."
    )
    full, short = entity_of(data, "Barisan"), entity_of(data, "BRN")
    assert full is not None and short is not None and full["id"] == short["id"]


@pytest.mark.parametrize(
    "text, area",
    [
        ("Gunmen attacked Koshebe village in Mafa Local Government Area on Saturday.", "Mafa"),
        ("The chairman of Gwoza Local Government Area said the road was closed.", "Gwoza"),
        ("Bandits stormed a market in Maru Local Government Area of Zamfara State.", "Maru"),
    ],
)
def test_an_administrative_area_is_no_actor(analyze, text, area):
    """ "Local Government Area" holds "Government": the area is a place, not a government body."""
    data = analyze(text)
    actors = [m["text"] for m in data["mentions"] if m["kind"] in ("actor", "person")]
    assert not any("Government" in t or area in t for t in actors), actors


@pytest.mark.parametrize(
    "text, word",
    [
        ("Suspected insurgents attacked farmers in their rice fields on Sunday.", "Suspected"),
        ("Armed militants stormed the village on Monday and burned the school.", "Armed"),
        ("Alleged jihadists burned a clinic near the river on Friday.", "Alleged"),
    ],
)
def test_a_participle_opening_a_sentence_names_no_group(analyze, text, word):
    """ "Suspected insurgents": the participle describes them, like "Islamist militants"."""
    data = analyze(text)
    assert not any(m["text"].startswith(word) for m in data["mentions"] if m["kind"] == "actor")
