#!/usr/bin/env python3
"""Screenshots of each kind of page of the demo portal, on a phone (360 px) and a desktop (1280 px).

Builds the demo (or takes an already built site), serves it on 127.0.0.1 and writes full-page PNGs
into ./screenshots/ (git-ignored), e.g. ``screenshots/ke-hoach-360.png``, for people to look at.
Then does the same for the example site of results and reports (``examples/tien-do``, labelled
"Ví dụ minh họa"), with names starting ``vi-du-``: ``screenshots/vi-du-thong-ke-360.png``.
Uses Debian's Chromium through Playwright, like the browser tests.

Usage::

    .venv/bin/python scripts/screenshots.py [--site DIR] [--out DIR] [--today 2024-09-01] [--no-example]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (360, 1280)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


EXAMPLE = ROOT / "examples" / "tien-do"


def build(site_dir: Path, today: str | None, cwd: Path = ROOT) -> None:
    """Build the site of ``cwd``'s mkdocs.yml; ``today`` None keeps the date its mkdocs.yml sets."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PLAN_PORTAL_TODAY", None)
    if today:
        env["PLAN_PORTAL_TODAY"] = today
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)], cwd=cwd, env=env, check=True)


def _first_href(html: str, marker: str) -> str | None:
    from bs4 import BeautifulSoup

    for a in BeautifulSoup(html, "html.parser").select(marker):
        href = a.get("href", "")
        if href and not href.startswith(("http:", "https:", "#")):
            return href
    return None


def find_pages(site: Path) -> dict[str, str]:
    """One page of each kind (name -> path under the site), found in the built site."""
    def html(path: str) -> str:
        return (site / path / "index.html").read_text("utf-8")

    pages = {"trang-chu": "", "ke-hoach": "ke-hoach/", "dong-thoi-gian": "dong-thoi-gian/", "co-quan": "co-quan/",
             "chuyen-trang": "chuyen-trang/", "bao-cao": "bao-cao/", "tim-kiem": "tim-kiem/?q=ky+niem"}
    if (site / "thong-ke" / "index.html").is_file():
        pages["thong-ke"] = "thong-ke/"
    data = json.loads((site / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    plans = data["plans"]
    if plans:
        plan = max(plans, key=lambda p: len(p.get("tasks", [])))["url"]  # the richest plan
        pages["mot-ke-hoach"] = plan
        report = _first_href(html(plan), ".pp-reports a")  # a report document on it, if any
        if report:
            pages["bao-cao-ket-qua"] = urljoin(plan, report)
        agency = _first_href(html(plan), ".pp-task-table a.pp-agency")
        if agency:
            pages["mot-co-quan"] = urljoin(plan, agency)
    section = _first_href(html("chuyen-trang"), ".pp-card a")
    if section:
        section = urljoin("chuyen-trang/", section)
        pages["mot-chuyen-trang"] = section
        article = _first_href(html(section.strip("/")), ".pp-articles a")
        if article:
            pages["bai-viet-chuyen-trang"] = urljoin(section, article)
    return pages


def shoot(site: Path, out: Path, prefix: str = "") -> list[Path]:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
            for width in WIDTHS:
                phone = width < 600
                ctx = browser.new_context(viewport={"width": width, "height": 800 if phone else 900},
                                          device_scale_factor=1, is_mobile=phone, has_touch=phone,
                                          locale="vi-VN")
                page = ctx.new_page()
                for name, path in find_pages(site).items():
                    page.goto(base + path, wait_until="networkidle")
                    if name == "tim-kiem":
                        page.wait_for_selector(".pp-search-result", timeout=10000)
                    target = out / f"{prefix}{name}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the demo into a temporary folder)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write the PNGs (default ./screenshots)")
    parser.add_argument("--today", default="2024-09-01", help="build date of the demo (default 2024-09-01)")
    parser.add_argument("--no-example", action="store_true", help="skip the example site (examples/tien-do)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site, args.today)
        written = shoot(site, args.out)
        if not args.no_example:
            example = Path(tmp) / "example"
            build(example, None, cwd=EXAMPLE)  # its mkdocs.yml fixes its date
            written += shoot(example, args.out, prefix="vi-du-")
        for path in written:
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
