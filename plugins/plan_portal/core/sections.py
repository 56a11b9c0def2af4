"""Chuyên trang: commemorative sections, read from ``content/chuyen-trang/<slug>/index.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError, field_validator

from .diagnostics import Diagnostic
from .frontmatter import FrontMatter, parse_front_matter
from .loader import translate_error
from .sanitize import body_diagnostics
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
        return b.year - a.year if a and b else None

    @property
    def span_label(self) -> str:
        a, b = self.since.start or self.since.end, self.on.start or self.on.end
        return f"{a.year}–{b.year}" if a and b else ""


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


def _load_section(folder: Path, content_dir: Path, url_for) -> SectionEntry:  # type: ignore[no-untyped-def]
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
    if not index.is_file():
        diagnostics.append(Diagnostic(rel, None, "Thư mục chuyên trang thiếu tệp index.md.",
                                      suggestion="Tạo index.md với title và anniversaries (xem Hướng dẫn biên tập).",
                                      code="missing-section-index"))
        return SectionEntry(slug, rel, url_for(rel), None, FrontMatter(), diagnostics=diagnostics)
    front = parse_front_matter(index.read_text("utf-8", errors="replace"), rel)
    diagnostics.extend(front.problems)
    section = None
    if front.has_front_matter and not front.problems:
        try:
            section = Section.model_validate(front.data)
        except ValidationError as exc:
            diagnostics.extend(translate_error(e, front, rel, model=Section) for e in exc.errors())
    diagnostics.extend(body_diagnostics(front.body, rel, front.body_line))
    return SectionEntry(slug, rel, url_for(rel), section, front, diagnostics=diagnostics)


def _load_article(page: Path, content_dir: Path, url_for, diagnostics: list[Diagnostic]) -> Article:  # type: ignore[no-untyped-def]
    """An article of a section; its problems are added to ``diagnostics``."""
    prel = page.relative_to(content_dir).as_posix()
    pfront = parse_front_matter(page.read_text("utf-8", errors="replace"), prel)
    diagnostics.extend(pfront.problems)
    diagnostics.extend(body_diagnostics(pfront.body, prel, pfront.body_line))
    data = pfront.data
    title = data.get("title") if isinstance(data.get("title"), str) else page.stem.replace("-", " ")
    summary = data.get("summary") if isinstance(data.get("summary"), str) else None
    return Article(prel, url_for(prel), title, data.get("date"), summary)


def load_sections(content_dir: Path, sections_dir: str = "chuyen-trang", url_for=None) -> list[SectionEntry]:
    """Every ``<sections_dir>/<slug>/index.md`` with the folder's other pages as articles."""
    from .loader import default_url

    url_for = url_for or default_url
    root = content_dir / sections_dir
    if not root.is_dir():
        return []
    out: list[SectionEntry] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        entry = _load_section(folder, content_dir, url_for)
        # Articles are published whatever state the index is in: read and check them all.
        for page in sorted(folder.rglob("*.md")):
            if page.name == "index.md" and page.parent == folder:
                continue
            entry.articles.append(_load_article(page, content_dir, url_for, entry.diagnostics))
        entry.articles.sort(key=lambda a: (str(a.date or ""), a.path), reverse=True)
        out.append(entry)
    return out
