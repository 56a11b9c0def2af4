"""The portal's search (Pagefind) as MkDocs hooks: ``hooks: [plugins/plan_portal/mkdocs/search.py]``.

* ``on_files``: add the search page (``tim-kiem/``, template ``plan-portal/search.html``) unless the
  content has its own ``tim-kiem/index.md`` (then that page's text is the introduction), and the
  search page's script.
* ``on_post_build``: index the built site with Pagefind into ``<site>/pagefind/``. A missing or
  failing Pagefind is a warning, so ``mkdocs build --strict`` fails and CI catches it. Under
  ``mkdocs serve`` the indexing runs in the background, so a save reloads the page at once.

Material's own ``search`` plugin must be left out of ``plugins:``: it would write the whole text of
every page into one ``search_index.json`` that every reader downloads (see docs/search.md).
"""

from __future__ import annotations

import threading
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# Absolute import: MkDocs loads a hook file by path, outside its package.
from plan_portal.search import SearchIndexError, index_site

log = get_plugin_logger("plan_portal.search")

SEARCH_PAGE = "tim-kiem/index.md"
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


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    page = files.get_file_from_path(SEARCH_PAGE)
    if page is None:
        files.append(File.generated(config, SEARCH_PAGE, content=_stub(), inclusion=InclusionLevel.NOT_IN_NAV))
    if files.get_file_from_path(SCRIPT_URI) is None:
        files.append(File.generated(config, SCRIPT_URI, abs_src_path=str(SCRIPT)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # A hand-written tim-kiem/index.md is the introduction: give it the search template.
    if page.file.src_uri == SEARCH_PAGE:
        page.meta.setdefault("template", "plan-portal/search.html")
        page.meta.setdefault("search", {"exclude": True})
    return None


_command = "build"
_serve_lock = threading.Lock()


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_post_build(*, config: MkDocsConfig) -> None:
    if _command == "serve":
        # While editing, the page reloads at once and search follows a moment later: on a big portal
        # Pagefind takes minutes, which must not stand between saving a plan and seeing it.
        threading.Thread(target=_index_for_serve, args=(config.site_dir,), daemon=True).start()
        return
    try:
        result = index_site(config.site_dir)
    except SearchIndexError as exc:
        log.warning(f"tìm kiếm: {exc}")
        return
    log.info(f"tìm kiếm: Pagefind đã lập chỉ mục {result.pages} trang vào {result.bundle.name}/")


def _index_for_serve(site_dir: str) -> None:
    with _serve_lock:  # one Pagefind at a time; a newer build's run follows
        try:
            result = index_site(site_dir)
        except SearchIndexError as exc:  # e.g. the next rebuild cleaned the folder meanwhile
            log.info(f"tìm kiếm: chưa cập nhật chỉ mục ({exc})")
            return
    log.info(f"tìm kiếm: đã cập nhật chỉ mục ({result.pages} trang)")
