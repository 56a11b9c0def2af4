"""Fixtures of the site tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_builds import SITE_URL, build_demo


@pytest.fixture(scope="session")
def demo_with_url(tmp_path_factory) -> Path:
    """The demo built with a ``site_url`` (as deployed): sitemap, links in feeds."""
    site_dir = tmp_path_factory.mktemp("demo-url") / "site"
    build_demo(site_dir, SITE_URL)
    return site_dir


@pytest.fixture(scope="session")
def demo_without_url(tmp_path_factory) -> tuple[Path, str]:
    """The demo built without ``site_url`` (a preview, an intranet copy), with its build log."""
    site_dir = tmp_path_factory.mktemp("demo-no-url") / "site"
    proc = build_demo(site_dir, "")
    return site_dir, proc.stderr
