"""Phones: at 360 px no page scrolls sideways; wide tables scroll inside their own box."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN")
    yield ctx.new_page()
    ctx.close()


def test_no_page_scrolls_sideways_at_360px(phone, sub_site, pages):
    too_wide = {}
    for kind, path in pages.items():
        phone.goto(sub_site.url(path), wait_until="networkidle")
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        if width > PHONE["width"]:
            culprits = phone.evaluate(
                """w => [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > w + 1 && !el.closest('.pp-table-wrap, .md-sidebar, .md-search, table'))
                    .slice(0, 5).map(el => el.tagName + '.' + el.className)""",
                PHONE["width"],
            )
            too_wide[kind] = (width, culprits)
    assert too_wide == {}, too_wide


# Where each kind of page lists its tasks, and the deadline and status of each (first ten checked).
TASK_LISTS = {
    "kế hoạch": (".pp-task-table tbody tr", ".pp-cell--due", ".pp-status"),
    "cơ quan": (".pp-table tbody tr", ".pp-cell--due", ".pp-status"),
    "chuyên trang": (".pp-section-tasks li", ".pp-period", ".pp-status"),
}


@pytest.mark.parametrize("kind", list(TASK_LISTS))
def test_status_and_deadline_of_the_first_ten_tasks_fit_a_phone(phone, sub_site, pages, kind):
    """Who, what, by when and the status are on screen at 360 px: no sideways scrolling, in any box."""
    rows, due, status = TASK_LISTS[kind]
    phone.goto(sub_site.url(pages[kind]), wait_until="networkidle")
    phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    boxes = phone.evaluate(
        """([rows, due, status]) => [...document.querySelectorAll(rows)].slice(0, 10).map(row => {
            const box = sel => { const el = row.querySelector(sel); if (!el) return null;
                                 const r = el.getBoundingClientRect(); return [r.left, r.right, r.width]; };
            return {text: row.textContent.trim().slice(0, 60), due: box(due), status: box(status)};
        })""",
        [rows, due, status],
    )
    total = phone.locator(rows).count()
    assert total > 0 and len(boxes) == min(10, total), f"{kind}: {len(boxes)} of {total} tasks measured"
    for row in boxes:
        for name in ("due", "status"):
            left, right, width = row[name] or (None, None, None)
            assert row[name] is not None, f"{kind}: {row['text']!r} has no {name}"
            assert width > 0 and left >= 0 and right <= PHONE["width"], f"{kind}: {name} of {row['text']!r} at {left}–{right}"
    # Nothing scrolls sideways, neither the page nor a box around the tasks.
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert phone.evaluate(
        "sel => [...document.querySelectorAll('.pp-table-wrap')].every(el => el.scrollWidth <= el.clientWidth + 1)", rows
    )


def test_task_tables_stay_tables_on_wide_screens(page, sub_site, pages):
    page.goto(sub_site.url(pages["kế hoạch"]))
    assert page.locator(".pp-task-table").evaluate("el => getComputedStyle(el).display") == "table"
    assert page.locator(".pp-task-table thead").is_visible()


def test_the_gantt_reads_on_a_phone(phone, sub_site, pages):
    """Month labels do not overlap nor leave the screen; each bar has its dates in words beside it."""
    phone.goto(sub_site.url(pages["kế hoạch"]), wait_until="networkidle")
    ticks = phone.evaluate(
        """[...document.querySelectorAll('.pp-gantt__scale span')].filter(s => s.offsetParent)
             .map(s => { const r = s.getBoundingClientRect(); return [r.left, r.right]; })"""
    )
    assert 2 <= len(ticks) <= 5
    for (_, right), (left, _) in zip(ticks, ticks[1:]):
        assert right <= left, f"month labels overlap: {ticks}"
    assert all(left >= 0 and right <= PHONE["width"] for left, right in ticks), ticks
    rows = phone.locator(".pp-gantt__row")
    for i in range(rows.count()):
        row = rows.nth(i)
        for part in (".pp-gantt__label", ".pp-gantt__text"):
            box = row.locator(part).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (part, box)
        assert row.locator(".pp-gantt__text").inner_text().strip()


def test_the_header_search_is_a_button_on_phones(phone, sub_site):
    phone.goto(sub_site.url("ke-hoach/"))
    assert not phone.locator("#pp-header-q").is_visible()
    button = phone.locator(".pp-header-search__button")
    assert button.is_visible()
    with phone.expect_navigation():
        button.click()
    assert "/tim-kiem/" in phone.url
    assert phone.locator("#pp-search-q").is_visible()
