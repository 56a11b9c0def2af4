"""Load plan files into the model and translate every problem into a Vietnamese diagnostic.

Loading never raises on bad content and never drops a file: each file becomes a
:class:`PlanEntry`, valid or not, so the site can still show a broken plan with its
problems (or list it on the build report) instead of losing it. The translation of
validation errors and the period checks are in :mod:`.translate`.
"""

from __future__ import annotations

import hashlib

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from .diagnostics import Diagnostic, Severity
from .files import ContentScan, scan_content
from .frontmatter import FrontMatter, parse_front_matter
from .model import FIELD_LABELS, Plan
from .imported import import_diagnostics
from .plausible import plan_plausibility
from .sanitize import body_diagnostics, field_diagnostics
# The translation of validation errors and the period checks (moved to .translate; the importer
# and core.sections/core.reports import these names from here).
from .translate import (  # noqa: F401
    PERIOD_FIELDS,
    _TYPE_MESSAGES,
    _default_year,
    _period_problems,
    _plan_periods,
    _raw_periods,
    translate_error,
)

__all__ = ["PlanCache", "PlanEntry", "decode_source", "load_plan", "load_plan_text", "iter_plan_files", "FIELD_LABELS"]


@dataclass
class PlanEntry:
    """One plan file, loaded or not.

    Attributes:
        path: Relative to the content folder (``ke-hoach/2023/48-kh-ubnd.md``).
        url: Site-relative URL of its page.
        plan: The validated plan, or ``None`` when it has errors that prevent it.
        front: The raw front matter and body.
        diagnostics: Every problem of this file.
    """

    path: str
    url: str
    plan: Plan | None
    front: FrontMatter
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.plan is not None

    @property
    def body(self) -> str:
        return self.front.body

    @property
    def title(self) -> str:
        """Best-effort title even for a broken file."""
        if self.plan:
            return self.plan.title
        data = self.front.data
        for key in ("number", "summary"):
            if isinstance(data.get(key), str) and data[key].strip():
                return f"{data.get('doc_type') or 'Kế hoạch'} {data[key].strip()}"
        return Path(self.path).stem

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def default_url(rel_path: str) -> str:
    """The directory URL MkDocs gives ``rel_path`` (``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``)."""
    stem = rel_path[:-3] if rel_path.endswith(".md") else rel_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def load_plan_text(text: str, rel_path: str, url: str | None = None) -> PlanEntry:
    """Load a plan from its file text (see :func:`load_plan`)."""
    front = parse_front_matter(text, rel_path)
    entry = PlanEntry(rel_path, default_url(rel_path) if url is None else url, None, front, list(front.problems))
    # The body is published even when the front matter is broken: its markup is always checked.
    markup = body_diagnostics(front.body, rel_path, front.body_line)
    if not front.has_front_matter or any(d.code == "yaml-syntax" for d in front.problems):
        entry.diagnostics.extend(markup)
        return entry
    markup = field_diagnostics(front.data, front.line_of, rel_path) + markup
    try:
        plan = Plan.model_validate(front.data, context={"default_year": _default_year(front.data)})
    except ValidationError as exc:
        errors = exc.errors()
        entry.diagnostics.extend(translate_error(e, front, rel_path) for e in errors)
        skip = {tuple(e["loc"]) for e in errors}
        entry.diagnostics.extend(_period_problems(_raw_periods(front.data, skip), front, rel_path))
        entry.diagnostics.extend(import_diagnostics(text, front, None, rel_path))
        entry.diagnostics.extend(markup)
        return entry
    except RecursionError:  # a value nested deeper than the validator follows
        entry.diagnostics.append(Diagnostic(rel_path, 2, "Phần khai báo lồng nhau quá sâu.",
                                            suggestion="Kiểm tra các dấu «[» «{» thừa hoặc thụt lề sai.",
                                            code="too-deep"))
        return entry
    plan._path = rel_path
    plan._url = entry.url
    plan._slug = Path(rel_path).stem
    entry.plan = plan
    entry.diagnostics.extend(_period_problems(_plan_periods(plan), front, rel_path))
    entry.diagnostics.extend(plan_plausibility(plan, front.line_of, rel_path))
    entry.diagnostics.extend(import_diagnostics(text, front, plan, rel_path))
    entry.diagnostics.extend(markup)
    return entry


def _url_twins(path: Path, rel_path: str) -> list[str]:
    """Other source files MkDocs publishes at the same directory URL as ``path``.

    ``a.md``, ``a/index.md`` and ``a/README.md`` all become ``a/``. MkDocs only notices
    the README/index pair of one folder; the others silently overwrite each other.
    """
    rel = PurePosixPath(rel_path)
    if len(rel.parts) > len(path.parents):
        return []
    content_dir = path.parents[len(rel.parts) - 1]
    if rel.name in ("index.md", "README.md"):
        if len(rel.parts) < 2:
            return []
        other = "README.md" if rel.name == "index.md" else "index.md"
        candidates = [rel.parent.with_name(rel.parent.name + ".md"), rel.with_name(other)]
    else:
        stem = rel.with_suffix("")
        candidates = [stem / "index.md", stem / "README.md"]
    return [c.as_posix() for c in candidates if (content_dir / c).is_file()]


def _digest(raw: bytes) -> bytes:
    """A fingerprint of a file's bytes (the cache keeps it rather than the ~20 KB of each plan)."""
    return hashlib.blake2b(raw, digest_size=16).digest()


class PlanCache:
    """Plans already read, kept between the builds of one process (``mkdocs serve``), by file content.

    A save in the editor rebuilds the whole site; with the cache only the saved plans are read and
    validated again (issue 8). An entry is reused only for the same bytes, path and URL, so the
    result is exactly what a fresh read gives. Entries of files that are gone are dropped by
    :meth:`keep_only`.
    """

    def __init__(self) -> None:
        self._items: dict[tuple[str, str | None], tuple[bytes, PlanEntry]] = {}  # key -> (digest of the bytes, entry)
        self.hits = 0
        self.misses = 0

    def get(self, raw: bytes, rel_path: str, url: str | None) -> PlanEntry | None:
        found = self._items.get((rel_path, url))
        if found is not None and found[0] == _digest(raw):
            self.hits += 1
            # Each build gets its own list: problems found about the file itself are added per build.
            return replace(found[1], diagnostics=list(found[1].diagnostics))
        self.misses += 1
        return None

    def put(self, raw: bytes, rel_path: str, url: str | None, entry: PlanEntry) -> None:
        self._items[(rel_path, url)] = (_digest(raw), replace(entry, diagnostics=list(entry.diagnostics)))

    def keep_only(self, rel_paths: set[str]) -> None:
        """Forget the plans whose files are no longer there."""
        for key in [k for k in self._items if k[0] not in rel_paths]:
            del self._items[key]

    def __len__(self) -> int:
        return len(self._items)


def load_plan(path: Path, rel_path: str, url: str | None = None, cache: PlanCache | None = None) -> PlanEntry:
    """Read and validate one plan file; never raises on bad content.

    With a ``cache``, a file whose bytes did not change since the last call is not parsed again.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        front = FrontMatter()
        return PlanEntry(rel_path, url or default_url(rel_path), None, front,
                         [Diagnostic(rel_path, None, "Không đọc được tệp (không có quyền đọc, hoặc tệp đang bị khóa).",
                                              suggestion="Kiểm tra quyền đọc tệp rồi chạy lại.", code="unreadable")])
    entry = cache.get(raw, rel_path, url) if cache is not None else None
    if entry is None:
        entry = _load_decoded(raw, rel_path, url)
        if cache is not None:
            cache.put(raw, rel_path, url, entry)
    # Directory URLs only: with use_directory_urls off, a.md and a/index.md do not collide.
    twins = _url_twins(path, rel_path) if entry.url.endswith("/") else []
    for twin in reversed(twins):
        entry.diagnostics.insert(0, Diagnostic(
            rel_path, 1,
            f"Tệp này và tệp {twin} được đăng ở cùng một địa chỉ /{entry.url}; một trang sẽ ghi đè trang kia.",
            allowed="mỗi kế hoạch một địa chỉ: hoặc `ten.md`, hoặc `ten/index.md`, không cả hai",
            suggestion="Đổi tên một trong hai tệp, hoặc gộp chúng nếu là cùng một kế hoạch.", code="duplicate-url"))
    return entry


def decode_source(raw: bytes, rel_path: str) -> tuple[str, Diagnostic | None]:
    """Decode a content file whatever its encoding; the diagnostic says what was wrong, if anything.

    UTF-8 (with or without BOM) is read as is. UTF-16 (Notepad's "Unicode") is read and
    warned about. Anything else (Windows-1258, Latin-1…) is read with «�» for the bad bytes
    and is an error naming the line of the first one. MkDocs itself stops the whole build
    on such a file, so the adapter feeds it this text instead (``on_page_read_source``).
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode": readable, but ask for UTF-8
        return raw.decode("utf-16", errors="replace"), Diagnostic(
            rel_path, 1, "Tệp được lưu dạng UTF-16 (Unicode của Notepad) thay vì UTF-8.",
            allowed="tệp văn bản mã hóa UTF-8",
            suggestion="Mở tệp, chọn Lưu thành (Save As) với mã hóa UTF-8.", severity=Severity.WARNING, code="encoding")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return raw.decode("utf-8", errors="replace"), Diagnostic(
            rel_path, line, "Tệp không phải mã UTF-8; ký tự lỗi đã được thay bằng «�».",
            allowed="tệp văn bản mã hóa UTF-8",
            suggestion="Mở tệp trong trình soạn thảo và lưu lại với mã hóa UTF-8.", code="encoding")


def _load_decoded(raw: bytes, rel_path: str, url: str | None) -> PlanEntry:
    text, problem = decode_source(raw, rel_path)
    entry = load_plan_text(text, rel_path, url)
    if problem is not None:
        entry.diagnostics.insert(0, problem)
    return entry


def iter_plan_files(content_dir: Path, plans_dir: str = "ke-hoach",
                    scan: ContentScan | None = None) -> list[tuple[Path, str]]:
    """All plan Markdown files below ``content_dir/plans_dir``, sorted, as (path, rel_path) pairs.

    Exactly the files MkDocs reads as pages there (its Markdown suffixes, hidden files left out),
    and only those the ``scan`` allows (no link leading outside the content folder).
    """
    scan = scan or scan_content(content_dir)
    plans_dir = plans_dir.strip("/")
    return [(content_dir / rel, rel) for rel in scan.markdown(plans_dir) if rel != f"{plans_dir}/index.md"]

