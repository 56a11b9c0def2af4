"""Link check of the whole built demo, built for the site root and for a sub-path.

Every internal href/src resolves to a file of the site and every #anchor exists on its target
page. Absolute links to the site itself (canonical, og:url, the sitemap) must start with the
site_url they were built for. No browser needed: BeautifulSoup over every HTML file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

EXTERNAL_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
         ("iframe", "src"), ("form", "action"), ("meta", "content"))


def _target_file(site_dir: Path, path: str) -> Path | None:
    """The file a URL path (relative to the site root) is served from, or None."""
    rel = unquote(path).lstrip("/")
    candidate = site_dir / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path, base: str) -> list[str]:
    base_path = urlsplit(base).path  # "/" or "/cong-ke-hoach/"
    ids: dict[Path, set[str]] = {}

    @lru_cache(maxsize=None)
    def soup_of(file: Path) -> BeautifulSoup:
        return BeautifulSoup(file.read_text("utf-8"), "html.parser")

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            soup = soup_of(file)
            ids[file] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}
        return ids[file]

    broken: list[str] = []
    for file in sorted(site_dir.rglob("*.html")):
        page_rel = file.relative_to(site_dir).as_posix()
        page_url = base + (page_rel[: -len("index.html")] if page_rel.endswith("index.html") else page_rel)
        for tag, attr in ATTRS:
            for el in soup_of(file).find_all(tag, attrs={attr: True}):
                value = el[attr].strip()
                if tag == "meta":
                    if el.get("property") != "og:url":
                        continue
                if not value or value.startswith(EXTERNAL_SCHEMES):
                    continue
                absolute = urljoin(page_url, value)
                parts = urlsplit(absolute)
                if parts.netloc != urlsplit(base).netloc:
                    if value.startswith(("http:", "https:", "//")):
                        continue  # a real external link (none in the demo, but allowed)
                if not parts.path.startswith(base_path):
                    broken.append(f"{page_rel}: {tag}[{attr}]={value!r} leaves the site's path {base_path}")
                    continue
                target = _target_file(site_dir, parts.path[len(base_path):])
                if target is None:
                    broken.append(f"{page_rel}: {tag}[{attr}]={value!r} -> no file for {parts.path}")
                    continue
                if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                    broken.append(f"{page_rel}: {value!r} -> no #{parts.fragment} on {target.relative_to(site_dir)}")
    # The sitemap lists every page at its absolute URL.
    sitemap = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        url = (loc.text or "").strip()
        if not url.startswith(base) or _target_file(site_dir, urlsplit(url).path[len(base_path):]) is None:
            broken.append(f"sitemap.xml: {url}")
    return broken


@pytest.mark.parametrize("which", ["root_site", "sub_site"])
def test_no_broken_internal_link_or_anchor(request, which):
    site = request.getfixturevalue(which)
    pages = list(site.site_dir.rglob("*.html"))
    assert len(pages) > 20
    broken = check_site(site.site_dir, site.base)
    assert broken == [], f"{len(broken)} broken links:\n" + "\n".join(broken[:60])


def test_the_checker_catches_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">missing</a><a href="a/#x">no anchor</a>'
                                         '<a href="#top">self</a><p id="top"></p>', "utf-8")
    (tmp_path / "a" / "index.html").write_text('<a href="../index.html#top">ok</a><a href="/elsewhere/">out</a>', "utf-8")
    (tmp_path / "sitemap.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                          "<url><loc>http://h/sub/a/</loc></url><url><loc>http://h/sub/c/</loc></url></urlset>", "utf-8")
    broken = check_site(tmp_path, "http://h/sub/")
    assert len(broken) == 4, broken
    assert any("b/" in b for b in broken) and any("#x" in b for b in broken) and any("leaves" in b for b in broken)
    assert any(b.startswith("sitemap.xml") and "/c/" in b for b in broken)


def test_site_paths_are_relative_so_the_same_build_moves(sub_site):
    """Pages link with relative URLs: only canonical/og:url and the sitemap carry site_url."""
    soup = sub_site.html(PurePosixPath("ke-hoach").as_posix())
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert not [h for h in hrefs if h.startswith("/")], "root-absolute links break under a sub-path"
