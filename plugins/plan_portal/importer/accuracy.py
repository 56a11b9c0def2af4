"""Measure the importer against hand-written expected records.

Used by ``scripts/import_accuracy.py`` and the importer's tests. Also builds a Word
document from a plan's text (paragraphs, bold and italic runs, real Word tables for
Tab-separated rows) so the .docx path can be measured on the same seeds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plan_portal.core.text import fold, squash_spaces

from .dates import exact_date
from .names import name_key

__all__ = ["CORPUS_FIELDS", "FIELDS", "SeedScore", "compare", "corpus_table", "due_key", "lead_key", "text_to_docx"]

FIELDS = ("number", "issued", "place", "issuer", "summary", "signer", "basis", "recipients", "events", "task_count")


def lead_key(value: Any) -> tuple[str, ...]:
    """A lead (one name or a list) as a sorted tuple of comparison keys."""
    if value is None:
        return ()
    names = [value] if isinstance(value, str) else list(value)
    return tuple(sorted(name_key(n) for n in names if n))


def due_key(value: Any) -> str:
    """A deadline's wording, compared without case, diacritics or spacing around "/" and "-"."""
    if value is None:
        return ""
    iso = exact_date(squash_spaces(str(value)).strip(" ."))
    if iso:
        return iso  # "21/01/2021" and the record's date 2021-01-21 are one deadline
    text = fold(squash_spaces(str(value)))
    text = re.sub(r"\s*([/\-–,])\s*", r"\1", text).replace("–", "-")
    return text.strip(" .")


def _text_key(value: Any) -> str:
    return squash_spaces(fold(str(value))).strip(" .") if value is not None else ""


def _signer_key(value: Any) -> tuple[str, str, str]:
    value = value or {}
    return (_text_key(value.get("authority")), _text_key(value.get("title")), _text_key(value.get("name")))


def _events_key(events: list[dict[str, Any]]) -> Counter[tuple[str, Any]]:
    return Counter((str(e.get("start", "")), e.get("attendees")) for e in events or [])


@dataclass
class SeedScore:
    """How one imported record compares with its expected record."""

    name: str
    fields: dict[str, bool] = field(default_factory=dict)
    expected_tasks: int = 0
    found_tasks: int = 0
    lead_hits: int = 0
    due_expected: int = 0
    due_hits: int = 0
    pair_hits: int = 0
    missing: list[tuple[Any, Any]] = field(default_factory=list)
    extra: list[tuple[Any, Any]] = field(default_factory=list)

    @property
    def lead_recall(self) -> float:
        return self.lead_hits / self.expected_tasks if self.expected_tasks else 1.0

    @property
    def due_recall(self) -> float:
        return self.due_hits / self.due_expected if self.due_expected else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pair_hits / self.expected_tasks if self.expected_tasks else 1.0


    @property
    def count_score(self) -> float:
        """1.0 when the task counts agree, less the further they are apart (0 found of 5 is 0)."""
        high = max(self.expected_tasks, self.found_tasks)
        return 1.0 - abs(self.expected_tasks - self.found_tasks) / high if high else 1.0


def _multiset_hits(expected: list[Any], found: list[Any]) -> int:
    return sum((Counter(expected) & Counter(found)).values())


def compare(name: str, record: dict[str, Any], expected: dict[str, Any]) -> SeedScore:
    """Per-field exact comparison and task-level recall."""
    score = SeedScore(name)
    f = score.fields
    f["number"] = _text_key(record.get("number")) == _text_key(expected.get("number"))
    f["issued"] = str(record.get("issued") or "") == str(expected.get("issued") or "")
    f["place"] = _text_key(record.get("place")) == _text_key(expected.get("place"))
    f["issuer"] = name_key(record.get("issuer") or "") == name_key(expected.get("issuer") or "")
    f["summary"] = _text_key(record.get("summary")) == _text_key(expected.get("summary"))
    f["signer"] = _signer_key(record.get("signer")) == _signer_key(expected.get("signer"))
    f["basis"] = Counter(_text_key(b.get("number")) for b in record.get("basis") or []) == Counter(
        _text_key(b.get("number")) for b in expected.get("basis") or []
    )
    f["recipients"] = len(record.get("recipients") or []) == len(expected.get("recipients") or [])
    f["events"] = _events_key(record.get("events") or []) == _events_key(expected.get("events") or [])
    exp_tasks = expected.get("tasks") or []
    got_tasks = record.get("tasks") or []
    f["task_count"] = len(exp_tasks) == len(got_tasks)
    score.expected_tasks = len(exp_tasks)
    score.found_tasks = len(got_tasks)
    exp_leads = [lead_key(t.get("lead")) for t in exp_tasks]
    got_leads = [lead_key(t.get("lead")) for t in got_tasks]
    score.lead_hits = _multiset_hits(exp_leads, got_leads)
    exp_dues = [due_key(t.get("due")) for t in exp_tasks if t.get("due")]
    got_dues = [due_key(t.get("due")) for t in got_tasks if t.get("due")]
    score.due_expected = len(exp_dues)
    score.due_hits = _multiset_hits(exp_dues, got_dues)
    exp_pairs = [(lead_key(t.get("lead")), due_key(t.get("due"))) for t in exp_tasks]
    got_pairs = [(lead_key(t.get("lead")), due_key(t.get("due"))) for t in got_tasks]
    score.pair_hits = _multiset_hits(exp_pairs, got_pairs)
    score.missing = sorted((Counter(exp_pairs) - Counter(got_pairs)).elements())
    score.extra = sorted((Counter(got_pairs) - Counter(exp_pairs)).elements())
    return score


# ---------------------------------------------------------------- the corpus table

CORPUS_FIELDS = ("number", "issued", "place", "issuer", "summary", "signer", "basis", "recipients", "events",
                 "tasks.count", "tasks.lead", "tasks.due")


def corpus_table(scores: list[SeedScore]) -> tuple[list[str], dict[str, float]]:
    """A Markdown table of every field per document, and the accuracy of each field over the corpus.

    Header fields count 1 per document when exactly right; ``tasks.count`` is each document's
    :attr:`SeedScore.count_score`; ``tasks.lead`` and ``tasks.due`` are matched per task over the
    whole corpus (expected tasks whose lead, expected deadlines whose wording, were found).
    """
    header = "| văn bản | " + " | ".join(CORPUS_FIELDS) + " |"
    lines = [header, "|" + " --- |" * (len(CORPUS_FIELDS) + 1)]
    for s in scores:
        cells = ["✓" if s.fields[name] else "✗" for name in CORPUS_FIELDS[:9]]
        cells.append(f"{s.found_tasks}/{s.expected_tasks}")
        cells.append(f"{s.lead_hits}/{s.expected_tasks}" if s.expected_tasks else "–")
        cells.append(f"{s.due_hits}/{s.due_expected}" if s.due_expected else "–")
        lines.append(f"| {s.name} | " + " | ".join(cells) + " |")
    n = len(scores) or 1
    accuracy = {name: sum(s.fields[name] for s in scores) / n for name in CORPUS_FIELDS[:9]}
    accuracy["tasks.count"] = sum(s.count_score for s in scores) / n
    tasks = sum(s.expected_tasks for s in scores)
    dues = sum(s.due_expected for s in scores)
    accuracy["tasks.lead"] = sum(s.lead_hits for s in scores) / tasks if tasks else 1.0
    accuracy["tasks.due"] = sum(s.due_hits for s in scores) / dues if dues else 1.0
    lines.append("| **độ chính xác** | " + " | ".join(f"{accuracy[name]:.2f}" for name in CORPUS_FIELDS) + " |")
    return lines, accuracy


# ---------------------------------------------------------------- a Word document from text

_RUN = re.compile(r"(\*\*|<i>|</i>|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")


def _add_runs(paragraph: Any, text: str, state: dict[str, bool]) -> None:
    """Add ``text`` to a python-docx paragraph, turning ``**``, ``*`` and ``<i>`` into bold/italic runs."""
    for piece in _RUN.split(text):
        if piece == "**":
            state["bold"] = not state["bold"]
        elif piece in ("<i>",):
            state["italic"] = True
        elif piece == "</i>":
            state["italic"] = False
        elif piece == "*":
            state["italic"] = not state["italic"]
        elif piece:
            run = paragraph.add_run(piece)
            run.bold = state["bold"] or None
            run.italic = state["italic"] or None


def text_to_docx(text: str, path: Path) -> Path:
    """Write ``text`` as a Word document: one paragraph per line, Tab-separated rows as a real table."""
    import docx

    document = docx.Document()
    lines = text.replace("\r\n", "\n").split("\n")
    state = {"bold": False, "italic": False}
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line and line.strip():
            rows: list[list[str]] = []
            while i < len(lines) and ("\t" in lines[i] or not lines[i].strip()):
                if lines[i].strip():
                    rows.append(lines[i].rstrip("\n").split("\t"))
                i += 1
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c in range(width):
                    cell = table.cell(r, c)
                    paragraph = cell.paragraphs[0]
                    _add_runs(paragraph, row[c] if c < len(row) else "", {"bold": False, "italic": False})
            continue
        if line.strip():
            paragraph = document.add_paragraph()
            _add_runs(paragraph, line.strip(), state)
        i += 1
    document.save(str(path))
    return path
