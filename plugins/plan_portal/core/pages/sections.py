"""Page kind ``sections``: the list of chuyên trang (``chuyen-trang/``), current ones first, and the own
plan list of a chuyên trang with more plans than its home shows (``chuyen-trang/<slug>/cac-ke-hoach/``).

A chuyên trang's home is a content page (``chuyen-trang/<slug>/index.md``); what it shows is
:func:`section_data`, computed once per chuyên trang when its template asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..catalog import Catalog, TimelineEntry
from ..model import Plan
from ..options import DEFAULTS, Options
from .. import status as statuses
from ..text import fold
from ..urls import index_source
from .base import View
from .plans import paged_plan_list

__all__ = ["AgencyProgress", "SectionData", "SectionIndexView", "build", "section_data"]


@dataclass
class SectionIndexView(View):
    current: list[Any] = field(default_factory=list)
    past: list[Any] = field(default_factory=list)
    kind = "sections"


def build(catalog: Catalog, options: Options) -> list[View]:
    today = catalog.today
    current, past = [], []
    for section in catalog.sections:
        if section.section is None:
            continue
        ons = [a.on.end or a.on.start for a in section.section.anniversaries if (a.on.end or a.on.start)]
        (past if ons and max(ons) < today else current).append(section)
    views = _plan_lists(catalog, max(1, options.plans_page_size), options.section_home_plans)
    views.append(SectionIndexView(index_source(catalog.paths.sections_url()), "Chuyên trang", "plan-portal/sections.html",
                                  "Chuyên trang kỷ niệm các ngày lễ lớn.", in_nav=True, current=current, past=past))
    return views


def _plan_lists(catalog: Catalog, page_size: int, home_plans: int) -> list[View]:
    """The plans of each chuyên trang that has more than its home page shows, ``page_size`` a page."""
    views: list[View] = []
    for section in catalog.sections:
        plans = catalog.section_plans.get(section.slug, [])
        if len(plans) > home_plans:
            views += paged_plan_list(
                catalog, plans, catalog.paths.section_plans(section.slug), page_size,
                f"Kế hoạch của chuyên trang {section.title}", f"Các kế hoạch thuộc chuyên trang {section.title}.",
                crumbs=[(section.title, catalog.paths.section_url(section.slug))],
            )
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
    plans_total: int = 0  # plans of the section (``plans`` holds the newest section_home_plans)
    plans_url: str | None = None  # the section's own paginated plan list, when ``plans`` is not all of them
    events_total: int = 0  # events of the section (``events``: the section_home_events nearest to today)
    tasks_listed: bool = True  # whether the home page lists every task (at most section_home_tasks)

    @property
    def task_count(self) -> int:
        """Tasks of the section, each once: a task led by two agencies is in two rows of ``progress``
        (66 rows for the 59 tasks of 48/KH-UBND), but it is one task."""
        return len({(plan.path, task.index) for p in self.progress for plan, task in p.tasks})


def section_data(catalog: Catalog, slug: str, options: Options = DEFAULTS) -> SectionData:
    """Plans, events, countdown and progress by lead agency for one section."""
    today = catalog.today
    plans = catalog.section_plans.get(slug, [])
    entries = catalog.section_entries.get(slug, [])  # newest first, indexed once by the catalog
    events = sorted((e for e in entries if e.kind == "event"), key=lambda e: e.sort_key)
    upcoming = sorted((e for e in entries if e.kind != "issued" and statuses.ahead(e.period, today)),
                      key=lambda e: e.sort_key)[:30]  # 10 shown, the rest for a reader after the build day
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
    if len(events) > options.section_home_events:  # the nearest to today: upcoming first, then the latest past ones
        ahead_events = [e for e in events if statuses.ahead(e.period, today)]
        past_events = [e for e in events if not statuses.ahead(e.period, today)]
        keep = ahead_events[: options.section_home_events]
        keep += past_events[max(0, len(past_events) - (options.section_home_events - len(keep))):]
        shown_events = sorted(keep, key=lambda e: e.sort_key)
    paths = catalog.paths
    return SectionData(
        plans[: options.section_home_plans], shown_events, upcoming, progress, ceremony, ceremony_ahead, anniversary_day,
        anniversary_ahead, days_left, plans_total=len(plans),
        plans_url=paths.section_plans(slug) if len(plans) > options.section_home_plans else None,
        events_total=len(events), tasks_listed=sum(p.total for p in progress) <= options.section_home_tasks,
    )
