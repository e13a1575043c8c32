"""No one is no source: "No group has claimed the attack", "Nobody claimed it", "no one has said"
make no claim by a speaker "No group"; what someone says about it stays a claim of theirs. Texts are
our own."""

import pytest


def claims_of(analyze, text: str) -> list[tuple[str, str]]:
    data = analyze(text, published="2024-03-02")
    return [(c["text"], c["source"]["text"]) for c in data["claims"]]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a market in Kelwa on Monday. No group claimed responsibility for the "
        "attack.",
        "A bomb hit a bus in Dorva on Monday. Nobody has claimed the bombing so far.",
        "Two aid workers were abducted near Kelwa. No armed group has said it holds them.",
    ],
)
def test_no_one_is_no_source(analyze, text):
    sources = [src.lower() for _, src in claims_of(analyze, text)]
    assert not any(src.startswith(("no ", "nobody", "none")) for src in sources)


def test_a_speaker_saying_no_one_claimed_it_is_still_the_source(analyze):
    text = (
        "Gunmen attacked a market in Kelwa on Monday. No group has claimed responsibility for the "
        "attack, a police officer said."
    )
    assert claims_of(analyze, text) == [
        ("No group has claimed responsibility for the attack", "a police officer")
    ]
