"""Every URL and path of a portal, in one place: pages, numbered pages, months, chuyên trang lists,
data files and feeds.

URLs are site-relative, without a leading slash, directory style (``co-quan/so-tai-chinh/``);
templates turn them into links with the ``url`` filter or ``base_url``. A template asks for a
link here (``portal.urls.timeline_feed()``) and never builds one. A link to a file the build
does not write cannot be asked for: with ``exports`` off the feeds and data files are ``None``.

The source path (``src_uri``) of a generated page is its URL's Markdown file: ``dong-thoi-gian/2019/``
is ``dong-thoi-gian/2019.md``; the first page of a top-level list is its ``index.md``, so that a
hand-written ``content/ke-hoach/index.md`` is that page's introduction.
"""

from __future__ import annotations

from dataclasses import dataclass

from .options import DEFAULTS, Options

__all__ = ["PAGE_SEGMENT", "SEARCH_DIR", "SitePaths", "file_url", "index_source", "month_anchor", "source_of", "task_anchor", "task_url"]

#: Path segment of the numbered pages of a listing: ``co-quan/<id>/trang-2/``.
PAGE_SEGMENT = "trang"
#: Where the timeline's undated deadlines go when the main page cannot hold them: ``dong-thoi-gian/dinh-ky/``.
RECURRING_SEGMENT = "dinh-ky"
#: Path segment of a chuyên trang's own plan list, when its home page cannot hold them all.
SECTION_PLANS_SEGMENT = "cac-ke-hoach"
#: The search page.
SEARCH_DIR = "tim-kiem"
#: The statistics page (issue 15): ``thong-ke/``.
STATS_DIR = "thong-ke"
#: The folder of the data files, and the name of a calendar feed.
DATA_DIR = "du-lieu"
ICS_NAME = "lich.ics"
#: The name of an Atom feed of new plans, in the folder of the page it belongs to.
ATOM_NAME = "atom.xml"


def source_of(url: str) -> str:
    """The Markdown source of a generated page at ``url``: ``a/b/`` → ``a/b.md``."""
    return url.rstrip("/") + ".md"


def index_source(url: str) -> str:
    """The Markdown source of the first page of a top-level list at ``url``: ``ke-hoach/`` → ``ke-hoach/index.md``."""
    return f"{url}index.md"


def month_anchor(year: int, month: int, first: int | None = None) -> str:
    """The anchor of a month on a timeline page; of a span of months ("Quý III/2024") with ``first``."""
    if first is not None and first != month:
        return f"thang-{first}-{month}-{year}"
    return f"thang-{month}-{year}"


def task_anchor(key: str) -> str:
    """The anchor of a task's row in its plan's table, from its stable id (``core/taskids.py``): ``nv-ii-3-1``."""
    return f"nv-{key}"


def file_url(rel: str) -> str:
    """A content file published as it is (a plan's attachment): MkDocs copies it to its own path."""
    return rel


def task_url(plan_url: str, key: str) -> str:
    """A task's row in its plan page."""
    return f"{plan_url}#{task_anchor(key)}"


@dataclass(frozen=True)
class SitePaths:
    """Where every generated page and file lives (plugin options ``*_dir`` and ``exports``)."""

    plans: str = DEFAULTS.plans_dir
    timeline: str = DEFAULTS.timeline_dir
    agencies: str = DEFAULTS.agencies_dir
    sections: str = DEFAULTS.sections_dir
    report: str = DEFAULTS.report_dir
    exports: bool | tuple[str, ...] = DEFAULTS.exports  # which exports are built: all, none, or these (core/exports/)
    results: str = DEFAULTS.results_dir  # report documents (Báo cáo kết quả thực hiện), one page each
    search: bool = DEFAULTS.search  # the search page is built

    @classmethod
    def of(cls, options: Options) -> SitePaths:
        """The URLs of a site with ``options``."""
        return cls(options.plans_dir, options.timeline_dir, options.agencies_dir, options.sections_dir,
                   options.report_dir, options.exports, options.results_dir, options.search)

    def exported(self, name: str) -> bool:
        """Whether the export ``name`` ("json", "ics" …) is built."""
        return self.exports if isinstance(self.exports, bool) else name in self.exports

    # -- pages ------------------------------------------------------------------------------------------
    def plans_url(self) -> str:
        return f"{self.plans}/"

    def timeline_url(self) -> str:
        return f"{self.timeline}/"

    def timeline_year(self, year: int) -> str:
        return f"{self.timeline}/{year}/"

    def timeline_month(self, year: int, month: int) -> str:
        return f"{self.timeline}/{year}/thang-{month}/"

    def timeline_recurring(self) -> str:
        return f"{self.timeline}/{RECURRING_SEGMENT}/"

    def agencies_url(self) -> str:
        return f"{self.agencies}/"

    def agency_url(self, agency_id: str) -> str:
        return f"{self.agencies}/{agency_id}/"

    def sections_url(self) -> str:
        return f"{self.sections}/"

    def section_url(self, slug: str) -> str:
        return f"{self.sections}/{slug}/"

    def section_plans(self, slug: str) -> str:
        """A chuyên trang's own plan list: ``chuyen-trang/<slug>/cac-ke-hoach/``."""
        return f"{self.sections}/{slug}/{SECTION_PLANS_SEGMENT}/"

    def report_url(self) -> str:
        return f"{self.report}/"

    def stats_url(self) -> str:
        return f"{STATS_DIR}/"

    def search_url(self) -> str | None:
        """The search page, None when the option ``search`` is off."""
        return f"{SEARCH_DIR}/" if self.search else None

    @staticmethod
    def numbered(first_src: str, first_url: str, count: int) -> list[tuple[str, str]]:
        """(src_uri, url) of the ``count`` pages of a listing whose first page is ``first_src`` at ``first_url``."""
        out = [(first_src, first_url)]
        for number in range(2, count + 1):
            url = f"{first_url}{PAGE_SEGMENT}-{number}/"
            out.append((source_of(url), url))
        return out

    # -- data files and feeds: links (None when the build does not write them), then where they are written
    def json_export(self) -> str | None:
        """All plans as JSON."""
        return self.json_path() if self.exported("json") else None

    def timeline_feed(self) -> str | None:
        """The portal's iCalendar feed."""
        return self.timeline_feed_path() if self.exported("ics") else None

    def agency_feed(self, agency_id: str) -> str | None:
        """An agency's iCalendar feed (written for an agency with dated entries only)."""
        return self.agency_feed_path(agency_id) if self.exported("ics") else None

    def json_schema(self) -> str | None:
        """The JSON Schema of the JSON export, published next to it."""
        return self.json_schema_path() if self.exported("json") else None

    def plans_atom(self) -> str | None:
        """The portal's Atom feed of new plans."""
        return self.plans_atom_path() if self.exported("atom") else None

    def tasks_csv(self) -> str | None:
        """Every task with its status, as CSV (open data)."""
        return self.tasks_csv_path() if self.exported("csv") else None

    def tasks_csv_path(self) -> str:
        return f"{DATA_DIR}/nhiem-vu.csv"

    def json_path(self) -> str:
        return f"{DATA_DIR}/ke-hoach.json"

    def plans_atom_path(self) -> str:
        return f"{self.plans}/{ATOM_NAME}"

    def agency_atom_path(self, agency_id: str) -> str:
        return f"{self.agencies}/{agency_id}/{ATOM_NAME}"

    def section_atom_path(self, slug: str) -> str:
        return f"{self.sections}/{slug}/{ATOM_NAME}"

    def json_schema_path(self) -> str:
        return f"{DATA_DIR}/ke-hoach.schema.json"

    def timeline_feed_path(self) -> str:
        return f"{self.timeline}/{ICS_NAME}"

    def agency_feed_path(self, agency_id: str) -> str:
        return f"{self.agencies}/{agency_id}/{ICS_NAME}"
