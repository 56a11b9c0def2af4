"""Page kind ``stats``: the statistics page (``thong-ke/``) — charts a citizen reads at a glance (issue 15).

Three charts, each an SVG drawn by the template (``plan-portal/stats.html``) from the geometry
computed here, each with a table giving the same numbers (no JavaScript, printable):

* tasks by status group for each lead agency (the agencies with most tasks first);
* deadlines per month, stacked by status group;
* results reported per quarter: on time or late.

Colours are the status groups' (``portal.css``, ``pp-group--<key>``), all at least 4.5:1 on white.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .. import status as statuses
from ..catalog import Catalog
from ..options import Options
from ..summary import Summary, summarize
from ..urls import index_source
from .base import View

__all__ = ["Bar", "Column", "StatsView", "build"]

#: Agencies drawn in the first chart (all of them are in its table).
CHART_AGENCIES = 15
#: Months drawn in the second chart at most (the most recent ones with deadlines).
CHART_MONTHS = 36
#: Height of the column charts' plotting area, in SVG units.
PLOT_HEIGHT = 120.0


@dataclass(frozen=True)
class Segment:
    """One group's part of a bar or a column: its key, label, count, and position in SVG units."""

    key: str
    label: str
    count: int
    offset: float
    size: float


@dataclass
class Bar:
    """An agency's row of the first chart: its tasks by group; lengths in percent of the longest bar."""

    name: str
    url: str | None
    summary: Summary
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Column:
    """One month (or quarter) of a column chart: its label and stacked segments (heights in SVG units)."""

    label: str
    short: str
    total: int
    segments: list[Segment] = field(default_factory=list)
    x: float = 0.0


@dataclass
class StatsView(View):
    summary: Summary | None = None
    bars: list[Bar] = field(default_factory=list)  # every lead agency, most tasks first
    months: list[Column] = field(default_factory=list)
    quarters: list[Column] = field(default_factory=list)
    month_max: int = 0
    quarter_max: int = 0
    column_width: float = 0.0
    today: date | None = None
    kind = "stats"

    @property
    def chart_bars(self) -> list[Bar]:
        return self.bars[:CHART_AGENCIES]

    @property
    def groups(self) -> list[tuple[str, str]]:
        """The status groups that have tasks (legends and table columns show no empty group)."""
        summary = self.summary
        return [(key, label) for key, label in statuses.GROUPS if summary is not None and summary.count(key)]


def _stack(counts: Counter[str], scale: float) -> list[Segment]:
    """Segments of one bar, in the order of the status groups, ``scale`` units per task."""
    out, offset = [], 0.0
    for key, label in statuses.GROUPS:
        n = counts.get(key, 0)
        if n:
            out.append(Segment(key, label, n, round(offset, 2), round(n * scale, 2)))
            offset += n * scale
    return out


def _columns(buckets: dict[tuple[int, int], Counter[str]], labels, keep: int) -> tuple[list[Column], int]:  # type: ignore[no-untyped-def]
    keys = sorted(buckets)[-keep:]
    peak = max((sum(buckets[k].values()) for k in keys), default=0)
    scale = PLOT_HEIGHT / peak if peak else 0.0
    columns = []
    for i, key in enumerate(keys):
        long, short = labels(key)
        counts = buckets[key]
        columns.append(Column(long, short, sum(counts.values()), _stack(counts, scale), x=float(i)))
    return columns, peak


def build(catalog: Catalog, options: Options) -> list[View]:
    status_of = {id(t): catalog.task_status(t) for p in catalog.plans for t in p.tasks}
    everything = summarize(status_of.values())
    # 1. tasks by group for each lead agency
    bars = []
    for data in catalog.agency_data.values():
        if not data.lead:
            continue
        summary = summarize(r.status for r in data.lead)
        bars.append(Bar(data.agency.name, catalog.paths.agency_url(data.agency.id) if data.agency.registered else None,
                        summary))
    bars.sort(key=lambda b: (-b.summary.total, b.name))
    longest = max((b.summary.total for b in bars), default=0)
    for bar in bars:
        counts = Counter({key: bar.summary.count(key) for key, _ in statuses.GROUPS})
        bar.segments = _stack(counts, 100 / longest if longest else 0)
    # 2. deadlines per month (the deadline in force), 3. results per quarter (on time or late)
    months: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    quarters: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for plan in catalog.plans:
        for task in plan.tasks:
            progress = catalog.progress.of(task)
            due = progress.due
            day = (due.end or due.start) if due is not None and due.ok else None
            status = status_of[id(task)]
            if day is not None:
                months[(day.year, day.month)][statuses.group(status)] += 1
            finished = progress.finished_on
            if finished is not None and status in ("done_on_time", "done_late"):
                key = "done" if status == "done_on_time" else "overdue"  # late results in the overdue colour
                quarters[(finished.year, (finished.month - 1) // 3 + 1)][key] += 1
    month_columns, month_max = _columns(months, lambda k: (f"Tháng {k[1]}/{k[0]}", f"{k[1]}/{str(k[0])[2:]}"), CHART_MONTHS)
    quarter_columns, quarter_max = _columns(
        quarters, lambda k: (f"Quý {('I', 'II', 'III', 'IV')[k[1] - 1]}/{k[0]}", f"Q{k[1]}/{str(k[0])[2:]}"), 24)
    view = StatsView(
        index_source(catalog.paths.stats_url()), "Thống kê thực hiện nhiệm vụ", "plan-portal/stats.html",
        "Nhiệm vụ theo tình trạng, theo cơ quan chủ trì, theo tháng đến hạn; kết quả đúng hạn theo quý.",
        in_nav=True, summary=everything, bars=bars, months=month_columns, quarters=quarter_columns,
        month_max=month_max, quarter_max=quarter_max, today=catalog.today,
    )
    return [view]
