"""Source types, entity links and Admiralty grades."""

import pytest
from handmade import handmade

from sitrep import claims


def claims_of(text: str, **kw):
    a, doc = handmade(text, **kw)
    claims.annotate(a, doc)
    return a, a.claims


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Local sources said the market had been shelled twice.", "anonymous"),
        ("A senior security official said the market had been shelled twice.", "anonymous"),
        ("Residents of the town said the market had been shelled twice.", "anonymous"),
        ("Residents said the market had been shelled twice.", "anonymous"),
        ("Two security officials said the market had been shelled twice.", "anonymous"),
        ("Sources in a Tapachula shelter said the market had been shelled twice.", "anonymous"),
        (
            "Traders at Kano-based Sahel Meridian Partners said the depot had been looted twice.",
            "named_organization",
        ),
        ("Colonel Hamid Saleh said the market had been shelled twice.", "named_person"),
        ("The Red Crescent Society said the market had been shelled twice.", "named_organization"),
        ("The interior ministry said the market had been shelled twice.", "official_statement"),
        ("The army said the market had been shelled twice.", "official_statement"),
        ("The market had been shelled twice, the statement said.", "official_statement"),
        ("The daily newspaper Al-Sabah reported that the market had been shelled twice.", "media"),
        (
            "According to a report published by the monitoring group, the market had been shelled twice.",
            "document",
        ),
    ],
)
def test_source_type(text, kind):
    _, found = claims_of(text)
    assert [c.source.type for c in found] == [kind]


def test_source_links_to_the_named_entity():
    a, found = claims_of(
        "Hayat Tahrir al-Sham said its fighters had repelled the raid.",
        actors={"Hayat Tahrir al-Sham": "armed_group"},
    )
    assert a.entity(found[0].source.entity).name == "Hayat Tahrir al-Sham"
    b, found = claims_of(
        "A smuggler who gave his name as Abu Khalil said the fee had doubled.",
        persons=("Abu Khalil",),
    )
    assert found[0].source.type == "named_person"
    assert b.entity(found[0].source.entity).name == "Abu Khalil"


def test_anonymous_single_source_is_never_above_c3():
    _, (c,) = claims_of("Well-informed sources said the commander had fled to the coast.")
    assert c.reliability not in ("A", "B", "C") or c.credibility >= 3
    assert (c.reliability, c.credibility) == ("F", 3)


def test_reliability_follows_the_source_type():
    _, found = claims_of(
        "The army said the bridge had been destroyed. "
        "Abu Omar, a trader, said the fuel price had tripled."
    )
    assert [c.reliability for c in found] == ["B", "C"]


def test_independent_corroboration_raises_credibility():
    text = (
        "The army said three soldiers were killed at the Wadi checkpoint. "
        "Three soldiers were killed at the Wadi checkpoint, residents said. "
        "A hospital doctor said three soldiers were killed at the Wadi checkpoint."
    )
    _, found = claims_of(text)
    # the army is backed by two sources; the two anonymous ones only by the army, not by each other
    assert [c.credibility for c in found] == [1, 2, 2]


def test_a_denial_lowers_credibility():
    text = (
        "Residents said the militia burned the grain stores in the village. "
        "The militia denied that it burned the grain stores in the village."
    )
    _, found = claims_of(text, actors={"militia": "militia"})
    assert [c.credibility for c in found] == [4, 4]


def test_claims_validate_through_the_pipeline(analyze):
    data = analyze(
        "The road was closed after the blast, a police officer said on condition of anonymity."
    )
    (claim,) = data["claims"]
    assert claim["source"]["type"] == "anonymous"
    assert claim["text"] == "The road was closed after the blast"
    assert claim["cue"]["text"] == "said"


def test_an_outlets_own_sources_are_anonymous(analyze):
    text = (
        "Reporting by Dana Haddad\nLevant Ledger (Beirut)- According to Levant Ledger sources, smugglers now charge "
        "$900 a head for the crossing near Arsal.\nThe Levant Ledger reported last month that two crossings had closed."
    )
    data = analyze(text, published="2024-04-02")
    by_source = {c["source"]["text"]: c["source"]["type"] for c in data["claims"]}
    assert by_source.get("Levant Ledger sources") == "anonymous", by_source
