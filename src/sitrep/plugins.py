"""The one registry of what plugs into sitrep: CLI commands, command groups and export writers.

Each entry names its target as ``module:attribute`` and is imported only when used, so the CLI
starts without stix2, followthemoney or spaCy. Adding a command or a format is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Literal

Kind = Literal["command", "group", "writer"]


@dataclass(frozen=True)
class Plugin:
    kind: Kind
    name: str
    target: str  # "package.module:attribute"

    def load(self) -> Any:
        module, _, attribute = self.target.partition(":")
        return getattr(import_module(module), attribute)


PLUGINS: tuple[Plugin, ...] = (
    Plugin("group", "gazetteer", "sitrep.places.cli:gazetteer_app"),
    Plugin("command", "export", "sitrep.export.cli:export_cmd"),
    Plugin("command", "ingest", "sitrep.kb.cli:ingest"),
    Plugin("group", "entities", "sitrep.kb.cli:entities_app"),
    Plugin("group", "incidents", "sitrep.kb.cli:incidents_app"),
    Plugin("command", "contradictions", "sitrep.kb.cli:contradictions"),
    Plugin("command", "events", "sitrep.kb.cli:events"),
    Plugin("command", "actor", "sitrep.kb.cli:actor"),
    Plugin("command", "search", "sitrep.kb.cli:search"),
    Plugin("command", "serve", "sitrep.web.cli:serve"),
    Plugin("group", "actors", "sitrep.actors.cli:actors_app"),
    Plugin("writer", "stix", "sitrep.export.stix:write"),
    Plugin("writer", "geojson", "sitrep.export.geojson:write"),
    Plugin("writer", "acled-csv", "sitrep.export.acled:write"),
    Plugin("writer", "ftm", "sitrep.export.ftm:write"),
    Plugin("writer", "graphml", "sitrep.export.graphml:write"),
    Plugin("writer", "jsonl", "sitrep.export.jsonl:write"),
)


def of_kind(kind: Kind) -> dict[str, Plugin]:
    """The plugins of one kind by name, in registration order."""
    return {p.name: p for p in PLUGINS if p.kind == kind}
