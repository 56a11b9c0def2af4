"""Our YAML front matter reader: line numbers, YAML 1.1 surprises, editors' files, and never an exception."""

from __future__ import annotations

import time
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_portal.core.frontmatter import FrontMatter, clean_source, parse_front_matter

NESTED = """\
---
number: 48/KH-UBND
issued: 2023-02-20
signer: {authority: KT. Chủ tịch, title: Phó Chủ tịch, name: Phạm Văn Kính}
recipients:
  - TT.Thành ủy
  - Lưu VT
tasks:
  - title: Việc một
    lead: Phòng Nội vụ
    due: trước 25/3/2023
  - title: Việc hai
    support:
      - Phòng Văn hóa
      - Phòng Tài chính
    due: Quý III/2023
events:
  - {title: Lễ kỷ niệm, start: "2024-10-29 07:30"}
---
Toàn văn.
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("number",), 2),
        (("issued",), 3),
        (("signer",), 4),
        (("signer", "name"), 4),
        (("recipients",), 5),
        (("recipients", 0), 6),
        (("recipients", 1), 7),
        (("tasks",), 8),
        (("tasks", 0), 9),
        (("tasks", 0, "title"), 9),
        (("tasks", 0, "due"), 11),
        (("tasks", 1, "support"), 13),
        (("tasks", 1, "support", 1), 15),
        (("tasks", 1, "due"), 16),
        (("events", 0, "start"), 18),
        (("tasks", 7, "due"), 8),  # no such task: nearest ancestor that exists
        (("nothing",), None),
    ],
)
def test_line_of_nested_fields(path, line):
    front = parse_front_matter(NESTED, "a.md")
    assert front.problems == []
    expected = line if line is not None else front.lines.get(())
    assert front.line_of(path) == expected


def test_body_and_its_first_line():
    front = parse_front_matter(NESTED, "a.md")
    assert front.body == "Toàn văn."
    assert front.body_line == 20
    blank = parse_front_matter("---\nissued: 2023-01-01\n---\n\n\nĐoạn đầu.\n", "a.md")
    assert (blank.body, blank.body_line) == ("Đoạn đầu.", 6)  # blank lines skipped, line kept true


@pytest.mark.parametrize(
    ("text", "field", "line"),
    [
        ("---\nsummary: A\nissued: 2023-01-01\nsummary: B\n---\n", "summary", 4),
        ("---\ntasks:\n  - title: A\n    due: 2023\n    due: 2024\n---\n", "tasks.0.due", 5),
        ("---\nsigner: {name: A, name: B}\n---\n", "signer.name", 2),
    ],
)
def test_duplicate_keys_are_reported_with_field_and_line(text, field, line):
    front = parse_front_matter(text, "a.md")
    [problem] = front.problems
    assert (problem.code, problem.field, problem.line) == ("duplicate-key", field, line)
    assert "hai lần" in problem.message and problem.suggestion


@pytest.mark.parametrize(
    ("yaml_line", "key", "value"),
    [
        ("on: 2023-10-30", "on", date(2023, 10, 30)),
        ("yes: 1", "yes", 1),
        ("status: yes", "status", "yes"),
        ("status: no", "status", "no"),
        ("status: off", "status", "off"),
        ("flag: true", "flag", True),
        ("start: 07:30", "start", "07:30"),
        ("start: 1:30:00", "start", "1:30:00"),
        ("start: 2024-10-29 07:30", "start", "2024-10-29 07:30"),  # no seconds: stays text for the period parser
        ("start: 2024-10-29T07:30:00", "start", datetime(2024, 10, 29, 7, 30)),
        ("issued: 2023-02-30", "issued", "2023-02-30"),  # not in the calendar: text, explained later
        ("attendees: 0250", "attendees", 250),  # decimal, not YAML 1.1 octal
        ("attendees: 09", "attendees", 9),
        ("number: 0x1F", "number", "0x1F"),
        ("value: .inf", "value", ".inf"),
        ("value: 1e3", "value", "1e3"),
        ("value: 1.5", "value", 1.5),
        ("value: 1_000", "value", "1_000"),
        ("value: ~", "value", None),
    ],
)
def test_yaml_scalars_are_what_editors_mean(yaml_line, key, value):
    front = parse_front_matter(f"---\n{yaml_line}\n---\n", "a.md")
    assert front.problems == []
    assert front.data == {key: value}
    assert type(front.data[key]) is type(value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeff---\nsummary: A\n---\n", {"summary": "A"}),  # BOM
        ("---\r\nsummary: A\r\n---\r\nbody\r\n", {"summary": "A"}),  # CRLF
        ("---\rsummary: A\r---\r", {"summary": "A"}),  # old Mac CR
        (unicodedata.normalize("NFD", "---\nsummary: Hưng Yên\n---\n"), {"summary": "Hưng Yên"}),  # NFD -> NFC
        ("---\nsummary:\tTổ\tchức\n---\n", {"summary": "Tổ chức"}),  # tabs inside a line
        ("---\nsummary\u00a0: Tổ\u00a0chức\n---\n", {"summary": "Tổ chức"}),  # NBSP before the colon and inside
        ("---\nsummary: Tổ\u000bchức\n---\n", {"summary": "Tổ chức"}),  # Word's manual line break
        ("---\nsummary: Tổ\u202fchức\u3000lớn\n---\n", {"summary": "Tổ chức lớn"}),
    ],
)
def test_editors_files_are_forgiven(raw, expected):
    front = parse_front_matter(raw, "a.md")
    assert front.problems == []
    assert front.data == expected
    assert unicodedata.is_normalized("NFC", front.body)


def test_clean_source_keeps_positions():
    text = "a\u00a0b\tc\r\nd\u000be"
    assert clean_source(text) == "a\u00a0b\tc\nd e"  # NBSP and tabs are the YAML reader's business


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ("Không có khai báo\n", "no-front-matter", 1, "không có phần khai báo"),
        ("\n---\nsummary: A\n---\n", "no-front-matter", 1, "không có phần khai báo"),
        ("---\nsummary: A\n", "unclosed-front-matter", 1, "không có dòng `---` đóng lại"),
        ("---\nsummary: Kế hoạch: năm 2023\n---\n", "yaml-syntax", 2, "dấu «:»"),
        ("---\nrecipients: [A, B\n---\n", "yaml-syntax", 2, "«[»"),
        ("---\ntasks:\n\t- title: A\n---\n", "yaml-syntax", 3, "Tab"),
        ("---\nsummary: \"C:\\Users\"\n---\n", "yaml-syntax", 2, "«\\»"),
        ("---\nsummary: * ghi chú\n---\n", "yaml-syntax", 2, "«*»"),
        ("---\nsummary: !!python/object:os.system x\n---\n", "yaml-syntax", 2, "«!…»"),
        ("---\nsummary: A\x01B\n---\n", "yaml-syntax", 2, "U+0001"),
        ("---\n- a\n- b\n---\n", "front-matter-not-mapping", 2, "khóa: giá trị"),
        ("---\ntasks: &t\n  - *t\n---\n", "yaml-syntax", 2, "vòng lặp"),
    ],
)
def test_problems_in_vietnamese_with_a_line(text, code, line, words):
    front = parse_front_matter(text, "ke-hoach/a.md")
    assert [p.code for p in front.problems] == [code]
    problem = front.problems[0]
    assert problem.path == "ke-hoach/a.md" and problem.line == line
    assert words in problem.format(), problem.format()
    assert problem.suggestion
    assert front.data == {}


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    start = time.perf_counter()
    front = parse_front_matter("---\n" + "\n".join(lines) + "\nsummary: *a8\n---\n", "a.md")
    assert time.perf_counter() - start < 5
    assert [p.code for p in front.problems] == ["yaml-syntax"] and "quá nhiều" in front.problems[0].message


def test_small_aliases_are_fine():
    front = parse_front_matter("---\nx: &ds [A, B]\ntasks:\n  - support: *ds\n  - support: *ds\n---\n", "a.md")
    assert front.problems == []
    assert front.data["tasks"][1]["support"] == ["A", "B"]
    assert front.line_of(("tasks", 1, "support")) == 5


def test_deep_nesting_is_an_error_not_a_crash():
    front = parse_front_matter("---\nsummary: " + "[" * 800 + "]" * 800 + "\n---\n", "a.md")
    assert [p.code for p in front.problems] == ["yaml-syntax"] and "quá sâu" in front.problems[0].message


# --------------------------------------------------------------------------- never an exception

YAMLISH = st.text(
    alphabet=st.sampled_from(list("abc:-[]{},#&*!|>'\"\n\t %@`?~.0123456789") + ["ư", "Đ", "\u00a0", "\r", "\ufeff"]),
    max_size=200,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_a_front_matter(text):
    front = parse_front_matter(text, "a.md")
    assert isinstance(front, FrontMatter)
    assert isinstance(front.data, dict)
    _check_problems(front, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH, YAMLISH)
def test_any_front_matter_block_gives_a_front_matter(head, body):
    text = "---\n" + head + "\n---\n" + body
    front = parse_front_matter(text, "a.md")
    assert isinstance(front.data, dict)
    assert front.has_front_matter or front.problems
    _check_problems(front, text)


def _check_problems(front: FrontMatter, text: str) -> None:
    lines = text.count("\n") + text.count("\r") + 2
    for problem in front.problems:
        assert problem.path == "a.md"
        assert problem.line is None or 1 <= problem.line <= lines
        assert problem.format().startswith("a.md")


# --------------------------------------------------------------------------- libyaml and pure Python agree
# load_yaml reads with libyaml first (issue 8: ~15× faster) and falls back to the pure-Python loader on
# anything libyaml refuses. Both must give the same data, the same line of every field and the same
# problems on whatever libyaml accepts, or the fast path would change what editors see.

def _both(text: str):
    from plan_portal.core import frontmatter

    results = []
    for loader in frontmatter._LOADERS:
        original = frontmatter._LOADERS
        frontmatter._LOADERS = (loader,) if loader is frontmatter.PortalLoader else (loader, frontmatter.PortalLoader)
        try:
            front = frontmatter.parse_front_matter("---\n" + text + "\n---\nVăn bản.\n", "a.md")
            results.append((front.data, front.lines, front.problems, front.body))
        finally:
            frontmatter._LOADERS = original
    return results


def test_libyaml_is_used_when_available():
    from plan_portal.core import frontmatter

    assert frontmatter._LOADERS[-1] is frontmatter.PortalLoader
    assert len(frontmatter._LOADERS) == 2, "PyYAML without libyaml: front matter reading is ~15× slower"


def _front_matters():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "content").rglob("*.md")) + sorted((root / "tests").rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---\n") and "\n---" in text[4:]:
            yield pytest.param(text[4 : text.index("\n---", 4)], id=str(path.relative_to(root)))


@pytest.mark.parametrize("text", [NESTED[4 : NESTED.index("\n---", 4)], *_front_matters()])
def test_both_loaders_read_real_front_matter_alike(text):
    fast, slow = _both(text)
    assert fast == slow


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_both_loaders_agree_on_any_text(text):
    fast, slow = _both(text)
    assert fast == slow
