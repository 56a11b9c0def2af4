"""Generated pages as plain data: one module per page kind, one line each in :data:`PAGES`.

Like Material's blog plugin (``View(Page)`` with ``Archive``/``Category``), but free of MkDocs:
a view (:class:`~plan_portal.core.pages.base.View`) knows its source path, title, template and
the precomputed data its template shows; the MkDocs adapter turns each into ``File.generated``.
A page kind is a module with ``build(catalog, options) -> list[View]``; its URLs come from
:mod:`plan_portal.core.urls`, its options (page sizes) from :class:`~plan_portal.core.options.Options`.

=============  ===========================================================================
``plans``      the plan list, newest first, on numbered pages (:mod:`.plans`)
``timeline``   the timeline: recent years, a page per older year, months (:mod:`.timeline`)
``agencies``   the agency list, grouped (:mod:`.agencies`)
``agency``     a page per agency: what it leads and supports, by when (:mod:`.agency`)
``sections``   the chuyên trang list and their own plan lists (:mod:`.sections`)
``report``     every content problem found at build time (:mod:`.report`)
``stats``      statistics: tasks by status per agency, deadlines per month, results on time (:mod:`.stats`)
=============  ===========================================================================

:mod:`.plan` holds what a plan page (a content page) shows beyond its model (its Gantt), and
:func:`.sections.section_data` what a chuyên trang's home shows.

Every listing is bounded, so that no generated page grows with the size of the portal.
A new page kind (a statistics page …) is a module here plus a line in :data:`PAGES`, and a
template ``plan-portal/<kind>.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..options import DEFAULTS, Options
from . import agencies, agency, plans, report, sections, stats, timeline
from .base import Pager, View

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["PAGES", "PageKind", "Pager", "View", "build_views"]


@dataclass(frozen=True)
class PageKind:
    """A kind of generated page: its name and how its pages are built from the catalog."""

    name: str
    build: Callable[[Catalog, Options], list[View]]


#: Every kind of generated page, in the order their pages are added to the site.
PAGES: list[PageKind] = [
    PageKind("plans", plans.build),
    PageKind("timeline", timeline.build),
    PageKind("agencies", agencies.build),
    PageKind("agency", agency.build),
    PageKind("sections", sections.build),
    PageKind("report", report.build),
    PageKind("stats", stats.build),
]


def build_views(catalog: Catalog, options: Options = DEFAULTS) -> list[View]:
    """Every generated page of the site, in a stable order."""
    views: list[View] = []
    for kind in PAGES:
        views += kind.build(catalog, options)
    return views
