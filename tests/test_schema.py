"""Our schema copy keeps the shared contract: fields may be added, never renamed or dropped."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import SHARED

from sitrep.serialize import schema

CONTRACT = SHARED / "contract" / "analysis.schema.json"
needs_contract = pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/contract is not here")


def fields(node: dict, path: str = "") -> dict[str, dict]:
    """Every object schema under node by its property path ('events[].trigger'), with $defs by name."""
    out = {path: node}
    for name, sub in node.get("properties", {}).items():
        out.update(fields(sub, f"{path}.{name}" if path else name))
    if isinstance(node.get("items"), dict):
        out.update(fields(node["items"], f"{path}[]"))
    for name, sub in node.get("$defs", {}).items():
        out.update(fields(sub, f"$defs.{name}"))
    return out


@needs_contract
def test_our_copy_keeps_every_field_of_the_contract():
    theirs, ours = fields(json.loads(CONTRACT.read_text("utf-8"))), fields(schema())
    missing = sorted(set(theirs) - set(ours))
    assert not missing, f"fields dropped from our schema copy: {missing}"
    for path, node in theirs.items():
        assert set(node.get("required", [])) <= set(ours[path].get("required", [])), path
        for key in ("type", "enum", "const", "$ref"):
            if key in node:
                assert ours[path].get(key) == node[key], f"{path}: {key} changed"


@needs_contract
def test_an_analysis_meets_the_shared_contract_itself(analyze):
    data = analyze(
        "Reporting by Hana Aziz\nCedar Files (Tripoli)- Gunmen killed two soldiers at a checkpoint "
        "near Akkar on Monday, sources told Cedar Files."
    )
    jsonschema.Draft202012Validator(json.loads(CONTRACT.read_text("utf-8"))).validate(data)


def test_validate_rejects_output_that_breaks_the_contract(analyze):
    from sitrep.serialize import validate

    data = analyze(
        "Gunmen killed two soldiers at a checkpoint near Akkar on Monday, officials said."
    )
    del data["duplicates"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
