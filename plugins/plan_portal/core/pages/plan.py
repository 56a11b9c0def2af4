"""What a plan page shows beyond its model: the Gantt of its dated tasks. Plan pages are content
pages (``ke-hoach/**.md``), not generated: this kind has no ``build``."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..catalog import Catalog
from ..labels import month_short
from ..model import Plan
from ..urls import task_anchor

__all__ = ["GanttRow", "PlanGantt", "plan_gantt"]


@dataclass
class GanttRow:
    label: str
    text: str
    left: float  # percent
    width: float  # percent, 0 for a point
    status: str
    task_index: int
    key: str = ""  # the task's stable id

    @property
    def anchor(self) -> str:
        """The task's row in the plan's table."""
        return task_anchor(self.key)


@dataclass
class PlanGantt:
    """A compact Gantt of one plan's dated tasks, positions in percent of the plan's span."""

    start: date
    end: date
    rows: list[GanttRow]
    ticks: list[tuple[float, str]]


def plan_gantt(plan: Plan, catalog: Catalog) -> PlanGantt | None:
    """Bars for period tasks and points for dated ones, on one shared scale. ``None`` without dates."""
    dated = [t for t in plan.tasks if t.due is not None and t.due.ok and (t.due.start or t.due.end)]
    if not dated:
        return None
    starts = [t.due.start or t.due.end for t in dated]  # type: ignore[union-attr]
    ends = [t.due.end or t.due.start for t in dated]  # type: ignore[union-attr]
    lo, hi = min(starts), max(ends)
    lo = date(lo.year, lo.month, 1)
    hi_next = date(hi.year + (hi.month == 12), hi.month % 12 + 1, 1)
    span = max((hi_next - lo).days, 1)
    rows = []
    for task in dated:
        p = task.due
        a = p.start or p.end
        b = p.end or p.start
        left = (a - lo).days / span * 100
        width = ((b - a).days + 1) / span * 100 if p.start and p.end and b > a else 0.0
        rows.append(GanttRow(task.title, catalog.period_view(p).label, round(left, 2), round(width, 2),
                             catalog.task_status(task), task.index, task.key))
    ticks = []
    y, m = lo.year, lo.month
    months = (hi_next.year - lo.year) * 12 + hi_next.month - lo.month
    step = max(1, math.ceil(months / 12))
    for i in range(0, months, step):
        mm = (m - 1 + i) % 12 + 1
        yy = y + (m - 1 + i) // 12
        ticks.append((round((date(yy, mm, 1) - lo).days / span * 100, 2), month_short(yy, mm)))
    return PlanGantt(lo, hi, rows, ticks)
