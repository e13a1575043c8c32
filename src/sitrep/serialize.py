"""Turn an Analysis into the contract's JSON (``schema/analysis.schema.json``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from .model import SCHEMA_ID, Analysis


def _admits_null(spec: dict[str, Any]) -> bool:
    kind = spec.get("type")
    return kind == "null" or (isinstance(kind, list) and "null" in kind)


def _optional_not_null(node: Any, out: set[str]) -> set[str]:
    """The keys some object of the schema holds optionally with a type that does not admit null."""
    if isinstance(node, dict):
        props, required = node.get("properties"), set(node.get("required", ()))
        if isinstance(props, dict):
            out.update(
                k
                for k, v in props.items()
                if k not in required and isinstance(v, dict) and not _admits_null(v)
            )
        for v in node.values():
            _optional_not_null(v, out)
    elif isinstance(node, list):
        for v in node:
            _optional_not_null(v, out)
    return out


@cache
def _omit_when_none() -> frozenset[str]:
    """Keys left out rather than written as null: the contract's optional keys whose type does not
    admit null, and "vague", a field the contract does not list."""
    return frozenset(_optional_not_null(schema(), {"vague"}))


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        omit = _omit_when_none()
        return {k: _clean(v) for k, v in value.items() if not (v is None and k in omit)}
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
