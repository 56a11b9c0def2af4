"""Normalising a read document: layout tables (header, signature) flattened into lines, and lines
broken in the middle of a sentence (text copied from a PDF, narrow Word cells) joined again.

Moved unchanged out of :mod:`.reader` (issue 14: no source file over about 400 lines); still
importable from :mod:`plan_portal.importer.reader`.
"""

from __future__ import annotations

import re

from plan_portal.core.text import fold

from .blocks import Block, Line, Table, _join_text, _starts_lower, strip_inline

_TERMINAL = re.compile(r"[.:;!?…]$|\./\.$")
_LIST_START = re.compile(
    r"^(?:[-–—+•·▪●○◦]\s*|\*\s+|(?:[IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*)\.\s|\d+\)\s|[a-zđ]\)\s|\(\d+\)\s|Điều\s+\d+)"
)
_LABEL_AGENCY_FIELD = re.compile(
    r"^[-–+•]?\s*(?:đơn vị|cơ quan)\s+(?:thực hiện|chủ trì|phối hợp)[^:]*:|^[-–+•]?\s*(?:chủ trì|phối hợp)\s*:",
    re.IGNORECASE,
)


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
