"""Every string a reader sees is Vietnamese: no English UI text from Material, MkDocs, Pagefind or the
portal itself, in any built page, nor after the scripts ran. No ISO dates in what a reader sees either.

KNOWN_ENGLISH grows: when an English string is found on a page, add it here, then fix the page.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Comment

pytestmark = pytest.mark.browser

KNOWN_ENGLISH = [
    # Material for MkDocs (partials/languages/en.html and its fallbacks)
    "Skip to content", "Back to top", "Table of contents", "Navigation", "Tabs", "Header", "Footer", "Search",
    "Previous", "Next", "Not found", "404 - Not found", "Initializing search", "Type to start searching",
    "No matching documents", "matching document", "more on this page", "Copy to clipboard", "Copied to clipboard",
    "Made with", "Material for MkDocs", "Edit this page", "View source of this page", "Go to repository", "Share",
    "Clear", "Select language", "Select version", "Last update", "Contributors", "RSS feed", "Metadata",
    "Continue reading", "Back to index", "Related links", "Don't show this again", "Accept", "Reject",
    "Manage settings", "Archive", "Categories", "Draft", "min read", "Missing", "Trở lại mục lục",
    # MkDocs' own themes and messages
    "Page not found", "Built with MkDocs", "Documentation built with",
    # Pagefind's default UI and the portal's search page
    "Load more results", "Search this site", "No results for", "Filters", "Loading", "results for",
    # Generic UI words that must have been translated
    "Home", "Download", "Close", "Menu", "Open", "Toggle", "Loading…", "Show more", "Read more", "Untitled",
    "Status", "Deadline", "Lead", "Support", "Timeline", "Agency", "Agencies", "Plans", "Tasks", "Events",
]
_PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(KNOWN_ENGLISH, key=len, reverse=True)) + r")(?![\w-])")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIP = ("script", "style", "code", "pre", "template")


def _reader_strings(soup: BeautifulSoup) -> list[str]:
    out = []
    if soup.title and soup.title.string:
        out.append(soup.title.string)
    for text in soup.find_all(string=True):
        if isinstance(text, Comment) or text.find_parent(SKIP) or text.find_parent(attrs={"data-pp-search-words": True}):
            continue
        if text.strip():
            out.append(" ".join(text.split()))
    for attr in ATTRIBUTES:
        out.extend(el[attr] for el in soup.find_all(attrs={attr: True}))
    out.extend(el["value"] for el in soup.select("input[type=submit][value], input[type=button][value], button[value]"))
    return out


def _offences(strings: list[str]) -> set[str]:
    found = set()
    for s in strings:
        found.update(m.group(0) for m in _PATTERN.finditer(s))
        found.update(f"ISO date {m.group(0)}" for m in _ISO_DATE.finditer(s))
    return found


def test_the_scan_finds_what_it_looks_for():
    soup = BeautifulSoup('<title>Search - X</title><p>Back to top</p><a aria-label="Tabs">x</a>'
                         '<p>Ngày 2023-02-20</p><code>Search</code><p>Tìm kiếm, Trang sau</p>', "html.parser")
    assert _offences(_reader_strings(soup)) == {"Search", "Back to top", "Tabs", "ISO date 2023-02-20"}


def test_no_built_page_shows_english(bare_site):
    pages = sorted(bare_site.site_dir.rglob("*.html"))
    assert any(p.name == "404.html" for p in pages) and len(pages) > 30
    found = {}
    for file in pages:
        offences = _offences(_reader_strings(BeautifulSoup(file.read_text("utf-8"), "html.parser")))
        if offences:
            found[file.relative_to(bare_site.site_dir).as_posix()] = sorted(offences)
    assert found == {}


def test_no_page_shows_english_after_its_scripts_ran(page, bare_site, pages):
    """What Material's and the portal's scripts add (the back-to-top button, search messages, filters)."""
    found = {}
    for kind, path in {**pages, "tìm kiếm rỗng": "tim-kiem/?q=", "tìm kiếm": "tim-kiem/?q=ky+niem",
                       "không có kết quả": "tim-kiem/?q=zzzzkhongco", "404": "khong-co-trang"}.items():
        page.goto(bare_site.url(path), wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # Material shows "back to top" on scroll up
        page.evaluate("window.scrollBy(0, -300)")
        offences = _offences(_reader_strings(BeautifulSoup(page.content(), "html.parser")))
        if offences:
            found[kind] = sorted(offences)
    assert found == {}
