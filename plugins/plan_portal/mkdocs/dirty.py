"""``mkdocs serve --dirty`` for the ``plan-portal`` plugin: a save re-renders only the pages it changes (issue 17).

Under ``--dirty`` MkDocs reads and renders a page only when ``File.is_modified()``: its output is
missing or older than its source. A ``File.generated(..., content=...)`` is always modified, so
every save used to re-render all ~700 generated pages. Under ``serve --dirty`` (only there) the
plugin therefore:

* backs each generated page by a small file in its own temporary folder (``File.generated(...,
  abs_src_path=...)``), rewritten only when its front matter changes, so its mtime compares;
* compares each generated page's view (plain dataclasses and pydantic models: equal when they
  show the same data) with the previous build's, and each plan page's key (its plan, its căn cứ
  links, the plans implementing it, its problems); a page that changed has its output removed, so
  MkDocs renders it again. Pages whose inputs cannot be compared (the home page, chuyên trang,
  reports) are rendered again whenever the catalog is rebuilt; a change to the registry, the
  chuyên trang, the reports, the configuration or the build date re-renders everything;
* when only plan bodies changed (the front matter of every plan is equal), keeps the previous
  catalog and views: only the saved plan's page is rendered;
* gives the pages MkDocs skipped their previous title and metadata, so the nav and the
  previous/next links of the pages it renders stay right;
* writes the data exports in a background thread, each file atomically, and only when the
  catalog was rebuilt (or the last writing was interrupted by a newer save).

A plain ``mkdocs build`` and ``mkdocs serve`` never use this: they build every page as before.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.agencies import Registry
from ..core.catalog import Catalog
from ..core.exports import write_data_files
from ..core.loader import PlanEntry
from ..core.pages import View

__all__ = ["DirtyServe"]

log = get_plugin_logger(__name__)


class DirtyServe:
    """What the plugin keeps between the rebuilds of ``mkdocs serve --dirty``."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="plan-portal-serve-"))
        self.views: dict[str, View] = {}  # the previous build's views, by source path
        self.plan_keys: dict[str, tuple[Any, ...]] = {}
        self.inputs: tuple[Any, ...] | None = None  # what every page depends on (see :meth:`inputs_of`)
        self.problems: list[Any] | None = None  # the problems given to the previous catalog
        self.meta: dict[str, tuple[str | None, dict[str, Any]]] = {}  # src_uri -> (title, meta) when last rendered
        self.dests: dict[str, str] = {}  # src_uri -> output file, of every page of the previous build
        self.rendered = 0  # pages rendered by the last build (for tests and logs)
        self.stale: set[str] = set()  # generated pages whose view changed in this build
        self.stubs: dict[str, str] = {}  # src_uri -> the Markdown source written for a generated page
        self.registry: tuple[bytes, Registry, list[Any]] | None = None
        self.bytecode = _Bytecode()  # compiled templates: MkDocs makes a new Jinja environment per build
        self._exports: threading.Thread | None = None
        self._cancel = threading.Event()
        self.exports_done = False

    def close(self) -> None:
        self.cancel_exports()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- what every page depends on ---------------------------------------------------------------------
    @staticmethod
    def inputs_of(config: MkDocsConfig, files: Files, registry: Path, prefixes: Iterable[str], extra: Any,
                  templates: Iterable[str | Path | None] = ()) -> tuple[Any, ...]:
        """The configuration, ``extra`` (options, build date), the registry file, every file of the
        ``templates`` folders (the theme's custom_dir, the plugin's templates) and the state of every
        content file whose path starts with one of ``prefixes`` (chuyên trang, reports)."""
        stamps = []
        for folder in templates:
            for dirpath, _, names in os.walk(folder or "", followlinks=False):
                for name in names:
                    try:
                        st = os.stat(os.path.join(dirpath, name))
                    except OSError:
                        continue
                    stamps.append((os.path.join(dirpath, name), st.st_mtime_ns, st.st_size))
        try:
            st = os.stat(registry)
            stamps.append(("", st.st_mtime_ns, st.st_size))
        except OSError:
            pass
        prefixes = tuple(prefixes)
        for file in files:
            if file.abs_src_path and not file.generated_by and file.src_uri.startswith(prefixes):
                try:
                    st = os.stat(file.abs_src_path)
                except OSError:
                    continue
                stamps.append((file.src_uri, st.st_mtime_ns, st.st_size))
        config_path = config.config_file_path
        config_stamp = os.stat(config_path).st_mtime_ns if config_path and os.path.isfile(config_path) else None
        return (config_stamp, repr(extra), tuple(sorted(stamps)))

    def mark_changed(self, files: Files, catalog: Catalog, by_src: dict[str, View], views: list[View],
                     inputs: tuple[Any, ...], problems: list[Any], *, rebuilt: bool) -> None:
        """Remove the output of every page this save changes, so that MkDocs (``--dirty``) renders it."""
        first = self.inputs is None
        if not first and inputs != self.inputs:  # registry, chuyên trang, reports, config or date: all
            self.drop_outputs(files, [f.src_uri for f in files.documentation_pages()])
        elif not first and rebuilt:
            stale = self.stale
            keys, stale_plans = self.stale_plans(catalog)
            self.plan_keys = keys
            # Pages that show the catalog in ways not compared here: the home page, chuyên trang, reports.
            opaque = [f.src_uri for f in files.documentation_pages()
                      if f.src_uri not in catalog.by_path and f.src_uri not in by_src]
            self.drop_outputs(files, [*stale, *stale_plans, *opaque])
        if rebuilt:
            self.views = dict(by_src)
            if first or inputs != self.inputs:
                self.plan_keys = {e.path: self.plan_key(catalog, e) for e in catalog.entries}
        self.stale = set()
        self.inputs, self.problems = inputs, problems
        self.drop_vanished(files)

    # -- the registry: read again only when its file changes -----------------------------------------------
    def load_registry(self, path: Path, rel: str) -> tuple[Registry, list[Any]]:
        """The registry of ``path``, from the previous build when its bytes are the same.

        Its name resolution is remembered too (a pure function of the registry, the name and the
        issuer): a save does not resolve again the thousands of names the other plans use.
        """
        raw = path.read_bytes()
        if self.registry is not None and self.registry[0] == raw:
            return self.registry[1], self.registry[2]
        registry, problems = Registry.load(path, rel)
        registry.resolve = functools.lru_cache(maxsize=None)(registry.resolve)  # type: ignore[method-assign]
        self.registry = (raw, registry, problems)
        return registry, problems

    # -- the body-only save -----------------------------------------------------------------------------
    @staticmethod
    def same_catalog(catalog: Catalog | None, entries: dict[str, PlanEntry]) -> dict[str, PlanEntry] | None:
        """The entries to give the pages if ``catalog`` still holds for ``entries`` (only bodies changed), else None.

        A plan whose front matter did not change keeps the catalog's own model (the catalog indexes
        its tasks by identity); its new body goes to its page.
        """
        if catalog is None or set(entries) != set(catalog.by_path):
            return None
        kept: dict[str, PlanEntry] = {}
        for path, new in entries.items():
            old = catalog.by_path[path]
            if new.front is old.front:  # read from the cache: the same file
                kept[path] = new if new.plan is old.plan else _with_plan(new, old)
                continue
            if (new.plan is None or old.plan is None or new.front.body_line != old.front.body_line
                    or new.diagnostics != old.diagnostics or new.plan != old.plan):
                return None
            kept[path] = _with_plan(new, old)
        return kept

    # -- generated pages --------------------------------------------------------------------------------
    def view_file(self, config: MkDocsConfig, view: View, inclusion: InclusionLevel, stub: Any) -> File:
        """A generated page backed by a file of our folder, written only when its text (``stub(view)``) changes."""
        src = view.src_uri
        path = self.folder / src
        text = self.stubs.get(src)
        if text is None or src in self.stale or src not in self.views:
            new = stub(view)
            if new != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(new, "utf-8")
                self.stubs[src] = new
        return File.generated(config, src, abs_src_path=str(path), inclusion=inclusion)

    def compare_views(self, views: Iterable[View]) -> None:
        """Find the generated pages whose data differ from the previous build's (new ones have no output yet)."""
        stale = set()
        previous = self.views
        for view in views:
            old = previous.get(view.src_uri)
            if old is None or type(old) is not type(view) or old != view:
                stale.add(view.src_uri)
        self.stale = stale

    @staticmethod
    def plan_key(catalog: Catalog, entry: PlanEntry) -> tuple[Any, ...]:
        """What a plan page shows besides its own file: the plans it links (căn cứ), those implementing it,
        its problems (the registry, reports and build date are in :meth:`inputs_of`)."""
        plan = entry.plan
        if plan is None:
            return (None, entry.front, tuple(catalog.diagnostics_for(entry.path)))
        links = tuple(catalog.basis_links.get((entry.path, i)) for i in range(len(plan.basis)))
        return (plan, links, tuple(catalog.implementers.get(plan.url, ())), tuple(catalog.diagnostics_for(entry.path)))

    def stale_plans(self, catalog: Catalog) -> tuple[dict[str, tuple[Any, ...]], set[str]]:
        keys = {e.path: self.plan_key(catalog, e) for e in catalog.entries}
        stale = {path for path, key in keys.items() if path in self.plan_keys and self.plan_keys[path] != key}
        return keys, stale

    def drop_outputs(self, files: Files, src_uris: Iterable[str]) -> int:
        """Remove the output of each page, so that MkDocs (``--dirty``) renders it again."""
        count = 0
        for src in src_uris:
            file = files.get_file_from_path(src)
            if file is None or not file.is_documentation_page():
                continue
            try:
                os.remove(file.abs_dest_path)
                count += 1
            except OSError:
                pass
        return count

    def drop_vanished(self, files: Files) -> None:
        """Remove the outputs of pages gone since the previous build (a deleted plan is not served on)."""
        current = {f.src_uri: f.abs_dest_path for f in files.documentation_pages()}
        outputs = set(current.values())
        for src, dest in self.dests.items():
            if src not in current and dest not in outputs:
                try:
                    os.remove(dest)
                except OSError:
                    pass
        self.dests = current

    # -- the pages MkDocs skipped -----------------------------------------------------------------------
    def remember(self, src_uri: str, title: str | None, meta: dict[str, Any]) -> None:
        self.meta[src_uri] = (title, dict(meta))

    def restore_skipped(self, files: Files) -> int:
        """Give each page MkDocs did not read (``--dirty``) its title and metadata of its last rendering."""
        rendered = 0
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if page.markdown is not None:
                rendered += 1
                continue
            known = self.meta.get(file.src_uri)
            if known is not None:
                page.title, page.meta = known[0], dict(known[1])
        self.rendered = rendered
        return rendered

    # -- exports ----------------------------------------------------------------------------------------
    def cancel_exports(self) -> None:
        thread = self._exports
        if thread is not None and thread.is_alive():
            self._cancel.set()
            thread.join()
        self._exports = None

    def write_exports(self, catalog: Catalog, site_url: str, site_dir: Path) -> None:
        """Write the enabled exports in the background, each file atomically; a newer save interrupts it."""
        self.cancel_exports()
        self._cancel = cancel = threading.Event()
        self.exports_done = False

        def run() -> None:
            try:
                write_data_files(catalog, site_url, site_dir, stop=cancel.is_set)
                self.exports_done = not cancel.is_set()
            except Exception as exc:  # a preview goes on; the next full build reports it
                log.warning(f"Không ghi được tệp dữ liệu khi xem trước: {exc}")

        self._exports = threading.Thread(target=run, name="plan-portal-exports", daemon=True)
        self._exports.start()

    def wait_exports(self) -> None:
        """Wait for the background exports (tests)."""
        if self._exports is not None:
            self._exports.join()


def _with_plan(new: PlanEntry, old: PlanEntry) -> PlanEntry:
    return replace(new, plan=old.plan)


class _Bytecode(BytecodeCache):
    """Templates compiled once per ``serve`` (keyed by name and source checksum, so an edited template
    is compiled again): MkDocs builds a new Jinja environment, with an empty cache, at every rebuild."""

    def __init__(self) -> None:
        self._codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._codes[bucket.key] = bucket.bytecode_to_string()
