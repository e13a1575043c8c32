"""Event typing: each ACLED family, roles in active and passive voice, and what is not an event."""

import pytest
from handmade import handmade

from sitrep import events


def events_of(text: str, published: str = "2024-03-14", **kw):
    a, doc = handmade(text, **kw)
    a.document.published = published
    events.annotate(a, doc)
    return a


def only(text: str, **kw):
    a = events_of(text, **kw)
    assert len(a.events) == 1, [(e.trigger.text, e.sub_type) for e in a.events]
    return a.events[0]


@pytest.mark.parametrize(
    "text, type_, sub_type",
    [
        (
            "Rebels and soldiers clashed for hours near the dam on Monday.\nNo other news.",
            "Battles",
            "Armed clash",
        ),
        (
            "Army troops recaptured the town of Kelwa from the insurgents on Monday.\nCalm returned.",
            "Battles",
            "Government regains territory",
        ),
        (
            "Insurgents seized control of the town of Kelwa on Monday.\nCalm returned.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        (
            "Warplanes bombed a fuel depot outside the city on Monday, killing three guards.\nFires burned.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Militia gunners shelled the market with mortars on Monday.\nShops closed.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "A roadside bomb exploded under a police truck on Monday.\nThe road was closed.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "A suicide bomber blew himself up at a wedding hall on Monday.\nMourners gathered.",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
        (
            "Gunmen abducted two aid workers from their car on Monday.\nTalks began.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            "Unknown gunmen shot dead four farmers in their fields on Monday.\nThe harvest stopped.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Hundreds of teachers marched peacefully to the ministry on Monday to demand unpaid wages.\nIt was cold.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "Police fired tear gas to disperse students who rallied outside parliament on Monday.\nClasses resumed.",
            "Protests",
            "Protest with intervention",
        ),
        (
            "Rioters threw stones at police and set tyres on fire during the protest on Monday.\nShops shut.",
            "Riots",
            "Violent demonstration",
        ),
        (
            "Police arrested nine suspects in a dawn raid on Monday.\nThey were questioned.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "The two factions signed a ceasefire agreement in the capital on Monday.\nGuns fell silent.",
            "Strategic developments",
            "Agreement",
        ),
        (
            "Soldiers defused an explosive device found under a bridge on Monday.\nTraffic resumed.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "Looters ransacked shops in the old market on Monday.\nOwners counted losses.",
            "Strategic developments",
            "Looting/property destruction",
        ),
    ],
)
def test_each_family(text, type_, sub_type):
    e = only(text)
    assert (e.type, e.sub_type) == (type_, sub_type)
    assert e.date is not None and e.date.value == "2024-03-11"
    assert e.plover


def test_passive_voice_keeps_agent_and_victim():
    text = "On 3 May 2023, the commander Abu Karim was found and killed by Delta Brigade in the village of Tell Hamra.\nNothing else."
    e = only(
        text,
        actors={"Delta Brigade": "state_force"},
        persons=("Abu Karim",),
        places={"Tell Hamra": "PPL"},
    )
    roles = {r.role: r.entity for r in e.actors}
    assert roles == {"actor1": "ac1", "actor2": "pe1"}
    assert e.place == "pl1"
    assert (e.date.value, e.date.precision) == ("2023-05-03", "day")


def test_innermost_place_wins():
    text = "Drones struck a truck in the village of Tell Hamra in Rawda province on Friday.\nNothing else."
    e = only(text, places={"Tell Hamra": "PPL", "Rawda": "ADM1"})
    assert e.place == "pl1"


def test_denied_planned_and_habitual_are_not_events():
    text = (
        "The army denied carrying out an airstrike on the camp.\n"
        "The rebels threatened to attack the airport next week.\n"
        "Both sides have shelled the valley repeatedly since 2019.\n"
        "If talks fail, the militia could seize the port."
    )
    assert events_of(text).events == []


def test_a_snippet_always_gets_a_best_guess():
    a = events_of("The ministry denied that its jets had bombed the hospital.")
    assert len(a.events) == 1
    e = a.events[0]
    assert e.sub_type == "Air/drone strike" and e.modality == "negated" and e.confidence < 0.5


def test_separate_acts_in_one_sentence():
    text = (
        "Coastguards seized 300 kilograms of heroin from a fishing boat on Sunday and detained its crew, "
        "while police arrested two brokers in the port the same morning.\nNothing else."
    )
    subs = [e.sub_type for e in events_of(text).events]
    assert subs == ["Other", "Arrests", "Arrests"]


def test_event_inherits_the_date_of_the_happening_told_before():
    text = (
        "Militants stormed a police post on Saturday night, killing five officers.\n"
        "The attackers also kidnapped a shepherd before leaving."
    )
    evs = events_of(text, published="2024-03-14").events
    assert [e.sub_type for e in evs] == ["Armed clash", "Abduction/forced disappearance"]
    assert evs[1].date.value == "2024-03-09" and evs[1].date.inferred


def test_full_pipeline_output_validates(analyze):
    data = analyze(
        "Gunmen kidnapped a priest in the town of Kelwa on Tuesday, police said.\n"
        "Smugglers charge $1,500 per person for the crossing.",
        published="2024-03-14",
    )
    assert [e["sub_type"] for e in data["events"]] == ["Abduction/forced disappearance"]
    assert data["events"][0]["date"]["value"] == "2024-03-12"
    money = [q for q in data["quantities"] if q["unit"] == "USD"]
    assert [(q["value"], q["per"]) for q in money] == [(1500, "person")]


def test_agent_of_a_passive_killing_comes_from_its_when_clause(analyze):
    data = analyze(
        "Three fighters of Hurras al-Din were killed on Monday when a drone operated by Turkish forces "
        "struck their truck near Tal Tamr, a local source said.",
        published="2024-03-06",
    )
    names = {e["id"]: e["name"] for e in data["entities"]}
    [event] = [ev for ev in data["events"] if ev["sub_type"] == "Air/drone strike"]
    roles = {x["role"]: names[x["entity"]] for x in event["actors"]}
    assert "Turk" in roles["actor1"]
    assert roles["actor2"] == "Hurras al-Din"
