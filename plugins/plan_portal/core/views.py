"""Generated pages as plain data: one view class per kind of page, one template per view.

Like Material's blog plugin (``View(Page)`` with ``Archive``/``Category``), but free
of MkDocs: a view knows its source URI, title, template and the precomputed data its
template shows. The MkDocs adapter turns each view into ``File.generated``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .catalog import AgencyData, Catalog, TimelineEntry
from .model import Plan
from .text import fold

__all__ = [
    "AgencyIndexView",
    "AgencyView",
    "PlanGantt",
    "PlanListView",
    "ReportView",
    "SectionIndexView",
    "TimelineView",
    "View",
    "build_views",
    "plan_gantt",
]

MONTHS_VI = ["", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8",
             "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"]


@dataclass
class View:
    """A generated page."""

    src_uri: str
    title: str
    template: str
    description: str = ""
    in_nav: bool = False

    kind = "view"


@dataclass
class PlanListView(View):
    plans: list[Plan] = field(default_factory=list)
    facets: dict[str, Any] = field(default_factory=dict)
    kind = "plans"


@dataclass
class TimelineMonth:
    year: int
    month: int
    entries: list[TimelineEntry]

    @property
    def label(self) -> str:
        return f"{MONTHS_VI[self.month]}/{self.year}"

    @property
    def anchor(self) -> str:
        return f"thang-{self.month}-{self.year}"


@dataclass
class TimelineYear:
    year: int
    months: list[TimelineMonth]

    @property
    def count(self) -> int:
        return sum(len(m.entries) for m in self.months)


@dataclass
class TimelineView(View):
    years: list[TimelineYear] = field(default_factory=list)
    today: date | None = None
    today_anchor: str | None = None  # anchor of the first month at or before today
    agencies: list[tuple[str, str]] = field(default_factory=list)  # (id, name) for the filter
    sections: list[tuple[str, str]] = field(default_factory=list)
    kind = "timeline"


@dataclass
class AgencyGroup:
    """Agencies under one root (a province, a city, a district Party committee)."""

    root: AgencyData
    members: list[tuple[int, AgencyData]]  # (depth, agency)


@dataclass
class AgencyIndexView(View):
    groups: list[AgencyGroup] = field(default_factory=list)
    unregistered: list[AgencyData] = field(default_factory=list)
    kind = "agencies"


@dataclass
class AgencyView(View):
    data: AgencyData | None = None
    parents: list[Any] = field(default_factory=list)
    children: list[AgencyData] = field(default_factory=list)
    intro_path: str | None = None  # content/co-quan/<id>.md, if any
    kind = "agency"


@dataclass
class SectionIndexView(View):
    current: list[Any] = field(default_factory=list)
    past: list[Any] = field(default_factory=list)
    kind = "sections"


@dataclass
class ReportView(View):
    diagnostics: list[Any] = field(default_factory=list)
    broken: list[Any] = field(default_factory=list)
    kind = "report"


@dataclass
class GanttRow:
    label: str
    text: str
    left: float  # percent
    width: float  # percent, 0 for a point
    status: str
    task_index: int


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
        rows.append(GanttRow(task.title, p.label, round(left, 2), round(width, 2), catalog.task_status(task), task.index))
    ticks = []
    y, m = lo.year, lo.month
    months = (hi_next.year - lo.year) * 12 + hi_next.month - lo.month
    step = max(1, math.ceil(months / 12))
    for i in range(0, months, step):
        mm = (m - 1 + i) % 12 + 1
        yy = y + (m - 1 + i) // 12
        ticks.append((round((date(yy, mm, 1) - lo).days / span * 100, 2), f"{mm}/{yy}"))
    return PlanGantt(lo, hi, rows, ticks)


def _timeline_years(entries: list[TimelineEntry]) -> list[TimelineYear]:
    by_month: dict[tuple[int, int], list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        if entry.bucket:
            by_month[entry.bucket].append(entry)
    years: dict[int, list[TimelineMonth]] = defaultdict(list)
    for (y, m) in sorted(by_month, reverse=True):
        years[y].append(TimelineMonth(y, m, by_month[(y, m)]))
    return [TimelineYear(y, years[y]) for y in sorted(years, reverse=True)]


def _agency_groups(catalog: Catalog) -> tuple[list[AgencyGroup], list[AgencyData]]:
    data = catalog.agency_data
    children: dict[str | None, list[AgencyData]] = defaultdict(list)
    unregistered = []
    for item in catalog.agencies_sorted():
        if not item.agency.registered:
            unregistered.append(item)
            continue
        parent = item.agency.parent if item.agency.parent in data else None
        children[parent].append(item)
    groups = []
    for root in children[None]:
        members: list[tuple[int, AgencyData]] = []
        stack = [(0, c) for c in reversed(children[root.agency.id])]
        while stack:
            depth, node = stack.pop()
            members.append((depth, node))
            stack.extend((depth + 1, c) for c in reversed(children[node.agency.id]))
        groups.append(AgencyGroup(root, members))
    return groups, unregistered


def build_views(catalog: Catalog) -> list[View]:
    """Every generated page of the site, in a stable order."""
    paths = catalog.paths
    views: list[View] = [
        PlanListView(f"{paths.plans}/index.md", "Danh sách kế hoạch", "plan-portal/plans.html",
                     "Tất cả kế hoạch đã ban hành, lọc theo năm, cơ quan ban hành, loại văn bản và chuyên trang.",
                     in_nav=True, plans=catalog.plans, facets=catalog.facets()),
    ]
    today = catalog.today
    years = _timeline_years(catalog.timeline)
    today_anchor = None
    for year in years:
        for month in year.months:
            if (month.year, month.month) <= (today.year, today.month):
                today_anchor = month.anchor
                break
        if today_anchor:
            break
    agencies = sorted({(i, r.agency.name) for e in catalog.timeline for r in e.agencies if r.agency for i in [r.agency.id]},
                      key=lambda x: fold(x[1]))
    views.append(TimelineView(f"{paths.timeline}/index.md", "Dòng thời gian", "plan-portal/timeline.html",
                              "Các mốc ban hành, sự kiện và thời hạn nhiệm vụ của mọi kế hoạch.", in_nav=True,
                              years=years, today=today, today_anchor=today_anchor, agencies=agencies,
                              sections=[(s.slug, s.title) for s in catalog.sections]))
    groups, unregistered = _agency_groups(catalog)
    views.append(AgencyIndexView(f"{paths.agencies}/index.md", "Cơ quan, đơn vị", "plan-portal/agencies.html",
                                 "Các cơ quan chủ trì, phối hợp thực hiện nhiệm vụ trong các kế hoạch.", in_nav=True,
                                 groups=groups, unregistered=unregistered))
    registry = catalog.registry
    for item in catalog.agencies_sorted():
        agency = item.agency
        kids = [catalog.agency_data[c.id] for c in registry.children(agency.id)] if agency.registered else []
        parents = registry.ancestors(agency.id) if agency.registered else []
        views.append(AgencyView(f"{paths.agencies}/{agency.id}.md", agency.name, "plan-portal/agency.html",
                                f"Nhiệm vụ chủ trì, phối hợp của {agency.name} trong các kế hoạch.",
                                data=item, parents=list(reversed(parents)), children=kids))
    current, past = [], []
    for section in catalog.sections:
        if section.section is None:
            continue
        ons = [a.on.end or a.on.start for a in section.section.anniversaries if (a.on.end or a.on.start)]
        (past if ons and max(ons) < today else current).append(section)
    views.append(SectionIndexView(f"{paths.sections}/index.md", "Chuyên trang", "plan-portal/sections.html",
                                  "Chuyên trang kỷ niệm các ngày lễ lớn.", in_nav=True, current=current, past=past))
    broken = [e for e in catalog.entries if not e.ok]
    views.append(ReportView(f"{paths.report}/index.md", "Báo cáo kiểm tra nội dung", "plan-portal/report.html",
                            "Các lỗi và cảnh báo tìm thấy khi xây dựng cổng.", diagnostics=catalog.diagnostics,
                            broken=broken))
    return views


@dataclass
class AgencyProgress:
    """Tasks of a section led by one agency, with how many are done."""

    name: str
    url: str | None
    tasks: list[tuple[Plan, Any]]

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def done(self) -> int:
        return sum(1 for _, t in self.tasks if t.status.value == "done")


@dataclass
class SectionData:
    """What a chuyên trang's home shows, computed once per section."""

    plans: list[Plan]
    events: list[TimelineEntry]
    upcoming: list[TimelineEntry]
    progress: list[AgencyProgress]
    ceremony: TimelineEntry | None
    ceremony_ahead: bool
    anniversary_day: date | None
    anniversary_ahead: bool
    days_left: int | None

    @property
    def task_count(self) -> int:
        return sum(p.total for p in self.progress)


def section_data(catalog: Catalog, slug: str) -> SectionData:
    """Plans, events, countdown and progress by lead agency for one section."""
    today = catalog.today
    plans = catalog.section_plans.get(slug, [])
    urls = {p.url for p in plans}
    entries = [e for e in catalog.timeline if e.plan.url in urls]  # timeline is newest first
    events = sorted((e for e in entries if e.kind == "event"), key=lambda e: e.sort_key)
    upcoming = sorted((e for e in entries if e.kind != "issued" and (e.period.end or e.period.start or date.min) >= today),
                      key=lambda e: e.sort_key)[:10]
    ceremonies = [e for e in events if fold(e.title).startswith(("le ", "hoi nghi")) or "le ky niem" in fold(e.title)] or events
    ahead = [e for e in ceremonies if (e.period.start or date.min) >= today]
    ceremony = ahead[0] if ahead else (ceremonies[-1] if ceremonies else None)
    ceremony_ahead = bool(ahead)
    entry = catalog.section_by_slug.get(slug)
    anniversary_day = None
    if entry and entry.section:
        days = [a.on.start for a in entry.section.anniversaries if a.on.ok and a.on.precision.value == "day" and a.on.start]
        anniversary_day = max(days) if days else None
    anniversary_ahead = bool(anniversary_day and anniversary_day >= today)
    target = ceremony.period.start if ceremony and ceremony_ahead else (anniversary_day if anniversary_ahead else None)
    days_left = (target - today).days if target else None
    by_agency: dict[str, AgencyProgress] = {}
    for plan in plans:
        for task in plan.tasks:
            refs = catalog.refs(plan, task, "lead") or []
            keys = [(r.agency.id if r.agency else "~" + r.name, r) for r in refs] or [("~", None)]
            for key, ref in keys:
                if key not in by_agency:
                    name = ref.agency.name if ref and ref.agency else (ref.name if ref else "Chưa rõ cơ quan chủ trì")
                    by_agency[key] = AgencyProgress(name, ref.url if ref else None, [])
                by_agency[key].tasks.append((plan, task))
    progress = sorted(by_agency.values(), key=lambda p: (-p.total, fold(p.name)))
    return SectionData(plans, events, upcoming, progress, ceremony, ceremony_ahead, anniversary_day,
                       anniversary_ahead, days_left)
