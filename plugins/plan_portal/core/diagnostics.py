"""Problems found in content, reported to editors in Vietnamese.

A :class:`Diagnostic` carries everything an editor needs to fix a problem without
help: the file, the line, the field, the bad value, what is allowed and a
suggestion. The core collects them (it never raises on bad content); the CLI prints
them and the MkDocs adapter logs them, so ``--strict`` fails on the same list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

__all__ = ["Diagnostic", "Diagnostics", "Severity", "closest", "show_value"]


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


@dataclass
class Diagnostics:
    """An ordered collection of problems; every problem of a run is kept, not only the first."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def for_path(self, path: str) -> list[Diagnostic]:
        return [d for d in self.items if d.path == path]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: d.sort_key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
