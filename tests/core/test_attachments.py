"""A plan's attachments in the core: type and size labels, and which files may be linked (no MkDocs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plan_portal.core.attachments import attachment_problems, file_type, human_size
from plan_portal.core.exports.json import plan_record
from plan_portal.core.files import scan_content
from plan_portal.core.loader import load_plan_text


@pytest.mark.parametrize(("size", "label"), [
    (0, "0 byte"),
    (850, "850 byte"),
    (1023, "1023 byte"),
    (1024, "1 KB"),
    (1536, "1,5 KB"),
    (12 * 1024 + 100, "12 KB"),
    (int(1.2 * 1024 * 1024), "1,2 MB"),
    (350 * 1024 * 1024, "350 MB"),
    (3 * 1024 ** 3, "3 GB"),
])
def test_human_size(size: int, label: str) -> None:
    assert human_size(size) == label


@pytest.mark.parametrize(("path", "kind"), [
    ("a/48-kh-ubnd.pdf", "PDF"),
    ("a/48-kh-ubnd.PDF", "PDF"),
    ("du-thao.docx", "Word"),
    ("du-thao.doc", "Word"),
    ("phu-luc.xlsx", "Excel"),
    ("phu-luc.ods", "OpenDocument"),
    ("trang.md", None),
    ("chay.exe", None),
    ("tep-khong-duoi", None),
    (".pdf", None),
])
def test_file_type(path: str, kind: str | None) -> None:
    assert file_type(path) == kind


PLAN = """---
issued: 2024-01-02
issuer: UBND tỉnh
summary: Thử tệp đính kèm
attachments:
  - file: {file}
    kind: bản ký số
---
Nội dung.
"""


def _content(root: Path) -> Path:
    content = root / "content"
    (content / "ke-hoach" / "2024").mkdir(parents=True)
    (content / "ke-hoach" / "2024" / "a.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    (content / "ke-hoach" / "2024" / "trang.md").write_text("# x\n", "utf-8")
    (content / "ke-hoach" / "2024" / ".an.pdf").write_bytes(b"%PDF")
    (content / "ke-hoach" / "2024" / "chay.exe").write_bytes(b"MZ")
    (root / "mat.pdf").write_bytes(b"%PDF secret")
    os.symlink(root / "mat.pdf", content / "ke-hoach" / "2024" / "lien-ket.pdf")
    return content


@pytest.mark.parametrize(("file", "code", "published"), [
    ("ke-hoach/2024/a.pdf", None, True),
    ("ke-hoach/2024/khong-co.pdf", "file-missing", False),
    ("../mat.pdf", "file-outside", False),
    ("ke-hoach/../../mat.pdf", "file-outside", False),
    ("/etc/passwd", "file-absolute", False),
    ("ke-hoach/2024/lien-ket.pdf", "file-refused", False),
    ("ke-hoach/2024/trang.md", "attachment-type", False),
    ("ke-hoach/2024/.an.pdf", "attachment-type", False),
    ("ke-hoach/2024/chay.exe", "attachment-type", False),
    ("ke-hoach/2024", "attachment-type", False),
])
def test_which_files_are_linked(tmp_path: Path, file: str, code: str | None, published: bool) -> None:
    content = _content(tmp_path)
    entry = load_plan_text(PLAN.format(file=file), "ke-hoach/2024/p.md")
    assert entry.plan is not None, entry.diagnostics
    problems = attachment_problems(scan_content(content), content, entry)
    assert [p.code for p in problems] == ([code] if code else [])
    for p in problems:
        assert p.path == "ke-hoach/2024/p.md" and p.line == 6 and p.field == "attachments[0].file"
        assert p.value == file
    item = entry.plan.attachments[0]
    assert item.published is published
    record = plan_record(entry.plan)
    if published:
        assert record["attachments"] == [{"file": file, "kind": "bản ký số", "url": "ke-hoach/2024/a.pdf",
                                          "name": "a.pdf", "type": "PDF", "size": 2009}]
        assert item.size_label == "2 KB"
    else:
        assert record["attachments"] == []
