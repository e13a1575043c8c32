"""Admiralty grades refined by what the KB knows across reports.

A report grades its claims alone; the KB can see corroboration (other independent outlets
telling the same incident), contradiction, and each outlet's track record. Grades are always
recomputed from the report's own (``base_*``) values, so regrading is idempotent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import contradictions
from .entities import fold
from .models import Claim, Document, ReportEvent

LETTERS = "ABCDEF"  # F: reliability cannot be judged
UNJUDGED = 6  # credibility: truth cannot be judged


@dataclass(frozen=True)
class Record:
    """An outlet's track record: incidents others corroborated, and incidents where it was contradicted."""

    corroborated: int = 0
    contradicted: int = 0


def grade(
    reliability: str | None,
    credibility: int | None,
    source_type: str,
    outlets: int,
    contradicted: bool,
    record: Record,
) -> tuple[str, int]:
    """One claim's refined (reliability, credibility); ``outlets`` counts independent outlets telling it."""
    rel, cred = reliability or "F", credibility or UNJUDGED
    if rel != "F":
        if record.corroborated >= 3 and record.contradicted == 0:
            rel = max("B", LETTERS[max(0, LETTERS.index(rel) - 1)])
        elif record.contradicted >= 2 and record.contradicted > record.corroborated:
            rel = min("E", LETTERS[LETTERS.index(rel) + 1])
    if outlets >= 2:
        cred = min(cred, 1 if outlets >= 3 else 2)
    if contradicted and cred != UNJUDGED:
        cred = min(5, cred + 1)
    if source_type == "anonymous" and outlets < 2:  # one unnamed voice is never more than C3
        rel, cred = max(rel, "C"), max(cred, 3)
    return rel, cred


def outlet_key(doc: Document) -> str:
    """Independence is judged by outlet; a report without one counts as its own outlet."""
    return _outlet_key(doc.id, doc.outlet)


def _outlet_key(doc_id: int, outlet: str | None) -> str:
    return fold(outlet) if outlet else f"doc:{doc_id}"


def regrade(session: Session) -> int:
    """Update every stored claim's grade; returns how many changed.

    Each row carries its report's outlet from the same query, so a report that another run
    commits between two of these queries is either wholly seen or not seen, never half.
    """
    told = [
        (incident, doc, claim, _outlet_key(doc, outlet))
        for incident, doc, claim, outlet in session.execute(
            select(
                ReportEvent.incident_id,
                ReportEvent.document_id,
                ReportEvent.claim_id,
                Document.outlet,
            ).join(Document, Document.id == ReportEvent.document_id)
        )
    ]
    outlets: dict[int, set[str]] = defaultdict(set)
    for incident, _, _, key in told:
        outlets[incident].add(key)
    disputed = {
        (c.event, d)
        for c in contradictions.find(session)
        if c.event is not None
        for d in c.document_keys
    }
    corroborated, contradicted = defaultdict(set), defaultdict(set)
    claim_incidents: dict[int, set[int]] = defaultdict(set)
    for incident, doc, claim_id, key in told:
        if len(outlets[incident]) >= 2:
            corroborated[key].add(incident)
        if (incident, doc) in disputed:
            contradicted[key].add(incident)
        if claim_id is not None:
            claim_incidents[claim_id].add(incident)
    changed = 0
    for claim, outlet in session.execute(
        select(Claim, Document.outlet).join(Document, Document.id == Claim.document_id)
    ):
        incidents = claim_incidents[claim.id]
        key = _outlet_key(claim.document_id, outlet)
        new = grade(
            claim.base_reliability,
            claim.base_credibility,
            claim.source_type,
            max((len(outlets[i]) for i in incidents), default=1),
            any((i, claim.document_id) in disputed for i in incidents),
            Record(len(corroborated[key]), len(contradicted[key])),
        )
        if new != (claim.reliability, claim.credibility):
            claim.reliability, claim.credibility = new
            changed += 1
    return changed
