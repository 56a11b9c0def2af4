"""Chuyên trang: commemorative sections, read from ``content/chuyen-trang/<slug>/index.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError, field_validator

from .diagnostics import Diagnostic
from .files import ContentScan, resolve_reference, scan_content
from .plausible import section_plausibility
from .frontmatter import FrontMatter, parse_front_matter
from .loader import translate_error
from .sanitize import body_diagnostics
from .audit import body_reference_problems
from .model import PeriodField, Text, _Model, _title

__all__ = ["Anniversary", "Milestone", "Section", "SectionEntry", "load_sections", "SLUG_RE"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class Anniversary(_Model):
    """Một dịp kỷ niệm: «Ngày thành lập tỉnh Quảng Ninh», từ 1963-10-30 đến 2023-10-30."""

    label: Text = Field(description="Tên sự kiện được kỷ niệm.")
    since: PeriodField = Field(description="Ngày (hoặc tháng, năm) của sự kiện gốc.")
    on: PeriodField = Field(description="Ngày (hoặc tháng, năm) kỷ niệm.")

    @property
    def years(self) -> int | None:
        """Whole years between the two dates (60 for 1963 → 2023)."""
        a, b = self.since.start or self.since.end, self.on.start or self.on.end
        return b.year - a.year if a and b and b.year > a.year else None  # reversed dates are reported

    @property
    def span_label(self) -> str:
        a, b = self.since.start or self.since.end, self.on.start or self.on.end
        return f"{a.year}–{b.year}" if a and b and b.year > a.year else ""


class Milestone(_Model):
    """Một mốc lịch sử."""

    date: PeriodField = Field(description="Thời điểm: ngày, tháng hoặc năm.")
    title: Text = Field(description="Tên mốc.")
    text: Text | None = Field(None, description="Mô tả ngắn.")


class Section(_Model):
    """Phần khai báo của một chuyên trang (``content/chuyen-trang/<mã>/index.md``)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, field_title_generator=_title, title="Chuyên trang")

    title: Text = Field(description="Tên chuyên trang.")
    anniversaries: list[Anniversary] = Field(default_factory=list, description="Các dịp kỷ niệm.")
    banner: Text | None = Field(None, description="Ảnh băng rôn trong cùng thư mục (tùy chọn).")
    accent: Text | None = Field(None, description="Màu nhấn, dạng #b71c1c.")
    milestones: list[Milestone] = Field(default_factory=list, description="Các mốc lịch sử.")
    summary: Text | None = Field(None, description="Một câu giới thiệu ngắn (dùng cho danh sách và thẻ mô tả).")

    @field_validator("accent")
    @classmethod
    def _accent(cls, value: str | None) -> str | None:
        if value is not None and not _COLOUR_RE.match(value):
            raise ValueError("màu phải viết dạng #rrggbb, ví dụ #b71c1c")
        return value

    @field_validator("banner")
    @classmethod
    def _banner(cls, value: str | None) -> str | None:
        if value is not None and ("/" in value or "\\" in value or value.startswith(".") or ":" in value):
            raise ValueError("chỉ ghi tên tệp ảnh nằm trong thư mục chuyên trang, ví dụ banner.jpg")
        return value


@dataclass
class Article:
    """A hand-written page inside a section folder."""

    path: str
    url: str
    title: str
    date: Any = None
    summary: str | None = None


@dataclass
class SectionEntry:
    """One section folder: its validated front matter (or ``None``), body and articles."""

    slug: str
    path: str
    url: str
    section: Section | None
    front: FrontMatter
    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.section.title if self.section else self.slug


def _load_section(folder: Path, content_dir: Path, url_for, scan: ContentScan) -> SectionEntry:  # type: ignore[no-untyped-def]
    """The section of one folder: its ``index.md`` validated, or the reason it cannot be."""
    slug = folder.name
    index = folder / "index.md"
    rel = index.relative_to(content_dir).as_posix()
    diagnostics: list[Diagnostic] = []
    if not SLUG_RE.match(slug):
        diagnostics.append(Diagnostic(rel, None, "Tên thư mục chuyên trang không hợp lệ.", field="slug", value=slug,
                                      allowed="chữ thường không dấu, số và dấu gạch ngang, ví dụ ky-niem-60-nam",
                                      suggestion="Đổi tên thư mục.", code="bad-slug"))
        return SectionEntry(slug, rel, url_for(rel), None, FrontMatter(), diagnostics=diagnostics)
    if not scan.has_file(rel):
        diagnostics.append(Diagnostic(rel, None, "Thư mục chuyên trang thiếu tệp index.md.",
                                      suggestion="Tạo index.md với title và anniversaries (xem Hướng dẫn biên tập).",
                                      code="missing-section-index"))
        return SectionEntry(slug, rel, url_for(rel), None, FrontMatter(), diagnostics=diagnostics)
    front = parse_front_matter(_read(index, rel, diagnostics), rel)
    diagnostics.extend(front.problems)
    section = None
    if front.has_front_matter and not front.problems:
        try:
            section = Section.model_validate(front.data)
        except ValidationError as exc:
            diagnostics.extend(translate_error(e, front, rel, model=Section) for e in exc.errors())
    if section is not None:
        diagnostics.extend(section_plausibility(section, front, rel))
        if section.banner:
            found = resolve_reference(scan, rel, section.banner, what="Ảnh băng rôn")
            problem = found.diagnostic(rel, front.line_of(("banner",)), field="banner", value=section.banner)
            if problem is not None:
                diagnostics.append(problem)
                section.banner = None  # never link a file that is not there, or not ours to publish
    diagnostics.extend(body_diagnostics(front.body, rel, front.body_line))
    diagnostics.extend(body_reference_problems(scan, rel, front.body, front.body_line))
    return SectionEntry(slug, rel, url_for(rel), section, front, diagnostics=diagnostics)


def _read(path: Path, rel: str, diagnostics: list[Diagnostic]) -> str:
    """The text of a section page whatever its encoding; a bad encoding is reported (as for plans)."""
    from .loader import decode_source

    try:
        raw = path.read_bytes()
    except OSError:
        diagnostics.append(Diagnostic(rel, None, "Không đọc được tệp.", suggestion="Kiểm tra quyền đọc tệp.",
                                      code="unreadable"))
        return ""
    text, problem = decode_source(raw, rel)
    if problem is not None:
        diagnostics.append(problem)
    return text.lstrip("\ufeff")


def _load_article(page: Path, content_dir: Path, url_for, diagnostics: list[Diagnostic],  # type: ignore[no-untyped-def]
                  scan: ContentScan) -> Article:
    """An article of a section; its problems are added to ``diagnostics``."""
    prel = page.relative_to(content_dir).as_posix()
    pfront = parse_front_matter(_read(page, prel, diagnostics), prel)
    diagnostics.extend(pfront.problems)
    diagnostics.extend(body_diagnostics(pfront.body, prel, pfront.body_line))
    diagnostics.extend(body_reference_problems(scan, prel, pfront.body, pfront.body_line))
    data = pfront.data
    title = data.get("title") if isinstance(data.get("title"), str) else page.stem.replace("-", " ")
    summary = data.get("summary") if isinstance(data.get("summary"), str) else None
    return Article(prel, url_for(prel), title, data.get("date"), summary)


def load_sections(content_dir: Path, sections_dir: str = "chuyen-trang", url_for=None,
                  scan: ContentScan | None = None) -> list[SectionEntry]:
    """Every ``<sections_dir>/<slug>/index.md`` with the folder's other pages as articles.

    Only files the ``scan`` allows are read (default: a fresh :func:`~.files.scan_content`).
    """
    from .loader import default_url

    url_for = url_for or default_url
    scan = scan or scan_content(content_dir)
    prefix = sections_dir.strip("/") + "/"
    slugs = sorted({f[len(prefix):] for f in scan.folders if f.startswith(prefix) and "/" not in f[len(prefix):]})
    out: list[SectionEntry] = []
    for slug in slugs:
        folder = content_dir / sections_dir / slug
        entry = _load_section(folder, content_dir, url_for, scan)
        # Articles are published whatever state the index is in: read and check them all.
        for rel in scan.markdown(f"{prefix}{slug}"):
            if rel == f"{prefix}{slug}/index.md":
                continue
            entry.articles.append(_load_article(content_dir / rel, content_dir, url_for, entry.diagnostics, scan))
        entry.articles.sort(key=lambda a: (str(a.date or ""), a.path), reverse=True)
        out.append(entry)
    return out
