"""Text normalisation shared by the whole core.

Every string that enters the model goes through :func:`clean`, so that text typed
on a Mac (NFD), pasted from Word (non-breaking spaces) or saved with a BOM
compares equal to the same text typed anywhere else.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "fold", "slugify", "squash_spaces"]

# Characters Word and web pages put where a plain space is meant.
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]+")
_MULTI_SPACE = re.compile(r" {2,}")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def squash_spaces(text: str) -> str:
    """Turn every kind of horizontal space into one plain space and strip the ends."""
    return _MULTI_SPACE.sub(" ", _SPACES.sub(" ", text)).strip()


def clean(text: str) -> str:
    """NFC-normalise ``text``, drop a BOM and fold exotic spaces (line breaks stay)."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    return "\n".join(squash_spaces(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()


def fold(text: str) -> str:
    """Lower-case ``text`` and remove Vietnamese diacritics: "Đường Kỷ Niệm" -> "duong ky niem".

    ``đ`` has no combining mark, so it is mapped to ``d`` explicitly.
    """
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text)


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
