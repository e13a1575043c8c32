"""Who a report says a group is loyal to, read from the words between (and after) two actors'
mentions: the shapes wire copy uses ("X, a faction loyal to Y", "Y-aligned X", "Y's X",
"the Y affiliate X", "X, a Y affiliate"), and none where the words tell another relation."""

from __future__ import annotations

import pytest
from kb_fixtures import actor, report

from sitrep.kb import allegiance

GROUPS = [
    actor("ac1", "Black Banner", "black-banner"),
    actor("ac2", "al-Qaeda", "al-qaeda"),
    actor("ac3", "Islamic State", "islamic-state"),
    actor("ac4", "Dune Riders", "dune-riders", aliases=("insurgents",)),
    actor("ac5", "military", None),
]
NAMES = {e.id: e.name for e in GROUPS}


def _words(text: str) -> list[str]:
    """Each group name or alias the text holds, as the fixture's mentions will find them."""
    return [n for e in GROUPS for n in (e.name, *e.aliases) if n in text]


def ties(text: str) -> set[tuple[str, str]]:
    data = report("one", text, [e for e in GROUPS if {e.name, *e.aliases} & set(_words(text))])
    return {(NAMES[t.subject], NAMES[t.object]) for t in allegiance.ties(data)}


@pytest.mark.parametrize(
    "text, tie",
    [
        # the shapes read before
        (
            "The Black Banner, a splinter group loyal to al-Qaeda, took the hill.",
            ("Black Banner", "al-Qaeda"),
        ),
        ("Islamic State-aligned Dune Riders raided the wells.", ("Dune Riders", "Islamic State")),
        # sworn allegiance, a unit of the parent with the article and adjectives before it
        (
            "The Dune Riders, which swore allegiance to the Islamic State in 2019, raided the wells.",
            ("Dune Riders", "Islamic State"),
        ),
        (
            "The Black Banner, the northern branch of al-Qaeda, took the hill.",
            ("Black Banner", "al-Qaeda"),
        ),
        # the parent's possessive: "Y's X", "Y's desert wing, X"
        ("Fighters of al-Qaeda's Black Banner took the hill.", ("Black Banner", "al-Qaeda")),
        (
            "The Islamic State's desert wing, the Dune Riders, raided the wells.",
            ("Dune Riders", "Islamic State"),
        ),
        # the parent and a unit noun before the name: "the Y affiliate X"
        ("The al-Qaeda affiliate Black Banner took the hill.", ("Black Banner", "al-Qaeda")),
        ("Islamic State offshoot Dune Riders raided the wells.", ("Dune Riders", "Islamic State")),
        # after the name, an apposition that ends on the parent: "X, a Y affiliate", "X, Y's arm"
        ("The Black Banner, an al-Qaeda affiliate, took the hill.", ("Black Banner", "al-Qaeda")),
        (
            "The Dune Riders, a little known Islamic State-linked group, raided the wells.",
            ("Dune Riders", "Islamic State"),
        ),
        (
            "The Black Banner, al-Qaeda's local franchise, took the hill.",
            ("Black Banner", "al-Qaeda"),
        ),
    ],
)
def test_an_allegiance_is_read_in_each_shape(text, tie):
    assert ties(text) == {tie}


@pytest.mark.parametrize(
    "text",
    [
        "The Black Banner and al-Qaeda fought over the hill.",
        "The Black Banner, which fought al-Qaeda for a year, took the hill.",
        "Fighters of al-Qaeda's rival Black Banner took the hill.",
        "The Black Banner, al-Qaeda said, took the hill.",
        "The Dune Riders, an armed group, clashed with the Islamic State on Monday.",
        "The Islamic State's attack on the Dune Riders failed.",
        # a class noun by the parent is no named group: a unit's name read as the army, or the
        # group's own fighters described by their ties
        "Fighters of al-Qaeda's military wing took the hill.",
        "The Dune Riders struck first; Islamic State-linked insurgents then raided the wells.",
    ],
)
def test_no_allegiance_where_the_words_tell_another_relation(text):
    assert ties(text) == set()
