"""The plugin's pages in the browser: filters with JavaScript, a complete list without, live statuses."""

from __future__ import annotations

from datetime import datetime

import pytest

pytestmark = pytest.mark.browser

SHOWN = ".pp-plan-list > li[data-year]:not([hidden])"


def shown(page, attr: str) -> list[str]:
    return page.eval_on_selector_all(SHOWN, f"els => els.map(e => e.dataset.{attr})")


def test_plan_list_filters_by_year_and_issuer(page, sub_site):
    page.goto(sub_site.url("ke-hoach/"))
    everything = shown(page, "year")
    assert len(everything) >= 5
    assert page.locator("form[data-pp-filter=plans]").is_visible(), "the filters appear when JavaScript runs"

    year = everything[0].split()[0]  # the newest year (an undated plan lists each year it may be from)
    expected = [y for y in everything if year in y.split()]
    page.select_option("#pp-f-year", year)
    assert shown(page, "year") == expected
    assert page.locator("[data-pp-count]").text_content() == str(len(expected))

    issuers = page.eval_on_selector_all("#pp-f-issuer option", "os => os.map(o => o.value).filter(Boolean)")
    page.select_option("#pp-f-year", "")
    page.select_option("#pp-f-issuer", issuers[0])
    assert set(shown(page, "issuer")) == {issuers[0]}

    # Nothing matches: the list says so.
    page.fill("#pp-q", "khong co ke hoach nao nhu the nay")
    assert shown(page, "year") == []
    assert page.locator("[data-pp-empty]").is_visible()


def test_the_filters_are_kept_in_the_address(page, sub_site):
    page.goto(sub_site.url("ke-hoach/") + "?year=2023")
    assert shown(page, "year") and all("2023" in y.split() for y in shown(page, "year"))
    assert page.input_value("#pp-f-year") == "2023"


def test_without_javascript_the_plan_list_is_complete_and_plain(browser, sub_site):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(sub_site.url("ke-hoach/"))
        items = page.locator(".pp-plan-list > li[data-year]")
        soup = sub_site.html("ke-hoach/")
        assert items.count() == len(soup.select(".pp-plan-list > li[data-year]")) >= 5
        assert page.locator(".pp-plan-list > li[data-year]:visible").count() == items.count()
        assert not page.locator("form[data-pp-filter=plans]").is_visible(), "no dead filters without JavaScript"
        # Every plan is a working link.
        first = items.first.locator("a").first
        with page.expect_navigation():
            first.click()
        assert "/ke-hoach/" in page.url
    finally:
        ctx.close()


def statuses(page) -> list[tuple[str, str, str]]:
    return page.eval_on_selector_all(
        "[data-pp-status]", "els => els.map(e => [e.dataset.ppEnd || '', e.dataset.ppStatus, e.textContent.trim()])")


def open_on(browser, url: str, day: str):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(day + "T09:00:00"))
    page.goto(url)
    return ctx, page


def test_statuses_are_recomputed_for_the_readers_day(browser, sub_site, build_date):
    """Years after the build, a static page still tells the truth. Every demo plan has ended (issue 15):
    what was pending then reads "Chưa có báo cáo", never "Quá hạn" (the case table covers a followed plan)."""
    soup = sub_site.html("dong-thoi-gian/")
    deadlines = ".pp-tl-entry--deadline [data-pp-status][data-pp-end]"
    pending = [el["data-pp-end"] for el in soup.select(deadlines)
               if el["data-pp-end"] >= build_date and el["data-pp-status"] not in ("done", "cancelled")
               and not el.has_attr("data-pp-ongoing")]
    assert pending, "the demo has deadlines after its build date"
    ctx, page = open_on(browser, sub_site.url("dong-thoi-gian/"), "2030-01-01")
    try:
        live = page.eval_on_selector_all(
            deadlines, "els => els.filter(e => !e.hasAttribute('data-pp-ongoing'))"
                       ".map(e => [e.dataset.ppEnd, e.dataset.ppStatus, e.textContent.trim()])")
        later = [(status, label) for end, status, label in live if end >= build_date and status not in ("done", "cancelled")]
        assert len(later) == len(pending)
        assert set(later) == {("unreported", "Chưa có báo cáo")}
    finally:
        ctx.close()


def test_on_the_build_day_the_browser_agrees_with_the_build(browser, sub_site, build_date):
    ctx, page = open_on(browser, sub_site.url("dong-thoi-gian/"), build_date)
    try:
        live = [(end, s) for end, s, _ in statuses(page)]
        soup = sub_site.html("dong-thoi-gian/")
        built = [(el.get("data-pp-end", ""), el["data-pp-status"]) for el in soup.select("[data-pp-status]")]
        assert live == built
    finally:
        ctx.close()


def test_a_chuyen_trang_counts_down_in_the_browser(browser, sub_site, pages):
    ctx, page = open_on(browser, sub_site.url(pages["chuyên trang"]), "2000-01-01")
    try:
        countdown = page.locator("[data-pp-countdown-text]")
        assert countdown.count() == 1
        assert countdown.first.text_content().startswith("Còn ")
    finally:
        ctx.close()


@pytest.mark.parametrize("where", ["trang chủ", "chuyên trang"])
def test_sap_dien_ra_follows_the_readers_day(browser, sub_site, pages, where):
    """A page read after its build day lists under "Sắp diễn ra" only what is still ahead, topped up from
    the entries kept aside; once everything known is over, it says so."""
    path = pages[where]
    soup = sub_site.html(path)
    known = soup.select("[data-pp-upcoming] > li, [data-pp-upcoming-spare] > li")
    limit = int(soup.select_one("[data-pp-upcoming]")["data-pp-upcoming"])

    def last(li):
        el = li.select_one("[data-pp-start], [data-pp-end]")
        return el.get("data-pp-end") or el.get("data-pp-start")

    days = sorted({last(li) for li in known})
    assert len(days) >= 2, "the demo has several things ahead of its build day"
    for day in (days[0], days[len(days) // 2], "2031-01-01"):
        ctx, page = open_on(browser, sub_site.url(path), day)
        try:
            shown = page.eval_on_selector_all(
                "[data-pp-upcoming] > li:not([hidden])",
                "els => els.map(li => { const e = li.querySelector('[data-pp-start], [data-pp-end]');"
                " return e.dataset.ppEnd || e.dataset.ppStart; })")
            ahead = sorted(d for d in (last(li) for li in known) if d >= day)
            assert all(d >= day for d in shown), (day, shown)
            assert len(shown) == min(limit, len(ahead)), (day, shown, ahead)
            assert page.locator("[data-pp-upcoming-none]").is_visible() == (not ahead)
        finally:
            ctx.close()
