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
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BUNDLE_DIR", "EXCLUDE_SELECTORS", "SearchIndexError", "IndexResult", "index_site"]

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle inside the built site."""

EXCLUDE_SELECTORS = (
    ".headerlink",        # the "¶" permalink after each heading
    ".pp-plan-toc",       # the plan's own table of contents repeats its headings
    ".pp-gantt",          # the Gantt chart repeats the task titles
    ".md-source-file",
)
"""Parts of an indexed page that would only add noise to the index and the excerpts."""

# Files Pagefind writes for its own ready-made UIs; the portal's search page does not use them.
_UNUSED_UI = (
    "pagefind-ui.js", "pagefind-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message is in Vietnamese, for the build log."""


@dataclass(frozen=True)
class IndexResult:
    pages: int
    bundle: Path


def index_site(site_dir: Path | str, *, language: str = "vi") -> IndexResult:
    """Index every page of a built site that has ``data-pagefind-body``; write ``<site>/pagefind/``.

    Runs the ``pagefind`` binary of the ``pagefind[bin]`` wheel as one command: its Python API
    (``PagefindIndex``) sometimes returned before the last file was fully written (a truncated
    ``wasm.unknown.pagefind`` under load).
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
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [str(executable), "--site", str(site), "--output-subdir", BUNDLE_DIR, "--force-language", language]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0 or not (bundle / "pagefind.js").is_file():
        tail = (proc.stderr or proc.stdout).strip()[-800:]
        raise SearchIndexError(f"Pagefind không tạo được chỉ mục tìm kiếm (mã {proc.returncode}): {tail}")
    found = re.search(r"Indexed (\d+) page", proc.stdout)
    for name in _UNUSED_UI:
        (bundle / name).unlink(missing_ok=True)
    return IndexResult(int(found.group(1)) if found else 0, bundle)
