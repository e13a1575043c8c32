"""What every export needs: stable keys for entities across documents, and lookups."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Namespace for every deterministic id sitrep writes (STIX ids, FtM ids, event ids).
NAMESPACE = uuid.UUID("6d1f7b0e-2c1a-5b6e-9a57-5173726570a1")


def fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def stable_uuid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


def entity_key(entity: dict[str, Any]) -> str:
    """One key per real-world entity across documents: KB id, registry key, geonameid, or folded name."""
    ids = entity.get("ids") or {}
    if entity.get("kb_id") is not None:
        return f"kb:{entity['kb_id']}"
    if ids.get("registry"):
        return f"{entity['kind']}:registry:{ids['registry']}"
    geo = entity.get("geo") or {}
    if geo.get("geonameid"):
        return f"place:geonames:{geo['geonameid']}"
    country = geo.get("country") or ""
    return f"{entity['kind']}:{fold(entity['name'])}:{country}"


@dataclass
class DocView:
    """One analysis with its entities indexed, and the corpus-wide key of each."""

    data: dict[str, Any]
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entities = {e["id"]: e for e in self.data.get("entities", [])}

    @property
    def id(self) -> str:
        return str(self.data["document"]["id"])

    @property
    def document(self) -> dict[str, Any]:
        return self.data["document"]

    def key(self, entity_id: str | None) -> str | None:
        e = self.entities.get(entity_id or "")
        return entity_key(e) if e else None

    def entity(self, entity_id: str | None) -> dict[str, Any] | None:
        return self.entities.get(entity_id or "")

    def claim(self, claim_id: str | None) -> dict[str, Any] | None:
        return next((c for c in self.data.get("claims", []) if c["id"] == claim_id), None)

    def event_key(self, event: dict[str, Any]) -> str:
        return f"{self.id}:{event['id']}"


def views(analyses: Iterable[dict[str, Any]]) -> Iterator[DocView]:
    for a in analyses:
        yield DocView(a)


def actor_names(view: DocView, event: dict[str, Any], role: str) -> list[str]:
    return [
        view.entities[x["entity"]]["name"]
        for x in event.get("actors", [])
        if x.get("role") == role and x.get("entity") in view.entities
    ]


def disputes(event: dict[str, Any]) -> list[str]:
    """An event's contradictions (attached by the KB) in words: "fatalities: 4 here; 6 in r2 (Outlet)"."""
    out = []
    for c in event.get("contradictions") or []:
        others = "; ".join(
            f"{d['value']} in {d['document']}" + (f" ({d['outlet']})" if d.get("outlet") else "")
            for d in c.get("disputed_by", [])
        )
        out.append(f"{c['field']}: {c['value']} here; {others}")
    return out
