"""Every embedded example file validates against its JSON Schema in schemas/."""
import json
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = {p.name.replace(".schema.json", ""): json.loads(p.read_text()) for p in (ROOT / "schemas").glob("*.schema.json")}
EXAMPLES = sorted((ROOT / "python" / "koers" / "examples" / "data").glob("*/*.json"))


def _schema_for(doc):
    fmt = doc.get("format", "")
    return SCHEMAS.get(fmt.replace("koers.", ""))


def test_schemas_are_valid():
    assert "model" in SCHEMAS
    for s in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(s)


@pytest.mark.parametrize("path", EXAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in EXAMPLES])
def test_example_matches_schema(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    schema = _schema_for(doc)
    assert schema is not None, f"no schema for format {doc.get('format')}"
    jsonschema.validate(doc, schema)


def test_model_schema_refuses_unknown_field():
    doc = {"format": "koers.model", "version": 1, "nodes": [{"id": "a", "kind": "goal", "name": "A", "x": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMAS["model"])
