"""Which body a generic noun means when two are in play: the local group rather than the
transnational brand it pledged to, a country's possessive picking that country's force, and one
reading of an ambiguous name per report. Texts are our own."""

from __future__ import annotations

import pytest
from test_actors_recognition import entity_of


def test_generic_noun_means_local_affiliate_not_its_transnational_umbrella(analyze):
    data = analyze(
        "Islamic State Mozambique Province (ISMP) fighters raided a village near Macomia on "
        "Tuesday. The Islamic State later claimed the raid through its news agency. Insurgents "
        "burned about forty homes, residents said, and the group seized a fishing boat."
    )
    local = entity_of(data, "ISMP")
    umbrella = entity_of(data, "The Islamic State")
    assert local is not None and umbrella is not None and local["id"] != umbrella["id"]
    for generic in ("fighters", "Insurgents", "the group"):
        assert entity_of(data, generic)["id"] == local["id"], generic


def test_transnational_umbrella_is_still_meant_when_alone(analyze):
    data = analyze(
        "The Islamic State claimed a bombing in a market on Friday. The group said two of its "
        "fighters had carried it out."
    )
    assert entity_of(data, "The group")["id"] == entity_of(data, "Islamic State")["id"]


def test_national_wing_leaves_its_movement_the_referent(analyze):
    data = analyze(
        "Houthi military spokesman Yahya Saree said the movement's forces fired two missiles at a "
        "tanker. The Houthis said they would go on, and the group warned shipping firms."
    )
    assert entity_of(data, "the group")["id"] == entity_of(data, "The Houthis")["id"]


def test_country_possessive_with_compound_modifier_picks_that_countrys_force(analyze):
    data = analyze(
        "Oman's government-backed coastguard said it stopped a dhow carrying drone parts. The "
        "coastguard held the crew in Salalah. Separately, a Libyan Coast Guard boat fired on a "
        "dinghy off Zawiya, and the Coast Guard said its crew had fired warning shots."
    )
    omani, libyan = entity_of(data, "coastguard"), entity_of(data, "Libyan Coast Guard")
    assert omani is not None and libyan is not None and omani["id"] != libyan["id"]
    assert entity_of(data, "coastguard", 1)["id"] == omani["id"]
    assert entity_of(data, "Coast Guard", 1)["id"] == libyan["id"]


def test_bare_force_noun_with_a_verb_joins_the_named_force_not_a_catch_all(analyze):
    data = analyze(
        "The Greek coast guard picked up 40 people off Lesbos on Sunday. Later the coastguard "
        "said two boats had turned back towards the Turkish shore."
    )
    named = entity_of(data, "Greek coast guard")
    assert named is not None
    assert entity_of(data, "coastguard")["id"] == named["id"]
    assert named["name"] != "Unidentified state forces"


def test_an_ambiguous_acronym_settled_once_keeps_its_reading(analyze):
    data = analyze(
        "Fighting between the army and the paramilitary Rapid Support Forces spread to Omdurman. "
        "Neither the army nor the RSF gave casualty figures. Witnesses said RSF trucks entered the "
        "market, and the RSF said it had taken the bridge."
    )
    rsf = entity_of(data, "Rapid Support Forces")
    assert {entity_of(data, "RSF", n)["id"] for n in range(3)} == {rsf["id"]}
    assert entity_of(data, "army")["id"] != rsf["id"]


def test_generic_noun_of_a_named_group_means_that_group(analyze):
    data = analyze(
        "Al-Shabaab fighters ambushed a convoy near Afgooye on Monday. Later, militants from the "
        "Islamic State in Somalia attacked a post in Puntland, killing four guards."
    )
    shabaab, isis = entity_of(data, "Al-Shabaab"), entity_of(data, "Islamic State in Somalia")
    assert shabaab["id"] != isis["id"]
    assert entity_of(data, "fighters")["id"] == shabaab["id"]
    assert entity_of(data, "militants")["id"] == isis["id"]


def test_country_possessive_beats_the_armies_the_registry_would_guess(analyze):
    data = analyze(
        "The Malian army said its troops repelled an attack near Boni. Chad's army said its "
        "soldiers killed 20 militants near the lake, and the Chadian army lost two men."
    )
    mali, chad = entity_of(data, "Malian army"), entity_of(data, "Chadian army")
    assert mali["id"] != chad["id"]
    assert entity_of(data, "army", 1)["id"] == chad["id"]
    assert entity_of(data, "troops")["id"] == mali["id"]


def test_a_sentence_initial_article_is_no_part_of_a_body_name(analyze):
    data = analyze(
        "A Libyan Coast Guard boat fired on a dinghy off Zuwara. A Coast Guard spokesman said the "
        "crew fired warning shots. A Wagner Group convoy was seen near Sirte."
    )
    body = entity_of(data, "Libyan Coast Guard")
    spokesman_body = entity_of(data, "Coast Guard spokesman")
    assert spokesman_body["id"] == body["id"]
    assert not any(m["text"].startswith("A ") for m in data["mentions"] if m["kind"] == "actor")


def test_border_guards_join_the_named_countrys_border_force(analyze):
    data = analyze(
        "Six Turkmen border guards were wounded in a shoot-out with smugglers on Friday. The border "
        "guards had stopped a lorry near the crossing, and Afghan border guard units later "
        "arrested two drivers."
    )
    turkmen, afghan = entity_of(data, "Turkmen border guards"), entity_of(data, "Afghan border")
    assert turkmen is not None and afghan is not None and turkmen["id"] != afghan["id"]
    assert entity_of(data, "border guards", 1)["id"] == turkmen["id"]
    assert entity_of(data, "smugglers")["id"] not in (turkmen["id"], afghan["id"])


def test_a_group_named_right_before_a_force_noun_owns_it(analyze):
    data = analyze(
        "Pakistani troops shelled a post at the crossing on Sunday. Taliban border guards returned "
        "fire, the Taliban said, and the Pakistani army said two soldiers were hurt."
    )
    taliban = entity_of(data, "the Taliban said")
    assert entity_of(data, "Taliban border guards")["id"] == taliban["id"]
    assert entity_of(data, "border guards")["id"] == taliban["id"]
    assert entity_of(data, "soldiers")["id"] == entity_of(data, "Pakistani troops")["id"]


def test_attackers_and_paramilitaries_refer_back_to_the_named_group(analyze):
    data = analyze(
        "The paramilitary Rapid Support Forces shelled the market in El Obeid. The paramilitary "
        "said it had taken the airport. Residents said the attackers looted shops and the "
        "assailants left at dawn."
    )
    rsf = entity_of(data, "Rapid Support Forces")
    for generic in ("The paramilitary", "attackers", "assailants"):
        assert entity_of(data, generic)["id"] == rsf["id"], generic


def test_gunmen_stay_unknown_beside_a_named_group(analyze):
    data = analyze(
        "ISWAP fighters raided a base near Monguno on Monday. On Tuesday gunmen killed two farmers "
        "near Bama, and armed men burned a clinic in the same village."
    )
    iswap, gunmen = entity_of(data, "ISWAP"), entity_of(data, "gunmen")
    assert gunmen is not None and gunmen["id"] != iswap["id"]
    assert entity_of(data, "armed men")["id"] == gunmen["id"]
    assert entity_of(data, "On Tuesday") is None


def test_a_date_before_a_group_word_is_no_group(analyze):
    data = analyze(
        "Last Friday militants of the Ansaroul Islam group attacked a post near Djibo. In March "
        "rebels had cut the road."
    )
    assert entity_of(data, "Last Friday") is None
    assert entity_of(data, "In March") is None


def test_islamists_and_kidnappers_are_generic_references_too(analyze):
    data = analyze(
        "Boko Haram fighters stormed a school in Yobe on Sunday. The Islamists seized 30 girls, and "
        "the kidnappers later sent a video; the extremists asked for money."
    )
    group = entity_of(data, "Boko Haram")
    for generic in ("Islamists", "kidnappers", "extremists"):
        assert entity_of(data, generic)["id"] == group["id"], generic


def test_the_junta_and_the_regime_are_the_ruling_council_not_the_resistance(analyze):
    data = analyze(
        "Myanmar's junta sent jets over Sagaing on Monday, a local People's Defense Force unit "
        "said. The State Administration Council did not comment, but the regime said it had hit "
        "rebel camps, and the junta denied harming villagers."
    )
    council = entity_of(data, "State Administration Council")
    assert council is not None
    for generic in ("junta", "the regime"):
        assert entity_of(data, generic)["id"] == council["id"], generic
    assert entity_of(data, "junta", 1)["id"] == council["id"]
    assert entity_of(data, "People's Defense Force")["id"] != council["id"]


def test_security_forces_alone_are_one_generic_body_not_a_named_army(analyze):
    data = analyze(
        "The Kenya Defence Forces said on Monday its soldiers had cleared a camp near Lamu. Later "
        "security forces arrested six men, and security forces also closed the road."
    )
    kdf = entity_of(data, "Kenya Defence Forces")
    first, second = entity_of(data, "security forces"), entity_of(data, "security forces", 1)
    assert first is not None and first["id"] == second["id"]
    assert first["id"] != kdf["id"]
    assert entity_of(data, "soldiers")["id"] == kdf["id"]


QUOTED_SIDES = [
    (
        'Indian troops and Chinese soldiers scuffled on the ridge. "Our soldiers held the post," an '
        "officer in Leh said. Chinese troops pulled back at dusk.",
        "Chinese troops",
        "soldiers held",
    ),
    (
        "Armenian forces and Azerbaijani troops traded fire overnight. A spokesman in Baku said: "
        '"Our troops answered the shelling."',
        "Azerbaijani troops",
        "troops answered",
    ),
    (
        "Sudanese army units fought Ethiopian troops near the border post. An Ethiopian officer "
        'said, "our soldiers lost two men."',
        "Ethiopian troops",
        "soldiers lost",
    ),
]


@pytest.mark.parametrize(("text", "named", "generic"), QUOTED_SIDES)
def test_speakers_own_forces_join_neither_side(analyze, text, named, generic):
    """ "our soldiers" in a quote is the speaker's side, which two named forces leave open."""
    data = analyze(text)
    force, noun = entity_of(data, named), entity_of(data, generic)
    assert force is not None and noun is not None
    assert noun["id"] != force["id"]
    assert noun["name"] in generic  # a generic actor of its own, no other named body


def test_two_speakers_own_forces_stay_apart(analyze):
    data = analyze(
        'Afghan forces and Pakistani troops clashed at the crossing. "Our soldiers returned fire," '
        'a Kabul official said. "Our troops used mortars," a Pakistani officer said.'
    )
    assert entity_of(data, "soldiers returned")["id"] != entity_of(data, "troops used")["id"]


def test_speakers_own_forces_join_the_only_force_named(analyze):
    data = analyze(
        'Pakistani troops repelled an attack on a checkpoint. "Our soldiers fought for an hour," '
        "an officer said."
    )
    assert entity_of(data, "soldiers fought")["id"] == entity_of(data, "Pakistani troops")["id"]
