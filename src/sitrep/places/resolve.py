"""Choose one gazetteer row per mention, or abstain.

A candidate's score is its prior (feature class, population) plus what the document says:
the type word next to it, its parents ("X in Y"), the countries and first-level divisions
the report names, its dateline, nearness to places already resolved with confidence, and
how the readings of different names fit together: a town inside a county the report names,
towns that lie close to each other, a place beside a country the report names.
Resolution runs three times so that confident names (countries, unique names) inform the rest.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from ..geodesy import km, nearest_km
from .config import WEIGHTS, ResolveWeights
from .fold import fold
from .hits import Hit, type_keys
from .store import Candidate, Gazetteer


@dataclass
class Context:
    """What the document has established so far: countries, divisions and points."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    points: set[tuple[float, float]] = field(default_factory=set)
    counties: set[tuple] = field(
        default_factory=set
    )  # (country, admin1, admin2) of counties other names may be
    towns: set[tuple] = field(default_factory=set)  # and of the towns other names may be
    minor: set[int] = field(
        default_factory=set
    )  # this name's readings too small for a county or a neighbour to support
    neighbours: set[int] = field(
        default_factory=set
    )  # this name's readings with another name's reading close by
    nations: set[tuple[float, float]] = field(default_factory=set)  # points of the countries named
    _array: np.ndarray | None = field(default=None, repr=False)

    def add(self, c: Candidate, weight: float = 1.0) -> None:
        # The counters hold float weights, though typeshed types Counter values as int.
        countries = cast("dict[Any, float]", self.countries)
        admin1 = cast("dict[Any, float]", self.admin1)
        if c.country:
            countries[c.country] += weight
        if c.feature == "ADM1" or (c.admin1 and c.feature.startswith("PPL")):
            admin1[(c.country, c.admin1)] += weight if c.feature == "ADM1" else weight / 2
        if c.feature not in ("PCLI", "CONT", "ADM1"):
            self.points.add((c.lat, c.lon))
        elif c.feature == "PCLI":
            self.nations.add((c.lat, c.lon))

    def update(self, other: Context) -> None:
        self.countries.update(other.countries)
        self.admin1.update(other.admin1)
        self.points |= other.points
        self.nations |= other.nations

    def without(self, other: Context, points: set[tuple[float, float]]) -> Context:
        """This context less what ``other`` added (one name's own say), with the given points."""
        return Context(
            _less(self.countries, other.countries), _less(self.admin1, other.admin1), points
        )

    def nearest_km(self, lat: float, lon: float) -> float | None:
        if not self.points:
            return None
        if self._array is None:
            self._array = np.radians(np.array(sorted(self.points)))
        return nearest_km(lat, lon, self._array)


def _less(total: Counter, part: Counter) -> Counter:
    return Counter({k: v - part[k] for k, v in total.items() if v - part[k] > 1e-9})


def contains(parent: Candidate, child: Candidate, w: ResolveWeights = WEIGHTS) -> bool:
    """Whether ``child`` plausibly lies in ``parent`` (same country, same division, or close by)."""
    if parent.id == child.id:
        return False
    if parent.feature == "PCLI":
        return parent.country == child.country and child.feature != "PCLI"
    if parent.feature == "ADM1":
        return (parent.country, parent.admin1) == (child.country, child.admin1) or (
            parent.country == child.country
            and km(parent.lat, parent.lon, child.lat, child.lon) < w.admin1_reach_km
        )
    return km(parent.lat, parent.lon, child.lat, child.lon) < w.area_reach_km


def prior(c: Candidate, w: ResolveWeights = WEIGHTS) -> float:
    """How likely a bare mention of this name means this row: feature class plus log population."""
    base = w.feature_prior.get(
        c.feature, w.area_prior if c.kind not in ("town", "place") and not c.population else 0.0
    )
    return base + math.log10(c.population + 1)


def _named_prior(c: Candidate, key: str, w: ResolveWeights) -> float:
    """The prior, less the alias penalty for a town that has the name only as an alternate."""
    return prior(c, w) - (
        w.alias_penalty if c.feature.startswith("PPL") and not c.called(key) else 0.0
    )


def score(
    c: Candidate,
    hit: Hit,
    ctx: Context,
    parents: list[list[Candidate]],
    w: ResolveWeights = WEIGHTS,
) -> float:
    """Prior plus document evidence, on a log-odds-like scale (softmax gives the confidence)."""
    s = _named_prior(c, hit.key, w)
    if hit.kinds:
        s += w.type_match if c.kind in hit.kinds else w.type_mismatch
    if any(contains(p, c, w) for ps in parents for p in ps):
        s += w.parent_bonus
    if c.country and ctx.countries[c.country]:
        n = ctx.countries[c.country]
        s += w.country_bonus * min(1.0, n) + w.country_repeat_bonus * min(n, w.country_repeat_cap)
    if ctx.admin1[(c.country, c.admin1)]:
        s += w.admin1_bonus * min(1.0, ctx.admin1[(c.country, c.admin1)])
    if c.id not in ctx.minor and (c.admin2 or c.id in ctx.neighbours):
        if (c.country, c.admin1, c.admin2) in (
            ctx.counties
            if c.feature.startswith("PPL")
            else ctx.towns
            if c.feature == "ADM2"
            else ()
        ):
            s += w.county_bonus
        if c.id in ctx.neighbours and _in_named_division(c, ctx):
            s += w.neighbour_bonus
    if (
        c.country
        and not ctx.countries[c.country]
        and c.feature != "PCLI"
        and any(km(c.lat, c.lon, *p) < w.border_km for p in ctx.nations)
    ):
        s += w.border_bonus
    d = ctx.nearest_km(c.lat, c.lon) if c.feature not in ("PCLI", "CONT", "ADM1") else None
    if d is not None:
        s += w.near_bonus * max(0.0, 1 - d / w.near_km)
    return s


@dataclass
class Choice:
    candidate: Candidate | None
    confidence: float
    reason: str = ""
    area: str | None = None  # an unknown name placed at its division: "district" or "province"
    home: str | None = None  # the country the text puts an unknown name in, none of its readings


def choose(
    hit: Hit,
    cands: list[Candidate],
    ctx: Context,
    parents: list[list[Candidate]],
    w: ResolveWeights = WEIGHTS,
) -> Choice:
    """The best candidate with a softmax confidence; abstain when a strict type word fits none."""
    if hit.strict:
        cands = [c for c in cands if c.kind in hit.kinds]
        if not cands:
            return Choice(None, 0.0, f"no {'/'.join(hit.kinds)} of that name in the gazetteer")
    if not cands:
        return Choice(None, 0.0, "not in the gazetteer")
    if not hit.kinds:
        cands = _seats_over_provinces(cands, hit.key, w)
    home = _outside_parent_country(cands, hit.key, parents, w)
    if home:
        return Choice(
            None, 0.0, f"no place of that name in {home}, where the text puts it", home=home
        )
    scored = _distinct(
        sorted(((score(c, hit, ctx, parents, w), c) for c in cands), key=lambda t: -t[0]), w
    )
    top = scored[0][0]
    if _stray(scored[0][1], ctx, w):
        return Choice(None, 0.0, "only a hamlet abroad, far from the report's places")
    conf = 1.0 / sum(math.exp(s - top) for s, _ in scored)
    return Choice(scored[0][1], round(conf, 3))


def _outside_parent_country(
    cands: list[Candidate], key: str, parents: list[list[Candidate]], w: ResolveWeights
) -> str | None:
    """The country the text puts a town in ("near Boni, Mali", "Mali's Boni") when no reading of
    the name lies in it, in any other reading of its parents, or near it: the gazetteer lacks the
    town, and a namesake abroad (Bonn, by an alternate spelling; a small town) is no answer. A
    city called so ("Nairobi, Uganda and Tanzania" is a list), a country or a province is left
    alone."""
    countries = [p for ps in parents for p in ps if p.feature == "PCLI"]
    if not countries or any(
        c.feature in ("PCLI", "ADM1") or (c.population >= w.seat_population and c.called(key))
        for c in cands
    ):
        return None
    for c in cands:
        if any(contains(p, c, w) for ps in parents for p in ps) or any(
            km(c.lat, c.lon, p.lat, p.lon) < w.border_km for p in countries
        ):
            return None
    return countries[0].name


def _stray(c: Candidate, ctx: Context, w: ResolveWeights) -> bool:
    """A hamlet of unknown size in a country the report never names, far from every place and
    country it does name: a chance namesake ("Datu" of Datu Piang read as Datou in China), not
    the report's place, so the name stays unresolved instead of being mapped abroad."""
    if not c.feature.startswith("PPL") or c.population >= w.stray_population or not c.country:
        return False
    if c.population and c.feature != "PPL":  # a seat of government is no chance namesake (Marib)
        return False
    if ctx.countries[c.country] or max(ctx.countries.values(), default=0) < 1:
        return False
    near = [km(c.lat, c.lon, *p) for p in ctx.nations]
    d = ctx.nearest_km(c.lat, c.lon)
    return min([*near, *([d] if d is not None else [])], default=0.0) > w.stray_km


def _seats_over_provinces(cands: list[Candidate], key: str, w: ResolveWeights) -> list[Candidate]:
    """A bare "Homs" or "Aleppo" is the city, not the province named after it: without a type
    word, a first-level division gives way to a sizeable town inside it that bears the name
    as its own or the division's (not "N.Y." for New York City, nor "Ind." for Indianapolis)."""
    towns = [c for c in cands if c.feature.startswith("PPL") and c.population >= w.seat_population]

    def seat_of(c: Candidate) -> bool:
        return any(
            t.country == c.country
            and fold(t.name) in (key, fold(c.name))
            and (t.admin1 == c.admin1 or km(t.lat, t.lon, c.lat, c.lon) < w.seat_km)
            for t in towns
        )

    return [c for c in cands if c.feature != "ADM1" or not seat_of(c)]


def _distinct(
    scored: list[tuple[float, Candidate]], w: ResolveWeights
) -> list[tuple[float, Candidate]]:
    """Drop rows that repeat a better-scored one (the same village from two sources)."""
    kept: list[tuple[float, Candidate]] = []
    for s, c in scored:
        if not any(
            k.kind == c.kind and km(k.lat, k.lon, c.lat, c.lon) < w.same_place_km for _, k in kept
        ):
            kept.append((s, c))
    return kept


def resolve(
    hits: list[Hit],
    gaz: Gazetteer,
    dateline: Sequence[Candidate] = (),
    w: ResolveWeights = WEIGHTS,
) -> list[Choice]:
    """Three passes: the first settles what the report is about, the later ones use the previous
    pass's readings for everyone (the second may find that "Georgia" beside Atlanta is the state).

    A name never counts as context for itself, so one wrong first guess cannot confirm itself.
    Repeats of a name with the same type word and parents are scored once: long texts stay linear.
    """
    pool = [_candidates(h, gaz, w) for h in hits]
    base = _context(dateline, w)
    memo: dict[tuple, Choice] = {}
    choices = [
        _memo(
            memo,
            (h.key, h.demonym, h.abbreviation, h.kinds, h.strict),
            lambda: choose(h, pool[n], base, [], w),  # noqa: B023 - called at once, inside the iteration
        )
        for n, h in enumerate(hits)
    ]
    minors = {_sign(h): _minor(cands, h.key, w) for h, cands in _once(hits, pool)}
    counties, towns = _counties(hits, pool, minors)
    neighbours = _neighbours(hits, pool, minors, w)
    for _ in range(w.passes - 1):
        said = _said(hits, choices, pool, w)
        total = _context(dateline, w)
        for own in said.values():
            total.update(own)
        contexts: dict[str, Context] = {}
        memo.clear()
        out = []
        for n, h in enumerate(hits):
            if h.key not in contexts:
                others = set(base.points).union(*(o.points for k, o in said.items() if k != h.key))
                contexts[h.key] = ctx = total.without(said[h.key], others)
                ctx.counties = set().union(*(v for k, v in counties.items() if k != _stem(h.key)))
                ctx.minor = minors[_sign(h)]
                ctx.neighbours = neighbours.get(_stem(h.key), set())
                ctx.nations = set(base.nations).union(
                    *(o.nations for k, o in said.items() if k != h.key)
                )
                if _names_county(h):
                    ctx.towns = set().union(*(v for k, v in towns.items() if k != _stem(h.key)))
            parents = tuple((hits[p].key, hits[p].demonym) for p in h.parents)
            out.append(
                _memo(
                    memo,
                    (h.key, h.demonym, h.abbreviation, h.kinds, h.strict, parents),
                    lambda: choose(
                        h,  # noqa: B023 - called at once, inside the iteration
                        pool[n],  # noqa: B023 - called at once, inside the iteration
                        contexts[h.key],  # noqa: B023 - called at once, inside the iteration
                        [pool[p][: w.parent_candidates] for p in h.parents],  # noqa: B023 - called at once, inside the iteration
                        w,
                    ),
                )
            )
        choices = out
    return _one_sense(hits, choices)


def _said(
    hits: list[Hit], choices: list[Choice], pool: list[list[Candidate]], w: ResolveWeights
) -> dict[str, Context]:
    """What each name adds to the context: its settled reading, or else one vote however often it comes."""
    said: dict[str, Context] = {}
    votes: dict[str, tuple[Counter, Counter]] = {}
    for h, ch, cands in zip(hits, choices, pool, strict=False):
        own = said.setdefault(h.key, Context())
        if ch.candidate and _settled(ch.candidate, ch.confidence, cands, w):
            own.add(ch.candidate)
        elif cands:
            votes[h.key] = _vote(cands, w)
    for key, (countries, divisions) in votes.items():
        said[key].countries.update(countries)
        said[key].admin1.update(divisions)
    return said


def _counties(
    hits: list[Hit], pool: list[list[Candidate]], minors: dict[tuple, set[int]]
) -> tuple[dict[str, set[tuple]], dict[str, set[tuple]]]:
    """Per name, the counties it may be (only when its own words say county: "Henry County",
    "Clarke and Oconee counties") and the counties its possible towns lie in.

    Names are keyed without the type word: "DeKalb" beside "DeKalb County" is most often the
    county again, so the two never vouch for each other."""
    counties: dict[str, set[tuple]] = {}
    towns: dict[str, set[tuple]] = {}
    for h, cands in _once(hits, pool):
        cands = [c for c in cands if c.admin2 and c.id not in minors[_sign(h)]]
        if _names_county(h):
            counties.setdefault(_stem(h.key), set()).update(
                (c.country, c.admin1, c.admin2) for c in cands if c.feature == "ADM2"
            )
        towns.setdefault(_stem(h.key), set()).update(
            (c.country, c.admin1, c.admin2) for c in cands if c.feature.startswith("PPL")
        )
    return counties, towns


def _neighbours(
    hits: list[Hit], pool: list[list[Candidate]], minors: dict[tuple, set[int]], w: ResolveWeights
) -> dict[str, set[int]]:
    """Per name, its town and county readings that lie within the neighbour distance of a reading of another
    name: the places of a local story lie together. A one-degree grid keeps it near linear."""
    grid: dict[tuple[int, int], list[tuple[str, Candidate]]] = {}
    for h, cands in _once(hits, pool):
        for c in cands:
            if (c.feature.startswith("PPL") or c.feature == "ADM2") and c.id not in minors[
                _sign(h)
            ]:
                grid.setdefault((math.floor(c.lat), math.floor(c.lon)), []).append(
                    (_stem(h.key), c)
                )
    out: dict[str, set[int]] = {}
    for (i, j), members in grid.items():
        around = [
            m
            for di in (-1, 0, 1)
            for dj in (-2, -1, 0, 1, 2)
            for m in grid.get((i + di, j + dj), ())
        ]
        for key, c in members:
            if any(k != key and km(c.lat, c.lon, o.lat, o.lon) < w.neighbour_km for k, o in around):
                out.setdefault(key, set()).add(c.id)
    return out


def _once(hits: list[Hit], pool: list[list[Candidate]]) -> Iterator[tuple[Hit, list[Candidate]]]:
    """Each name with its readings once, however often the report repeats it: long texts stay linear."""
    seen: set[tuple] = set()
    for h, cands in zip(hits, pool, strict=False):
        if (h.key, h.demonym, h.abbreviation, h.kinds) not in seen:
            seen.add((h.key, h.demonym, h.abbreviation, h.kinds))
            yield h, cands


def _sign(hit: Hit) -> tuple:
    """What a name's readings depend on: its key, and whether it is a demonym or an abbreviation."""
    return hit.key, hit.demonym, hit.abbreviation


def _minor(cands: list[Candidate], key: str, w: ResolveWeights) -> set[int]:
    """Readings more than the minor margin below the likeliest namesake in their own country."""
    best: dict[str | None, float] = {}
    for c in cands:
        best[c.country] = max(best.get(c.country, -math.inf), _named_prior(c, key, w))
    return {c.id for c in cands if _named_prior(c, key, w) < best[c.country] - w.minor_margin}


def _in_named_division(c: Candidate, ctx: Context) -> bool:
    """False when the report names first-level divisions of the candidate's country, none of them its own."""
    named = {k for k, w in ctx.admin1.items() if w >= 1.0 and k[0] == c.country}
    return not named or (c.country, c.admin1) in named


def _names_county(hit: Hit) -> bool:
    return "district" in hit.kinds or _stem(hit.key) != hit.key


def _stem(key: str) -> str:
    """A name's key less a trailing county word: "henry cunty" -> "henry"."""
    head, _, last = key.rpartition(" ")
    return head if head and last in type_keys("district") else key


def _memo(memo: dict[tuple, Choice], key: tuple, make: Callable[[], Choice]) -> Choice:
    if key not in memo:
        memo[key] = make()
    return memo[key]


def _vote(cands: list[Candidate], w: ResolveWeights) -> tuple[Counter, Counter]:
    """An ambiguous name still says something: half a vote shared among its likely readings' countries and divisions."""
    best = max(prior(c, w) for c in cands)
    likely = [c for c in cands if prior(c, w) >= best - w.soft_margin]
    countries = {c.country for c in likely if c.country}
    divisions = {(c.country, c.admin1) for c in likely if c.admin1}
    return (
        Counter({k: w.vote_weight / len(countries) for k in countries}),
        Counter({k: w.vote_weight / len(divisions) for k in divisions}),
    )


def _settled(c: Candidate, confidence: float, cands: list[Candidate], w: ResolveWeights) -> bool:
    """Readings sure enough to inform others: countries, first-level divisions, names with one place."""
    return (
        c.feature in ("PCLI", "ADM1")
        or len(_distinct([(0.0, k) for k in cands], w)) == 1
        or confidence >= w.settled_confidence
    )


def _context(dateline: Sequence[Candidate], w: ResolveWeights) -> Context:
    """The context the dateline alone sets: its place counts as much as two mentions."""
    ctx = Context()
    for c in dateline:
        ctx.add(c, w.dateline_weight)
    return ctx


def _one_sense(hits: list[Hit], choices: list[Choice]) -> list[Choice]:
    """A name means one place per report: untyped repeats take the most confident reading, or
    stay unresolved with a mention the text puts in a country none of the readings lie in."""
    best: dict[str, Choice] = {}
    for h, ch in zip(hits, choices, strict=False):
        held = best.get(h.key)
        if held and held.home:
            continue
        if (ch.home and not h.kinds) or (
            ch.candidate and (held is None or ch.confidence > held.confidence)
        ):
            best[h.key] = ch
    return [
        best[h.key] if ch.candidate and not h.kinds and h.key in best else ch
        for h, ch in zip(hits, choices, strict=False)
    ]


def _candidates(hit: Hit, gaz: Gazetteer, w: ResolveWeights = WEIGHTS) -> list[Candidate]:
    cands = gaz.candidates(hit.key)[: w.max_candidates]
    if hit.abbreviation and any(c.feature in ("PCLI", "ADM1") for c in cands):
        cands = [
            c for c in cands if c.feature in ("PCLI", "ADM1") or c.population >= w.abbreviated_city
        ]
    if hit.demonym:
        return [c for c in cands if c.demonym]
    return [c for c in cands if not c.demonym]
