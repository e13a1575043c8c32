"""Whether a registry match is supported by the report, or only a string that happens to agree.

A short acronym ("AA"), an alias that needs context ("the army") or a lone family name
("Shekau") names a registry entry only with support: the entry's full name elsewhere in the
report, its country (or a country it operates in) among the report's places, its organisation
named, or a title before a person's name. A person called by a police or state rank is not a
non-state group's leader who shares the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..model import Analysis
from .lexicon import lexicon
from .persons import name_keys
from .registry import Hit, registry

STATE_SIDE = frozenset({"state_force", "government", "foreign_force"})
DISTINCT_WORDS = (
    3  # four ordinary words or more ("Islamic State West Africa Province") name one group
)
COMMON_ZIPF = 4.0  # "fourth", "division", "popular" pass; "Hezbollah", "Shabaab", "Tatmadaw" do not


def weak(h: Hit) -> bool:
    """Is the alias too thin to stand alone: short, context-bound, a person's single name, or a
    group's short name made of ordinary words ("Fourth Division" is one in many armies)?"""
    name = h.alias.name
    if h.alias.needs_context or len(re.sub(r"[^\w]", "", name)) <= 3:
        return True
    if h.entry.kind == "person":
        return len(name_keys(name)) < 2
    parts = re.findall(r"[^\W\d_]+", name)
    return len(parts) <= DISTINCT_WORDS and all(_common(w) for w in parts)


@cache
def _common(word: str) -> bool:
    """An everyday English word (wordfreq's Zipf scale: 4 is once per 100,000 words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= COMMON_ZIPF


def report_countries(a: Analysis) -> set[str]:
    """Country codes of every place (and demonym) the places stage resolved in the report."""
    out = set()
    for m in a.mentions:
        ent = a.entity(m.entity) if m.kind == "place" else None
        if ent is not None and ent.geo is not None and ent.geo.country:
            out.add(ent.geo.country)
    return out


@dataclass
class Evidence:
    """What the report says for and against the registry hits found in it."""

    text: str
    strong: set[str]  # entry keys named by a full alias somewhere in the report
    countries: set[str]
    namesakes: set[str] = field(default_factory=set)  # people the report shows to be someone else

    @classmethod
    def of(cls, a: Analysis, hits: list[Hit]) -> Evidence:
        ev = cls(a.document.text, {h.entry.key for h in hits if not weak(h)}, report_countries(a))
        ev.namesakes = {h.entry.key for h in hits if h.entry.kind == "person" and ev._state_rank(h)}
        return ev

    def supports(self, h: Hit) -> bool:
        """Keep the hit? Strong aliases always; weak ones with support; never a namesake officer."""
        if h.entry.key in self.namesakes:
            return False
        if not weak(h):
            return True
        e = h.entry
        if e.key in self.strong or (e.parent and e.parent in self.strong):
            return True
        if e.kind == "person":
            return self._titled(h)
        return not e.theatre or bool(e.theatre & self.countries)

    def _before(self, h: Hit) -> str:
        return self.text[max(0, h.start - 40) : h.start].lower()

    def _titled(self, h: Hit) -> bool:
        titles = "|".join(map(re.escape, lexicon().titles))
        return re.search(rf"\b(?:{titles})\s+$", self._before(h)) is not None

    def _state_rank(self, h: Hit) -> bool:
        """A constable or sergeant of the same name as a non-state group's member."""
        parent = registry().entries.get(h.entry.parent or "")
        if parent is None or parent.actor_type in STATE_SIDE:
            return False
        ranks = "|".join(map(re.escape, lexicon().state_titles))
        before = self.text[max(0, h.start - 60) : h.start]
        pattern = rf"\b(?:{ranks})\s+(?:[A-Z][\w'-]*\s+)?$"
        return re.search(pattern, before, re.IGNORECASE) is not None
