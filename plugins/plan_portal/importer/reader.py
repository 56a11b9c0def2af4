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
does.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from plan_portal.core.text import fold, squash_spaces

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
_TAGS = re.compile(r"<\s*(/?)\s*(\w+)[^>]*>")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TERMINAL = re.compile(r"[.:;!?…]$|\./\.$")
_LIST_START = re.compile(
    r"^(?:[-–—+•·▪●○◦]\s*|\*\s+|(?:[IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*)\.\s|\d+\)\s|[a-zđ]\)\s|\(\d+\)\s|Điều\s+\d+)"
)
_LABEL_AGENCY_FIELD = re.compile(
    r"^[-–+•]?\s*(?:đơn vị|cơ quan)\s+(?:thực hiện|chủ trì|phối hợp)[^:]*:|^[-–+•]?\s*(?:chủ trì|phối hợp)\s*:",
    re.IGNORECASE,
)


def strip_inline(text: str) -> str:
    """Remove inline Markdown markers (``**``, ``*``, ``__``) and squash spaces."""
    return squash_spaces(_INLINE.sub("", text))


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
    text = re.sub(r"\*\*\s+([^*]+?)\s+\*\*", r"**\1**", text)
    return text.strip()


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
            line = _MD_HEADING.sub("", line)
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


def _merge_continuation_rows(table: Table) -> None:
    """Join a row that only continues the previous one (a page break inside a cell).

    Such a row has an empty first cell and its first text starts in lower case,
    like ``"\t<i>ma-két</i>) đảm bảo …"`` after ``"1\tTổ chức in ấn (… lên"``.
    """
    merged: list[list[str]] = []
    for row in table.rows:
        texts = [c for c in row if c.strip()]
        if (
            merged
            and row
            and not row[0].strip()
            and texts
            and _starts_lower(texts[0])
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


# ---------------------------------------------------------------- normalisation


def _is_layout_table(table: Table, before_title: bool) -> bool:
    """A table used for page layout (header, signature) rather than data."""
    text = fold(" ".join(" ".join(r) for r in table.rows))
    if "noi nhan" in text or "cong hoa xa hoi chu nghia" in text or "doc lap - tu do" in text:
        return True
    if before_title and table.width <= 3 and len(table.rows) <= 4:
        return True
    return False


def _is_title_text(text: str) -> bool:
    compact = re.sub(r"[\s*]", "", fold(text))
    return compact in ("kehoach", "quyetdinh", "chuongtrinh", "huongdan", "thongbao", "dean", "phuongan")


def _flatten(table: Table) -> list[Line]:
    lines: list[Line] = []
    width = table.width
    for column in range(width):
        for row in table.rows:
            cell = row[column] if column < len(row) else ""
            first = True
            for raw in cell.split("\n"):
                raw = raw.strip()
                if raw and not re.fullmatch(r"[_\-=*. ]{3,}", raw):
                    lines.append(Line(raw, gap=first, source=table.source))
                    first = False
    return lines


def _ends_open(text: str) -> bool:
    """The line does not end a sentence or a clause."""
    plain = strip_inline(text).rstrip(" )”\"'")
    return bool(plain) and not _TERMINAL.search(plain)


def _lone_cell(previous: str, text: str) -> bool:
    """A row number or a date alone on its line: a table's cell given one a line, not a sentence's end."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}", text):
        return True
    return bool(re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}(?:\s*\([^)]*\))?", text)) and not re.search(
        r"(?<!\d )\b(?:ngày|số)\s*$", strip_inline(previous))  # "… ngày" / "15/3/2021" is one sentence


def _starts_lower(text: str) -> bool:
    plain = strip_inline(text)
    plain = plain.lstrip("(“\"'")
    return bool(plain) and plain[0].islower()


def _is_upper(text: str) -> bool:
    letters = [c for c in strip_inline(text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _starts_agency(text: str) -> bool:
    from .names import starts_with_agency

    return starts_with_agency(strip_inline(text))


_OPENERS = re.compile(
    r"^(?:Căn cứ|Thực hiện|Triển khai|Nơi nhận|N[oơ]i nhận|Đơn vị|Cơ quan|Thời gian|Thời hạn|Địa điểm|Thành phần|"
    r"Kính gửi|Xét đề nghị|QUYẾT ĐỊNH|\()"
)


def is_wrapped(blocks: list[Block]) -> bool:
    """Whether text lines are wrapped at a fixed width (text from a PDF or an e-mail).

    Text saved from Word has one paragraph per line: many lines are long. Wrapped text
    has no line much longer than the page width.
    """
    lengths = sorted(len(b.text) for b in blocks if isinstance(b, Line))
    if len(lengths) < 8:
        return False
    return lengths[int(len(lengths) * 0.9)] <= 110 and lengths[-1] <= 130


def normalise_blocks(blocks: list[Block], wrapped: bool | None = None) -> list[Block]:
    """Flatten layout tables and join lines broken in the middle of a sentence.

    A line is joined to the previous one when:

    * the previous line does not end a sentence or clause and this one starts with
      a lower-case letter (a line or page break from a PDF, even across a blank line);
    * the text is wrapped at a fixed width (``wrapped``; guessed when ``None``), the
      line comes after the title, right under the previous one, has no list marker,
      is not in capitals and does not open a new part ("Căn cứ", "Thời gian:", …);
    * the previous line is an agency field ("Đơn vị thực hiện: A;") and this one,
      without a marker, names another agency (the list goes on over the line break).
    """
    seen_title = False
    flat: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            if _is_layout_table(block, before_title=not seen_title):
                flat.extend(_flatten(block))
                continue
            flat.append(block)
            continue
        if _is_title_text(block.text) or fold(strip_inline(block.text)).startswith("ke hoach "):
            seen_title = True
        flat.append(block)
    if wrapped is None:
        wrapped = is_wrapped(flat)

    out: list[Block] = []
    after_title = False
    for block in flat:
        previous = out[-1] if out else None
        if isinstance(block, Line) and isinstance(previous, Line):
            prev_text = previous.text
            this = block.text
            plain = strip_inline(this)
            has_marker = bool(_LIST_START.match(plain))
            join = False
            if not has_marker and _ends_open(prev_text) and _starts_lower(this) and not _is_upper(prev_text):
                join = True
            elif re.match(r"^[-–]\s*Thương binh và Xã hội", plain) and strip_inline(prev_text).rstrip().endswith("Lao động"):
                join = True  # "Sở Lao động" / "- Thương binh và Xã hội": a name broken at its dash
            elif re.fullmatch(r"Số\s*:?", strip_inline(prev_text).strip()) and re.match(r"\d", plain):
                join = True  # "Số:" / "1782/QĐ-UBND"
            elif (not has_marker and re.match(r"\d", plain) and _ends_open(prev_text) and not _is_upper(prev_text)
                  and not _lone_cell(prev_text, plain)):
                join = True  # "Căn cứ Quyết định số" / "112/QĐ-TTg ngày …", "…, ngày" / "29 tháng 4 năm 2021"
            elif not block.gap and _caps_fragment(prev_text, this):
                join = True
            elif (
                len(strip_inline(prev_text).split()) == 1
                and strip_inline(prev_text)[:1].isupper()
                and re.match(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+,\s*ngày\b", plain)
            ):
                join = True  # "Hà" / "Nội, ngày 12 tháng 01"
            elif (
                wrapped
                and after_title
                and not block.gap
                and not has_marker
                and not _is_upper(this)
                and not _is_upper(prev_text)
                and _ends_open(prev_text)
                and not strip_inline(prev_text).endswith(":")
                and not _OPENERS.match(plain)
                and not _looks_like_name(this)
            ):
                join = True
            elif (
                not has_marker
                and _LABEL_AGENCY_FIELD.match(strip_inline(prev_text))
                and strip_inline(prev_text).rstrip().endswith((";", ","))
                and _starts_agency(this)
                and ":" not in plain[:40]
            ):
                join = True
            if join:
                previous.text = _join_text(prev_text, this)
                continue
        if isinstance(block, Line) and (_is_title_text(block.text) or fold(block.plain).startswith("ke hoach ")):
            after_title = True
        out.append(block)
    return out


_CAPS_CONNECTORS = {"VÀ", "NHÂN", "CHÍNH", "PHÁT", "TRIỂN", "CỦA", "VỀ", "CÁC", "CHO", "TRÊN", "TẠI", "HÀNH", "THỰC",
                    "XÃ", "HỘI", "CHỦ", "BAN", "CHẤP", "HỒ"}


def _caps_fragment(previous: str, this: str) -> bool:
    """Two lines in capitals that are one name or title broken by a narrow cell.

    "THỦ TƯỚNG CHÍNH" / "PHỦ", "ỦY BAN NHÂN" / "DÂN", "BỘ NÔNG NGHIỆP" / "VÀ PHÁT TRIỂN NÔNG
    THÔN", "BAN" / "HÀNH KẾ HOẠCH …": one side is a single word, the first ends on a word that
    cannot end a name, or the second starts with "VÀ". A document type line ("QUYẾT ĐỊNH") is
    never joined.
    """
    a, b = strip_inline(previous).strip(), strip_inline(this).strip()
    if not (_is_upper(a) and _is_upper(b)) or _is_title_text(a) or _is_title_text(b):
        return False
    if fold(b).startswith(("cong hoa", "doc lap", "dang cong san")) or fold(a).startswith("doc lap"):
        return False
    if a.endswith((":", ".", ";")) or re.match(r"^(?:KT|TM|TL|TUQ|T/M|K/T)\b", b) or re.search(r"\d", a[:3]):
        return False
    wa, wb = a.split(), b.split()
    return len(wa) == 1 or len(wb) == 1 or wa[-1] in _CAPS_CONNECTORS or wb[0] == "VÀ"


def _looks_like_name(text: str) -> bool:
    """A person's name on its own line (the signer), which must not be joined."""
    words = strip_inline(text).split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"\d", text)


def _join_text(first: str, second: str) -> str:
    first = first.rstrip()
    second = second.lstrip()
    # Close and reopen emphasis across the break: "*a*" + "*b*" -> "*a b*".
    if first.endswith("*") and second.startswith("*") and not first.endswith("**") and not second.startswith("**"):
        return first[:-1] + " " + second[1:]
    return f"{first} {second}"
