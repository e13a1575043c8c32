"""A verb with "it" for subject and a clause for content only frames the news ("It was gathered
that gunmen attacked ...", Nigerian press for "it was learnt"): the clause tells the happening."""

import pytest
from handmade import with_events


def triggers(text: str) -> list[tuple[str, str]]:
    a = with_events(text, "2024-04-20")
    return [(e.trigger.text, e.sub_type) for e in a.events]


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "It was gathered that gunmen attacked the village of Kuru on Monday, killing four farmers.",
            "attacked",
        ),
        (
            "It was gathered on Monday that bandits abducted 12 travellers on the highway.",
            "abducted",
        ),
        (
            "It was gathered that police arrested three suspects at the motor park on Monday.",
            "arrested",
        ),
    ],
)
def test_the_clause_tells_the_happening_not_the_frame(text, trigger):
    found = triggers(text)
    assert [t for t, _ in found] == [trigger], found
    assert all(sub != "Peaceful protest" for _, sub in found)


def test_people_who_gathered_still_protest():
    found = triggers(
        "Hundreds of traders gathered outside the governor's office on Monday to protest the new tax."
    )
    assert found and found[0][1] == "Peaceful protest"
