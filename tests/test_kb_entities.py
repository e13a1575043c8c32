"""One KB entity per real actor, person or place across reports; merges can be undone."""

from __future__ import annotations

from kb_fixtures import actor, db_url, kb, person, place, report  # noqa: F401  (fixtures)
from sqlalchemy import select

from sitrep.kb import entities, query
from sitrep.kb.models import DocEntity, Entity, Merge
from sitrep.kb.store import store

A = "Gunmen from Daesh set fire to a grain store outside Raqqa on Friday, residents said."
B = "ISIS claimed the burning of the grain store, its channel said on Saturday."


def kb_id(session, doc_id: str, local_id: str) -> int:
    return session.scalar(
        select(DocEntity.entity_id)
        .join(DocEntity.document)
        .where(DocEntity.local_id == local_id, DocEntity.document.has(doc_id=doc_id))
    )


def test_aliases_of_one_group_in_two_reports_become_one_entity(kb):
    with kb.begin() as s:
        store(s, report("a", A, [actor("ac1", "Daesh", registry="islamic-state")]))
        store(s, report("b", B, [actor("ac1", "ISIS", registry="islamic-state")]))
    with kb() as s:
        assert kb_id(s, "a", "ac1") == kb_id(s, "b", "ac1")
        merge = s.scalars(select(Merge)).one()
        assert (merge.rule, merge.key) == ("registry", "islamic-state")
        dossier = query.actor(s, "ISIS")
        assert dossier["name"] == "Daesh" and "ISIS" in dossier["aliases"]
        assert {src["document"] for src in dossier["sources"]} == {"a", "b"}


def test_same_name_in_two_countries_stays_two_places(kb):
    lb = "Fishermen in Tripoli protested against fuel prices at the harbour."
    ly = "Militias exchanged fire near the port of Tripoli overnight."
    lb2 = "Traders in Tripoli closed their shops for a second day."
    with kb.begin() as s:
        store(s, report("lb", lb, [place("pl1", "Tripoli", 34.4367, 35.8497, "LB", 266826)]))
        store(s, report("ly", ly, [place("pl1", "Tripoli", 32.8872, 13.1913, "LY", 2210247)]))
        store(s, report("lb2", lb2, [place("pl1", "Tripoli", 34.4367, 35.8497, "LB", 266826)]))
    with kb() as s:
        assert kb_id(s, "lb", "pl1") != kb_id(s, "ly", "pl1")
        assert kb_id(s, "lb", "pl1") == kb_id(s, "lb2", "pl1")
        assert {e.country for e in s.scalars(select(Entity).where(Entity.kind == "place"))} == {
            "LB",
            "LY",
        }


def test_name_match_never_overrides_disagreeing_keys(kb):
    """Two groups that share a name but not a registry key are not merged by the name."""
    text = "The Popular Front said it had left the town."
    with kb.begin() as s:
        store(s, report("x", text, [actor("ac1", "Popular Front", registry="front-a")]))
        store(s, report("y", text + " ", [actor("ac1", "Popular Front", registry="front-b")]))
        store(s, report("z", text + "  ", [actor("ac1", "POPULAR FRONT")]))
    with kb() as s:
        assert kb_id(s, "x", "ac1") != kb_id(s, "y", "ac1")
        assert kb_id(s, "z", "ac1") == kb_id(s, "x", "ac1")
        assert s.scalars(select(Merge)).one().rule == "name"


def test_generic_descriptions_are_not_joined_by_name(kb):
    with kb.begin() as s:
        store(s, report("g1", "Gunmen shot at soldiers near the dam.", [actor("ac1", "soldiers")]))
        store(
            s, report("g2", "Two soldiers were hurt at a checkpoint.", [actor("ac1", "soldiers")])
        )
    with kb() as s:
        assert kb_id(s, "g1", "ac1") != kb_id(s, "g2", "ac1")


def test_people_match_by_folded_name(kb):
    with kb.begin() as s:
        store(
            s,
            report(
                "p1",
                "Commander Abu Zaid al-Shami was seen in the market.",
                [person("pe1", "Abu Zaid al-Shami")],
            ),
        )
        store(
            s,
            report(
                "p2",
                "Witnesses said ABU ZAID AL SHAMI had fled.",
                [person("pe1", "ABU ZAID AL SHAMI")],
            ),
        )
    with kb() as s:
        assert kb_id(s, "p1", "pe1") == kb_id(s, "p2", "pe1")


def test_split_undoes_a_merge_and_keeps_its_record(kb):
    with kb.begin() as s:
        store(s, report("a", A, [actor("ac1", "Daesh", registry="islamic-state")]))
        store(s, report("b", B, [actor("ac1", "ISIS", registry="islamic-state")]))
    with kb.begin() as s:
        merge_id = s.scalars(select(Merge.id)).one()
        new = entities.split(s, merge_id)
        assert new.name == "ISIS" and new.split_from == kb_id(s, "a", "ac1")
    with kb() as s:
        assert kb_id(s, "b", "ac1") == new.id != kb_id(s, "a", "ac1")
        merge = s.get(Merge, merge_id)
        assert merge.undone_at is not None and merge.split_to == new.id
        listed = {e["id"]: e for e in query.entities(s, kind="actor")}
        assert listed[kb_id(s, "a", "ac1")]["merges"][0]["undone"] is True
    with kb.begin() as s:
        try:
            entities.split(s, merge_id)
        except ValueError as exc:
            assert "already undone" in str(exc)
        else:
            raise AssertionError("a merge cannot be undone twice")


def test_fold_forgets_case_accents_and_punctuation():
    assert entities.fold("The Free Syrian Army") == entities.fold("free syrian  army")
    assert entities.fold("Qâa") == entities.fold("qaa")
    assert entities.fold("al-Nusra") == "al nusra"
