"""Fixtures of the site tests: the demo built once per session, with and without ``site_url``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal_testing import ROOT, TODAY

SITE_URL = "https://cong.example.gov.vn/"


def build_demo(site_dir: Path, site_url: str = "", *, mkdocs_yml: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the demo (or another portal) with a fixed date; stderr is kept."""
    env = {**os.environ, "PLAN_PORTAL_TODAY": TODAY, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(mkdocs_yml),
                           "-d", str(site_dir)], cwd=mkdocs_yml.parent, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="session")
def demo_with_url(tmp_path_factory) -> Path:
    """The demo built with a ``site_url`` (as deployed): sitemap, links in feeds."""
    site_dir = tmp_path_factory.mktemp("demo-url") / "site"
    build_demo(site_dir, SITE_URL)
    return site_dir
