"""A plan's attachments (the signed PDF, the Word file, annexes): which files may be linked.

``plan-portal check`` and the MkDocs adapter call :func:`attachment_problems` on every loaded
plan with the same :class:`~.files.ContentScan`, so they report the same problems. Each
``attachments[i].file`` is a path from the content folder, resolved with
:func:`~.files.resolve_reference` (no absolute path, no ``..`` out of the folder, no link the scan
refused). Only a file that exists, is not hidden, is not a Markdown page and has an allowed type
is marked published (``Attachment.url``, ``Attachment.size``); MkDocs copies it as it is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity
from .files import MARKDOWN_SUFFIXES, ContentScan, is_hidden, resolve_reference

if TYPE_CHECKING:
    from .loader import PlanEntry

__all__ = ["FILE_TYPES", "attachment_problems", "file_type", "human_size"]

#: The types an attachment may have: suffix -> the name a reader sees.
FILE_TYPES: dict[str, str] = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ods": "OpenDocument",
    ".zip": "ZIP",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
}
_ALLOWED = "tệp " + ", ".join(sorted(set(FILE_TYPES))) + " nằm trong thư mục nội dung"


def file_type(path: str) -> str | None:
    """The reader's name of a file's type from its suffix (``a.PDF`` -> ``PDF``), ``None`` if not allowed."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return FILE_TYPES.get(name[dot:].lower()) if dot > 0 else None


def human_size(size: int) -> str:
    """A size as Vietnamese readers write it: «850 byte», «12 KB», «1,2 MB» (1 KB = 1024 byte)."""
    if size < 1024:
        return f"{size} byte"
    for unit in ("KB", "MB", "GB"):
        size_f = size / 1024
        if size_f < 1024 or unit == "GB":
            text = f"{size_f:.1f}" if size_f < 10 else f"{size_f:.0f}"
            text = text.removesuffix(".0")
            return f"{text.replace('.', ',')} {unit}"
        size = int(size_f)
    raise AssertionError("unreachable")


def attachment_problems(scan: ContentScan, content_dir: Path, entry: PlanEntry) -> list[Diagnostic]:
    """Resolve every attachment of ``entry``'s plan; mark the safe ones published; report the others.

    Must run before the entry's line map is trimmed (``Catalog.keep_reported_lines``).
    """
    plan = entry.plan
    if plan is None:
        return []
    out = []
    for i, item in enumerate(plan.attachments):
        item._rel = item._size = None
        line = entry.front.line_of(("attachments", i, "file")) or entry.front.line_of(("attachments", i))
        where = {"field": f"attachments[{i}].file", "value": item.file}
        found = resolve_reference(scan, "", item.file, what="Tệp đính kèm")
        problem = found.diagnostic(entry.path, line, **where)
        if problem is not None:
            out.append(problem)
            continue
        rel = found.rel or ""
        if rel not in scan.files:
            out.append(Diagnostic(entry.path, line, "Tệp đính kèm phải là một tệp, không phải thư mục.",
                                  allowed=_ALLOWED, suggestion="Ghi đường dẫn tới tệp, ví dụ ke-hoach/2023/48-kh-ubnd.pdf.",
                                  code="attachment-type", **where))
            continue
        if is_hidden(rel) or rel.endswith(MARKDOWN_SUFFIXES) or file_type(rel) is None:
            out.append(Diagnostic(entry.path, line, "Tệp đính kèm không được đăng: tệp ẩn, trang Markdown hoặc loại "
                                  "tệp không được phép.", allowed=_ALLOWED,
                                  suggestion="Lưu văn bản thành PDF (bản ký số) hoặc Word rồi đính kèm tệp đó.",
                                  severity=Severity.ERROR, code="attachment-type", **where))
            continue
        try:
            size = os.stat(content_dir / rel).st_size
        except OSError:
            out.append(Diagnostic(entry.path, line, "Không đọc được tệp đính kèm.", suggestion="Kiểm tra quyền đọc tệp.",
                                  code="unreadable", **where))
            continue
        item._rel, item._size = rel, size
    return out
