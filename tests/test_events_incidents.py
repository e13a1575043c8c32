"""Incidents: one happening told in several sentences is one event, its facts gathered from all of them."""

from handmade import handmade

from sitrep import events


def events_of(text: str, published: str = "2024-03-14", **kw):
    a, doc = handmade(text, **kw)
    a.document.published = published
    events.annotate(a, doc)
    return a


def test_an_incident_told_in_four_sentences_is_one_event_with_summed_tolls():
    text = (
        "Troops clashed with insurgents near the village of Kelwa on Saturday.\n"
        "Eleven insurgents were killed in the fighting.\n"
        "Two soldiers also died, an officer said.\n"
        "The surviving insurgents withdrew into the forest."
    )
    evs = events_of(text, places={"Kelwa": "PPL"}).events
    assert [e.sub_type for e in evs] == ["Armed clash"]
    [ev] = evs
    assert ev.fatalities.best == 13
    assert ev.date.value == "2024-03-09"
    assert ev.place == "pl1"


def test_wounded_and_withdrew_are_facts_of_the_assault():
    text = (
        "Gunmen stormed an army checkpoint outside Kelwa on Saturday night.\n"
        "Two soldiers were wounded in the assault.\n"
        "The attackers withdrew before dawn."
    )
    evs = events_of(text).events
    assert len(evs) == 1 and evs[0].trigger.text == "stormed"
    assert evs[0].fatalities.best == 0


def test_a_revised_toll_takes_the_latest_figure():
    text = (
        "A car bomb exploded at a checkpoint in Kelwa on Friday.\n"
        "Officials first said three people had died; doctors later put the toll at seven."
    )
    [ev] = events_of(text).events
    assert ev.sub_type == "Remote explosive/landmine/IED"
    assert ev.fatalities.best == 7


def test_two_separate_clashes_stay_two():
    text = (
        "Rebels and soldiers clashed near Kelwa on Monday, killing four fighters.\n"
        "Separately, militiamen clashed with police in Dorva on Wednesday."
    )
    evs = events_of(text).events
    assert [e.sub_type for e in evs] == ["Armed clash", "Armed clash"]
    assert [e.date.value for e in evs] == ["2024-03-11", "2024-03-13"]


def test_claimed_responsibility_two_sentences_later_sets_actor1():
    text = (
        "A car bomb exploded outside a police station in Kelwa on Friday, killing four officers.\n"
        "The explosion shattered windows across the street.\n"
        "The Delta Front claimed responsibility in a statement posted online."
    )
    evs = events_of(text, actors={"Delta Front": "armed_group"}).events
    assert len(evs) == 1
    roles = {r.role: r.entity for r in evs[0].actors}
    assert roles.get("actor1") == "ac1"


def test_a_claim_of_the_attack_is_no_second_event():
    text = (
        "Gunmen shot dead three shopkeepers in Kelwa on Monday.\n"
        "The Delta Front claimed the attack on its news channel."
    )
    evs = events_of(text, actors={"Delta Front": "armed_group"}).events
    assert [e.sub_type for e in evs] == ["Attack"]
    assert {r.role: r.entity for r in evs[0].actors}.get("actor1") == "ac1"


def test_the_happening_day_wins_over_the_reporting_day():
    text = "Rebels attacked an army post near Kelwa on Saturday, a military spokesman told reporters on Tuesday.\nMore."
    [ev] = events_of(text).events
    assert ev.date.value == "2024-03-09"


def test_a_date_counted_from_the_one_before():
    text = (
        "Police arrested a smuggler in Kelwa on 3 March.\n"
        "Two days earlier, soldiers exchanged fire with smugglers near the border."
    )
    evs = events_of(text).events
    assert [e.sub_type for e in evs] == ["Arrests", "Armed clash"]
    assert evs[1].date.value == "2024-03-01"


def test_a_headline_defers_to_the_body():
    text = (
        "Four soldiers killed in border ambush\n"
        "Four soldiers were killed on Sunday when gunmen ambushed a patrol near Kelwa, the army said."
    )
    evs = events_of(text).events
    assert len(evs) == 1
    assert evs[0].trigger.start > text.index("\n")


def test_civilians_killed_during_a_battle_are_an_attack_of_their_own():
    text = (
        "Insurgents and soldiers fought for hours in Kelwa on Friday.\n"
        "The insurgents killed two farmers near the market before they left."
    )
    assert [e.sub_type for e in events_of(text).events] == ["Armed clash", "Attack"]


def test_shot_dead_is_past_whatever_the_parse():
    text = "Masked gunmen on a motorbike shot dead a retired judge outside his home in Kelwa on Sunday night.\nMore."
    evs = events_of(text).events
    assert [e.sub_type for e in evs] == ["Attack"]
    assert evs[0].fatalities.best == 1


def test_participles_naming_people_are_no_events():
    text = (
        "Rebels ambushed a police patrol near Kelwa on Friday, killing three officers.\n"
        "The wounded were flown to a hospital in Dorva.\n"
        "The injured included a sergeant and two constables."
    )
    evs = events_of(text).events
    assert [e.trigger.text for e in evs] == ["ambushed"]


def test_a_blast_named_again_after_another_incident_is_no_new_event():
    text = (
        "A roadside bomb killed two soldiers near Kelwa on Saturday.\n"
        "On Sunday, police arrested a suspected bomb-maker in Dorva.\n"
        "Killed in the blast were two corporals of the Fifth Brigade."
    )
    evs = events_of(text).events
    assert [e.sub_type for e in evs] == ["Remote explosive/landmine/IED", "Arrests"]
    assert evs[0].fatalities.best == 2


def test_a_soldier_named_with_his_rank_is_a_combatant():
    text = "Gunmen shot dead Soldier First Class Paul Ela near Kelwa on Friday.\nMore."
    [ev] = events_of(text).events
    assert ev.sub_type == "Armed clash"


def test_an_attack_on_police_or_an_army_post_is_a_battle_and_on_passengers_an_attack():
    police = "Gunmen attacked a checkpoint near Kelwa on Friday, killing four policemen.\nMore."
    post = "Militants stormed an army outpost in Kelwa on Friday, killing two officers.\nMore."
    bus = "Gunmen attacked a bus near Kelwa on Friday, killing four passengers.\nMore."
    subs = [events_of(t).events[0].sub_type for t in (police, post, bus)]
    assert subs == ["Armed clash", "Armed clash", "Attack"]


def test_a_happening_set_days_apart_is_no_part_of_the_incident():
    days = (
        "Gunmen attacked a police post near Kelwa on Friday, killing three officers.\n"
        "The assault came days after two suicide bombers stormed a barracks in Dorva."
    )
    week = (
        "Rebels ambushed a convoy near Kelwa on Friday, killing two soldiers.\n"
        "The ambush came a week after rebels attacked a patrol near Dorva."
    )
    since = (
        "Insurgents attacked a market in Kelwa on Friday, killing nine traders.\n"
        "It was the deadliest attack since insurgents shot dead forty villagers in Dorva."
    )
    first = [events_of(t).events for t in (days, week, since)]
    assert [len(evs) for evs in first] == [2, 2, 2]
    assert first[0][0].sub_type == "Armed clash"


def test_arrests_and_dispersal_of_a_protest_are_part_of_it():
    dispersed = (
        "Hundreds of farmers marched on the governor's office in Kelwa on Monday to protest against land seizures.\n"
        "Police dispersed the crowd with tear gas and detained twelve marchers."
    )
    arrested = (
        "Students demonstrated outside the university in Kelwa on Monday against fee rises.\n"
        "Police arrested five of the protesters."
    )
    separate = (
        "Students demonstrated outside the university in Kelwa on Monday against fee rises.\n"
        "Separately, police arrested two smugglers in Dorva."
    )
    subs = [[e.sub_type for e in events_of(t).events] for t in (dispersed, arrested, separate)]
    assert subs == [
        ["Protest with intervention"],
        ["Protest with intervention"],
        ["Peaceful protest", "Arrests"],
    ]


def test_a_protest_met_by_lethal_force_is_one_excessive_force_event():
    cases = [
        "Hundreds of teachers marched through Dorvale on Monday to demand unpaid wages. Police opened "
        "fire on the crowd, killing two of the marchers.",
        "Students rallied peacefully in Dorvale on Friday against the new fees. Security forces shot "
        "three protesters dead.",
        "Dock workers protested at the port in Dorvale on Sunday. Soldiers opened fire on the "
        "demonstrators, wounding four.",
    ]
    for text in cases:
        evs = events_of(text, places={"Dorvale": "PPL"}).events
        assert [e.sub_type for e in evs] == ["Excessive force against protesters"], text


def test_a_protest_dispersed_with_tear_gas_stays_a_protest_with_intervention():
    text = (
        "Nurses protested in Dorvale on Thursday over unpaid salaries. Police fired tear gas to "
        "disperse them."
    )
    evs = events_of(text, places={"Dorvale": "PPL"}).events
    assert [e.sub_type for e in evs] == ["Protest with intervention"]


def test_a_protest_broken_up_with_deaths_is_excessive_force():
    cases = [
        "Police fired tear gas and live rounds to break up a march of miners in Dorvale on Monday, "
        "killing two of them.",
        "Two demonstrators died when riot police dispersed a rally in Dorvale with batons on Friday.",
        "Soldiers used water cannon and gunfire to disperse a sit-in in Dorvale on Sunday; one "
        "student was killed.",
    ]
    for text in cases:
        evs = events_of(text, places={"Dorvale": "PPL"}).events
        assert [e.sub_type for e in evs] == ["Excessive force against protesters"], text
        assert evs[0].fatalities is not None and evs[0].fatalities.best > 0, text


def test_riot_police_at_a_protest_are_no_rioting():
    cases = [
        "Riot police dispersed a peaceful march of nurses in Dorvale on Monday.",
        "Officers in riot gear broke up a sit-in by students in Dorvale on Tuesday.",
        "A riot squad chased away traders demonstrating in Dorvale on Wednesday.",
    ]
    for text in cases:
        evs = events_of(text, places={"Dorvale": "PPL"}).events
        assert [e.sub_type for e in evs] == ["Protest with intervention"], text
