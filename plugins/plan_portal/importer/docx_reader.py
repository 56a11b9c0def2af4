"""Read a Word document (.docx) into blocks: paragraphs with their numbering, and tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .reader import Block, Line, Table, _clean_line, _pad, normalise_blocks

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Numbering:
    """Renders Word's automatic numbering ("I.", "1.", "a)", bullets) as text.

    Word keeps the numbers of numbered paragraphs out of the text; plans number
    their sections this way, so without it "I. MỤC ĐÍCH" would read "MỤC ĐÍCH".
    """

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # no numbering part
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in numbering.findall(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in node.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "%1.",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in numbering.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val"), {}).items():
                self.formats[(num.get(f"{_W}numId"), ilvl)] = spec

    def label(self, paragraph: Any) -> str | None:
        """The rendered number or bullet of ``paragraph``, or ``None`` if it is not numbered."""
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        style = getattr(paragraph, "style", None)
        while num_pr is None and style is not None:
            # "List Bullet", "List Number" and heading styles carry their numbering in the style.
            style_ppr = style.element.pPr
            num_pr = style_ppr.numPr if style_ppr is not None else None
            style = style.base_style
        if num_pr is None:
            return None
        num_id = num_pr.numId.val if num_pr.numId is not None else None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if num_id is None or str(num_id) == "0":
            return None
        spec = self.formats.get((str(num_id), ilvl))
        if spec is None:
            return "-"
        fmt, text, start = spec
        if fmt == "bullet" or fmt == "none":
            return "-" if fmt == "bullet" else None
        counters = self.counters.setdefault(str(num_id), [0] * 9)
        if counters[ilvl] == 0:
            counters[ilvl] = start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def render(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = counters[level] or 1
            level_fmt = self.formats.get((str(num_id), level), (fmt, "", 1))[0]
            return _format_number(value, level_fmt)

        return re.sub(r"%(\d)", render, text).strip()


def _format_number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperLetter":
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(value - 1) % 26]
    if fmt == "lowerLetter":
        return "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
    return str(value)


def _roman(value: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for number, letters in numerals:
        while value >= number:
            out += letters
            value -= number
    return out


def _runs_markdown(paragraph: Any) -> str:
    """Paragraph text with bold and italic runs wrapped in Markdown markers."""
    parts: list[str] = []
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        bold = bool(run.bold)
        italic = bool(run.italic)
        if not text.strip():
            parts.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        core = text.strip()
        # Markers per line, so soft line breaks do not leave one open.
        pieces = core.split("\n")
        wrapped = []
        for piece in pieces:
            if piece.strip():
                if italic:
                    piece = f"*{piece}*"
                if bold:
                    piece = f"**{piece}**"
            wrapped.append(piece)
        parts.append(lead + "\n".join(wrapped) + trail)
    text = "".join(parts)
    if not paragraph.runs:
        text = paragraph.text
    # Adjacent runs with the same emphasis: "**a****b**" -> "**ab**".
    text = text.replace("****", "").replace("**  **", " ")
    return text


def read_docx(path: Path) -> list[Block]:
    """Read a Word document: body paragraphs and tables in document order."""
    import docx  # python-docx
    from docx.table import Table as DocxTable
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    numbering = _Numbering(document)
    blocks: list[Block] = []
    index = 0
    for item in document.iter_inner_content():
        index += 1
        if isinstance(item, Paragraph):
            text = _runs_markdown(item)
            label = numbering.label(item)
            lines = text.split("\n")
            first = True
            for raw in lines:
                cleaned = _clean_line(raw)
                if first and label and cleaned:
                    cleaned = f"{label} {cleaned}"
                if cleaned and not re.fullmatch(r"[_\-=*. ]{3,}", cleaned):
                    blocks.append(Line(cleaned, gap=first, source=index))
                    first = False
        elif isinstance(item, DocxTable):
            rows: list[list[str]] = []
            for tr in item._tbl.tr_lst:
                cells: list[str] = []
                for tc in tr.tc_lst:
                    if tc.vMerge == "continue":
                        text = ""
                    else:
                        cell = _Cell(tc, item)
                        texts = []
                        for p in cell.paragraphs:
                            label = numbering.label(p)
                            t = _runs_markdown(p)
                            for raw in t.split("\n"):
                                cleaned = _clean_line(raw)
                                if cleaned:
                                    texts.append(f"{label} {cleaned}" if label and not texts else cleaned)
                                    label = None
                        text = "\n".join(texts)
                    cells.append(text)
                    cells.extend([""] * (max(tc.grid_span, 1) - 1))
                rows.append(cells)
            table = Table(rows=rows, source=index)
            _pad(table)
            blocks.append(table)
    # Word paragraphs are real paragraphs; line breaks inside one are deliberate.
    return normalise_blocks(blocks, wrapped=False)
