"""The blocks a plan document is read into: :class:`Line` and :class:`Table`, and the inline
Markdown helpers both the readers and the line joining use (:func:`strip_inline`, joining two
broken lines).

Moved unchanged out of :mod:`.reader` (issue 14: no source file over about 400 lines); still
importable from :mod:`plan_portal.importer.reader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from plan_portal.core.text import squash_spaces


@dataclass
class Line:
    """One line of text.

    Attributes:
        text: The text with inline Markdown (``**bold**``, ``*italic*``), spaces squashed.
        gap: A paragraph boundary comes before this line (blank line, new Word paragraph).
        source: 1-based line (text) or paragraph (docx) number in the source, for messages.
    """

    text: str
    gap: bool = True
    source: int = 0

    @property
    def plain(self) -> str:
        """The text without inline Markdown markers."""
        return strip_inline(self.text)


@dataclass
class Table:
    """A table: a list of rows, each a list of cell texts (lines inside a cell joined by ``\\n``)."""

    rows: list[list[str]] = field(default_factory=list)
    source: int = 0

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = Union[Line, Table]

_INLINE = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def strip_inline(text: str) -> str:
    """Remove inline Markdown markers (``**``, ``*``, ``__``) and squash spaces."""
    return squash_spaces(_INLINE.sub("", text))


def _starts_lower(text: str) -> bool:
    plain = strip_inline(text)
    plain = plain.lstrip("(“\"'")
    return bool(plain) and plain[0].islower()


def _join_text(first: str, second: str) -> str:
    first = first.rstrip()
    second = second.lstrip()
    # Close and reopen emphasis across the break: "*a*" + "*b*" -> "*a b*".
    if first.endswith("*") and second.startswith("*") and not first.endswith("**") and not second.startswith("**"):
        return first[:-1] + " " + second[1:]
    return f"{first} {second}"
