"""actor1 from the whole incident: the passive 'by', claims and blame in later sentences, never the target."""

from handmade import handmade

from sitrep import events

GROUPS = {"Delta Front": "armed_group", "Kelwa Brigade": "armed_group", "Gunmen": "armed_group"}


def roles_of(text: str) -> list[dict[str, str]]:
    a, doc = handmade(text, actors=GROUPS, places={"Kelwa": "PPL"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    name = {e.id: e.name for e in a.entities}
    return [{r.role: name[r.entity] for r in ev.actors} for ev in a.events]


def test_blamed_for_the_attack_in_a_later_sentence_sets_actor1():
    text = (
        "A bomb tore through a bus station in Kelwa on Monday, killing six passengers.\n"
        "The governor blamed the Delta Front for the attack."
    )
    [roles] = roles_of(text)
    assert roles.get("actor1") == "Delta Front"


def test_blaming_in_the_same_sentence_sets_actor1():
    text = "Two teachers were shot dead in Kelwa on Monday, with police blaming the Delta Front.\nMore."
    [roles] = roles_of(text)
    assert roles.get("actor1") == "Delta Front"


def test_the_attack_blamed_on_a_group_and_a_group_blamed_for_it():
    on = "A bomb killed four farmers in Kelwa on Monday.\nThe army blamed the bombing on the Delta Front."
    passive = "A bomb killed four farmers in Kelwa on Monday.\nThe Delta Front was blamed for the killings."
    assert [r.get("actor1") for r in roles_of(on) + roles_of(passive)] == ["Delta Front"] * 2


def test_blame_names_the_group_behind_unnamed_gunmen_but_not_over_a_named_one():
    unnamed = "Gunmen killed four villagers in Kelwa on Monday.\nOfficials blamed the Delta Front for the massacre."
    named = (
        "The Kelwa Brigade killed four villagers in Kelwa on Monday.\n"
        "Officials blamed the Delta Front for the massacre."
    )
    assert roles_of(unnamed)[0].get("actor1") == "Delta Front"
    assert roles_of(named)[0].get("actor1") == "Kelwa Brigade"


def test_blame_for_something_else_later_on_is_no_perpetrator():
    text = (
        "A bomb killed four farmers in Kelwa on Monday.\n"
        "Separately, the governor blamed the Delta Front for the fuel shortage."
    )
    assert "actor1" not in roles_of(text)[0]


def test_the_passive_by_inside_the_weapon_phrase():
    text = (
        "An improvised explosive device planted by Delta Front fighters damaged a truck near Kelwa "
        "on Friday.\nMore."
    )
    [roles] = roles_of(text)
    assert roles.get("actor1") == "Delta Front"


def test_the_target_is_never_the_perpetrator():
    text = (
        "The Kelwa Brigade ambushed a Delta Front convoy near Kelwa on Monday, killing nine fighters.\n"
        "Commanders blamed the Delta Front for provoking the fight."
    )
    [roles] = roles_of(text)
    assert roles == {"actor1": "Kelwa Brigade", "actor2": "Delta Front"}


def test_the_backer_before_backed_is_not_the_perpetrator():
    backed = "Delta Front-backed fighters of the Kelwa Brigade shelled Kelwa on Monday.\nMore."
    linked = (
        "A bomb killed six soldiers in Kelwa on Monday.\n"
        "The attack was claimed by the Delta Front-linked Kelwa Brigade."
    )
    led = "Delta Front-led forces of the Kelwa Brigade stormed Kelwa on Monday.\nMore."
    assert [roles_of(t)[0].get("actor1") for t in (backed, linked, led)] == ["Kelwa Brigade"] * 3


def test_a_passive_verb_joined_to_a_survivors_verb_does_not_take_the_survivor_as_killer():
    # "X escaped but Y were killed": the killed have their own subject; X is no agent of it.
    texts = (
        "A bomb struck a convoy in Kelwa on Monday. The Delta Front commander escaped but six "
        "of his guards were killed.",
        "Gunmen ambushed a bus near Kelwa on Monday. The Kelwa Brigade driver survived but four "
        "passengers were shot dead.",
        "A mortar hit the market in Kelwa on Monday. The Delta Front envoy was unhurt but two "
        "traders were wounded.",
    )
    for text in texts:
        assert all(r.get("actor1") not in ("Delta Front", "Kelwa Brigade") for r in roles_of(text))


def test_an_active_verb_joined_to_another_still_shares_its_agent():
    text = (
        "The Delta Front stormed a police post in Kelwa on Monday and killed four officers.\nMore."
    )
    assert [r.get("actor1") for r in roles_of(text)] == ["Delta Front"]


def test_the_outlet_in_a_dateline_takes_no_part_in_the_event():
    # The parse may hang the dateline on the first sentence's subject: the outlet is no target.
    texts = (
        "KELWA, Dorvania (Coast Wire) – Two soldiers were killed when a bomb exploded beside "
        "their truck on Saturday, the army said.",
        "KELWA (Hill Courier) – Four guards were wounded when gunmen of the Delta Front stormed "
        "a post on Monday.",
        "KELWA, Dorvania (Coast Wire) -- Gunmen ambushed five soldiers near the river on "
        "Sunday, killing them, villagers said.",
        "KELWA (Hill Courier)– Gunmen ambushed seven soldiers as they left a base on Saturday, "
        "killing them, officials said.",
    )
    outlets = {"Coast Wire", "Hill Courier"}
    for text in texts:
        a, doc = handmade(
            text,
            actors={"Coast Wire": "media", "Hill Courier": "media", "Delta Front": "armed_group"},
            places={"Kelwa": "PPL"},
        )
        a.document.published = "2024-03-14"
        events.annotate(a, doc)
        name = {e.id: e.name for e in a.entities}
        roles = [name[r.entity] for ev in a.events for r in ev.actors]
        assert a.events and not outlets & set(roles), (text, roles)
