"""One KB entity per real actor, person or place, across reports.

A report's entity joins an existing KB entity by the strongest key both carry: the alias
registry's key, then the GeoNames id, then the folded name (with kind, and country for
places). A name never joins entities whose strong keys disagree, so Tripoli in Lebanon and
Tripoli in Libya stay two. Every join writes a :class:`Merge` record that ``split`` undoes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .models import DocEntity, Entity, Merge


def fold(name: str) -> str:
    """Case, accents, punctuation and a leading "the" forgotten: the name key."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[\W_]+", " ", s).strip()
    return s.removeprefix("the ")[:300]


def registry_key(e: dict[str, Any]) -> str | None:
    value = (e.get("ids") or {}).get("registry")
    return str(value)[:300] if value else None


def geonameid(e: dict[str, Any]) -> int | None:
    geo = e.get("geo") or {}
    value = geo.get("geonameid") or (e.get("ids") or {}).get("geonames")
    try:
        return int(value) if value else None
    except (TypeError, ValueError):
        return None


def country(e: dict[str, Any]) -> str | None:
    return (e.get("geo") or {}).get("country")


def _agrees(candidate: Entity, registry: str | None, gid: int | None) -> bool:
    """A weaker key may join only where the stronger keys do not contradict each other."""
    return (registry is None or candidate.registry_id in (None, registry)) and (
        gid is None or candidate.geonameid in (None, gid)
    )


KEY_COLUMNS = ("registry_id", "geonameid", "folded")


class Pending:
    """Entities a report created or enriched since the last flush, found by key from memory."""

    def __init__(self) -> None:
        self.order: dict[Entity, int] = {}
        self._by_key: dict[tuple[str, str, object], list[Entity]] = defaultdict(list)

    def add(self, entity: Entity) -> None:
        self.order.setdefault(entity, len(self.order))
        for column in KEY_COLUMNS:
            value = getattr(entity, column)
            if value is not None and entity not in self._by_key[(entity.kind, column, value)]:
                self._by_key[(entity.kind, column, value)].append(entity)

    def find(self, kind: str, keys: Sequence[tuple[str, object]]) -> set[Entity]:
        return {e for column, value in keys for e in self._by_key.get((kind, column, value), ())}


def find_match(
    session: Session, e: dict[str, Any], pending: Pending | None = None
) -> tuple[Entity, str, str] | None:
    """The existing KB entity for a report's entity dict, with the rule and key that matched it.

    One query fetches every stored entity sharing any key; ``pending`` adds those created or
    enriched since the last flush. The rules then pick in order of strength, oldest first.
    """
    kind, registry, gid, folded = e["kind"], registry_key(e), geonameid(e), fold(e["name"])
    gid = gid if kind == "place" else None
    by_name = (
        bool(folded) and not e["name"].islower()
    )  # "soldiers", "gunmen": a description, not a name to join on
    keys = [
        (column, value)
        for column, value, wanted in zip(
            KEY_COLUMNS, (registry, gid, folded), (registry, gid is not None, by_name), strict=False
        )
        if wanted
    ]
    if not keys:
        return None
    pending = pending or Pending()
    stored = session.scalars(
        select(Entity).where(Entity.kind == kind, or_(*(getattr(Entity, c) == v for c, v in keys)))
    )
    hits = sorted(
        {*stored, *pending.find(kind, keys)},
        key=lambda h: (h.id is None, h.id or 0, pending.order.get(h, 0)),
    )
    if hit := next((h for h in hits if registry and h.registry_id == registry), None):
        return hit, "registry", str(registry)
    if hit := next((h for h in hits if gid is not None and h.geonameid == gid), None):
        return hit, "geonames", str(gid)
    place = kind == "place"
    for hit in hits:
        if (
            by_name
            and hit.folded == folded
            and (not place or hit.country == country(e))
            and _agrees(hit, registry, gid)
        ):
            return (
                hit,
                "name",
                f"{kind}:{folded}:{country(e) or ''}" if place else f"{kind}:{folded}",
            )
    return None


def new_entity(e: dict[str, Any], split_from: int | None = None) -> Entity:
    geo = e.get("geo") or {}
    return Entity(
        kind=e["kind"],
        name=e["name"][:300],
        folded=fold(e["name"]),
        registry_id=registry_key(e),
        geonameid=geonameid(e),
        country=geo.get("country"),
        feature=geo.get("feature"),
        lat=geo.get("lat"),
        lon=geo.get("lon"),
        actor_type=e.get("actor_type"),
        split_from=split_from,
    )


def _enrich(entity: Entity, e: dict[str, Any]) -> None:
    """Fill keys the KB entity lacks from the report's entity, so later reports match on them."""
    fresh = new_entity(e)
    for attr in ("registry_id", "geonameid", "country", "feature", "lat", "lon", "actor_type"):
        if getattr(entity, attr) is None and getattr(fresh, attr) is not None:
            setattr(entity, attr, getattr(fresh, attr))


def resolve_all(session: Session, pairs: Iterable[tuple[DocEntity, dict[str, Any]]]) -> None:
    """Link a report's entities to KB entities, creating them or recording merges, in one flush.

    Autoflush per lookup would cost a round trip per entity; the entities created or enriched
    meanwhile are matched from memory instead.
    """
    pending = Pending()
    with session.no_autoflush:
        for doc_entity, e in pairs:
            match = find_match(session, e, pending)
            if match is None:
                entity = new_entity(e)
            else:
                entity = match[0]
                _enrich(entity, e)
                session.add(
                    Merge(entity=entity, doc_entity=doc_entity, rule=match[1], key=match[2])
                )
            pending.add(entity)
            doc_entity.entity = entity
            session.add(doc_entity)
    session.flush()


def split(session: Session, merge_id: int) -> Entity:
    """Undo one merge: the report's entity moves to a new KB entity of its own."""
    merge = session.get(Merge, merge_id)
    if merge is None:
        raise LookupError(f"no merge {merge_id}")
    if merge.undone_at is not None:
        raise ValueError(f"merge {merge_id} was already undone (split to entity {merge.split_to})")
    doc_entity = session.get(DocEntity, merge.doc_entity_id)
    if doc_entity is None:
        raise LookupError(f"merge {merge_id} names a report entity that is no longer stored")
    analysis_entity = next(
        e for e in doc_entity.document.analysis["entities"] if e["id"] == doc_entity.local_id
    )
    entity = new_entity(analysis_entity, split_from=merge.entity_id)
    session.add(entity)
    session.flush()
    doc_entity.entity_id = entity.id
    merge.undone_at = datetime.now(timezone.utc)
    merge.split_to = entity.id
    return entity
