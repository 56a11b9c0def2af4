"""Render the body of a plan as clean Markdown.

* Headings come from the document's own numbering: the kinds of marker it uses
  ("A.", "I.", "1.", "1.1.") become heading levels 2 to 6 in that order (I. → ##,
  1. → ###), without gaps, and the number stays in the heading text ("## I. MỤC ĐÍCH,
  YÊU CẦU"). Equal items get equal levels: siblings of one kind are all headings, or,
  when most of them are whole sentences (a full stop at the end, or long), all numbered
  paragraphs, their number escaped so Markdown does not renumber it.
* Lettered items ("a)", "(1)", "1)") and bullets ("-", "+", "•") become lists, nested
  under one another as in the document.
* Tables become pipe tables; cells with several lines use ``<br>``.
* Bold and italic from the source are kept.
"""

from __future__ import annotations

import re

from .structure import Item

__all__ = ["render_body", "render_table", "is_heading"]

_MAX_HEADING_TEXT = 160


def is_heading(item: Item) -> bool:
    """Whether a numbered item reads as a heading rather than a numbered paragraph."""
    if not item.numbered:
        return False
    if item.kind in ("letter", "roman"):
        return True
    text = item.body_plain.rstrip()
    if not text or len(text) > _MAX_HEADING_TEXT:
        return False
    if re.search(r"[.;,]$", text) and not text.endswith("..."):
        return False
    if ": " in text and len(text.split(": ", 1)[1]) > 3:
        return False  # "Thời gian: 07 giờ 30 phút …" is content, not a heading
    return True


def _escape(text: str) -> str:
    """Escape what would change the meaning of plain text in Markdown (raw HTML, line-start markers)."""
    text = text.replace("<", "&lt;").replace(">", "&gt;") if re.search(r"<[A-Za-z/!]", text) else text
    text = re.sub(r"^([#>])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", text)
    text = re.sub(r"^([-+*])(\s)", r"\\\1\2", text)
    return text


def _heading_text(item: Item) -> str:
    body = item.body.strip()
    # The heading is bold already: drop emphasis that wraps the whole text.
    if body.startswith("**") and body.endswith("**") and body.count("**") == 2:
        body = body[2:-2].strip()
    body = re.sub(r"\s*:\s*$", "", body)
    return f"{item.marker} {_escape(body)}".strip()


def render_table(rows: list[list[str]]) -> str:
    """A pipe table; the first row is the header."""
    if not rows:
        return ""
    width = max(len(r) for r in rows)

    def cell(text: str) -> str:
        text = text.replace("|", "\\|")
        text = "<br>".join(part.strip() for part in text.split("\n") if part.strip())
        if re.search(r"<(?!br>)[A-Za-z/!]", text):
            text = re.sub(r"<(?!br>)", "&lt;", text)
        return text or " "

    lines = []
    for r, row in enumerate(rows):
        padded = list(row) + [""] * (width - len(row))
        lines.append("| " + " | ".join(cell(c) for c in padded) + " |")
        if r == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


_HEADING_KINDS = ("letter", "roman", "num", "multi")
_LIST_KINDS = ("alpha", "paren", "numparen")


def _heading_items(chosen: list[Item]) -> set[int]:
    """Indexes of the items shown as headings: whole sibling groups, decided by their majority."""
    groups: dict[tuple[int | None, int], list[Item]] = {}
    for it in chosen:
        if it.table is None and it.numbered and it.kind in _HEADING_KINDS:
            groups.setdefault((it.parent, it.rank), []).append(it)
    out: set[int] = set()
    for members in groups.values():
        if sum(is_heading(it) for it in members) * 2 >= len(members):
            out.update(it.index for it in members)
    return out


def _list_depth(items: list[Item], it: Item) -> int:
    """How deep a list item sits: the list items (lettered or bulleted) above it up to a heading."""
    depth = 0
    parent = it.parent
    while parent is not None:
        above = items[parent]
        if not (above.is_bullet or above.kind in _LIST_KINDS):
            break
        depth += 1
        parent = above.parent
    return depth


def render_body(items: list[Item], ranges: list[tuple[int, int, str | None]]) -> str:
    """Markdown for the items in ``ranges`` (``(start, end, heading_line)``), in order."""
    chosen = [it for start, end, _ in ranges for it in items[start:end]]
    headings = _heading_items(chosen)
    # A heading sits one level under the nearest heading above it in the outline (I. → ##, 1. → ###,
    # 1.1. → ####): no level is skipped when a numbered paragraph between them is not a heading
    # ("II. …" / "2. <a long paragraph>" / "2.1. …" gives ## then ###), and siblings share a level.
    base = 3 if any(heading for _, _, heading in ranges) else 2
    levels: dict[int, int] = {}
    for it in chosen:
        if it.index in headings:
            parent = it.parent
            while parent is not None and parent not in headings:
                parent = items[parent].parent
            levels[it.index] = min(levels.get(parent, base - 1) + 1, 6) if parent is not None else base
    out: list[str] = []
    for start, end, heading in ranges:
        if heading:
            if out:
                out.append("---")
            out.append(heading)
        list_open = False
        for it in items[start:end]:
            if it.table is not None:
                out.append(render_table(it.table.rows))
                list_open = False
                continue
            if not it.plain.strip():
                continue
            if it.is_bullet or it.kind in _LIST_KINDS:
                depth = _list_depth(items, it)
                marker = it.marker if it.marker.endswith(")") else (
                    f"({it.marker})" if it.kind == "paren" else f"{it.marker})")
                label = "" if it.is_bullet else marker + " "
                line = "    " * depth + "- " + label + _escape(it.body)
                if list_open:
                    out[-1] += "\n" + line
                else:
                    out.append(line)
                list_open = True
                continue
            list_open = False
            if it.index in headings:
                out.append("#" * levels.get(it.index, 6) + " " + _heading_text(it))
            elif it.kind == "article":
                out.append(f"**{it.marker}.** {it.body}".strip())
            elif it.kind == "step":
                out.append(f"**{it.marker}:** {it.body}".strip())
            elif it.numbered:
                marker = it.marker
                if re.fullmatch(r"\d+[.)]", marker):
                    marker = marker[:-1] + "\\" + marker[-1]
                out.append(f"{marker} {it.body}".strip())
            else:
                out.append(_escape(it.text))
    text = "\n\n".join(block for block in out if block.strip())
    return _tidy(text) + "\n"


def _tidy(text: str) -> str:
    """Unbalanced emphasis markers left by a broken source line are dropped."""
    fixed = []
    for block in text.split("\n"):
        if block.count("**") % 2:
            block = block.replace("**", "")
        fixed.append(block)
    return "\n".join(fixed)
