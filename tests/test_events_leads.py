"""Wire-story shapes: an undated lead and the dated detail after it are one incident; the place is
the town the happening is put in (not a road's far end, not the region around the town); weapons in
a seized haul decide over its drugs."""

import pytest
from handmade import TOWN, with_events

REGION = "ADM1"


@pytest.mark.parametrize(
    ("text", "places", "day"),
    [
        (
            "An air strike on a village killed nine civilians, residents said.\n"
            "A jet dropped two bombs on Tokala on Monday afternoon, a farmer said.",
            {"Tokala": TOWN},
            "2024-04-15",
        ),
        (
            "Two policemen and four attackers were killed when militants raided a police post.\n"
            "Gunmen stormed the post in Dareen late on Thursday night, the police said.",
            {"Dareen": TOWN},
            "2024-04-18",
        ),
        (
            "Rebels killed eleven villagers in a raid on a farming village, local officials said.\n"
            "The fighters attacked Mbeleko on Wednesday and hacked the victims to death.",
            {"Mbeleko": TOWN},
            "2024-04-17",
        ),
    ],
)
def test_an_undated_lead_and_its_dated_detail_are_one_event(text, places, day):
    a = with_events(text, places=places)
    [ev] = a.events
    assert ev.date.value == day and not ev.date.inferred
    assert a.entity(ev.place).name in places
    assert len(ev.sentences) == 2


def test_a_dated_happening_far_after_an_undated_one_stays_its_own():
    text = (
        "Gunmen killed three traders on the market road, a trader said.\n"
        "The market has been closed for a week.\n"
        "Farmers say they no longer go to their fields.\n"
        "On Sunday, gunmen killed two herders near Tokala."
    )
    evs = with_events(text, places={"Tokala": TOWN}).events
    assert len(evs) == 2
    assert evs[1].date.value == "2024-04-14"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "A roadside bomb hit an army truck on the Gao–Ansongo road near Ansongo on Sunday, "
            "killing two soldiers.",
            "Ansongo",
        ),
        (
            "A mine exploded under a minibus on the road between Bama and Konduga on Monday, "
            "killing five passengers.",
            "Bama",
        ),
        (
            "Insurgents ambushed a convoy on the Mueda-Awasse highway outside Awasse on Friday, "
            "killing four soldiers.",
            "Awasse",
        ),
    ],
)
def test_a_road_named_by_its_ends_yields_to_the_town_it_runs_past(text, town):
    places = {"Gao": TOWN, "Ansongo": TOWN, "Bama": TOWN, "Konduga": TOWN, "Mueda": TOWN}
    places["Awasse"] = TOWN
    a = with_events(text, places={k: v for k, v in places.items() if k in text})
    [ev] = a.events
    assert a.entity(ev.place).name == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "In the hills of Tarlo, in the Kessa region, troops came under fire on Friday. "
            "In the ensuing fight, three gunmen were killed.",
            "Tarlo",
        ),
        (
            "Near the village of Dunmo, in the Arbeth district, a patrol was ambushed at dawn. "
            "Two soldiers were killed in the exchange of fire.",
            "Dunmo",
        ),
        (
            "At a farm outside Kiyani, in the Lumba province, soldiers surprised a group of rebels. "
            "The ensuing gunfight killed four of them.",
            "Kiyani",
        ),
    ],
)
def test_the_town_told_before_a_follow_up_beats_its_region(text, town):
    """The paragraph sets the scene in a town and its region; the follow-up names neither."""
    regions = {"Kessa": REGION, "Arbeth": REGION, "Lumba": REGION}
    places = {town: TOWN, **{k: v for k, v in regions.items() if k in text}}
    a = with_events(text, places=places)
    ev = next(e for e in a.events if e.type == "Battles")
    assert a.entity(ev.place).name == town


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers at a checkpoint seized 300,000 Captagon pills, 60 kilograms of hashish and two "
        "Kalashnikov rifles on Sunday.",
        "Customs officers found 40 kilograms of cocaine, 12 kilograms of heroin and three pistols "
        "hidden in a lorry on Saturday.",
        "Police discovered cannabis, methamphetamine and a box of hand grenades in a warehouse "
        "on Friday.",
    ],
)
def test_weapons_in_a_haul_decide_over_its_drugs(text):
    assert [e.sub_type for e in with_events(text).events] == ["Disrupted weapons use"]


def test_a_haul_of_drugs_alone_stays_other():
    text = "Customs officers found 40 kilograms of cocaine and 12 kilograms of heroin on Saturday."
    assert [e.sub_type for e in with_events(text).events] == ["Other"]
