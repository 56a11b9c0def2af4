"""The JSON export validates against its own published schema, generated from the model and documented."""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest

from plan_portal.core.schema import export_schema, schema_text
from plan_portal.core.urls import SitePaths
from portal_testing import ROOT


@pytest.fixture(scope="module")
def export(demo_with_url):
    data = json.loads((demo_with_url / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    published = (demo_with_url / SitePaths().json_schema_path()).read_text("utf-8")
    return data, published


def test_published_schema_is_the_committed_one(export):
    _, published = export
    assert published == (ROOT / "schema" / "du-lieu-ke-hoach.schema.json").read_text("utf-8") == schema_text("export")


def test_export_validates_against_its_schema(export):
    data, published = export
    validator = jsonschema.Draft202012Validator(json.loads(published), format_checker=jsonschema.FormatChecker())
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    assert len(data["plans"]) == 5 and errors == []


def _break(record: dict, how: str) -> None:
    if how == "period as text":
        record["issued"] = "2023-02-20"
    elif how == "unknown field":
        record["ghi_chu"] = "x"
    elif how == "no url":
        del record["url"]
    elif how == "bad status":
        record["tasks"][0]["status"] = "overdue"
    elif how == "bad precision":
        record["tasks"][0]["due"]["precision"] = "week"
    elif how == "day not ISO":
        record["issued"]["start"] = "20/2/2023"


@pytest.mark.parametrize("how", ["period as text", "unknown field", "no url", "bad status", "bad precision", "day not ISO"])
def test_schema_rejects_what_the_export_never_writes(export, how):
    data, published = export
    broken = copy.deepcopy(data)
    plan = next(p for p in broken["plans"] if p.get("number") == "48/KH-UBND")
    _break(plan, how)
    assert list(jsonschema.Draft202012Validator(json.loads(published)).iter_errors(broken)), how


def _fields(schema: dict) -> set[str]:
    names = set()
    for node in schema["$defs"].values():
        names |= set(node.get("properties", {}))
        for prop in node.get("properties", {}).values():  # period objects are inlined
            for option in [prop, *prop.get("anyOf", [])]:
                names |= set(option.get("properties", {}))
    return names


def test_every_export_field_is_documented_in_both_languages():
    doc = (ROOT / "docs" / "du-lieu-mo.md").read_text("utf-8")
    vietnamese, english = doc.split("\n## English\n")
    fields = _fields(export_schema())
    assert {"url", "path", "tasks", "due", "precision", "start_time", "recurrence_day", "attendees"} <= fields
    for part, name in ((vietnamese, "Tiếng Việt"), (english, "English")):
        documented = set(re.findall(r"^\| `(\w+)` \|", part, flags=re.M))
        assert fields - documented == set(), f"docs/du-lieu-mo.md ({name}) does not document these export fields"
