"""A second process renders part of the site during ``mkdocs build`` (issue 17).

MkDocs converts and renders every page in one process, one after the other; the machines that
build a province's portal have two cores or more. Once the catalog and the navigation exist
(``on_nav``, the last hook before MkDocs reads the pages), the build forks: the copy (the
*worker*) converts and renders its share of the pages (the generated pages: agency pages, timeline
months, lists; and a share of the plans) and writes the data files (JSON, iCalendar, feeds, CSV);
the original (the *main* process) converts and renders the other pages and copies the theme's
files, then waits for the worker in ``on_post_build``.

A process gives the other's pages an empty body (pages in the navigation keep theirs: their titles
are the navigation's) and an empty template, so MkDocs writes nothing for them ("Page skipped",
dropped from the log with every message about a page the other process owns). Both run MkDocs'
own loop with public hooks only, so every page is rendered exactly as in one process: the site is
byte-identical whichever process wrote a file (the tests build it both ways).

The worker's warnings are counted and repeated by the main process, so ``--strict`` still fails
on them; a worker that fails fails the build. There is no fork under ``mkdocs serve`` (its server
runs threads) nor where the platform has no ``fork``.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Callable

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

_log = logging.getLogger("mkdocs.plugins.plan_portal.workers")
SKIP_TEMPLATE = "plan-portal/skip.html"  # renders to nothing: MkDocs then writes no file


_DOC_FILE = re.compile(r"Doc file '([^']+)'")


class _Drop(logging.Filter):
    """Drops MkDocs' "Page skipped" line, and MkDocs' messages about a page the other process owns
    (a page in the navigation is converted by both: its link warnings would be said twice)."""

    def __init__(self, mine: Callable[[str], bool], root: str) -> None:
        super().__init__()
        self.mine = mine
        self.prefixes = tuple({f"{root}.", "mkdocs."})
        self.plugins = tuple({f"{root}.plugins.", "mkdocs.plugins."})

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(self.prefixes) or record.name.startswith(self.plugins):
            return True
        message = record.getMessage()
        if record.name.endswith(".commands.build") and message.startswith("Page skipped"):
            return False
        about = _DOC_FILE.match(message)
        return about is None or self.mine(about.group(1))


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Workers:
    """The fork, and what the worker does. ``enabled`` is False under serve and where there is no fork."""

    enabled: bool = False
    pid: int | None = None
    read_fd: int | None = None
    in_worker: bool = False
    _filters: list[tuple[logging.Handler, _Drop]] = field(default_factory=list)

    @classmethod
    def for_command(cls, command: str, processes: int) -> "Workers":
        return cls(enabled=command in ("build", "gh-deploy") and processes > 1 and hasattr(os, "fork"))

    @property
    def forked(self) -> bool:
        """In the main process, after the fork."""
        return self.pid is not None

    def split(self, files: Files, worker_pages: Callable[[str], bool]) -> None:
        """Fork (from ``on_nav``); ``worker_pages`` says which pages are the worker's."""
        if not self.enabled or not any(worker_pages(f.src_uri) for f in files.documentation_pages()):
            return
        self._worker_pages = worker_pages
        # The running build's own package: "mkdocs", or "properdocs" (its loggers are "properdocs.*", with
        # "mkdocs" made a child of "properdocs").
        self._root = type(files).__module__.split(".")[0]
        _log.debug("Chia việc dựng trang cho hai tiến trình (CPU đã dùng: %.1f s)", os.times().user)
        sys.stdout.flush()
        sys.stderr.flush()
        read_fd, write_fd = os.pipe()
        # What exists now (the catalog, the pages) lives to the end of the build: frozen, the collector stops
        # walking it (a full collection walks the whole heap), and the worker's collections do not write to
        # the memory it shares with the main process.
        gc.freeze()
        pid = os.fork()
        self.in_worker = pid == 0
        if self.in_worker:
            os.close(read_fd)
            self.read_fd = write_fd  # the worker writes its warning count here
            self._counter = _Counter()
            logging.getLogger(self._root).addHandler(self._counter)
        else:
            os.close(write_fd)
            self.pid, self.read_fd = pid, read_fd
        self._quiet()

    def mine(self, src_uri: str) -> bool:
        """Whether this process converts and writes that page (always, without a fork)."""
        if not self.in_worker and self.pid is None:
            return True
        return self._worker_pages(src_uri) == self.in_worker

    def skip(self, page_meta: dict, markdown: str, in_nav: bool) -> str:
        """The other process's page: an empty template, and an empty body unless it is in the navigation."""
        page_meta["template"] = SKIP_TEMPLATE
        return markdown if in_nav else ""

    def leave_site_files(self, files: Files, static_templates: set[str], extra_templates: list[str]) -> None:
        """In the worker (``on_env``): the theme's files and the site-wide templates (404, sitemap) are the
        main process's to write."""
        if not self.in_worker:
            return
        for f in [f for f in files if not f.is_documentation_page()]:
            files.remove(f)
        static_templates.clear()
        extra_templates.clear()

    def _quiet(self) -> None:
        drop = _Drop(self.mine, self._root)
        for logger in {logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger(self._root)}:
            for handler in logger.handlers:
                handler.addFilter(drop)
                self._filters.append((handler, drop))

    def finish_worker(self, work: Callable[[], None]) -> None:
        """In the worker (``on_post_build``): do ``work``, report, and end the process here."""
        if not self.in_worker:
            return
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 — the main process says the build failed
            _log.exception("Tiến trình dựng song song gặp lỗi")
            code = 1
        _log.debug("Tiến trình phụ xong (CPU: %.1f s)", os.times().user)
        try:
            os.write(self.read_fd or 0, str(self._counter.count).encode())
        finally:
            for handler, _ in self._filters:
                handler.flush()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def wait(self) -> None:
        """In the main process (``on_post_build``): wait for the worker; its failure or warnings are the build's."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        chunks = []
        while chunk := os.read(self.read_fd or 0, 64):
            chunks.append(chunk)
        os.close(self.read_fd or 0)
        _log.debug("Tiến trình chính chờ tiến trình phụ (CPU: %.1f s)", os.times().user)
        _, status = os.waitpid(pid, 0)
        for handler, drop in self._filters:
            handler.removeFilter(drop)
        self._filters.clear()
        if os.waitstatus_to_exitcode(status) != 0:
            raise PluginError("Tiến trình dựng song song không hoàn thành (xem lỗi ở trên): trang web chưa đủ.")
        warnings = int(b"".join(chunks) or b"0")
        if warnings:
            _log.warning(
                "Tiến trình dựng song song ghi %d cảnh báo (xem ở trên).", warnings)


# Costs measured with `mkdocs build -v` (CPU seconds per process) on the benchmark's portals, seed-like
# and short bodies, 1,000 and 5,000 plans: a plan page costs ~5.5 ms plus ~0.38 ms a KB of its text;
# the generated pages and the data files ~0.32 ms a task of the portal; the main process's own share (theme
# files, 404, sitemap, hand-written pages) ~1 s. Only their ratios matter.
PLAN_MS, PLAN_MS_PER_KB, WORKER_MS_PER_TASK, MAIN_MS = 5.5, 0.38, 0.32, 1000.0


def share_plans(plans: list[tuple[str, int, int]]) -> set[str]:
    """The plans the worker renders besides the generated pages and the data files, so that both processes
    have about as much to do: ``plans`` is (path, tasks, bytes of text) of each plan, in path order."""
    cost = {path: PLAN_MS + PLAN_MS_PER_KB * size / 1024 for path, _, size in plans}
    fixed = WORKER_MS_PER_TASK * sum(tasks for _, tasks, _ in plans)
    spare = (fixed + sum(cost.values()) + MAIN_MS) / 2 - fixed  # what the worker can take on and still end first
    taken: set[str] = set()
    if spare <= 0 or not plans:
        return taken
    # Spread evenly over the plans (old and new, long and short alike): a share ``spare / total`` of them.
    share = min(1.0, spare / sum(cost.values()))
    acc = 0.0
    for path, _, _ in plans:
        acc += share
        if acc >= 1.0:
            acc -= 1.0
            taken.add(path)
    return taken
