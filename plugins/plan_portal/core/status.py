"""Statuses: the one table that says where a task or an event stands, and how a reader sees it.

Everything a citizen reads about a status comes from here: the vocabulary (keys such as
``"due_soon"``), the Vietnamese labels, the thresholds and the rules. The build computes
statuses with :func:`task_status`, :func:`period_status` and :func:`event_status`; the browser
(``assets/portal.js``) recomputes them for the reader's day from :func:`browser_data`, emitted
at build time as the script ``assets/plan-portal/status.js`` (:func:`browser_script`).
portal.js has no label, threshold or rule of its own (``tests/core/test_status.py`` checks it);
it only knows how to compute the period facts listed below.

Shape of the table (add a status as rows, not as code):

* :data:`STATUSES`: one :class:`Status` row per status: ``key`` (also the CSS class
  ``pp-status--<key>``), ``label`` (Vietnamese), ``order`` (an agency page lists its tasks by
  it, lowest first) and ``closed`` (the task is finished, by an editor's mark: the clock
  no longer changes it, the browser leaves it as built and it is not counted as open).
* :data:`RULES`: for each subject (``"task"``, ``"event"``), an ordered tuple of :class:`Rule`
  rows ``(status, when)``. The first rule whose facts in ``when`` all hold gives the status;
  the last rule of a subject has no facts and always holds.
* Facts, the only words a rule may use. *Mark facts* come from what an editor wrote on a task
  (``marked_done``, ``marked_cancelled``) and are known only at build time. *Period facts*
  (:data:`PERIOD_FACTS`) come from a period and today, here in :func:`facts` and, the same,
  in portal.js's ``FACTS``:

  ``unreadable`` no period, or wording that could not be read; ``recurring`` "hằng tháng",
  "hằng năm"; ``undated`` neither start nor end; ``continuing`` "thường xuyên" or an open end;
  ``ended`` the end is before today; ``ends_soon`` the end is at most :data:`SOON_DAYS` days
  away; ``started`` the start is today or before; ``over`` the last day (end, else start) is
  before today.
* Thresholds: :data:`SOON_DAYS` (the 14 days of "Sắp đến hạn").

Plans have no status of their own yet; a plan's lifecycle is a new subject in :data:`RULES`.
A plan issued, on the timeline, is :data:`ISSUED`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .periods import Period

__all__ = [
    "ISSUED", "PERIOD_FACTS", "ahead", "RULES", "SOON_DAYS", "STATUSES", "Rule", "Status",
    "browser_data", "browser_script", "event_status", "facts", "is_closed", "label", "order", "period_status", "status_keys",
    "task_status",
]

#: Days before its end when a deadline becomes "Sắp đến hạn" (its last day included).
SOON_DAYS = 14


@dataclass(frozen=True)
class Status:
    """One status: its key, what a reader sees, where it sorts, and whether the task is finished."""

    key: str
    label: str
    order: int = 9
    closed: bool = False
    group: str = ""


#: Every status, one row each.
STATUSES: tuple[Status, ...] = (
    Status("overdue", "Quá hạn, chưa hoàn thành", order=0, group="overdue"),
    Status("due_soon", "Sắp đến hạn", order=1, group="open"),
    Status("in_progress", "Đang thực hiện", order=2, group="open"),
    Status("upcoming", "Chưa đến hạn", order=3, group="open"),
    Status("ongoing", "Thường xuyên", order=4, group="open"),
    Status("unknown", "Chưa rõ thời hạn", order=5, group="open"),
    Status("unreported", "Chưa có báo cáo", order=6, closed=True, group="unreported"),
    Status("done_on_time", "Hoàn thành đúng hạn", order=7, closed=True, group="done"),
    Status("done_late", "Hoàn thành quá hạn", order=8, closed=True, group="done"),
    Status("done", "Đã hoàn thành", order=9, closed=True, group="done"),
    Status("cancelled", "Dừng hoặc hủy", order=10, closed=True, group="cancelled"),
    Status("past", "Đã diễn ra"),  # an event whose day is over
)

#: What an update or a report says of a task (``status:`` of an update), as a history line shows it.
UPDATE_LABELS = {"in_progress": "đang thực hiện", "done": "hoàn thành", "cancelled": "dừng hoặc hủy"}

#: Groups of statuses a summary counts (done out of total, by group), in the order shown.
GROUPS: tuple[tuple[str, str], ...] = (
    ("done", "Đã hoàn thành"),
    ("open", "Đang thực hiện, chưa đến hạn"),
    ("overdue", "Quá hạn, chưa hoàn thành"),
    ("unreported", "Chưa có báo cáo"),
    ("cancelled", "Dừng hoặc hủy"),
)


@dataclass(frozen=True)
class Rule:
    """``status`` holds when every fact in ``when`` holds (no facts: always)."""

    status: str
    when: tuple[str, ...] = ()


#: The rules of each subject, first match wins.
RULES: dict[str, tuple[Rule, ...]] = {
    "task": (
        # What an editor reported wins (a report, an update, or the task's own `status`).
        Rule("done_on_time", ("marked_done", "finished_on_time")),
        Rule("done_late", ("marked_done", "finished_late")),
        Rule("done", ("marked_done",)),
        Rule("cancelled", ("marked_cancelled",)),
        # The honesty rule (issue 15): a plan no longer followed has no overdue task.
        Rule("cancelled", ("plan_annulled",)),
        Rule("unreported", ("plan_closed",)),
        Rule("in_progress", ("marked_in_progress", "undated")),
        Rule("unknown", ("unreadable",)),
        Rule("ongoing", ("recurring",)),
        Rule("ongoing", ("undated", "continuing")),
        Rule("unknown", ("undated",)),
        Rule("ongoing", ("ended", "continuing")),  # "Tháng 12/2013 và thường xuyên" is never overdue
        Rule("overdue", ("ended",)),
        Rule("due_soon", ("ends_soon",)),
        Rule("in_progress", ("marked_in_progress",)),
        Rule("ongoing", ("started", "continuing")),  # "Từ tháng 7/2024", open-ended: "Thường xuyên"
        Rule("in_progress", ("started",)),
        Rule("upcoming"),
    ),
    "event": (
        Rule("past", ("over",)),
        Rule("upcoming"),
    ),
}

#: A plan issued, as a timeline entry (nothing left to follow).
ISSUED = "done"

#: The facts computed from a period and today (portal.js computes the same ones).
PERIOD_FACTS = ("unreadable", "recurring", "undated", "continuing", "ended", "ends_soon", "started", "over")
#: Facts known at build time only, from what editors wrote: the task's mark, updates and reports,
#: and its plan's lifecycle. A status element carries those that hold (``data-pp-marks``).
MARK_FACTS = ("marked_done", "marked_cancelled", "marked_in_progress", "finished_on_time", "finished_late",
              "plan_closed", "plan_annulled")
_MARK_FACTS = MARK_FACTS

_BY_KEY = {s.key: s for s in STATUSES}


def facts(period: Period | None, today: date, soon_days: int = SOON_DAYS) -> set[str]:
    """The period facts that hold for ``period`` on ``today``."""
    if period is None or not period.ok:
        return {"unreadable", "undated"}
    start, end = period.start, period.end
    out = set()
    if period.recurrence:
        out.add("recurring")
    if start is None and end is None:
        out.add("undated")
    if period.ongoing:
        out.add("continuing")
    if end is not None:
        if end < today:
            out.add("ended")
        if (end - today).days <= soon_days:
            out.add("ends_soon")
    if start is not None and start <= today:
        out.add("started")
    last = end or start
    if last is not None and last < today:
        out.add("over")
    return out


def _first(subject: str, holding: set[str]) -> str:
    for rule in RULES[subject]:
        if all(fact in holding for fact in rule.when):
            return rule.status
    raise LookupError(f"no rule of {subject!r} holds")  # the last rule of a subject always holds


def period_status(period: Period | None, today: date, *, done: bool = False, cancelled: bool = False,
                  soon_days: int = SOON_DAYS) -> str:
    """Where a task with the deadline ``period`` stands on ``today`` (``done``/``cancelled``: its mark)."""
    holding = facts(period, today, soon_days)
    if done:
        holding.add("marked_done")
    if cancelled:
        holding.add("marked_cancelled")
    return _first("task", holding)


def task_status(task: Any, today: date, marks: set[str] | None = None, due: Period | None = None) -> str:
    """Where ``task`` (a :class:`~plan_portal.core.model.Task`) stands on ``today``.

    ``marks``: the editors' facts (:data:`MARK_FACTS`) from its updates, reports and plan
    (:meth:`plan_portal.core.progress.Progress.marks`); without them, its own ``status`` only.
    ``due``: its deadline as extended, when it was.
    """
    if marks is None:
        mark = task.status.value
        marks = {f"marked_{mark}"} if mark in ("done", "cancelled", "in_progress") else set()
    return _first("task", facts(due if due is not None else task.due, today) | marks)


def event_status(period: Period, today: date) -> str:
    """Whether an event on ``period`` is ``"past"`` or ``"upcoming"`` on ``today``."""
    return _first("event", facts(period, today))


def ahead(period: Period, today: date) -> bool:
    """Not past yet on ``today``: a dated period whose last day (end, else start) is today or later."""
    last = period.end or period.start
    return last is not None and last >= today


def group(status: str) -> str:
    """The summary group of ``status`` (:data:`GROUPS`), ``""`` for an event's."""
    row = _BY_KEY.get(status)
    return row.group if row else ""


def label(status: str) -> str:
    """The Vietnamese label of ``status`` (the key itself when unknown)."""
    row = _BY_KEY.get(status)
    return row.label if row else status


def order(status: str) -> int:
    """Where ``status`` sorts on an agency page (unknown keys last)."""
    row = _BY_KEY.get(status)
    return row.order if row else 9


def is_closed(status: str) -> bool:
    """True for a finished task's status (done, cancelled): not open, not changed by the clock."""
    row = _BY_KEY.get(status)
    return bool(row and row.closed)


def status_keys(subject: str) -> tuple[str, ...]:
    """Every status the rules of ``subject`` can give, in rule order."""
    return tuple(dict.fromkeys(rule.status for rule in RULES[subject]))


def browser_data() -> dict[str, Any]:
    """What portal.js reads: labels, the statuses it leaves alone, the threshold and the period rules.

    Every rule, mark facts included: each status element carries the mark facts that hold for it
    (``data-pp-marks``), portal.js computes the period facts for the reader's day.
    """
    return {
        "labels": {s.key: s.label for s in STATUSES},
        "closed": [s.key for s in STATUSES if s.closed],
        "soon_days": SOON_DAYS,
        "facts": list(PERIOD_FACTS),
        "marks": list(MARK_FACTS),
        "rules": {
            subject: [[rule.status, list(rule.when)] for rule in rules] for subject, rules in RULES.items()
        },
    }


def browser_script() -> str:
    """The generated ``status.js``: :func:`browser_data` as ``window.PlanPortalStatus``."""
    data = json.dumps(browser_data(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        "/* Generated by plan_portal.core.status at build time: the status table portal.js reads. */\n"
        f"window.PlanPortalStatus = {data};\n"
    )
