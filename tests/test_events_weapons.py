"""Codebook precedence: the weapon decides. A bomb or blast that did the harm makes the happening
Explosions/Remote violence whoever its victims were; shooting civilians stays an Attack."""

import pytest
from handmade import sub_types

from sitrep.errors import DataFileError
from sitrep.events import lexicon as lexicon_module


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded inside a mosque in the city during Friday prayers, killing at least 17 worshippers.",
        "A blast tore through a bus station on Monday, killing six passengers.",
        "A device exploded among farmers working their fields on Sunday, killing four villagers.",
        "A bomb attack on a village mosque on Friday killed 33 worshippers and wounded 40 others.",
    ],
)
def test_a_bomb_among_civilians_is_remote_violence(text):
    assert sub_types(text) == ["Remote explosive/landmine/IED"]


def test_civilians_shot_are_still_an_attack():
    assert sub_types("Gunmen shot dead five worshippers at a church on Sunday.") == ["Attack"]


def test_a_precedence_naming_an_unknown_type_fails_on_load():
    with pytest.raises(DataFileError, match="triggers.yaml: precedence"):
        lexicon_module._precedence(
            [{"type": "Explosions", "over": ["Battles"], "floor": 1}], {"Battles"}
        )
