"""Count the word lists still written inline in src/ (issue 15 allows at most six).

A word list is a list, tuple or set literal (or a ``"..."".split()``) of at least ``--min``
(default 3) string constants that are words: letters, spaces, hyphens, apostrophes and dots,
no placeholders or paths. Docstrings, ``__all__`` and type annotations are not lists.

A list is enum-like, not a lexicon, when every entry is a name the code or the contract
defines: a spaCy label (``spacy.glossary``: POS tags, dependency and entity labels), a key or
enum value of the output schema, a group of ``data/titles.yaml``, or a dotted path of such
("entities.place"). Only the lexicons count against the issue's limit; enum-like lists are
listed apart. Field names and page names the schema does not hold still show as lexicons.

    python scripts/inline_lists.py            # one line per list, then the counts
    python scripts/inline_lists.py --quiet    # the counts only
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

WORD = re.compile(r"[A-Za-z][A-Za-z .'\-]*\Z")
SRC = Path(__file__).resolve().parent.parent / "src" / "sitrep"


def _words(node: ast.AST) -> list[str] | None:
    """The node's strings when it is a literal of word strings, else None."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        elts = node.elts
        if elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
            return [e.value for e in elts]  # type: ignore[attr-defined]
        return None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and not node.args
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    return None


def _schema_names(node: object, out: set[str]) -> set[str]:
    """Every key and enum value of the output contract."""
    if isinstance(node, dict):
        out.update(k for k in node if isinstance(k, str))
        out.update(v for v in node.get("enum", []) if isinstance(v, str))
        for v in node.values():
            _schema_names(v, out)
    elif isinstance(node, list):
        for v in node:
            _schema_names(v, out)
    return out


def enum_names() -> set[str]:
    """Names the code or the contract defines; a list of only these is enum-like."""
    import json

    from spacy.glossary import GLOSSARY

    sys.path.insert(0, str(SRC.parent))
    from sitrep.lexicons import titles  # the groups of data/titles.yaml

    schema = json.loads((SRC / "schema" / "analysis.schema.json").read_text("utf-8"))
    return {*GLOSSARY, *titles().groups, *_schema_names(schema, set())}


def enum_like(words: list[str], names: set[str]) -> bool:
    """Whether every entry is a defined name (or a dotted path of such, "entities.place")."""
    return all(all(part in names for part in w.split(".")) for w in words)


def _skipped(tree: ast.Module) -> set[int]:
    """ids of nodes that are not word lists whatever they hold: ``__all__``, annotations, the
    values of a ``Literal[...]`` type, and the requires/assigns a ``Stage(...)`` record declares
    (the contract fields each stage reads and writes, which issue 15 asks to be declared)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            out.add(id(node.value))
        if isinstance(node, (ast.AnnAssign, ast.arg)) and node.annotation is not None:
            out.update(id(n) for n in ast.walk(node.annotation))
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
        ):
            out.update(id(n) for n in ast.walk(node.slice))  # a type: mypy checks its values
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Stage"
        ):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                out.update(id(n) for n in ast.walk(arg))  # a stage's requires/assigns declaration
    return out


def inline_lists(root: Path = SRC, least: int = 3) -> Iterator[tuple[str, int, list[str]]]:
    """(file, line, words) for each inline word list under ``root``."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        skip = _skipped(tree)
        for node in ast.walk(tree):
            words = None if id(node) in skip else _words(node)
            if words and len(words) >= least and all(WORD.match(w) for w in words):
                yield str(path.relative_to(root.parent)), node.lineno, words  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=int, default=3, help="fewest words that make a list")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    names = enum_names()
    found = list(inline_lists(least=args.min))
    lexicons = [f for f in found if not enum_like(f[2], names)]
    if not args.quiet:
        for file, line, words in found:
            shown = ", ".join(words[:6]) + (", ..." if len(words) > 6 else "")
            kind = "enum" if enum_like(words, names) else "LEXICON"
            print(f"{kind:7} {file}:{line}: {len(words)} words: {shown}")
    print(
        f"{len(lexicons)} inline lexicons ({sum(len(w) for _, _, w in lexicons)} words); "
        f"{len(found) - len(lexicons)} enum-like lists"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
