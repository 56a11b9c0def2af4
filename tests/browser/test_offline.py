"""No request leaves the site: no Google Fonts, no CDN, no analytics — and nothing escapes the sub-path."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_every_kind_of_page_loads_only_from_the_site(page, sub_site, pages):
    outside: list[str] = []
    failed: list[str] = []

    def on_request(request):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        # Under a sub-path, a request to the same host but outside /cong-ke-hoach/ is as broken as a CDN.
        if not url.startswith(sub_site.base):
            outside.append(f"{page.url} -> {url}")

    def on_response(response):
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    for kind, path in pages.items():
        page.goto(sub_site.url(path), wait_until="networkidle")
    # A search loads Pagefind's script, worker, WebAssembly, index chunks and fragments.
    page.goto(sub_site.url("tim-kiem/") + "?q=ky+niem", wait_until="networkidle")
    page.wait_for_selector(".pp-search-result")
    assert outside == [], "requests to other hosts or outside the sub-path:\n" + "\n".join(outside)
    assert failed == [], "\n".join(failed)


def test_no_font_or_cdn_reference_in_the_html(sub_site):
    bad = ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com", "googletagmanager", "cdnjs")
    for html in sub_site.site_dir.rglob("*.html"):
        text = html.read_text("utf-8")
        assert not [b for b in bad if b in text], html
