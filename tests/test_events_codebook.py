"""ACLED codebook decision rules: victims, weapons, crowds, seizures, and what is no event at all."""

import pytest
from handmade import handmade

from sitrep import events


def subtypes(text: str, published: str = "2024-03-14", **kw) -> list[str]:
    a, doc = handmade(text, **kw)
    a.document.published = published
    events.annotate(a, doc)
    return [e.sub_type for e in a.events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Victims decide: armed men killed in a fight are a battle, unarmed people an attack on civilians.
        (
            "Six soldiers were killed on Monday when militants ambushed their convoy near Kelwa.\nNo more.",
            "Armed clash",
        ),
        (
            "Gunmen killed four soldiers at a checkpoint outside Kelwa on Monday.\nNo more.",
            "Armed clash",
        ),
        ("Gunmen killed four farmers in their fields outside Kelwa on Monday.\nNo more.", "Attack"),
        (
            "Militants executed six villagers in the main square of Kelwa on Monday.\nNo more.",
            "Attack",
        ),
        # Weapons decide the remote-violence sub-type.
        (
            "A drone dropped explosives on a house in Kelwa on Monday, wounding two children.\nNo more.",
            "Air/drone strike",
        ),
        (
            "Militia gunners fired mortar rounds into the market of Kelwa on Monday.\nNo more.",
            "Shelling/artillery/missile attack",
        ),
        (
            "A man threw a grenade into a cafe in Kelwa on Monday, wounding five people.\nNo more.",
            "Grenade",
        ),
        # A violent demonstration needs a demonstration; a group that is not demonstrating is a mob.
        (
            "Protesters threw stones at police and set tyres on fire in Kelwa on Monday.\nNo more.",
            "Violent demonstration",
        ),
        (
            "A group of local men stopped a bus outside Kelwa on Monday and pelted it with stones.\nNo more.",
            "Mob violence",
        ),
        # A seizure with weapons in it is disrupted weapons use, even with drugs beside them.
        (
            "Border guards seized 40 kilograms of heroin and three rifles near Kelwa on Monday.\nNo more.",
            "Disrupted weapons use",
        ),
        (
            "Border guards seized 40 kilograms of heroin from a lorry near Kelwa on Monday.\nNo more.",
            "Other",
        ),
    ],
)
def test_codebook_rules(text, expected):
    assert subtypes(text)[:1] == [expected]


def test_an_event_inside_a_quotation_counts():
    text = (
        '"They shot dead my brother at the well on Sunday," a villager from Kelwa told reporters.\n'
        "Nobody has been arrested."
    )
    assert "Attack" in subtypes(text)


def test_a_dateline_lead_event():
    text = (
        "KELWA, Ruritania, May 13 (Example Wire) – Insurgents stormed a police station in the town on Friday, "
        "killing three officers, officials said.\nThe town was calm later."
    )
    a, doc = handmade(text, places={"KELWA": "PPL"})
    a.document.published = "2024-05-13"
    events.annotate(a, doc)
    assert [e.sub_type for e in a.events] == ["Armed clash"]
    [ev] = a.events
    assert ev.date.value == "2024-05-10"
    assert ev.place == "pl1"
    assert ev.fatalities.best == 3


@pytest.mark.parametrize(
    "text",
    [
        (
            "The striker fired a shot into the far corner to kill off the match on Saturday.\n"
            "The visitors attacked relentlessly after the break and stormed back with two late goals."
        ),
        "Shares crashed on Monday as investors fled, and the index took a beating.\nTrading resumed on Tuesday.",
    ],
)
def test_sports_markets_and_metaphors_are_no_events(text):
    assert subtypes(text) == []


@pytest.mark.parametrize(
    "text, places, expected",
    [
        (
            "Troops clashed with smugglers north of the village of Tell Hamra, east of Dorva, on Monday.\nMore.",
            {"Tell Hamra": "PPL", "Dorva": "PPL"},
            "Tell Hamra",
        ),
        (
            "Jets struck a camp on the shore of Lake Zana near Kelwa on Monday.\nMore.",
            {"Lake Zana": "LK", "Kelwa": "PPL"},
            "Kelwa",
        ),
        (
            "Rebels stormed the district capital of Kelwa in northern Ruritania on Monday.\nMore.",
            {"Kelwa": "PPL", "Ruritania": "PCLI"},
            "Kelwa",
        ),
    ],
)
def test_the_event_is_placed_at_the_town(text, places, expected):
    a, doc = handmade(text, places=places)
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    names = {e.id: e.name for e in a.entities}
    assert [names[e.place] for e in a.events] == [expected]


def test_a_defused_bomb_is_no_attack():
    text = "Army engineers defused a roadside bomb planted under a bridge near Kelwa on Monday.\nTraffic resumed."
    assert subtypes(text) == ["Disrupted weapons use"]


def test_a_cache_of_explosive_devices_is_a_seizure():
    text = (
        "Troops discovered and destroyed a cache holding nine improvised explosive devices near Kelwa on Monday.\n"
        "Nobody was hurt."
    )
    assert subtypes(text) == ["Disrupted weapons use"]
