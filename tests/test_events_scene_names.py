"""A place name that only makes an adjective ("a Cyprus-flagged tanker", "Iran-backed fighters",
"a Russian-made drone") is not where the happening was."""

import pytest
from handmade import with_events

PLACES = {"Cyprus": "PCLI", "Iran": "PCLI", "Russia": "PCLI", "Kelwa": "PPL"}


def event_place(text: str) -> str | None:
    a = with_events(text, "2024-04-20", places=PLACES)
    assert len(a.events) == 1, [(e.trigger.text, e.sub_type) for e in a.events]
    names = {e.id: e.name for e in a.entities}
    return names.get(a.events[0].place or "")


@pytest.mark.parametrize(
    "text",
    [
        "A Cyprus-flagged tanker was struck by a missile on Wednesday, the crew said.",
        "Iran-backed fighters attacked a convoy on the desert road on Monday, killing two drivers.",
        "A Russia-made drone hit a grain silo on Tuesday, wounding three workers.",
    ],
)
def test_a_name_made_adjective_is_no_scene(text):
    assert event_place(text) is None


def test_the_scene_is_still_read_beside_such_a_name():
    text = "Iran-backed fighters attacked a convoy near Kelwa on Monday, killing two drivers."
    assert event_place(text) == "Kelwa"
