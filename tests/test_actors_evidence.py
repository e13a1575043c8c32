"""Actors an analyst can trust: registry matches need evidence, unknown groups are typed by their
names, sides are never merged, and the place/actor decision goes both ways. Texts are our own."""

from __future__ import annotations

import re

from test_actors_recognition import entity_of, places_over

from sitrep.actors.registry import registry


def registry_key(data: dict, surface: str, nth: int = 0) -> str | None:
    ent = entity_of(data, surface, nth)
    return ent["ids"].get("registry") if ent else None


def test_no_short_alias_matches_lower_or_sentence_case_text():
    short = {
        a.name
        for e in registry().entries.values()
        for a in e.aliases
        if len(re.sub(r"\W", "", a.name)) <= 2
    }
    assert short, "the registry has short aliases to test"
    for alias in short:
        for form in {alias.lower(), alias.capitalize()} - {alias}:
            text = f"{form} group of men said on Monday that {form} convoy had left."
            assert not registry().find(text), (alias, form)


def test_sentence_initial_a_is_no_acronym(analyze):
    data = analyze(
        "A group of gunmen ambushed a bus near Uruapan on Monday. A witness said four men died."
    )
    assert entity_of(data, "A group") is None
    assert all(e.get("ids", {}).get("registry") != "arakan-army" for e in data["entities"])


def test_namesake_constable_is_not_the_militant_leader(analyze):
    data = analyze(
        "Duty Foot Constable Abubakar Shekau of the Yobe State Police Command said the "
        "market would reopen. Shekau added that traders had nothing to fear."
    )
    person = entity_of(data, "Abubakar Shekau")
    assert person is not None and person["kind"] == "person"
    assert "registry" not in person["ids"]
    # his own force ("of the Yobe State Police Command") at most, never the militant's group
    own = next((e for e in data["entities"] if e["id"] == person["affiliation"]), None)
    assert own is None or own["actor_type"] == "state_force"
    assert entity_of(data, "Shekau", 1)["id"] == person["id"]
    assert not any(e["name"] == "Boko Haram" for e in data["entities"])


def test_a_lone_family_name_needs_support_to_be_a_known_person(analyze):
    bare = analyze("Golani said the road to the farms would stay closed until the harvest.")
    assert registry_key(bare, "Golani") is None
    backed = analyze("Hayat Tahrir al-Sham said on Monday that Golani had toured the front line.")
    assert registry_key(backed, "Golani") == "abu-mohammed-al-golani"


def test_junta_troops_stay_apart_from_the_resistance(analyze):
    data = analyze(
        "Junta troops shelled three villages held by the Karenni Nationalities Defence "
        "Force on Sunday. The troops later pulled back, and the military said the KNDF "
        "had lost ten men."
    )
    resistance = entity_of(data, "Karenni Nationalities Defence Force")
    assert resistance["actor_type"] == "armed_group"
    state = {entity_of(data, s)["id"] for s in ("Junta troops", "The troops", "the military")}
    assert len(state) == 1 and resistance["id"] not in state
    assert entity_of(data, "KNDF")["id"] == resistance["id"]


def test_national_adjective_picks_that_countrys_force(analyze):
    data = analyze(
        "Nigerian troops pushed north while Cameroonian soldiers held the border. Later "
        "the Cameroonian soldiers fired on a boat."
    )
    assert entity_of(data, "Nigerian troops")["id"] != entity_of(data, "Cameroonian soldiers")["id"]
    cameroon = entity_of(data, "Cameroonian soldiers")["id"]
    assert entity_of(data, "Cameroonian soldiers", 1)["id"] == cameroon


def test_revolution_force_and_defence_forces_are_armed_groups(analyze):
    data = analyze(
        "The Zomi Revolution Force clashed with the Lahu Peoples Defence Forces near "
        "Lashio. The Chin Brotherhood Force later joined the Zomi Revolution Force."
    )
    for name in ("Zomi Revolution Force", "Lahu Peoples Defence Forces", "Chin Brotherhood Force"):
        ent = entity_of(data, name)
        assert ent is not None and ent["kind"] == "actor", name
        assert ent["actor_type"] == "armed_group", name
    assert places_over(data, "Chin Brotherhood Force") == []


def test_generic_group_joins_the_named_armed_group_not_the_army(analyze):
    data = analyze(
        "Soldiers of the Malian army fought the Katibat Gourma Front near Hombori. The "
        "group later said its fighters had taken two trucks, and the army denied it."
    )
    group = entity_of(data, "Katibat Gourma Front")
    assert group["actor_type"] == "armed_group"
    assert entity_of(data, "The group")["id"] == group["id"]
    assert entity_of(data, "fighters")["id"] == group["id"]
    assert entity_of(data, "army", 1)["id"] == entity_of(data, "Malian army")["id"] != group["id"]


def test_possessive_place_pair_is_two_places(analyze):
    data = analyze(
        "Gunmen attacked a checkpoint in Khyber Pakhtunkhwa's Lakki Marwat on Sunday, and"
        " Balochistan's Turbat saw a second raid."
    )
    for place in ("Khyber Pakhtunkhwa", "Lakki Marwat", "Balochistan", "Turbat"):
        assert places_over(data, place), place
        assert entity_of(data, place) is None, place


def test_cartel_named_after_a_state_is_one_actor_and_no_place(analyze):
    data = analyze(
        "The Jalisco New Generation Cartel fought the Sinaloa Cartel near Fresnillo in "
        "Zacatecas. Tehrik-i-Taliban Pakistan and Islamic State West Africa Province are "
        "far from there."
    )
    for name in (
        "Jalisco New Generation Cartel",
        "Sinaloa Cartel",
        "Tehrik-i-Taliban Pakistan",
        "Islamic State West Africa Province",
    ):
        ent = entity_of(data, name)
        assert ent is not None and ent["kind"] == "actor", name
        assert places_over(data, name) == [], name
    assert entity_of(data, "Sinaloa Cartel")["actor_type"] == "criminal_network"


def test_bracketed_name_and_initials_are_aliases(analyze):
    data = analyze(
        "The Interior Ministry (Segob) said the curfew would hold. Segob added that it "
        "had asked the Red Cross for help."
    )
    ministry = entity_of(data, "Interior Ministry")
    assert entity_of(data, "Segob")["id"] == ministry["id"] == entity_of(data, "Segob", 1)["id"]


def test_titles_stay_with_the_person_and_affiliation_from_of(analyze):
    data = analyze(
        "Brig. Gen. Hamid Osman, spokesman of the Sudanese army, said the Rapid Support "
        "Forces had shelled the market. Osman said troops had repelled them."
    )
    person = entity_of(data, "Hamid Osman")
    assert person["name"] == "Hamid Osman"
    assert entity_of(data, "Brig. Gen.")["id"] == person["id"] == entity_of(data, "Osman", 1)["id"]
    army = entity_of(data, "Sudanese army")
    assert person["affiliation"] == army["id"]
    assert entity_of(data, "Rapid Support Forces")["id"] != army["id"]
    assert places_over(data, "Rapid Support Forces") == [] and places_over(data, "Brig. Gen.") == []


def test_units_count_as_their_army(analyze):
    data = analyze(
        "Troops of the Fourth Division of the Chadian army and the 12 Motorised Brigade raided a "
        "camp. Sector 2 said the Fourth Division lost no men, and the army sent more troops."
    )
    army = entity_of(data, "Chadian army")
    for unit in ("Fourth Division", "12 Motorised Brigade", "Sector 2"):
        ent = entity_of(data, unit)
        assert ent is not None and ent["id"] == army["id"], unit
    assert entity_of(data, "troops", 0)["id"] == army["id"]


def test_described_fighters_are_their_own_actor(analyze):
    data = analyze(
        "Smugglers crossed the border at night. Guards fired on the group, while allied tribal "
        "fighters watched the road and Hurras al-Din fighters stayed in their base."
    )
    smugglers = entity_of(data, "Smugglers")
    assert smugglers is not None and entity_of(data, "the group")["id"] == smugglers["id"]
    tribal = entity_of(data, "tribal fighters")
    hurras = entity_of(data, "Hurras al-Din")
    assert tribal is not None and tribal["id"] not in (smugglers["id"], hurras["id"])


def test_a_regions_government_is_not_the_nations(analyze):
    data = analyze(
        "The federal government sent troops to Chiapas. The state government asked for calm, "
        "and state authorities closed the roads while the government promised aid."
    )
    national = entity_of(data, "federal government")
    local = entity_of(data, "state government")
    assert local is not None and national is not None and local["id"] != national["id"]
    assert entity_of(data, "state authorities")["id"] == local["id"]
