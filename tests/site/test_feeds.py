"""Atom feeds of new plans (portal, agencies, chuyên trang): valid, read by feedparser, discoverable."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from demo_builds import SITE_URL

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")


def _feeds(site_dir: Path) -> dict[str, Path]:
    found = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("atom.xml")}
    assert "ke-hoach/atom.xml" in found
    assert any(k.startswith("co-quan/") for k in found) and any(k.startswith("chuyen-trang/") for k in found)
    return found


def _target(site_dir: Path, base: str, href: str, feed_uri: str) -> Path:
    """The file a link of a feed (absolute with site_url, else relative to the feed) points at."""
    if href.startswith(SITE_URL):
        rel = href[len(SITE_URL):]
    else:
        assert not re.match(r"^[a-z]+:", href), href
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(feed_uri), href))
        rel = "" if rel == "." else rel + ("/" if href.endswith("/") else "")
    path = site_dir / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


def check_atom(site_dir: Path, uri: str, raw: bytes) -> list[str]:
    """RFC 4287's rules for what a feed and its entries must carry; the links point at built files."""
    root = etree.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    assert root.find(f"{ATOM}author/{ATOM}name").text
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and _target(site_dir, "", self_links[0].get("href"), uri) == site_dir / uri
    assert RFC3339.fullmatch(root.find(f"{ATOM}updated").text)
    entries = root.findall(f"{ATOM}entry")
    assert entries, uri
    ids, links = [], []
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, (uri, name)
        assert RFC3339.fullmatch(entry.find(f"{ATOM}updated").text)
        assert re.match(r"^(https?:|tag:)", entry.find(f"{ATOM}id").text)
        ids.append(entry.find(f"{ATOM}id").text)
        href = entry.find(f"{ATOM}link").get("href")
        assert _target(site_dir, "", href, uri).is_file(), (uri, href)
        links.append(href)
    assert len(set(ids)) == len(ids)
    # newest first, and the feed is as new as its newest entry
    days = [e.find(f"{ATOM}updated").text for e in entries]
    assert days == sorted(days, reverse=True) and root.find(f"{ATOM}updated").text == days[0]
    return links


@pytest.mark.parametrize("with_url", [True, False])
def test_every_feed_is_valid_atom(demo_with_url, demo_without_url, with_url):
    site_dir = demo_with_url if with_url else demo_without_url[0]
    for uri, path in _feeds(site_dir).items():
        raw = path.read_bytes()
        links = check_atom(site_dir, uri, raw)
        parsed = feedparser.parse(raw)  # an independent reader
        assert not parsed.bozo, (uri, parsed.get("bozo_exception"))
        assert parsed.version == "atom10" and len(parsed.entries) == len(links)
        if with_url:
            assert all(link.startswith(SITE_URL) for link in links)
            assert parsed.feed.id.startswith(SITE_URL)


def test_feeds_list_the_right_plans(demo_with_url):
    plans = json.loads((demo_with_url / "du-lieu" / "ke-hoach.json").read_text("utf-8"))["plans"]
    portal = feedparser.parse((demo_with_url / "ke-hoach" / "atom.xml").read_bytes())
    assert [e.link for e in portal.entries] == [SITE_URL + p["url"] for p in plans]  # all, newest first
    cam_pha = feedparser.parse((demo_with_url / "co-quan" / "phong-noi-vu-cam-pha" / "atom.xml").read_bytes())
    assert [e.title.split(":")[0] for e in cam_pha.entries] == ["Kế hoạch 48/KH-UBND"]
    for section in (demo_with_url / "chuyen-trang").iterdir():
        if (section / "atom.xml").is_file():
            listed = {e.link for e in feedparser.parse((section / "atom.xml").read_bytes()).entries}
            expected = {SITE_URL + p["url"] for p in plans if section.name in p.get("special", [])}
            assert listed == expected and listed, section.name


def _alternates(site_dir: Path, page: str) -> dict[str, Path]:
    soup = BeautifulSoup((site_dir / page / "index.html").read_text("utf-8"), "html.parser")
    out = {}
    # Material's script fetches a sitemap next to every link[rel=alternate] (exactly "alternate"): none here
    assert not soup.select('link[rel="alternate"]')
    for link in soup.select('head link[type="application/atom+xml"]'):
        assert link["rel"] == ["alternate", "feed"]
        target = urljoin(f"http://x/{page}/", link["href"]).removeprefix("http://x/")
        out[link["title"]] = site_dir / target
    return out


def test_feeds_are_discoverable_from_each_page(demo_with_url):
    site = demo_with_url
    portal = site / "ke-hoach" / "atom.xml"
    for html in site.rglob("index.html"):
        page = html.parent.relative_to(site).as_posix()
        page = "" if page == "." else page
        if 'class="md-header' not in html.read_text("utf-8"):
            continue  # not a page of the portal's shell (the editor /bien-tap/ is an app of its own)
        found = _alternates(site, page) if page else _alternates(site, ".")
        assert portal in found.values(), page
        assert all(path.is_file() for path in found.values()), page
    assert site / "co-quan" / "phong-noi-vu-cam-pha" / "atom.xml" in _alternates(site, "co-quan/phong-noi-vu-cam-pha").values()
    for section in (site / "chuyen-trang").iterdir():
        if (section / "atom.xml").is_file():
            assert section / "atom.xml" in _alternates(site, f"chuyen-trang/{section.name}").values()
            for article in section.iterdir():
                if (article / "index.html").is_file():
                    assert section / "atom.xml" in _alternates(site, f"chuyen-trang/{section.name}/{article.name}").values()


def test_rss_twins_with_site_url_only(demo_with_url, demo_without_url):
    assert not list(demo_without_url[0].rglob("rss.xml"))
    for uri, path in _feeds(demo_with_url).items():
        rss = path.with_name("rss.xml")
        parsed = feedparser.parse(rss.read_bytes())
        assert not parsed.bozo and parsed.version == "rss20", (uri, parsed.get("bozo_exception"))
        atom = feedparser.parse(path.read_bytes())
        assert [e.link for e in parsed.entries] == [e.link for e in atom.entries]
        assert all(e.link.startswith(SITE_URL) and e.published for e in parsed.entries)
    soup = BeautifulSoup((demo_with_url / "index.html").read_text("utf-8"), "html.parser")
    assert soup.select_one('head link[type="application/rss+xml"]')["href"] == "ke-hoach/rss.xml"
