"""The portal's options and their defaults, in one place.

The MkDocs plugin's options (``plugins/plan_portal/mkdocs/config.py``) take their defaults from
:data:`DEFAULTS`; the core (:class:`~plan_portal.core.urls.SitePaths`, the page kinds of
:mod:`plan_portal.core.pages`) reads an :class:`Options`. Each option is documented where the
plugin declares it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULTS", "Options"]


@dataclass(frozen=True)
class Options:
    """What a site may change. Folders are relative to the content folder and are the URLs of the pages."""

    plans_dir: str = "ke-hoach"
    timeline_dir: str = "dong-thoi-gian"
    agencies_dir: str = "co-quan"
    sections_dir: str = "chuyen-trang"
    report_dir: str = "bao-cao"
    results_dir: str = "bao-cao-ket-qua"  # report documents (Báo cáo kết quả thực hiện)
    registry: str = "co-quan.yml"
    exports: bool | tuple[str, ...] = True  # all, none, or names from core/exports/
    search: bool = True  # the search page and its Pagefind index
    plans_page_size: int = 400  # plans per page of the plan list (and of a chuyên trang's own list)
    agency_page_size: int = 100  # rows of each list per agency page
    timeline_recent_years: int = 3  # years on the main timeline page
    timeline_page_size: int = 400  # entries per timeline page; bigger pages are summarised by month
    # What a chuyên trang's home page lists at most (issue 8: no generated page over 1 MB). Beyond that
    # its plans continue on ``chuyen-trang/<slug>/cac-ke-hoach/`` and the task list becomes the table of
    # progress by agency (each plan page has its tasks).
    section_home_plans: int = 50
    section_home_events: int = 50
    section_home_tasks: int = 400


#: The defaults.
DEFAULTS = Options()
