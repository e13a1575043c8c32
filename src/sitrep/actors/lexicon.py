"""The actors stage's cue words, read once from data/lexicon.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..lexicons import parse_yaml, titles, word_list


@dataclass(frozen=True)
class ForceClass:
    """A kind of state body ("army", "police") and the generic nouns that refer to it."""

    name: str
    actor_type: str
    nouns: tuple[str, ...]
    bare: tuple[str, ...]
    # a generic reference ("the group") means the nearest actor of one of these types
    refers_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    group_words: frozenset[str]
    hyphen_cues: frozenset[str]
    loyal_cues: tuple[str, ...]
    type_cues: dict[str, tuple[str, ...]]
    classes: tuple[ForceClass, ...]
    titles: tuple[str, ...]
    roles: frozenset[str]
    name_particles: frozenset[str]
    common_words: frozenset[str]
    group_heads: tuple[str, ...]
    subnational: tuple[str, ...]
    unit_numbers: tuple[str, ...]
    unit_heads: tuple[str, ...]
    unit_words: tuple[str, ...]
    group_openers: tuple[str, ...]
    state_titles: tuple[str, ...]
    group_verbs: frozenset[str] = frozenset()
    ministry_determiners: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    name_joiners: frozenset[str] = frozenset()
    titled_sources: frozenset[str] = frozenset()
    wins_ties: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    arms_nouns: frozenset[str] = frozenset()
    speaker_possessives: frozenset[str] = frozenset()
    not_actors: frozenset[str] = frozenset()
    place_titles: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    person_after: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()

    def actor_type(self, name: str) -> str | None:
        """The type a name's own words suggest: the cue ending last decides ("Ministry ... Office"),
        the longer of two ending together ("National Army" over "Army")."""
        low = f" {name.lower().replace('-', ' ').replace(chr(0x2019), chr(39))} "
        best, at = None, (-1, 0)
        for kind, cues in self.type_cues.items():
            for cue in cues:
                k = low.rfind(f" {cue} ")
                if k >= 0 and (k + len(cue), len(cue)) > at:
                    best, at = kind, (k + len(cue), len(cue))
        return best

    def force_class(self, phrase: str) -> ForceClass | None:
        """The class whose noun ends the phrase ("Iraqi troops" -> army); the longest such noun
        decides, the first class in the file on a tie."""
        low = phrase.lower().replace("-", " ").strip()
        index = _noun_index(self.classes)
        starts = [0, *(i + 1 for i, ch in enumerate(low) if ch == " ")]
        return next((index[low[k:]] for k in starts if low[k:] in index), None)


@cache
def _noun_index(classes: tuple[ForceClass, ...]) -> dict[str, ForceClass]:
    """Each class noun and the first class that lists it."""
    index: dict[str, ForceClass] = {}
    for fc in classes:
        for noun in fc.nouns:
            index.setdefault(noun, fc)
    return index


_ORIGIN = "sitrep/actors/data/lexicon.yaml"
_WORD_SETS = (
    "speaker_possessives",
    "not_actors",
    "group_verbs",
    "ministry_determiners",
    "back_references",
    "name_joiners",
    "titled_sources",
    "wins_ties",
    "place_heads",
    "arms_nouns",
    "place_titles",
    "locatives",
    "place_words",
    "person_after",
    "media_nouns",
)


@cache
def lexicon() -> Lexicon:
    raw = parse_yaml(
        resources.files("sitrep.actors").joinpath("data", "lexicon.yaml").read_text("utf-8")
    )
    lists = ("nouns", "bare", "refers_to")
    classes = tuple(
        ForceClass(name, c["type"], *(tuple(c.get(k) or ()) for k in lists))
        for name, c in raw["classes"].items()
    )
    return Lexicon(
        group_words=frozenset(raw["group_words"]),
        hyphen_cues=frozenset(raw["hyphen_cues"]),
        loyal_cues=tuple(raw["loyal_cues"]),
        type_cues={k: tuple(v) for k, v in raw["type_cues"].items()},
        classes=classes,
        titles=tuple(
            sorted(
                {*titles().dotted(*word_list(raw, "title_groups", _ORIGIN)), *raw["state_titles"]},
                key=len,
                reverse=True,
            )
        ),
        roles=frozenset(raw["roles"]),
        name_particles=frozenset(raw["name_particles"]),
        common_words=frozenset(raw["common_words"]),
        group_heads=tuple(sorted(raw["group_heads"], key=len, reverse=True)),
        subnational=tuple(raw["subnational"]),
        unit_numbers=tuple(raw["units"]["numbers"]),
        unit_heads=tuple(sorted(raw["units"]["heads"], key=len, reverse=True)),
        unit_words=tuple(raw["units"]["service_words"]),
        group_openers=tuple(raw["group_openers"]),
        state_titles=tuple(sorted(raw["state_titles"], key=len, reverse=True)),
        **{k: frozenset(word_list(raw, k, _ORIGIN)) for k in _WORD_SETS},
    )
