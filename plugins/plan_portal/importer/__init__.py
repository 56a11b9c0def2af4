"""Import an existing plan (.docx, .txt, .md) into a portal plan file.

>>> from plan_portal.importer import import_text
>>> result = import_text("Số: 12/KH-UBND\\nSơn La, ngày 5 tháng 1 năm 2024\\nKẾ HOẠCH\\nTổ chức hội nghị")
>>> result.record["number"], result.record["issued"], result.record["place"]
('12/KH-UBND', '2024-01-05', 'Sơn La')

The public API:

* :func:`import_document` / :func:`import_text` → :class:`ImportResult`;
* :attr:`ImportResult.record` — the front matter of issue 2 (``doc_type``, ``number``,
  ``issued``, ``place``, ``issuer``, ``summary``, ``signer``, ``basis``, ``recipients``,
  ``tasks``, ``events``); exact dates are ISO strings, other dates keep the
  document's wording;
* :attr:`ImportResult.body` — the full text as Markdown;
* :attr:`ImportResult.problems` — what the importer is not sure of, in Vietnamese;
* :meth:`ImportResult.to_markdown` — the plan file with ``# TODO`` comments;
* :meth:`ImportResult.to_json_record` — the record through the portal's model
  (``Plan.model_validate`` then ``plan_record``), periods as ``{text, start, end}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plan_portal.core.text import slugify

from ..core.model import FIELD_LABELS
from .extract import Note, extract
from .markdown import render_body
from .reader import UnsupportedFormat, read_document, read_text
from .writer import render_plan

__all__ = ["ImportResult", "UnsupportedFormat", "import_document", "import_text"]

_FIELD_LABELS = FIELD_LABELS  # one vocabulary with the model and the validator


@dataclass
class ImportResult:
    """What the importer read from one document.

    Attributes:
        record: The front matter dict (issue 2's keys, in order; empty optional fields left out).
        body: The document's text as Markdown (preamble to closing line).
        problems: Report lines in Vietnamese: fields not found, tasks without lead or
            deadline, deadlines not understood, agencies not in the registry.
        notes: The same, each tied to the record path it concerns (for ``# TODO`` comments).
        source_name: The file name (or a label for text input).
    """

    record: dict[str, Any]
    body: str
    problems: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    source_name: str = ""

    @property
    def todos(self) -> list[tuple[tuple[Any, ...], str]]:
        """``(path, message)`` for every ``# TODO`` comment."""
        return [(n.path, n.message) for n in self.notes if n.todo]

    @property
    def slug(self) -> str:
        """A file name for the plan: number, year and summary ("48-kh-ubnd-2023-to-chuc-…")."""
        parts = []
        if self.record.get("number"):
            parts.append(str(self.record["number"]))
        issued = str(self.record.get("issued") or "")
        if issued[:4].isdigit():
            parts.append(issued[:4])
        if self.record.get("summary"):
            parts.append(str(self.record["summary"]))
        return slugify(" ".join(parts), max_length=70) or slugify(Path(self.source_name).stem) or "ke-hoach"

    def to_markdown(self) -> str:
        """The plan file: front matter (with ``# TODO`` comments), then the body."""
        return render_plan(self.record, self.todos, self.body)

    def to_json_record(self) -> tuple[dict[str, Any], list[str]]:
        """The record through the portal's model, and any problems the model found.

        Uses ``Plan.model_validate`` and ``plan_record`` (one serialisation, shared with
        the site's data exports). When the model rejects the record (a required field
        was not found), the record is returned with each period expanded by
        ``parse_period`` so the output keeps the same shape, and the model's complaints
        are returned as problems.
        """
        try:
            from pydantic import ValidationError

            from plan_portal.core.exports.json import plan_record
            from plan_portal.core.model import Plan
        except Exception:  # pragma: no cover - the model is part of the package
            return dict(self.record), ["Không nạp được mô hình kế hoạch; xuất bản ghi thô."]
        try:
            plan = Plan.model_validate(self.record, context={"default_year": _year(self.record)})
        except ValidationError as exc:
            problems = [
                f"Trường `{'.'.join(str(p) for p in err['loc'])}` chưa hợp lệ: {_model_message(err)}"
                for err in exc.errors()
            ]
            return _expand_periods(self.record), problems
        return plan_record(plan), []


def _model_message(error: Any) -> str:
    """The model's complaint in Vietnamese (never pydantic's English "Input should be …")."""
    try:
        from plan_portal.core.loader import _TYPE_MESSAGES
    except Exception:  # pragma: no cover
        _TYPE_MESSAGES = {}
    message = _TYPE_MESSAGES.get(str(error.get("type")))
    if message:
        return message[0]
    ctx = error.get("ctx") or {}
    if isinstance(ctx.get("error"), Exception) and str(ctx["error"]) and not str(ctx["error"]).isascii():
        return str(ctx["error"])  # the model's own (Vietnamese) message
    return "Giá trị không hợp lệ."


def _year(record: dict[str, Any]) -> int | None:
    issued = str(record.get("issued") or "")
    return int(issued[:4]) if issued[:4].isdigit() else None


def _expand_periods(record: dict[str, Any]) -> dict[str, Any]:
    """Fallback for a record the model rejects: periods as ``{text, start, end, …}`` all the same."""
    try:
        from plan_portal.core.periods import parse_period
    except Exception:  # pragma: no cover
        return dict(record)
    year = _year(record)

    def period(value: Any) -> Any:
        return parse_period(value, default_year=year).to_json() if value not in (None, "") else value

    out = dict(record)
    if out.get("issued"):
        out["issued"] = period(out["issued"])
    out["basis"] = [{**b, **({"issued": period(b["issued"])} if b.get("issued") else {})} for b in out.get("basis", [])]
    out["tasks"] = [{**t, **({"due": period(t["due"])} if t.get("due") else {})} for t in out.get("tasks", [])]
    out["events"] = [
        {**e, "start": period(e["start"]), **({"end": period(e["end"])} if e.get("end") else {})}
        for e in out.get("events", [])
    ]
    return {k: v for k, v in out.items() if v not in (None, [], {})}


# What to check first: the fields that identify the document, then who does what, then the rest.
_RANK = {"number": 0, "issued": 0, "issuer": 0, "summary": 1, "doc_type": 1, "tasks": 2, "signer": 3, "events": 4,
         "basis": 5, "place": 5, "recipients": 6}


def _problems(notes: list[Note]) -> list[str]:
    """Report lines, most important first: TODOs before remarks, then by field (see ``_RANK``).

    One line per distinct message; tasks without a deadline are not a TODO (the document
    gives none) and are counted in one line at the end.
    """
    lines: list[tuple[int, int, int, str]] = []
    no_due: list[int] = []
    seen: set[str] = set()
    for order, note in enumerate(notes):
        if note.message in seen:  # the same unknown agency in several tasks: one line
            continue
        seen.add(note.message)
        if note.path[:1] == ("tasks",) and note.path[-1] == "due" and "không ghi thời hạn" in note.message:
            no_due.append(int(note.path[1]) + 1)
            continue
        key = str(note.path[0]) if note.path else ""
        label = _FIELD_LABELS.get(key, key)
        text = f"[{label}] {note.message}" if label else note.message
        mark = "" if note.todo else " (để biết)"
        lines.append((0 if note.todo else 1, _RANK.get(key, 7), order, text + mark))
    out = [text for *_, text in sorted(lines)]
    if no_due:
        shown = ", ".join(str(i) for i in no_due[:30]) + (" …" if len(no_due) > 30 else "")
        out.append(f"[nhiệm vụ] {len(no_due)} nhiệm vụ văn bản không ghi thời hạn (số {shown}); không cần điền "
                   "thời hạn nếu văn bản không giao.")
    return out


def _finish(blocks: list[Any], source_name: str, registry: Any) -> ImportResult:
    extraction = extract(blocks, registry=registry)
    record = {k: v for k, v in extraction.record.items() if v not in (None, [], {}) or k in ("issued", "issuer",
                                                                                                  "summary")}
    body = render_body(extraction.items, extraction.body_ranges)
    return ImportResult(
        record=record,
        body=body,
        problems=_problems(extraction.notes),
        notes=extraction.notes,
        source_name=source_name,
    )


def import_document(path: Path, *, registry: Any = None) -> ImportResult:
    """Import a .docx, .txt or .md plan.

    Args:
        path: The document.
        registry: An agency registry (:class:`plan_portal.core.agencies.Registry`) to
            resolve names against; names it does not know are reported.

    Raises:
        UnsupportedFormat: for other file types (message in Vietnamese).
        OSError: when the file cannot be read.
    """
    path = Path(path)
    return _finish(read_document(path), path.name, registry)


def import_text(text: str, *, source_name: str = "văn bản", registry: Any = None, markdown: bool = False) -> ImportResult:
    """Import a plan given as text (as copied from Word or a PDF)."""
    return _finish(read_text(text, markdown=markdown), source_name, registry)
