"""A country's word on a weapon or its fire ("Russian drones", "an Israeli air strike", "Turkish
shelling") names that country's armed forces as the side that fired, and the event takes them as
actor1, even when the weapon only stands in the phrase the victims were killed in. Texts are our
own."""

from __future__ import annotations

import pytest
from test_actors_recognition import entity_of


def actor1_names(data: dict) -> list[str | None]:
    names = {e["id"]: e["name"] for e in data["entities"]}
    return [
        next((names[r["entity"]] for r in ev["actors"] if r["role"] == "actor1"), None)
        for ev in data["events"]
    ]


@pytest.mark.parametrize(
    ("text", "surface", "force"),
    [
        (
            "Russian drones hit a grain silo in Izmail overnight, wounding a guard, the port "
            "authority said.",
            "Russian drones",
            "Russian Armed Forces",
        ),
        (
            "An Israeli air strike flattened a two-storey house in Khan Younis on Sunday, killing "
            "five members of one family, medics said.",
            "Israeli air strike",
            "Israel Defense Forces",
        ),
        (
            "Turkish shelling struck a farm near Tal Tamr on Monday and wounded two shepherds, a "
            "local council said.",
            "Turkish shelling",
            None,
        ),
    ],
)
def test_country_word_on_a_weapon_names_that_countrys_forces_as_actor1(
    analyze, text, surface, force
):
    data = analyze(text, published="2024-05-06")
    ent = entity_of(data, surface)
    assert ent is not None and ent["kind"] == "actor" and ent["actor_type"] == "state_force"
    assert ent["name"] == (force or ent["name"]) and ent["name"] != surface
    assert actor1_names(data) == [ent["name"]]


def test_weapon_in_the_phrase_the_victims_died_in_gives_actor1(analyze):
    data = analyze(
        "Six people were killed in a Russian missile strike on a bus depot in Dnipro on Thursday, "
        "the regional governor said.",
        published="2024-05-06",
    )
    assert actor1_names(data) == ["Russian Armed Forces"]


def test_group_before_the_happening_noun_is_its_doer(analyze):
    data = analyze(
        "Four soldiers died in an al-Shabaab ambush on a supply convoy near Jowhar on Tuesday, an "
        "officer said.",
        published="2024-05-06",
    )
    [actor1] = actor1_names(data)
    assert actor1 is not None and "Shabaab" in actor1


@pytest.mark.parametrize(
    "text",
    [
        "French strikes closed schools in Lyon on Tuesday as teachers walked out over pay.",
        "The drones were shot down over the sea, the navy said.",
        "Houthi drones struck a tanker in the Red Sea on Friday, the shipping agency said.",
    ],
)
def test_no_countrys_forces_from_a_walkout_a_bare_weapon_or_a_groups_weapon(analyze, text):
    data = analyze(text, published="2024-05-06")
    states = [
        e["name"]
        for e in data["entities"]
        if e["kind"] == "actor" and e["actor_type"] == "state_force" and "Armed Forces" in e["name"]
    ]
    assert states == []


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        (
            "Russian drones struck Odesa overnight. A soldier guarding the port was wounded, "
            "officials said.",
            "Russian drones",
        ),
        (
            "An Israeli air strike hit a car near Tyre on Monday. Two soldiers at a nearby "
            "checkpoint were unhurt, the army said.",
            "Israeli air strike",
        ),
        (
            "Turkish shelling hit a village near Tal Tamr. Soldiers later cleared the road, a "
            "council official said.",
            "Turkish shelling",
        ),
    ],
)
def test_a_weapon_puts_no_soldiers_on_the_ground_for_a_bare_noun_to_join(analyze, text, weapon):
    data = analyze(text, published="2024-05-06")
    fired, bare = entity_of(data, weapon), entity_of(data, "oldier")
    assert fired is not None and bare is not None and fired["id"] != bare["id"]


def test_a_countrys_word_on_one_soldier_names_that_countrys_army(analyze):
    data = analyze(
        "Russian missiles hit an airfield near Kropyvnytskyi on Saturday. One Ukrainian soldier "
        "was killed, the governor said.",
        published="2024-05-06",
    )
    russian, ukrainian = entity_of(data, "Russian missiles"), entity_of(data, "Ukrainian soldier")
    assert russian is not None and ukrainian is not None and russian["id"] != ukrainian["id"]
    assert ukrainian["actor_type"] == "state_force"


def test_the_country_that_fired_stays_a_place_mention(analyze):
    data = analyze(
        "Russian missiles hit a power plant near Lviv on Friday, the governor said.",
        published="2024-05-06",
    )
    places = [m["text"] for m in data["mentions"] if m["kind"] == "place"]
    assert "Russian" in places and entity_of(data, "Russian missiles")["kind"] == "actor"
