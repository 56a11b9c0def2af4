"""Options of the ``plan-portal`` plugin, as set under ``plugins:`` in ``mkdocs.yml``."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..core.options import DEFAULTS


class IdentityConfig(Config):
    """Who runs the portal, shown in the footer of every page (Nghị định 42/2022/NĐ-CP asks a state
    body's website to name its owner, address, phone, email and the person responsible)."""

    owner = c.Optional(c.Type(str))
    """The body that owns and runs the portal (cơ quan chủ quản): "Văn phòng UBND tỉnh …"."""

    address = c.Optional(c.Type(str))
    """Its postal address."""

    phone = c.Optional(c.Type(str))
    """Its phone number, as people dial it."""

    email = c.Optional(c.Type(str))
    """Its email address."""

    responsible = c.Optional(c.Type(str))
    """The person responsible for the content (người chịu trách nhiệm chính), with their title."""

    licence = c.Optional(c.Type(str))
    """The terms for reusing the content: "Ghi rõ nguồn «Cổng kế hoạch» khi phát hành lại thông tin"."""

    licence_url = c.Optional(c.Type(str))
    """A page with the full licence or terms, linked from the licence line."""


class PlanPortalConfig(Config):
    """Plugin options. Paths are relative to ``docs_dir`` and become the URLs of the generated sections."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (plans then build as plain Markdown pages)."""

    plans_dir = c.Type(str, default=DEFAULTS.plans_dir)
    """Folder of the plan files; the plan list is generated at its URL (``/ke-hoach/``)."""

    timeline_dir = c.Type(str, default=DEFAULTS.timeline_dir)
    """URL of the portal-wide timeline (``/dong-thoi-gian/``)."""

    agencies_dir = c.Type(str, default=DEFAULTS.agencies_dir)
    """URL of the agency list; each agency gets ``<agencies_dir>/<id>/``. Hand-written intros live at ``<agencies_dir>/<id>.md``."""

    sections_dir = c.Type(str, default=DEFAULTS.sections_dir)
    """Folder of the chuyên trang; each ``<sections_dir>/<slug>/index.md`` is a section."""

    report_dir = c.Type(str, default=DEFAULTS.report_dir)
    """URL of the build report page that lists every content problem."""

    results_dir = c.Type(str, default=DEFAULTS.results_dir)
    """Folder of the report documents (Báo cáo kết quả thực hiện); each report gets its own page there."""

    registry = c.Type(str, default=DEFAULTS.registry)
    """The agency registry file in ``docs_dir`` (read, never published)."""

    today = c.Optional(c.Type((str, date)))
    """Fix the build date (``2024-09-01``) for reproducible builds; default: ``SOURCE_DATE_EPOCH`` or today."""

    agency_page_size = c.Type(int, default=DEFAULTS.agency_page_size)
    """Rows of each list of an agency page (tasks it leads, tasks it supports, plans it issued, events)
    before the rest moves to further pages: ``co-quan/<id>/trang-2/`` …"""

    timeline_recent_years = c.Type(int, default=DEFAULTS.timeline_recent_years)
    """Years shown on the main timeline page (this year and the ones before it, and any later year);
    older years get a page each: ``dong-thoi-gian/<year>/``."""

    timeline_page_size = c.Type(int, default=DEFAULTS.timeline_page_size)
    """Most entries one timeline page lists. A page that would list more (the recent years, or an older
    year) shows each month with its counts instead, and each month gets its own pages of this many
    entries: ``dong-thoi-gian/<year>/thang-<month>/``, then ``…/trang-2/`` …"""

    plans_page_size = c.Type(int, default=DEFAULTS.plans_page_size)
    """Plans per page of the plan list, newest first: ``ke-hoach/``, then ``ke-hoach/trang-2/`` …
    The filters work on the plans of the page shown."""

    section_home_plans = c.Type(int, default=DEFAULTS.section_home_plans)
    """Newest plans a chuyên trang's home page lists; with more, all of them are listed on
    ``chuyen-trang/<slug>/cac-ke-hoach/`` (``plans_page_size`` a page), linked from the home page."""

    section_home_events = c.Type(int, default=DEFAULTS.section_home_events)
    """Events a chuyên trang's home page lists at most: the nearest to the build date."""

    section_home_tasks = c.Type(int, default=DEFAULTS.section_home_tasks)
    """A chuyên trang with at most this many tasks lists them all, by lead agency, on its home page;
    with more it shows the table of progress by agency only."""

    search = c.Type(bool, default=DEFAULTS.search)
    """Search with Pagefind: the search page ``tim-kiem/`` and, after each build, the index ``pagefind/``
    (needs the ``pagefind[bin]`` package, a dependency of the plugin). Leave Material's ``search``
    plugin out of ``plugins:`` (docs/search.md)."""

    exports = c.Type((bool, list), default=DEFAULTS.exports)
    """Data files: ``true`` writes every export (``du-lieu/ke-hoach.json``, the iCalendar feeds), ``false``
    none, or a list of export names (``[json, ics]``, see ``plan_portal.core.exports``). Links to a file
    that is not written are left out of the pages."""

    identity = c.SubConfig(IdentityConfig)
    """Who runs the portal: ``owner``, ``address``, ``phone``, ``email``, ``responsible``, ``licence``
    (and ``licence_url``), shown in the footer of every page. The logo or emblem is Material's
    ``theme.logo`` (an image in ``docs_dir``); the footer shows it too."""

    editor = c.Type(bool, default=True)
    """Publish the web editor (Decap CMS, from ``node_modules``: run ``npm ci``) at ``/<editor_dir>/``,
    its configuration generated from the model (docs/bien-tap.md). Without ``node_modules`` the build
    warns; set ``editor: false`` for a portal edited only through git."""

    editor_dir = c.Type(str, default="bien-tap")
    """URL of the web editor."""

    editor_backend = c.Type(dict, default={})
    """Decap CMS ``backend`` (``name: github``, ``repo: owner/name``, ``branch``, ``base_url`` for the
    sign-in service; or ``name: gitea`` with ``api_root`` for an intranet: docs/hosting.md). Default:
    GitHub, with the repository of ``repo_url``."""

    editor_publish_mode = c.Choice(("editorial_workflow", "simple"), default="editorial_workflow")
    """``editorial_workflow``: each save in the editor opens a pull request (checked by the workflow, merged
    by a reviewer); ``simple``: each save is a commit on the branch. Editing a local checkout through
    ``scripts/editor`` always writes the files directly."""

    cache_dir = c.Type(str, default=".cache/plan-portal")
    """Folder (relative to ``mkdocs.yml``, outside the content folder) where ``mkdocs build`` keeps the plans it
    parsed, so the next build parses only the plans that changed; empty turns it off."""

    workers = c.Type(int, default=2)
    """Processes that render the site in ``mkdocs build`` (2: a second one renders the generated pages and
    writes the data files, ``mkdocs/workers.py``); 1 renders everything in MkDocs' own process."""

    editor_proxy_port = c.Type((int, str), default=8081)
    """Port of the local proxy that ``scripts/editor`` starts (editing a checkout on one computer)."""

    editor_inbox = c.Type(str, default="nhap")
    """Repository folder where files uploaded in the editor land (signed ``.docx`` to import), outside
    the content folder so nothing uploaded is published before review."""

    editor_node_modules = c.Optional(c.Type(str))
    """Where ``decap-cms`` is installed, relative to mkdocs.yml; default: ``node_modules`` next to
    mkdocs.yml, else the plugin's source checkout."""
