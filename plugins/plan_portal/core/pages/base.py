"""What every generated page is: a :class:`View` (source path, title, template, description), and
the :class:`Pager` of a listing cut into numbered pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Pager", "View", "in_pages"]


@dataclass
class View:
    """A generated page."""

    src_uri: str
    title: str
    template: str
    description: str = ""
    in_nav: bool = False

    kind = "view"

    @property
    def extra_meta(self) -> dict[str, Any]:
        """Front matter beyond template, title and description (continuation pages stay out of search)."""
        pager = getattr(self, "pager", None)
        if pager is not None and pager.page > 1:
            return {"search": {"exclude": True}}
        return {}


@dataclass
class Pager:
    """Where one page of a numbered listing is, and the URLs (site-relative) of all its pages."""

    page: int  # 1-based
    urls: list[str]
    labels: list[str] = field(default_factory=list)  # a hint per page, e.g. the years it covers

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.page - 2] if self.page > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.page] if self.page < self.count else None

    def items(self, around: int = 2) -> list[tuple[int, str, str] | None]:
        """(number, URL, hint) of the pages to link: the first, the last and ``around`` either side; None is a gap."""
        keep = {1, self.count, *range(self.page - around, self.page + around + 1)}
        out: list[tuple[int, str, str] | None] = []
        last = 0
        for number in sorted(n for n in keep if 1 <= n <= self.count):
            if number > last + 1:
                out.append(None)
            out.append((number, self.urls[number - 1], self.labels[number - 1] if self.labels else ""))
            last = number
        return out


def in_pages(items: list[Any], size: int) -> list[list[Any]]:
    """``items`` cut into lists of ``size`` (one empty list when there are none)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
