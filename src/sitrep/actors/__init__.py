"""Actors stage: groups and people, their aliases merged into one entity each, and who leads whom.

Runs after places and owns the place/actor decision (see DEVELOPERS.md).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from ..intervals import Intervals
from ..model import Analysis, Entity, Mention
from . import affiliation, overlap
from .candidates import (
    BRACKETED,
    Cand,
    acronyms,
    area_words,
    forces,
    initials_fit,
    literal,
    named_groups,
    ner,
    patterns,
    place_named,
    registry_hits,
    titled,
    units,
)
from .cluster import Cluster, Clusters
from .lexicon import lexicon
from .persons import name_keys, short_forms
from .registry import key_of_name, registry, text_words


def annotate(a: Analysis, doc: Doc) -> None:
    """Add actor and person mentions and entities to the analysis."""
    text = a.document.text
    pairs = acronyms(a)
    cands = registry_hits(a) + literal(a, a.document.outlet, "actor", "outlet", "media")
    cands += literal(a, a.document.byline, "person", "byline")
    cands += [c for p in pairs for c in p] + _acronym_uses(a, pairs)
    cands += ner(a, doc) + patterns(a, doc) + named_groups(a) + units(a) + forces(a, doc)
    cands += titled(a)
    areas = area_words(text)
    cands = [
        c
        for c in cands
        if not any(s < c.end and c.start < e for s, e in areas) and not place_named(text, c)
    ]
    chosen = select(cands)
    _settle_kinds(text, chosen)
    chosen = overlap.decide(a, overlap.possessive_places(a, chosen))
    chosen += overlap.decide(a, _short_uses(text, chosen))
    named = _bracket_names(a, chosen)
    for c in chosen:  # the tagger's "Sedena said" is the group the report named so
        if c.source == "ner" and c.kind == "person" and text[c.start : c.end] in named:
            c.kind, c.actor_type = "actor", named[text[c.start : c.end]].actor_type
    chosen += overlap.decide(a, _named_aliases(a, chosen, named))
    links = {key_of_name(w): key_of_name(c.name) for w, c in named.items()}
    links.update(
        {key_of_name(text[acr.start : acr.end]): key_of_name(long.name) for long, acr in pairs}
    )
    groups = Clusters(links)
    order = sorted(chosen, key=lambda c: c.start)
    for c in sorted(
        (c for c in order if c.source != "bare"),
        key=lambda c: (c.kind != "actor", -_size(c), c.start),
    ):
        groups.place(c)
    for long, acr in pairs:
        groups.merge_at(long, acr)
    groups.place_bares(order, text)
    groups.merge_units()
    placed = [(c.start, c.end, cl) for cl in groups.all for c in cl.cands if c.end > c.start]
    affiliation.link(text, placed)
    _registry_affiliations(groups)
    _write(a, groups)


def select(cands: list[Cand]) -> list[Cand]:
    """The strongest, then longest, candidates that do not overlap one another."""
    taken: list[Cand] = []
    spans: list[
        tuple[int, int]
    ] = []  # taken spans in text order; they never overlap, so a neighbour check will do
    for c in sorted(cands, key=lambda c: (-c.rank, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        i = bisect.bisect_left(spans, (c.start, c.end))
        if (i > 0 and spans[i - 1][1] > c.start) or (i < len(spans) and spans[i][0] < c.end):
            continue
        spans.insert(i, (c.start, c.end))
        taken.append(c)
    return taken


def _size(c: Cand) -> int:
    return len(name_keys(c.name)) if c.kind == "person" else 0


def _acronym_uses(a: Analysis, pairs: list[tuple[Cand, Cand]]) -> list[Cand]:
    """Later bare uses of an acronym defined in the text."""
    text = a.document.text
    out, seen = [], set()
    for long, acr in pairs:
        word = text[acr.start : acr.end]
        if word in seen:  # defined again further on: its uses are found already
            continue
        seen.add(word)
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            out.append(
                Cand(m.start(), m.end(), "actor", "acronym", long.name, actor_type=long.actor_type)
            )
    return out


def _settle_kinds(text: str, chosen: list[Cand]) -> None:
    """NER's ORG/PERSON label is overruled by cues: a group word makes an actor, a role a person."""
    lx = lexicon()
    people = {
        k for c in chosen if c.kind == "person" and c.source != "ner" for k in name_keys(c.name)
    }
    people |= {
        k
        for c in chosen
        if c.kind == "person" and len(name_keys(c.name)) > 1
        for k in name_keys(c.name)
    }
    roles = "|".join(sorted(map(re.escape, lx.roles | set(lx.titles)), key=len, reverse=True))
    for c in chosen:
        if c.source != "ner":
            continue
        if c.kind == "person" and c.actor_type:
            c.kind = "actor"
        elif (
            c.kind == "actor"
            and not c.actor_type
            and (
                re.search(rf"(?i:\b(?:{roles}))\s+$", text[max(0, c.start - 30) : c.start])
                or re.match(
                    rf",\s+(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{roles})\b",
                    text[c.end : c.end + 60],
                )
                or (len(name_keys(c.name)) <= 2 and set(name_keys(c.name)) & people)
            )
        ):
            c.kind = "person"


def _short_uses(text: str, chosen: list[Cand]) -> list[Cand]:
    """Later "Musa" for "Idris Musa", "al-Talli" for "Abu Malik al-Talli": the short forms in the text.

    A given name alone ("Idris") counts only when no other person shares it and the name is no kunya.
    """
    full = [
        c
        for c in chosen
        if c.kind == "person" and c.source != "byline" and len(name_keys(c.name)) > 1
    ]
    firsts = [short_forms(c.name)[1] for c in full]
    wanted: dict[str, Cand] = {}
    for c in full:
        last, first = short_forms(c.name)
        wanted.setdefault(last, c)
        if firsts.count(first) == 1 and len(first) > 2 and not re.match(r"(?:Abu|Umm)\s", c.name):
            wanted.setdefault(first, c)
    out, taken = [], Intervals((c.start, c.end) for c in chosen)
    ws = text_words(text)
    for i, w in enumerate(ws):
        if w.article or not w.text[:1].isupper() or w.key not in wanted:
            continue
        start = (
            ws[i - 1].start if i and ws[i - 1].article and ws[i - 1].end == w.start - 1 else w.start
        )
        if not taken.overlaps(start, w.end):  # never a piece of a longer name
            whole = wanted[w.key]
            out.append(
                Cand(
                    start,
                    w.end,
                    "person",
                    "short",
                    whole.name,
                    titled=whole.source in lexicon().titled_sources,
                )
            )
    return out


def _bracket_names(a: Analysis, chosen: list[Cand]) -> dict[str, Cand]:
    """A group's other name the report gives in brackets after it ("the Defence Ministry
    (Sedena)"). A place in brackets ("Digest (Kabul)") says where, not who."""
    text = a.document.text
    places = {m.text for m in a.mentions if m.kind == "place"}
    names: dict[str, Cand] = {}
    for c in chosen:
        m = BRACKETED.match(text, c.end) if c.kind == "actor" and c.source != "bare" else None
        if m and m.group("w") not in places:
            names.setdefault(m.group("w"), c)
    return names


def _named_aliases(a: Analysis, chosen: list[Cand], bracketed: dict[str, Cand]) -> list[Cand]:
    """Every use of a group's other name: one the report gives in brackets after it, or capitals
    spelling its initials ("HIM" for "Horn Incident Monitor"). Uses another candidate already
    holds join the group by the clusters' links (see ``annotate``)."""
    text = a.document.text
    actors = [c for c in chosen if c.kind == "actor" and c.source != "bare"]
    places = {m.text for m in a.mentions if m.kind == "place"}
    names = dict(bracketed)
    # One candidate per name (the last, as before) and one test per word: a long text repeats both.
    named = {c.name: c for c in actors if len(c.name.split()) > 1}
    for word in dict.fromkeys(
        m.group() for m in re.finditer(r"(?<![\w-])[A-Z][A-Za-z]{1,6}[A-Z](?![\w-])", text)
    ):
        fits = [c for name, c in named.items() if initials_fit(name, word)]
        if len(fits) == 1:
            names.setdefault(word, fits[0])
    names = {w: c for w, c in names.items() if w not in places}
    taken = sorted((c.start, c.end) for c in chosen)
    out = []
    for word, c in names.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            i = bisect.bisect_right(taken, (m.start(), 10**9))
            clear_before = not (i and taken[i - 1][1] > m.start())
            if clear_before and not (i < len(taken) and taken[i][0] < m.end()):
                out.append(
                    Cand(
                        m.start(),
                        m.end(),
                        "actor",
                        "acronym",
                        c.name,
                        entry=c.entry,
                        actor_type=c.actor_type,
                    )
                )
    return out


def _registry_affiliations(groups: Clusters) -> None:
    """A registry person's own group, when the text did not say."""
    for cl in list(groups.all):
        if cl.kind == "person" and cl.affiliation is None and cl.entry and cl.entry.parent:
            parent = registry().entries.get(cl.entry.parent)
            if parent is not None:
                cl.affiliation = groups.for_entry(parent)
        if cl.kind == "person" and cl.role is None and cl.entry:
            cl.role = cl.entry.role


def _write(a: Analysis, groups: Clusters) -> None:
    """Turn clusters into entities and mentions; ids ac1…/pe1… in order of first mention."""
    needed = {id(cl.affiliation) for cl in groups.all if cl.affiliation is not None}
    keep = [
        cl
        for cl in groups.all
        if cl.cands
        and any(c.end > c.start for c in cl.cands)
        or id(cl) in needed
        or cl.role == "reporter"
    ]
    count = {"actor": 0, "person": 0}
    for cl in sorted(keep, key=lambda cl: cl.first):
        count[cl.kind] += 1
        cl.eid = f"{'ac' if cl.kind == 'actor' else 'pe'}{count[cl.kind]}"
    if not any(cl.role == "reporter" for cl in keep) and a.document.byline:
        count["person"] += 1
        reporter = Cluster("person", a.document.byline, role="reporter", eid=f"pe{count['person']}")
        keep.append(reporter)
    for cl in keep:
        spans = sorted({(c.start, c.end) for c in cl.cands if c.end > c.start})
        a.mentions.extend(Mention(s, e, a.document.text[s:e], cl.kind, cl.eid) for s, e in spans)
        surfaces = sorted({a.document.text[s:e] for s, e in spans} - {cl.name})
        a.entities.append(
            Entity(
                id=cl.eid,
                kind=cl.kind,
                name=cl.name,
                aliases=surfaces,
                actor_type=(cl.actor_type or "other") if cl.kind == "actor" else None,
                affiliation=cl.affiliation.eid if cl.affiliation is not None else None,
                ids=cl.entry.ids if cl.entry else {},
                role=cl.role,
            )
        )
    a.mentions.sort(key=lambda m: (m.start, m.end))
