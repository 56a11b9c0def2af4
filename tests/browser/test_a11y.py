"""Accessibility: axe-core on every kind of page, the keyboard, the page language.

axe-core comes from the npm registry (package.json, pinned) and is injected from
node_modules/axe-core/axe.min.js. The bar: no serious or critical violation (WCAG 2.x A/AA rules
and axe's best practices, as Thông tư 26/2020/TT-BTTTT asks of government portals).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KINDS = [
    "trang chủ", "danh sách kế hoạch", "kế hoạch", "dòng thời gian", "danh sách cơ quan", "cơ quan",
    "danh sách chuyên trang", "chuyên trang", "bài viết chuyên trang", "báo cáo", "tìm kiếm", "thống kê",
]


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
        lines += [f"    {n['target']}: {n['failureSummary'].splitlines()[-1].strip()}" for n in v["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_serious_or_critical_violation(page, sub_site, pages, axe_source, kind):
    url = sub_site.url(pages[kind])
    if kind == "tìm kiếm":
        url += "?q=ky+niem"  # with results on the page
    page.goto(url, wait_until="networkidle")
    if kind == "tìm kiếm":
        page.wait_for_selector(".pp-search-result")
    violations = run_axe(page, axe_source)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{kind} ({pages[kind]}):\n" + describe(bad)


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_on_the_plan_on_a_phone_and_a_desktop(browser, sub_site, pages, axe_source, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(sub_site.url(pages["kế hoạch"]), wait_until="networkidle")
        bad = [v for v in run_axe(page, axe_source) if v["impact"] in ("serious", "critical")]
        assert bad == [], describe(bad)
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", ["trang chủ", "kế hoạch", "danh sách kế hoạch", "tìm kiếm"])
def test_pages_say_they_are_vietnamese(sub_site, pages, kind):
    html = sub_site.html(pages[kind]).find("html")
    assert html.get("lang") == "vi"


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def visible_plans(page) -> int:
    return page.locator(".pp-plan-list > li[data-year]:visible").count()


def test_plan_list_filter_works_with_the_keyboard(page, sub_site):
    page.goto(sub_site.url("ke-hoach/"))
    total = visible_plans(page)
    assert total >= 5
    tab_to(page, "#pp-q")
    page.keyboard.type("ky niem")
    page.wait_for_function("n => document.querySelectorAll('.pp-plan-list > li[data-year]:not([hidden])').length < n", arg=total)
    assert 0 < visible_plans(page) < total
    # On to the year filter with Tab; a select is changed with the arrow keys.
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    tab_to(page, "#pp-f-year")
    page.keyboard.press("ArrowDown")  # the first year after "Tất cả"
    year = page.eval_on_selector("#pp-f-year", "el => el.value")
    assert year
    years = page.eval_on_selector_all(".pp-plan-list > li[data-year]:not([hidden])", "els => els.map(e => e.dataset.year)")
    assert years and all(year in y.split() for y in years)  # an undated plan lists each year it may be from
    assert f"year={year}" in page.url


def test_timeline_filter_works_with_the_keyboard(page, sub_site):
    page.goto(sub_site.url("dong-thoi-gian/"))
    total = page.locator(".pp-timeline-years .pp-tl-entry:not([hidden])").count()
    tab_to(page, "#pp-tl-kind")
    page.keyboard.press("ArrowDown")
    kind = page.eval_on_selector("#pp-tl-kind", "el => el.value")
    assert kind
    kinds = page.eval_on_selector_all(".pp-timeline-years .pp-tl-entry:not([hidden])", "els => els.map(e => e.dataset.ppKind)")
    assert kinds and set(kinds) == {kind} and len(kinds) < total
    count = page.locator("[data-pp-count]").text_content()
    assert int(count) == len(kinds)


def test_search_is_reachable_from_the_keyboard(page, sub_site):
    page.goto(sub_site.url("ke-hoach/"))
    tab_to(page, "#pp-header-q", limit=15)
    page.keyboard.type("48/KH-UBND")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pp-search-result")
    tab_to(page, ".pp-search-result a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "48-kh-ubnd" in page.url


def test_wide_tables_are_reachable_and_named_for_screen_readers(sub_site, pages):
    soup = sub_site.html(pages["kế hoạch"])
    wrap = soup.select_one(".pp-table-wrap")
    assert wrap is not None and wrap.get("tabindex") == "0" and wrap.get("role") == "region"
    assert wrap.get("aria-label") or wrap.get("aria-labelledby")
    table = wrap.find("table")
    assert table.find("caption") and table.find("caption").text.strip()
    assert all(th.get("scope") == "col" for th in table.find("thead").find_all("th"))
