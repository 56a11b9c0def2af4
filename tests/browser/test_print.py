"""Print: a plan prints on A4 as a clean document — header block, tasks, full text; no navigation or search."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".pp-header-search", ".pp-plan-toc"]
SHOWN_IN_PRINT = [".pp-doc-header", ".pp-facts", ".pp-task-table", ".pp-fulltext", ".pp-doc-motto"]


def test_a_plan_prints_to_an_a4_pdf(page, sub_site, pages):
    page.goto(sub_site.url(pages["kế hoạch"]), wait_until="networkidle")
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 20_000
    # Every page is A4: 210 x 297 mm = 595 x 842 points.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    assert all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), boxes


def test_print_hides_navigation_and_search_and_keeps_the_document(page, sub_site, pages):
    page.goto(sub_site.url(pages["kế hoạch"]), wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        loc = page.locator(selector)
        if loc.count():
            assert not loc.first.is_visible(), f"{selector} is printed"
    for selector in SHOWN_IN_PRINT:
        assert page.locator(selector).first.is_visible(), f"{selector} is missing from the print"
    # The task table is not cut at the right edge: it fits the printed page width.
    widths = page.locator(".pp-tasks .pp-table-wrap").evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] <= widths[1] + 1
