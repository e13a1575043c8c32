"""Find place names in a text: gazetteer keys over folded words, checked against spaCy's entities.

Matching looks every run of capitalised words up in the gazetteer's key set (a hash
lookup per run, so the cost does not grow with the gazetteer's size); spaCy's GPE/LOC/FAC
entities add names the gazetteer lacks the spelling of, and its PERSON entities and word
frequencies veto common words and people ("Will", "Mobile", "Jordan Peterson").
"""
from __future__ import annotations

import bisect

import csv
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from ..intervals import Intervals
from .fold import Word, fold, fold_word, key_of, words
from .sources import DATA
from .store import Gazetteer

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels whose words are not toponyms even when a gazetteer knows them.
NOT_PLACE_LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART", "LAW", "LANGUAGE")
# Lower-case words allowed inside a multi-word name (Bosnia and Herzegovina, Rio de Janeiro).
CONNECTORS = frozenset({"of", "de", "la", "le", "du", "des", "del", "da", "do", "upon", "on", "al", "el", "and", "y", "am", "an", "the", "es", "ash", "ad", "ar", "as", "at", "az"})
KNOWN_WORD_ZIPF = 3.0  # a word this frequent is a known word or name; inside a firm's name it is not a hamlet
COMMON_ZIPF = 4.3  # a capitalised word this frequent in lower case needs spaCy's word that it is a place
SENTENCE_START_ZIPF = 3.5
VERY_COMMON_ZIPF = 5.0  # words like "North" or "Mr." are never taken for a place without spaCy's word
MAX_WORDS = 6
CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"})
# Words that narrow a place without naming another one: "Northeast Georgia", "Metro Atlanta".
# Held as keys ("south" folds to "suth"), for comparing with keys.
QUALIFIERS = frozenset(fold_word(w) for w in (
    "the", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
    "eastern", "western", "central", "upper", "lower", "greater", "metro", "metropolitan", "downtown", "rural", "suburban",
    "coastal"))
FACILITY_TOWN_POPULATION = 25000
ALTERNATE_POPULATION = 30000  # a town this size is still found by its alternate names without a cue
JOINERS = frozenset("-/\u2010\u2011\u2013\u2014")  # a name joined to the next by one of these is half of a pair
MAX_LIST = 8  # names in a list that one type word after it may cover: "Barrow, Jackson and Madison counties"
# "<word> of X" locates X: "a resident of X", "east of X", "the outskirts of X".
LOCATED_OF = frozenset({"resident", "residents", "native", "natives", "outskirts", "edge", "centre", "center", "heart",
                        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
LOCATIVES = frozenset({"in", "into", "near", "from", "to", "towards", "toward", "through", "outside", "around", "across", "via", "at", "between", "reach", "reached", "entered", "left"})


@dataclass
class Hit:
    """One candidate place mention: its span, gazetteer key and what the words around it say."""

    start: int
    end: int
    key: str
    ner: str | None = None  # spaCy's label for (most of) the span
    demonym: bool = False
    kinds: tuple[str, ...] = ()  # what a type word next to it says it is (province, camp...)
    strict: bool = False  # the type word rules out other kinds (a camp is never a town)
    parents: list[int] = field(default_factory=list)  # indices of hits that contain this one ("X in Y")
    abbreviation: bool = False  # "U.S.", "UK": a country or state, never the village spelt like it


@cache
def type_words() -> dict[str, tuple[tuple[str, ...], bool]]:
    with open(DATA / "type_words.csv", encoding="utf-8") as fh:
        return {r["word"]: (tuple(r["kinds"].split("|")), r["strict"] == "yes") for r in csv.DictReader(fh)}


@cache
def type_keys(kind: str | None = None) -> frozenset[str]:
    """The type words (of one kind, or all) as keys ("valley" folds to "valey"), for comparing with a hit's key."""
    return frozenset(fold_word(w) for w, (kinds, _) in type_words().items() if kind is None or kind in kinds)


@cache
def word_list(name: str) -> frozenset[str]:
    """One of the lower-case word lists in data/ (person_titles, facility_words, street_words, local_nouns)."""
    with open(DATA / f"{name}.txt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def person_titles() -> frozenset[str]:
    return word_list("person_titles")


def _names_a(text: str, ws: list[Word], hit: Hit, by_start: dict[int, int], last_words: frozenset[str]) -> bool:
    """Followed, within one run of capitalised words or after a list, by one of ``last_words``:
    Ripley High School, Memphis St., Lakeview and Harrison streets."""
    j = by_start.get(hit.start)
    if j is None:
        return False
    while j < len(ws) and ws[j].end <= hit.end:
        j += 1
    k = _past_list(text, ws, j, last_words)
    plural = k < len(ws) and ws[k].text.islower() and ws[k].text.endswith("s")  # "Elm streets" ends a list too
    if (k != j or plural) and k < len(ws) and _one_of(text, ws[k], last_words) and _near(text, ws[k - 1], ws[k]):
        return True
    prev = hit.end
    for w in ws[j:j + 4]:
        if text[prev:w.start] != " " or not _capitalised(w):
            return False
        if _one_of(text, w, last_words):
            return True
        prev = w.end
    return False


def _one_of(text: str, w: Word, table: Collection[str]) -> bool:
    """``w`` is in ``table``, an abbreviation with its full stop ("Ave.") included."""
    low = w.text.lower()
    return low in table or (text[w.end:w.end + 1] == "." and low + "." in table)


# After a name, words that make it a speaker: "Nelson said", "Hartmann has said".
_SPEAKER = re.compile(r"(?:,? (?:has |had |also )?(?:said|says|told|added|explained|noted|wrote|testified)\b)")


def _speaks(text: str, ws: list[Word], i: int) -> bool:
    """The word, or the given name before a surname, opens a speaker: "Nelson said", "Dana Nelson said"."""
    if _SPEAKER.match(text, ws[i].end):
        return True
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return nxt is not None and text[ws[i].end:nxt.start] == " " and _capitalised(nxt) and _SPEAKER.match(text, nxt.end) is not None


def people(text: str, doc: Doc, ws: list[Word]) -> set[str]:
    """Capitalised words the report uses as people's names.

    spaCy's PERSON entities of two words or more, plus words right after a title (Mr. Nelson,
    Gov. Webb) and speakers (Nelson said, said Nelson) that the small model leaves untagged.
    A lone PERSON word is no evidence: the small model tags unfamiliar village names so.
    """
    titles = person_titles()
    names = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in _name_part(e, titles)}
    for i, w in enumerate(ws):
        if not _capitalised(w) or w.text.rstrip(".").lower() in titles:
            continue
        prev = ws[i - 1] if i else None
        if prev and prev.text.rstrip(".").lower() in titles and text[prev.end:w.start].strip() in ("", ".") \
                and _capitalised(prev):
            names.add(w.text)
        elif (_speaks(text, ws, i) and not (prev and prev.key in LOCATIVES | {"of"})
              and not _PARTY.search(text, max(0, w.start - 8), w.start)) \
                or (prev and prev.text == "said" and _near(text, prev, w)):  # "a resident of X told" is no speaker X
            names.add(w.text)
    return names


def _name_part(ent: Span, titles: frozenset[str]) -> Span:
    """The words of a PERSON entity after its last title: "Fargo Mayor Dana Kyle" names Dana Kyle."""
    last = max((t.i for t in ent if t.text.rstrip(".").lower() in titles), default=ent.start - 1)
    return ent.doc[last + 1:ent.end]


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _capitalised(w: Word) -> bool:
    return w.text[0].isupper()


def _joined(text: str, a: Word, b: Word) -> bool:
    """Two words belong to one name only when a space or hyphen separates them."""
    gap = text[a.end:b.start]
    return gap in (" ", "-", "\u2010", "\u2011") or (gap == "" and a.text.endswith("."))


def match(text: str, ws: list[Word], gaz: Gazetteer) -> list[Hit]:
    """Longest gazetteer names first, left to right, over runs of capitalised words."""
    hits, i, limit = [], 0, min(gaz.max_words, MAX_WORDS)
    while i < len(ws):
        if not (_capitalised(ws[i]) or (ws[i].article and ws[i].key != "the" and i + 1 < len(ws) and _capitalised(ws[i + 1]))):
            i += 1
            continue
        run = [ws[i]]
        for w in ws[i + 1:i + limit]:
            if not _joined(text, run[-1], w) or not (_capitalised(w) or w.key in CONNECTORS or w.article):
                break
            run.append(w)
        for n in range(len(run), 0, -1):
            if not _capitalised(run[n - 1]):
                continue
            key = key_of(run[:n])
            if key in gaz.keys and _acronym_ok(run[:n], gaz, key):
                hits.append(Hit(run[0].start, run[n - 1].end, key))
                i += n
                break
        else:
            i += 1
    return hits


def _abbreviation(surface: str) -> bool:
    return re.fullmatch(r"(?:[A-Z]\.){2,}", surface) is not None or (surface.isalpha() and surface.isupper() and len(surface) <= 3)


def _acronym_ok(run: list[Word], gaz: Gazetteer, key: str) -> bool:
    """A short all-capitals word (HTS, IS) is a place only when it names a country (US, UAE);
    dotted state abbreviations (S.C.) are fine, plural acronyms (OKs, CDs) never are."""
    raw = "".join(w.text for w in run if not w.article)
    surface = raw.replace(".", "")
    if len(surface) > 2 and surface[-1] == "s" and surface[:-1].isupper():
        return False
    if not (surface.isupper() and len(surface) <= 4):
        return True
    dotted = re.fullmatch(r"(?:[A-Z]\.){2,}", raw) is not None
    return any(c.feature in (("PCLI", "ADM1") if dotted else ("PCLI",)) and not c.demonym for c in gaz.candidates(key))


def _label(doc: Doc, start: int, end: int) -> tuple[str | None, int, int]:
    """spaCy's entity label over a span, with that entity's extent."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, start, end
    for tok in span:
        if tok.ent_type_:  # walk the IOB tags to the entity's edges: doc.ents is rebuilt on every access
            first = tok.i
            while doc[first].ent_iob_ == "I" and first > 0:
                first -= 1
            last = tok.i
            while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
                last += 1
            return tok.ent_type_, doc[first].idx, doc[last].idx + len(doc[last])
    return None, start, end


def _plausible(text: str, hit: Hit, doc: Doc, person_words: set[str], gaz: Gazetteer) -> bool | None:
    """True for a place, False for not one, None when only the surrounding words can tell.

    spaCy's small model calls many unfamiliar Arabic place names PERSON or NORP; those
    (and other labels it may get wrong) are weak and need a locative cue to be kept.
    """
    label, s, e = _label(doc, hit.start, hit.end)
    hit.ner = label
    surface = text[hit.start:hit.end]
    extends = (s < hit.start or e > hit.end) and not _qualified(text, hit, s, e)
    opens = extends and text[s:hit.start].lower() in ("", "the ") and hit.key not in QUALIFIERS \
        and _zipf(surface.lower()) < VERY_COMMON_ZIPF and _well_known(gaz, hit.key)
    if _in_firm(text, hit) and not _major(gaz, hit.key):
        return False  # names joined by an ampersand make a firm: Stevens & Wilkinson
    if hit.key in QUALIFIERS and re.match(r" [A-Z]", text[hit.end:hit.end + 2]):
        return False  # a direction before a name: Northeast Georgia, West Cambridge
    if label == "FAC" and extends and not opens:
        return False  # part of a street or building's name: Washington Street
    if _ROUTE.match(text, hit.end) and any(c.feature == "ADM1" for c in gaz.candidates(hit.key)):
        return False  # a state highway: "W.Va. 61", "Minnesota 23"
    if label not in ("GPE", "LOC", "NORP") and _the_thing(text, doc, hit, gaz):
        return False  # a building, vehicle or firm named like a town: "the White House said", "the Durango sped off"
    if label in PLACE_LABELS and " " not in hit.key and surface in person_words and not _nation(gaz, hit.key) \
            and not _after_locative(text, hit):
        return False  # spaCy's GPE on a surname the report uses for a speaker: "Nelson said"
    if hit.key in type_keys() and not any(c.called(hit.key) for c in gaz.candidates(hit.key)):
        return False  # a type word alone ("the City", "Lake") that is only some town's alternate name
    if label == "LOC" and _small_towns_only(gaz, hit.key):
        return False  # spaCy's LOC is a feature, district or region ("New England", "Old Town"), not the hamlet named like it
    if label in PLACE_LABELS:
        return not extends or opens or _zipf(surface.lower()) < COMMON_ZIPF
    if label in NOT_PLACE_LABELS or _after_model_year(text, hit):
        return False
    if label == "NORP" and any(c.demonym for c in gaz.candidates(hit.key)):
        return True
    if label == "PERSON" and (s < hit.start or e > hit.end) and _inside_name(text, hit, e):
        return False  # a place name inside a person's name: Jordan Peterson
    if hit.key in person_titles() and text[hit.end:hit.end + 1] == ".":
        return False  # an abbreviated title: Gov., Sen., The Rev.
    if surface.endswith("\u00e2"):
        return False  # mis-decoded apostrophe: We\u00e2\u20ac\u2122re read as Latin-1
    if _before_person(doc, hit.end) or (_in_compound(text, hit) and not _hyphen_ok(text, hit, gaz)):
        return False  # a title (Gov. Smith) or part of a hyphenated name (Wal-Mart)
    if " " not in hit.key and surface in person_words and not _nation(gaz, hit.key):
        return False  # a surname the report uses for a person elsewhere
    if label in ("ORG", None) and " " not in hit.key and _small_towns_only(gaz, hit.key) \
            and _zipf(surface.lower()) >= (KNOWN_WORD_ZIPF if label == "ORG" else KNOWN_WORD_ZIPF + 0.5):
        return False  # a known word or given name that only hamlets bear: "the Highway Patrol", "Helen said"
    if _only_an_alternate(gaz, hit.key):
        return None  # only a small place's alternate name ("Passover" for a Tennessee town): it needs a cue
    if label == "ORG" and opens:
        return True  # a known place opening an organisation's name: the Fargo Police Department
    if label in ("PERSON", "NORP"):
        return True if _major(gaz, hit.key) else None
    if " " in hit.key or "." in surface.rstrip(".") or surface.isupper():
        return True  # multi-word names and abbreviations (U.S., S.C.) are not common words
    z = _zipf(surface.lower())
    first = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    at_start = first is not None and first[0].is_sent_start
    if z >= COMMON_ZIPF:
        return _major(gaz, hit.key) and z < VERY_COMMON_ZIPF and not at_start
    return not (at_start and z >= SENTENCE_START_ZIPF) or _major(gaz, hit.key)


# A route number after a state's name: one to three digits, not a figure's start nor a count of something.
_ROUTE = re.compile(r" \d{1,3}\b(?![,.]?\d)(?!(?:st|nd|rd|th)\b)(?! ?(?:%|[a-z]+s\b|km|mi\b|per|people|men|women|children))")
_MODEL_YEAR = re.compile(r"([A-Za-z]+) (?:19|20)\d\d $")
# Words before a year that make it a date rather than a car's model year: "in 2009 Iraq".
DATE_WORDS = frozenset({"in", "since", "by", "until", "till", "of", "for", "during", "after", "before", "and", "or", "from", "to", "early", "late", "mid"})


def _in_firm(text: str, hit: Hit) -> bool:
    return bool(re.match(r" ?& ?[A-Z]", text[hit.end:hit.end + 4]) or re.search(r"[A-Za-z.] ?& ?$", text[max(0, hit.start - 4):hit.start]))


def _after_model_year(text: str, hit: Hit) -> bool:
    """A make after a model year is a car, not a town: "a red 1994 Dodge", "his 2006 Lincoln"."""
    m = _MODEL_YEAR.search(text, max(0, hit.start - 24), hit.start)
    return m is not None and m.group(1).lower() not in DATE_WORDS


def _qualified(text: str, hit: Hit, start: int, end: int) -> bool:
    """spaCy's entity reaches past the name only by a direction or a type word: Northeast Georgia, Hamilton Township."""
    left, right, table = words(text[start:hit.start]), words(text[hit.end:end]), type_words()
    return all(w.key in QUALIFIERS for w in left) and all(w.text.lower() in table for w in right)


def _inside_name(text: str, hit: Hit, end: int) -> bool:
    """Whether a one-word place is part of the name spaCy's PERSON span covers, not a town before
    a title ("Litchfield Fire Chief Ann Roe") or a possessive ("Peru's president Ana Ruiz")."""
    if " " in hit.key or text[hit.end:hit.end + 2] in ("'s", "\u2019s"):
        return False
    titles = person_titles()
    return not any(w.text.rstrip(".").lower() in titles for w in words(text[hit.end:end]))


def _before_person(doc: Doc, end: int) -> bool:
    """Is the next word after ``end`` (past a space) the start of a PERSON: "Gov. Smith"?"""
    i = bisect.bisect_left(_token_starts(doc), end)  # a comma right after the name stops it: "Kent, Judy Pearson"
    tok = next((t for t in doc[i:i + 2] if not t.is_space), None)
    return tok is not None and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B"


def _the_thing(text: str, doc: Doc, hit: Hit, gaz: Gazetteer) -> bool:
    """A "the X" that ends its noun phrase, where X names only towns: a town takes no article
    unless it modifies a noun ("the Dover council", "the Albukamal\u2013Qaim crossing"), so the phrase names something else."""
    if text[max(0, hit.start - 4):hit.start].lower() != "the " or text[hit.end:hit.end + 1] in JOINERS \
            or not _next_word_not_noun(doc, hit.end):
        return False
    return all(c.feature.startswith("PPL") for c in gaz.candidates(hit.key) if not c.demonym)


def _next_word_not_noun(doc: Doc, end: int) -> bool:
    """The token after ``end`` is no noun the name could modify (a verb, a preposition, punctuation, 's)."""
    i = bisect.bisect_left(_token_starts(doc), end)
    tok = next((t for t in doc[i:i + 2] if not t.is_space), None)
    return tok is None or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def _token_starts(doc: Doc) -> list[int]:
    """Token offsets, computed once per document, for bisecting instead of scanning per hit."""
    starts = doc.user_data.get("sitrep_token_starts")
    if starts is None:
        starts = doc.user_data["sitrep_token_starts"] = [t.idx for t in doc]
    return starts


def _in_compound(text: str, hit: Hit) -> bool:
    """Hyphen-joined to a capitalised word that is not an article: Wal-Mart, Coca-Cola."""
    after = text[hit.end:hit.end + 2]
    before = text[max(0, hit.start - 2):hit.start]
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha() and text[max(0, hit.start - 4):hit.start - 1].lower() not in ("-al", " al", " el", "-el"))


# A party and home town after a legislator's name: "Sen. Ann Roe, R-Marion" or "(DFL-Ely)".
_PARTY = re.compile(r"[,(]\s*[A-Z]{1,3}[-\u2010\u2011]$")
_NEXT_WORD = re.compile(r"[-\u2010\u2011]([^\W\d_]+(?:\.[^\W\d_]+)*\.?)")
_PREV_WORD = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*\.?)[-\u2010\u2011]$")


def _hyphen_ok(text: str, hit: Hit, gaz: Gazetteer) -> bool:
    """A hyphen that joins a party to a home town (R-Marion) or two known places (Fargo-Moorhead, Egypt-US)."""
    if _PARTY.search(text, max(0, hit.start - 8), hit.start):
        return True
    if not _well_known(gaz, hit.key):
        return False
    other = _NEXT_WORD.match(text, hit.end) or _PREV_WORD.search(text, max(0, hit.start - 30), hit.start)
    return other is not None and other.group(1)[:1].isupper() and fold(other.group(1)) in gaz.keys


def _after_locative(text: str, hit: Hit) -> bool:
    """After "in", "near", "from"... or "residents of", "north of", "the outskirts of"."""
    before = text[max(0, hit.start - 24):hit.start].lower().split()
    return bool(before) and (before[-1] in LOCATIVES or (
        before[-1] == "of" and len(before) > 1 and before[-2] in LOCATED_OF))


_NEXT = re.compile(r"(?:'s|\u2019s)? ([A-Za-z]+)")


def _before_local_noun(text: str, hit: Hit) -> bool:
    """Followed by a word only places modify: "Roswell police", "an Albany man", "Canton's mayor"."""
    m = _NEXT.match(text, hit.end)
    return m is not None and m.group(1).lower() in word_list("local_nouns")


def _cued(text: str, hit: Hit, hits: list[Hit], n: int) -> bool:
    """Words around a weak name that say it is a place: a type word, a locative, a listed place."""
    if hit.kinds:
        return True
    if _after_locative(text, hit) or _before_local_noun(text, hit):
        return True
    for m in (n - 1, n + 1):
        if 0 <= m < len(hits) and hits[m].ner != "weak" and text[min(hit.end, hits[m].end):max(hit.start, hits[m].start)] in (" and ", ", ", " or "):
            return True
    return False


def _well_known(gaz: Gazetteer, key: str) -> bool:
    """Places a facility is often named after and still locates (Hartford Hospital, Guernsey County Jail)."""
    words = key.split()
    return _major(gaz, key) or words[-1] in ("county", "parish") or any(
        c.population >= FACILITY_TOWN_POPULATION for c in gaz.candidates(key))


def _only_an_alternate(gaz: Gazetteer, key: str) -> bool:
    """No place is called this: it is only an alternate name of small towns (a county's bare name
    and a city's exonym, like Phila or Auschwitz, are how writers name them, so they do not count)."""
    cands = gaz.candidates(key)
    return not _major(gaz, key) and not any(c.called(key) or c.feature == "ADM2" or c.population >= ALTERNATE_POPULATION
                                            for c in cands)


def _small_towns_only(gaz: Gazetteer, key: str) -> bool:
    """Every place of this name is a town smaller than FACILITY_TOWN_POPULATION."""
    cands = gaz.candidates(key)
    return bool(cands) and all(c.feature.startswith("PPL") and c.population < FACILITY_TOWN_POPULATION and not c.demonym
                               for c in cands)


def _nation(gaz: Gazetteer, key: str) -> bool:
    """A country, a continent or a demonym: too well known to be vetoed as a surname (Jordan, Chad)."""
    return any(c.feature in ("PCLI", "CONT") or c.demonym for c in gaz.candidates(key))


def _major(gaz: Gazetteer, key: str) -> bool:
    """A name most readers would take for a place: a country, a continent, a first-level division, a demonym."""
    return any(c.feature in ("PCLI", "ADM1", "CONT") or c.demonym for c in gaz.candidates(key))


def _type_word(text: str, ws: list[Word], hit: Hit, index: dict[int, int]) -> None:
    """'Idlib province', 'the town of Hermel', 'Maaraboun and Tafil villages': what kind of place it is."""
    table = type_words()
    i = index[hit.start]
    j = i
    while j < len(ws) and ws[j].end < hit.end:
        j += 1
    after = _past_list(text, ws, j + 1, table)
    for k in (j + 1, after):
        if k < len(ws) and ws[k].text.lower() in table and _near(text, ws[k - 1], ws[k]):
            hit.kinds, hit.strict = table[ws[k].text.lower()]
            return
    if i >= 2 and ws[i - 1].text == "of" and ws[i - 2].text.lower() in table:
        hit.kinds, hit.strict = table[ws[i - 2].text.lower()]


def _past_list(text: str, ws: list[Word], k: int, table: Collection[str]) -> int:
    """The word after a coordinated list of names ("X and Y villages", "X, Y and Z counties"), or ``k``
    itself when no "and"/"or" closes a list there (in "Aleppo, Idlib province" only Idlib is a province)."""
    end, pos = k, k
    for _ in range(MAX_LIST):
        comma = pos < len(ws) and text[ws[pos - 1].end:ws[pos].start] == ", " and ws[pos].text[:1].isupper()
        joined = pos + 1 < len(ws) and ws[pos].text in ("and", "or") and ws[pos + 1].text[:1].isupper()
        if not (comma or joined):
            break
        pos += 0 if comma else 1
        while pos < len(ws) and ws[pos].text[:1].isupper() and ws[pos].text.lower() not in table:
            pos += 1
        if joined:
            end = pos
    return end


def _near(text: str, a: Word, b: Word) -> bool:
    return text[a.end:b.start].strip() == ""


def _ner_only(text: str, doc: Doc, ws: list[Word], hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """Place entities the matcher missed: a known key once the type word is cut, or an unknown camp, river..."""
    taken = Intervals((h.start, h.end) for h in hits)  # both lookups logarithmic: long texts stay linear
    starts = [w.start for w in ws]
    table = type_words()
    out = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or taken.overlaps(ent.start_char, ent.end_char):
            continue
        inside = ws[bisect.bisect_left(starts, ent.start_char):bisect.bisect_left(starts, ent.end_char)]
        ews = [w for w in inside if w.end <= ent.end_char]
        while ews and ews[0].key == "the":
            ews = ews[1:]
        typed = None
        if len(ews) > 1 and ews[-1].text.lower() in table:
            typed, ews = table[ews[-1].text.lower()], ews[:-1]
        if not ews or not _capitalised(ews[0]):
            continue
        key = key_of(ews)
        if key in gaz.keys or (typed and typed[1]):
            hit = Hit(ews[0].start, ews[-1].end, key, ner=ent.label_)
            if typed:
                hit.kinds, hit.strict = typed
            out.append(hit)
    return out


def _not_part_of_longer_name(text: str, ws: list[Word], hits: list[Hit]) -> list[Hit]:
    """Drop a name that ends a longer unknown proper name (Jay Lane, Memphis St.).

    A name that starts one stays (Georgia Power, Henderson County Sheriff): news corpora count
    toponyms embedded in organisation names. A neighbour that is itself a place or an article
    does not count, nor does a word that opens a sentence, a day, a month or a very common word.
    """
    ends = {h.end for h in hits if h.ner in PLACE_LABELS or h.demonym}
    by_start = {w.start: n for n, w in enumerate(ws)}
    out = []
    for h in hits:
        if h.ner in PLACE_LABELS or h.demonym:
            out.append(h)
            continue
        i = by_start.get(h.start)
        left = i is not None and i > 0 and text[ws[i - 1].end:h.start] == " " and _capitalised(ws[i - 1]) \
            and ws[i - 1].end not in ends and not _sentence_start(text, ws, i - 1) and not ws[i - 1].article \
            and not _plain_word(ws[i - 1].text)
        if not left:
            out.append(h)
    return out


def _plain_word(word: str) -> bool:
    """A capitalised word that opens no name: a day, a month or a very common word (A, First, Education)."""
    low = word.lower()
    return low in CALENDAR or _zipf(low) >= VERY_COMMON_ZIPF


def _sentence_start(text: str, ws: list[Word], i: int) -> bool:
    return i == 0 or text[ws[i - 1].end:ws[i].start].strip() in (".", "!", "?", ":", "\n") or "\n" in text[ws[i - 1].end:ws[i].start]


def _typed_unknowns(text: str, ws: list[Word], hits: list[Hit]) -> list[Hit]:
    """'Al-Shouk camp': a capitalised name before a strict type word is a place even if unknown."""
    table, out, taken = type_words(), [], Intervals((h.start, h.end) for h in hits)
    for k, w in enumerate(ws):
        kinds = table.get(w.text.lower())
        if not kinds or not kinds[1] or k == 0 or not _capitalised(ws[k - 1]) or not _near(text, ws[k - 1], w):
            continue
        if k + 1 < len(ws) and _capitalised(ws[k + 1]) and _near(text, w, ws[k + 1]):
            continue  # the type word goes on into a longer name: Indian Lake Road, Green Valley Community Center
        i = k - 1
        while i > 0 and _joined(text, ws[i - 1], ws[i]) and (_capitalised(ws[i - 1]) or ws[i - 1].article):
            i -= 1
        if ws[i].article and ws[i].key == "the":
            i += 1
        start, end = ws[i].start, ws[k - 1].end
        if i < k and key_of(ws[i:k]) and not ws[i].start == 0 and not taken.overlaps(start, end):
            out.append(Hit(start, end, key_of(ws[i:k]), ner="typed", kinds=kinds[0], strict=True))
    return out


def _parents(text: str, hits: list[Hit]) -> None:
    """'X, Y', 'X in Y' and "Y's X": Y is a candidate container of X."""
    for n, (a, b) in enumerate(zip(hits, hits[1:])):
        gap = text[a.end:b.start]
        if gap in (", ", " in ", " near ") or re.fullmatch(r",? in the (province|county|state|district|region) of ", gap):
            a.parents.append(n + 1)
        elif gap in ("'s ", "\u2019s "):
            b.parents.append(n)


def _is_demonym(hit: Hit, gaz: Gazetteer) -> bool:
    """Only a people's name, or one spaCy calls NORP that may be one: "German" is not San Germán."""
    cands = gaz.candidates(hit.key)
    return bool(cands) and (all(c.demonym for c in cands) or (hit.ner == "NORP" and any(c.demonym for c in cands)))


def find(text: str, doc: Doc, gaz: Gazetteer) -> list[Hit]:
    """Every place mention worth resolving, in text order, with its type word and parents."""
    ws = words(text)
    person_words = people(text, doc, ws)
    hits, vetoed = [], set()  # spaCy may bring back a vetoed well-known place (Ohio), not a village named like a surname
    for h in match(text, ws, gaz):
        verdict = _plausible(text, h, doc, person_words, gaz)
        if verdict is False:
            if not _well_known(gaz, h.key):
                vetoed.add((h.start, h.end))
        else:
            h.ner = h.ner if verdict else "weak"
            h.demonym = _is_demonym(h, gaz)
            hits.append(h)
    plausible = list(hits)  # what the filters below drop, spaCy's entities must not bring back
    by_start = {w.start: n for n, w in enumerate(ws)}
    streets, facilities = word_list("street_words"), word_list("facility_words")
    hits = [h for h in hits if not _names_a(text, ws, h, by_start, streets)
            and (_well_known(gaz, h.key) or not _names_a(text, ws, h, by_start, facilities))]
    hits = _not_part_of_longer_name(text, ws, hits)
    hits += [h for h in _ner_only(text, doc, ws, plausible, gaz) if (h.start, h.end) not in vetoed]
    hits += _typed_unknowns(text, ws, hits)
    hits.sort(key=lambda h: h.start)
    index = {w.start: n for n, w in enumerate(ws)}
    for h in hits:
        h.demonym = _is_demonym(h, gaz)  # NER-only hits too
        h.abbreviation = _abbreviation(text[h.start:h.end])
        if h.start in index and not h.demonym:
            _type_word(text, ws, h, index)
    hits = [h for h in hits if h.kinds or h.key not in QUALIFIERS]  # "the South", "Central": a part of somewhere unsaid
    strong = {h.key for h in hits if h.ner != "weak"}
    hits = [h for n, h in enumerate(hits) if h.ner != "weak" or h.key in strong or _cued(text, h, hits, n)]
    _parents(text, hits)
    return hits
