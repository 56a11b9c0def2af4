"""The editors' command line (``plan-portal check``/``schema``), the JSON Schema, and the core's independence."""

from __future__ import annotations

import ast
import json
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from portal_testing import ROOT, write_files
from plan_portal.cli import main
from plan_portal.core.frontmatter import parse_front_matter
from plan_portal.core.schema import SCHEMA_FILES, SCHEMAS, plan_schema, section_schema

GOOD = """
---
number: 1/KH-UBND
issued: 2024-01-05
issuer: UBND tỉnh Bắc Giang
summary: Tổ chức hội nghị
tasks:
  - {title: Chuẩn bị, lead: Sở Nội vụ, due: "chậm nhất ngày 11/01/2024"}
---
Nội dung.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_passes_on_valid_content(tmp_path, capsys):
    write_files(tmp_path, {"ke-hoach/2024/a.md": GOOD})
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 0
    assert "Đã kiểm tra 1 kế hoạch" in err and "0 lỗi" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (GOOD.replace("issued:", "isued:"), ["a.md:3: lỗi: trường `isued`: Khóa `isued` không được hỗ trợ.", "Có phải ý bạn là `issued`?"]),
        (GOOD.replace("summary: Tổ chức hội nghị", "summary: [a, b]"), ["a.md:5: lỗi: trường `summary`: Trích yếu: phải là một đoạn văn bản", "«[a, b]»"]),
        (GOOD.replace("summary: Tổ chức hội nghị", "summary: ''"), ["a.md:5: lỗi: trường `summary`: Trích yếu: không được để trống."]),
        (GOOD.replace('due: "chậm nhất ngày 11/01/2024"', 'due: "sau tết"'), ["a.md:7: cảnh báo: trường `tasks[0].due`:", "«sau tết»"]),
        (GOOD.replace("number: 1/KH-UBND\n", "number: 228\n"), ["a.md:2: lỗi: trường `number`: Số, ký hiệu: phải là một đoạn văn bản. — giá trị «228».", 'đặt trong ngoặc kép: "228"']),
        ("Không có phần khai báo.\n", ["a.md:1: lỗi: Tệp không có phần khai báo (front matter) ở đầu."]),
    ],
    ids=["typo-key", "list-for-string", "empty-required", "bad-deadline", "number-as-int", "no-front-matter"],
)
def test_check_reports_each_problem_in_vietnamese(tmp_path, capsys, content, expected):
    write_files(tmp_path, {"ke-hoach/2024/a.md": content})
    code, out, err = run(capsys, "check", "--relative", str(tmp_path))
    lines = out.strip().splitlines()
    for fragment in expected:
        assert any(fragment in line for line in lines), (fragment, lines)
    is_error = any(": lỗi:" in line for line in lines)
    assert code == (1 if is_error else 0)
    strict_code, _, _ = run(capsys, "check", "--strict", str(tmp_path))
    assert strict_code == 1


def test_check_reports_all_errors_of_all_files_at_once(tmp_path, capsys):
    write_files(tmp_path, {
        "ke-hoach/2024/a.md": GOOD.replace("issued:", "isued:"),
        "ke-hoach/2024/b.md": GOOD.replace("summary: Tổ chức hội nghị", "summary: ''"),
        "ke-hoach/2024/c.md": GOOD,
    })
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert {line.split(":")[0].rsplit("/", 1)[-1] for line in out.splitlines() if ": lỗi:" in line} == {"a.md", "b.md"}
    assert "Đã kiểm tra 3 kế hoạch" in err


def test_check_on_missing_folder(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path / "khong-co"))
    assert code == 2 and "không tìm thấy thư mục" in err


def test_committed_schemas_match_the_model():
    for name, kind in SCHEMA_FILES.items():
        committed = json.loads((ROOT / "schema" / name).read_text("utf-8"))
        assert committed == SCHEMAS[kind](), f"run: plan-portal schema -o schema ({name})"


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def test_demo_content_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")  # a test dependency: installed by scripts/test
    plans = sorted((ROOT / "content" / "ke-hoach").rglob("*.md"))
    assert len(plans) >= 5
    validator = jsonschema.Draft202012Validator(plan_schema())
    for path in plans:
        data = _jsonable(parse_front_matter(path.read_text("utf-8"), path.name).data)
        errors = [f"{path.name}: {'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, errors
    section_validator = jsonschema.Draft202012Validator(section_schema())
    for path in sorted((ROOT / "content" / "chuyen-trang").glob("*/index.md")):
        data = _jsonable(parse_front_matter(path.read_text("utf-8"), path.name).data)
        assert not list(section_validator.iter_errors(data)), path


def test_schema_rejects_what_the_loader_rejects():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(plan_schema())
    good = {"issued": "2024-01-05", "issuer": "UBND tỉnh", "summary": "x", "tasks": [{"title": "a", "lead": "Sở A"}]}
    assert not list(validator.iter_errors(good))
    assert list(validator.iter_errors({**good, "isued": "2024"}))
    assert list(validator.iter_errors({k: v for k, v in good.items() if k != "summary"}))
    assert list(validator.iter_errors({**good, "tasks": [{"title": "a", "status": "xong"}]}))


def test_core_never_imports_mkdocs():
    core = ROOT / "plugins" / "plan_portal" / "core"
    offenders = []
    for path in core.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "mkdocs" or n.startswith("mkdocs.") or n.startswith("properdocs") for n in names):
                offenders.append(path.name)
    assert offenders == []


def test_templates_autoescape():
    templates = ROOT / "plugins" / "plan_portal" / "templates" / "plan-portal"
    for path in templates.glob("*.html"):
        text = path.read_text("utf-8")
        assert "{% autoescape true %}" in text, path.name
        assert "|safe" not in text.replace(" ", "") or all(
            "page.content" in line for line in text.splitlines() if "| safe" in line or "|safe" in line
        ), path.name


def test_no_html_strings_in_python():
    package = ROOT / "plugins" / "plan_portal"
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not any(tag in node.value for tag in ("<div", "<span", "<a href", "<li", "<table", "<p>")), (path, node.value[:60])
