"""People's names: which short forms of a name may stand for it later in a report.

A report gives a name in full once ("Abu Malik al-Talli", "Idris Musa") and then shortens it
to the family name ("al-Talli", "Musa"), sometimes to the given name ("Idris"), or for
jihadist kunyas to the nisba alone ("Golani"). The article and spelling drift (Golani /
al-Jolani) are forgotten by the places stage's word keys.
"""

from __future__ import annotations

from ..places.fold import words
from .lexicon import lexicon


def name_keys(name: str) -> list[str]:
    """The folded words of a name, articles and name particles (Abu, bin) left out."""
    particles = lexicon().name_particles
    return [w.key for w in words(name) if not w.article and w.key not in particles]


def short_forms(name: str) -> list[str]:
    """Keys of the forms a full name may be shortened to: the last word, then the first one."""
    keys = name_keys(name)
    if len(keys) < 2:
        return []
    return [keys[-1], keys[0]]


def shortens(short: str, full: str) -> bool:
    """Is ``short`` a shortened form of ``full`` (its words a subsequence, ending or starting alike)?"""
    s, f = name_keys(short), name_keys(full)
    if not s or len(s) >= len(f):
        return False
    it = iter(f)
    return all(k in it for k in s) and (s[-1] == f[-1] or s[0] == f[0])
