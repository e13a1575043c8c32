"""The events stage's word lists (``data/rules.yaml``), loaded once into a frozen record."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import DataFileError
from ..lexicons import load_yaml

_FILE = "data/rules.yaml"
_LISTS = (
    "ground",
    "occur",
    "say",
    "follow_up",
    "revision",
    "claim_verbs",
    "claim_nouns",
    "blame_verbs",
    "blame_preps",
    "blame_onto_only",
    "blamed_for",
    "sufferer_verbs",
    "within_preps",
    "unnamed",
    "backer_words",
    "other_time",
    "locative",
    "not_locative",
    "site_of",
    "target_preps",
    "protest_facts",
    "combatants",
    "civilians",
    "past_forms",
    "off_domain",
    "protagonists",
    "past_phrases",
    "kill_lemmas",
    "object_preps",
    "time_leads",
    "pointers",
    "lower_bounds",
    "member_nouns",
    "aggregate_words",
    "backer_nouns",
    "tally_since",
    "tally_subjects",
    "another_words",
    "kill_phrasals",
    "described_by",
    "abductors",
    "scene_verbs",
)
_ORDERED = (
    "separate",
    "summary_leads",
    "tally_spans",
    "tally_periods",
)  # phrases matched at the start of a text, kept as tuples


@dataclass(frozen=True)
class Rules:
    ground: frozenset[str]
    occur: frozenset[str]
    say: frozenset[str]
    follow_up: frozenset[str]
    separate: tuple[str, ...]
    revision: frozenset[str]
    claim_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    blame_verbs: frozenset[str]
    blame_preps: frozenset[str]
    blame_onto_only: frozenset[str]
    blamed_for: frozenset[str]
    sufferer_verbs: frozenset[str]
    within_preps: frozenset[str]
    unnamed: frozenset[str]
    backer_words: frozenset[str]
    other_time: frozenset[str]
    locative: frozenset[str]
    not_locative: frozenset[str]
    site_of: frozenset[str]
    target_preps: frozenset[str]
    protest_facts: frozenset[str]
    summary_leads: tuple[str, ...]
    combatants: frozenset[str]
    civilians: frozenset[str]
    past_forms: frozenset[str]
    off_domain: frozenset[str]
    protagonists: frozenset[str]
    past_phrases: frozenset[str]
    deny: frozenset[str]
    plan: frozenset[str]
    hedge: frozenset[str]
    allege: frozenset[str]
    habitual: frozenset[str]
    kill_lemmas: frozenset[str]
    object_preps: frozenset[str]
    time_leads: frozenset[str]
    pointers: frozenset[str]
    lower_bounds: frozenset[str]
    member_nouns: frozenset[str]
    aggregate_words: frozenset[str]
    backer_nouns: frozenset[str]
    tally_spans: tuple[str, ...]
    tally_since: frozenset[str]
    tally_periods: tuple[str, ...]
    tally_subjects: frozenset[str]
    another_words: frozenset[str]
    kill_phrasals: frozenset[str]
    described_by: frozenset[str]
    abductors: frozenset[str]
    scene_verbs: frozenset[str]


def _words(raw: dict, key: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataFileError(f"sitrep/events/{_FILE}: '{key}' must be a list of words")
    return [w.lower() for w in value]


@cache
def rules() -> Rules:
    raw = load_yaml("sitrep.events", _FILE)
    if not isinstance(raw, dict) or not isinstance(raw.get("modality"), dict):
        raise DataFileError(f"sitrep/events/{_FILE}: expected a mapping with a 'modality' section")
    sets = {k: frozenset(_words(raw, k)) for k in _LISTS}
    ordered = {k: tuple(_words(raw, k)) for k in _ORDERED}
    # The modality section's keys are the Rules fields of that name (deny, plan, hedge, ...).
    modal = {k: frozenset(_words(raw["modality"], k)) for k in raw["modality"]}
    fields: dict[str, Any] = {**sets, **ordered, **modal}
    try:
        return Rules(**fields)
    except TypeError as exc:  # a modality missing or unknown
        raise DataFileError(f"sitrep/events/{_FILE}: modality: {exc}") from None
