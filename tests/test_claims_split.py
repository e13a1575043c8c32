"""Two sources in one sentence: each claim ends where the other source starts speaking, and a
second source parsed as taking the first attribution as its complement claims only its own
words."""

import pytest
from handmade import handmade

from sitrep import claims


def claims_of(text: str):
    a, doc = handmade(text)
    claims.annotate(a, doc)
    return [(c.source.text, c.text) for c in a.claims]


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "The army said it had killed dozens of fighters, while the rebels said they lost "
            "four men.",
            ("The army", "it had killed dozens of fighters"),
            ("the rebels", "they lost four men"),
        ),
        (
            "The governor said the bridge had been reopened; residents said it was still "
            "closed to lorries.",
            ("The governor", "the bridge had been reopened"),
            ("residents", "it was still closed to lorries"),
        ),
        (
            "The ministry said six civilians died in the strike, whereas local medics said the "
            "toll had reached nine.",
            ("The ministry", "six civilians died in the strike"),
            ("local medics", "the toll had reached nine"),
        ),
    ],
)
def test_each_source_claims_only_its_own_words(text, first, second):
    found = claims_of(text)
    assert first in found and second in found
    assert len(found) == 2


def test_verbs_joined_by_and_stay_one_claim():
    text = (
        "A coastguard spokesman said the crew had fired warning shots and denied that anyone "
        "had aimed at the boat."
    )
    spokesman = [c for s, c in claims_of(text) if s == "A coastguard spokesman"]
    assert spokesman and spokesman[0].endswith("had aimed at the boat")


@pytest.mark.parametrize(
    "text, source",
    [
        ("Police initially said that three people had died at the checkpoint.", "Police"),
        ("The brigade also reports that two lorries were seized near the bridge.", "The brigade"),
        ("Local officials later said the curfew would be lifted on Friday.", "Local officials"),
    ],
)
def test_a_lone_adverb_before_the_verb_is_not_the_source(text, source):
    assert [s for s, _ in claims_of(text)] == [source]
