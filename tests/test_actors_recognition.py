"""Actor and person recognition end to end: aliases merged, acronyms, short names, affiliations,
unknown groups and the place/actor decision. Texts are our own."""

from __future__ import annotations

import pytest


def entity_of(data: dict, surface: str, nth: int = 0) -> dict | None:
    """The actor/person entity of the nth occurrence of surface in the text, or None."""
    text, k = data["document"]["text"], -1
    for _ in range(nth + 1):
        k = text.index(surface, k + 1)
    for m in data["mentions"]:
        if m["kind"] in ("actor", "person") and m["start"] < k + len(surface) and k < m["end"]:
            return next(e for e in data["entities"] if e["id"] == m["entity"])
    return None


def places_over(data: dict, surface: str) -> list[dict]:
    k = data["document"]["text"].index(surface)
    return [
        m
        for m in data["mentions"]
        if m["kind"] == "place" and m["start"] < k + len(surface) and k < m["end"]
    ]


def test_registry_aliases_merge_into_one_entity(analyze):
    data = analyze(
        "Daesh fighters attacked a checkpoint on Monday. The Islamic State later said three of its "
        "men died, and ISIS supporters shared the claim. Al-Qaida condemned it; al-Qaeda rarely does."
    )
    is_ids = {entity_of(data, s)["id"] for s in ("Daesh", "Islamic State", "ISIS")}
    aq_ids = {entity_of(data, s)["id"] for s in ("Al-Qaida", "al-Qaeda")}
    assert len(is_ids) == 1 and len(aq_ids) == 1 and is_ids != aq_ids
    islamic_state = entity_of(data, "Daesh")
    assert islamic_state["name"] == "Islamic State" and islamic_state["actor_type"] == "armed_group"
    assert islamic_state["ids"]["registry"] == "islamic-state"
    assert {"Daesh", "ISIS"} <= set(islamic_state["aliases"])


def test_acronym_defined_in_text_links_later_uses(analyze):
    data = analyze(
        "Gunmen from the Kanem Valley Defence Union (KVDU) stormed a market. Elders said KVDU "
        "commanders had warned traders for weeks, and the KVDU later withdrew."
    )
    long = entity_of(data, "Kanem Valley Defence Union")
    assert long is not None and long["kind"] == "actor"
    assert {entity_of(data, "KVDU", n)["id"] for n in range(3)} == {long["id"]}


def test_unknown_group_found_by_its_cues(analyze):
    data = analyze(
        "Saraya al-Mukhtar militants shelled the road. Residents of the Saraya al-Mukhtar-held "
        "village fled, and men loyal to Saraya al-Mukhtar set up checkpoints."
    )
    ents = {entity_of(data, "Saraya al-Mukhtar", n)["id"] for n in range(3)}
    assert len(ents) == 1
    group = entity_of(data, "Saraya al-Mukhtar")
    assert group["kind"] == "actor" and group["actor_type"] == "armed_group"


def test_kunya_and_family_name_short_forms(analyze):
    data = analyze(
        "Abu Yasser al-Hamawi, a commander of Hurras al-Din, was seen in the north. Weeks later "
        "al-Hamawi crossed the border. Separately, vigilante leader Garba Musa Dantata said the roads "
        "were open. Dantata added that patrols would continue."
    )
    hamawi = entity_of(data, "Abu Yasser al-Hamawi")
    assert hamawi["kind"] == "person" and hamawi["name"] == "Abu Yasser al-Hamawi"
    assert entity_of(data, "al-Hamawi", 1)["id"] == hamawi["id"]
    assert entity_of(data, "Dantata", 1)["id"] == entity_of(data, "Garba Musa Dantata")["id"]


def test_affiliations_from_apposition_and_possessive(analyze):
    data = analyze(
        "Hurras al-Din said on Friday that Abu Dujana al-Idlibi, a commander of Hurras al-Din, had "
        "been detained. HTS spokesman Tariq Nasser denied it. Later, Abu Hafs al-Shami, the HTS "
        "leader, met elders."
    )
    hurras = entity_of(data, "Hurras al-Din")
    hts = entity_of(data, "HTS")
    assert entity_of(data, "Abu Dujana al-Idlibi")["affiliation"] == hurras["id"]
    assert entity_of(data, "Tariq Nasser")["affiliation"] == hts["id"]
    assert entity_of(data, "Abu Hafs al-Shami")["affiliation"] == hts["id"]


def test_titles_stay_in_the_mention_not_the_name(analyze):
    data = analyze(
        "Brigadier General Sani Bello told reporters the base was secure. Bello said two attackers died."
    )
    person = entity_of(data, "Sani Bello")
    assert person["name"] == "Sani Bello"
    mention = next(m for m in data["mentions"] if m["entity"] == person["id"])
    assert mention["text"] == "Brigadier General Sani Bello"
    assert entity_of(data, "Bello", 1)["id"] == person["id"]


def test_byline_author_is_a_reporter_not_an_actor(analyze):
    data = analyze(
        "Reporting by Lina Haddad\nBEIRUT (Cedar Wire) - Hezbollah said it fired rockets overnight."
    )
    reporter = [e for e in data["entities"] if e.get("role") == "reporter"]
    assert [e["name"] for e in reporter] == ["Lina Haddad"] and reporter[0]["kind"] == "person"
    assert entity_of(data, "Hezbollah")["kind"] == "actor"


def test_place_or_actor(analyze):
    data = analyze(
        "The Lebanese army said troops closed two crossings near Hermel in Lebanon. Daesh claimed "
        "an attack on the Hezbollah-held town of Qusayr."
    )
    army = entity_of(data, "Lebanese army")
    assert army["kind"] == "actor" and army["actor_type"] == "state_force"
    assert places_over(data, "Lebanese army") == [] and places_over(data, "Daesh") == []
    assert entity_of(data, "troops")["id"] == army["id"]
    assert entity_of(data, "Lebanon") is None
    assert entity_of(data, "Hezbollah")["kind"] == "actor"
    assert entity_of(data, "Qusayr") is None
    place_ids = {m["entity"] for m in data["mentions"] if m["kind"] == "place"}
    assert all(e["id"] in place_ids for e in data["entities"] if e["kind"] == "place")


def test_generic_forces_point_back_to_the_named_body(analyze):
    data = analyze(
        "Iraqi forces took over the convoy at the border. Iraqi troops then drove it south, while "
        "Syrian Democratic Forces guards stayed behind. The Syrian Democratic Forces said the handover went well."
    )
    iraqi = entity_of(data, "Iraqi forces")
    assert entity_of(data, "Iraqi troops")["id"] == iraqi["id"]
    assert entity_of(data, "Syrian Democratic Forces", 1)["id"] != iraqi["id"]


def test_ner_org_made_of_places_stays_places(analyze):
    data = analyze(
        "The smuggling paths run through the border towns of Yabroud and Flita, and then they cross into Lebanon."
    )
    kinds = {m["text"]: m["kind"] for m in data["mentions"]}
    assert kinds.get("Yabroud") == "place" and kinds.get("Flita") == "place"
    assert not any(m["kind"] == "actor" and "Yabroud" in m["text"] for m in data["mentions"])


def test_a_country_is_never_the_short_form_of_a_person(analyze):
    data = analyze(
        "Rethinking Egypt\nCAIRO - Egypt said on Monday it would reopen the crossing. "
        "Officials in Egypt declined to comment."
    )
    kinds = {(m["start"], m["text"]): m["kind"] for m in data["mentions"]}
    later = [kind for (start, text), kind in kinds.items() if text == "Egypt" and start > 20]
    assert later == ["place", "place"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen fired on a checkpoint at around 11 am (0630 GMT) on Wednesday, the army said.",
        "The ceasefire took effect at midnight (2200 GMT) but militants shelled the town at dawn.",
        "Rebels seized the bridge at 0400 UTC, a spokesman for the regional police said.",
    ],
)
def test_a_time_zone_is_no_actor(analyze, text):
    data = analyze(text)
    zones = [
        m
        for m in data["mentions"]
        if m["kind"] in ("actor", "person") and m["text"] in ("GMT", "UTC")
    ]
    assert zones == []
    assert any(m["kind"] == "actor" for m in data["mentions"])
