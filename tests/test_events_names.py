"""A word inside a group's name is no cue: "Liberation" in a front's name tells no liberation and
"Protest" in one no protest, however the group acts in the sentence."""

import pytest
from handmade import sub_types


@pytest.mark.parametrize(
    "text, wrong",
    [
        (
            "The Macina Liberation Front attacked an army post near the river on Sunday, killing six soldiers.",
            "Government regains territory",
        ),
        (
            "Members of the Sudan Liberation Army killed four herders near the wells on Monday.",
            "Government regains territory",
        ),
        (
            "The Free Protest Front shot dead two soldiers at a checkpoint on Sunday.",
            "Excessive force against protesters",
        ),
    ],
)
def test_a_cue_in_a_group_name_types_nothing(text, wrong):
    found = sub_types(text)
    assert found and wrong not in found, found


def test_the_same_word_outside_a_name_still_counts():
    found = sub_types("On Sunday troops completed the liberation of the town from the rebels.")
    assert found == ["Government regains territory"]
