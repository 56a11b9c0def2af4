"""Generated pages as plain data: one view class per kind of page, one template per view.

Like Material's blog plugin (``View(Page)`` with ``Archive``/``Category``), but free
of MkDocs: a view knows its source URI, title, template and the precomputed data its
template shows. The MkDocs adapter turns each view into ``File.generated``.

Every listing is bounded, so that no generated page grows with the size of the portal:
the plan list and an agency's tasks are cut into numbered pages (``trang-2/`` …), and the
timeline shows its recent years on the main page and older years on a page per year; a
year or a set of years too big for one page is summarised by month, each month on its own
(numbered) pages.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .catalog import AgencyData, Catalog, TaskRow, TimelineEntry
from .labels import KIND_LABELS, month_label, month_short, numbered_description, numbered_title
from .urls import SitePaths, index_source, month_anchor, source_of, task_anchor
from .model import Plan
from .text import fold

__all__ = [
    "AgencyIndexView",
    "AgencyView",
    "Pager",
    "PlanGantt",
    "PlanListView",
    "ReportView",
    "SectionIndexView",
    "SectionLimits",
    "TimelineView",
    "View",
    "build_views",
    "plan_gantt",
    "section_data",
]

#: What a chuyên trang's home page lists at most by default (issue 8: no generated page over 1 MB).
#: Beyond that its plans continue on ``chuyen-trang/<slug>/cac-ke-hoach/`` and the task list becomes
#: the table of progress by agency (each plan page has its tasks). Plugin options ``section_home_*``.
SECTION_HOME_PLANS = 50
SECTION_HOME_EVENTS = 50
SECTION_HOME_TASKS = 400


@dataclass(frozen=True)
class SectionLimits:
    """How much a chuyên trang's home page lists: newest plans, events nearest today, tasks."""

    plans: int = SECTION_HOME_PLANS
    events: int = SECTION_HOME_EVENTS
    tasks: int = SECTION_HOME_TASKS

DEFAULT_AGENCY_PAGE_SIZE = 100
DEFAULT_TIMELINE_RECENT_YEARS = 3
DEFAULT_TIMELINE_PAGE_SIZE = 400
DEFAULT_PLANS_PAGE_SIZE = 400


@dataclass
class View:
    """A generated page."""

    src_uri: str
    title: str
    template: str
    description: str = ""
    in_nav: bool = False

    kind = "view"

    @property
    def extra_meta(self) -> dict[str, Any]:
        """Front matter beyond template, title and description (continuation pages stay out of search)."""
        pager = getattr(self, "pager", None)
        if pager is not None and pager.page > 1:
            return {"search": {"exclude": True}}
        return {}


@dataclass
class Pager:
    """Where one page of a numbered listing is, and the URLs (site-relative) of all its pages."""

    page: int  # 1-based
    urls: list[str]
    labels: list[str] = field(default_factory=list)  # a hint per page, e.g. the years it covers

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.page - 2] if self.page > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.page] if self.page < self.count else None

    def items(self, around: int = 2) -> list[tuple[int, str, str] | None]:
        """(number, URL, hint) of the pages to link: the first, the last and ``around`` either side; None is a gap."""
        keep = {1, self.count, *range(self.page - around, self.page + around + 1)}
        out: list[tuple[int, str, str] | None] = []
        last = 0
        for number in sorted(n for n in keep if 1 <= n <= self.count):
            if number > last + 1:
                out.append(None)
            out.append((number, self.urls[number - 1], self.labels[number - 1] if self.labels else ""))
            last = number
        return out


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


@dataclass
class PlanListView(View):
    plans: list[Plan] = field(default_factory=list)  # the plans of this page
    facets: dict[str, Any] = field(default_factory=dict)  # filter values of this page's plans
    total: int = 0  # plans in the whole list
    offset: int = 0  # position of this page's first plan in the whole list
    pager: Pager | None = None
    years: list[tuple[str, int, str]] = field(default_factory=list)  # (year, plans, URL of its first page)
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # (label, URL) above the title
    kind = "plans"


@dataclass
class TimelineMonth:
    year: int
    month: int
    entries: list[TimelineEntry]

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def anchor(self) -> str:
        return month_anchor(self.year, self.month)


@dataclass
class TimelineYear:
    year: int
    months: list[TimelineMonth]

    @property
    def count(self) -> int:
        return sum(len(m.entries) for m in self.months)


@dataclass
class TimelineMonthLink:
    """A month of a summarised year: how many entries of each kind, and the page that lists them."""

    year: int
    month: int
    url: str
    count: int
    kinds: list[tuple[str, int]]  # (kind, entries), in the order of KIND_LABELS, none empty
    pages: int = 1

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def anchor(self) -> str:
        return month_anchor(self.year, self.month)


@dataclass
class TimelineYearSummary:
    """A year too big to list on one page: its months, each linking to its own pages."""

    year: int
    count: int
    months: list[TimelineMonthLink]


@dataclass
class TimelineView(View):
    years: list[TimelineYear] = field(default_factory=list)  # listed in full on this page
    summary: list[TimelineYearSummary] = field(default_factory=list)  # summarised by month on this page
    older: list[tuple[int, int, str]] = field(default_factory=list)  # (year, entries, URL) of the year pages
    older_listed: bool = False  # the older years are listed on this page too (a small timeline)
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # (label, URL) of the pages above this one
    heading: str = ""
    pager: Pager | None = None
    today: date | None = None
    today_anchor: str | None = None  # anchor of the first month at or before today
    agencies: list[tuple[str, str]] = field(default_factory=list)  # (id, name) for the filter
    sections: list[tuple[str, str]] = field(default_factory=list)
    recurring: list[TimelineEntry] = field(default_factory=list)  # undated deadlines listed on this page
    recurring_total: int = 0  # all undated deadlines ("thường xuyên", "hằng tháng")
    recurring_url: str | None = None  # their own pages, when the main page only links them
    kind = "timeline"

    @property
    def entry_count(self) -> int:
        """Entries listed on this page (the filters only show when there are some)."""
        return sum(y.count for y in self.years)


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
    """One page of an agency: its totals (``data``) and this page's slice of each list."""

    data: AgencyData | None = None
    parents: list[Any] = field(default_factory=list)
    children: list[AgencyData] = field(default_factory=list)
    intro_path: str | None = None  # content/co-quan/<id>.md, if any
    lead: list[TaskRow] = field(default_factory=list)
    support: list[TaskRow] = field(default_factory=list)
    issued: list[Plan] = field(default_factory=list)
    events: list[TimelineEntry] = field(default_factory=list)
    offset: int = 0  # position of this page's first row in each list
    pager: Pager | None = None
    feed_url: str | None = None  # the agency's calendar feed, when it has dated entries and exports are on
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

    @property
    def anchor(self) -> str:
        """The task's row in the plan's table."""
        return task_anchor(self.task_index + 1)


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
                             catalog.task_status(task), task.index))
    ticks = []
    y, m = lo.year, lo.month
    months = (hi_next.year - lo.year) * 12 + hi_next.month - lo.month
    step = max(1, math.ceil(months / 12))
    for i in range(0, months, step):
        mm = (m - 1 + i) % 12 + 1
        yy = y + (m - 1 + i) // 12
        ticks.append((round((date(yy, mm, 1) - lo).days / span * 100, 2), month_short(yy, mm)))
    return PlanGantt(lo, hi, rows, ticks)


def _timeline_years(entries: list[TimelineEntry]) -> list[TimelineYear]:
    by_month: dict[tuple[int, int], list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        bucket = entry.bucket
        if bucket:
            by_month[bucket].append(entry)
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


# -- the plan list ---------------------------------------------------------------------------------------

def _plan_list_views(catalog: Catalog, page_size: int) -> list[View]:
    """The plan list, newest first, ``page_size`` plans a page; each page filters its own plans."""
    paths = catalog.paths
    return _paged_plan_list(
        catalog, catalog.plans, paths.plans_url(), page_size, "Danh sách kế hoạch",
        "Tất cả kế hoạch đã ban hành, lọc theo năm, cơ quan ban hành, loại văn bản và chuyên trang.",
        in_nav=True, year_index=True,
    )


def _paged_plan_list(catalog: Catalog, plans: list[Plan], base_url: str, page_size: int, title: str,
                     description: str, *, in_nav: bool = False, year_index: bool = False,
                     crumbs: list[tuple[str, str]] | None = None) -> list[View]:
    """``plans`` (newest first) on numbered pages at ``base_url``, ``trang-2/`` …, ``page_size`` a page.

    The first page is ``title``; the others add "— trang N". With ``year_index``, a page that
    continues lists the years with the page each starts on.
    """
    chunks = _chunks(plans, page_size)
    pages = SitePaths.numbered(index_source(base_url), base_url, len(chunks))
    urls = [url for _, url in pages]
    labels = [_years_label(chunk) for chunk in chunks]
    years: dict[str, tuple[int, str]] = {}
    if year_index and len(chunks) > 1:
        for number, chunk in enumerate(chunks):
            for plan in chunk:
                key = str(plan.year or "")
                count, url = years.get(key, (0, urls[number]))
                years[key] = (count + 1, url)
    views: list[View] = []
    for number, (chunk, (src, _)) in enumerate(zip(chunks, pages), 1):
        views.append(PlanListView(
            src, numbered_title(title, number),
            "plan-portal/plans.html", numbered_description(description, number),
            in_nav=in_nav and number == 1, plans=chunk, facets=catalog.facets(chunk), total=len(plans),
            offset=(number - 1) * page_size, pager=Pager(number, urls, labels) if len(chunks) > 1 else None,
            years=[(y, n, url) for y, (n, url) in years.items()], crumbs=list(crumbs or []),
        ))
    return views


def _years_label(plans: list[Plan]) -> str:
    """"2024" or "2024–2023": the years a page of the (newest first) plan list covers."""
    years = [p.year for p in plans if p.year]
    if not years:
        return ""
    first, last = str(years[0]), str(years[-1])
    return first if first == last else f"{first}–{last}"


# -- the timeline ----------------------------------------------------------------------------------------

def _today_anchor(months: list[Any], today: date) -> str | None:
    """The first (newest-first) month at or before today, when today falls within the page's months."""
    now = (today.year, today.month)
    if not months or (months[-1].year, months[-1].month) > now or (
        (months[0].year, months[0].month) < now and months[0].year < today.year
    ):
        return None  # a page of earlier (or only later) months has no "now" to jump to
    for month in months:
        if (month.year, month.month) <= now:
            return month.anchor
    return None


def _filter_agencies(years: list[TimelineYear]) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for year in years:
        for month in year.months:
            for entry in month.entries:
                for ref in entry.agencies:
                    if ref.agency is not None:
                        found.setdefault(ref.agency.id, ref.agency.name)
    return sorted(found.items(), key=lambda x: (fold(x[1]), x[0]))


def _timeline_views(catalog: Catalog, recent_years: int, page_size: int) -> list[View]:
    """The main timeline, a page per older year, and month pages for years summarised by month.

    The main page lists every year while the whole timeline fits in ``page_size`` entries (a small
    portal keeps one page); beyond that it shows the ``recent_years`` years (this year, the ones
    before it and any later one). Older years always have their own page, linked from the main one.
    A page lists its entries in full when there are at most ``page_size`` of them; otherwise it
    shows each month with its counts, linking to the month's pages (``page_size`` entries each).
    """
    paths = catalog.paths
    today = catalog.today
    base = paths.timeline_url()
    years = _timeline_years(catalog.timeline)
    first_recent = today.year - max(recent_years, 0) + 1
    recent = [y for y in years if y.year >= first_recent]
    older = [y for y in years if y.year < first_recent]
    sections = [(s.slug, s.title) for s in catalog.sections]
    root_crumb = ("Dòng thời gian", base)

    def summarise(year: TimelineYear) -> TimelineYearSummary:
        months = []
        for month in year.months:
            kinds: dict[str, int] = defaultdict(int)
            for entry in month.entries:
                kinds[entry.kind] += 1
            counts = [(kind, kinds[kind]) for kind in KIND_LABELS if kinds.get(kind)]
            months.append(TimelineMonthLink(year.year, month.month, paths.timeline_month(year.year, month.month),
                                            len(month.entries), counts, math.ceil(len(month.entries) / page_size)))
        return TimelineYearSummary(year.year, year.count, months)

    def page(src: str, title: str, heading: str, description: str, shown: list[TimelineYear], *, in_nav: bool = False,
             crumbs: list[tuple[str, str]] | None = None, older_links: list[tuple[int, int, str]] | None = None,
             pager: Pager | None = None, older_listed: bool = False) -> TimelineView:
        inline = sum(y.count for y in shown) <= page_size or pager is not None
        listed = shown if inline else []
        summary = [] if inline else [summarise(y) for y in shown]
        months: list[Any] = [m for y in listed for m in y.months] + [m for s in summary for m in s.months]
        if not inline:
            summarised.extend(shown)
        return TimelineView(src, title, "plan-portal/timeline.html", description, in_nav=in_nav, years=listed,
                            summary=summary, older=older_links or [], older_listed=older_listed,
                            crumbs=crumbs or [], heading=heading,
                            pager=pager, today=today, today_anchor=_today_anchor(months, today),
                            agencies=_filter_agencies(listed), sections=sections)

    summarised: list[TimelineYear] = []
    everything_fits = sum(y.count for y in years) <= page_size
    main = page(
        index_source(base), "Dòng thời gian", "Dòng thời gian",
        "Các mốc ban hành, sự kiện và thời hạn nhiệm vụ của mọi kế hoạch.", years if everything_fits else recent,
        in_nav=True,
        older_links=[(y.year, y.count, paths.timeline_year(y.year)) for y in older], older_listed=everything_fits,
    )
    views: list[View] = [main]
    # Undated deadlines ("thường xuyên", "hằng tháng"): on the main page of a small portal, else on pages of their own.
    recurring = catalog.recurring
    main.recurring_total = len(recurring)
    if everything_fits and len(recurring) <= page_size:
        main.recurring = recurring
    elif recurring:
        chunks = _chunks(recurring, page_size)
        first = paths.timeline_recurring()
        pages = SitePaths.numbered(source_of(first), first, len(chunks))
        main.recurring_url = pages[0][1]
        urls = [url for _, url in pages]
        for number, (chunk, (src, _)) in enumerate(zip(chunks, pages), 1):
            view = page(src, numbered_title("Nhiệm vụ định kỳ, thường xuyên", number), "Nhiệm vụ định kỳ, thường xuyên",
                        "Các nhiệm vụ không có ngày cụ thể: thường xuyên, hằng tháng, hằng năm.", [],
                        crumbs=[root_crumb], pager=Pager(number, urls) if len(chunks) > 1 else None)
            view.recurring, view.recurring_total = chunk, len(recurring)
            views.append(view)
    for year in older:
        views.append(page(
            source_of(paths.timeline_year(year.year)), f"Dòng thời gian năm {year.year}", f"Dòng thời gian năm {year.year}",
            f"Các mốc ban hành, sự kiện và thời hạn nhiệm vụ năm {year.year}.", [year], crumbs=[root_crumb],
        ))
    older_years = {y.year for y in older}
    for year in summarised:
        crumbs = [root_crumb] + ([(f"Năm {year.year}", paths.timeline_year(year.year))] if year.year in older_years else [])
        for month in year.months:
            chunks = _chunks(month.entries, page_size)
            first = paths.timeline_month(year.year, month.month)
            pages = SitePaths.numbered(source_of(first), first, len(chunks))
            urls = [url for _, url in pages]
            for number, (chunk, (src, _)) in enumerate(zip(chunks, pages), 1):
                label = f"tháng {month.month}/{year.year}"
                views.append(page(
                    src, numbered_title(f"Dòng thời gian {label}", number), f"Dòng thời gian {label}",
                    f"Các mốc ban hành, sự kiện và thời hạn nhiệm vụ {label}.",
                    [TimelineYear(year.year, [TimelineMonth(year.year, month.month, chunk)])], crumbs=crumbs,
                    pager=Pager(number, urls) if len(chunks) > 1 else None,
                ))
    return views


# -- agencies --------------------------------------------------------------------------------------------

def _agency_views(catalog: Catalog, page_size: int) -> list[View]:
    """A page per agency; one with more than ``page_size`` rows in a list continues on ``trang-2/`` …"""
    paths = catalog.paths
    registry = catalog.registry
    views: list[View] = []
    for item in catalog.agencies_sorted():
        agency = item.agency
        kids = [catalog.agency_data[c.id] for c in registry.children(agency.id)] if agency.registered else []
        parents = list(reversed(registry.ancestors(agency.id))) if agency.registered else []
        lists = (item.lead, item.support, item.issued, item.events)
        count = max(1, *(math.ceil(len(rows) / page_size) for rows in lists))
        first = paths.agency_url(agency.id)
        pages = SitePaths.numbered(source_of(first), first, count)
        urls = [url for _, url in pages]
        feed = paths.agency_feed(agency.id) if catalog.agency_entries.get(agency.id) else None
        for number, (src, _) in enumerate(pages, 1):
            lo, hi = (number - 1) * page_size, number * page_size
            views.append(AgencyView(
                src, numbered_title(agency.name, number), "plan-portal/agency.html",
                numbered_description(f"Nhiệm vụ chủ trì, phối hợp của {agency.name} trong các kế hoạch.", number),
                data=item, parents=parents, children=kids, lead=item.lead[lo:hi], support=item.support[lo:hi],
                issued=item.issued[lo:hi], events=item.events[lo:hi], offset=lo,
                pager=Pager(number, urls) if count > 1 else None, feed_url=feed,
            ))
    return views


def build_views(
    catalog: Catalog,
    *,
    agency_page_size: int = DEFAULT_AGENCY_PAGE_SIZE,
    timeline_recent_years: int = DEFAULT_TIMELINE_RECENT_YEARS,
    timeline_page_size: int = DEFAULT_TIMELINE_PAGE_SIZE,
    plans_page_size: int = DEFAULT_PLANS_PAGE_SIZE,
    section_limits: SectionLimits | None = None,
) -> list[View]:
    """Every generated page of the site, in a stable order.

    Args:
        catalog: The site's catalog.
        agency_page_size: Rows of each list (chủ trì, phối hợp, kế hoạch ban hành, sự kiện) per agency page.
        timeline_recent_years: Years on the main timeline page (the current one and those before it;
            later years too); older years get a page each.
        timeline_page_size: Most entries a timeline page lists; a bigger page is summarised by month.
        plans_page_size: Plans per page of the plan list (and of a chuyên trang's own plan list).
        section_limits: What a chuyên trang's home lists; more plans continue on its own plan list.
    """
    paths = catalog.paths
    views: list[View] = _plan_list_views(catalog, max(1, plans_page_size))
    views += _timeline_views(catalog, timeline_recent_years, max(1, timeline_page_size))
    groups, unregistered = _agency_groups(catalog)
    views.append(AgencyIndexView(index_source(paths.agencies_url()), "Cơ quan, đơn vị", "plan-portal/agencies.html",
                                 "Các cơ quan chủ trì, phối hợp thực hiện nhiệm vụ trong các kế hoạch.", in_nav=True,
                                 groups=groups, unregistered=unregistered))
    views += _agency_views(catalog, max(1, agency_page_size))
    today = catalog.today
    current, past = [], []
    for section in catalog.sections:
        if section.section is None:
            continue
        ons = [a.on.end or a.on.start for a in section.section.anniversaries if (a.on.end or a.on.start)]
        (past if ons and max(ons) < today else current).append(section)
    views += _section_plan_views(catalog, max(1, plans_page_size), (section_limits or SectionLimits()).plans)
    views.append(SectionIndexView(index_source(paths.sections_url()), "Chuyên trang", "plan-portal/sections.html",
                                  "Chuyên trang kỷ niệm các ngày lễ lớn.", in_nav=True, current=current, past=past))
    broken = [e for e in catalog.entries if not e.ok]
    views.append(ReportView(index_source(paths.report_url()), "Báo cáo kiểm tra nội dung", "plan-portal/report.html",
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
    plans_total: int = 0  # plans of the section (``plans`` holds the newest SECTION_HOME_PLANS)
    plans_url: str | None = None  # the section's own paginated plan list, when ``plans`` is not all of them
    events_total: int = 0  # events of the section (``events``: the SECTION_HOME_EVENTS nearest to today)
    tasks_listed: bool = True  # whether the home page lists every task (at most SECTION_HOME_TASKS)

    @property
    def task_count(self) -> int:
        return sum(p.total for p in self.progress)


def section_data(catalog: Catalog, slug: str, limits: SectionLimits | None = None) -> SectionData:
    """Plans, events, countdown and progress by lead agency for one section."""
    limits = limits or SectionLimits()
    today = catalog.today
    plans = catalog.section_plans.get(slug, [])
    entries = catalog.section_entries.get(slug, [])  # newest first, indexed once by the catalog
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
    shown_events = events
    if len(events) > limits.events:  # the nearest to today: upcoming first, then the latest past ones
        ahead_events = [e for e in events if (e.period.end or e.period.start or date.min) >= today]
        past_events = [e for e in events if (e.period.end or e.period.start or date.min) < today]
        keep = ahead_events[: limits.events]
        keep += past_events[max(0, len(past_events) - (limits.events - len(keep))):]
        shown_events = sorted(keep, key=lambda e: e.sort_key)
    paths = catalog.paths
    return SectionData(
        plans[: limits.plans], shown_events, upcoming, progress, ceremony, ceremony_ahead, anniversary_day,
        anniversary_ahead, days_left, plans_total=len(plans),
        plans_url=paths.section_plans(slug) if len(plans) > limits.plans else None,
        events_total=len(events), tasks_listed=sum(p.total for p in progress) <= limits.tasks,
    )


def _section_plan_views(catalog: Catalog, page_size: int, home_plans: int) -> list[View]:
    """The plans of each chuyên trang that has more than its home page shows, ``page_size`` a page."""
    views: list[View] = []
    for section in catalog.sections:
        plans = catalog.section_plans.get(section.slug, [])
        if len(plans) > home_plans:
            views += _paged_plan_list(
                catalog, plans, catalog.paths.section_plans(section.slug), page_size,
                f"Kế hoạch của chuyên trang {section.title}", f"Các kế hoạch thuộc chuyên trang {section.title}.",
                crumbs=[(section.title, catalog.paths.section_url(section.slug))],
            )
    return views
