"""Read a plan document (.docx, .txt, .md) into a flat list of blocks.

Every format ends up as the same two kinds of block, in document order:

* :class:`Line` — one line of text with inline Markdown kept (``**bold**``,
  ``*italic*``), and whether a paragraph boundary (a blank line in text, a new
  Word paragraph) comes before it;
* :class:`Table` — rows of cell texts (a cell may hold several lines).

Layout tables (the two-column header with the agency and the national motto, the
closing table with "Nơi nhận" and the signature) are flattened into lines, and
lines broken in the middle of a sentence — text copied from a PDF — are joined
again, so that :mod:`plan_portal.importer.extract` sees the document as a reader
does. The blocks live in :mod:`.blocks`, the flattening and joining in :mod:`.joining`; both
are importable from here as before.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from plan_portal.core.text import squash_spaces

from .blocks import Block, Line, Table, _join_text, _starts_lower, strip_inline
from .joining import normalise_blocks
from .webcopy import web_copy_lines

__all__ = [
    "Block",
    "Line",
    "Table",
    "UnsupportedFormat",
    "read_document",
    "read_text",
    "normalise_blocks",
    "strip_inline",
]

SUPPORTED_SUFFIXES = (".docx", ".txt", ".md", ".markdown")


class UnsupportedFormat(ValueError):
    """The file is not a .docx, .txt or .md file (message in Vietnamese)."""


_TAGS = re.compile(r"<\s*(/?)\s*(\w+)[^>]*>")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def _html_to_markdown(text: str) -> str:
    """Turn the few inline HTML tags found in exported text into Markdown markers."""

    def repl(match: re.Match[str]) -> str:
        tag = match.group(2).lower()
        if tag in ("i", "em"):
            return "*"
        if tag in ("b", "strong"):
            return "**"
        if tag == "br":
            return "\n"
        return ""

    if "<" in text:
        text = _TAGS.sub(repl, text)
    if "&" in text:
        text = html.unescape(text)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200c-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufffe\uffff]")


def _clean_line(text: str) -> str:
    """NFC, control characters dropped, exotic spaces folded, inline HTML converted, emphasis tidied."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    text = _html_to_markdown(text)
    text = squash_spaces(text)
    # "** text **" -> "**text**"; empty emphasis dropped.
    text = re.sub(r"\*\*\s*\*\*", "", text)
    text = re.sub(r"(?<![*\w])\*\s+\*(?![*\w])", "", text)
    return _tidy_bold(text).strip()


def _tidy_bold(text: str) -> str:
    """Move the spaces inside bold runs outside them, pairing the markers in order.

    "** text **" → "**text**"; in "**chuyển** đổi **số**" the text between a closing and an
    opening marker keeps its spaces (a copy that bolds words inside a phrase).
    """
    parts = text.split("**")
    if len(parts) < 3 or len(parts) % 2 == 0:
        return text
    for i in range(1, len(parts), 2):
        inner = parts[i]
        if not inner.strip():
            continue
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        parts[i] = inner.strip()
        if lead:
            parts[i - 1] += " "
        if trail:
            parts[i + 1] = " " + parts[i + 1]
    return squash_spaces("**".join(parts))


# A Markdown copy escapes punctuation: "57\-NQ/TW", "1\.", "chính trị \- xã hội".
_MD_ESCAPE = re.compile(r"\\([-\\`*_{}\[\]()#+.!|>~])")


# ---------------------------------------------------------------- text and Markdown


def read_text(text: str, *, markdown: bool = False) -> list[Block]:
    """Read plain text (or Markdown) into blocks.

    Lines with a Tab are table rows (as exported from Word or a PDF); rows separated
    only by blank lines stay in the same table. In Markdown, pipe tables are tables
    too and heading hashes are dropped (the document's own numbering is kept). In plain
    text, "|" cells copied from a web page's header table become lines.
    """
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    markdown = markdown or _looks_like_markdown(raw_lines)
    if not markdown:
        raw_lines = web_copy_lines(raw_lines)
    blocks: list[Block] = []
    gap = True
    table: Table | None = None
    for number, raw in enumerate(raw_lines, start=1):
        stripped = raw.strip()
        is_pipe_row = markdown and stripped.startswith("|") and stripped.count("|") >= 2
        if "\t" in raw.rstrip("\n") and stripped or is_pipe_row:
            if is_pipe_row:
                if _PIPE_SEPARATOR.match(stripped):
                    continue
                cells = [c for c in stripped.strip("|").split("|")]
            else:
                cells = raw.rstrip().split("\t") if raw.strip("\t ") else []
                # A row that only holds tabs at the end keeps its empty trailing cells.
                if raw.endswith("\t"):
                    cells = raw.split("\t")
            cells = [_clean_line(c) for c in cells]
            if table is None:
                table = Table(rows=[], source=number)
                blocks.append(table)
            table.rows.append(cells)
            continue
        if not stripped:
            gap = True
            continue
        # A blank line between two table rows does not end the table; text does.
        table = None
        line = stripped
        if markdown:
            line = _MD_ESCAPE.sub(r"\1", _MD_HEADING.sub("", line))
        cleaned = _clean_line(line)
        if not cleaned or re.fullmatch(r"[_\-=*. ]{3,}", cleaned):
            gap = True
            continue
        blocks.append(Line(cleaned, gap=gap, source=number))
        gap = False
    for block in blocks:
        if isinstance(block, Table):
            _pad(block)
    return normalise_blocks(blocks)


def _looks_like_markdown(lines: list[str]) -> bool:
    """A Markdown copy pasted as plain text: a pipe table's "|---|---|" rule, or two "# " headings."""
    headings = 0
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 3 and _PIPE_SEPARATOR.match(stripped):
            return True
        if _MD_HEADING.match(stripped):
            headings += 1
            if headings >= 2:
                return True
    return False


def _merge_continuation_rows(table: Table) -> None:
    """Join a row that only continues the previous one (a page break inside a cell).

    Such a row has an empty first cell and its first text starts in lower case,
    like ``"\t<i>ma-két</i>) đảm bảo …"`` after ``"1\tTổ chức in ấn (… lên"``.
    """
    merged: list[list[str]] = []
    for row in table.rows:
        texts = [c for c in row if c.strip()]
        # Also a row under a numbered row ("108.") whose number cell is empty: the rest of that row's
        # cells after a page break ("(5) Ứng dụng …", "Kết quả xét nghiệm; …").
        after_numbered = bool(merged) and re.fullmatch(r"\d{1,3}[.)]?", strip_inline(merged[-1][0]).strip()) is not None
        if (
            merged
            and row
            and not row[0].strip()
            and texts
            and (_starts_lower(texts[0]) or after_numbered)
        ):
            previous = merged[-1]
            for i, cell in enumerate(row):
                if cell.strip() and i < len(previous):
                    previous[i] = _join_text(previous[i], cell) if previous[i] else cell
            continue
        merged.append(row)
    table.rows = merged


def _pad(table: Table) -> None:
    width = table.width
    for row in table.rows:
        row.extend([""] * (width - len(row)))
    _merge_continuation_rows(table)


# ---------------------------------------------------------------- entry point


def read_document(path: Path) -> list[Block]:
    """Read ``path`` according to its suffix (.docx, .txt, .md)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docx_reader import read_docx

        return read_docx(path)
    if suffix in (".txt", ".md", ".markdown"):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1258", errors="replace")
        return read_text(text, markdown=suffix != ".txt")
    if suffix == ".doc":
        raise UnsupportedFormat(
            f"Không đọc được tệp .doc (Word 97-2003): {path.name}. Hãy mở bằng Word và lưu lại dưới dạng .docx."
        )
    raise UnsupportedFormat(f"Không hỗ trợ định dạng «{suffix or path.name}». Chỉ nhận .docx, .txt hoặc .md.")
