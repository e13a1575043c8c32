"""Group the chosen mentions into entities: one per group or person, whatever the spelling.

Links, strongest first: the registry key; an acronym defined in the text; the same folded
name; a name that shortens another ("Tahrir al-Sham", "Observatory", "Musa"); a country's
generic force ("Iraqi forces" / "Iraqi troops"); and a bare "the army" that points back to
the named body of its class.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from ..model import MentionKind
from ..places.fold import words
from .candidates import Cand
from .lexicon import lexicon
from .persons import name_keys, shortens
from .registry import Entry, Registry, key_of_name, registry


@dataclass
class Cluster:
    """One future entity: its mentions' candidates and what is known of it."""

    kind: MentionKind
    name: str
    entry: Entry | None = None
    actor_type: str | None = None
    fclass: str | None = None
    cands: list[Cand] = field(default_factory=list)
    role: str | None = None
    affiliation: Cluster | None = None
    eid: str = ""

    @property
    def first(self) -> int:
        return min((c.start for c in self.cands), default=10**9)

    def add(self, c: Cand) -> None:
        self.cands.append(c)
        if self.actor_type is None:
            self.actor_type = c.actor_type
        if self.fclass is None and c.fclass and c.source != "bare":
            self.fclass = c.fclass


def head(name: str) -> str:
    """The part of a name before its first preposition: "Central Bank" of "Central Bank of Nigeria"."""
    return re.split(r"\s+(?:of|for|on|de|del|in)\s+", name, maxsplit=1)[0]


def _force_class(name: str, actor_type: str | None) -> str | None:
    fc = lexicon().force_class(head(name))
    return fc.name if fc and actor_type in (None, fc.actor_type, "foreign_force") else None


def _force_index() -> dict[str, Entry]:
    """Registry bodies by "modifier|class" ("syrian|army") and "country code|class" ("SY|army"); a
    body's own name ("Serbian Police") counts before other bodies' aliases ("Serbian border police").
    Built once per registry: it was a sixth of the time of a short report."""
    return _force_index_of(registry())


@cache
def _force_index_of(reg: Registry) -> dict[str, Entry]:
    bodies = [
        e
        for e in reg.entries.values()
        if e.kind == "actor" and e.actor_type in ("state_force", "foreign_force", "government")
    ]
    out: dict[str, Entry] = {}
    for names in (
        [(e, e.name) for e in bodies],
        [(e, a.name) for e in bodies for a in e.aliases if not a.needs_context],
    ):
        for e, name in names:
            fc = lexicon().force_class(name)
            mod = name.split()[0] if " " in name else ""
            if fc and mod[:1].isupper() and fc.actor_type == e.actor_type:
                out.setdefault(f"{mod.lower()}|{fc.name}", e)
                if e.country and name is e.name:
                    out.setdefault(f"{e.country}|{fc.name}", e)
    return out


class Clusters:
    """Builds clusters from chosen candidates; ``acronyms`` maps folded acronym -> folded long name."""

    def __init__(self, acronyms: dict[str, str]):
        self.all: list[Cluster] = []
        self.by_key: dict[str, Cluster] = {}
        self.acronyms = acronyms
        self.forces = _force_index()

    def _new(self, c: Cand, key: str) -> Cluster:
        entry = c.entry
        if entry is None and c.group and key.startswith("reg:"):  # "Russian drones": the body
            entry = registry().entries.get(key[4:])
        cl = Cluster(
            c.kind,
            entry.name if entry else c.name,
            entry=entry,
            actor_type=entry.actor_type if entry else c.actor_type,
        )
        cl.fclass = c.fclass if c.source != "bare" else None
        if cl.fclass is None and cl.kind == "actor":
            names = [cl.name]
            if entry:  # "Tatmadaw" is an army by its alias "Myanmar military"
                names += [a.name for a in entry.aliases if not a.needs_context]
            classes = (_force_class(n, cl.actor_type) for n in names)
            cl.fclass = next((fc for fc in classes if fc), None)
        if c.source == "byline":
            cl.role = "reporter"
        self.all.append(cl)
        self.by_key[key] = cl
        return cl

    def for_entry(self, e: Entry) -> Cluster:
        """The cluster of a registry entry, made (without mentions) when the text has none."""
        key = f"reg:{e.key}"
        if key not in self.by_key:
            self._new(Cand(0, 0, e.kind, "registry", e.name, entry=e, actor_type=e.actor_type), key)
        return self.by_key[key]

    def place(self, c: Cand) -> None:
        """Put one named (not bare) candidate into its cluster."""
        key = self._key(c)
        cl = self.by_key.get(key) or self._related(c)
        if cl is None:
            cl = self._new(c, key)
        elif (
            c.entry and cl.entry is None
        ):  # a registry spelling names a cluster found first by other means
            cl.entry, cl.name, cl.actor_type = (
                c.entry,
                c.entry.name,
                c.entry.actor_type or cl.actor_type,
            )
            self.by_key[key] = cl
        for k in (key, f"{c.kind}:{key_of_name(c.name)}", f"{cl.kind}:{key_of_name(cl.name)}"):
            self.by_key.setdefault(k, cl)
        cl.add(c)

    def owner(self, start: int, end: int) -> Cluster | None:
        """The cluster holding a mention that overlaps [start, end)."""
        return next(
            (cl for cl in self.all for c in cl.cands if c.start < end and start < c.end), None
        )

    def merge_at(self, long: Cand, acr: Cand) -> None:
        """One entity for a name and the acronym the text defined for it."""
        one, two = self.owner(long.start, long.end), self.owner(acr.start, acr.end)
        if one is None or two is None or one is two or (one.entry and two.entry):
            return
        keep, gone = (two, one) if two.entry else (one, two)
        self._absorb(keep, gone)

    def merge_units(self) -> None:
        """A unit ("Seventh Division") is its army: it joins the army named before it, else
        the first one after."""
        armies = [cl for cl in self.all if cl.fclass == "army" and not _unit(cl)]
        for unit in [cl for cl in self.all if _unit(cl)]:
            before = [cl for cl in armies if cl.first < unit.first]
            army = max(before, key=_first) if before else min(armies, key=_first, default=None)
            if army is not None:
                self._absorb(army, unit)

    def _absorb(self, keep: Cluster, gone: Cluster) -> None:
        for c in gone.cands:
            keep.add(c)
        keep.actor_type = keep.actor_type or gone.actor_type
        self.all.remove(gone)
        for k, v in list(self.by_key.items()):
            if v is gone:
                self.by_key[k] = keep

    def _key(self, c: Cand) -> str:
        if c.source == "byline":
            return "byline"
        if c.entry is not None:
            return f"reg:{c.entry.key}"
        if c.group:
            fclass = c.group.split("|")[1]
            entry = self.forces.get(f"{c.name.split()[0].lower()}|{fclass}") or self.forces.get(
                c.group
            )
            return f"reg:{entry.key}" if entry else f"grp:{c.group}"
        k = key_of_name(c.name)
        k = self.acronyms.get(k, k)
        return f"{c.kind}:{k}"

    def _related(self, c: Cand) -> Cluster | None:
        """An earlier cluster this name shortens or extends (not two different registry groups)."""
        if c.source in ("byline", "outlet") or c.group:
            return None
        ours = name_keys(c.name) if c.kind == "person" else _content(c.name)
        if not ours:
            return None
        best, surname = None, None
        for cl in self.all:
            if (
                cl.kind != c.kind
                or cl.role == "reporter"
                or (cl.entry and c.entry and cl.entry is not c.entry)
            ):
                continue
            if c.kind == "person":
                if shortens(c.name, cl.name) or shortens(cl.name, c.name):
                    best = cl
                    # "Ali" after "Osman Ali" and "Ali Nur": a lone name is the family name
                    if len(ours) == 1 and name_keys(cl.name)[-1:] == ours and surname is None:
                        surname = cl
            elif _extends(ours, cl.name) or _extends(_content(cl.name), c.name):
                best = cl
        return surname or best

    def place_bares(self, order: list[Cand], text: str = "") -> None:
        """Each bare class noun joins the nearest named body of its class ("the army") or, for a
        generic reference ("the group"), of a type it refers to: the one before it, else after it.
        Nothing else is merged: with no such body it stays a generic actor of its own. A region's
        body ("the state government") is never the one a bare noun means. A generic noun whose
        own words name its group ("militants from the X", "fighters of the X") means that group."""
        owner = {id(x): cl for cl in self.all for x in cl.cands}
        named: dict[str | None, list[Cand]] = {}
        local = set(lexicon().subnational)
        umbrellas = _umbrellas(self.all)
        for x in order:
            regional = bool(x.group and x.group.split("|")[0] in local)
            # a weapon ("Russian drones") puts no soldiers on the ground for "a soldier" to mean
            if x.source not in ("bare", "arms") and id(x) in owner and not regional:
                cl = owner[id(x)]
                refs = [] if id(cl) in umbrellas else _referring(cl)
                said = _force_class(text[x.start : x.end], cl.actor_type) if text else None
                for fclass in {cl.fclass, said, *refs}:  # "Iranian border guards": that class too
                    named.setdefault(fclass, []).append(x)
        starts = {fclass: [x.start for x in xs] for fclass, xs in named.items()}
        ends = {x.end: x for x in order if x.source != "bare" and owner.get(id(x)) is not None}
        for c in (c for c in order if c.source == "bare"):
            same = named.get(c.fclass, [])
            i = bisect.bisect_left(starts.get(c.fclass, []), c.start)
            pick = same[i - 1] if i > 0 else (same[0] if same else None)
            pick = _named_after(text, c, same, i) or _owner_before(text, c, ends) or pick
            quoted = _speakers(text, c) and len({id(owner[id(x)]) for x in same}) > 1
            if pick is not None and not quoted:
                owner[id(pick)].add(c)
                continue
            # "our troops" of one speaker is not another speaker's "our troops"
            key = f"class:{c.fclass}" + (f"@{c.start}" if quoted else "")
            cl = self.by_key.get(key) or self._new(c, key)
            cl.fclass = c.fclass
            cl.add(c)
            owner[id(c)] = cl
            # "smugglers" ... "the group": a generic body can be referred to as well
            for fclass in _referring(cl):
                i = bisect.bisect_right(starts.setdefault(fclass, []), c.start)
                starts[fclass].insert(i, c.start)
                named.setdefault(fclass, []).insert(i, c)


OF_GROUP = re.compile(
    r"[ \t]+(?:from|of|belonging[ \t]+to|loyal[ \t]+to|linked[ \t]+to)[ \t]+(?:the[ \t]+)?$"
)


def _named_after(text: str, c: Cand, same: list[Cand], i: int) -> Cand | None:
    """The group a generic noun's own phrase names: "militants from the X" means X, whoever was
    named before it."""
    if i >= len(same) or not text:
        return None
    nxt = same[i]
    return nxt if OF_GROUP.match(text[c.end : nxt.start]) and _refers_to(c) else None


def _owner_before(text: str, c: Cand, ends: dict[int, Cand]) -> Cand | None:
    """ "Taliban border guards", "Wagner troops": a group named right before a bare noun owns it."""
    if not text:
        return None
    gap = re.search(r"[ \t]+$", text[max(0, c.start - 3) : c.start])
    x = ends.get(c.start - len(gap.group())) if gap else None
    return x if x is not None and x.kind == "actor" else None


def _speakers(text: str, c: Cand) -> bool:
    """ "our troops": a quoted speaker's own side."""
    before = re.findall(r"[\w']+", text[max(0, c.start - 12) : c.start].lower())[-1:]
    return bool(before) and before[0] in lexicon().speaker_possessives


def _refers_to(c: Cand) -> bool:
    return any(fc.name == c.fclass and fc.refers_to for fc in lexicon().classes)


def _umbrellas(clusters: list[Cluster]) -> set[int]:
    """Transnational groups named as the umbrella of a local one in the report (Islamic State
    beside its Mozambique province): "the group" or "insurgents" mean the one that fights there,
    not the brand it pledged to, so such an umbrella is no referent of a generic noun. A national
    movement's own wing ("Houthi military") leaves its movement a referent."""
    groups = [cl for cl in clusters if cl.kind == "actor" and cl.entry]
    keys = {cl.entry.key: cl for cl in groups if cl.entry}
    out = set()
    for cl in groups:
        entry, seen = cl.entry, set()
        while entry is not None and entry.parent and entry.parent not in seen:
            seen.add(entry.parent)
            top = keys.get(entry.parent)
            if top is not None and top is not cl and top.entry and not top.entry.country:
                out.add(id(top))
            entry = registry().entries.get(entry.parent)
    return out


def _unit(cl: Cluster) -> bool:
    return (
        cl.kind == "actor"
        and cl.entry is None
        and bool(cl.cands)
        and all(c.source == "unit" for c in cl.cands)
    )


def _referring(cl: Cluster) -> list[str]:
    """The generic classes ("group", "cartel") whose references may mean this actor."""
    if cl.kind != "actor" or cl.actor_type is None:
        return []
    return [fc.name for fc in lexicon().classes if cl.actor_type in fc.refers_to]


def _content(name: str) -> list[str]:
    return [w.key for w in words(name) if not w.article and w.key not in lexicon().name_joiners]


def _extends(short: list[str], other: str) -> bool:
    """Do a name's words run, in order, inside another's (two words or more), or name its head?"""
    long = _content(other)
    if len(short) >= len(long):
        return False
    if len(short) == 1:
        return short == _content(head(other))[-1:] and len(long) > 1
    it = iter(long)
    return all(k in it for k in short)


def _first(cl: Cluster) -> int:
    return cl.first
