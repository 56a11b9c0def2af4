"""The portal's search (Pagefind), run by the plugin when its option ``search`` is on (the default).

* :func:`add_search_page`: the search page (``tim-kiem/``, template ``plan-portal/search.html``)
  unless the content has its own ``tim-kiem/index.md`` (then that page's text is the
  introduction), and the search page's script.
* :func:`search_page_meta`: a hand-written ``tim-kiem/index.md`` gets the search template.
* :class:`SearchIndexer`: after the build, index the built site with Pagefind into
  ``<site>/pagefind/``. A missing or failing Pagefind is a warning, so ``mkdocs build --strict``
  fails and CI catches it. Under ``mkdocs serve`` the indexing runs in the background, in its own
  process at a low priority, so a save reloads the page at once; saves made meanwhile are indexed
  once, by one run after it.

Material's own ``search`` plugin must be left out of ``plugins:``: it would write the whole text of
every page into one ``search_index.json`` that every reader downloads (see docs/search.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.urls import SEARCH_DIR, index_source
from ..search import SearchIndexError, index_site

__all__ = ["SearchIndexer", "add_search_page", "search_page_meta"]

log = get_plugin_logger("plan_portal.search")

SEARCH_PAGE = index_source(f"{SEARCH_DIR}/")
SCRIPT = Path(__file__).resolve().parent.parent / "assets" / "search" / "search.js"
SCRIPT_URI = "assets/plan-portal/search/search.js"


def _stub() -> str:
    meta = {
        "template": "plan-portal/search.html",
        "title": "Tìm kiếm",
        "description": "Tìm kế hoạch theo số, ký hiệu, trích yếu, cơ quan hoặc toàn văn; gõ có dấu hay không dấu đều được.",
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n"


def add_search_page(files: Files, config: MkDocsConfig) -> None:
    """Add the search page (unless the content has one) and its script."""
    if files.get_file_from_path(SEARCH_PAGE) is None:
        files.append(File.generated(config, SEARCH_PAGE, content=_stub(), inclusion=InclusionLevel.NOT_IN_NAV))
    if files.get_file_from_path(SCRIPT_URI) is None:
        files.append(File.generated(config, SCRIPT_URI, abs_src_path=str(SCRIPT)))


def search_page_meta(page: Page) -> None:
    """A hand-written tim-kiem/index.md is the introduction: give it the search template."""
    if page.file.src_uri == SEARCH_PAGE:
        page.meta.setdefault("template", "plan-portal/search.html")
        page.meta.setdefault("search", {"exclude": True})


class SearchIndexer:
    """Runs Pagefind over the built site: at once for a build, in the background under ``mkdocs serve``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: str | None = None  # the newest site to index under serve
        self._running = False

    def run(self, site_dir: str, *, serve: bool) -> None:
        if serve:
            # While editing, the page reloads at once and search follows a moment later: on a big portal
            # Pagefind takes minutes, which must not stand between saving a plan and seeing it.
            with self._lock:
                self._pending = site_dir
                if self._running:  # the run under way indexes the newest build when it ends: saves coalesce
                    return
                self._running = True
            threading.Thread(target=self._index_for_serve, daemon=True).start()
            return
        try:
            result = index_site(site_dir)
        except SearchIndexError as exc:
            log.warning(f"tìm kiếm: {exc}")
            return
        log.info(f"tìm kiếm: Pagefind đã lập chỉ mục {result.pages} trang vào {result.bundle.name}/")

    def _index_for_serve(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                if site_dir is None:
                    self._running = False
                    return
            self._index_in_background(site_dir)

    @staticmethod
    def _index_in_background(site_dir: str) -> None:
        """One indexing in its own process at a low priority, so that it takes neither the GIL nor the CPU
        from the next rebuild (a save's reload)."""
        proc = subprocess.Popen([sys.executable, "-m", "plan_portal.search", site_dir], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
        if hasattr(os, "setpriority"):
            try:
                os.setpriority(os.PRIO_PROCESS, proc.pid, 10)  # Pagefind, its child, inherits it
            except OSError:  # pragma: no cover - the process already ended
                pass
        out, err = proc.communicate()
        if proc.returncode != 0:  # e.g. the next rebuild cleaned the folder meanwhile
            log.info(f"tìm kiếm: chưa cập nhật chỉ mục ({err.strip()[-800:]})")
            return
        log.info(f"tìm kiếm: đã cập nhật chỉ mục ({out.strip()})")
