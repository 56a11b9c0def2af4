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


def test_the_task_table_scrolls_in_its_own_box(phone, sub_site, pages):
    phone.goto(sub_site.url(pages["kế hoạch"]), wait_until="networkidle")
    box = phone.locator(".pp-tasks .pp-table-wrap")
    sizes = box.evaluate("el => ({client: el.clientWidth, scroll: el.scrollWidth, overflow: getComputedStyle(el).overflowX})")
    assert sizes["scroll"] > sizes["client"], "the task table is wider than a phone: it should scroll"
    assert sizes["overflow"] in ("auto", "scroll")
    assert sizes["client"] <= PHONE["width"]
    # It scrolls: its content moves, the page does not.
    box.evaluate("el => el.scrollBy(200, 0)")
    assert box.evaluate("el => el.scrollLeft") > 0
    assert phone.evaluate("window.scrollX") == 0


def test_the_header_search_is_a_button_on_phones(phone, sub_site):
    phone.goto(sub_site.url("ke-hoach/"))
    assert not phone.locator("#pp-header-q").is_visible()
    button = phone.locator(".pp-header-search__button")
    assert button.is_visible()
    with phone.expect_navigation():
        button.click()
    assert "/tim-kiem/" in phone.url
    assert phone.locator("#pp-search-q").is_visible()
