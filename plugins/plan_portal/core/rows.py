"""The rows a catalog builds, shared by every listing: an agency as a plan names it (:class:`AgencyRef`),
a period as listings print it (:class:`PeriodView`), a task on an agency page (:class:`TaskRow`) or in
its plan (:class:`PlanTaskRow`), a timeline entry (:class:`TimelineEntry`) and what one agency's page
shows (:class:`AgencyData`). Import them from ``plan_portal.core.catalog`` as well.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, time
from typing import Any

from .agencies import Agency
from .model import Event, Plan, Task
from .periods import Period
from . import status as statuses
from .urls import task_anchor, task_url


__all__ = ["AgencyData", "AgencyRef", "PeriodView", "PlanTaskRow", "TaskRow", "TimelineEntry"]


@dataclass(frozen=True, slots=True)
class AgencyRef:
    """An agency as a plan names it, with what it resolved to."""

    name: str
    agency: Agency | None
    url: str | None = None

    @property
    def label(self) -> str:
        return self.name


def _period_key(period: Period | None) -> tuple[Any, ...]:
    """A cheap total order of periods: dated ones by start (or end), end and time; undated ones last."""
    if period is None:
        return (2, date.max, date.max, time.max, "")
    anchor = period.start or period.end
    if anchor is None:
        return (1, date.max, date.max, time.max, period.text)
    return (0, anchor, period.end or date.max, period.start_time or period.end_time or time.min, period.text)


@dataclass(frozen=True, slots=True)
class PeriodView:
    """A period as the listings print it, computed once per period and shared by every row that shows it.

    (:attr:`Period.label` is rebuilt on each access, and one deadline is printed on several
    agency pages, the timeline and the calendar feeds.) ``start``/``end`` are ISO days or "".
    """

    text: str
    label: str
    ok: bool
    start: str
    end: str
    recurring: bool  # "hằng tháng", "hằng năm"…
    ongoing: bool  # "thường xuyên", or an open end

    @property
    def datetime(self) -> str:
        """The ``datetime`` attribute of its ``<time>``: the start, else the end."""
        return self.start or self.end

    @classmethod
    def of(cls, period: Period) -> PeriodView:
        # Labels and days repeat across thousands of tasks ("Quý III/2024"): one string each.
        ok = period.ok
        return cls(
            period.text,
            sys.intern(period.label) if ok else period.text,
            ok,
            sys.intern(period.start.isoformat()) if period.start else "",
            sys.intern(period.end.isoformat()) if period.end else "",
            bool(period.recurrence),
            bool(period.ongoing),
        )


@dataclass(slots=True)
class TaskRow:
    """A task seen from one agency's page, with what its row prints computed once."""

    plan: Plan
    task: Task
    role: str  # "lead" | "support"
    status: str
    due: PeriodView | None = None
    plan_url: str = ""  # the plan page's site-relative URL
    number: int = 0  # the task's 1-based number in its plan (its anchor is ``#nv-<task.key>``)
    path: str = ""  # the plan's source path (sort tie-break)

    @property
    def url(self) -> str:
        """The task's row in its plan page."""
        return task_url(self.plan_url, self.task.key)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (statuses.order(self.status), _period_key(self.task.due), self.path, self.number)


@dataclass(frozen=True, slots=True)
class PlanTaskRow:
    """A task in its own plan's table: its number, agencies as resolved, status and deadline as printed."""

    number: int  # 1-based; the row's anchor is ``#nv-<task.key>``
    task: Task
    lead: list[AgencyRef]
    support: list[AgencyRef]
    status: str
    due: PeriodView | None

    @property
    def anchor(self) -> str:
        return task_anchor(self.task.key)


@dataclass(slots=True)
class TimelineEntry:
    """One dated thing on a timeline: a plan issued, an event, or a task deadline."""

    kind: str  # "issued" | "event" | "deadline"
    period: Period
    plan: Plan
    title: str
    agencies: list[AgencyRef]
    status: str
    task: Task | None = None
    event: Event | None = None
    sections: tuple[str, ...] = ()
    when: PeriodView | None = None  # the period as printed (set by the catalog)
    plan_url: str = ""
    path: str = ""

    def __post_init__(self) -> None:
        if self.when is None:
            self.when = PeriodView.of(self.period)
        if not self.plan_url:
            self.plan_url = self.plan.url
        if not self.path:
            self.path = self.plan.path

    @property
    def anchor_date(self) -> date | None:
        """The date the entry is filed under: a deadline's end, an event's start, a plan's issue date."""
        p = self.period
        if self.kind == "deadline":
            return p.end or p.start
        return p.start or p.end

    @property
    def bucket(self) -> tuple[int, int] | None:
        d = self.anchor_date
        return (d.year, d.month) if d else None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        d = self.anchor_date or date.min
        order = {"event": 0, "deadline": 1, "issued": 2}[self.kind]
        return (d, order, self.path, self.task.index if self.task else -1, self.event.index if self.event else -1)

    @property
    def agency_ids(self) -> list[str]:
        return [r.agency.id for r in self.agencies if r.agency]


@dataclass
class AgencyData:
    """Everything one agency's page shows."""

    agency: Agency
    lead: list[TaskRow] = field(default_factory=list)
    support: list[TaskRow] = field(default_factory=list)
    issued: list[Plan] = field(default_factory=list)
    events: list[TimelineEntry] = field(default_factory=list)

    @cached_property
    def open_tasks(self) -> int:
        """Tasks not done or cancelled (counted once: every page of the agency shows it)."""
        return sum(1 for rows in (self.lead, self.support) for r in rows if not statuses.is_closed(r.status))

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.support)
