"""Report events merge into incidents; disagreements between reports surface as contradictions."""

from __future__ import annotations

from kb_fixtures import actor, claim, db_url, event, kb, person, place, report  # noqa: F401  (fixtures)
from sqlalchemy import select

from sitrep.kb import contradictions, query
from sitrep.kb.grading import regrade
from sitrep.kb.incidents import gap_days, km, period
from sitrep.kb.models import Claim, Incident, ReportEvent
from sitrep.kb.store import store

# Two outlets blame different forces for one drone strike on a lorry near Kafr Nabl.
ONE = "A drone flown by the Turkish army hit a lorry near Kafr Nabl on Monday, killing three fighters of the Eagles Brigade."
TWO = "Russian jets struck a lorry outside Kafr Nabl on Monday and five members of the Eagles Brigade died, monitors said."
KAFR_NABL = (35.6131, 36.5617, "SY", 169020)
HAMA = (35.1318, 36.7578, "SY", 170017)


def strike(
    doc_id: str,
    text: str,
    trigger: str,
    perpetrator: str,
    killed: int,
    day: str = "2024-03-04",
    where: tuple = KAFR_NABL,
    where_name: str = "Kafr Nabl",
    outlet: str = "Test Wire",
) -> dict:
    ents = [
        actor("ac1", perpetrator, registry=perpetrator.lower().replace(" ", "-")),
        actor("ac2", "Eagles Brigade", registry="eagles-brigade"),
        place("pl1", where_name, *where),
    ]
    ev = event(
        text,
        "ev1",
        trigger,
        "Air/drone strike",
        "pl1",
        day,
        {"ac1": "actor1", "ac2": "actor2"},
        killed,
    )
    return report(doc_id, text, ents, [ev], outlet=outlet)


def test_two_reports_of_one_strike_are_one_incident_with_contradictions(kb):
    with kb.begin() as s:
        store(s, strike("one", ONE, "hit", "Turkish army", 3, outlet="Hill Courier"))
        store(
            s,
            strike(
                "two", TWO, "struck", "Russian jets", 5, day="2024-03-05", outlet="Plain Herald"
            ),
        )
    with kb() as s:
        assert len(s.scalars(select(Incident)).all()) == 1
        found = {c.about: c.as_dict() for c in contradictions.find(s)}
    assert set(found) == {"perpetrator", "fatalities", "date"}
    assert found["perpetrator"]["documents"] == ["one", "two"]
    assert found["perpetrator"]["values"] == ["Turkish army", "Russian jets"]
    assert found["fatalities"]["values"] == ["3", "5"]
    assert "event" in found["perpetrator"] and "entity" not in found["perpetrator"]


def test_agreeing_reports_raise_no_contradiction(kb):
    with kb.begin() as s:
        store(s, strike("one", ONE, "hit", "Turkish army", 3, outlet="Hill Courier"))
        store(
            s,
            strike(
                "two",
                ONE.replace("Monday", "Monday afternoon"),
                "hit",
                "Turkish army",
                3,
                outlet="Plain Herald",
            ),
        )
    with kb() as s:
        assert contradictions.find(s) == []
        [inc] = query.events(s)
        assert inc["outlets"] == 2 and len(inc["reports"]) == 2


def test_a_generic_actor_may_be_the_named_one(kb):
    """ "soldiers" (no registry key) may be the national army; two named groups blamed are a contradiction."""
    one = "The Sand Wolves overran an army post in Qarn on Sunday, killing seven soldiers."
    two = "The Night Riders attacked soldiers at their post in Qarn on Sunday."
    qarn = place("pl1", "Qarn", 12.36, 13.83, "NG", 2330000)
    with kb.begin() as s:
        store(
            s,
            report(
                "one",
                one,
                [
                    actor("ac1", "Sand Wolves", "sand-wolves", actor_type="armed_group"),
                    actor("ac2", "army", "national-army", actor_type="state_force"),
                    qarn,
                ],
                [
                    event(
                        one,
                        "ev1",
                        "overran",
                        "Armed clash",
                        "pl1",
                        "2024-04-14",
                        {"ac1": "actor1", "ac2": "actor2"},
                        type="Battles",
                    )
                ],
            ),
        )
        store(
            s,
            report(
                "two",
                two,
                [
                    actor("ac1", "Night Riders", "night-riders", actor_type="armed_group"),
                    actor("ac2", "soldiers", actor_type="state_force"),
                    qarn,
                ],
                [
                    event(
                        two,
                        "ev1",
                        "attacked",
                        "Armed clash",
                        "pl1",
                        "2024-04-14",
                        {"ac1": "actor1", "ac2": "actor2"},
                        type="Battles",
                    )
                ],
            ),
        )
        three = "The Hill Band attacked market traders at their stalls in Qarn on Sunday."
        store(
            s,
            report(
                "three",
                three,
                [
                    actor("ac1", "Hill Band", "hill-band", actor_type="armed_group"),
                    actor("ac2", "market traders", actor_type="civilians"),
                    qarn,
                ],
                [
                    event(
                        three,
                        "ev1",
                        "attacked",
                        "Armed clash",
                        "pl1",
                        "2024-04-14",
                        {"ac1": "actor1", "ac2": "actor2"},
                        type="Battles",
                    )
                ],
            ),
        )
    with kb() as s:
        assert (
            len(s.scalars(select(Incident)).all()) == 2
        )  # the third names other known actors: another event
        [c] = [c.as_dict() for c in contradictions.find(s)]
    assert (c["about"], c["documents"], c["values"]) == (
        "perpetrator",
        ["one", "two"],
        ["Sand Wolves", "Night Riders"],
    )


def test_events_far_apart_and_days_apart_or_beyond_a_week_stay_separate(kb):
    """One differing field is a dispute about one incident; place and date both off, or a date
    beyond a week, is another incident."""
    with kb.begin() as s:
        store(s, strike("one", ONE, "hit", "Turkish army", 3))
        store(
            s,
            strike(
                "far",
                TWO,
                "struck",
                "Turkish army",
                3,
                day="2024-03-09",
                where=HAMA,
                where_name="Kafr Nabl",
            ),
        )
        store(s, strike("late", TWO + " ", "struck", "Turkish army", 3, day="2024-03-13"))
    with kb() as s:
        assert len(s.scalars(select(Incident)).all()) == 3


def test_date_gaps_respect_each_dates_precision():
    def gap(a, b):
        return gap_days(period(*a), period(*b))

    assert gap(("2024-03-04", "day"), ("2024-03-05", "day")) == 1
    assert gap(("2024-03-04", "day"), ("2024-03-06", "day")) == 2
    assert gap(("2024-03", "month"), ("2024-03-28", "day")) == 0
    assert gap(("2024-02", "month"), ("2024-03-01", "day")) == 1
    assert gap(("2024", "year"), ("2024-07", "month")) == 0
    assert gap(("2024-03-04", "week"), ("2024-03-10", "day")) == 0
    assert period(None, None) is None
    assert 55 < km(*KAFR_NABL[:2], *HAMA[:2]) < 58


def test_conflicting_allegiance_read_from_mention_context(kb):
    one = "Fighters of the Black Banner, a splinter group loyal to al-Qaeda, took the hill."
    two = "Daesh-aligned Black Banner fighters were seen near the hill."
    with kb.begin() as s:
        store(
            s,
            report(
                "one",
                one,
                [
                    actor("ac1", "Black Banner", "black-banner"),
                    actor("ac2", "al-Qaeda", "al-qaeda"),
                ],
            ),
        )
        store(
            s,
            report(
                "two",
                two,
                [
                    actor("ac1", "Black Banner", "black-banner"),
                    actor("ac2", "Daesh", "islamic-state"),
                ],
            ),
        )
        store(
            s,
            report(
                "three",
                "The Black Banner is loyal to al-Qaeda, the statement said.",
                [
                    actor("ac1", "Black Banner", "black-banner"),
                    actor("ac2", "al-Qaeda", "al-qaeda"),
                ],
            ),
        )
    with kb() as s:
        [c] = contradictions.find(s)
    data = c.as_dict()
    assert data["about"] == "allegiance" and "entity" in data
    assert data["documents"] == ["one", "three", "two"]
    assert data["values"] == ["al-Qaeda", "al-Qaeda", "Daesh"]


def test_regrade_caps_anonymous_and_rewards_corroboration(kb):
    anon = "A drone hit a lorry near Kafr Nabl on Monday, killing three men, a source said."
    named = (
        "Colonel Amer Haddad said a drone hit a lorry near Kafr Nabl on Monday, killing three men."
    )
    other = "A drone hit a lorry near Kafr Nabl on Monday, killing three men, a resident said."
    ents = [place("pl1", "Kafr Nabl", *KAFR_NABL)]
    with kb.begin() as s:
        for doc_id, text, source, kind, outlet in (
            ("anon", anon, "a source", "anonymous", "Hill Courier"),
            ("named", named, "Colonel Amer Haddad", "named_person", "Plain Herald"),
        ):
            c = claim(
                text, "cl1", "killing three men", source, kind, reliability="B", credibility=3
            )
            ev = event(
                text, "ev1", "hit", "Air/drone strike", "pl1", "2024-03-04", killed=3, claim="cl1"
            )
            store(
                s,
                report(
                    doc_id,
                    text,
                    [*ents, person("pe1", "Amer Haddad")] if doc_id == "named" else ents,
                    [ev],
                    [c],
                    outlet=outlet,
                ),
            )
        lone = claim(
            other,
            "cl1",
            "killing three men",
            "a resident",
            "anonymous",
            reliability="B",
            credibility=2,
        )
        store(s, report("lone", other, ents, [], [lone], outlet="Third Post"))
        regrade(s)
    with kb() as s:
        grades = {c.document_id: (c.reliability, c.credibility) for c in s.scalars(select(Claim))}
        docs = {r.document.doc_id: r.document_id for r in s.scalars(select(ReportEvent))}
    assert grades[docs["named"]] == ("B", 2)  # two independent outlets: probably true
    assert grades[docs["anon"]] == ("B", 2)  # unnamed but corroborated
    lone_grade = next(g for d, g in grades.items() if d not in docs.values())
    assert lone_grade == ("C", 3)  # one unnamed voice, told by no one else: never above C3


def test_grade_rules():
    from sitrep.kb.grading import Record, grade

    assert grade("A", 1, "anonymous", 1, False, Record()) == ("C", 3)
    assert grade("B", 3, "named_person", 3, False, Record()) == ("B", 1)
    assert grade("B", 2, "named_person", 1, True, Record()) == ("B", 3)
    assert grade("C", 3, "media", 1, False, Record(corroborated=4)) == ("B", 3)
    assert grade("B", 3, "media", 1, False, Record(corroborated=0, contradicted=3)) == ("C", 3)
    assert grade(None, None, "media", 1, False, Record()) == ("F", 6)
