"""A site built without site_url works from any sub-path of its host, the 404 page included.

``bare_site`` (conftest): the demo built with no site_url, copied under /cong-ke-hoach/ of a host that
answers every missing address with the site's 404.html (as GitHub Pages and nginx's error_page do).
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

ASSETS = (("link", "href"), ("script", "src"), ("img", "src"), ("a", "href"), ("source", "src"))


def _target(site, page_url: str, ref: str):
    """The file a reference on a page points to, or None for another host / a mailto: / a fragment."""
    url = urljoin(page_url, ref)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(site.base).netloc:
        return None
    path, sub_path = unquote(parts.path), urlsplit(site.base).path
    assert sub_path != "/" and path.startswith(sub_path), f"{ref!r} on {page_url} leaves the site's sub-path: {path}"
    rel = posixpath.normpath(path[len(sub_path):]) if path != sub_path else "."
    file = site.site_dir / rel
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def test_every_page_links_only_to_files_of_the_site(bare_site):
    """Every stylesheet, script, image and link of every page resolves to a file under the sub-path."""
    pages = sorted(bare_site.site_dir.rglob("*.html"))
    assert len(pages) > 30
    broken: dict[str, list[str]] = {}
    for file in pages:
        rel = file.relative_to(bare_site.site_dir).as_posix()
        if rel == "404.html":
            continue  # its links depend on the address it is shown at: checked in the browser below
        page_url = bare_site.url(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for tag, attr in ASSETS:
            for el in soup.find_all(tag):
                ref = el.get(attr)
                if not ref or ref.startswith("#"):
                    continue
                target = _target(bare_site, page_url, ref)
                if target is not None and not target.is_file():
                    broken.setdefault(rel, []).append(ref)
    assert broken == {}


@pytest.mark.parametrize("missing", ["khong-co-trang", "ke-hoach/2099/khong-co/", "co-quan/khong-co/trang-2/"])
def test_the_404_page_works_at_any_depth_of_a_sub_path(page, bare_site, missing):
    """Every stylesheet, script and image the 404 page uses loads from the site's root under the sub-path.

    (Chromium's preload scanner may first guess a stylesheet's address from the missing page's own folder,
    before the page's <base href> is set; those guesses are not what the page uses, so the test looks at
    what the page ends up with.)"""
    response = page.goto(bare_site.url(missing), wait_until="networkidle")
    assert response.status == 404
    assert page.title() == "Không tìm thấy trang - Cổng kế hoạch"
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assets = page.evaluate(
        """() => ({
            sheets: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => [l.href, !!l.sheet && l.sheet.cssRules.length > 0]),
            scripts: [...document.querySelectorAll('script[src]')].map(s => s.src),
            images: [...document.images].map(i => [i.src, i.complete && i.naturalWidth > 0]),
            icon: document.querySelector('link[rel=icon]').href,
        })"""
    )
    assert assets["sheets"] and all(ok for _, ok in assets["sheets"]), assets["sheets"]
    assert all(ok for _, ok in assets["images"]), assets["images"]
    for url in [href for href, _ in assets["sheets"]] + assets["scripts"] + [assets["icon"]]:
        assert url.startswith(bare_site.base), url
        assert page.request.get(url).status == 200, url
    # Material's stylesheet and the portal's are applied: the header is the portal's red.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(183, 28, 28)"
    # Its links lead to the site's pages, under the sub-path.
    links = page.locator(".md-content a, .md-tabs a").evaluate_all("els => els.map(a => a.href)")
    assert len(links) >= 5
    for href in links:
        assert href.startswith(bare_site.base), href
        assert page.request.get(href).status == 200, href


def test_pages_load_without_a_failed_request_under_a_sub_path(page, bare_site, pages):
    failed: list[str] = []
    # A request the browser cancels because the test moves on to the next page (a late favicon) is not broken.
    page.on("requestfailed", lambda r: failed.append(r.url) if "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for path in pages.values():
        page.goto(bare_site.url(path), wait_until="networkidle")
    assert failed == []
