"""Valid HTML: the W3C Nu HTML Checker (vnu.jar from npm, on Debian's Java) finds nothing on the demo.

Every page of the built demo, Material's shell included, is checked in ONE run of the checker (a JVM
start costs seconds): 0 errors and 0 warnings. The same run checks a page that is invalid on purpose,
so a checker that silently checks nothing makes the test fail.

The theme overrides that fix what Material prints are Material's own files with one documented change
each; a test keeps them so, so that an upgrade of Material is noticed.
"""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from demo_builds import SITE_URL, build_demo
from portal_testing import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OVERRIDES = ROOT / "plugins" / "plan_portal" / "templates" / "overrides"
BROKEN = "<!DOCTYPE html><html lang=vi><title>x</title><form action=\"\"></form><time>Thường xuyên</time>"


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: the HTML checker needs Debian's default-jre-headless "
                    "(`scripts/setup.sh --test` installs it). This test is never skipped.", pytrace=False)
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci --ignore-scripts` "
                    "(or `scripts/setup.sh --test`). This test is never skipped.", pytrace=False)
    return java


def sites_to_check() -> dict[str, Path]:
    """The portals whose every page is checked: the demo and every example site (``examples/*/mkdocs.yml``)."""
    sites = {"demo": ROOT / "mkdocs.yml"}
    for config in sorted((ROOT / "examples").glob("*/mkdocs.yml")):
        sites[f"examples-{config.parent.name}"] = config
    return sites


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    """One checker run over every built page of every site, plus a page broken on purpose."""
    java = _java()
    root = tmp_path_factory.mktemp("vnu")
    targets = []
    for name, mkdocs_yml in sites_to_check().items():
        site_dir = root / name
        build_demo(site_dir, SITE_URL, mkdocs_yml=mkdocs_yml)
        targets.append(site_dir)
    sentinel = root / "sentinel"
    sentinel.mkdir()
    (sentinel / "broken.html").write_text(BROKEN, encoding="utf-8")
    proc = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, targets), str(sentinel)],
                          capture_output=True, text=True)
    data = json.loads(proc.stderr or proc.stdout)
    pages = sum(1 for t in targets for _ in t.rglob("*.html"))
    return {"messages": data["messages"], "pages": pages, "sentinel": sentinel}


def _problems(report: dict, *, sentinel: bool) -> list[str]:
    out = []
    for m in report["messages"]:
        if m.get("type") == "error" or m.get("subType") == "warning":
            if ("/sentinel/" in m.get("url", "")) == sentinel:
                where = m.get("url", "").split("/vnu", 1)[-1]
                out.append(f"{where}:{m.get('lastLine')}: {m.get('type')}/{m.get('subType', '')}: {m['message']}"
                           f" [{m.get('extract', '').strip()[:120]}]")
    return out


def test_every_page_is_valid_html(report):
    assert report["pages"] > 50, "the demo has pages of every kind"
    problems = _problems(report, sentinel=False)
    assert problems == [], f"{len(problems)} errors/warnings from the W3C checker:\n" + "\n".join(problems[:60])


def test_the_checker_does_check(report):
    """The page broken on purpose is reported: the run above really checked HTML."""
    problems = " ".join(_problems(report, sentinel=True))
    assert "action" in problems and "time" in problems, problems


MATERIAL = Path(__import__("material").__file__).parent / "templates"


@pytest.mark.parametrize(
    ("override", "removed", "added"),
    [
        # base.html: autocomplete="off" off the two toggles, and the header comment
        ("base.html", 2, 2),
        # partials/toc.html: the title is a <label> only where the nav has its control, else a <div>
        ("partials/toc.html", 0, 9),
    ],
)
def test_material_overrides_change_only_what_they_say(override, removed, added):
    """Each copied Material template differs from the installed one only by its documented fix."""
    ours = (OVERRIDES / override).read_text("utf-8").splitlines()
    theirs = (MATERIAL / override).read_text("utf-8").splitlines()
    # the header comment (Material's "generated" note, ours saying what the override fixes) is left out
    ours, theirs = ours[ours.index("-#}") + 1:], theirs[theirs.index("-#}") + 1:]
    diff = [d for d in difflib.unified_diff(theirs, ours, lineterm="", n=0) if not d.startswith(("---", "+++", "@@"))]
    minus = [d for d in diff if d.startswith("-")]
    plus = [d for d in diff if d.startswith("+")]
    assert (len(minus), len(plus)) == (removed, added), "\n".join(diff)
