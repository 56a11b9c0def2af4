"""Core test helpers: a catalog built from plan texts, with no MkDocs and no files (tests/core/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portal_testing import CAM_PHA_REGISTRY, write_files

from plan_portal.core.agencies import Registry
from plan_portal.core.catalog import Catalog
from plan_portal.core.loader import load_plan_text
from plan_portal.core.sections import load_sections
from plan_portal.core.urls import SitePaths

TODAY = date(2024, 9, 1)


def catalog_of(plans: dict[str, str], *, registry: str = CAM_PHA_REGISTRY, today: date = TODAY,
               sections: dict[str, str] | None = None, folder: Path | None = None,
               paths: SitePaths | None = None) -> Catalog:
    """The catalog of ``plans`` (path under the content folder → text) and the agency ``registry``.

    Chuyên trang are read from disk: with ``sections`` (path → text, e.g.
    ``chuyen-trang/ky-niem/index.md``) they are written under ``folder`` first.
    """
    paths = paths or SitePaths()
    entries = [load_plan_text(text, path) for path, text in sorted(plans.items())]
    reg, problems = Registry.loads(registry) if registry else (Registry.from_agencies([]), [])
    found = []
    if sections:
        assert folder is not None, "chuyên trang are folders: give a folder to write them in"
        write_files(folder, sections)
        found = load_sections(folder, paths.sections)
    return Catalog(entries, reg, found, today=today, paths=paths, problems=problems)
