"""The extractor's shared state: items, notes, the record being built, the registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plan_portal.core.agencies import Registry

from ..reader import Block
from ..structure import Item, parse_items

Path_ = tuple[Any, ...]


@dataclass
class Note:
    """Something the importer is not sure of: where in the record, and what (Vietnamese)."""

    path: Path_
    message: str
    todo: bool = True


@dataclass
class Extraction:
    """The result of reading one document.

    Attributes:
        record: The front matter, in issue 2's shape and key order.
        notes: What is unsure or missing, each tied to a record path.
        items: The document's items (for the Markdown body).
        body_ranges: ``(start, end, heading)`` ranges of items that make the body;
            ``heading`` is a Markdown line put before the range (the attached plan's title).
    """

    record: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    body_ranges: list[tuple[int, int, str | None]] = field(default_factory=list)


class Base:
    """State shared by the phases (each phase is a mixin over this class)."""

    def __init__(self, blocks: list[Block], registry: Registry | None = None) -> None:
        self.items: list[Item] = parse_items(blocks)
        self.registry: Registry | None = registry
        self.notes: list[Note] = []
        self.record: dict[str, Any] = {}
        self.consumed: set[int] = set()
        self._section_cache: dict[int, str] = {}
        self._place: str | None = None
        self._title_issuer: str | None = None  # "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the body the title names

    def note(self, path: Path_, message: str, todo: bool = True) -> None:
        self.notes.append(Note(path, message, todo))
