"""Find place names in a text: gazetteer keys over folded words, checked against spaCy's entities.

Matching looks every run of capitalised words up in the gazetteer's key set (a hash
lookup per run, so the cost does not grow with the gazetteer's size); spaCy's GPE/LOC/FAC
entities add names the gazetteer lacks the spelling of; the ordered rules of ``rules.py``
veto common words and people ("Will", "Mobile", "Jordan Peterson").
"""

from __future__ import annotations

import bisect
from collections.abc import Collection

from spacy.tokens import Doc, Span

from ..intervals import Intervals
from .config import DETECT, DetectThresholds
from .fold import Word, key_of, words
from .hits import (
    Hit,
    after_locative,
    capitalised,
    near,
    person_titles,
    type_keys,
    type_words,
    well_known,
    word_list,
    zipf,
)
from .lexicon import lexicon
from .rules import RULES, Rule, Verdict, facts, judge
from .store import Gazetteer

__all__ = ["Hit", "find", "match", "people", "type_keys"]


def _names_a(
    text: str,
    ws: list[Word],
    hit: Hit,
    by_start: dict[int, int],
    last_words: frozenset[str],
    th: DetectThresholds,
) -> bool:
    """Followed, within one run of capitalised words or after a list, by one of ``last_words``:
    Ripley High School, Memphis St., Lakeview and Harrison streets."""
    j = by_start.get(hit.start)
    if j is None:
        return False
    while j < len(ws) and ws[j].end <= hit.end:
        j += 1
    k = _past_list(text, ws, j, last_words, th.max_list)
    plural = (
        k < len(ws) and ws[k].text.islower() and ws[k].text.endswith("s")
    )  # "Elm streets" ends a list too
    if (
        (k != j or plural)
        and k < len(ws)
        and _one_of(text, ws[k], last_words)
        and near(text, ws[k - 1], ws[k])
    ):
        return True
    prev = hit.end
    for w in ws[j : j + 4]:
        if text[prev : w.start] != " " or not capitalised(w):
            return False
        if _one_of(text, w, last_words):
            return True
        prev = w.end
    return False


def _one_of(text: str, w: Word, table: Collection[str]) -> bool:
    """``w`` is in ``table``, an abbreviation with its full stop ("Ave.") included."""
    low = w.text.lower()
    return low in table or (text[w.end : w.end + 1] == "." and low + "." in table)


def _speaks(text: str, ws: list[Word], i: int) -> bool:
    """The word, or the given name before a surname, opens a speaker: "Nelson said", "Dana Nelson
    said"."""
    if lexicon().patterns.speaker.match(text, ws[i].end):
        return True
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return (
        nxt is not None
        and text[ws[i].end : nxt.start] == " "
        and capitalised(nxt)
        and lexicon().patterns.speaker.match(text, nxt.end) is not None
    )


def people(text: str, doc: Doc, ws: list[Word]) -> set[str]:
    """Capitalised words the report uses as people's names.

    spaCy's PERSON entities of two words or more, plus words right after a title (Mr. Nelson,
    Gov. Webb) and speakers (Nelson said, said Nelson) that the small model leaves untagged.
    A lone PERSON word is no evidence: the small model tags unfamiliar village names so.
    """
    titles = person_titles()
    names = {
        t.text
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) > 1
        for t in _name_part(e, titles)
    }
    for i, w in enumerate(ws):
        if not capitalised(w) or w.text.rstrip(".").lower() in titles:
            continue
        prev = ws[i - 1] if i else None
        if (
            prev
            and prev.text.rstrip(".").lower() in titles
            and text[prev.end : w.start].strip() in ("", ".")
            and capitalised(prev)
        ):
            names.add(w.text)
        elif (
            _speaks(text, ws, i)
            and not (prev and prev.key in lexicon().locatives | {"of"})
            and not lexicon().patterns.party.search(text, max(0, w.start - 8), w.start)
        ) or (
            prev
            and prev.text == "said"
            and near(text, prev, w)
            and not _before_local_noun(text, w.end)  # "said Balkh provincial police"
        ):  # "a resident of X told" is no speaker X
            names.add(w.text)
    return names


def _name_part(ent: Span, titles: frozenset[str]) -> Span:
    """The words of a PERSON entity after its last title: "Fargo Mayor Dana Kyle" names Dana
    Kyle."""
    last = max((t.i for t in ent if t.text.rstrip(".").lower() in titles), default=ent.start - 1)
    return ent.doc[last + 1 : ent.end]


def _joined(text: str, a: Word, b: Word) -> bool:
    """Two words belong to one name only when a space or hyphen separates them."""
    gap = text[a.end : b.start]
    return gap in (" ", "-", "\u2010", "\u2011") or (gap == "" and a.text.endswith("."))


def match(text: str, ws: list[Word], gaz: Gazetteer, th: DetectThresholds = DETECT) -> list[Hit]:
    """Longest gazetteer names first, left to right, over runs of capitalised words."""
    hits, i, limit = [], 0, min(gaz.max_words, th.max_words)
    while i < len(ws):
        if not (
            capitalised(ws[i])
            or (ws[i].article and ws[i].key != "the" and i + 1 < len(ws) and capitalised(ws[i + 1]))
        ):
            i += 1
            continue
        run = [ws[i]]
        for w in ws[i + 1 : i + limit]:
            if not _joined(text, run[-1], w) or not (
                capitalised(w)
                or w.key in lexicon().connectors
                or w.article
                or _hyphened(text, run[-1], w)
            ):
                break
            run.append(w)
        for n in range(len(run), 0, -1):
            if not (capitalised(run[n - 1]) or (n > 1 and _hyphened(text, run[n - 2], run[n - 1]))):
                continue
            key = key_of(run[:n])
            if key in gaz.keys and _acronym_ok(run[:n], gaz, key):
                hits.append(Hit(run[0].start, run[n - 1].end, key))
                i += n
                break
        else:
            i += 1
    return hits


def _hyphened(text: str, a: Word, b: Word) -> bool:
    """A word hyphened to the one before it belongs to its name whatever its case: Mazar-i-Sharif,
    Mazar-e-sharif (the gazetteer's keys decide how far the name runs)."""
    return text[a.end : b.start] in ("-", "\u2010", "\u2011")


def _abbreviation(surface: str) -> bool:
    return lexicon().patterns.dotted.fullmatch(surface) is not None or (
        surface.isalpha() and surface.isupper() and len(surface) <= 3
    )


def _acronym_ok(run: list[Word], gaz: Gazetteer, key: str) -> bool:
    """A short all-capitals word (HTS, IS) is a place only when it names a country (US, UAE);
    dotted state abbreviations (S.C.) are fine, plural acronyms (OKs, CDs) never are."""
    raw = "".join(w.text for w in run if not w.article)
    surface = raw.replace(".", "")
    if len(surface) > 2 and surface[-1] == "s" and surface[:-1].isupper():
        return False
    if not (surface.isupper() and len(surface) <= 4):
        return True
    dotted = lexicon().patterns.dotted.fullmatch(raw) is not None
    return any(
        c.feature in (("PCLI", "ADM1") if dotted else ("PCLI",)) and not c.demonym
        for c in gaz.candidates(key)
    )


def _before_local_noun(text: str, end: int) -> bool:
    """Followed by a word only places modify: "Roswell police", "an Albany man", "Canton's
    mayor"."""
    m = lexicon().patterns.next_word.match(text, end)
    return m is not None and m.group(1).lower() in word_list("local_nouns")


def _dated(text: str, hit: Hit) -> bool:
    """A dateline or a dated bullet: "4 Mar, Kismayo –", "Medellín, 8 May 2022"."""
    pats = lexicon().patterns
    return bool(
        pats.dated_before.search(text, max(0, hit.start - 16), hit.start)
        or pats.dated_after.match(text, hit.end)
    )


def _cued(text: str, hit: Hit, hits: list[Hit], n: int) -> bool:
    """Words around a weak name that say it is a place: a type word, a locative, a listed place."""
    if hit.kinds:
        return True
    if after_locative(text, hit) or _before_local_noun(text, hit.end) or _dated(text, hit):
        return True
    for m in (n - 1, n + 1):
        if (
            0 <= m < len(hits)
            and hits[m].ner != "weak"
            and text[min(hit.end, hits[m].end) : max(hit.start, hits[m].start)]
            in (" and ", ", ", " or ")
        ):
            return True
    return False


def _type_word(
    text: str, ws: list[Word], hit: Hit, index: dict[int, int], max_list: int, gaz: Gazetteer
) -> None:
    """'Idlib province', 'the town of Hermel', 'Maaraboun and Tafil villages': what kind of place
    it is. A division named with its type word ("Hasakah governorate", "Kherson oblast") takes the
    gazetteer key that holds the type word, so the division wins over the city of its name."""
    table = type_words()
    i = index[hit.start]
    j = i
    while j < len(ws) and ws[j].end < hit.end:
        j += 1
    after = _past_list(text, ws, j + 1, table, max_list)
    for k in (j + 1, after):
        if k < len(ws) and ws[k].text.lower() in table and near(text, ws[k - 1], ws[k]):
            hit.kinds, hit.strict = table[ws[k].text.lower()]
            named = f"{hit.key} {ws[k].key}"
            if (
                k == j + 1
                and hit.kinds[0] == "province"
                and any(c.feature == "ADM1" for c in gaz.candidates(named))
            ):
                hit.key = named
            return
    if i >= 2 and ws[i - 1].text == "of" and ws[i - 2].text.lower() in table:
        hit.kinds, hit.strict = table[ws[i - 2].text.lower()]


def _past_list(text: str, ws: list[Word], k: int, table: Collection[str], max_list: int) -> int:
    """The word after a coordinated list of names ("X and Y villages", "X, Y and Z counties"), or
    ``k``
    itself when no "and"/"or" closes a list there (in "Aleppo, Idlib province" only Idlib is a
    province)."""
    end, pos = k, k
    for _ in range(max_list):
        comma = (
            pos < len(ws)
            and text[ws[pos - 1].end : ws[pos].start] == ", "
            and ws[pos].text[:1].isupper()
        )
        joined = (
            pos + 1 < len(ws) and ws[pos].text in ("and", "or") and ws[pos + 1].text[:1].isupper()
        )
        if not (comma or joined):
            break
        pos += 0 if comma else 1
        while pos < len(ws) and ws[pos].text[:1].isupper() and ws[pos].text.lower() not in table:
            pos += 1
        if joined:
            end = pos
    return end


def _ner_only(text: str, doc: Doc, ws: list[Word], hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """Place entities the matcher missed: a known key once the type word is cut, or an unknown
    camp, river..."""
    taken = Intervals((h.start, h.end) for h in hits)  # both lookups logarithmic: linear overall
    starts = [w.start for w in ws]
    table = type_words()
    out = []
    for ent in doc.ents:
        if ent.label_ not in lexicon().place_labels or taken.overlaps(ent.start_char, ent.end_char):
            continue
        inside = ws[
            bisect.bisect_left(starts, ent.start_char) : bisect.bisect_left(starts, ent.end_char)
        ]
        ews = [w for w in inside if w.end <= ent.end_char]
        while ews and ews[0].key == "the":
            ews = ews[1:]
        typed = None
        if len(ews) > 1 and ews[-1].text.lower() in table:
            typed, ews = table[ews[-1].text.lower()], ews[:-1]
        if not ews or not capitalised(ews[0]):
            continue
        hit = Hit(ews[0].start, ews[-1].end, key_of(ews), ner=ent.label_)
        if typed:
            hit.kinds, hit.strict = typed
        if hit.key not in gaz.keys:
            hit.key = spelling_variant(hit.key, gaz) or hit.key
        if hit.key in gaz.keys or (typed and typed[1]) or _marked_unknown(text, hit, ent.label_):
            out.append(hit)
    return out


def _marked_unknown(text: str, hit: Hit, label: str) -> bool:
    """A name spaCy calls a town or region that the gazetteer lacks, with a locative or a type word:
    kept without coordinates rather than lost ("fled to Kharabat", "Deh Salah district")."""
    return label in ("GPE", "LOC") and (bool(hit.kinds) or after_locative(text, hit))


def _strongly_cued(text: str, ws: list[Word], hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """Capitalised runs right after a strong cue ("near X", "the village of X") that no other step
    took: a gazetteer spelling variant if there is one, else a place kept without coordinates."""
    strong = lexicon().strong_cues
    out: list[Hit] = []
    for i, w in enumerate(ws):
        if i < 1 or not capitalised(w) or w.article:
            continue
        last = ws[i - 1].text.lower()
        if last not in strong and (i < 2 or f"{ws[i - 2].text.lower()} {last}" not in strong):
            continue
        run = _run(text, ws, i)
        start, end = run[0].start, run[-1].end
        if any(h.start < end and start < h.end for h in hits + out):
            continue
        key = key_of(run)
        out.append(Hit(start, end, spelling_variant(key, gaz) or key, ner="cued"))
    return out


def _run(text: str, ws: list[Word], i: int) -> list[Word]:
    """The capitalised run from word ``i``: "Dair al-Kahf", "Shariff Aguak"."""
    run = [ws[i]]
    for w in ws[i + 1 : i + DETECT.max_words]:
        if not _joined(text, run[-1], w) or not (capitalised(w) or w.article):
            break
        run.append(w)
    while run[-1].article:
        run.pop()
    return run


def spelling_variant(key: str, gaz: Gazetteer) -> str | None:
    """A gazetteer key one transliteration drift away (Dair/Deir, Zwara/Zuwara, Sabrata/Sabratha,
    Kot Addu/Kotaddu), tried only for names the gazetteer lacks."""
    for pattern, repl in lexicon().spelling_variants:
        other = pattern.sub(repl, key)
        if other != key and other in gaz.keys:
            return other
    return None


def _not_part_of_longer_name(
    text: str, ws: list[Word], hits: list[Hit], th: DetectThresholds
) -> list[Hit]:
    """Drop a name that ends a longer unknown proper name (Jay Lane, Memphis St.).

    A name that starts one stays (Georgia Power, Henderson County Sheriff): news corpora count
    toponyms embedded in organisation names. A neighbour that is itself a place or an article
    does not count, nor does a word that opens a sentence, a day, a month or a very common word.
    """
    ends = {h.end for h in hits if h.ner in lexicon().place_labels or h.demonym}
    by_start = {w.start: n for n, w in enumerate(ws)}
    out = []
    for h in hits:
        if h.ner in lexicon().place_labels or h.demonym:
            out.append(h)
            continue
        i = by_start.get(h.start)
        left = (
            i is not None
            and i > 0
            and text[ws[i - 1].end : h.start] == " "
            and capitalised(ws[i - 1])
            and ws[i - 1].end not in ends
            and not _sentence_start(text, ws, i - 1)
            and not ws[i - 1].article
            and not _plain_word(ws[i - 1].text, th)
        )
        if not left:
            out.append(h)
    return out


def _plain_word(word: str, th: DetectThresholds) -> bool:
    """A capitalised word that opens no name: a day, a month or a very common word (A, First,
    Education)."""
    low = word.lower()
    return low in lexicon().calendar or zipf(low) >= th.very_common_zipf


def _sentence_start(text: str, ws: list[Word], i: int) -> bool:
    return (
        i == 0
        or text[ws[i - 1].end : ws[i].start].strip() in (".", "!", "?", ":", "\n")
        or "\n" in text[ws[i - 1].end : ws[i].start]
    )


def _typed_unknowns(text: str, ws: list[Word], hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """'Al-Shouk camp': a capitalised name before a strict type word is a place even if unknown."""
    table, out, taken = type_words(), [], Intervals((h.start, h.end) for h in hits)
    for k, w in enumerate(ws):
        kinds = table.get(w.text.lower())
        if (
            not kinds
            or not kinds[1]
            or k == 0
            or not capitalised(ws[k - 1])
            or not near(text, ws[k - 1], w)
        ):
            continue
        if k + 1 < len(ws) and capitalised(ws[k + 1]) and near(text, w, ws[k + 1]):
            continue  # the type word goes on into a longer name: Indian Lake Road
        i = k - 1
        while (
            i > 0
            and _joined(text, ws[i - 1], ws[i])
            and (capitalised(ws[i - 1]) or ws[i - 1].article)
        ):
            i -= 1
        if ws[i].article and ws[i].key == "the":
            i += 1
        start, end = ws[i].start, ws[k - 1].end
        if i < k and key_of(ws[i:k]) and not ws[i].start == 0 and not taken.overlaps(start, end):
            out.append(_typed_hit(ws, i, k, kinds, gaz))
    return out


def _inside(a: Hit, b: Hit) -> bool:
    """``a`` lies within the longer ``b``: "Gulf" in "Arab Gulf"."""
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _typed_hit(
    ws: list[Word], i: int, k: int, kinds: tuple[tuple[str, ...], bool], gaz: Gazetteer
) -> Hit:
    """The unknown name before type word ``k``, or the whole phrase when the gazetteer knows it
    with the type word, perhaps in another spelling ("Arab Gulf" as the Arabian Gulf)."""
    key = key_of(ws[i : k + 1])
    whole = key if key in gaz.keys else spelling_variant(key, gaz)
    if whole:
        return Hit(ws[i].start, ws[k].end, whole, ner="typed")
    return Hit(
        ws[i].start, ws[k - 1].end, key_of(ws[i:k]), ner="typed", kinds=kinds[0], strict=True
    )


def _parents(text: str, hits: list[Hit]) -> None:
    """'X, Y', 'X in Y' and "Y's X": Y is a candidate container of X; not in "X, Y said", where
    Y speaks (a country or its capital commenting on X)."""
    speaker = lexicon().patterns.speaker
    for n, (a, b) in enumerate(zip(hits, hits[1:], strict=False)):
        gap = text[a.end : b.start]
        if gap == ", " and speaker.match(text, b.end):
            continue
        if gap in (", ", " in ", " near ") or lexicon().patterns.container_gap.fullmatch(gap):
            a.parents.append(n + 1)
        elif gap in ("'s ", "\u2019s "):
            b.parents.append(n)


def _is_demonym(hit: Hit, gaz: Gazetteer) -> bool:
    """Only a people's name, or one spaCy calls NORP that may be one: "German" is not San Germán."""
    cands = gaz.candidates(hit.key)
    return bool(cands) and (
        all(c.demonym for c in cands) or (hit.ner == "NORP" and any(c.demonym for c in cands))
    )


def _judged(
    text: str,
    doc: Doc,
    ws: list[Word],
    gaz: Gazetteer,
    th: DetectThresholds,
    rules: tuple[Rule, ...],
) -> tuple[list[Hit], set[tuple[int, int]]]:
    """The matches the rules keep (weak ones marked so), and the spans of vetoed lesser names:
    spaCy may bring back a vetoed well-known place (Ohio), not a village named like a surname."""
    person_words = frozenset(people(text, doc, ws))
    hits, vetoed = [], set()
    for h in match(text, ws, gaz, th):
        f = facts(text, h, doc, person_words, gaz, th)
        verdict, _ = judge(f, rules)
        if verdict is Verdict.NOT_PLACE:
            if not well_known(gaz, h.key, th):
                vetoed.add((h.start, h.end))
            continue
        h.ner = f.label if verdict is Verdict.PLACE else "weak"
        h.demonym = _is_demonym(h, gaz)
        hits.append(h)
    return hits, vetoed


def find(
    text: str,
    doc: Doc,
    gaz: Gazetteer,
    th: DetectThresholds = DETECT,
    rules: tuple[Rule, ...] = RULES,
) -> list[Hit]:
    """Every place mention worth resolving, in text order, with its type word and parents."""
    ws = words(text)
    hits, vetoed = _judged(text, doc, ws, gaz, th, rules)
    plausible = list(hits)  # what the filters below drop, spaCy's entities must not bring back
    by_start = {w.start: n for n, w in enumerate(ws)}
    streets, facilities = word_list("street_words"), word_list("facility_words")
    hits = [
        h
        for h in hits
        if not _names_a(text, ws, h, by_start, streets, th)
        and (well_known(gaz, h.key, th) or not _names_a(text, ws, h, by_start, facilities, th))
    ]
    hits = _not_part_of_longer_name(text, ws, hits, th)
    hits += [h for h in _ner_only(text, doc, ws, plausible, gaz) if (h.start, h.end) not in vetoed]
    typed = _typed_unknowns(text, ws, hits, gaz)
    hits = [h for h in hits if not any(_inside(h, t) for t in typed)] + typed
    hits += _strongly_cued(text, ws, hits, gaz)
    hits.sort(key=lambda h: h.start)
    for h in hits:
        h.demonym = _is_demonym(h, gaz)  # NER-only hits too
        h.abbreviation = _abbreviation(text[h.start : h.end])
        if h.start in by_start and not h.demonym:
            _type_word(text, ws, h, by_start, th.max_list, gaz)
    # "the South", "Central": a part of somewhere unsaid
    hits = [h for h in hits if h.kinds or h.key not in lexicon().qualifiers]
    strong = {h.key for h in hits if h.ner != "weak"}
    hits = [
        h
        for n, h in enumerate(hits)
        if h.ner != "weak" or h.key in strong or _cued(text, h, hits, n)
    ]
    _parents(text, hits)
    return hits
