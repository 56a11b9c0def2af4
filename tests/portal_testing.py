"""Shared test helpers: build real small sites in temporary folders and read their HTML.

A module with a unique name (``tests`` is on ``pythonpath``): several folders have a
``conftest.py`` of their own, so ``from conftest import`` would be ambiguous.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # a copy of ../shared/seeds, so tests run anywhere
TODAY = "2024-09-01"  # fixed build date so statuses in assertions never drift

#: A small registry: Cẩm Phả city and two of its offices.
CAM_PHA_REGISTRY = """
- id: ubnd-tp-cam-pha
  name: Ủy ban nhân dân thành phố Cẩm Phả
  short: UBND thành phố Cẩm Phả
- id: phong-noi-vu-cam-pha
  name: Phòng Nội vụ thành phố Cẩm Phả
  short: Phòng Nội vụ
  aliases: [Phòng NV]
  parent: ubnd-tp-cam-pha
- id: phong-vhtt-cam-pha
  name: Phòng Văn hóa và Thông tin thành phố Cẩm Phả
  short: Phòng Văn hóa và Thông tin
  parent: ubnd-tp-cam-pha
"""


@dataclass
class BuiltSite:
    """A site built by :func:`build_site`."""

    root: Path
    site_dir: Path
    messages: list[str] = field(default_factory=list)
    error: Exception | None = None

    def html(self, url: str) -> BeautifulSoup:
        path = self.site_dir / url.strip("/") / "index.html" if not url.endswith(".html") else self.site_dir / url
        return BeautifulSoup(path.read_text("utf-8"), "html.parser")

    def text(self, url: str) -> str:
        path = self.site_dir / url.strip("/")
        if path.is_dir():
            path = path / "index.html"
        return path.read_text("utf-8")

    @property
    def warnings(self) -> list[str]:
        return self.messages


def write_files(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n") if isinstance(content, str) else content, "utf-8")


def make_config(root: Path, plugin_options: dict | None = None, **extra) -> Path:
    config = {
        "site_name": "Cổng thử nghiệm",
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material", "language": "vi", "font": False},
        # Small test sites build without the search index (a Pagefind run each); tests/site/test_search_option.py
        # and the demo's builds have it.
        "plugins": [{"plan-portal": {"today": TODAY, "search": False, **(plugin_options or {})}}],
        "markdown_extensions": ["tables", "attr_list", "admonition",
                                {"toc": {"permalink": True, "slugify": "!!python/name:plan_portal.core.text.heading_slug"}}],
    }
    config.update(extra)
    path = root / "mkdocs.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    # A YAML tag cannot be produced by safe_dump: unquote the one we use.
    text = text.replace("'!!python/name:plan_portal.core.text.heading_slug'", "!!python/name:plan_portal.core.text.heading_slug")
    path.write_text(text, "utf-8")
    return path


def build_site(root: Path, files: dict[str, str] | None = None, *, strict: bool = False,
               plugin_options: dict | None = None, **extra) -> BuiltSite:
    """Write ``files`` under ``root/content``, build with MkDocs, capture the log."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if files:
        write_files(root / "content", files)
    config_path = make_config(root, plugin_options, **extra)
    with capture_warnings() as messages:
        result = BuiltSite(root, root / "site", messages)
        try:
            config = load_config(str(config_path), strict=strict)
            build(config)
        except Exception as exc:  # noqa: BLE001 - the caller asserts on it
            result.error = exc
    return result


@contextmanager
def capture_warnings() -> Iterator[list[str]]:
    """The messages of MkDocs' log at WARNING and above while the block runs (what ``--strict`` counts)."""
    messages: list[str] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    handler = Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
