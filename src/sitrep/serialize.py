"""Turn an Analysis into the contract's JSON (``schema/analysis.schema.json``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from .model import SCHEMA_ID, Analysis

# Optional keys whose schema type does not admit null: left out rather than written as null.
_OMIT_WHEN_NONE = frozenset(
    {"cue", "reliability", "credibility", "span", "mention", "start", "end", "vague", "precision"}
)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if not (v is None and k in _OMIT_WHEN_NONE)}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def to_dict(analysis: Analysis) -> dict[str, Any]:
    body = _clean(asdict(analysis))
    return {"schema": SCHEMA_ID, **body}


@cache
def schema() -> dict[str, Any]:
    """The project's own copy of the contract."""
    return json.loads(
        resources.files("sitrep.schema").joinpath("analysis.schema.json").read_text("utf-8")
    )


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when data breaks the contract."""
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(data)
