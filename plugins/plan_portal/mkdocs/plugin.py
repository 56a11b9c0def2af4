"""The ``plan-portal`` MkDocs plugin: a thin adapter over :mod:`plan_portal.core`.

Flow, once per build (linear in content):

* ``on_config``: register the plugin's templates after the theme's (so a theme
  ``custom_dir`` overrides them) and its stylesheet and script.
* ``on_files``: load every plan, the agency registry and the chuyên trang with the
  core, build the :class:`~plan_portal.core.catalog.Catalog`, log every problem (so
  ``--strict`` fails), keep plans out of the navigation, and add the generated pages
  and data files with ``File.generated``.
* ``on_page_markdown``: give plan pages their body (front matter removed by our own
  reader, even when its YAML is broken) and template.
* ``on_page_context``: hand templates the catalog and the page's view.

Under ``mkdocs serve`` (``on_startup``) the instance lives across rebuilds and keeps a
:class:`~plan_portal.core.loader.PlanCache`: a save re-reads only the saved plans. Under
``mkdocs serve --dirty`` (``scripts/serve``) it also re-renders only the pages a save changes
(:mod:`.dirty`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.agencies import Registry
from ..core.attachments import attachment_problems
from ..core.audit import content_problems
from ..core.files import ContentScan, scan_content
from ..core.catalog import Catalog
from ..core.urls import SitePaths
from ..core.loader import PlanCache, PlanEntry, decode_source, iter_plan_files, load_plan
from ..core.reports import ReportEntry, load_report
from ..core.sanitize import sanitize_html
from ..core.sections import SectionEntry, load_sections
from ..core import status as statuses
from ..core.pages import View, build_views
from ..core.exports import write_data_files
from ..site import PortalContext, register_filters
from .search import SEARCH_PAGE, SearchIndexer, add_search_page, search_page_meta
from .config import PlanPortalConfig
from .dirty import DirtyServe
from .editor import editor_files, find_node_modules
from .meta import page_markdown, stub
from .settings import build_date, core_options, disk_cache, save_cache
from .site_files import drop_refused, keep_site_files
from .workers import Workers, share_plans

log = get_plugin_logger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSETS_URI = "assets/plan-portal"
STATUS_SCRIPT = "status.js"  # generated from core/status.py: the status table as data for portal.js


class PlanPortalPlugin(BasePlugin[PlanPortalConfig]):
    """Turns ``content/ke-hoach/**.md`` plans into a portal: plan pages, lists, timelines, agencies, chuyên trang."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self._entries: dict[str, PlanEntry] = {}
        self._sections: dict[str, SectionEntry] = {}
        self._reports: dict[str, ReportEntry] = {}
        self._views: dict[str, View] = {}
        self._portal: PortalContext | None = None
        self._cache: PlanCache | None = None
        self._said_no_sitemap = False
        self._editor_builds = 0
        self._serving = False
        self._dirty: DirtyServe | None = None  # mkdocs serve --dirty only
        self._rebuilt = True  # whether this build made a new catalog (else only plan bodies changed)
        self._indexer = SearchIndexer()
        self._workers = Workers()
        self._worker_plans: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under ``mkdocs serve`` MkDocs keeps this instance between rebuilds (it has ``on_startup``):
        plans are then cached by content, and a save re-reads only the saved plan (issue 8)."""
        self._cache = PlanCache() if command == "serve" else None
        self._serving = command == "serve"
        if self._dirty is not None:
            self._dirty.close()
        self._dirty = DirtyServe() if command == "serve" and dirty else None
        self._workers = Workers.for_command(command, self.config.workers)

    def on_shutdown(self) -> None:
        if self._dirty is not None:
            self._dirty.close()
            self._dirty = None

    # -- configuration ----------------------------------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # Appended last: the theme's custom_dir and the theme itself come first, so users can override.
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES_DIR))
        for name in sorted(p.name for p in ASSETS_DIR.glob("*.css")):
            uri = f"{ASSETS_URI}/{name}"
            if uri not in config.extra_css:
                config.extra_css.append(uri)
        # The status table first: portal.js reads it (window.PlanPortalStatus).
        for name in [STATUS_SCRIPT, *sorted(p.name for p in ASSETS_DIR.glob("*.js"))]:
            uri = f"{ASSETS_URI}/{name}"
            if uri not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(uri)
        self.options = core_options(self.config)
        # Another plugin may gather every page (a search index, a blog): with it, one process renders them all.
        self._workers.enabled &= not [name for name in config.plugins if name != "plan-portal"]
        self.paths = SitePaths.of(self.options)
        self.today = build_date(self.config.today)
        self._site_files(config)
        return config

    def _site_files(self, config: MkDocsConfig) -> None:
        """robots.txt always; sitemap.xml only with a site_url (a sitemap lists absolute URLs: without one
        MkDocs writes an empty <urlset>, which the sitemaps.org schema rejects). Both are templates."""
        config.theme.static_templates.add("robots.txt")
        if not config.site_url:
            config.theme.static_templates.discard("sitemap.xml")
            if not self._said_no_sitemap:
                self._said_no_sitemap = True  # once, not at every rebuild of mkdocs serve
                log.info("Không tạo sitemap.xml vì chưa có site_url (sơ đồ trang cần địa chỉ đầy đủ của cổng): "
                         "đặt site_url trong mkdocs.yml hoặc biến SITE_URL khi xuất bản.")

    # -- loading ----------------------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        serve = self._dirty
        if serve is not None:
            serve.cancel_exports()  # a newer save: the exports of the previous build are written again
        keep_site_files(files, config, TEMPLATES_DIR)
        docs_dir = Path(config.docs_dir)
        # Before anything reads a file: drop every file reached through a link leading outside docs_dir.
        scan = scan_content(docs_dir)
        drop_refused(files, scan, docs_dir)
        registry = self._load_registry(files, docs_dir, scan)
        self._entries = {}
        attached: list = []
        plan_paths = {rel for _, rel in iter_plan_files(docs_dir, self.paths.plans, scan)}
        cache = self._cache if self._cache is not None else disk_cache(self.config.cache_dir, config.config_file_path, config.docs_dir)
        for file in files.documentation_pages():
            if file.src_uri not in plan_paths:
                continue
            # Plans stay out of the nav: Material renders the whole nav into every page (quadratic builds).
            file.inclusion = InclusionLevel.NOT_IN_NAV
            entry = load_plan(Path(file.abs_src_path or ""), file.src_uri, url=file.url, cache=cache)
            attached += attachment_problems(scan, docs_dir, entry)  # before the line map is trimmed
            Catalog.keep_reported_lines(entry)  # the model has the rest: ~40 KB a plan less (issue 8)
            self._entries[file.src_uri] = entry
        if cache is not None and cache is not self._cache:
            save_cache(cache, set(self._entries))

        self._reports = {}
        results_prefix = self.paths.results + "/"
        for file in files.documentation_pages():
            if not file.src_uri.startswith(results_prefix) or file.src_uri == f"{self.paths.results}/index.md":
                continue
            file.inclusion = InclusionLevel.NOT_IN_NAV
            text, problem = decode_source(Path(file.abs_src_path or "").read_bytes(), file.src_uri)
            report = load_report(text, file.src_uri, url=file.url)
            if problem is not None:
                report.diagnostics.insert(0, problem)
            self._reports[file.src_uri] = report

        def url_for(rel: str) -> str:
            found = files.get_file_from_path(rel)
            return found.url if found else rel

        sections = load_sections(docs_dir, self.paths.sections, url_for=url_for, scan=scan)
        self._sections = {s.path: s for s in sections}
        claimed = list(self._entries) + [s.path for s in sections] + [a.path for s in sections for a in s.articles]
        claimed += list(self._reports)
        problems = self._registry_problems + attached + content_problems(
            scan, docs_dir, plans_dir=self.paths.plans, claimed=claimed,
            plan_bodies=[(e.path, e.body, e.front.body_line) for e in self._entries.values()])
        inputs = None
        kept = None
        if serve is not None:
            inputs = serve.inputs_of(config, files, docs_dir / self.config.registry, (self.paths.sections + "/", results_prefix),
                                     (self.options, self.today),
                                     templates=(config.theme.custom_dir, TEMPLATES_DIR))
            if inputs == serve.inputs and problems == serve.problems:
                kept = serve.same_catalog(self.catalog, self._entries)
        self._rebuilt = kept is None
        if kept is not None:  # only plan bodies changed: the catalog and the views still hold
            self._entries = kept
            views = list(self._views.values())
        else:
            self.catalog = Catalog(self._entries.values(), registry, sections, today=self.today, paths=self.paths,
                                   problems=problems, registry_path=self.config.registry,
                                   reports=self._reports.values())
            views = build_views(self.catalog, self.options)
            self._views = {view.src_uri: view for view in views}
            if serve is not None:
                serve.compare_views(views)
        self._worker_plans = share_plans([(path, len(e.plan.tasks) if e.plan else 0, len(e.body))
                                          for path, e in sorted(self._entries.items())])
        for view in views:
            existing = files.get_file_from_path(view.src_uri)
            if existing is not None:
                continue  # a hand-written page at that path is the view's introduction
            inclusion = InclusionLevel.INCLUDED if view.in_nav else InclusionLevel.NOT_IN_NAV
            if serve is not None:
                files.append(serve.view_file(config, view, inclusion, stub))
            else:
                files.append(File.generated(config, view.src_uri, content=stub(view), inclusion=inclusion))
        for asset in sorted(ASSETS_DIR.iterdir()):
            if asset.is_file():
                files.append(File.generated(config, f"{ASSETS_URI}/{asset.name}", abs_src_path=str(asset)))
        files.append(File.generated(config, f"{ASSETS_URI}/{STATUS_SCRIPT}", content=statuses.browser_script()))
        if self.options.search:
            add_search_page(files, config)
        if self._rebuilt or self._portal is None:
            self._portal = PortalContext(self.catalog, self._views, self.options)
        self._add_editor(files, config, registry, sections)
        self._report()
        if serve is not None:
            serve.mark_changed(files, self.catalog, self._views, views, inputs, problems, rebuilt=self._rebuilt)
        if self._cache is None:
            self.catalog.release_sources()  # raw front matter is no longer needed: ~60 KB a plan (issue 8)
        else:
            self._cache.keep_only(set(self._entries))  # (the cached entries keep their reported lines)
        return files

    def _load_registry(self, files: Files, docs_dir: Path, scan: ContentScan) -> Registry:
        path = docs_dir / self.config.registry
        published = files.get_file_from_path(self.config.registry)
        if published is not None:
            files.remove(published)  # the registry is data, not a page or a download
        if not scan.has_file(self.config.registry):
            self._registry_problems = []
            return Registry.from_agencies([])
        if self._dirty is not None:
            registry, problems = self._dirty.load_registry(path, self.config.registry)
        else:
            registry, problems = Registry.load(path, self.config.registry)
        self._registry_problems = problems
        return registry

    def _add_editor(self, files: Files, config: MkDocsConfig, registry: Registry, sections: list[SectionEntry]) -> None:
        """The web editor at /bien-tap/ (see :mod:`.editor`); its bundle comes from ``npm ci``."""
        if not self.config.editor or self.catalog is None:
            return
        node_modules = find_node_modules(config, self.config.editor_node_modules)
        if node_modules is None:
            log.warning("Không tìm thấy Decap CMS (node_modules/decap-cms): chạy `npm ci` trong thư mục dự án "
                        "để có trình biên tập /bien-tap/, hoặc đặt `editor: false` trong mkdocs.yml.")
            return
        revision = None
        if self._cache is not None:  # mkdocs serve: the editor waits for the rebuild that follows its save
            self._editor_builds += 1
            revision = self._editor_builds
        for file in editor_files(config, self.config, self.catalog, registry, sections, node_modules, revision):
            files.append(file)

    def _report(self) -> None:
        """Log every problem once: warnings make ``mkdocs build --strict`` fail, a normal build goes on."""
        assert self.catalog is not None
        for diagnostic in self.catalog.diagnostics:
            log.warning(diagnostic.format())
        broken = [e.path for e in self.catalog.entries if not e.ok]
        if broken:
            log.warning(
                f"{len(broken)} kế hoạch có lỗi vẫn được đăng kèm thông báo lỗi và liệt kê tại /{self.paths.report}/: "
                + ", ".join(broken)
            )

    @event_priority(-100)  # last: the build forks here (workers.py)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """A second process converts and renders the generated pages and a share of the plans, and writes
        the data files (issue 17)."""
        if self.config.enabled and self.catalog is not None:
            self._workers.split(files, lambda src: src in self._views or src in self._worker_plans)
        return nav

    # -- pages ------------------------------------------------------------------------------------------
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        if self.options.search:
            search_page_meta(page)
        markdown = page_markdown(markdown, page, self._entries, self._reports, self._sections, self._views,
                                 noindex=page.file.src_uri == SEARCH_PAGE)
        if not self._workers.mine(page.file.src_uri):
            return self._workers.skip(page.meta, markdown, not page.file.inclusion.is_not_in_nav())
        return markdown

    # -- robustness (issue 9): a file MkDocs cannot decode does not stop the build --------------------
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """MkDocs raises on a file that is not UTF-8 and the whole site is lost: read it leniently instead."""
        if not self.config.enabled or not page.file.abs_src_path:
            return None
        if page.file.src_uri in self._reports:
            return ""  # read once in on_files, like a plan
        if page.file.src_uri in self._entries:
            # A plan was read and parsed once in on_files; on_page_markdown gives its body. Reading it
            # again here would make MkDocs parse its front matter a second time (issue 8).
            return ""
        try:
            raw = Path(page.file.abs_src_path).read_bytes()
        except OSError:
            return None
        text, problem = decode_source(raw, page.file.src_uri)
        if problem is None:
            return None
        return text.lstrip("\ufeff")  # (the core reports the problem for every page: core.audit)

    # -- robustness (issue 9): editors' raw HTML never runs in a citizen's browser ----------------------
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Sanitise the rendered body of every page (see ``core.sanitize``).

        Every page, whatever its kind: plans, chuyên trang and their articles, agency introductions,
        the home page and any kind added later. Safe by default: no page kind can forget it.
        """
        if not self.config.enabled:
            return None
        src = page.file.src_uri
        entry = self._entries.get(src)
        if self._dirty is not None:
            self._dirty.remember(src, page.title, page.meta)
        if entry is not None and self._cache is None:
            # MkDocs converts every page before it renders any: the Markdown of 10,000 plans (~270 MB as
            # Python text) would otherwise stay in memory until the end. Nothing reads it after this.
            entry.front.body = ""
            page.markdown = ""
        return sanitize_html(html)

    @event_priority(100)  # first: in the build's second process (workers.py) nothing else runs after it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the data files, one at a time (issue 8), then index the site for search.

        Added as ``File.generated`` content in ``on_files`` they would stay in memory for the whole
        build: several hundred megabytes for a portal of 10,000 plans.
        """
        serve = self._dirty
        if self.config.enabled and self.catalog is not None and serve is not None:
            if self._rebuilt or not serve.exports_done:  # in the background: the page reloads at once
                serve.write_exports(self.catalog, config.site_url or "", Path(config.site_dir))
        elif self.config.enabled and self.catalog is not None:
            catalog = self.catalog
            write = lambda: write_data_files(catalog, config.site_url or "", Path(config.site_dir))  # noqa: E731
            if self._workers.in_worker:
                self._workers.finish_worker(write)  # (ends the worker process)
            if self._workers.forked:
                self._workers.wait()  # the worker wrote them
            else:
                write()
        if self.config.enabled and self.options.search:
            self._indexer.run(config.site_dir, serve=self._serving)

    @event_priority(-100)  # last: the build forks here (workers.py), once every plugin has set up
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.config.enabled:
            if self._dirty is not None:
                self._dirty.restore_skipped(files)  # the nav shows the titles of pages MkDocs did not read
                env.bytecode_cache = self._dirty.bytecode
            register_filters(env)
            env.globals["portal_urls"] = self.paths  # for the theme's shell (header, 404), which has no ``portal``
            identity = dict(self.config.identity)  # the footer of every page, 404 included
            identity["phone_tel"] = re.sub(r"[^\d+]", "", identity.get("phone") or "")
            env.globals["portal_identity"] = identity
            # The site's top-level folders: the 404 page finds the site's root in any address with them.
            top = {f.dest_uri.split("/", 1)[0] for f in files if "/" in f.dest_uri}
            top |= {self.paths.json_path().split("/", 1)[0], "pagefind"}
            env.globals["portal_top_names"] = sorted(top)
            self._workers.leave_site_files(files, config.theme.static_templates, config.extra_templates)
        return env

    def on_template_context(self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any] | None:
        # Without site_url, MkDocs writes the 404 page's links from "/", which breaks a site hosted under
        # a sub-path; written relative, they follow the <base href> that 404.html sets from the address.
        if template_name == "404.html" and not config.site_url:
            context["base_url"] = "."
        return context

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any] | None:
        if not self.config.enabled or self._portal is None:
            return None
        src = page.file.src_uri
        context["portal"] = self._portal
        context["view"] = self._views.get(src)
        entry = self._entries.get(src)
        context["plan_entry"] = entry
        context["plan"] = entry.plan if entry else None
        context["section_entry"] = self._sections.get(src)
        report = self._reports.get(src)
        context["report_entry"] = report
        context["result_report"] = report.report if report else None
        return context


