"""Page metadata for the ``plan-portal`` plugin: the Markdown source of a generated page
(front matter only), each kind of page's template, title and description, and the escaping of the
metadata Material prints raw into ``<head>``.

Moved unchanged out of :mod:`.plugin` (issues 14 and 17: no source file over about 400 lines).
"""

from __future__ import annotations

import html
from typing import Mapping

import yaml
from mkdocs.structure.pages import Page

from ..core.loader import PlanEntry
from ..core.pages import View
from ..core.reports import ReportEntry
from ..core.sections import SectionEntry


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


def page_markdown(markdown: str, page: Page, entries: Mapping[str, PlanEntry], reports: Mapping[str, ReportEntry],
                  sections: Mapping[str, SectionEntry], views: Mapping[str, View], *, noindex: bool = False) -> str:
    """Set the page's metadata for its kind and return its Markdown body (a plan's, a report's and a chuyên
    trang's front matter were read once, in ``on_files``)."""
    src = page.file.src_uri
    entry = entries.get(src)
    if entry is not None:
        plan = entry.plan
        page.meta = {
            "template": "plan-portal/plan.html",
            "title": entry.title,
            "description": plan.summary if plan else "Kế hoạch có lỗi nội dung",
            "hide": ["navigation"],  # plans are not in the nav: give the tasks table the width
        }
        escape_meta(page)
        return entry.body
    report = reports.get(src)
    if report is not None:
        page.meta = {
            "template": "plan-portal/result-report.html",
            "title": report.title,
            "description": report.report.summary if report.report else "Báo cáo có lỗi nội dung",
            "hide": ["navigation"],
        }
        escape_meta(page)
        return report.front.body
    section = sections.get(src)
    if section is not None:
        page.meta = {
            "template": "plan-portal/section.html",
            "title": section.title,
            "description": (section.section.summary if section.section and section.section.summary else section.title),
            "hide": ["navigation"],
        }
        escape_meta(page)
        return section.front.body
    view = views.get(src)
    if view is not None:
        page.meta.setdefault("template", view.template)
        page.meta.setdefault("title", view.title)
        page.meta.setdefault("description", view.description)
        page.meta.setdefault("hide", ["navigation"])
    if (view is not None and view.template == "plan-portal/report.html") or noindex:
        # The build report and the search page are for people, not search engines (sitemap.xml skips them).
        page.meta.setdefault("robots", "noindex")
    escape_meta(page)
    return markdown
