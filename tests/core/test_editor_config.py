"""The web editor's configuration against the model: every field, label, required mark, pattern and choice.

The comparison walks the JSON Schema (``plan-portal schema``) on its own, so a field the generator
drops, mislabels or types wrongly makes these tests fail; ``test_disagreement_is_caught`` proves the
comparison itself can fail.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from plan_portal.core.agencies import ALLOWED_KEYS, Registry
from plan_portal.core.diagnostics import Diagnostic, Severity
from plan_portal.core.editor_config import CHOICE_FIELDS, PERIOD_HINT, EditorSite, check_report, editor_config
from plan_portal.core.schema import plan_schema, report_schema, section_schema

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = [("ky-niem-60-nam", "Kỷ niệm 60 năm", "chuyen-trang/ky-niem-60-nam/index.md")]
PLANS = [("48/KH-UBND", "48/KH-UBND: Tổ chức các hoạt động kỷ niệm"), ("ke-hoach/2024/a.md", "ke-hoach/2024/a.md: Hội nghị")]


@pytest.fixture(scope="module")
def registry() -> Registry:
    registry, problems = Registry.load(ROOT / "content" / "co-quan.yml")
    assert not [p for p in problems if p.severity is Severity.ERROR]
    return registry


@pytest.fixture(scope="module")
def config(registry: Registry) -> dict[str, Any]:
    return editor_config(registry, EditorSite(sections=SECTIONS, plans=PLANS))


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def _resolve(prop: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the non-null schema, whether null is allowed)."""
    options = prop.get("anyOf", [])
    kept = [o for o in options if o.get("type") != "null"]
    if options and len(kept) == 1 and len(kept) < len(options):
        return {**kept[0], **{k: v for k, v in prop.items() if k != "anyOf"}}, True
    return prop, False


def disagreements(schema: dict[str, Any], defs: dict[str, Any], fields: list[dict[str, Any]], owner: str,
                  choices: dict[str, set[str]], parent_required: bool = True) -> list[str]:
    """Every way ``fields`` (Decap) differ from ``schema`` (the model); empty when they agree."""
    out = []
    props = schema.get("properties", {})
    names = [f["name"] for f in fields if f["name"] != "body"]
    if names != list(props):
        out.append(f"{owner}: fields {names} != model {list(props)}")
    by_name = {f["name"]: f for f in fields}
    for name, raw in props.items():
        f = by_name.get(name)
        if f is None:
            continue
        prop, _ = _resolve(raw)
        where = f"{owner}.{name}"
        if f["label"] != prop.get("title"):
            out.append(f"{where}: label {f['label']!r} != title {prop.get('title')!r}")
        required = name in schema.get("required", []) and parent_required
        if f["required"] != required:
            out.append(f"{where}: required {f['required']} != {required}")
        if prop.get("description") and prop["description"] not in f.get("hint", "") and "enum" not in defs.get(
                (prop.get("$ref") or "/").rsplit("/", 1)[-1], {}):
            out.append(f"{where}: hint lacks the model's description")
        if "pattern" in prop and f.get("pattern", [None])[0] != prop["pattern"]:
            out.append(f"{where}: pattern {f.get('pattern')} != {prop['pattern']}")
        ref = (prop.get("$ref") or "").rsplit("/", 1)[-1] or None
        item_ref = (prop.get("items", {}).get("$ref") or "").rsplit("/", 1)[-1] or None
        if (owner, name) in CHOICE_FIELDS:
            kind = CHOICE_FIELDS[owner, name]
            values = {o["value"] for o in f.get("options", [])}
            if f["widget"] != "select" or values != choices[kind]:
                out.append(f"{where}: does not offer the {kind}")
        elif {o.get("type") for o in prop.get("anyOf", [])} == {"string", "integer"} or any(
                {p.get("type") for p in o.get("anyOf", [])} == {"string", "integer"} for o in prop.get("anyOf", [])):
            if f["widget"] != "string" or PERIOD_HINT not in f.get("hint", ""):
                out.append(f"{where}: a period must be free text with the forms the parser knows")
        elif "enum" in prop:
            if [o["value"] for o in f.get("options", [])] != prop["enum"]:
                out.append(f"{where}: options != {prop['enum']}")
        elif ref and "enum" in defs[ref]:
            if [o["value"] for o in f.get("options", [])] != defs[ref]["enum"]:
                out.append(f"{where}: options != {defs[ref]['enum']}")
        elif ref:
            out += disagreements(defs[ref], defs, f.get("fields", []), ref, choices, parent_required and required)
        elif item_ref:
            if f["widget"] != "list":
                out.append(f"{where}: not a list")
            out += disagreements(defs[item_ref], defs, f.get("fields", []), item_ref, choices)
        elif prop.get("type") == "array":
            if f["widget"] != "list" or "field" not in f:
                out.append(f"{where}: not a list of texts")
        elif prop.get("type") == "integer":
            if f["widget"] != "number" or f.get("value_type") != "int":
                out.append(f"{where}: not an integer")
        elif prop.get("type") == "string" and f["widget"] != "string":
            out.append(f"{where}: not a text field")
    return out


def _choices(registry: Registry) -> dict[str, set[str]]:
    names = {n for a in registry.agencies.values() for n in a.names}
    return {"agencies": names, "sections": {slug for slug, _, _ in SECTIONS}, "plans": {v for v, _ in PLANS}}


def test_plans_agree_with_the_model(config: dict[str, Any], registry: Registry) -> None:
    schema = plan_schema()
    plans = _collection(config, "ke-hoach")
    assert disagreements(schema, schema["$defs"], plans["fields"], "Plan", _choices(registry)) == []
    assert plans["fields"][-1]["name"] == "body" and plans["fields"][-1]["widget"] == "text"


def test_reports_agree_with_the_model(config: dict[str, Any], registry: Registry) -> None:
    schema = report_schema()
    reports = _collection(config, "bao-cao-ket-qua")
    assert reports["folder"] == "content/bao-cao-ket-qua" and reports["create"] is True
    assert disagreements(schema, schema.get("$defs", {}), reports["fields"], "Report", _choices(registry)) == []


def _options_of(fields: list[dict[str, Any]]):
    for f in fields:
        if f.get("options") and f["widget"] == "select":
            yield f
        yield from _options_of(f.get("fields", []))


def test_every_drop_down_speaks_vietnamese(config: dict[str, Any]) -> None:
    """An enumeration's code (``in_progress``, ``party``) never shows as its own label."""
    code = re.compile(r"^[a-z]+(_[a-z]+)*$")
    selects = [f for c in config["collections"] for fields in [c.get("fields", [])] + [x["fields"] for x in c.get("files", [])]
               for f in _options_of(fields)]
    enums = [f for f in selects if all(code.match(o["value"]) for o in f["options"])]
    assert {f["name"] for f in enums} >= {"status", "relation", "state", "issuer_kind"}
    assert [(f["name"], o["value"]) for f in enums for o in f["options"] if o["label"] == o["value"]] == []


def test_sections_agree_with_the_model(config: dict[str, Any], registry: Registry) -> None:
    schema = section_schema()
    files = _collection(config, "chuyen-trang")["files"]
    assert [f["file"] for f in files] == ["content/chuyen-trang/ky-niem-60-nam/index.md"]
    assert disagreements(schema, schema.get("$defs", {}), files[0]["fields"], "Section", _choices(registry)) == []


def test_registry_fields_are_the_registry_keys(config: dict[str, Any], registry: Registry) -> None:
    (file,) = _collection(config, "co-quan")["files"]
    assert file["file"] == "content/co-quan.yml"
    agencies = file["fields"][0]
    assert [f["name"] for f in agencies["fields"]] == list(ALLOWED_KEYS)
    required = {f["name"] for f in agencies["fields"] if f["required"]}
    assert required == {"id", "name"}
    parent = next(f for f in agencies["fields"] if f["name"] == "parent")
    assert {o["value"] for o in parent["options"]} == set(registry.agencies)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda fields: fields.pop(1), "fields"),  # a model field missing from the form
        (lambda fields: fields[2].update(label="Ngày"), "label"),
        (lambda fields: fields[2].update(required=False), "required"),
        (lambda fields: fields[4].update(options=fields[4]["options"][:3]), "agencies"),
        (lambda fields: next(f for f in fields if f["name"] == "signer")["fields"][0].pop("pattern"), "pattern"),
        (lambda fields: next(g for g in next(f for f in fields if f["name"] == "tasks")["fields"] if g["name"] == "due")
         .update(hint="x"), "period"),
    ],
)
def test_disagreement_is_caught(config: dict[str, Any], registry: Registry, mutate, expected: str) -> None:
    schema = plan_schema()
    fields = copy.deepcopy(_collection(config, "ke-hoach")["fields"])
    mutate(fields)
    found = disagreements(schema, schema["$defs"], fields, "Plan", _choices(registry))
    assert found and any(expected in line for line in found), found


def test_optional_object_keeps_its_required_fields_in_the_hint(config: dict[str, Any]) -> None:
    signer = next(f for f in _collection(config, "ke-hoach")["fields"] if f["name"] == "signer")
    name = next(f for f in signer["fields"] if f["name"] == "name")
    assert name["required"] is False and "Bắt buộc khi điền mục «Người ký»" in name["hint"]


def test_config_is_deterministic_json_in_vietnamese(registry: Registry) -> None:
    one = json.dumps(editor_config(registry, EditorSite(sections=SECTIONS)), ensure_ascii=False)
    two = json.dumps(editor_config(registry, EditorSite(sections=SECTIONS)), ensure_ascii=False)
    assert one == two
    config = json.loads(one)
    assert config["locale"] == "vi" and config["media_folder"] == "nhap"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"


def test_check_report_has_the_command_line_text() -> None:
    problems = [
        Diagnostic("ke-hoach/b.md", 7, "Thiếu trường bắt buộc", field="summary", severity=Severity.ERROR),
        Diagnostic("ke-hoach/a.md", 3, "Tên cơ quan chưa có trong danh mục", severity=Severity.WARNING),
    ]
    report = check_report(problems, "content/")
    assert report["content_dir"] == "content" and "revision" not in report
    assert [p["path"] for p in report["problems"]] == ["ke-hoach/a.md", "ke-hoach/b.md"]
    assert report["problems"][1]["text"] == problems[0].format()
    assert report["problems"][1]["text"].startswith("ke-hoach/b.md:7: lỗi:")
    assert check_report([], "content", revision=3)["revision"] == 3
