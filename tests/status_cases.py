"""The one table of status cases, run against the Python rules (tests/core/test_status.py) and the
JavaScript that reads them in the browser (tests/browser/test_status_js.py).

Each case: (subject, period as an editor writes it or None, the task's mark, today, expected status).
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
    # inside the window, end further away
    ("task", "Tháng 9/2024", "", T, "ongoing"),
    ("task", "Quý III/2024", "", T, "ongoing"),
    ("task", "Năm 2024", "", T, "ongoing"),
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


def case_id(case: tuple[str, str | None, str, date, str]) -> str:
    subject, text, mark, today, expected = case
    return f"{subject}-{text or 'none'}-{mark or 'open'}-{today.isoformat()}-{expected}"
