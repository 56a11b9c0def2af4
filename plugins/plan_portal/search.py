"""Full-text search for the portal with Pagefind. No MkDocs import here.

Why Pagefind and not Material's lunr search: see ``docs/search.md`` (in short, a reader
of a 5,000-plan portal downloads a few hundred kilobytes to run one search instead of
the whole text of every plan on every page view).

What the portal adds to Pagefind:

* Pagefind 1.5 folds diacritics ("ky niem" finds "Kỷ niệm") but not "đ", which has no
  combining mark. The site shell (``templates/overrides/main.html``) therefore writes,
  hidden at the end of each indexed page, the words of the page that contain "đ" with
  "đ" turned into "d", so "hoat dong" finds "hoạt động".
* Which pages are indexed is decided by the templates (``data-pagefind-body``): plans,
  chuyên trang and their articles, agency names, plain Markdown pages; not the
  generated lists, which only repeat the plans.
* The search page (``templates/plan-portal/search.html`` and ``assets/search/search.js``)
  shows each plan's number, summary, date and issuer from ``data-pagefind-meta``.

Bounded memory (issue 17). Pagefind keeps every word of every page it reads in memory until it
writes the index (~150 bytes a word: the word, its position and its unfolded spelling, twice), so
a 5,000-plan portal took ~3 GB in one run. :func:`index_site` therefore

* hands Pagefind only the pages it indexes (those with ``data-pagefind-body``; Pagefind would
  otherwise read every generated list and drop it at the end), through a folder of hard links;
* splits them, in path order, into parts of at most :data:`PART_TEXT_BYTES` of text, each indexed
  by its own Pagefind run: the first into ``pagefind/``, the others into ``pagefind/part-2/`` …,
  listed in ``pagefind/parts.json``; the search page merges them (Pagefind's ``mergeIndex``), so
  one search still covers the whole portal. Memory follows the size of a part, not of the portal.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BUNDLE_DIR", "EXCLUDE_SELECTORS", "PARTS_FILE", "PART_TEXT_BYTES", "SearchIndexError", "IndexResult",
           "index_site"]

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle inside the built site."""

PARTS_FILE = "parts.json"
"""In the bundle: the folders of the further parts of the index, which the search page merges."""

PART_TEXT_BYTES = 24 * 2**20
"""Text (page minus markup) indexed by one Pagefind run: about 0.6 GB of Pagefind's memory."""

VOCABULARY_PAGE = "pp-vocabulary.html"
VOCABULARY_FILTER = "pp:vocabulary"
"""Each part of a parted index also holds one page made of every word of the whole portal, which the
search page leaves out of its results (``filters: {not: {pp: "vocabulary"}}``; plans are searched
with their own filter). Pagefind drops a query's word that its index does not know: without this
page, a part lacking a rare word ("covid" in the plans of 2016) would answer a search for "phòng
chống dịch covid" with every page about "phòng chống dịch"."""

EXCLUDE_SELECTORS = (
    ".headerlink",        # the "¶" permalink after each heading
    ".pp-plan-toc",       # the plan's own table of contents repeats its headings
    ".pp-gantt",          # the Gantt chart repeats the task titles
    ".md-source-file",
    ".pp-task-id",        # a task's id is its title as an address
    ".pp-cell--status",   # "Đã hoàn thành" on every row: says nothing about the plan
    ".pp-task-table caption",
    ".pp-task-table thead",
)
"""Parts of an indexed page that would only add noise to the index and the excerpts."""

# Files Pagefind writes for its own ready-made UIs; the portal's search page does not use them.
_UNUSED_UI = (
    "pagefind-ui.js", "pagefind-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
_BODY = b"data-pagefind-body"
_TAG = re.compile(rb"<[^>]*>")
_SOURCE = ".pagefind-pages"  # inside the site while a part is indexed, removed afterwards
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_VOCABULARY_TEMPLATE = "plan-portal/search-vocabulary.html"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message is in Vietnamese, for the build log."""


@dataclass(frozen=True)
class IndexResult:
    pages: int
    bundle: Path
    parts: int = 1


def _indexed_pages(site: Path, words: set[bytes]) -> list[tuple[str, int]]:
    """(path in the site, bytes of text) of every page with ``data-pagefind-body``, in path order.

    Adds the words of their text (UTF-8, HTML entities not yet decoded) to ``words``."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith((BUNDLE_DIR + "/", _SOURCE + "/")):
            continue
        data = path.read_bytes()
        at = data.find(_BODY)
        if at >= 0:
            text = _TAG.sub(b" ", data[at:])
            pages.append((rel, len(text)))
            words.update(text.split())
    return pages


def _parts(pages: list[tuple[str, int]], budget: int) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    size = 0
    for rel, text in pages:
        if parts[-1] and size + text > budget:
            parts.append([])
            size = 0
        parts[-1].append(rel)
        size += text
    return parts


def _write_vocabulary(path: Path, words: set[bytes], language: str) -> None:
    """The page of every word of the portal, added to each part of a parted index (see ``VOCABULARY_PAGE``)."""
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=True)
    text = html.unescape(b" ".join(sorted(words)).decode("utf-8", "replace"))
    page = env.get_template(_VOCABULARY_TEMPLATE).render(words=text, filter=VOCABULARY_FILTER, language=language)
    path.write_text(page, "utf-8")


def _link_tree(site: Path, pages: list[str], into: Path) -> None:
    """``into`` mirrors the site's paths for ``pages`` only: hard links (copies where links are not possible)."""
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    for rel in pages:
        target = into / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / rel, target)
        except OSError:
            shutil.copyfile(site / rel, target)


def _pagefind(executable: str, source: Path, output: Path, language: str) -> tuple[int, str]:
    command = [executable, "--site", str(source), "--output-path", str(output), "--force-language", language]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0 or not (output / "pagefind.js").is_file():
        tail = (proc.stderr or proc.stdout).strip()[-800:]
        raise SearchIndexError(f"Pagefind không tạo được chỉ mục tìm kiếm (mã {proc.returncode}): {tail}")
    found = re.search(r"Indexed (\d+) page", proc.stdout)
    return (int(found.group(1)) if found else 0), proc.stdout


def index_site(site_dir: Path | str, *, language: str = "vi", part_text_bytes: int = PART_TEXT_BYTES) -> IndexResult:
    """Index every page of a built site that has ``data-pagefind-body``; write ``<site>/pagefind/``.

    Runs the ``pagefind`` binary of the ``pagefind[bin]`` wheel, once a part (see the module's
    docstring): its Python API (``PagefindIndex``) sometimes returned before the last file was
    fully written (a truncated ``wasm.unknown.pagefind`` under load).
    """
    site = Path(site_dir)
    try:
        from pagefind.service import get_executable
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SearchIndexError(
            "chưa cài Pagefind nên trang tìm kiếm sẽ không có chỉ mục. "
            "Cài bằng: pip install 'pagefind[bin]>=1.5,<2' (hoặc chạy scripts/setup.sh)."
        ) from exc
    executable = get_executable()
    if executable is None:  # pragma: no cover
        raise SearchIndexError("không tìm thấy chương trình pagefind. Cài bằng: pip install 'pagefind[bin]>=1.5,<2'.")

    bundle = site / BUNDLE_DIR
    source = site / _SOURCE
    try:
        if bundle.exists():
            shutil.rmtree(bundle)
        words: set[bytes] = set()
        marked = _indexed_pages(site, words)
        # No page marked (a theme without the portal's shell): Pagefind indexes every page, in one run.
        parts = _parts(marked, part_text_bytes) if marked else [[]]
        total = 0
        names: list[str] = []
        for number, pages in enumerate(parts, 1):
            name = "" if number == 1 else f"part-{number}/"
            if marked:
                _link_tree(site, pages, source)
            if len(parts) > 1:
                _write_vocabulary(source / VOCABULARY_PAGE, words, language)
            indexed, _ = _pagefind(str(executable), source if marked else site, bundle / name, language)
            total += indexed - (len(parts) > 1)  # not the page of words
            if name:
                names.append(name)
            for unused in _UNUSED_UI:
                (bundle / name / unused).unlink(missing_ok=True)
        (bundle / PARTS_FILE).write_text(json.dumps({"parts": names}) + "\n", "utf-8")
    except OSError as exc:  # e.g. under mkdocs serve, a newer build cleaned the site meanwhile
        raise SearchIndexError(f"không đọc/ghi được thư mục trang web khi lập chỉ mục: {exc}") from exc
    finally:
        shutil.rmtree(source, ignore_errors=True)
    return IndexResult(total, bundle, len(parts))


def main(argv: list[str] | None = None) -> int:
    """``python -m plan_portal.search SITE``: index a built site (the plugin's background run under serve)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("cách dùng: python -m plan_portal.search THƯ_MỤC_TRANG_WEB", file=sys.stderr)
        return 2
    try:
        result = index_site(args[0])
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{result.pages} trang, {result.parts} phần")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
