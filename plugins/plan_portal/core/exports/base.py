"""What an export is (kept apart from the registry so that export modules can import it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["Export", "FileWriter"]

#: ``files(catalog, site_url)``: ``(uri, pieces)`` of each file the export writes; the pieces are bytes,
#: written one after the other, so a big file is never held whole.
FileWriter = Callable[["Catalog", str], Iterator[tuple[str, Iterable[bytes]]]]


@dataclass(frozen=True)
class Export:
    """One kind of data file.

    Attributes:
        name: Its name in the plugin option ``exports`` (``exports: [json, ics]``).
        title: What it is, in Vietnamese.
        files: Yields ``(uri, pieces)`` for each file it writes.
    """

    name: str
    title: str
    files: FileWriter
