"""Text normalisation shared by the whole core.

Every string that enters the model goes through :func:`clean`, so that text typed
on a Mac (NFD), pasted from Word (non-breaking spaces) or saved with a BOM
compares equal to the same text typed anywhere else.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

__all__ = ["clean", "d_words", "fold", "slugify", "squash_spaces"]

# Characters Word and web pages put where a plain space is meant.
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]+")
_MULTI_SPACE = re.compile(r" {2,}")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def squash_spaces(text: str) -> str:
    """Turn every kind of horizontal space into one plain space and strip the ends."""
    return _MULTI_SPACE.sub(" ", _SPACES.sub(" ", text)).strip()


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """NFC-normalise ``text``, drop a BOM and fold exotic spaces (line breaks stay).

    Cached: plans repeat agency names and wordings, and the cache hands back one shared string for
    each, which also keeps a large portal's memory down (issue 8).
    """
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    return "\n".join(squash_spaces(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ``text`` and remove Vietnamese diacritics: "Đường Kỷ Niệm" -> "duong ky niem".

    ``đ`` has no combining mark, so it is mapped to ``d`` explicitly. Cached: the same agency names
    and words are folded thousands of times in a large portal (issue 8).
    """
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _strip_marks(text))


def _mark_ranges() -> re.Pattern[str]:
    """A character class of every non-spacing mark (category Mn) of the Basic Multilingual Plane."""
    ranges: list[str] = []
    start = None
    for code in range(0x10000 + 1):
        is_mark = code < 0x10000 and unicodedata.category(chr(code)) == "Mn"
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return re.compile("[" + "".join(ranges) + "]+")


_MARKS = _mark_ranges()


def _strip_marks(text: str) -> str:
    """``text`` without its non-spacing marks (one regex pass: a Python loop per character is ~20 times slower)."""
    text = _MARKS.sub("", text)
    if text and max(text) > "\uffff":  # marks outside the BMP (rare scripts): the slow exact way
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text


_TAG = re.compile(r"<[^>]*>")
_WORD_PUNCTUATION = ".,;:!?()[]{}“”\"'‘’«»…¶/-–—"


def d_words(markup: str) -> list[str]:
    """The words with «đ» of an HTML fragment, folded and without repeats: "Đảng đoàn" -> ["dang", "doan"].

    Pagefind folds accents but keeps «đ»; a hidden copy of these words lets a search typed without
    diacritics ("doan") find "đoàn" (see docs/search.md).
    """
    text = html.unescape(_TAG.sub(" ", markup))
    found: dict[str, None] = {}
    for word in text.split():  # (a regex for «words with đ» backtracks on every word: 3 times slower)
        if "đ" in word or "Đ" in word:
            folded = fold(word.strip(_WORD_PUNCTUATION))
            if folded:
                found.setdefault(folded, None)
    return list(found)


def slugify(text: str, max_length: int = 80) -> str:
    """A readable ASCII slug: "Kỷ niệm 60 năm Quảng Ninh" -> "ky-niem-60-nam-quang-ninh"."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def heading_slug(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's ``toc`` (``slugify`` option): "Tiêu đề" -> "tieu-de".

    Markdown's default drops "đ" ("tieu-e"); this keeps anchors readable and ASCII.
    """
    return slugify(value, max_length=120).replace("-", separator) or "muc"
