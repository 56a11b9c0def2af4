"""Issue 15 in Chromium, on the example site (examples/tien-do): the statistics page passes axe with no
violation at all and reads at 360 px; statuses decided by results stay as built on any later day, and a
followed plan's open task turns overdue when its deadline passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Served, _serve
from test_a11y import describe, run_axe

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Served:
    www = tmp_path_factory.mktemp("www-example")
    server, port = _serve(www)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    env.pop("PLAN_PORTAL_TODAY", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(www)],
                          cwd=ROOT / "examples" / "tien-do", env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    yield Served(www, f"http://127.0.0.1:{port}/")
    server.shutdown()


@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_of_the_example_has_no_axe_violation(browser, example_site, axe_source, width):
    """Every page of the example site (statistics, plans with results and attachments, reports, agencies,
    chuyên trang), at phone and desktop width: no axe violation of any impact."""
    pages = sorted(str(p.parent.relative_to(example_site.site_dir)) for p in example_site.site_dir.rglob("index.html")
                   if "pagefind" not in p.parts)
    assert "thong-ke" in pages and len(pages) > 10
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = ctx.new_page()
        found = {}
        for path in pages:
            page.goto(example_site.url("" if path == "." else path + "/"), wait_until="networkidle")
            violations = run_axe(page, axe_source)
            if violations:
                found[path] = describe(violations)
        assert found == {}
    finally:
        ctx.close()


def test_the_statistics_page_reads_at_360px(browser, example_site):
    ctx = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(example_site.url("thong-ke/"), wait_until="networkidle")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
        charts = page.eval_on_selector_all("svg.pp-chart--columns", "els => els.map(e => e.getBoundingClientRect().width)")
        assert charts and all(100 < w <= 360 for w in charts)
        bars = page.eval_on_selector_all("svg.pp-chart--bar", "els => els.map(e => e.getBoundingClientRect().width)")
        assert bars and all(w > 150 for w in bars)  # full width under their label
        labels = page.eval_on_selector_all(".pp-hbars__label", "els => els.map(e => e.getBoundingClientRect().right)")
        assert all(r <= 360 for r in labels)
    finally:
        ctx.close()


def test_statuses_on_a_later_day_follow_the_same_rules(browser, example_site):
    """In 2030: results stay as reported, the ended plan's silent task stays "Chưa có báo cáo", and the
    followed plan's tasks that were not yet due are now overdue (the plan is still being followed)."""
    ctx = browser.new_context()
    try:
        ctx.add_init_script("""(() => { const T = new Date(2030, 0, 1).getTime(); const D = Date;
            window.Date = class extends D { constructor(...a) { super(...(a.length ? a : [T])); } static now() { return T; } }; })()""")
        page = ctx.new_page()
        page.goto(example_site.url("ke-hoach/2025/15-kh-ubnd-chuyen-doi-so/"), wait_until="networkidle")
        got = page.eval_on_selector_all(".pp-task-table tbody tr", "rows => rows.map(r => [r.id, r.querySelector('[data-pp-status]').dataset.ppStatus])")
        assert dict(got) == {"nv-i-1": "done_on_time", "nv-i-2": "done_late", "nv-ii-1": "overdue", "nv-ii-2": "overdue",
                             "nv-ii-3": "overdue", "nv-iii-1": "cancelled", "nv-iii-2": "ongoing"}
        page.goto(example_site.url("ke-hoach/2024/40-kh-ubnd-ngay-sach/"), wait_until="networkidle")
        got = page.eval_on_selector_all(".pp-task-table [data-pp-status]", "els => els.map(e => [e.dataset.ppStatus, e.textContent.trim()])")
        assert got[-1] == ["unreported", "Chưa có báo cáo"]
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_attachment_list_reads_on_a_phone_and_passes_axe(browser, example_site, axe_source, width):
    """Issue 16 item 7: the plan's attachment (a labelled example PDF) fits 360 px and has no axe violation."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(example_site.url("ke-hoach/2024/40-kh-ubnd-ngay-sach/"), wait_until="networkidle")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        box = page.locator("#tep-dinh-kem a[download]").bounding_box()
        meta = page.locator("#tep-dinh-kem .pp-attachment__meta").bounding_box()
        assert box is not None and meta is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert meta["x"] >= 0 and meta["x"] + meta["width"] <= width
        assert page.locator("#tep-dinh-kem .pp-attachment__meta").inner_text() == "Bản ký số (ví dụ) · PDF · 667 byte"
        with page.expect_download() as download:
            page.locator("#tep-dinh-kem a[download]").click()
        assert download.value.suggested_filename == "40-kh-ubnd-ngay-sach.pdf"
        violations = run_axe(page, axe_source)
        assert violations == [], describe(violations)
    finally:
        ctx.close()
