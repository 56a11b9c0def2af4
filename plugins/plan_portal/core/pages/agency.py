"""Page kind ``agency``: a page per agency (``co-quan/<id>/``): the tasks it leads and supports across
all plans, the plans it issued and its events, on numbered pages of ``agency_page_size`` rows."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..catalog import AgencyData, Catalog, TaskRow, TimelineEntry
from ..labels import numbered_description, numbered_title
from ..model import Plan
from ..options import Options
from ..urls import SitePaths, source_of
from .base import Pager, View

__all__ = ["AgencyView", "build"]


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


def build(catalog: Catalog, options: Options) -> list[View]:
    """A page per agency; one with more than ``agency_page_size`` rows in a list continues on ``trang-2/`` …"""
    page_size = max(1, options.agency_page_size)
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
