"""The text layer: paragraph spans with exact offsets, and repeated passages."""

from __future__ import annotations

from sitrep.text import find_duplicates, paragraphs
from sitrep.text.layer import MIN_SIMILARITY

ROUTE = (
    "Smugglers lead the groups from Yabroud across the Qalamoun hills at night, pass the village of Flita "
    "and hand them to drivers who wait near Arsal on the Lebanese side of the border."
)
# The same paragraph with one clause reworded, as a copy editor might leave it.
ROUTE_REWORDED = (
    "Smugglers take the groups from Yabroud over the Qalamoun hills after dark, pass the village of Flita "
    "and hand them to drivers who wait close to Arsal on the Lebanese side of the border."
)
OTHER = [
    "The Lebanese army said it had arrested 14 Syrians and seized two pick-up trucks near Arsal last week.",
    "Hezbollah, which controls much of the border area, denied that its members were involved in the trade.",
    "A landmine exploded near Flita on Sunday, killing two smugglers and wounding a child, a monitor said.",
    "Residents of Arsal say the army has closed several dirt roads used by farmers to reach their orchards.",
]


def test_paragraph_offsets_are_exact_with_indents_blank_lines_and_crlf():
    text = "  Headline here  \r\n\r\nFirst paragraph of the report.\r\n\n\t Second one, indented.\nlast"
    spans = paragraphs(text)
    assert [s.text for s in spans] == [
        "Headline here",
        "First paragraph of the report.",
        "Second one, indented.",
        "last",
    ]
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_exact_repeat_is_found_with_similarity_one():
    text = "\n".join([ROUTE, OTHER[0], OTHER[1], ROUTE, OTHER[2]])
    dups = find_duplicates(paragraphs(text))
    assert len(dups) == 1
    d = dups[0]
    assert d.similarity == 1.0
    assert d.duplicate_of.start == 0 and d.span.start > d.duplicate_of.end
    assert (
        text[d.span.start : d.span.end] == ROUTE == text[d.duplicate_of.start : d.duplicate_of.end]
    )


def test_near_exact_repeat_is_found_with_its_similarity():
    text = "\n".join([ROUTE, OTHER[0], OTHER[1], ROUTE_REWORDED])
    dups = find_duplicates(paragraphs(text))
    assert len(dups) == 1
    d = dups[0]
    assert MIN_SIMILARITY <= d.similarity < 1.0
    assert d.span.text == ROUTE_REWORDED and d.duplicate_of.text == ROUTE


def test_distinct_paragraphs_on_one_story_are_not_flagged():
    text = "\n".join([ROUTE, *OTHER])
    assert find_duplicates(paragraphs(text)) == []


def test_short_repeated_lines_are_not_passages():
    text = "\n".join(
        [
            "Reuters",
            OTHER[0],
            "Reuters",
            "(Editing by Sam Holmes)",
            OTHER[1],
            "(Editing by Sam Holmes)",
        ]
    )
    assert find_duplicates(paragraphs(text)) == []


def test_a_third_copy_points_back_to_an_earlier_one():
    text = "\n".join([ROUTE, OTHER[0], ROUTE, OTHER[1], ROUTE])
    dups = find_duplicates(paragraphs(text))
    assert len(dups) == 2
    assert all(d.duplicate_of.start < d.span.start and d.similarity == 1.0 for d in dups)


def test_repeats_reach_the_analysis(analyze):
    data = analyze("\n".join([ROUTE, OTHER[0], ROUTE_REWORDED, OTHER[1]]))
    assert len(data["duplicates"]) == 1
    assert data["duplicates"][0]["span"]["text"] == ROUTE_REWORDED
    assert [p["text"] for p in data["paragraphs"]] == [ROUTE, OTHER[0], ROUTE_REWORDED, OTHER[1]]


def test_a_long_report_takes_the_lsh_path_and_finds_the_same_repeat():
    import random

    from sitrep.text.layer import PAIRWISE_MAX

    rng = random.Random(7)
    words = (
        "convoy depot flour fuel river bridge council market harvest school clinic drought border patrol "
        "village mayor election tractor pipeline ferry storm bakery quarry orchard cattle well"
    ).split()
    fillers = [
        " ".join(rng.choice(words) for _ in range(18)).capitalize() + "."
        for _ in range(PAIRWISE_MAX + 10)
    ]
    text = "\n".join([ROUTE, *fillers[:40], ROUTE_REWORDED, *fillers[40:]])
    dups = find_duplicates(paragraphs(text))
    assert [(d.span.text, d.duplicate_of.text) for d in dups] == [(ROUTE_REWORDED, ROUTE)]
