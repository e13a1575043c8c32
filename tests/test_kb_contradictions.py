"""Reports that tell one incident are linked even when they disagree, and each disagreement is
found: toll, date, perpetrator, place, manner of attack. Consistent reports raise nothing, and
two incidents on one day in one province stay two."""

from __future__ import annotations

from dataclasses import replace

import pytest
from kb_fixtures import actor, db_url, event, kb, place, report  # noqa: F401  (fixtures)
from sqlalchemy import select

from sitrep.kb import contradictions, incidents, query
from sitrep.kb.models import Incident, IncidentLink, ReportEvent
from sitrep.kb.store import store
from sitrep.model import Entity, Fatalities

# A made-up district: two villages 4 km apart, a market town 45 km off, the province around them.
ALDER = (36.2000, 37.1000, "SY", 9000001)
BIRCH = (36.2300, 37.1200, "SY", 9000002)
CEDAR = (36.5500, 37.4000, "SY", 9000003)
PROVINCE = (36.3000, 37.2000, "SY", 9000009)


def tell(
    doc_id: str,
    text: str,
    trigger: str,
    *,
    perpetrator: tuple[str, str] = ("Falcon Brigade", "falcon-brigade"),
    victim: tuple[str, str] | None = ("Ridge Guards", "ridge-guards"),
    where: tuple | str | None = ("Alder", *ALDER),
    day: str = "2024-03-04",
    precision: str = "day",
    killed: int | None = 3,
    low: int | None = None,
    sub_type: str = "Air/drone strike",
    type: str = "Explosions/Remote violence",
    inferred: bool = False,
    outlet: str | None = None,
    feature: str = "PPL",
) -> dict:
    """One report of our own telling one event, with the fields we want it to say."""
    ents = [actor("ac1", perpetrator[0], perpetrator[1], actor_type="armed_group")]
    if isinstance(where, str):  # a place the gazetteer could not put on the map
        ents.append(Entity("pl1", "place", where))
    elif where:
        ents.append(place("pl1", *where, feature=feature))
    roles = {"ac1": "actor1"}
    if victim:
        ents.append(
            actor(
                "ac2", victim[0], victim[1], actor_type="armed_group" if victim[1] else "civilians"
            )
        )
        roles["ac2"] = "actor2"
    ev = event(
        text,
        "ev1",
        trigger,
        sub_type,
        "pl1" if where else None,
        day,
        roles,
        killed,
        type=type,
        precision=precision,
    )
    ev.date = replace(ev.date, inferred=inferred)
    if killed is not None and low is not None:
        ev.fatalities = Fatalities(killed, low=low)
    return report(doc_id, text, ents, [ev], outlet=outlet or f"{doc_id} Post")


def found(kb) -> dict[str, dict]:
    with kb() as s:
        return {c["about"]: c for c in query.contradictions(s)}


def incident_count(kb) -> int:
    with kb() as s:
        return len(s.scalars(select(Incident)).all())


FIVE = (
    "Five Ridge Guards fighters died when a Falcon Brigade drone struck their pickup "
    "outside Alder on Monday."
)
STRIKE = "A drone of the Falcon Brigade hit a pickup of the Ridge Guards near Alder on Monday, killing three men."


def test_a_different_toll_is_one_incident_with_a_fatalities_contradiction(kb):
    with kb.begin() as s:
        store(s, tell("one", STRIKE, "hit"))
        store(s, tell("two", FIVE, "struck", killed=5))
    assert incident_count(kb) == 1
    c = found(kb)["fatalities"]
    assert set(found(kb)) == {"fatalities"}
    assert c["documents"] == ["one", "two"] and c["values"] == ["3", "5"] and c["pairs"] == [[0, 1]]
    one, two = c["sides"]
    assert one["outlet"] == "one Post" and one["sentences"][0]["text"] == STRIKE
    assert two["sources"][0]["text"] == "two Post" and c["incident"]["place"]["name"] == "Alder"


def test_at_least_five_agrees_with_seven_but_a_count_revised_to_five_does_not(kb):
    floor = "At least five Ridge Guards were killed when a Falcon Brigade drone hit their post at Alder on Monday."
    seven = "A Falcon Brigade drone strike on a Ridge Guards post at Alder on Monday killed seven fighters."
    pinned = (
        "A Falcon Brigade drone hit a Ridge Guards post at Alder on Monday and at least five were killed.\n"
        "Officials later raised the toll to five."
    )
    about = "A drone of the Falcon Brigade hit a Ridge Guards post at Alder on Monday, killing about 20 people."
    with kb.begin() as s:
        store(s, tell("floor", floor, "hit", killed=5, low=5))
        store(s, tell("seven", seven, "strike", killed=7))
    assert incident_count(kb) == 1 and "fatalities" not in found(kb)
    with kb.begin() as s:
        store(s, tell("pinned", pinned, "hit", killed=5, low=5))
    assert found(kb)["fatalities"]["documents"] == ["pinned", "seven"]
    assert found(kb)["fatalities"]["pairs"] == [[0, 1]]
    with kb.begin() as s:
        store(s, tell("about", about, "hit", killed=20, day="2024-03-05"))
        store(
            s,
            tell("twentytwo", about.replace("about 20", "22"), "hit", killed=22, day="2024-03-05"),
        )
    pairs = {
        tuple(sorted(c["documents"][i] for i in p)) for c in found(kb).values() for p in c["pairs"]
    }
    assert ("about", "twentytwo") not in pairs  # "about 20" holds 22


def test_dates_a_day_apart_disagree_but_a_month_or_an_inferred_date_does_not(kb):
    monday = "A drone of the Falcon Brigade hit a pickup of the Ridge Guards near Alder on 4 March, killing three men."
    sunday = "Three Ridge Guards died when a Falcon Brigade drone hit their pickup near Alder on 3 March."
    with kb.begin() as s:
        store(s, tell("monday", monday, "hit"))
        store(
            s,
            tell(
                "march",
                monday.replace("on 4 March", "in March"),
                "hit",
                day="2024-03",
                precision="month",
            ),
        )
        store(
            s,
            tell(
                "undated", monday.replace(" on 4 March", ""), "hit", day="2024-03-06", inferred=True
            ),
        )
    assert incident_count(kb) == 1 and found(kb) == {}
    with kb.begin() as s:
        store(s, tell("sunday", sunday, "hit", day="2024-03-03"))
    assert incident_count(kb) == 1
    c = found(kb)["date"]
    assert c["documents"] == ["monday", "sunday"] and c["values"] == ["2024-03-04", "2024-03-03"]


def test_rival_perpetrators_disagree_a_parent_group_and_its_branch_do_not(kb):
    """Registry facts: ISKP is the Islamic State's branch; the Haqqani network is the Taliban's."""
    text = "A drone of the {} hit a pickup of the Ridge Guards near Alder on Monday, killing three men."
    with kb.begin() as s:
        store(s, tell("branch", text.format("ISKP"), "hit", perpetrator=("ISKP", "iskp")))
        store(
            s,
            tell(
                "parent",
                text.format("Islamic State"),
                "hit",
                perpetrator=("Islamic State", "islamic-state"),
            ),
        )
    assert incident_count(kb) == 1 and found(kb) == {}
    with kb.begin() as s:
        store(
            s,
            tell(
                "rival",
                text.format("Haqqani network"),
                "hit",
                perpetrator=("Haqqani network", "haqqani-network"),
            ),
        )
    c = found(kb)["perpetrator"]
    assert c["documents"] == ["branch", "parent", "rival"]
    assert sorted(tuple(p) for p in c["pairs"]) == [(0, 2), (1, 2)]
    assert c["values"][2] == "Haqqani network"


def test_a_place_beyond_its_tolerance_disagrees_a_town_in_its_province_does_not(kb):
    near = "Falcon Brigade drone kills three Ridge Guards near Alder; the pickup carried the Saffron Ledger."
    far = "Falcon Brigade drone kills three Ridge Guards near Cedar; the pickup carried the Saffron Ledger."
    with kb.begin() as s:
        store(s, tell("alder", near, "kills"))
        store(s, tell("birch", near.replace("Alder", "Birch"), "kills", where=("Birch", *BIRCH)))
        store(
            s,
            tell(
                "province",
                near.replace("near Alder", "in the province"),
                "kills",
                where=("Rim", *PROVINCE),
                feature="ADM1",
            ),
        )
    assert incident_count(kb) == 1 and found(kb) == {}
    with kb.begin() as s:
        store(s, tell("cedar", far, "kills", where=("Cedar", *CEDAR)))
    assert incident_count(kb) == 1
    c = found(kb)["place"]
    assert "cedar" in c["documents"] and "province" not in c["documents"]
    assert all(c["documents"][i] == "cedar" or c["documents"][j] == "cedar" for i, j in c["pairs"])


def test_a_strike_told_as_a_clash_is_a_type_contradiction(kb):
    clash = "Falcon Brigade fighters clashed with Ridge Guards near Alder on Monday; three men were killed."
    with kb.begin() as s:
        store(s, tell("strike", STRIKE, "hit"))
        store(s, tell("clash", clash, "clashed", sub_type="Armed clash", type="Battles"))
    assert incident_count(kb) == 1
    c = found(kb)["type"]
    assert set(found(kb)) == {"type"}
    assert [v.split(" (")[0] for v in c["values"]] == ["clash", "strike"]


def test_a_consistent_pair_in_other_words_is_linked_without_contradiction(kb):
    other = (
        "Three members of the Ridge Guards lost their lives on 4 March when their pickup was struck by a "
        "Falcon Brigade drone close to the village of Alder."
    )
    with kb.begin() as s:
        store(s, tell("one", STRIKE, "hit"))
        store(s, tell("two", other, "struck", where=("Birch", *BIRCH)))
    assert incident_count(kb) == 1 and found(kb) == {}
    with kb() as s:
        [link] = query.incident_links(s)
    assert (
        link["score"] >= 3 and "same type" in link["reasons"] and "same toll 3" in link["reasons"]
    )


def test_two_incidents_on_one_day_in_one_province_stay_apart(kb):
    market = "A bomb went off in the market of Cedar on Monday, wounding shoppers."
    ambush = "Falcon Brigade fighters ambushed Ridge Guards near Alder on Monday."
    nearby = "A roadside bomb hit a bus near Birch on Monday, killing five passengers."
    with kb.begin() as s:
        store(
            s,
            tell(
                "market",
                market,
                "went off",
                perpetrator=("unknown attackers", None),
                victim=None,
                where=("Cedar", *CEDAR),
                killed=None,
                sub_type="Remote explosive/landmine/IED",
            ),
        )
        store(
            s,
            tell("ambush", ambush, "ambushed", killed=None, sub_type="Armed clash", type="Battles"),
        )
        store(
            s,
            tell(
                "bus",
                nearby,
                "hit",
                perpetrator=("Hill Cell", "hill-cell"),
                victim=("bus riders", None),
                where=("Birch", *BIRCH),
                killed=5,
                sub_type="Remote explosive/landmine/IED",
            ),
        )
    assert incident_count(kb) == 3 and found(kb) == {}


def test_a_link_is_undone_by_a_split(kb):
    with kb.begin() as s:
        store(s, tell("one", STRIKE, "hit"))
        store(s, tell("two", FIVE, "struck", killed=5))
    with kb.begin() as s:
        [link] = s.scalars(select(IncidentLink)).all()
        fresh = incidents.split(s, link.id)
        assert s.get(ReportEvent, link.report_event_id).incident_id == fresh.id
    assert incident_count(kb) == 2 and found(kb) == {}
    with kb.begin() as s, pytest.raises(ValueError, match="already undone"):
        incidents.split(s, link.id)
    with kb() as s:
        [undone] = query.incident_links(s)
    assert undone["undone"] and undone["split_to"] == fresh.id


def test_exported_events_carry_their_disputes(kb):
    with kb.begin() as s:
        store(s, tell("one", STRIKE, "hit"))
        store(s, tell("two", FIVE, "struck", killed=5))
    with kb() as s:
        stored = {a["document"]["id"]: a for a in query.analyses(s)}
    [dispute] = stored["one"]["events"][0]["contradictions"]
    assert dispute["field"] == "fatalities" and dispute["value"] == "3"
    assert [(d["document"], d["value"]) for d in dispute["disputed_by"]] == [("two", "5")]
    from sitrep.export.acled import rows
    from sitrep.export.geojson import feature_collection
    from sitrep.export.stix import bundle

    [row] = [r for r in rows([stored["one"]])]
    assert "Disputed fatalities: 3 here; 5 in two (two Post)" in row["notes"]
    [feature] = feature_collection([stored["two"]])["features"]
    assert feature["properties"]["contradictions"] == ["fatalities: 5 here; 3 in one (one Post)"]
    kinds = [o["type"] for o in bundle([stored["one"]]).objects]
    assert "opinion" in kinds and kinds.count("note") == 1


def test_contradictions_are_found_the_same_after_a_second_store(kb):
    data = [tell("one", STRIKE, "hit"), tell("two", FIVE, "struck", killed=5, day="2024-03-03")]
    with kb.begin() as s:
        for d in data:
            store(s, d)
    before = found(kb)
    with kb.begin() as s:
        assert all(store(s, d) is None for d in data)
    assert found(kb) == before and set(before) == {"fatalities", "date"}
    with kb() as s:
        assert contradictions.find(s, [before["date"]["event"]])[0].about == "fatalities"


def test_a_name_read_as_a_far_homonym_neither_parts_the_reports_nor_disputes_the_place(kb):
    """One gazetteer reading put the second report's Alder on another continent: the words
    agree, so the reports still meet, and their real dispute (the date) is found."""
    monday = "A drone of the Falcon Brigade hit a pickup of the Ridge Guards near Alder on 4 March, killing three men."
    sunday = "Three Ridge Guards died on 3 March when a Falcon Brigade drone hit their pickup near Alder."
    with kb.begin() as s:
        store(s, tell("right", monday, "hit"))
        store(
            s,
            tell(
                "misread",
                sunday,
                "hit",
                day="2024-03-03",
                where=("Alder", -16.5, -64.9, "BO", 9000077),
            ),
        )
    assert incident_count(kb) == 1
    assert set(found(kb)) == {"date"}


def test_a_village_no_gazetteer_knows_still_links_by_its_name_in_both_sentences(kb):
    """Unknown attackers, an unplaced village: the name both trigger sentences hold, the day and
    the type tell one attack; a village named differently that day is another."""
    one = "Gunmen killed 12 villagers in an attack on Korvani on Monday, an official said."
    two = "Twenty-one villagers were killed on Monday when gunmen attacked Korvani, residents said."
    other = "Gunmen killed four herders in an attack on Tesmali on Monday, an official said."
    kwargs = dict(
        perpetrator=("gunmen", None),
        victim=None,
        where=None,
        sub_type="Attack",
        type="Violence against civilians",
    )
    with kb.begin() as s:
        store(s, tell("one", one, "killed", killed=12, **kwargs))
        store(s, tell("two", two, "killed", killed=21, **kwargs))
        store(s, tell("other", other, "killed", killed=4, **kwargs))
    assert incident_count(kb) == 2
    assert found(kb)["fatalities"]["documents"] == ["one", "two"]


def test_a_perpetrator_named_only_in_a_blaming_sentence_is_compared(kb):
    """The events stage may take actor1 from "officials blamed X" after the attack's sentence;
    once it does, the KB links the reports by what else agrees and sets the two sides apart."""
    blamed = (
        "A drone hit a pickup of the Ridge Guards near Alder on Monday, killing three men. "
        "Local officials blamed the Falcon Brigade for the attack."
    )
    claimed = (
        "Three Ridge Guards died near Alder on Monday when a drone struck their pickup; the "
        "Haqqani network said it carried out the strike."
    )
    with kb.begin() as s:
        store(s, tell("blamed", blamed, "hit"))
        store(
            s,
            tell(
                "claimed",
                claimed,
                "struck",
                perpetrator=("Haqqani network", "haqqani-network"),
            ),
        )
    assert incident_count(kb) == 1
    assert set(found(kb)) == {"perpetrator"}
    c = found(kb)["perpetrator"]
    assert c["documents"] == ["blamed", "claimed"]
    assert c["values"] == ["Falcon Brigade", "Haqqani network"]
    # the side shows the attack's sentence and the one that names whom it blames
    assert [x["text"] for x in c["sides"][0]["sentences"]] == [
        "A drone hit a pickup of the Ridge Guards near Alder on Monday, killing three men.",
        "Local officials blamed the Falcon Brigade for the attack.",
    ]
    assert len(c["sides"][1]["sentences"]) == 1


def test_an_unnamed_perpetrator_against_a_named_one_is_no_dispute(kb):
    """ "Gunmen" in one report and a named group in the other: one report knows less, not other."""
    vague = "Unknown gunmen with a drone hit a pickup of the Ridge Guards near Alder on Monday, killing three men."
    with kb.begin() as s:
        store(s, tell("named", STRIKE, "hit"))
        store(s, tell("vague", vague, "hit", perpetrator=("gunmen", None)))
    assert incident_count(kb) == 1 and found(kb) == {}


@pytest.mark.parametrize(
    "name, key",
    [
        ("Unidentified gunmen", "unidentified-gunmen"),
        ("Unidentified armed group", "unidentified-armed-group"),
        ("Criminal gangs", "criminal-gangs"),
    ],
)
def test_a_class_of_the_registry_against_a_named_group_is_no_dispute(kb, name, key):
    """ "Armed men" read as the registry's class of unidentified gunmen (capitalised, with a key)
    still names no one: it does not dispute the group another report names."""
    vague = "Armed men with a drone hit a pickup of the Ridge Guards near Alder on Monday, killing three men."
    with kb.begin() as s:
        store(s, tell("named", STRIKE, "hit"))
        store(s, tell("vague", vague, "hit", perpetrator=(name, key)))
    assert incident_count(kb) == 1 and found(kb) == {}


def test_an_undated_report_of_the_publication_day_links_and_disputes_the_toll(kb):
    """A report that gives no date (its date is its publication day) about a blast at one spot, of
    one type, published the day another report dates it, tells that incident: its toll is compared.
    Two days later, with nothing else shared, it stays apart."""
    dated = "A bomb exploded in the market of Alder on 4 March, killing 20 people."
    undated = "A bomb exploded in the market of Alder, killing 55 people, a medic said."
    late = "A bomb exploded in the market of Alder, killing 9 people, a medic said."
    bomb = {
        "perpetrator": ("gunmen", None),
        "victim": None,
        "sub_type": "Remote explosive/landmine/IED",
    }
    with kb.begin() as s:
        store(s, tell("dated", dated, "exploded", killed=20, **bomb))
        store(s, tell("undated", undated, "exploded", killed=55, inferred=True, **bomb))
    assert incident_count(kb) == 1
    assert found(kb)["fatalities"]["documents"] == ["dated", "undated"]
    with kb.begin() as s:
        store(s, tell("late", late, "exploded", killed=9, inferred=True, day="2024-03-06", **bomb))
    assert incident_count(kb) == 2


def test_a_night_told_from_either_side_of_midnight_is_one_date(kb):
    """ "Late on Thursday night" and "in the early hours of Friday" tell one time; Wednesday
    against the small hours of Friday is still a dispute."""
    night = "A Falcon Brigade drone hit a pickup of the Ridge Guards near Alder late on Thursday night, killing three men."
    dawn = "In the early hours of Friday a Falcon Brigade drone hit a Ridge Guards pickup near Alder, killing three men."
    noon = "On Wednesday afternoon a Falcon Brigade drone hit a Ridge Guards pickup near Alder, killing three men."

    def dated(doc_id: str, text: str, day: str, words: str) -> dict:
        data = tell(doc_id, text, "hit", day=day)
        start = text.index(words)
        data["events"][0]["date"]["span"] = {
            "start": start,
            "end": start + len(words),
            "text": words,
        }
        return data

    with kb.begin() as s:
        store(s, dated("night", night, "2024-03-07", "late on Thursday night"))
        store(s, dated("dawn", dawn, "2024-03-08", "Friday"))
    assert incident_count(kb) == 1 and "date" not in found(kb)
    with kb.begin() as s:
        store(s, dated("noon", noon, "2024-03-06", "Wednesday afternoon"))
    c = found(kb)["date"]
    pairs = {frozenset(c["documents"][i] for i in p) for p in c["pairs"]}
    assert frozenset({"dawn", "noon"}) in pairs and frozenset({"night", "dawn"}) not in pairs


BLAMED = "A drone hit a pickup of the Ridge Guards near Alder on Monday, killing three men, and officials blamed the {}."


@pytest.mark.parametrize(
    "one, other",
    [
        ("Tamarisk Valley Front", "Northern Salt Brigade"),
        ("Sons of the Eastern Ridge", "Kestrel Revolutionary Army"),
        ("Harmattan Liberation Movement", "Ouled Sidi Vigilance Committee"),
    ],
)
def test_two_named_groups_no_registry_knows_are_rival_perpetrators(kb, one, other):
    """Two proper names of groups, neither in the registry and no word in common, blamed for
    one attack: the reports disagree about who did it (a group known to no registry is not a
    class like "soldiers" that any named group could fill)."""
    with kb.begin() as s:
        store(s, tell("first", BLAMED.format(one), "hit", perpetrator=(one, None)))
        store(s, tell("second", BLAMED.format(other), "hit", perpetrator=(other, None)))
    assert incident_count(kb) == 1
    c = found(kb)["perpetrator"]
    assert c["documents"] == ["first", "second"] and c["values"] == [one, other]


@pytest.mark.parametrize(
    "one, other",
    [
        # the longer name holds the shorter: the group and its command, a faction's full name
        ("Tamarisk Valley Front", "Southern Command of the Tamarisk Valley Front"),
        # one word in common: two spellings of one name more likely than two groups
        ("Kestrel Revolutionary Army", "Kestrel Liberation Army"),
        # an acronym or a one-word name says too little to set two groups apart
        ("Tamarisk Valley Front", "TVF"),
        ("Harmattan Liberation Movement", "Harmattanis"),
        # a lower-case description is no name
        ("Tamarisk Valley Front", "armed herders"),
    ],
)
def test_named_groups_that_may_be_one_raise_no_perpetrator_dispute(kb, one, other):
    with kb.begin() as s:
        store(s, tell("first", BLAMED.format(one), "hit", perpetrator=(one, None)))
        store(s, tell("second", BLAMED.format(other), "hit", perpetrator=(other, None)))
    assert incident_count(kb) == 1 and found(kb) == {}


UNPLACED = [
    # (text, trigger, place, day, killed) for two reports of one attack and a third of another
    (
        [
            (
                "Army guns shelled Korvani on Monday, killing six people.",
                "shelled",
                "Korvani",
                "2024-03-04",
                6,
            ),
            (
                "Six villagers died when army guns shelled Korvani on 1 March.",
                "shelled",
                "Korvani",
                "2024-03-01",
                6,
            ),
            (
                "Army guns shelled Tesmali on Monday, killing two people.",
                "shelled",
                "Tesmali",
                "2024-03-04",
                2,
            ),
        ],
        "date",
    ),
    (
        [
            (
                "A militia drone hit the market of Oumsira on Monday, killing nine traders.",
                "hit",
                "Oumsira",
                "2024-03-04",
                9,
            ),
            (
                "A drone hit Oumsira market on Monday and killed 23 people, a nurse said.",
                "hit",
                "Oumsira",
                "2024-03-04",
                23,
            ),
            (
                "A militia drone hit the market of Baldoura on Monday, killing four traders.",
                "hit",
                "Baldoura",
                "2024-03-04",
                4,
            ),
        ],
        "fatalities",
    ),
    (
        [
            (
                "Shells hit the camp at Nyakadeng on Monday, killing five displaced people.",
                "hit",
                "Nyakadeng",
                "2024-03-04",
                5,
            ),
            (
                "Eleven displaced people died as shells hit Nyakadeng camp on Monday.",
                "hit",
                "Nyakadeng",
                "2024-03-04",
                11,
            ),
            (
                "Shells hit the camp at Lirangu on Monday, killing three displaced people.",
                "hit",
                "Lirangu",
                "2024-03-04",
                3,
            ),
        ],
        "fatalities",
    ),
]


@pytest.mark.parametrize("tellings, field", UNPLACED)
def test_a_place_no_gazetteer_placed_is_one_place_when_both_reports_name_it(kb, tellings, field):
    """A place recognised but not put on the map (no coordinates) is one KB entity in both
    reports: it counts as one place, not as no evidence, so that a dispute about the date or
    the toll (which takes a point of agreement away) still finds the incident; another unplaced
    village that day is another incident."""
    with kb.begin() as s:
        for doc_id, (text, trigger, where, day, killed) in zip(
            ("one", "two", "other"), tellings, strict=True
        ):
            store(
                s,
                tell(
                    doc_id,
                    text,
                    trigger,
                    perpetrator=("army", None),
                    victim=None,
                    where=where,
                    day=day,
                    killed=killed,
                ),
            )
    assert incident_count(kb) == 2
    assert set(found(kb)) == {field}
    assert found(kb)[field]["documents"] == ["one", "two"]


@pytest.mark.parametrize(
    "attackers, one, other",
    [
        (
            "Gunmen",
            ("Gunmen killed four traders in the province on Monday, officials said.", "killed", 4),
            ("Gunmen killed two farmers in the province on Monday, a chief said.", "killed", 2),
        ),
        (
            "Jihadists",
            ("Jihadists shot dead six herders in the province on Monday.", "shot", 6),
            ("Jihadists shot dead a teacher in the province on Monday.", "shot", 1),
        ),
        (
            "Insurgents",
            (
                "Insurgents burned a clinic in the province on Monday, killing three nurses.",
                "burned",
                3,
            ),
            ("Insurgents killed eight men at a well in the province on Monday.", "killed", 8),
        ),
    ],
)
def test_a_class_noun_capitalised_at_a_sentence_start_names_no_one(kb, attackers, one, other):
    """ "Gunmen" opening a sentence is the class of the registry's gunmen, capitalised by its place
    in the sentence, not a group's name: two reports of attacks by gunmen in one province on one
    day share no actor, so they stay two incidents and their tolls dispute nothing."""
    kwargs = dict(
        perpetrator=(attackers, None),
        victim=None,
        where=("the province", *PROVINCE),
        feature="ADM1",
        sub_type="Attack",
        type="Violence against civilians",
    )
    with kb.begin() as s:
        for doc_id, (text, trigger, killed) in (("one", one), ("other", other)):
            store(s, tell(doc_id, text, trigger, killed=killed, **kwargs))
    assert incident_count(kb) == 2 and found(kb) == {}


def test_two_named_units_of_a_state_are_one_side(kb):
    """Two forces of one state by their own names, neither in the registry: the reports differ in
    which unit they name, not about which side did it."""
    one, other = "Coastal Rapid Response Unit", "Northern Mobile Gendarmerie"
    with kb.begin() as s:
        for doc_id, name in (("first", one), ("second", other)):
            report_ = tell(doc_id, BLAMED.format(name), "hit", perpetrator=(name, None))
            for e in report_["entities"]:
                if e["name"] == name:
                    e["actor_type"] = "state_force"
            store(s, report_)
    assert incident_count(kb) == 1 and found(kb) == {}


def _told(doc_id, text, trigger, perpetrator, victim, killed, **kwargs):
    """A report whose perpetrator and victim carry their own actor types (class, key, type)."""
    data = tell(
        doc_id,
        text,
        trigger,
        perpetrator=perpetrator[:2],
        victim=victim[:2],
        killed=killed,
        **kwargs,
    )
    types = {perpetrator[0]: perpetrator[2], victim[0]: victim[2]}
    for e in data["entities"]:
        e["actor_type"] = types.get(e["name"], e["actor_type"])
    return data


@pytest.mark.parametrize(
    "one, other",
    [
        # two classes of civilians: one report's residents are the other's civilians
        (
            (
                "Shells fell on Alder on Monday, killing two residents.",
                "fell",
                ("army", None, "state_force"),
                ("Local residents", "local-residents", "civilians"),
                2,
            ),
            (
                "Army shells killed five civilians in Alder on Monday.",
                "killed",
                ("army", None, "state_force"),
                ("Civilians", "civilians", "civilians"),
                5,
            ),
        ),
        (
            (
                "A drone hit a car in Alder on Monday, killing three aid workers.",
                "hit",
                ("drone operators", None, "state_force"),
                ("Aid workers", "aid-workers", "civilians"),
                3,
            ),
            (
                "A drone strike on a car in Alder killed six civilians on Monday.",
                "killed",
                ("drone operators", None, "state_force"),
                ("Civilians", "civilians", "civilians"),
                6,
            ),
        ),
        # a clash told from either side: one's attacker is the other's target
        (
            (
                "Smugglers fired on border guards at Alder on Monday; two smugglers died.",
                "fired",
                ("smugglers", None, "criminal_network"),
                ("border guards", None, "state_force"),
                2,
            ),
            (
                "Border guards shot dead five smugglers at Alder on Monday.",
                "shot",
                ("border guards", None, "state_force"),
                ("smugglers", None, "criminal_network"),
                5,
            ),
        ),
    ],
)
def test_targets_that_may_be_the_same_people_do_not_part_two_reports(kb, one, other):
    """ "Different targets" parts two reports only when no one either names could be the other's
    victim: two classes of civilians may be the same dead, and in a clash told from either side
    one report's attacker is the other's target. So the two tolls are compared."""
    with kb.begin() as s:
        store(s, _told("one", *one, type="Battles", sub_type="Armed clash"))
        store(s, _told("two", *other, type="Battles", sub_type="Armed clash"))
    assert incident_count(kb) == 1
    assert found(kb)["fatalities"]["documents"] == ["one", "two"]


def test_a_named_victim_and_another_named_victim_still_part_two_reports(kb):
    """Two attacks in one place on one day on two named bodies are two attacks."""
    one = (
        "Gunmen shot at the Ridge Guards in Alder on Monday, killing two.",
        "shot",
        ("gunmen", None, "other"),
        ("Ridge Guards", "ridge-guards", "armed_group"),
        2,
    )
    other = (
        "Gunmen shot at the Salt Scouts in Alder on Monday, killing four.",
        "shot",
        ("gunmen", None, "other"),
        ("Salt Scouts", "salt-scouts", "armed_group"),
        4,
    )
    with kb.begin() as s:
        store(s, _told("one", *one, type="Battles", sub_type="Armed clash"))
        store(s, _told("two", *other, type="Battles", sub_type="Armed clash"))
    assert incident_count(kb) == 2 and found(kb) == {}
