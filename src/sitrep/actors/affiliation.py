"""Who a person belongs to, read from the words between their name and a group's.

Reports tie people to groups in a few fixed shapes: "Daesh chief X", "X, a commander of Y",
"X, spokesman of Y", "X of Y", "X from Y",
"X, the HTS leader", "HTS, whose leader X", "X, former aide of Z" (X inherits Z's group).
"""

from __future__ import annotations

import re

from .cluster import Cluster
from .lexicon import lexicon


def _role_alt() -> str:
    return "|".join(sorted(map(re.escape, lexicon().roles), key=len, reverse=True))


def link(text: str, placed: list[tuple[int, int, Cluster]]) -> None:
    """Set ``affiliation`` and ``role`` of person clusters from neighbouring mentions, in place."""
    roles = _role_alt()
    before = re.compile(
        rf"^['\u2019]?s?\s+(?:[a-z-]+\s+)?(?P<role>{roles})s?\s*,?\s*(?:[A-Z][a-z]+\.?\s+)*$"
    )
    after_of = re.compile(
        rf"^,\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<role>{roles})s?\s+"
        rf"(?:of|at|for|in|with|from|to)\s+(?:the\s+)?$"
    )
    of_from = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$")
    the_x_role = re.compile(r"^,\s+(?:the|a|an)\s+(?:former\s+)?$")
    whose = re.compile(rf"^,\s+whose\s+(?:[a-z]+\s+)?(?P<role>{roles})\s+(?:is\s+|was\s+)?$")
    role_after = re.compile(rf"^\s+(?:[a-z-]+\s+)?(?P<role>{roles})\b")
    inherits: list[tuple[Cluster, Cluster]] = []
    placed = sorted(placed, key=lambda t: t[0])
    for i, (s, e, cl) in enumerate(placed):
        if cl.kind != "person" or cl.role == "reporter":
            continue
        prev = placed[i - 1] if i else None
        nxt = placed[i + 1] if i + 1 < len(placed) else None
        if prev and prev[2].kind == "actor" and (m := before.match(text[prev[1] : s])):
            _set(cl, prev[2], m.group("role"))
        if (
            cl.affiliation is None
            and prev
            and prev[2].kind == "actor"
            and (m := whose.match(text[prev[1] : s]))
        ):
            _set(cl, prev[2], m.group("role"))
        if cl.affiliation is None and nxt and (m := after_of.match(text[e : nxt[0]])):
            if nxt[2].kind == "actor":
                _set(cl, nxt[2], m.group("role"))
            else:
                inherits.append((cl, nxt[2]))
                cl.role = cl.role or m.group("role")
        if (
            cl.affiliation is None
            and nxt
            and nxt[2].kind == "actor"
            and of_from.match(text[e : nxt[0]])
        ):
            cl.affiliation = nxt[2]
        if (
            cl.affiliation is None
            and nxt
            and nxt[2].kind == "actor"
            and the_x_role.match(text[e : nxt[0]])
            and (m := role_after.match(text[nxt[1] : nxt[1] + 40]))
        ):
            _set(cl, nxt[2], m.group("role"))
    for cl, other in inherits:
        if cl.affiliation is None and other.affiliation is not None:
            cl.affiliation = other.affiliation


def _set(person: Cluster, actor: Cluster, role: str) -> None:
    person.affiliation = actor
    person.role = person.role or role
