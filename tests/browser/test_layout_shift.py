"""Pages do not jump as they load: cumulative layout shift (CLS) < 0.05 on every kind of page.

A ``PerformanceObserver`` (``layout-shift`` entries, ``buffered``) is installed before the page's own
scripts run; shifts right after a reader's input do not count (``hadRecentInput``), as in the CLS
metric of Chromium and Lighthouse. Measured on a phone (360 px) and a desktop (1280 px), once the
page has loaded, its scripts have run and (for the search page) the results are shown.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KINDS = [
    "trang chủ", "danh sách kế hoạch", "kế hoạch", "dòng thời gian", "danh sách cơ quan", "cơ quan",
    "danh sách chuyên trang", "chuyên trang", "bài viết chuyên trang", "báo cáo", "tìm kiếm",
]
LIMIT = 0.05  # Lighthouse's "good" CLS is 0.1; the issue asks for half of it

OBSERVER = """
window.__ppShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    if (e.hadRecentInput) return;
    window.__ppShifts.push({ value: e.value, sources: (e.sources || []).map(function (s) {
      var n = s.node;
      return n && n.nodeType === 1 ? n.tagName.toLowerCase() + (n.className && typeof n.className === "string" ? "." + n.className.trim().split(/\\s+/).join(".") : "") : String(n && n.nodeName);
    }) });
  });
}).observe({ type: "layout-shift", buffered: true });
"""

SETTLED = "() => new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); })"


def measure(browser, url: str, width: int, wait_for: str | None = None) -> tuple[float, list[dict]]:
    ctx = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 800 if width > 400 else 740})
    try:
        ctx.add_init_script(OBSERVER)
        page = ctx.new_page()
        page.set_default_timeout(60_000)
        page.goto(url, wait_until="networkidle")
        if wait_for:
            page.wait_for_selector(wait_for)
        page.evaluate(SETTLED)
        shifts = page.evaluate("() => window.__ppShifts")
        return sum(s["value"] for s in shifts), shifts
    finally:
        ctx.close()


def test_the_observer_sees_a_shift(browser, sub_site):
    """The measurement can fail: content pushed down after load is counted."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        ctx.add_init_script(OBSERVER)
        page = ctx.new_page()
        page.goto(sub_site.url(""), wait_until="networkidle")
        page.evaluate("""() => new Promise(function (done) {
            setTimeout(function () {
              var block = document.createElement("div");
              block.style.height = "300px";
              var main = document.querySelector(".md-content__inner");
              main.insertBefore(block, main.firstChild);
              requestAnimationFrame(function () { requestAnimationFrame(done); });
            }, 50);
        })""")
        assert sum(s["value"] for s in page.evaluate("() => window.__ppShifts")) > LIMIT
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", KINDS)
def test_no_layout_shift(browser, sub_site, pages, kind, width):
    url, wait_for = sub_site.url(pages[kind]), None
    if kind == "tìm kiếm":
        url, wait_for = url + "?q=ky+niem", ".pp-search-result"  # results and "Xem thêm kết quả" shown
    cls, shifts = measure(browser, url, width, wait_for)
    assert cls < LIMIT, f"{kind} at {width} px: CLS {cls:.3f}; shifts: {shifts}"
