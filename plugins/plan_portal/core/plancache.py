"""Parsed plans kept on disk between builds (issue 17): a second build, or a CI build that keeps the
cache folder, reads and validates only the plans that changed.

One file holds every plan of the last build, each under its path and URL with a digest of its
bytes (as :class:`~plan_portal.core.loader.PlanCache` does in memory under ``mkdocs serve``).
The whole file is thrown away when the code that parses plans changes: its key is a digest of
the package's own source, of the versions of the libraries that parse and check plans (pydantic,
PyYAML, nh3) and of Python's. A file that cannot
be read (another version, cut short, not ours) is ignored and written anew, never trusted.

The cache lives outside the content folder (``.cache/plan-portal/`` next to ``mkdocs.yml``), so it
is never published; it holds only what the content files already say.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .loader import PlanCache

__all__ = ["DiskPlanCache", "code_version"]

PACKAGE_DIR = Path(__file__).resolve().parent.parent
_FORMAT = 1


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of what a parsed plan depends on besides the file: this package's code and its parsers."""
    versions = []
    for name in ("pydantic", "pydantic-core", "PyYAML", "nh3"):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    digest = hashlib.sha256(f"{_FORMAT} {sys.version} {' '.join(versions)}".encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class DiskPlanCache(PlanCache):
    """A :class:`PlanCache` read from ``path`` when it is made and written back by :meth:`save`."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._changed = False
        try:
            with path.open("rb") as handle:
                # Unpickling builds ~100 objects a plan: the cyclic collector would walk them all, again and again.
                gc.disable()
                try:
                    version, items = pickle.load(handle)
                finally:
                    gc.enable()
            if version == code_version() and isinstance(items, dict):
                self._items = items
        except Exception:  # noqa: BLE001 — no cache, another version, a file cut short: parse again
            self._items = {}

    def put(self, raw: bytes, rel_path: str, url: str | None, entry) -> None:  # type: ignore[no-untyped-def]
        super().put(raw, rel_path, url, entry)
        self._changed = True

    def keep_only(self, rel_paths: set[str]) -> None:
        before = len(self)
        super().keep_only(rel_paths)
        self._changed |= len(self) != before

    def save(self) -> None:
        """Write the cache if a plan was parsed or dropped (atomically: a build stopped halfway leaves the old one)."""
        if not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("wb", dir=self.path.parent, prefix=".plans-", delete=False)
        try:
            with handle:
                pickle.dump((code_version(), self._items), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, self.path)
        except OSError:
            Path(handle.name).unlink(missing_ok=True)
            raise
        self._changed = False
