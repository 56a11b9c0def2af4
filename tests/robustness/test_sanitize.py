"""The sanitiser of rendered plan and chuyên trang content (``plan_portal.core.sanitize``).

What Markdown and the portal's extensions produce must survive unchanged in meaning;
anything that could run script or load a foreign document must not.
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_portal.core.sanitize import sanitize_html, unsafe_markup

EXTENSIONS = ["tables", "attr_list", "admonition", "footnotes", "abbr", "def_list", "md_in_html",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight", {"toc": {"permalink": True}}]


def render(source: str) -> str:
    exts = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {k: v for e in EXTENSIONS if isinstance(e, dict) for k, v in e.items()}
    return markdown.markdown(source, extensions=exts, extension_configs=configs)


def active(fragment: str) -> list[str]:
    soup = BeautifulSoup(fragment, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name in {"script", "style", "iframe", "object", "embed", "frame", "frameset", "applet", "base",
                        "meta", "link", "form", "input", "button", "svg", "math", "textarea"}:
            found.append(tag.name)
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(name)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data") and \
                    re.match(r"(?i)\s*(javascript|vbscript|data):", re.sub(r"[\x00-\x20]", "", value)):
                found.append(f"{name}={value[:30]}")
    return found


KEPT = [
    ("## Mục đích {#muc-dich}", ['<h2 id="muc-dich">', 'class="headerlink"', 'href="#muc-dich"']),
    ("| A | B |\n|:--|--:|\n| 1 | 2 |", ['<th style="text-align:left">A</th>', '<td style="text-align:right">2</td>']),
    ('!!! note "Ghi chú"\n    Nội dung', ['<div class="admonition note">', '<p class="admonition-title">Ghi chú</p>']),
    ("Văn bản[^1].\n\n[^1]: Chú thích.", ['class="footnote-ref"', 'href="#fn:1"', 'class="footnote-backref"']),
    ("```python\nx = 1\n```", ['<div class="highlight">', "<code>"]),
    ("[Cổng](https://example.org) [thư](mailto:vanthu@example.org) [gọi](tel:+84123) [tệp](tai-lieu.pdf) [mục](#muc)",
     ['href="https://example.org"', 'href="mailto:vanthu@example.org"', 'href="tel:+84123"', 'href="tai-lieu.pdf"',
      'href="#muc"']),
    ('![Ảnh](anh.jpg "Tiêu đề")', ['src="anh.jpg"', 'alt="Ảnh"', 'title="Tiêu đề"']),
    ("*[UBND]: Ủy ban nhân dân\n\nUBND tỉnh", ['<abbr title="Ủy ban nhân dân">UBND</abbr>']),
    ('??? info "Chi tiết"\n    Ẩn', ["<details", "<summary>Chi tiết</summary>"]),
    ("<b>đậm</b> <i>nghiêng</i> <u>gạch</u> <sup>2</sup> <sub>2</sub> <mark>x</mark> <br>",
     ["<b>đậm</b>", "<i>nghiêng</i>", "<u>gạch</u>", "<sup>2</sup>", "<mark>x</mark>", "<br>"]),
    ("Đoạn văn\n{: .lead #doan-1 }", ['class="lead"', 'id="doan-1"']),
]


@pytest.mark.parametrize(("source", "fragments"), KEPT, ids=[k[0][:20] for k in KEPT])
def test_what_markdown_produces_is_kept(source, fragments):
    clean = sanitize_html(render(source))
    for fragment in fragments:
        assert fragment in clean, clean
    assert active(clean) == []


DROPPED = [
    ("<script>alert(1)</script>Chữ", "Chữ", "alert"),
    ("<SCRIPT SRC=//example.org/x.js></SCRIPT>Chữ", "Chữ", "example.org"),
    ('<img src="x" onerror="alert(1)">', "<img", "onerror"),
    ("<a href=\"javascript:alert(1)\">Bấm</a>", "Bấm", "javascript"),
    ("<a href=\"  JaVa&#x09;ScRiPt:alert(1)\">Bấm</a>", "Bấm", "alert"),
    ("<a href=\"&#106;&#97;vascript:alert(1)\">Bấm</a>", "Bấm", "alert"),
    ("<a href=\"vbscript:msgbox(1)\">Bấm</a>", "Bấm", "vbscript"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">Bấm</a>', "Bấm", "data:"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img", "data:"),
    ('<iframe src="https://example.org"></iframe>Sau', "Sau", "iframe"),
    ('<object data="x.swf">Dự phòng</object>Sau', "Sau", "Dự phòng"),
    ('<embed src="x.swf">Sau', "Sau", "embed"),
    ("<svg onload=alert(1)><circle r=1 /></svg>Sau", "Sau", "svg"),
    ("<math><mtext><script>alert(1)</script></mtext></math>Sau", "Sau", "alert"),
    ("<style>body{display:none}</style>Sau", "Sau", "display"),
    ('<link rel="stylesheet" href="https://example.org/x.css">Sau', "Sau", "stylesheet"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">Sau', "Sau", "refresh"),
    ('<base href="https://example.org/">Sau', "Sau", "base"),
    ('<form action="https://example.org"><input name="mk"><button>Gửi</button></form>Sau', "Sau", "input"),
    ('<div style="position:fixed;top:0;left:0;width:100%">Che</div>', "Che", "position"),
    ('<p onclick="alert(1)" onmouseover=alert(2)>Đoạn</p>', "Đoạn", "alert"),
    ("<!-- <script>alert(1)</script> -->Sau", "Sau", "alert"),
    ('<a href="https://example.org" target="_blank">Mở</a>', "Mở", "target"),
    ("<noscript><img src=x onerror=alert(1)></noscript>Sau", "Sau", "onerror"),
    ("<template><script>alert(1)</script></template>Sau", "Sau", "alert"),
    ("<scr<script>ipt>alert(1)</script>", "", "<script"),
]


@pytest.mark.parametrize(("raw", "kept", "gone"), DROPPED, ids=[d[0][:24] for d in DROPPED])
def test_active_content_is_dropped(raw, kept, gone):
    clean = sanitize_html(raw)
    assert kept in clean
    assert gone not in clean
    assert active(clean) == []


def test_sanitising_is_stable():
    html = render("## A\n\n<b>x</b> [l](https://example.org)\n\n| a |\n|---|\n| 1 |\n")
    once = sanitize_html(html)
    assert sanitize_html(once) == once == sanitize_html(html)
    assert sanitize_html("") == ""


HTMLISH = st.lists(st.sampled_from(list("<>/=\"' :;&#xabcdefhijlmnoprstuv0123456789()[]!{}\n\t") +
                                    ["script", "onerror", "javascript:", "data:", "iframe", "href", "src", "img",
                                     "svg", "<!--", "-->", "&#106;", "ư", "](", "{:", "style"]),
                   max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HTMLISH)
def test_no_input_yields_active_content(raw):
    clean = sanitize_html(raw)
    assert active(clean) == []
    assert active(sanitize_html(render(raw))) == []


REMOTE = [
    "![](https://example.org/a.png)",
    '<img src="http://example.org/a.png" alt="x">',
    "<img src=//example.org/a.png>",
    '<img src=" HTTPS://example.org/a.png">',
    "![Ảnh][r]\n\n[r]: https://example.org/b.png",
    '<video src="https://example.org/v.mp4" poster="https://example.org/p.png"></video>',
    '<audio src="https://example.org/a.mp3"></audio>',
    '<picture><source srcset="https://example.org/a.webp"><img src="https://example.org/a.png"></picture>',
    '<link rel="stylesheet" href="https://example.org/s.css">',
    "<style>@import url(https://example.org/s.css)</style>",
    '<iframe src="https://example.org"></iframe>',
    '<p style="background: url(https://example.org/a.png)">x</p>',
]


@pytest.mark.parametrize("source", REMOTE)
def test_nothing_is_loaded_from_another_host(source):
    """Pages make no request to another host: pictures, media, frames and styles from elsewhere are dropped,
    and the source scan reports each one at its line."""
    clean = sanitize_html(render(source))
    assert "example.org" not in clean, clean
    assert list(unsafe_markup(source)), source


def test_links_to_other_sites_stay_links():
    clean = sanitize_html(render("[Cổng](https://example.org/trang) <a href=\"https://example.org/b\">b</a>"))
    assert 'href="https://example.org/trang"' in clean and 'href="https://example.org/b"' in clean
    assert not list(unsafe_markup("[Cổng](https://example.org/trang) <a href=\"https://example.org/b\">b</a>"))
