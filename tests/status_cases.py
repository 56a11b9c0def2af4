"""The one table of status cases, run against the Python rules (tests/core/test_status.py) and the
JavaScript that reads them in the browser (tests/browser/test_status_js.py).

Each case: (subject, period as an editor writes it or None, the editors' marks, today, expected status).
The marks are the task's own ``status`` ("done", "cancelled", "in_progress") or mark facts separated by
spaces (``status.MARK_FACTS``: results, reports and the plan's lifecycle, see :func:`marks_of`).
Periods are parsed with :func:`plan_portal.core.periods.parse_period`; the browser gets what the
pages embed (start, end, recurring, ongoing, readable). Marked cases are build-time only: their
statuses are closed, and the browser leaves a closed status as built.
"""

from __future__ import annotations

from datetime import date

D = date
T = D(2024, 9, 10)

CASES: list[tuple[str, str | None, str, date, str]] = [
    # the editor's mark wins
    ("task", "Tháng 9/2024", "done", T, "done"),
    ("task", "Tháng 9/2024", "cancelled", T, "cancelled"),
    ("task", "abc", "done", T, "done"),
    ("task", None, "cancelled", T, "cancelled"),
    # no deadline, or one that could not be read
    ("task", None, "", T, "unknown"),
    ("task", "abc", "", T, "unknown"),
    # recurring and "thường xuyên"
    ("task", "hàng tháng", "", T, "ongoing"),
    ("task", "trước ngày 15 hàng tháng", "", T, "ongoing"),
    ("task", "thường xuyên", "", T, "ongoing"),
    ("task", "Từ tháng 7/2024", "", T, "ongoing"),
    ("task", "Từ tháng 10/2024", "", T, "upcoming"),
    ("task", "Tháng 12/2013 và thường xuyên", "", T, "ongoing"),
    # past the end
    ("task", "trước ngày 13/8/2021", "", T, "overdue"),
    ("task", "Tháng 8/2024", "", T, "overdue"),
    ("task", "9/9/2024", "", T, "overdue"),
    ("task", "9/9/2024", "in_progress", T, "overdue"),
    # the 14 days of "Sắp đến hạn", both edges
    ("task", "10/9/2024", "", T, "due_soon"),
    ("task", "24/9/2024", "", T, "due_soon"),
    ("task", "25/9/2024", "", T, "upcoming"),
    ("task", "trước 25/9/2024", "", T, "due_soon"),
    ("task", "Tháng 9/2024", "", D(2024, 9, 16), "due_soon"),
    ("task", "Tháng 9/2024", "", D(2024, 9, 30), "due_soon"),
    ("task", "Tháng 9/2024", "", D(2024, 10, 1), "overdue"),
    # inside the window, end further away: "đang thực hiện (trong hạn)"
    ("task", "Tháng 9/2024", "", T, "in_progress"),
    ("task", "Quý III/2024", "", T, "in_progress"),
    ("task", "Năm 2024", "", T, "in_progress"),
    ("task", "Quý IV/2024", "in_progress", T, "in_progress"),
    ("task", None, "in_progress", T, "in_progress"),
    # results reported (issue 15): on time or late against the deadline as extended
    ("task", "Tháng 8/2024", "marked_done finished_on_time", T, "done_on_time"),
    ("task", "Tháng 8/2024", "marked_done finished_late", T, "done_late"),
    ("task", "Quý IV/2024", "marked_done finished_on_time", T, "done_on_time"),
    ("task", "Tháng 8/2024", "marked_cancelled plan_closed", T, "cancelled"),
    # the honesty rule: no "quá hạn" in a plan that is not being followed
    ("task", "Tháng 8/2024", "plan_closed", T, "unreported"),
    ("task", "trước ngày 13/8/2021", "plan_closed", T, "unreported"),
    ("task", "Quý IV/2024", "plan_closed", T, "unreported"),
    ("task", None, "plan_closed", T, "unreported"),
    ("task", "Tháng 8/2024", "marked_in_progress plan_closed", T, "unreported"),
    ("task", "Tháng 8/2024", "marked_done finished_late plan_closed", T, "done_late"),
    ("task", "Tháng 8/2024", "plan_annulled", T, "cancelled"),
    ("task", "Quý IV/2024", "", T, "upcoming"),
    ("task", "đến năm 2024", "", T, "upcoming"),
    ("task", "Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024", "", T, "upcoming"),
    ("task", "Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 20/9/2024", "", T, "due_soon"),
    ("task", "Quý IV/2024", "", D(2030, 1, 1), "overdue"),
    # events: over once their last day has passed
    ("event", "29/10/2024", "", T, "upcoming"),
    ("event", "29/10/2024", "", D(2024, 10, 29), "upcoming"),
    ("event", "29/10/2024", "", D(2024, 10, 30), "past"),
    ("event", "Từ ngày 1/9/2024 đến ngày 15/9/2024", "", T, "upcoming"),
    ("event", "Từ ngày 1/9/2024 đến ngày 15/9/2024", "", D(2024, 9, 16), "past"),
    ("event", "Tháng 8/2024", "", T, "past"),
    ("event", "Từ tháng 10/2024", "", D(2025, 1, 1), "past"),
]


def marks_of(mark: str) -> set[str]:
    """The mark facts of a case's marks column."""
    if mark in ("done", "cancelled", "in_progress"):
        return {f"marked_{mark}"}
    return set(mark.split())


def case_id(case: tuple[str, str | None, str, date, str]) -> str:
    subject, text, mark, today, expected = case
    return f"{subject}-{text or 'none'}-{mark.replace(' ', '+') or 'open'}-{today.isoformat()}-{expected}"
