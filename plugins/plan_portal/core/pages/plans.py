"""Page kind ``plans``: the plan list, newest first, on numbered pages (``ke-hoach/``, ``ke-hoach/trang-2/`` …),
each page with the filter values of its own plans. A chuyên trang's own plan list is the same view
(:func:`paged_plan_list`, kind ``sections``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog import Catalog
from ..labels import numbered_description, numbered_title
from ..model import Plan
from ..options import Options
from ..urls import SitePaths, index_source
from .base import Pager, View, in_pages

__all__ = ["PlanListView", "build", "paged_plan_list"]


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


def build(catalog: Catalog, options: Options) -> list[View]:
    """The plan list, newest first, ``plans_page_size`` plans a page; each page filters its own plans."""
    paths = catalog.paths
    return paged_plan_list(
        catalog, catalog.plans, paths.plans_url(), max(1, options.plans_page_size), "Danh sách kế hoạch",
        "Tất cả kế hoạch đã ban hành, lọc theo năm, cơ quan ban hành, loại văn bản và chuyên trang.",
        in_nav=True, year_index=True,
    )


def paged_plan_list(catalog: Catalog, plans: list[Plan], base_url: str, page_size: int, title: str,
                     description: str, *, in_nav: bool = False, year_index: bool = False,
                     crumbs: list[tuple[str, str]] | None = None) -> list[View]:
    """``plans`` (newest first) on numbered pages at ``base_url``, ``trang-2/`` …, ``page_size`` a page.

    The first page is ``title``; the others add "— trang N". With ``year_index``, a page that
    continues lists the years with the page each starts on.
    """
    chunks = in_pages(plans, page_size)
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
