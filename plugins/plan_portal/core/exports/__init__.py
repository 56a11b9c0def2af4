"""Data exports: one module per export, one line each in :data:`EXPORTS`.

Each module defines ``EXPORT``, an :class:`~plan_portal.core.exports.base.Export`: its ``name``
(what the plugin option ``exports`` lists: ``true`` for all, ``false`` for none, or a list of
names), a Vietnamese ``title`` and ``files(catalog, site_url)``, which yields ``(uri, pieces)``
for each file it writes. The plugin writes them after the build, one file at a time
(:func:`write_data_files`). Where the files are, and the links to them, come from
:mod:`plan_portal.core.urls` (a link is ``None`` when its export is off).

* :mod:`.json`: ``du-lieu/ke-hoach.json``, every valid plan in the shape of its front matter.
* :mod:`.ics`: ``dong-thoi-gian/lich.ics`` and ``co-quan/<id>/lich.ics``.
* :mod:`.atom`: Atom feeds of new plans, ``ke-hoach/atom.xml``, ``co-quan/<id>/atom.xml``,
  ``chuyen-trang/<slug>/atom.xml``.
* :mod:`.csv`: ``du-lieu/nhiem-vu.csv``, every task with its status (issue 15).

A new export (CSV of tasks, Atom feed …) is a module here plus a line in :data:`EXPORTS`; its
URLs go in ``core/urls.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import atom, csv, ics, json
from .base import Export

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["EXPORTS", "Export", "data_files", "export_names", "write_data_files"]

#: Every export, in the order they are written.
EXPORTS: list[Export] = [
    json.EXPORT,
    ics.EXPORT,
    atom.EXPORT,
    csv.EXPORT,
]


def export_names() -> list[str]:
    """The names the plugin option ``exports`` accepts."""
    return [export.name for export in EXPORTS]


def _enabled(catalog: Catalog) -> list[Export]:
    return [export for export in EXPORTS if catalog.paths.exported(export.name)]


def data_files(catalog: Catalog, site_url: str) -> dict[str, bytes]:
    """Every data file of the enabled exports, by URI (whole: for tests and small sites)."""
    return {uri: b"".join(pieces) for export in _enabled(catalog) for uri, pieces in export.files(catalog, site_url)}


def write_data_files(catalog: Catalog, site_url: str, site_dir: Path,
                     stop: Callable[[], bool] = lambda: False) -> list[str]:
    """Write the files of the enabled exports into ``site_dir`` one at a time; return their URIs.

    The JSON is streamed plan by plan and each feed is dropped once written, so a portal of
    10,000 plans (a few hundred megabytes of feeds) never holds them all in memory. Each file is
    written whole or not at all (a temporary file, then renamed): a reader never gets half a file.
    ``stop`` is asked between pieces (``mkdocs serve``: a newer save); when it says so, the file
    being written is dropped and writing ends.
    """
    written = []
    for export in _enabled(catalog):
        for uri, pieces in export.files(catalog, site_url):
            target = site_dir / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            with temporary.open("wb") as out:
                for piece in pieces:
                    if stop():
                        break
                    out.write(piece)
            if stop():
                temporary.unlink(missing_ok=True)
                return written
            os.replace(temporary, target)
            written.append(uri)
    return written
