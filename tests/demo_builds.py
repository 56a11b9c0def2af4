"""Building the demo (or another portal) in a test: ``mkdocs build --strict`` with a fixed date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from portal_testing import ROOT, TODAY

#: The site_url the demo is built with when a test needs one (as deployed).
SITE_URL = "https://cong.example.gov.vn/"


def build_demo(site_dir: Path, site_url: str = "", *, mkdocs_yml: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Build ``mkdocs_yml`` into ``site_dir``; the log (stderr) is kept for the caller."""
    env = {**os.environ, "PLAN_PORTAL_TODAY": TODAY, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(mkdocs_yml),
                           "-d", str(site_dir)], cwd=mkdocs_yml.parent, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc
