"""Problems found in content, reported to editors in Vietnamese.

A :class:`Diagnostic` carries everything an editor needs to fix a problem without
help: the file, the line, the field, the bad value, what is allowed and a
suggestion. The core collects them (it never raises on bad content); the CLI prints
them and the MkDocs adapter logs them, so ``--strict`` fails on the same list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = ["YAML_PROBLEMS", "Diagnostic", "Severity", "closest", "dotted", "explain_yaml", "show_value"]


class Severity(str, Enum):
    """How bad a problem is. Both fail ``--strict``; only errors fail ``plan-portal check``."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "lỗi" if self is Severity.ERROR else "cảnh báo"


def show_value(value: Any, limit: int = 80) -> str:
    """Render a bad value for a message: short, one line, quoted."""
    if isinstance(value, str):
        text = value.replace("\n", "⏎")
    else:
        text = repr(value) if not isinstance(value, (int, float)) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"«{text}»"


def closest(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The registered names most like ``word``, best first (for "did you mean …")."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file.

    Attributes:
        path: The file, relative to the content folder when known (``ke-hoach/2023/a.md``).
        line: 1-based line in that file, or ``None`` when the problem is the whole file.
        message: What is wrong, in Vietnamese, as one sentence.
        field: Dotted path of the front matter field (``tasks[2].due``), if any.
        value: The bad value as written, if any.
        allowed: What would be accepted, in Vietnamese.
        suggestion: How to fix it, in Vietnamese ("Có phải ý bạn là `issued`?").
        severity: Error or warning.
        code: A stable machine name for the kind of problem (``unknown-key``).
    """

    path: str
    line: int | None
    message: str
    field: str | None = None
    value: Any = None
    allowed: str | None = None
    suggestion: str | None = None
    severity: Severity = Severity.ERROR
    code: str = "invalid"

    def format(self) -> str:
        """Compiler-style line: ``path:line: lỗi: [field] message (value). Cho phép: … Gợi ý: …``."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        parts = [f"{where}: {self.severity.label}:"]
        if self.field:
            parts.append(f"trường `{self.field}`:")
        parts.append(self.message)
        if self.value is not None:
            parts.append(f"— giá trị {show_value(self.value)}.")
        text = " ".join(parts)
        if self.allowed:
            text += f" Cho phép: {self.allowed}."
        if self.suggestion:
            text += f" Gợi ý: {self.suggestion}"
        return text

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.field or "")


def dotted(loc: Iterable[Any]) -> str:
    """A field path as editors read it: ``("tasks", 0, "lead")`` → ``tasks[0].lead``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


#: PyYAML's complaints (English, matched in its problem and context) in Vietnamese: one table for
#: the front matter of plans and chuyên trang and for ``co-quan.yml``.
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("'\\t'", "có ký tự Tab dùng để thụt lề; YAML chỉ chấp nhận dấu cách"),
    ("escape", "dấu «\\» trong ngoặc kép phải viết «\\\\» (hoặc dùng ngoặc đơn «'…'»)"),
    ("while scanning an alias", "giá trị bắt đầu bằng «*» hoặc «&» phải đặt trong ngoặc kép"),
    ("while scanning an anchor", "giá trị bắt đầu bằng «*» hoặc «&» phải đặt trong ngoặc kép"),
    ("could not determine a constructor", "thẻ kiểu YAML «!…» không được hỗ trợ"),
    ("found unhashable key", "tên khóa phải là chữ, không phải danh sách hay nhóm"),
    ("expected a comment or a line break", "có chữ thừa sau dấu ngoặc kép đóng"),
    ("expected ',' or ']'", "danh sách mở bằng «[» chưa được đóng bằng «]»"),
    ("expected ',' or '}'", "nhóm mở bằng «{» chưa được đóng bằng «}»"),
    ("mapping values are not allowed", "dấu «:» xuất hiện ở chỗ không được phép (giá trị có dấu hai chấm cần đặt trong ngoặc kép)"),
    ("cannot start any token", "có ký tự không hợp lệ ở đầu giá trị (Tab, «@» hoặc «`»)"),
    ("could not find expected ':'", "thiếu dấu «:» sau tên khóa"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng"),
    ("expected <block end>", "thụt lề không đều"),
    ("did not find expected key", "thụt lề không đều hoặc thiếu dấu «-» đầu mục"),
    ("found duplicate anchor", "trùng nhãn «&»"),
    ("found undefined alias", "dùng nhãn «*» chưa khai báo"),
)


def explain_yaml(problem: str | None, context: str | None = None) -> str | None:
    """The Vietnamese reading of a PyYAML error's ``problem`` and ``context``; None when the table has none."""
    both = f"{problem or ''} {context or ''}"
    return next((vi for en, vi in YAML_PROBLEMS if en in both), None)
