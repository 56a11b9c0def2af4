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
