"""Keep editors' markup from running in citizens' browsers.

Markdown lets raw HTML through, and MkDocs renders it as is. Editors paste from web
pages and Word, so a plan body or a chuyên trang page may carry a ``<script>``, an
``onclick=``, a ``javascript:`` or ``data:`` link, an ``<iframe>`` or an ``<object>``.
Two tools here, both free of MkDocs:

* :func:`sanitize_html` is the safety net. The adapter passes the *rendered* HTML of
  plan, chuyên trang and article pages through it (``on_page_content``). It is an
  allow-list (``nh3``, the Python binding of the Rust ``ammonia`` sanitiser): tags and
  attributes Markdown and its extensions produce are kept (headings with ids, tables,
  admonitions, footnotes, task lists, code highlighting), everything else is dropped;
  ``<script>``, ``<style>``, ``<iframe>``, ``<object>``… are removed with their
  content; links and images keep only ``http:``, ``https:``, ``mailto:``, ``tel:`` and
  relative URLs.
* :func:`unsafe_markup` and :func:`body_diagnostics` read the Markdown *source* line by
  line and tell the editor where such markup is (``path:line``), so ``plan-portal
  check`` and ``mkdocs build --strict`` fail on it although the site stays safe.
  :func:`field_diagnostics` does the same for front matter text fields, whose values
  templates always escape: there a tag would be shown literally.

What is dropped is chosen for an official portal: no inline SVG (Material's emoji
icons in content would be lost), no ``data-*`` attributes, no forms or inputs (the
checkboxes of ``pymdownx.tasklist`` and the radio buttons of ``pymdownx.tabbed`` would
go too: the portal enables neither).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import nh3

from .diagnostics import Diagnostic, Severity, dotted

__all__ = [
    "ALLOWED_TAGS",
    "URL_SCHEMES",
    "UnsafeMarkup",
    "body_diagnostics",
    "field_diagnostics",
    "sanitize_html",
    "unsafe_markup",
]

#: Tags kept in rendered content: ammonia's defaults plus what Markdown extensions emit.
ALLOWED_TAGS: frozenset[str] = frozenset(nh3.ALLOWED_TAGS) | {"tfoot", "section"}

#: Removed together with everything inside them (never shown as text either).
DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
     "noframes", "template", "svg", "math", "xmp", "plaintext", "textarea", "select", "button", "input"}
)

#: URL schemes a link or an image may use; relative URLs are always kept.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

_GENERIC_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "align", "style", "role"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC_ATTRIBUTES,
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "headers", "char", "charoff"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr", "char", "charoff"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "data": {"value"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
# Markdown tables align cells with ``style="text-align: …"``; nothing else from ``style``.
_STYLE_PROPERTIES = {"text-align"}


def sanitize_html(fragment: str) -> str:
    """Return ``fragment`` (rendered page content) with anything that could run or load script removed.

    Deterministic: the same input always gives the same output. Never raises on odd HTML.
    """
    if not fragment:
        return fragment
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel=None,
        filter_style_properties=set(_STYLE_PROPERTIES),
        attribute_filter=_drop_remote,
    )


#: Attributes that make the browser load something (the only one the allow-list keeps is ``img src``).
_LOADING_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background"})
_REMOTE_RE = re.compile(r"^[\x00-\x20]*(?:[a-z][a-z0-9+.\-]*:|[\\/]{2})", re.IGNORECASE)


def is_remote(url: str) -> bool:
    """Whether ``url`` would be fetched from another host (``http:``, ``https:``, ``//host``…)."""
    return bool(_REMOTE_RE.match(url))


def _drop_remote(element: str, attribute: str, value: str) -> str | None:
    # Pages make no request to another host (README): a remote picture is dropped, a link stays a link.
    if attribute in _LOADING_ATTRIBUTES and is_remote(value):
        return None
    return value


# --------------------------------------------------------------------------- source scan

_DANGEROUS_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta",
                   "base", "form", "svg", "math", "noscript", "template")
_TAG_RE = re.compile(r"<\s*(" + "|".join(_DANGEROUS_TAGS) + r")\b", re.IGNORECASE)
# ``<a onclick=…>`` in raw HTML, ``{: onclick=… }`` through attr_list.
_HANDLER_RE = re.compile(r"(?:<[a-z][^>]*?|\{[^}]*?)[\s:{/\"']on([a-z]{3,})\s*=", re.IGNORECASE)


def _scheme(word: str) -> str:
    # Browsers ignore tabs and line breaks inside a scheme: ``java\tscript:``.
    return r"\s*".join(word) + r"\s*:"


# Where a URL starts: ``](…)`` links and images, ``[ref]: …`` definitions, ``<…>``
# autolinks and HTML attributes (``href=``, ``src=``, ``action=``…).
_URL_START = r"(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<|=\s*[\"']?)\s*"
_JS_URL_RE = re.compile(_URL_START + "(" + _scheme("javascript") + "|" + _scheme("vbscript") + ")", re.IGNORECASE)
_DATA_URL_RE = re.compile(_URL_START + "(" + _scheme("data") + ")", re.IGNORECASE)

# Resources the browser would fetch from another host: pictures, media, frames.
_REMOTE_URL = r"(?:https?\s*:|ftps?\s*:|file\s*:|[\\/]{2})"
_REMOTE_HTML_RE = re.compile(
    r"<\s*(?P<tag>img|image|video|audio|source|track|picture|input)\b[^>]*?\s(?:src|srcset|poster|data)\s*=\s*[\"']?\s*("
    + _REMOTE_URL + ")", re.IGNORECASE)
_REMOTE_STYLE_RE = re.compile(r"\burl\(\s*[\"']?\s*(" + _REMOTE_URL + ")", re.IGNORECASE)
_REMOTE_IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(" + _REMOTE_URL + ")", re.IGNORECASE)
_REMOTE_REF_DEF_RE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?\s*(" + _REMOTE_URL + r"\S*?)>?(?:\s|$)",
                                re.IGNORECASE | re.MULTILINE)
_REF_IMAGE_RE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?!\()")

_ALLOWED_TEXT = (
    "Markdown và các thẻ HTML định dạng thông thường (b, i, table…); liên kết http:, https:, mailto:, tel: "
    "hoặc đường dẫn tương đối"
)


@dataclass(frozen=True)
class UnsafeMarkup:
    """One piece of markup the sanitiser removes, found in the source.

    Attributes:
        line: 1-based line in the scanned text.
        kind: ``"tag"``, ``"handler"``, ``"javascript-url"`` or ``"data-url"``.
        snippet: The offending text as written (shortened by the diagnostic).
        name: The tag name, the attribute name or the URL scheme, lower case.
    """

    line: int
    kind: str
    snippet: str
    name: str


_TAG_END = re.compile(r"<[^>]*>?")
_URL_END = re.compile(r"[^\s>]*")
_ATTR_END = re.compile(r"on[a-z]+\s*=\s*(?:\"[^\"]*\"?|'[^']*'?|[^\s>]*)", re.IGNORECASE)


def _snippet(line: str, start: int, pattern: re.Pattern[str]) -> str:
    """The offending tag, attribute or URL as written, at most 80 characters."""
    match = pattern.match(line, start)
    return (match.group(0) if match and match.group(0) else line[start : start + 80]).strip()[:80]


def _url_snippet(line: str, match: re.Match[str], group: int = 1) -> str:
    rest = _URL_END.match(line, match.end(group))
    text = (match.group(group) + (rest.group(0) if rest else "")).rstrip("\"'.,;")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    return text.rstrip("\"'")[:80]


def unsafe_markup(text: str) -> Iterator[UnsafeMarkup]:
    """Every ``<script>``-like tag, ``on…=`` handler, ``javascript:``/``data:`` URL of ``text``, line by line.

    Character references are decoded first (``&#106;avascript:`` is ``javascript:``).
    Fenced and indented code is not skipped: a ``<script>`` shown as code is escaped by
    Markdown and harmless, but it is reported all the same so that editors look at it.
    """
    # ``![Ảnh][ref]`` with ``[ref]: https://…`` further down: the image is where it is used.
    remote_refs = {m.group(1).strip().lower(): m.group(2) for m in _REMOTE_REF_DEF_RE.finditer(text)} \
        if "]:" in text else {}
    for number, raw in enumerate(text.split("\n"), start=1):
        if "<" not in raw and ":" not in raw and "{" not in raw and "&" not in raw and not (remote_refs and "![" in raw):
            continue
        line = html.unescape(raw) if "&" in raw else raw
        for match in _TAG_RE.finditer(line):
            yield UnsafeMarkup(number, "tag", _snippet(line, match.start(), _TAG_END), match.group(1).lower())
        for match in _HANDLER_RE.finditer(line):
            start = match.start(1) - 2
            yield UnsafeMarkup(number, "handler", _snippet(line, start, _ATTR_END), "on" + match.group(1).lower())
        for match in _JS_URL_RE.finditer(line):
            name = re.sub(r"\s+", "", match.group(1)).rstrip(":").lower()
            yield UnsafeMarkup(number, "javascript-url", _url_snippet(line, match), name)
        for match in _DATA_URL_RE.finditer(line):
            yield UnsafeMarkup(number, "data-url", _url_snippet(line, match), "data")
        for match in _REMOTE_HTML_RE.finditer(line):
            yield UnsafeMarkup(number, "remote", _url_snippet(line, match, 2), match.group("tag").lower())
        for match in _REMOTE_STYLE_RE.finditer(line):
            yield UnsafeMarkup(number, "remote", _url_snippet(line, match), "style")
        for match in _REMOTE_IMAGE_RE.finditer(line):
            yield UnsafeMarkup(number, "remote", _url_snippet(line, match), "img")
        for match in _REF_IMAGE_RE.finditer(line):
            url = remote_refs.get((match.group(2) or match.group(1)).strip().lower())
            if url:
                yield UnsafeMarkup(number, "remote", url[:80], "img")


_MESSAGES = {
    "tag": (
        "Toàn văn có thẻ «<{name}>» không được phép; thẻ này và nội dung bên trong bị loại bỏ khi đăng lên cổng.",
        "Xóa thẻ này. Muốn giới thiệu video, bản đồ hay biểu mẫu, hãy đặt một liên kết thường tới trang gốc.",
    ),
    "handler": (
        "Toàn văn có thuộc tính «{name}=» (mã JavaScript) không được phép; thuộc tính này bị loại bỏ khi đăng.",
        "Xóa thuộc tính «{name}=…»; cổng không chạy mã từ nội dung.",
    ),
    "javascript-url": (
        "Toàn văn có liên kết «{name}:» không được phép; liên kết này bị loại bỏ khi đăng.",
        "Thay bằng liên kết https://… tới trang đích.",
    ),
    "remote": (
        "Toàn văn nhúng ảnh, âm thanh hoặc video từ trang web khác; cổng không tải gì từ máy chủ khác nên nó bị "
        "loại bỏ khi đăng (liên kết thường tới trang khác thì vẫn giữ).",
        "Tải tệp về, lưu vào thư mục nội dung (cạnh tệp này) rồi chèn bằng đường dẫn tương đối, ví dụ "
        "![Ảnh](anh.jpg); hoặc thay bằng một liên kết thường [Xem ảnh](https://…).",
    ),
    "data-url": (
        "Toàn văn có liên kết hoặc ảnh «data:» nhúng thẳng vào văn bản; nó bị loại bỏ khi đăng.",
        "Lưu ảnh hoặc tệp vào thư mục nội dung (cạnh tệp kế hoạch) rồi liên kết tới tệp đó, ví dụ ![Ảnh](anh.jpg).",
    ),
}


def body_diagnostics(body: str, rel_path: str, first_line: int = 1) -> list[Diagnostic]:
    """One error per unsafe piece of markup in a Markdown ``body`` whose first line is ``first_line`` of the file."""
    out = []
    for found in unsafe_markup(body):
        message, suggestion = _MESSAGES[found.kind]
        out.append(
            Diagnostic(
                rel_path,
                first_line + found.line - 1,
                message.format(name=found.name),
                value=found.snippet,
                allowed=_ALLOWED_TEXT,
                suggestion=suggestion.format(name=found.name),
                severity=Severity.ERROR,
                code="unsafe-html",
            )
        )
    return out


# --------------------------------------------------------------------------- front matter fields

_HTML_ELEMENTS = (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col "
    "colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map "
    "mark marquee math menu meta meter nav noscript object ol optgroup option output p param picture pre progress q "
    "rp rt ruby s samp script section select small source span strike strong style sub summary sup svg table tbody "
    "td template textarea tfoot th thead time title tr track tt u ul var video wbr"
).split()
_FIELD_TAG_RE = re.compile(r"<\s*/?\s*(" + "|".join(_HTML_ELEMENTS) + r")(?=[\s/>])[^<>]*>|<!--", re.IGNORECASE)
_RUNNABLE = re.compile(
    r"<\s*(script|iframe|frame|object|embed|applet|style|svg|math|base|meta|link|form)\b|[\s\"'/]on[a-z]{3,}\s*=|"
    + _scheme("javascript"),
    re.IGNORECASE,
)


def _strings(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    stack = [(path, value)]
    while stack:
        here, item = stack.pop()
        if isinstance(item, str):
            yield here, item
        elif isinstance(item, dict):
            stack.extend((here + (str(k),), v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((here + (i,), v) for i, v in reversed(list(enumerate(item))))


def field_diagnostics(data: dict[str, Any], line_of: Any, rel_path: str) -> list[Diagnostic]:
    """HTML in front matter text fields: shown literally (templates escape it), so tell the editor.

    A tag that could run script (``<script>``, ``on…=``, ``javascript:``) is an error, any
    other tag (``<b>``, ``<br>``) a warning. ``line_of`` maps a field path to its line.
    """
    out = []
    seen: set[int] = set()
    for path, text in _strings(data, ()):
        if id(text) in seen or "<" not in text:
            continue
        seen.add(id(text))
        match = _FIELD_TAG_RE.search(text)
        if not match:
            continue
        runnable = bool(_RUNNABLE.search(text))
        out.append(
            Diagnostic(
                rel_path,
                line_of(path),
                "Trường văn bản có mã HTML"
                + (" có thể chạy script" if runnable else "")
                + "; cổng hiển thị nguyên văn các ký tự «<…>», không định dạng và không chạy mã.",
                field=dotted(path),
                value=text,
                allowed="chữ thường, không có thẻ HTML",
                suggestion="Xóa các thẻ HTML, chỉ giữ phần chữ.",
                severity=Severity.ERROR if runnable else Severity.WARNING,
                code="html-in-field",
            )
        )
    return out
