"""What templates see: the catalog with a few helpers, and the Jinja filters.

No MkDocs import here either: any Jinja environment (MkDocs, ProperDocs, a test)
can register the filters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import Any

from jinja2 import Environment

from .core.catalog import Catalog
from .core.document import basis_parts, issuer_kind
from .core.exports.atom import Feed, feeds as atom_feeds
from .core.model import Plan
from .core.labels import (
    KIND_LABELS, any_date, event_time, in_sentence, issued_label, kind_label, long_date, ref_date, short_date,
    status_label,
)
from .core import status as statuses
from .core.taskids import id_key
from .core.summary import Summary, summarize
from .core.text import d_words, fold
from .core.urls import SitePaths, index_source, task_url
from .core.options import DEFAULTS, Options
from .core.pages import View
from .core.pages.plan import plan_gantt
from .core.pages.sections import SectionData, section_data

__all__ = ["PortalContext", "register_filters"]


@dataclass
class PortalContext:
    """The ``portal`` variable of every template."""

    catalog: Catalog
    views: dict[str, View]
    options: Options = DEFAULTS
    _marks: dict[int, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def urls(self) -> SitePaths:
        """Every URL templates link to (:mod:`plan_portal.core.urls`)."""
        return self.catalog.paths

    @cached_property
    def _atom_feeds(self) -> dict[str, Feed]:
        return {feed.uri: feed for feed in atom_feeds(self.catalog)}

    def feed_links(self, src_uri: str, view: View | None) -> list[Feed]:
        """The Atom feeds a page announces in its <head>: the portal's, and its agency's or chuyên trang's."""
        urls = self.catalog.paths
        if not urls.exported("atom"):
            return []
        found = [self._atom_feeds.get(urls.plans_atom_path())]
        if view is not None and view.template == "plan-portal/agency.html":
            found.append(self._atom_feeds.get(urls.agency_atom_path(view.data.agency.id)))
        elif src_uri.startswith(urls.sections + "/") and src_uri.count("/") >= 2:
            found.append(self._atom_feeds.get(urls.section_atom_path(src_uri.split("/")[1])))
        return [feed for feed in found if feed is not None]

    def index_view(self, url: str) -> View | None:
        """The generated page of a top-level list at ``url`` (``chuyen-trang/``)."""
        return self.views.get(index_source(url))

    def task_url(self, plan: Plan, task: Any) -> str:
        return task_url(plan.url, task.key)

    @property
    def today(self) -> date:
        return self.catalog.today

    @property
    def kind_labels(self) -> dict[str, str]:
        return KIND_LABELS

    def latest(self, limit: int = 8) -> list[Plan]:
        return self.catalog.plans[:limit]

    def upcoming(self, limit: int = 8) -> list[Any]:
        return self.catalog.upcoming(limit)

    def issuer(self, plan: Plan) -> Any:
        return self.catalog.issuer.get(plan.path)

    def issuer_kind(self, plan: Plan) -> str:
        """"party" or "state": which document header the plan carries (core/document.py)."""
        ref = self.catalog.issuer.get(plan.path)
        return issuer_kind(plan, ref.agency if ref else None, self.catalog.registry)

    def basis_parts(self, ref: Any, target: Plan | None = None) -> tuple[str, str]:
        """A căn cứ's kind of document and what it is about (core/document.py)."""
        if not ref.title and target is not None:
            return target.doc_type, ""
        if not ref.number and not ref.issuer:  # a name only ("Chương trình công tác năm 2024")
            return ref.title or "Văn bản", ""
        return basis_parts(ref.title, bool(ref.issuer))

    def refs(self, plan: Plan, task: Any, role: str) -> list[Any]:
        return self.catalog.refs(plan, task, role)

    def plan_rows(self, plan: Plan) -> list[Any]:
        return self.catalog.plan_rows(plan)

    def task_status(self, task: Any) -> str:
        return self.catalog.task_status(task)

    # -- progress (issue 15) ---------------------------------------------------------------------------
    def progress(self, task: Any) -> Any:
        """The task's history, deadline as extended and last update (:class:`~.core.progress.TaskProgress`)."""
        return self.catalog.progress.of(task)

    def marks(self, task: Any) -> str:
        """The editors' facts about the task, for ``data-pp-marks`` (portal.js applies the same rules).

        Asked on every page that shows the task (its plan, agencies, timeline): joined once."""
        found = self._marks.get(id(task))
        if found is None:
            found = self._marks[id(task)] = " ".join(sorted(self.catalog.task_marks(task)))
        return found

    def lifecycle(self, plan: Plan) -> Any:
        return self.catalog.progress.lifecycle(plan)

    def plan_reports(self, plan: Plan) -> list[Any]:
        """The report documents on ``plan``, oldest first."""
        return self.catalog.progress.by_plan.get(plan.path, [])

    def report_plan(self, report: Any) -> Plan | None:
        return self.catalog.progress.find_plan(report.plan)

    def report_tasks(self, report: Any) -> list[Any]:
        """(plan, task) of each task ``report`` reports on, in its order."""
        return self.catalog.progress.report_tasks.get(report.path, [])

    def plan_summary(self, plan: Plan) -> Summary:
        return summarize(self.catalog.task_status(t) for t in plan.tasks)

    def tasks_summary(self, pairs: list[Any]) -> Summary:
        """The summary of (plan, task) pairs (a chuyên trang's tasks of one agency, or all of them)."""
        return summarize(self.catalog.task_status(task) for _, task in pairs)

    def rows_summary(self, rows: list[Any]) -> Summary:
        """The summary of listing rows that carry a ``status`` (an agency's tasks, a chuyên trang's)."""
        return summarize(r.status for r in rows)

    def basis_link(self, plan: Plan, index: int) -> Plan | None:
        return self.catalog.basis_links.get((plan.path, index))

    def implementers(self, plan: Plan) -> list[Plan]:
        return self.catalog.implementers.get(plan.url, [])

    def gantt(self, plan: Plan) -> Any:
        return plan_gantt(plan, self.catalog)

    def section(self, slug: str) -> Any:
        return self.catalog.section_by_slug.get(slug)

    def section_view(self, slug: str) -> SectionData:
        """Computed once per section and kept: templates may ask more than once."""
        cache = self.__dict__.setdefault("_section_cache", {})
        if slug not in cache:
            cache[slug] = section_data(self.catalog, slug, self.options)
        return cache[slug]

    def section_plans(self, slug: str) -> list[Plan]:
        return self.catalog.section_plans.get(slug, [])

    def diagnostics_for(self, path: str) -> list[Any]:
        return self.catalog.diagnostics_for(path)  # indexed once per build, not filtered per page

    @property
    def stats(self) -> dict[str, int]:
        c = self.catalog
        return {
            "plans": len(c.plans),
            "tasks": sum(len(p.tasks) for p in c.plans),
            "agencies": sum(1 for a in c.agency_data.values() if a.total or a.issued),
            "sections": len(c.sections),
        }


def _to_json(value: Any) -> str:
    """JSON for a data attribute (escaped by the template's autoescape)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


_MACHINE_DATE = re.compile(r"[\d\s:T/.+-]*\d[\d\s:T/.+-]*")


def worded(text: str) -> bool:
    """Whether a period was written in words worth a tooltip ("trước 25/3/2023"), not as an ISO
    date ("2021-07-05", "1831"), which a reader should never see."""
    return not (_MACHINE_DATE.fullmatch(text or "") and ("-" in text or text.strip().isdigit()))


def register_filters(env: Environment) -> None:
    """Add the portal's filters to a Jinja environment."""
    env.filters.update(
        {
            "vi_date": long_date,
            "vi_in_sentence": in_sentence,
            "vi_short_date": short_date,
            "vi_issued": issued_label,
            "vi_issued_inline": lambda period: issued_label(period, inline=True),
            "vi_status": status_label,
            "vi_update": lambda key: statuses.UPDATE_LABELS.get(key, key),
            "pp_task_key": id_key,
            "vi_kind": kind_label,
            "pp_worded": worded,
            "vi_ref_date": ref_date,
            "vi_any_date": any_date,
            "vi_event_time": lambda ev: event_time(ev.start, ev.end),
            "fold": fold,
            "d_words": d_words,
            "iso": _iso,
            "pp_json": _to_json,
        }
    )
