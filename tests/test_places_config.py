"""The places stage's data file is checked on load, and its weights are a config passed in."""

from dataclasses import FrozenInstanceError, replace

import pytest

from sitrep.places.config import WEIGHTS
from sitrep.places.lexicon import LEXICON_FILE, LexiconError, load


def _edited(tmp_path, old: str, new: str):
    path = tmp_path / "detect.yaml"
    text = LEXICON_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_shipped_lexicon_loads_with_keys_for_qualifiers():
    lex = load(LEXICON_FILE)
    assert "in" in lex.locatives and "suth" in lex.qualifiers  # "south" held as its key
    assert lex.patterns.speaker.match(", said")


@pytest.mark.parametrize(
    "old,new,problem",
    [
        ("locatives:", "locativez:", "'locatives'"),
        ("speaker: '", "speaker: '(", "patterns.speaker does not compile"),
        ("calendar: [", "calendar: [3, ", "'calendar'"),
    ],
)
def test_a_bad_lexicon_fails_naming_the_file_and_key(tmp_path, old, new, problem):
    path = _edited(tmp_path, old, new)
    with pytest.raises(LexiconError) as err:
        load(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_weights_are_frozen_and_passed_in():
    from sitrep.places.detect import Hit
    from sitrep.places.resolve import resolve
    from sitrep.places.store import get_gazetteer

    with pytest.raises(FrozenInstanceError):
        WEIGHTS.parent_bonus = 0.0  # type: ignore[misc]
    gaz = get_gazetteer()
    hits = [Hit(0, 7, "tripoli"), Hit(9, 16, "lebanon")]
    hits[0].parents.append(1)
    assert resolve(hits, gaz)[0].candidate.country == "LB"
    no_context = replace(
        WEIGHTS,
        parent_bonus=0.0,
        country_bonus=0.0,
        country_repeat_bonus=0.0,
        admin1_bonus=0.0,
        border_bonus=0.0,
        near_bonus=0.0,
    )
    assert resolve(hits, gaz, w=no_context)[0].candidate.country == "LY"
