"""Browser tests of the demo portal in real Chromium (Debian's ``chromium`` driven by Playwright).

Once per session: the demo is built twice from the project's ``mkdocs.yml`` with a fixed date —
for the site root and for a sub-path (``/cong-ke-hoach/``, like GitHub Pages' ``/<repo>/``) —
each served by Python's ``http.server`` on 127.0.0.1 on a free port, and one Chromium is shared.

These tests never skip: without Chromium or axe-core they fail and say how to install them
(``scripts/setup.sh --test`` does both), so CI cannot go green without running them.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
BUILD_DATE = "2024-09-01"  # the demo's statuses are computed for this day (plugin option `today`)
SUB_PATH = "/cong-ke-hoach/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail(
        "Chromium is missing: the browser tests need Debian's chromium package "
        "(`sudo apt-get install -y chromium`, or run `scripts/setup.sh --test`), "
        "or set CHROMIUM=/path/to/chromium. These tests are never skipped.",
        pytrace=False,
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@dataclass
class Served:
    """A built demo served over HTTP: ``url("ke-hoach/")`` is a page's full URL."""

    site_dir: Path
    base: str  # "http://127.0.0.1:PORT/" or "http://127.0.0.1:PORT/cong-ke-hoach/"

    def url(self, path: str = "") -> str:
        return urljoin(self.base, path.lstrip("/"))

    def html(self, path: str) -> BeautifulSoup:
        file = self.site_dir / path.strip("/") / "index.html" if not path.endswith(".html") else self.site_dir / path
        return BeautifulSoup(file.read_text("utf-8"), "html.parser")


def _serve(directory: Path) -> tuple[ThreadingHTTPServer, int]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: a free port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def _build(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "PLAN_PORTAL_TODAY": BUILD_DATE, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stderr[-4000:]}"


@pytest.fixture(scope="session")
def sub_site(tmp_path_factory) -> Served:
    """The demo built with site_url http://127.0.0.1:PORT/cong-ke-hoach/ and served under that prefix."""
    www = tmp_path_factory.mktemp("www-sub")
    server, port = _serve(www)
    site_dir = www / SUB_PATH.strip("/")
    _build(site_dir, f"http://127.0.0.1:{port}{SUB_PATH}")
    yield Served(site_dir, f"http://127.0.0.1:{port}{SUB_PATH}")
    server.shutdown()


@pytest.fixture(scope="session")
def root_site(tmp_path_factory) -> Served:
    """The demo built for the root of its host (site_url http://127.0.0.1:PORT/)."""
    site_dir = tmp_path_factory.mktemp("www-root")
    server, port = _serve(site_dir)
    _build(site_dir, f"http://127.0.0.1:{port}/")
    yield Served(site_dir, f"http://127.0.0.1:{port}/")
    server.shutdown()


def _first_link(soup: BeautifulSoup, selector: str, prefix: str) -> str:
    for a in soup.select(selector):
        href = a.get("href", "")
        if href and not href.startswith(("http:", "https:", "#")):
            return href
    raise AssertionError(f"no link matching {selector!r} on {prefix}")


@pytest.fixture(scope="session")
def pages(sub_site: Served) -> dict[str, str]:
    """One page of each kind, as a path under the site: found in the built demo, not hard-coded."""
    site = sub_site
    data = json.loads((site.site_dir / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    plan = next(p["url"] for p in data["plans"] if p.get("number") == "48/KH-UBND")
    plan_soup = site.html(plan)
    agency = urljoin(plan, _first_link(plan_soup, ".pp-task-table a.pp-agency", plan))
    sections = site.html("chuyen-trang/")
    section = urljoin("chuyen-trang/", _first_link(sections, ".pp-card a", "chuyen-trang/"))
    article = urljoin(section, _first_link(site.html(section), ".pp-articles a", section))
    return {
        "trang chủ": "",
        "danh sách kế hoạch": "ke-hoach/",
        "kế hoạch": plan,
        "dòng thời gian": "dong-thoi-gian/",
        "danh sách cơ quan": "co-quan/",
        "cơ quan": agency,
        "danh sách chuyên trang": "chuyen-trang/",
        "chuyên trang": section,
        "bài viết chuyên trang": article,
        "báo cáo": "bao-cao/",
        "tìm kiếm": "tim-kiem/",
        "thống kê": "thong-ke/",
    }


@pytest.fixture(scope="session")
def build_date() -> str:
    """The day the demo's statuses were computed for."""
    return BUILD_DATE


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as p:
        # As root in a container (CI) Chromium needs --no-sandbox, and a larger /dev/shm than Docker's 64 MB.
        chromium = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (cookies, storage, viewport) per test."""
    ctx = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.set_default_timeout(60_000)  # a 2-core CI machine under load: slow is not broken
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE.relative_to(ROOT)}): run `npm ci` in the project folder "
            "(or `scripts/setup.sh --test`). These tests are never skipped.",
            pytrace=False,
        )
    return AXE.read_text("utf-8")


class _SiteHandler(_QuietHandler):
    """Like a web host (GitHub Pages, nginx ``error_page 404``): a missing address gets the site's 404.html."""

    not_found_page: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def bare_site(tmp_path_factory) -> Served:
    """The demo built WITHOUT site_url, copied under a sub-path (/cong-ke-hoach/) of a host that answers
    every missing address with the site's 404.html, as GitHub Pages and a typical intranet server do."""
    www = tmp_path_factory.mktemp("www-bare")
    site_dir = www / SUB_PATH.strip("/")
    _build(site_dir, "")
    handler = type("_Handler", (_SiteHandler,), {"not_found_page": site_dir / "404.html"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Served(site_dir, f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}")
    server.shutdown()


@pytest.fixture(scope="session")
def parted_site(sub_site, tmp_path_factory) -> Served:
    """The sub-path demo with its search index built in several parts (as a big portal's is), served apart."""
    from plan_portal.search import index_site

    www = tmp_path_factory.mktemp("www-parts")
    site_dir = www / SUB_PATH.strip("/")
    shutil.copytree(sub_site.site_dir, site_dir)
    result = index_site(site_dir, part_text_bytes=40_000)
    assert result.parts >= 3, result
    server, port = _serve(www)
    yield Served(site_dir, f"http://127.0.0.1:{port}{SUB_PATH}")
    server.shutdown()
