"""Search engines and social networks: description, Open Graph from the plan, canonical, sitemap."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest


def meta(soup, **attrs) -> str | None:
    el = soup.find("meta", attrs=attrs)
    return el.get("content") if el else None


@pytest.mark.parametrize("kind", [
    "trang chủ", "danh sách kế hoạch", "kế hoạch", "dòng thời gian", "danh sách cơ quan", "cơ quan",
    "danh sách chuyên trang", "chuyên trang", "bài viết chuyên trang", "báo cáo", "tìm kiếm",
])
def test_every_page_has_a_description_and_open_graph(sub_site, pages, kind):
    soup = sub_site.html(pages[kind])
    assert meta(soup, name="description")
    for prop in ("og:title", "og:description", "og:type", "og:url", "og:site_name", "og:locale"):
        assert meta(soup, property=prop), f"{kind}: {prop} missing"
    url = sub_site.url(pages[kind])
    assert meta(soup, property="og:url") == url
    assert soup.find("link", rel="canonical")["href"] == url


def test_open_graph_of_a_plan_is_built_from_the_plan(sub_site, pages):
    data = json.loads((sub_site.site_dir / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    plan = next(p for p in data["plans"] if p.get("number") == "48/KH-UBND")
    soup = sub_site.html(pages["kế hoạch"])
    assert meta(soup, property="og:type") == "article"
    assert meta(soup, property="og:title") == "Kế hoạch 48/KH-UBND"
    description = meta(soup, property="og:description")
    assert description.startswith(plan["summary"])
    assert "48/KH-UBND" in description and "2023" in description
    assert meta(soup, name="description") == plan["summary"]
    assert meta(soup, property="article:published_time") == "2023-02-20"


def test_text_in_meta_is_escaped_once(sub_site, pages):
    """Quotes and ampersands come back as text, not as &amp;amp; (the plugin pre-escapes page.meta)."""
    for kind in ("kế hoạch", "chuyên trang"):
        raw = (sub_site.site_dir / pages[kind].strip("/") / "index.html").read_text("utf-8")
        assert "&amp;amp;" not in raw and "&amp;quot;" not in raw and "&amp;#" not in raw


def test_sitemap_lists_every_plan(sub_site):
    root = ElementTree.parse(sub_site.site_dir / "sitemap.xml").getroot()
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    data = json.loads((sub_site.site_dir / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    for plan in data["plans"]:
        assert sub_site.url(plan["url"]) in locs
    assert (sub_site.site_dir / "sitemap.xml.gz").is_file()
