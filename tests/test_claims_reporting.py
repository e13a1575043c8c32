"""Claims as reporters write them: sources typed by what they are, datelines kept out,
clashing figures and relayed words graded."""

import pytest
from test_claims_sources import claims_of


@pytest.mark.parametrize(
    "text, actors, kind",
    [
        ("The regional governor said the bridge had been destroyed overnight.", {}, "named_person"),
        (
            "The interior ministry said in a statement that the bridge had been destroyed.",
            {},
            "official_statement",
        ),
        ("Delta Television reported that the bridge had been destroyed overnight.", {}, "media"),
        ("Local media reported that the bridge had been destroyed overnight.", {}, "media"),
        (
            "A UN report seen by the Ledger says the bridge had been destroyed overnight.",
            {},
            "document",
        ),
        (
            "The Sahel Brigades' communique said their fighters had destroyed the bridge.",
            {"Sahel Brigades": "armed_group"},
            "official_statement",
        ),
        (
            "The Sahel Brigades said their fighters had destroyed the bridge overnight.",
            {"Sahel Brigades": "armed_group"},
            "named_organization",
        ),
        (
            "The Border Guard Service said its units had destroyed the bridge overnight.",
            {"Border Guard Service": "state_force"},
            "official_statement",
        ),
        (
            "Residents of Tal Hamid told the newspaper they heard gunfire for an hour.",
            {},
            "anonymous",
        ),
        (
            "The Ontario rescue group Mare Libero said it had counted five incidents.",
            {},
            "named_organization",
        ),
    ],
)
def test_source_type_follows_what_the_source_is(text, actors, kind):
    _, found = claims_of(text, actors=actors)
    assert [c.source.type for c in found] == [kind]


@pytest.mark.parametrize(
    "text, dateline",
    [
        (
            "KIDAL, 4 March 2024 – The army said the convoy had been ambushed near the wells.",
            "KIDAL",
        ),
        (
            "SOUTHERN DESERT – The convoy had been ambushed near the wells, according to the army.",
            "SOUTHERN",
        ),
        ("GAO (Sahel Wire) – The convoy had been ambushed near the wells, the army said.", "GAO"),
    ],
)
def test_a_dateline_is_neither_source_nor_claim(text, dateline):
    _, found = claims_of(text)
    (claim,) = found
    assert dateline not in claim.text and dateline not in claim.source.text
    assert claim.text.startswith("The convoy") or claim.text.startswith("the convoy")
    assert claim.source.type == "official_statement"


def test_a_number_is_never_cut():
    _, found = claims_of("Officials said 1,250 families had fled the district since Monday.")
    assert "1,250 families" in found[0].text


def test_different_figures_for_the_same_fact_grade_both_four():
    text = (
        "The army said 12 soldiers were killed in the attack on the base near the river. "
        "The rebels said 15 soldiers were killed in the attack on the base near the river."
    )
    _, found = claims_of(text, actors={"rebels": "armed_group"})
    assert len(found) == 2
    assert [c.credibility for c in found] == [4, 4]


def test_the_same_figure_from_two_sources_corroborates():
    text = (
        "The army said 12 soldiers were killed in the attack on the base near the river. "
        "The rebels said 12 soldiers were killed in the attack on the base near the river."
    )
    _, found = claims_of(text, actors={"rebels": "armed_group"})
    assert all(c.credibility < 3 for c in found)


def test_the_accused_quoted_by_the_police_is_no_second_source():
    text = (
        "Police said the suspect told investigators that he had planted the bomb at the "
        "market gate. "
        "Police said he had planted the bomb at the market gate on Friday."
    )
    _, found = claims_of(text)
    relayed = [c for c in found if c.source.text == "the suspect"]
    assert relayed, "the accused's own words are still listed"
    assert all(c.credibility >= 3 for c in relayed)


def test_a_figure_put_by_a_source_is_claimed():
    _, found = claims_of("Hospital sources later put the toll at 17, including four children.")
    assert found and found[0].text.startswith("put the toll at 17")
