"""Spans that may name a group or a person, each with the evidence that found it.

The registry is trusted most; generic NER least (the small model calls Hurras al-Din a
person and Daesh a place). Cue patterns ("X militants", "the X-held town", "loyal to X",
"Iraqi troops", "Colonel X") find what neither knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import calendar, syntax
from ..model import Analysis, Mention, MentionKind
from ..nlp import text_of
from ..places.fold import fold
from ..places.store import get_gazetteer
from .evidence import Evidence
from .lexicon import ForceClass, lexicon
from .registry import Entry, Hit, registry

# Evidence, strongest first: resolves overlapping candidates.
RANK = {
    "byline": 9,
    "registry": 8,
    "outlet": 8,
    "acronym": 7,
    "title": 6,
    "unit": 6,
    "pattern": 5,
    "force": 5,
    "arms": 5,  # "Russian drones": the country's forces as the side that fired, no men on the ground
    "coordinated": 5,
    "short": 4,
    "ner": 3,
    "kunya": 3,
    "bare": 2,
}

CAP = r"[A-Z\u00c0-\u00de][\w'\u2019\u00c0-\u024f-]*"
LINK = r"(?:al-|el-|ad-|as-|ash-|at-|ul-|ibn |bin |de |del |of |for |on |the |la |wal-|wa |li-|fi )"
NAME = rf"{CAP}(?:[ \t]+(?:{LINK})*{CAP})*"
LEAD_IN = re.compile(r"([A-Z]\w*)[ \t]+of[ \t]+(?:the[ \t]+)?")
LONG_NAME = rf"{CAP}(?:[ \t]+(?:{LINK}|and )*{CAP})*"
ACRONYM = re.compile(rf"(?P<long>{LONG_NAME})\s*\((?P<acr>[A-Z][A-Z0-9&.-]{{1,9}})\)")
KUNYA = re.compile(rf"\b(?:Abu|Umm)\s+{CAP}(?:\s+(?:al|el|ad|as|ash|at)-{CAP})?")
POSSESSIVE = re.compile(
    r"\b(?P<who>[A-Z][\w.-]+)['\u2019]s\s+(?P<what>(?:[a-z]+(?:-[a-z]+)*[ \t]+){0,3}[a-z]+)\b"
)
# a country's possessive right before a noun: "Burkina's ", "Mali's own "
OWNER = re.compile(r"\b[A-Z][\w.-]+['\u2019]s[ \t]+(?:[a-z]+(?:-[a-z]+)*[ \t]+){0,2}$")
NICKNAME = re.compile(
    r"\b(?i:alias|a\.k\.a\.?|aka|nicknamed)\s+[\"\u201c'](?P<n>[A-Z][\w .'-]{1,30}?)[\"\u201d']"
)
# "the Defence Ministry (Sedena)", "... Operations agency (UKMTO)"
BRACKETED = re.compile(r"(?:\s+[a-z]{3,12})?\s*\((?P<w>[A-Z][\w&\u00c0-\u024f-]{2,14})\)")
MINISTRY = re.compile(r"\b(?P<x>[a-z]{4,})\s+ministry\b")


@dataclass
class Cand:
    """A candidate mention; ``name`` is its proposed canonical name."""

    start: int
    end: int
    kind: MentionKind
    source: str
    name: str
    entry: Entry | None = None
    actor_type: str | None = None
    fclass: str | None = None  # force class of generic nouns ("army"), see lexicon.yaml
    group: str | None = None  # key that ties force phrases of one country together
    titled: bool = False  # a short form of a name the report gave with a title or from the registry

    @property
    def rank(self) -> int:
        return RANK[self.source]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article ("the", or "A" before a name: "A Coast Guard spokesman"), a trailing
    possessive, dots and spaces; stop at a line break."""
    span = text[start:end]
    for stop in ("\n", " (", "(", ":"):  # a line break, a bracket or a colon ends a name
        if stop in span[1:]:
            end = start + span.index(stop, 1)
            span = text[start:end]
    m = re.match(r"(?i:the)\s+|An?[ \t]+(?=[A-Z])", span)
    if m and end - start > m.end():
        start += m.end()
    span = text[start:end]
    m = re.search(r"(['\u2019]s?|[\s.,;:])+$", span)
    if m and m.start() > 0 and not re.search(r"\.\w\.$", span):
        end = start + m.start()
    return start, end


def registry_hits(a: Analysis) -> list[Cand]:
    """Registry aliases the report supports (see evidence.py); an ambiguous one ("IS", "the army")
    only when a group word follows it and, if it fits several entries, one of them is named
    plainly elsewhere in the report."""
    text = a.document.text
    found = registry().find(text)
    evidence = Evidence.of(a, found)
    hits = [h for h in found if evidence.supports(h) and not _generic_force(text, h)]
    strong = {h.entry.key for h in hits if not h.alias.needs_context}
    lx = lexicon()
    readings: dict[tuple[int, int], set[str]] = {}
    for h in found:  # ambiguity is the string's, whatever the report supports
        readings.setdefault((h.start, h.end), set()).add(h.entry.key)
    out = []
    read = _read_names(text, hits, readings, strong)
    for h in hits:
        if h.alias.needs_context:
            rivals = readings[(h.start, h.end)]
            # "civilians", "protesters" are groups without a cue
            cued = h.entry.actor_type == "civilians" or _cued(text, h, lx.group_words)
            cued = cued or read.get(text[h.start : h.end]) == h.entry.key
            # "... the Barisan Revolusi Nasional ... blamed the BRN": the acronym of a group the
            # report names in full is that group
            cued = cued or (h.entry.key in strong and _acronym(text, h))
            if not cued or (len(rivals) > 1 and h.entry.key not in strong):
                continue
        s, e = _strip(text, h.start, h.end)
        out.append(
            Cand(
                s,
                e,
                h.entry.kind,
                "registry",
                h.entry.name,
                entry=h.entry,
                actor_type=h.entry.actor_type,
            )
        )
    return out


def _acronym(text: str, h: Hit) -> bool:
    """An upper-case alias written exactly so ("BRN", not "Brn"), in running text rather than
    in a line of capitals ("FIGHTING IS FIERCE")."""
    word = text[h.start : h.end]
    if word != h.alias.name or not word.isupper() or len(word) < 2:
        return False
    end = text.find("\n", h.end)
    line = text[text.rfind("\n", 0, h.start) + 1 : end if end >= 0 else len(text)]
    return any(c.islower() for c in line)


def _read_names(
    text: str, hits: list[Hit], readings: dict[tuple[int, int], set[str]], strong: set[str]
) -> dict[str, str]:
    """One sense per report for a name: an ambiguous proper name or acronym ("RSF") that a group
    word settles once ("the RSF said") names the same entry wherever the report writes it the
    same way. Lower-case class nouns ("the army") are left to the class resolver."""
    lx = lexicon()
    seen: dict[str, set[str]] = {}
    for h in hits:
        word = text[h.start : h.end]
        rivals = readings[(h.start, h.end)]
        proper = h.alias.name[:1].isupper() and word[:1].isupper()
        settled = len(rivals) == 1 or h.entry.key in strong
        if h.alias.needs_context and proper and settled and _cued(text, h, lx.group_words):
            seen.setdefault(word, set()).add(h.entry.key)
    return {w: next(iter(keys)) for w, keys in seen.items() if len(keys) == 1}


def _generic_force(text: str, h: Hit) -> bool:
    """ "the coastguard said", "troops attacked": a bare class noun is left to the class
    resolver (the named body of its class in the report, else a generic actor of its own)
    rather than taken as the registry's catch-all for unnamed state forces; after a country's
    possessive ("Burkina's army") it is that country's, not the army the registry guesses."""
    if not h.alias.needs_context or h.entry.actor_type not in ("state_force", "foreign_force"):
        return False
    word = re.sub(r"^(?i:the)\s+", "", text[h.start : h.end]).lower()
    if not any(word == n.lower() for fc in lexicon().classes for n in fc.bare):
        return False
    return not h.entry.country or bool(OWNER.search(text[max(0, h.start - 60) : h.start]))


def _cued(text: str, h: Hit, group_words: frozenset[str]) -> bool:
    """An ambiguous alias reads as a group when a group word follows it."""
    after = re.findall(r"[\w-]+", text[h.end : h.end + 40].lower())[:1]
    capital_ok = not h.alias.name[:1].isupper() or text[h.start : h.start + 1].isupper()
    return capital_ok and any(w in group_words for w in after)


def literal(
    a: Analysis, value: str | None, kind: MentionKind, source: str, actor_type: str | None = None
) -> list[Cand]:
    """Every occurrence of a known string (the outlet, the byline's author)."""
    text = a.document.text
    if not value or len(value) < 3:
        return []
    return [
        Cand(m.start(), m.end(), kind, source, value, actor_type=actor_type)
        for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text)
    ]


def acronyms(a: Analysis) -> list[tuple[Cand, Cand]]:
    """ "Long Name (ACR)": the long form and its acronym, to be one entity for the whole report."""
    text = a.document.text
    out = []
    for m in ACRONYM.finditer(text):
        long_s, long_e = _strip(text, m.start("long"), m.end("long"))
        long_text, acr = text[long_s:long_e], m.group("acr").replace(".", "")
        fitted = _fit(long_text, acr, long_s)
        if fitted is None:
            continue
        name = text[fitted:long_e]
        if _country_named(a, fitted, long_e):  # "Democratic Republic of the Congo (DRC)": a place
            continue
        kind = lexicon().actor_type(name)
        out.append(
            (
                Cand(fitted, long_e, "actor", "acronym", name, actor_type=kind),
                Cand(m.start("acr"), m.end("acr"), "actor", "acronym", name, actor_type=kind),
            )
        )
    return out


def _country_named(a: Analysis, start: int, end: int) -> bool:
    """Is the span a country the places stage resolved (its name, perhaps after "the")?"""
    for m in a.mentions:
        ent = a.entity(m.entity) if m.kind == "place" else None
        geo = ent.geo if ent is not None else None
        if geo is not None and m.start <= start and end <= m.end:
            return (geo.feature or "").startswith("PCL")
    return False


def _fit(long_text: str, acr: str, offset: int) -> int | None:
    """Start of the shortest tail of long_text whose initials spell the acronym (loosely), or None."""
    ws = list(re.finditer(r"[\w\u2019']+", long_text))
    for i in range(len(ws) - 1, -1, -1):
        initials = "".join(w.group()[0] for w in ws[i:] if w.group()[0].isupper())
        if initials.upper() == acr.upper() or (
            len(acr) >= 2
            and _subseq(acr.upper(), "".join(w.group()[0] for w in ws[i:]).upper())
            and initials[:1] == acr[:1]
        ):
            return offset + ws[i].start()
    return None


def initials_fit(name: str, acr: str) -> bool:
    """Do the capitals of acr spell the whole name's initials (loosely: "UKMTO", "GoY", "HIM")?"""
    return _fit(name, acr, 0) == 0


def _subseq(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def ner(a: Analysis, doc: Doc) -> list[Cand]:
    """spaCy's ORG and PERSON spans, trimmed; the kind is settled later from cues."""
    text = a.document.text
    bare = {n for fc in lexicon().classes for n in fc.bare}
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        s, e = _strip(text, ent.start_char, ent.end_char)
        name = text[s:e]
        if not name or not name[0].isupper() or name.lower() in bare:
            continue  # "The Army" alone is the bare class noun, found with its class by forces()
        if _area(name):
            continue  # "Mafa Local Government Area" is a place however the tagger reads it
        if name.lower() in lexicon().not_actors:
            continue  # "(0630 GMT)": a time zone, not a body
        if (
            ent.label_ == "PERSON"
            and len(ent) == 1
            and ent[0].is_sent_start
            and ent[0].pos_ != "PROPN"
        ):
            continue  # a capitalised common noun opening a sentence ("Migrants")
        dash = DATELINE_DASH.match(name)
        if dash:  # "QUETTA - Militants": the dateline is no part of the name
            s, name = s + dash.end(), name[dash.end() :]
        kind: MentionKind = "person" if ent.label_ == "PERSON" else "actor"
        if kind == "person" and _headline(text, s, e) and _not_a_name(ent):
            continue  # "Pirates Raid Tanker Off Coast": a title-case headline is no name
        out.append(Cand(s, e, kind, "ner", name, actor_type=lexicon().actor_type(name)))
    return out


DATELINE_DASH = re.compile(r"[A-Z][A-Z .'-]+?[ \t]+[-\u2013\u2014][ \t]+(?=[A-Z])")


def _not_a_name(ent: Span) -> bool:
    """A headline's run of capitals that holds a verb, a preposition or a common noun, or runs
    past three words ("Pirates Raid Tanker Off Coast")."""
    return len(ent) > 3 or any(t.pos_ in syntax()["headline_breaks"] for t in ent)


HEADLINE_CHARS = 300  # longer than any headline; bounds the look for a line's ends


def _headline(text: str, start: int, end: int) -> bool:
    """Does the span lie on a title-case line (most longer words capitalised, no full stop at
    its end), where the tagger reads any run of capitals as a name?"""
    line_start = text.rfind("\n", max(0, start - HEADLINE_CHARS), start) + 1
    line_end = text.find("\n", end, end + HEADLINE_CHARS)
    line_end = line_end if line_end >= 0 else min(len(text), end + HEADLINE_CHARS)
    if line_end - line_start >= HEADLINE_CHARS:  # a long line is body text, not a headline
        return False
    line = text[line_start:line_end].strip()
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if len(w) > 3]
    caps = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and caps >= 0.8 * len(words) and not line.endswith(".")


def _area(name: str) -> bool:
    low = name.lower()
    return any(low.endswith(" " + head) for head in lexicon().place_heads)


@cache
def _place_word_after() -> re.Pattern[str]:
    words = sorted(lexicon().place_words | lexicon().place_heads, key=len, reverse=True)
    return re.compile(rf"[ \t]+(?:{'|'.join(map(re.escape, words))})\b")


def place_named(text: str, c: Cand) -> bool:
    """ "in Nangade district", "Ali Saray village", "the Kalay-Falam highway": a name the tagger
    found, directly followed by a lower-case place word, names a place, not a person or a body
    (registry names and cued groups are not the tagger's and keep their kind)."""
    return c.source == "ner" and bool(_place_word_after().match(text, c.end))


def area_words(text: str) -> list[tuple[int, int]]:
    """Spans of the many-word area heads in the text ("Local Government Area"): no actor's words."""
    return [
        m.span()
        for head in lexicon().place_heads
        if " " in head
        for m in re.finditer(rf"\b{re.escape(head)}\b", text, re.IGNORECASE)
    ]


def patterns(a: Analysis, doc: Doc) -> list[Cand]:
    """Groups named by their cues: "X militants", "the X-held town", "loyal to X", "X-aligned"."""
    text, lx = a.document.text, lexicon()
    out = []
    words = "|".join(
        sorted(
            map(re.escape, lx.group_words - lx.group_verbs),
            key=len,
            reverse=True,
        )
    )
    for m in re.finditer(rf"(?P<x>{NAME})\s+(?:{words})\b", text):
        out.append(_group(text, doc, m.start("x"), m.end("x")))
    hyphen = "|".join(map(re.escape, lx.hyphen_cues))
    for m in re.finditer(rf"(?P<x>{NAME})-(?:{hyphen})\b", text):
        out.append(_group(text, doc, m.start("x"), m.end("x")))
    loyal = "|".join(map(re.escape, lx.loyal_cues))
    for m in re.finditer(rf"\b(?:{loyal})\s+(?:the\s+)?(?P<x>{NAME})", text):
        out.append(_group(text, doc, m.start("x"), m.end("x")))
    for m in MINISTRY.finditer(text):
        if m.group("x") not in lx.ministry_determiners:
            out.append(
                Cand(m.start(), m.end(), "actor", "pattern", m.group(), actor_type="government")
            )
    return [c for c in out if c.end > c.start and not _adjective(doc, c) and not _dated(c.name)]


def _dated(name: str) -> bool:
    """ "On Tuesday gunmen", "Last March militants": a time before a cue word, not a group."""
    words = {w.lower() for w in calendar().words}
    return name.split()[-1].lower() in words


def named_groups(a: Analysis) -> list[Cand]:
    """Groups found by their own names: "... Revolution Force", "... Cartel", "Katibat ...".

    A country's own army ("Malian Army") is left to the force finder, which knows whose it is.
    """
    text, lx = a.document.text, lexicon()
    heads = "|".join(map(re.escape, lx.group_heads))
    openers = "|".join(map(re.escape, lx.group_openers))
    found = [m.span() for m in re.finditer(rf"(?:{NAME}[ \t]+)?(?:{heads})\b", text)]
    found += [m.span() for m in re.finditer(rf"\b(?:{openers})[ \t-]+{NAME}", text)]
    out = []
    for start, end in found:
        s, e = _strip(text, start, end)
        lead = LEAD_IN.match(text, s, e)  # "Fighters of the Coastal Vanguard": the group is
        if lead and lead.group(1).lower() in lx.group_words:  # the Coastal Vanguard
            s = lead.end()
        name = text[s:e]
        if len(name.split()) < 2 or _national_body(a, s, name):
            continue
        kind = lx.actor_type(name) or "armed_group"
        out.append(Cand(s, e, "actor", "pattern", name, actor_type=kind))
    return out


def units(a: Analysis) -> list[Cand]:
    """A state's units named by their shape: a number or a service word before a unit noun
    ("Seventh Division", "21 Special Armoured Brigade", "601st Infantry Brigade"), "Sector 3"."""
    text, lx = a.document.text, lexicon()
    alt = lambda xs: "|".join(map(re.escape, xs))  # noqa: E731
    num = rf"(?:\d+(?:st|nd|rd|th)?|(?i:{alt(lx.unit_numbers)}))"
    word = rf"(?:[A-Z][\w-]*|(?i:{alt(lx.unit_words)}))"
    head = rf"(?i:{alt(lx.unit_heads)})"
    shapes = [
        rf"\b{num}[ \t]+(?:{word}[ \t]+){{0,3}}{head}(?:[ \t]+(?i:garrison))?\b",
        rf"\b(?:[A-Z][\w-]*[ \t]+){{0,2}}(?i:{alt(lx.unit_words)})[ \t]+"
        rf"(?:{word}[ \t]+){{0,2}}{head}\b",
        r"\b(?:Sector|SECTOR|Zone|ZONE)[ \t]+\d+\b",
        r"\b(?:[A-Z][\w-]*[ \t]+){1,3}(?:Joint Task Force|Military Region|Military Zone)\b",
        r"\bGeneral Command\b",
    ]
    out = []
    for shape in shapes:
        for m in re.finditer(shape, text):
            if m.group()[:1].isupper() or m.group()[:1].isdigit():
                out.append(
                    Cand(m.start(), m.end(), "actor", "unit", m.group(), actor_type="state_force")
                )
    return out


def _national_body(a: Analysis, start: int, name: str) -> bool:
    """ "Nigerian Army", "Mali's Armed Forces": a country's word and a force noun, nothing more."""
    return len(name.split()) <= 3 and _country_word(a, start)


def _adjective(doc: Doc, c: Cand) -> bool:
    """A lone "Islamist", "Russian", "Suspected" or "The" before "militants" describes them; it
    names no group."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    participle = tok.tag_ in syntax()["descriptive_tags"] and tok.dep_ == "amod"
    return tok.pos_ == "ADJ" or participle or tok.ent_type_ == "NORP" or tok.is_stop


def _group(text: str, doc: Doc, start: int, end: int) -> Cand:
    """A group named before a cue, less a lead-in such as "Residents of the"."""
    s, e = _strip(text, start, end)
    lead = re.match(r"(?:[A-Z]\w*\s+)+?(?:of|for|on)\s+(?:the\s+)?", text[s:e])
    first = doc.char_span(s, s + 1, alignment_mode="expand")
    if lead and first is not None and first[0].pos_ != "PROPN":
        s += lead.end()
    name = text[s:e]
    return Cand(
        s, e, "actor", "pattern", name, actor_type=lexicon().actor_type(name) or "armed_group"
    )


def forces(a: Analysis, doc: Doc) -> list[Cand]:
    """State bodies named generically: "Iraqi troops", "Mexico's navy", a bare "the army"."""
    text, lx = a.document.text, lexicon()
    out = []
    nouns = sorted({n for fc in lx.classes for n in fc.nouns}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in nouns)
    for m in re.finditer(
        rf"\b(?P<mod>[A-Z][\w]*(?:-(?:led|backed))?\s+)(?P<noun>(?i:{alt}))\b", text
    ):
        mod = m.group("mod").strip()
        fc = lx.force_class(m.group()) or lx.force_class(m.group("noun"))  # "Army officers"
        if (
            fc is None
            or _function_word(doc, m.start("mod"))
            or _proper_name(a, m.start("mod"), m.group("noun"))
            or _non_state(mod)
        ):
            continue
        # "Maguindanao del Sur police": the whole place the modifier ends, not its last word
        place = _place_at(a, m.start("mod"))
        start = m.start("mod")
        # a demonym ("Sri Lankan government") keeps its own place mention: not taken in
        if place is not None and not place.demonym and place.end == start + len(mod):
            start = place.end - len(re.sub(r"^(?i:the)\s+", "", place.text))
        out.append(
            Cand(
                start,
                m.end("noun"),
                "actor",
                "force",
                text[start : m.end("noun")],
                actor_type=fc.actor_type,
                fclass=fc.name,
                group=f"{_country_key(a, m.start('mod'), mod)}|{fc.name}",
            )
        )
        # "Afghan and Pakistani troops": each nation named before the noun has its own force
        for s, e in _coordinated(a, m.start("mod")):
            out.append(
                Cand(
                    s,
                    e,
                    "actor",
                    "coordinated",
                    f"{text[s:e]} {m.group('noun')}",
                    actor_type=fc.actor_type,
                    fclass=fc.name,
                    group=f"{_country_key(a, s, text[s:e])}|{fc.name}",
                )
            )
    out += _armed_by(a, doc)
    for m in POSSESSIVE.finditer(text):
        what = _body(_before_verb(doc, m.start("what"), m.group("what")))
        if what is None:
            continue
        start, end = m.start("what"), m.start("what") + len(what)
        fc = lx.force_class(what)
        if fc:
            out.append(
                Cand(
                    start,
                    end,
                    "actor",
                    "force",
                    what,
                    actor_type=fc.actor_type,
                    fclass=fc.name,
                    group=f"{_country_key(a, m.start('who'), m.group('who'))}|{fc.name}",
                )
            )
        else:
            out.append(Cand(start, end, "actor", "pattern", what, actor_type=lx.actor_type(what)))
    bare = sorted({(n, fc) for fc in lx.classes for n in fc.bare}, key=lambda x: -len(x[0]))
    for noun, fc in bare:
        for m in re.finditer(rf"\b{re.escape(noun)}\b", text, re.I):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span[-1].pos_ not in ("NOUN", "PROPN"):
                continue
            if fc.refers_to and _modified(span):
                out.append(_described(span, fc))
                continue
            out.append(
                _local(text, m.start(), m.end(), fc)
                or Cand(
                    m.start(),
                    m.end(),
                    "actor",
                    "bare",
                    m.group(),
                    actor_type=fc.actor_type,
                    fclass=fc.name,
                )
            )
    return out


@cache
def _arms_pattern() -> re.Pattern[str]:
    arms = sorted(lexicon().arms_nouns, key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in arms)
    return re.compile(rf"\b(?P<mod>[A-Z]\w*(?:-(?:led|backed))?)\s+(?P<noun>(?i:{alt}))\b")


def _armed_by(a: Analysis, doc: Doc) -> list[Cand]:
    """ "Russian drones", "an Israeli air strike": a country's word on its weapon or fire names
    that country's armed forces (the army class), as the side that fired."""
    out = []
    for m in _arms_pattern().finditer(a.document.text):
        mod = m.group("mod")
        if (
            _function_word(doc, m.start("mod"))
            or not _country_word(a, m.start("mod"))
            or _non_state(mod.split("-")[0])
        ):
            continue
        out.append(
            Cand(
                m.start("mod"),
                m.end("noun"),
                "actor",
                "arms",
                f"{mod} forces",
                actor_type="state_force",
                fclass="army",
                group=f"{_country_key(a, m.start('mod'), mod)}|army",
            )
        )
    return out


def _country_word(a: Analysis, start: int) -> bool:
    """The word at ``start`` is a country's name or demonym ("Russian", "Israel's", "Saudi-led")."""
    m = _place_at(a, start)
    if m is None:
        return False
    ent = a.entity(m.entity)
    geo = ent.geo if ent is not None else None
    return m.demonym or (geo is not None and (geo.feature or "").startswith("PCL"))


COORDINATED = re.compile(r"(?P<w>[A-Z][\w\u00c0-\u024f]*)(?:,[ \t]+|,?[ \t]+(?:and|&)[ \t]+)$")


def _coordinated(a: Analysis, start: int) -> list[tuple[int, int]]:
    """The nations listed before a force's own ("Afghan and", "Malian, Nigerien and"): spans of
    the demonyms or country names the places stage read there, nearest first."""
    text, out = a.document.text, []
    while (m := COORDINATED.search(text, max(0, start - 40), start)) is not None:
        s = m.start("w")
        place = _place_at(a, s)
        ent = a.entity(place.entity) if place is not None else None
        feature = (ent.geo.feature or "") if ent is not None and ent.geo is not None else ""
        if place is None or (place.start, place.end) != (s, m.end("w")):
            break
        if not (place.demonym or feature.startswith("PCL")):
            break
        out.append((s, m.end("w")))
        start = s
    return out


def _non_state(mod: str) -> bool:
    """ "Taliban border guards", "Houthi forces": a group's own men, not a country's body."""
    return any(
        h.start == 0
        and h.end == len(mod)
        and h.entry.kind == "actor"
        and h.entry.actor_type in ("armed_group", "militia", "criminal_network")
        for h in registry().find(mod)
    )


def _local(text: str, start: int, end: int, fc: ForceClass) -> Cand | None:
    """ "the state government", "provincial police": a region's body, not the nation's."""
    levels = "|".join(map(re.escape, lexicon().subnational))
    m = re.search(rf"\b(?P<level>{levels})[ \t]+$", text[max(0, start - 20) : start])
    if m is None or fc.refers_to:  # lower case only: "Islamic State fighters" are no state's
        return None
    level = m.group("level")
    s = start - (len(text[max(0, start - 20) : start]) - m.start())
    return Cand(
        s,
        end,
        "actor",
        "force",
        text[s:end],
        actor_type=fc.actor_type,
        fclass=fc.name,
        group=f"{level}|{fc.name}",
    )


def _modified(span: Span) -> bool:
    """ "tribal fighters", "Somali rebels": a described kind of fighter, not a back-reference."""
    if span[0].lower_ in lexicon().back_references:
        return False
    prev = span.doc[span.start - 1] if span.start else None
    return prev is not None and prev.pos_ in ("ADJ", "NOUN") and not prev.is_sent_start


def _described(span: Span, fc: ForceClass) -> Cand:
    """ "Arab tribal fighters": fighters of a kind the report describes, an actor of their own."""
    first = span.start
    while (
        first > max(0, span.start - 3)
        and span.doc[first - 1].pos_ in syntax()["describing_pos"]
        and not span.doc[first - 1].is_sent_end
    ):
        first -= 1
    words = span.doc[first : span.end]
    return Cand(
        words.start_char, words.end_char, "actor", "pattern", words.text, actor_type=fc.actor_type
    )


def _proper_name(a: Analysis, start: int, noun: str) -> bool:
    """ "Zomi Defence Forces", "People's Defence Forces": a capitalised noun after no country is a
    group's own name, not a country's generic force."""
    text = a.document.text
    before = re.search(r"([\w'\u2019]+)[ \t]+$", text[max(0, start - 40) : start])
    glued = before is not None and before.group(1)[:1].isupper()
    return (noun[:1].isupper() or glued) and _place_at(a, start) is None


def _place_at(a: Analysis, start: int) -> Mention | None:
    return next((m for m in a.mentions if m.kind == "place" and m.start <= start < m.end), None)


def _before_verb(doc: Doc, start: int, words: str) -> str:
    """The words after a possessive up to its clause's verb: "junta" of "junta sent jets"."""
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    verb = next(
        (
            t
            for t in span or ()
            if t.pos_ in syntax()["clause_breaks"] and text_of(doc)[t.idx - 1 : t.idx] != "-"
        ),
        None,
    )
    return words if verb is None else words[: max(0, verb.idx - start)].rstrip()


def _body(words: str) -> str | None:
    """The words after "Bosnia's" up to the noun that makes them a body: "state investigation agency"."""
    lx = lexicon()
    parts = words.split()
    for n in range(1, len(parts) + 1):  # the shortest: "army", not "army clashed with smugglers"
        phrase = " ".join(parts[:n])
        if "-" in parts[n - 1]:  # "government-aligned" describes the body that follows
            continue
        kind = lx.actor_type(parts[n - 1]) if n > 1 else None
        if kind == "media" and parts[n - 1].lower() not in lx.media_nouns:
            kind = None  # "Pakistan's border post": a lower-case "post" or "report" is no outlet
        if lx.force_class(phrase) or kind:
            return phrase
    return None


def _function_word(doc: Doc, start: int) -> bool:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    return tok is not None and (tok[0].is_stop or tok[0].pos_ in syntax()["function_pos"])


def _country_key(a: Analysis, start: int, mod: str) -> str:
    """The country a modifier names, from the places stage when it resolved one, else its own letters."""
    m = _place_at(a, start)
    ent = a.entity(m.entity) if m is not None else None
    if ent is not None and ent.geo is not None and ent.geo.country:
        return ent.geo.country
    return re.sub(r"['\u2019]s$", "", mod).lower()


def _titled_place(text: str, start: int, name_start: int, end: int) -> bool:
    """ "near Sheikh Zuweid", "the Sheikh Maqsoud district", "Datu Piang town": a title that opens
    place names, with a place's context and no person's, names a place (lexicon ``place_titles``).
    A whole name the gazetteer knows is a place unless a person's word follows it."""
    lx = lexicon()
    title = text[start:name_start].split()
    if not title or title[-1].lower() not in lx.place_titles:
        return False
    before = re.findall(r"[\w.]+", text[max(0, start - 30) : start].lower())
    after = re.findall(r"[\w.]+", text[end : end + 30].lower())
    if after[:1] and after[0] in lx.person_after or re.match(r"\s*,\s*(?:a|an|the)\s", text[end:]):
        return False
    context = bool(before and before[-1] in lx.locatives) or bool(
        after and after[0] in lx.place_words
    )
    return context or bool(get_gazetteer().candidates(fold(text[start:end])))


def titled(a: Analysis) -> list[Cand]:
    """ "Colonel X", "Brigadier General X", "Sheikh X": a person whose name drops the title."""
    text, lx = a.document.text, lexicon()
    alt = "|".join(re.escape(t) for t in lx.titles)
    out = []
    for m in re.finditer(rf"\b(?P<t>(?i:{alt})\s+)+(?P<n>{NAME})", text):
        s, e = _strip(text, m.start("n"), m.end("n"))
        # "X of the Y Command": the person is X
        e = s + len(re.split(r"\s+(?:of|for|on|the)\s", text[s:e], maxsplit=1)[0])
        name = text[s:e]
        if lx.actor_type(name) or name.lower() in lx.titles:
            continue
        caps = [k.start() for k in re.finditer(r"(?<![\w.])[A-Z]", text[m.start() : s])]
        start = m.start() + caps[0] if caps else s
        if _titled_place(text, start, s, e):
            continue
        out.append(Cand(start, e, "person", "title", name))
    for m in NICKNAME.finditer(text):
        out.append(Cand(m.start("n"), m.end("n"), "person", "title", m.group("n")))
    for m in KUNYA.finditer(text):
        s, e = _strip(text, m.start(), m.end())
        out.append(Cand(s, e, "person", "kunya", text[s:e]))
    return out
