"""Consistency check for the actor alias registry and people.yaml.

Run: python src/sitrep/actors/data/check_registry.py
Exits 1 and lists the problems when something is wrong.
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {
    "armed_group", "state_force", "foreign_force", "militia", "government",
    "political_party", "international_org", "ngo", "media", "criminal_network",
    "civilians", "other",
}
ACTOR_FIELDS = {"key", "name", "type", "country", "aliases", "successor_of",
                "parent", "wikidata", "source"}
PERSON_FIELDS = {"key", "name", "aliases", "affiliation", "role", "wikidata", "source"}
KEY_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().casefold())


def aliases_of(entry: dict, errors: list[str]) -> list[tuple[str, bool]]:
    """(alias string, needs_context) pairs of one entry."""
    out = []
    for al in entry.get("aliases") or []:
        if isinstance(al, str):
            out.append((al, False))
        elif (isinstance(al, dict) and set(al) <= {"name", "needs_context"}
              and isinstance(al.get("name"), str)):
            out.append((al["name"], bool(al.get("needs_context"))))
        else:
            errors.append(f"{entry.get('key')}: bad alias {al!r}")
    return out


def check_actors(errors: list[str]) -> dict[str, dict]:
    actors: dict[str, dict] = {}
    for path in sorted((HERE / "registry").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            errors.append(f"{path.name}: not a list")
            continue
        for a in data:
            key = a.get("key")
            if not isinstance(key, str) or not KEY_RE.fullmatch(key):
                errors.append(f"{path.name}: bad key {key!r}")
                continue
            if key in actors:
                errors.append(f"{path.name}: duplicate key {key}")
            if set(a) - ACTOR_FIELDS:
                errors.append(f"{key}: unknown fields {sorted(set(a) - ACTOR_FIELDS)}")
            if a.get("type") not in TYPES:
                errors.append(f"{key}: bad type {a.get('type')!r}")
            if "country" not in a:
                errors.append(f"{key}: missing country")
            elif a["country"] is not None and not re.fullmatch(r"[A-Z]{2}", str(a["country"])):
                errors.append(f"{key}: bad country {a['country']!r}")
            if not a.get("name") or not a.get("source"):
                errors.append(f"{key}: missing name or source")
            if "wikidata" in a and not re.fullmatch(r"Q\d+", str(a["wikidata"])):
                errors.append(f"{key}: bad wikidata id {a['wikidata']!r}")
            actors[key] = a

    # names and aliases: shared strings only when every sharing alias needs context
    seen: dict[str, list[tuple[str, bool, str]]] = collections.defaultdict(list)
    for key, a in actors.items():
        seen[norm(a["name"])].append((key, False, "name"))
        local = set()
        for s, nc in aliases_of(a, errors):
            n = norm(s)
            if n in local:
                errors.append(f"{key}: alias repeated {s!r}")
            local.add(n)
            if n == norm(a["name"]) and not nc:
                errors.append(f"{key}: alias repeats the name {s!r}")
            seen[n].append((key, nc, "alias"))
        for k in a.get("successor_of") or []:
            if k not in actors:
                errors.append(f"{key}: successor_of unknown key {k}")
        parent = a.get("parent")
        if parent is not None and (parent not in actors or parent == key):
            errors.append(f"{key}: bad parent {parent}")
    for n, uses in seen.items():
        if len({u[0] for u in uses}) > 1:
            plain = [u for u in uses if u[2] == "alias" and not u[1]]
            names = [u for u in uses if u[2] == "name"]
            if plain or len(names) > 1:
                errors.append(f"shared string {n!r} without needs_context: {uses}")
    return actors


def check_people(actors: dict[str, dict], errors: list[str]) -> int:
    people = yaml.safe_load((HERE / "people.yaml").read_text(encoding="utf-8")) or []
    keys: set[str] = set()
    seen: dict[str, set[tuple[str, bool]]] = collections.defaultdict(set)
    for p in people:
        key = p.get("key")
        if not isinstance(key, str) or not KEY_RE.fullmatch(key):
            errors.append(f"people: bad key {key!r}")
            continue
        if key in keys or key in actors:
            errors.append(f"people: duplicate key {key}")
        keys.add(key)
        if set(p) - PERSON_FIELDS:
            errors.append(f"{key}: unknown fields {sorted(set(p) - PERSON_FIELDS)}")
        if p.get("affiliation") not in actors:
            errors.append(f"{key}: unknown affiliation {p.get('affiliation')!r}")
        if not p.get("name") or not p.get("role") or not p.get("source"):
            errors.append(f"{key}: missing name, role or source")
        seen[norm(p["name"])].add((key, False))
        for s, nc in aliases_of(p, errors):
            seen[norm(s)].add((key, nc))
    for n, uses in seen.items():
        if len({u[0] for u in uses}) > 1 and not all(u[1] for u in uses):
            errors.append(f"people: shared string {n!r} without needs_context: {sorted(uses)}")
    return len(people)


def main() -> int:
    errors: list[str] = []
    actors = check_actors(errors)
    n_people = check_people(actors, errors)
    by_type = collections.Counter(a.get("type") for a in actors.values())
    print(f"{len(actors)} actors, {n_people} people; by type: {dict(sorted(by_type.items()))}")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
