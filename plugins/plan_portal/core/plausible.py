"""Values that parse but cannot be right: located Vietnamese warnings with a suggestion.

An anniversary whose start comes after it, an event that ends before it starts, a plan issued
before 1945 or after the build date, a plan that cites itself as its own căn cứ, a chuyên trang
listed twice. Free of MkDocs; the loader, the catalog and the chuyên trang reader call these.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from .diagnostics import Diagnostic, Severity
from .periods import Period
from .text import fold

__all__ = ["EARLIEST_YEAR", "issued_in_future", "plan_plausibility", "section_plausibility"]

#: Documents of the state of Vietnam start in 1945; anything earlier is a typing mistake.
EARLIEST_YEAR = 1945


def _first(period: Period | None) -> date | None:
    if period is None or not period.ok:
        return None
    return period.start or period.end


def _last(period: Period | None) -> date | None:
    if period is None or not period.ok:
        return None
    return period.end or period.start


def plan_plausibility(plan: Any, line_of: Any, rel: str) -> list[Diagnostic]:
    """Problems of one valid plan that need no other file and no clock. ``line_of`` maps a field path to its line."""
    out: list[Diagnostic] = []
    issued = _first(plan.issued)
    if issued is not None and issued.year < EARLIEST_YEAR:
        out.append(Diagnostic(rel, line_of(("issued",)), f"Ngày ban hành trước năm {EARLIEST_YEAR}: khó có thể đúng.",
                              field="issued", value=plan.issued.text, allowed=f"một ngày từ năm {EARLIEST_YEAR} trở đi",
                              suggestion="Kiểm tra lại năm (có thể gõ nhầm một chữ số).", severity=Severity.WARNING,
                              code="implausible-date"))
    for i, event in enumerate(plan.events):
        start, end = event.start, event.end
        if start is None or end is None or not start.ok or not end.ok or start.start is None or end.end is None:
            continue
        begin = datetime.combine(start.start, start.start_time or time.min)
        finish = datetime.combine(end.end, end.end_time or end.start_time or time.max)
        if end.start is not None and end.start == end.end and end.start_time is not None and end.end_time is None:
            finish = datetime.combine(end.end, end.start_time)
        if finish < begin:
            out.append(Diagnostic(rel, line_of(("events", i, "end")), "Sự kiện kết thúc trước khi bắt đầu.",
                                  field=f"events[{i}].end", value=end.text,
                                  allowed=f"một thời gian từ lúc bắt đầu ({start.text}) trở về sau",
                                  suggestion="Kiểm tra lại ngày, giờ bắt đầu và kết thúc (có thể bị đảo).",
                                  severity=Severity.WARNING, code="event-order"))
    number = fold(plan.number) if plan.number else None
    for i, ref in enumerate(plan.basis):
        if not number or not ref.number or fold(ref.number) != number:
            continue
        if ref.issuer and fold(ref.issuer) != fold(plan.issuer):
            continue
        ref_year = _first(ref.issued).year if _first(ref.issued) else None
        if ref_year is not None and issued is not None and ref_year != issued.year:
            continue
        out.append(Diagnostic(rel, line_of(("basis", i, "number")) or line_of(("basis", i)),
                              "Văn bản tự trích dẫn chính nó làm căn cứ.", field=f"basis[{i}].number", value=ref.number,
                              allowed="số ký hiệu của một văn bản khác", suggestion="Sửa số ký hiệu của văn bản căn cứ, "
                              "hoặc xóa dòng căn cứ này.", severity=Severity.WARNING, code="self-basis"))
    seen: dict[str, int] = {}
    for i, slug in enumerate(plan.special):
        if slug in seen:
            out.append(Diagnostic(rel, line_of(("special", i)), f"Chuyên trang được ghi hai lần (đã có ở mục {seen[slug] + 1}).",
                                  field=f"special[{i}]", value=slug, allowed="mỗi chuyên trang một lần",
                                  suggestion="Xóa mục lặp lại.", severity=Severity.WARNING, code="duplicate-special"))
        else:
            seen[slug] = i
    return out


def issued_in_future(plan: Any, line: int | None, rel: str, today: date) -> Diagnostic | None:
    """A plan issued after the build date (a typed year, usually)."""
    issued = _first(plan.issued)
    if issued is None or issued <= today:
        return None
    return Diagnostic(rel, line, "Ngày ban hành ở tương lai (sau ngày tạo trang).", field="issued",
                      value=plan.issued.text, allowed="ngày văn bản đã được ký ban hành",
                      suggestion="Kiểm tra lại ngày, tháng, năm ban hành.", severity=Severity.WARNING,
                      code="future-issued")


def section_plausibility(section: Any, front: Any, rel: str) -> list[Diagnostic]:
    """An anniversary counted backwards («-7 năm»): its original date comes after the anniversary."""
    out = []
    for i, item in enumerate(section.anniversaries):
        since, on = _first(item.since), _first(item.on)
        if since is not None and on is not None and since > on:
            out.append(Diagnostic(rel, front.line_of(("anniversaries", i, "since")),
                                  "Ngày của sự kiện gốc sau ngày kỷ niệm: số năm kỷ niệm sẽ là số âm.",
                                  field=f"anniversaries[{i}].since", value=item.since.text,
                                  allowed=f"một ngày trước ngày kỷ niệm ({item.on.text})",
                                  suggestion="Có thể hai trường `since` và `on` bị đảo cho nhau.",
                                  code="anniversary-order"))
    return out
