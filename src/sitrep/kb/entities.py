"""One KB entity per real actor, person or place, across reports.

A report's entity joins an existing KB entity by the strongest key both carry: the alias
registry's key, then the GeoNames id, then the folded name (with kind, and country for
places). A name never joins entities whose strong keys disagree, so Tripoli in Lebanon and
Tripoli in Libya stay two. Every join writes a :class:`Merge` record that ``split`` undoes.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
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
        gid is None or candidate.geonameid in (None, gid))


def find_match(session: Session, e: dict[str, Any]) -> tuple[Entity, str, str] | None:
    """The existing KB entity for a report's entity dict, with the rule and key that matched it."""
    kind, registry, gid = e["kind"], registry_key(e), geonameid(e)
    if registry:
        hit = session.scalars(select(Entity).where(Entity.kind == kind, Entity.registry_id == registry)
                              .order_by(Entity.id)).first()
        if hit:
            return hit, "registry", registry
    if gid is not None and kind == "place":
        hit = session.scalars(select(Entity).where(Entity.kind == kind, Entity.geonameid == gid).order_by(Entity.id)).first()
        if hit:
            return hit, "geonames", str(gid)
    folded = fold(e["name"])
    if not folded or e["name"].islower():  # "soldiers", "gunmen": a description, not a name to join on
        return None
    query = select(Entity).where(Entity.kind == kind, Entity.folded == folded).order_by(Entity.id)
    if kind == "place":
        query = query.where(Entity.country.is_(None) if country(e) is None else Entity.country == country(e))
    for hit in session.scalars(query):
        if _agrees(hit, registry, gid):
            return hit, "name", f"{kind}:{folded}:{country(e) or ''}" if kind == "place" else f"{kind}:{folded}"
    return None


def new_entity(e: dict[str, Any], split_from: int | None = None) -> Entity:
    geo = e.get("geo") or {}
    return Entity(kind=e["kind"], name=e["name"][:300], folded=fold(e["name"]), registry_id=registry_key(e),
                  geonameid=geonameid(e), country=geo.get("country"), feature=geo.get("feature"),
                  lat=geo.get("lat"), lon=geo.get("lon"), actor_type=e.get("actor_type"), split_from=split_from)


def _enrich(entity: Entity, e: dict[str, Any]) -> None:
    """Fill keys the KB entity lacks from the report's entity, so later reports match on them."""
    fresh = new_entity(e)
    for attr in ("registry_id", "geonameid", "country", "feature", "lat", "lon", "actor_type"):
        if getattr(entity, attr) is None and getattr(fresh, attr) is not None:
            setattr(entity, attr, getattr(fresh, attr))


def resolve(session: Session, doc_entity: DocEntity, e: dict[str, Any]) -> Entity:
    """Add a report's entity linked to its KB entity, creating one or recording the merge."""
    match = find_match(session, e)
    if match is None:
        entity = new_entity(e)
        session.add(entity)
        session.flush()
    else:
        entity = match[0]
        _enrich(entity, e)
    doc_entity.entity_id = entity.id
    session.add(doc_entity)
    session.flush()
    if match is not None:
        session.add(Merge(entity_id=entity.id, doc_entity_id=doc_entity.id, rule=match[1], key=match[2]))
    return entity


def split(session: Session, merge_id: int) -> Entity:
    """Undo one merge: the report's entity moves to a new KB entity of its own."""
    merge = session.get(Merge, merge_id)
    if merge is None:
        raise LookupError(f"no merge {merge_id}")
    if merge.undone_at is not None:
        raise ValueError(f"merge {merge_id} was already undone (split to entity {merge.split_to})")
    doc_entity = session.get(DocEntity, merge.doc_entity_id)
    analysis_entity = next(e for e in doc_entity.document.analysis["entities"] if e["id"] == doc_entity.local_id)
    entity = new_entity(analysis_entity, split_from=merge.entity_id)
    session.add(entity)
    session.flush()
    doc_entity.entity_id = entity.id
    merge.undone_at = datetime.now(timezone.utc)
    merge.split_to = entity.id
    return entity
