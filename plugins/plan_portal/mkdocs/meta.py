"""Page metadata for the ``plan-portal`` plugin: the Markdown source of a generated page
(front matter only) and the escaping of the metadata Material prints raw into ``<head>``.

Moved unchanged out of :mod:`.plugin` (issue 14: no source file over about 400 lines).
"""

from __future__ import annotations

import html

import yaml
from mkdocs.structure.pages import Page

from ..core.pages import View


def stub(view: View) -> str:
    """The Markdown source of a generated page: front matter only (YAML-escaped by the dumper)."""
    meta = {"template": view.template, "title": view.title, "description": view.description, **view.extra_meta}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n"


def escape_meta(page: Page) -> None:
    """Material prints ``page.meta.title``/``description`` raw into <head>: escape them once, here."""
    for key in ("title", "description", "author"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
