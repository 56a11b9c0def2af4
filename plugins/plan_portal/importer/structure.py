"""The outline of a plan: numbered items, their ranks and the tree they form.

Vietnamese administrative documents number their parts in a fixed order of
kinds — "Điều 1." (articles), "A." (parts), "I." (sections), "1.", "1.1.",
"1.1.1.", "a)", "(1)" and bullets "-", "+". :func:`parse_items` turns the reader's
blocks into :class:`Item` objects with their kind and rank, and links each item to
its parent (the nearest earlier item of a lower rank).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plan_portal.core.text import fold, squash_spaces

from .reader import Block, Line, Table, strip_inline

__all__ = ["Item", "parse_items", "is_upper", "title_kind", "TITLE_KINDS"]

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*(.*)$")),
    ("step", re.compile(r"^(Bước\s+\d+)\s*[.:]\s*(.*)$")),
    # "I. MỤC ĐÍCH" and the Party form "I- QUAN ĐIỂM CHỈ ĐẠO" (a heading in capitals after the dash)
    ("roman", re.compile(rf"^({_ROMAN})\s*(?:\.\s+|[-–]\s*(?=\S))(.*)$")),
    ("letter", re.compile(r"^([A-ZĐ])\s*\.\s+(.*)$")),
    ("multi", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(.*)$")),
    ("num", re.compile(r"^(\d{1,2})\s*\.(?:\s+|(?=[^\d\s.]))(.*)$")),
    ("numparen", re.compile(r"^(\d{1,2})\)\s*(.*)$")),
    ("alpha", re.compile(r"^([a-zđ])\)\s*(.*)$")),
    ("paren", re.compile(r"^\((\d{1,2}|[a-zđ])\)\s*(.*)$")),
    ("bullet", re.compile(r"^([-–—+•·▪●○◦])\s*(.*)$")),
    ("star", re.compile(r"^(\*)\s+(.*)$")),
]
_BASE_RANK = {"article": 0, "letter": 1, "roman": 2, "step": 3, "num": 3, "multi": 4, "numparen": 6, "alpha": 6, "paren": 7}
PARA_RANK = 9

TITLE_KINDS = {
    "kehoach": "Kế hoạch",
    "quyetdinh": "Quyết định",
    "chuongtrinh": "Chương trình",
    "huongdan": "Hướng dẫn",
    "thongbao": "Thông báo",
    "dean": "Đề án",
    "phuongan": "Phương án",
    "kichban": "Kịch bản",
    "chithi": "Chỉ thị",
    "nghiquyet": "Nghị quyết",
}


def is_upper(text: str) -> bool:
    """All letters are capitals (and there are some)."""
    letters = [c for c in strip_inline(text) if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def title_kind(text: str, loose: bool = False) -> tuple[str, str] | None:
    """``("Kế hoạch", rest)`` when ``text`` is a document title line ("KẾ HOẠCH", "K Ế H O Ạ C H").

    ``rest`` is what follows on the same line ("KẾ HOẠCH Tổ chức …" → "Tổ chức …"). With
    ``loose``, a title run together with its summary in capitals counts too ("KẾ HOẠCH TỔ
    CHỨC KỶ NIỆM …", as a web page republishes a plan).
    """
    plain = strip_inline(text)
    compact = re.sub(r"[\s*:]", "", fold(plain))
    if compact in TITLE_KINDS and is_upper(plain):
        return TITLE_KINDS[compact], ""
    if is_upper(plain) and re.fullmatch(r"CHƯƠNG\s*TRÌNH\s+HÀNH\s+ĐỘNG(?:\s+CỦA\s+[^,.;:]{2,60})?", plain.strip()):
        return "Chương trình", ""  # "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", attached to a resolution
    match = re.match(r"^(KẾ\s*HOẠCH|QUYẾT\s*ĐỊNH|CHƯƠNG\s*TRÌNH|HƯỚNG\s*DẪN|ĐỀ\s*ÁN|PHƯƠNG\s*ÁN|CHỈ\s*THỊ)\s+(.+)$",
                     plain)
    if match and (loose and is_upper(plain) or not is_upper(match.group(2)) and match.group(2)[:1].isupper()):
        return TITLE_KINDS[re.sub(r"\s", "", fold(match.group(1)))], match.group(2)
    return None


@dataclass
class Item:
    """One line or table of the document, with its outline marker.

    Attributes:
        index: Position in the document.
        text: The whole line with inline Markdown.
        kind: Marker kind ("roman", "num", "multi", "alpha", "paren", "bullet", …) or ``None``.
        marker: The marker as written ("I.", "1.1.", "-", "a)").
        body: The text after the marker, inline Markdown kept.
        rank: Outline rank (lower is higher up); paragraphs and tables rank with bullets.
        gap: A paragraph boundary comes before it.
        table: The table, for a table item.
        parent: Index of the parent item, or ``None`` at the top.
    """

    index: int
    text: str = ""
    kind: str | None = None
    marker: str = ""
    body: str = ""
    rank: int = PARA_RANK
    gap: bool = True
    table: Table | None = None
    parent: int | None = None
    children: list[int] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return strip_inline(self.text)

    @property
    def body_plain(self) -> str:
        return strip_inline(self.body)

    @property
    def numbered(self) -> bool:
        return self.kind in _BASE_RANK

    @property
    def is_bullet(self) -> bool:
        return self.kind in ("bullet", "star")


def _split_marker(text: str) -> tuple[str | None, str, str, int]:
    """Kind, marker, body (inline Markdown kept) and multi-level depth of a line."""
    plain = strip_inline(text)
    lead = re.match(r"^(\**)\s*", text).group(1)  # "**I. MỤC ĐÍCH**": markers inside bold
    for kind, regex in _MARKERS:
        match = regex.match(plain)
        if not match:
            continue
        marker = match.group(1)
        if kind == "roman" and (not marker or plain[len(marker):].lstrip()[:1] in "-–" and not is_upper(match.group(2))):
            continue
        if kind == "letter" and marker in "IVX":
            continue
        if kind == "star" and text.startswith("**"):
            continue
        if kind == "num" and not match.group(2):
            continue
        if kind in ("bullet", "star") and marker in "-–—" and re.match(r"^[-–—]\s*\d", plain) and " " not in plain[:3]:
            continue
        # Remove the marker from the inline text, keeping any emphasis that wraps it.
        raw = text[len(lead):].lstrip()
        pos = _marker_end(raw, marker, kind)
        body = (lead + raw[pos:].lstrip()) if pos is not None else match.group(2)
        body = re.sub(r"^\*\*\s*\*\*", "", body).strip()
        depth = marker.count(".") + 1 if kind == "multi" else 1
        shown = {"roman": f"{marker}.", "letter": f"{marker}.", "num": f"{marker}.", "multi": f"{marker}.",
                 "alpha": f"{marker})", "numparen": f"{marker})", "paren": f"({marker})"}.get(kind, marker)
        return kind, shown, body, depth
    return None, "", text, 1


def _marker_end(raw: str, marker: str, kind: str) -> int | None:
    """Where the marker ends in ``raw`` (the inline text), tolerating emphasis markers inside."""
    if kind == "paren":
        pattern = r"\(\s*" + re.escape(marker) + r"\s*\)"
    elif kind in ("alpha", "numparen"):
        pattern = re.escape(marker) + r"\)"
    elif kind == "article":
        pattern = re.escape(marker) + r"\s*[.:]?"
    elif kind in ("bullet", "star"):
        pattern = re.escape(marker)
    elif kind == "roman":
        pattern = re.escape(marker) + r"\s*[.\-–]?"  # "I." and the Party form "I-"
    else:
        pattern = re.escape(marker) + r"\s*\.?"
    match = re.match(r"(?:\*+\s*)?" + pattern + r"(?:\s*\*\*(?=\s))?", raw)
    return match.end() if match else None


def parse_items(blocks: list[Block]) -> list[Item]:
    """Turn blocks into items and link every item to its parent."""
    items: list[Item] = []
    bullet_levels: list[str] = []
    for block in blocks:
        index = len(items)
        if isinstance(block, Table):
            items.append(Item(index=index, text="", table=block, rank=PARA_RANK, gap=True))
            continue
        assert isinstance(block, Line)
        kind, marker, body, depth = _split_marker(block.text)
        rank = PARA_RANK
        if kind in _BASE_RANK:
            rank = _BASE_RANK[kind] + (depth - 2 if kind == "multi" else 0)
        elif kind in ("bullet", "star"):
            symbol = "-" if marker in "-–—" else marker
            if symbol not in bullet_levels:
                bullet_levels.append(symbol)
            rank = PARA_RANK + bullet_levels.index(symbol)
            marker = symbol
        items.append(Item(index=index, text=block.text, kind=kind, marker=marker, body=body, rank=rank, gap=block.gap))
    link(items)
    return items


def link(items: list[Item], start: int = 0, end: int | None = None) -> None:
    """Set ``parent`` and ``children`` of ``items[start:end]`` from the ranks (a numbered item owns what follows it)."""
    stack: list[Item] = []
    for item in items[start:end]:
        item.children = []
        while stack and stack[-1].rank >= item.rank:
            stack.pop()
        # Paragraphs and bullets never own numbered items; a paragraph does not own bullets.
        item.parent = stack[-1].index if stack else None
        if item.parent is not None:
            items[item.parent].children.append(item.index)
        if item.numbered or item.is_bullet:
            stack.append(item)


def descendants(items: list[Item], index: int) -> list[int]:
    """All items under ``index``, in document order."""
    out: list[int] = []
    for child in items[index].children:
        out.append(child)
        out.extend(descendants(items, child))
    return out


def ancestors(items: list[Item], index: int) -> list[Item]:
    """The chain of parents of ``index``, nearest first."""
    out = []
    parent = items[index].parent
    while parent is not None:
        out.append(items[parent])
        parent = items[parent].parent
    return out


def clean_title(text: str) -> str:
    """A task or event title from a line: no emphasis, no trailing punctuation."""
    text = squash_spaces(strip_inline(text))
    text = re.sub(r"\s*(?:\./\.|/\.)$", "", text)
    return text.strip(" ;,.:-–")
