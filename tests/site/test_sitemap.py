"""Sitemap and robots.txt: a valid sitemap only with site_url, noindex pages left out, robots.txt always."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from demo_builds import SITE_URL
from portal_testing import ROOT

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NO_SITEMAP = "Không tạo sitemap.xml vì chưa có site_url"


def test_sitemap_is_valid_and_leaves_out_noindex_pages(demo_with_url):
    raw = (demo_with_url / "sitemap.xml").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset')
    root = ElementTree.fromstring(raw)
    assert root.tag == f"{NS}urlset"
    urls = list(root)
    # the sitemaps.org schema: 1 to 50,000 <url>, each with one absolute <loc> and at most a W3C-date <lastmod>
    assert 0 < len(urls) <= 50_000
    locs = []
    for url in urls:
        assert url.tag == f"{NS}url"
        children = [c.tag for c in url]
        assert children[0] == f"{NS}loc" and set(children) <= {f"{NS}loc", f"{NS}lastmod"}, children
        loc = url.find(f"{NS}loc").text
        assert loc.startswith(SITE_URL) and len(loc) < 2048
        lastmod = url.find(f"{NS}lastmod")
        assert lastmod is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod.text)
        locs.append(loc)
    assert len(set(locs)) == len(locs)
    assert SITE_URL + "bao-cao/" not in locs and SITE_URL + "tim-kiem/" not in locs
    plans = json.loads((demo_with_url / "du-lieu" / "ke-hoach.json").read_text("utf-8"))["plans"]
    assert {SITE_URL + p["url"] for p in plans} <= set(locs)
    assert SITE_URL + "ke-hoach/" in locs and SITE_URL + "dong-thoi-gian/" in locs


def test_report_and_search_are_noindex(demo_with_url):
    for path in ("bao-cao", "tim-kiem"):
        html = (demo_with_url / path / "index.html").read_text("utf-8")
        assert '<meta name="robots" content="noindex">' in html, path
    assert 'name="robots"' not in (demo_with_url / "ke-hoach" / "index.html").read_text("utf-8")


def test_robots_txt_points_at_the_sitemap(demo_with_url):
    text = (demo_with_url / "robots.txt").read_text("utf-8")
    assert "User-agent: *\nAllow: /\n" in text
    assert f"\nSitemap: {SITE_URL}sitemap.xml\n" in text and text.endswith("\n")


def test_without_site_url_no_sitemap_and_the_build_says_why_once(demo_without_url):
    site_dir, log = demo_without_url
    assert not (site_dir / "sitemap.xml").exists() and not (site_dir / "sitemap.xml.gz").exists()
    assert log.count(NO_SITEMAP) == 1, log[-2000:]
    robots = (site_dir / "robots.txt").read_text("utf-8")
    assert "User-agent: *" in robots and "Sitemap:" not in robots


def test_deployment_fails_without_site_url():
    workflow = (ROOT / ".github" / "workflows" / "deploy.yml").read_text("utf-8")
    check = workflow.index('if [ -z "$SITE_URL" ]; then')
    assert check < workflow.index("mkdocs build --strict") and "exit 1" in workflow[check:check + 300]


def _raw_templates(site_dir) -> list[str]:
    """Files of a built site that are a template copied as it is (Jinja comments or tags left in)."""
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*")
                  if p.is_file() and p.suffix in {".xml", ".txt"} and re.search(r"\{[#%]", p.read_text("utf-8", "replace")))


def test_no_template_is_published_as_a_raw_file(demo_with_url, demo_without_url, tmp_path):
    # The plugin's templates folder is a theme folder: MkDocs would copy its non-HTML files
    # (overrides/sitemap.xml) as they are. An example site names custom_dir with "..".
    from demo_builds import build_demo
    example = tmp_path / "example"
    build_demo(example, "", mkdocs_yml=ROOT / "examples" / "tien-do" / "mkdocs.yml")
    for site_dir in (demo_with_url, demo_without_url[0], example):
        assert _raw_templates(site_dir) == [], site_dir
        assert not (site_dir / "overrides").exists(), site_dir
    assert not (example / "sitemap.xml").exists()
