"""Page kind ``timeline``: one timeline of plans issued, events and deadlines.

The main page shows the recent years (all of them on a small portal); older years get a page
each; a page too big for ``timeline_page_size`` entries is summarised by month, each month on its
own numbered pages; undated deadlines ("thường xuyên") go on the main page or pages of their own.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..catalog import Catalog, TimelineEntry
from ..labels import KIND_LABELS, month_label, numbered_title, span_label
from ..periods import Precision
from ..options import Options
from ..text import fold
from ..urls import SitePaths, index_source, month_anchor, source_of
from .base import Pager, View, in_pages

__all__ = ["TimelineMonth", "TimelineMonthLink", "TimelineView", "TimelineYear", "TimelineYearSummary", "build"]


@dataclass
class TimelineMonth:
    """A group of a timeline year: a month, or the span its entries were written with ("Quý III/2024",
    "Năm 2019"), ending with ``month``. A date keeps its own precision: a year-level deadline is not
    filed under December."""

    year: int
    month: int
    entries: list[TimelineEntry]
    first: int | None = None  # first month of a span; None for one month

    @property
    def label(self) -> str:
        return span_label(self.year, self.first or self.month, self.month)

    @property
    def anchor(self) -> str:
        return month_anchor(self.year, self.month, self.first)


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


_COARSE = (Precision.MONTH, Precision.QUARTER, Precision.YEAR)


def _group_of(entry: TimelineEntry) -> tuple[int, int, int] | None:
    """(year, first month, last month) the entry is listed under: the span it was written with when that
    is several whole months of one year ("Quý III–IV/2019", "Năm 2019"), else the month of its date."""
    bucket = entry.bucket
    if bucket is None:
        return None
    p = entry.period
    if (p.precision in _COARSE and p.start and p.end and not p.before and not p.ongoing
            and p.start.year == p.end.year == bucket[0] and p.start.month < p.end.month):
        return (bucket[0], p.start.month, p.end.month)
    return (bucket[0], bucket[1], bucket[1])


def _timeline_years(entries: list[TimelineEntry]) -> list[TimelineYear]:
    """Years, newest first, of groups newest first: by last month, the wider span first ("Năm 2019",
    "Quý IV/2019", then "Tháng 12/2019")."""
    groups: dict[tuple[int, int, int], list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        key = _group_of(entry)
        if key:
            groups[key].append(entry)
    years: dict[int, list[TimelineMonth]] = defaultdict(list)
    for (y, first, last) in sorted(groups, key=lambda k: (k[0], k[2], k[2] - k[1]), reverse=True):
        years[y].append(TimelineMonth(y, last, groups[(y, first, last)], first if first != last else None))
    return [TimelineYear(y, years[y]) for y in sorted(years, reverse=True)]


def _by_month(year: TimelineYear) -> list[TimelineMonth]:
    """The year's groups merged by their last month: a summarised year pages its entries month by month."""
    merged: dict[int, TimelineMonth] = {}
    for group in year.months:
        month = merged.setdefault(group.month, TimelineMonth(year.year, group.month, []))
        month.entries.extend(group.entries)
    return list(merged.values())


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


def build(catalog: Catalog, options: Options) -> list[View]:
    """The main timeline, a page per older year, and month pages for years summarised by month.

    The main page lists every year while the whole timeline fits in ``page_size`` entries (a small
    portal keeps one page); beyond that it shows the ``recent_years`` years (this year, the ones
    before it and any later one). Older years always have their own page, linked from the main one.
    A page lists its entries in full when there are at most ``page_size`` of them; otherwise it
    shows each month with its counts, linking to the month's pages (``page_size`` entries each).
    """
    recent_years, page_size = options.timeline_recent_years, max(1, options.timeline_page_size)
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
        for month in _by_month(year):
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
        chunks = in_pages(recurring, page_size)
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
        for month in _by_month(year):
            chunks = in_pages(month.entries, page_size)
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
