"""The catalog: every plan, agency and section of a site, grouped once per build.

Built in one pass over the loaded plans (linear in content). Generated pages and
templates read these precomputed groupings; nothing here walks all plans per page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .agencies import Agency, Registry, is_generic_group
from .diagnostics import Diagnostic, Severity, closest
from .loader import PlanEntry
from .model import Event, Plan, Relation, Task
from .periods import Period
from .sections import SectionEntry
from .text import fold

__all__ = ["AgencyRef", "Catalog", "SitePaths", "TaskRow", "TimelineEntry", "STATUS_LABELS", "KIND_LABELS"]

STATUS_LABELS = {
    "done": "Đã hoàn thành",
    "cancelled": "Đã hủy",
    "ongoing": "Thường xuyên",
    "upcoming": "Sắp tới",
    "due_soon": "Sắp đến hạn",
    "overdue": "Quá hạn",
    "unknown": "Chưa rõ thời hạn",
    "in_progress": "Đang thực hiện",
    "planned": "Chưa bắt đầu",
}

KIND_LABELS = {"issued": "Ban hành", "event": "Sự kiện", "deadline": "Thời hạn"}

# Order of agency task groups: upcoming first, then overdue, then done (issue: agencies).
_STATUS_ORDER = {"due_soon": 0, "upcoming": 1, "ongoing": 2, "unknown": 3, "overdue": 4, "done": 5, "cancelled": 6}


@dataclass(frozen=True)
class SitePaths:
    """Where the generated sections live (plugin options)."""

    plans: str = "ke-hoach"
    timeline: str = "dong-thoi-gian"
    agencies: str = "co-quan"
    sections: str = "chuyen-trang"
    report: str = "bao-cao"

    def agency_url(self, agency_id: str) -> str:
        return f"{self.agencies}/{agency_id}/"


@dataclass(frozen=True)
class AgencyRef:
    """An agency as a plan names it, with what it resolved to."""

    name: str
    agency: Agency | None
    url: str | None = None

    @property
    def label(self) -> str:
        return self.name


@dataclass
class TaskRow:
    """A task seen from one agency's page."""

    plan: Plan
    task: Task
    role: str  # "lead" | "support"
    status: str

    @property
    def sort_key(self) -> tuple[Any, ...]:
        due = self.task.due
        key = due.sort_key if due is not None else (date.max,)
        return (_STATUS_ORDER.get(self.status, 9), key, self.plan.path, self.task.index)


@dataclass
class TimelineEntry:
    """One dated thing on a timeline: a plan issued, an event, or a task deadline."""

    kind: str  # "issued" | "event" | "deadline"
    period: Period
    plan: Plan
    title: str
    agencies: list[AgencyRef]
    status: str
    task: Task | None = None
    event: Event | None = None
    sections: tuple[str, ...] = ()

    @property
    def anchor_date(self) -> date | None:
        """The date the entry is filed under: a deadline's end, an event's start, a plan's issue date."""
        p = self.period
        if self.kind == "deadline":
            return p.end or p.start
        return p.start or p.end

    @property
    def bucket(self) -> tuple[int, int] | None:
        d = self.anchor_date
        return (d.year, d.month) if d else None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        d = self.anchor_date or date.min
        order = {"event": 0, "deadline": 1, "issued": 2}[self.kind]
        return (d, order, self.plan.path, self.task.index if self.task else -1, self.event.index if self.event else -1)

    @property
    def agency_ids(self) -> list[str]:
        return [r.agency.id for r in self.agencies if r.agency]


@dataclass
class AgencyData:
    """Everything one agency's page shows."""

    agency: Agency
    lead: list[TaskRow] = field(default_factory=list)
    support: list[TaskRow] = field(default_factory=list)
    issued: list[Plan] = field(default_factory=list)
    events: list[TimelineEntry] = field(default_factory=list)

    @property
    def open_tasks(self) -> int:
        return sum(1 for r in self.lead + self.support if r.status not in ("done", "cancelled"))

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.support)


class Catalog:
    """All groupings of a site, computed once.

    Args:
        entries: Every loaded plan file (broken ones included).
        registry: The agency registry (may be empty).
        sections: The chuyên trang folders.
        today: The build date used for the no-JavaScript status fallback.
        paths: Where the generated sections live.
    """

    def __init__(
        self,
        entries: Iterable[PlanEntry],
        registry: Registry,
        sections: Iterable[SectionEntry] = (),
        today: date | None = None,
        paths: SitePaths | None = None,
    ) -> None:
        self.today = today or date.today()
        self.paths = paths or SitePaths()
        self.registry = registry
        self.entries: list[PlanEntry] = sorted(entries, key=lambda e: e.path)
        self.sections: list[SectionEntry] = list(sections)
        self.section_by_slug = {s.slug: s for s in self.sections}
        self.diagnostics: list[Diagnostic] = [d for e in self.entries for d in e.diagnostics]
        self.diagnostics += [d for s in self.sections for d in s.diagnostics]
        self.plans: list[Plan] = sorted((e.plan for e in self.entries if e.plan), key=lambda p: p.sort_key, reverse=True)
        self.by_path: dict[str, PlanEntry] = {e.path: e for e in self.entries}
        self.by_url: dict[str, Plan] = {p.url: p for p in self.plans}

        self._refs: dict[tuple[str, str, int, int], AgencyRef] = {}
        self.issuer: dict[str, AgencyRef] = {}
        self.agency_data: dict[str, AgencyData] = {}
        self.basis_links: dict[tuple[str, int], Plan] = {}
        self.implementers: dict[str, list[Plan]] = defaultdict(list)
        self.section_plans: dict[str, list[Plan]] = defaultdict(list)
        self.timeline: list[TimelineEntry] = []
        self.agency_entries: dict[str, list[TimelineEntry]] = defaultdict(list)

        for agency in registry.agencies.values():
            self.agency_data[agency.id] = AgencyData(agency)
        self._resolve_agencies()
        self._link_basis()
        self._check_duplicates()
        self._group_sections()
        self._build_timeline()
        for data in self.agency_data.values():
            data.lead.sort(key=lambda r: r.sort_key)
            data.support.sort(key=lambda r: r.sort_key)
            data.events.sort(key=lambda e: e.sort_key)
        self.diagnostics.sort(key=lambda d: d.sort_key)

    # -- agencies ---------------------------------------------------------------------------------------
    def _ref(self, plan: Plan, name: str, context: str | None, loc: tuple[Any, ...]) -> AgencyRef:
        if is_generic_group(name):
            return AgencyRef(name, None)
        resolution = self.registry.resolve(name, context)
        entry = self.by_path[plan.path]
        diagnostic = resolution.diagnostic(plan.path, entry.front.line_of(loc), _dotted(loc))
        if diagnostic:
            self.diagnostics.append(diagnostic)
        agency = resolution.agency
        if agency is None:
            return AgencyRef(name, None)
        if agency.id not in self.agency_data:
            self.agency_data[agency.id] = AgencyData(agency)
        return AgencyRef(name, agency, self.paths.agency_url(agency.id))

    def _resolve_agencies(self) -> None:
        for plan in self.plans:
            issuer = self._ref(plan, plan.issuer, None, ("issuer",))
            self.issuer[plan.path] = issuer
            context = issuer.agency.id if issuer.agency and issuer.agency.registered else None
            if issuer.agency:
                self.agency_data[issuer.agency.id].issued.append(plan)
            for task in plan.tasks:
                status = self.task_status(task)
                for role in ("lead", "support"):
                    for i, name in enumerate(getattr(task, role)):
                        ref = self._ref(plan, name, context, ("tasks", task.index, role, i))
                        self._refs[(plan.path, role, task.index, i)] = ref
                        if ref.agency:
                            rows = getattr(self.agency_data[ref.agency.id], role)
                            rows.append(TaskRow(plan, task, role, status))

    def refs(self, plan: Plan, task: Task, role: str) -> list[AgencyRef]:
        """The agencies of ``task`` in ``role`` ("lead" or "support"), resolved."""
        return [self._refs[(plan.path, role, task.index, i)] for i in range(len(getattr(task, role)))]

    def agencies_sorted(self) -> list[AgencyData]:
        return sorted(self.agency_data.values(), key=lambda d: (fold(d.agency.name), d.agency.id))

    # -- relations between plans ------------------------------------------------------------------------
    def _link_basis(self) -> None:
        by_number: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans:
            if plan.number:
                by_number[fold(plan.number).replace(" ", "")].append(plan)
        for plan in self.plans:
            for i, ref in enumerate(plan.basis):
                if not ref.number:
                    continue
                candidates = by_number.get(fold(ref.number).replace(" ", ""), [])
                if ref.issuer and len(candidates) > 1:
                    candidates = [c for c in candidates if fold(c.issuer) == fold(ref.issuer)] or candidates
                if len(candidates) == 1 and candidates[0] is not plan:
                    target = candidates[0]
                    self.basis_links[(plan.path, i)] = target
                    if ref.relation is Relation.IMPLEMENTS:
                        self.implementers[target.url].append(plan)

    def _check_duplicates(self) -> None:
        seen: dict[tuple[str, str], Plan] = {}
        for plan in sorted(self.plans, key=lambda p: p.path):
            if not plan.number:
                continue
            issuer = self.issuer.get(plan.path)
            key = (fold(plan.number).replace(" ", ""), issuer.agency.id if issuer and issuer.agency else fold(plan.issuer))
            if key in seen:
                first = seen[key]
                self.diagnostics.append(
                    Diagnostic(
                        plan.path,
                        self.by_path[plan.path].front.line_of(("number",)),
                        f"Số ký hiệu trùng với kế hoạch {first.path} của cùng cơ quan ban hành.",
                        field="number",
                        value=plan.number,
                        suggestion="Kiểm tra lại số ký hiệu; nếu là cùng một văn bản, xóa một tệp.",
                        severity=Severity.WARNING,
                        code="duplicate-number",
                    )
                )
            else:
                seen[key] = plan

    def _group_sections(self) -> None:
        known = sorted(self.section_by_slug)
        for plan in self.plans:
            for i, slug in enumerate(plan.special):
                if slug in self.section_by_slug:
                    self.section_plans[slug].append(plan)
                    continue
                near = closest(slug, known, n=1)
                self.diagnostics.append(
                    Diagnostic(
                        plan.path,
                        self.by_path[plan.path].front.line_of(("special", i)),
                        "Chuyên trang không tồn tại.",
                        field=f"special[{i}]",
                        value=slug,
                        allowed=", ".join(known) or f"(chưa có chuyên trang nào trong content/{self.paths.sections}/)",
                        suggestion=(f"Có phải ý bạn là `{near[0]}`? " if near else "")
                        + f"Hoặc tạo thư mục content/{self.paths.sections}/{slug}/ với tệp index.md.",
                        code="unknown-section",
                    )
                )

    # -- timeline ---------------------------------------------------------------------------------------
    def task_status(self, task: Task) -> str:
        if task.status.value == "done":
            return "done"
        if task.status.value == "cancelled":
            return "cancelled"
        if task.due is None:
            return "unknown"
        return task.due.status(self.today)

    def _build_timeline(self) -> None:
        for plan in self.plans:
            sections = tuple(s for s in plan.special if s in self.section_by_slug)
            issuer = self.issuer[plan.path]
            if plan.issued.ok:
                self.timeline.append(TimelineEntry("issued", plan.issued, plan, plan.summary, [issuer], "done",
                                                   sections=sections))
            for event in plan.events:
                if not event.start.ok:
                    continue
                status = "done" if (event.start.end or event.start.start or date.max) < self.today else "upcoming"
                entry = TimelineEntry("event", event.start, plan, event.title, [issuer], status, event=event,
                                      sections=sections)
                self.timeline.append(entry)
                if issuer.agency:
                    self.agency_data[issuer.agency.id].events.append(entry)
                    self.agency_entries[issuer.agency.id].append(entry)
            for task in plan.tasks:
                if task.due is None or not task.due.ok or (task.due.start is None and task.due.end is None):
                    continue
                refs = self.refs(plan, task, "lead")
                entry = TimelineEntry("deadline", task.due, plan, task.title, refs, self.task_status(task), task=task,
                                      sections=sections)
                self.timeline.append(entry)
                for agency_id in dict.fromkeys(r.agency.id for r in refs + self.refs(plan, task, "support") if r.agency):
                    self.agency_entries[agency_id].append(entry)
        self.timeline.sort(key=lambda e: e.sort_key, reverse=True)

    # -- facets -----------------------------------------------------------------------------------------
    def facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Filter values for the plan list: (value, label, count), stable order."""
        years: dict[str, int] = defaultdict(int)
        issuers: dict[str, int] = defaultdict(int)
        types: dict[str, int] = defaultdict(int)
        specials: dict[str, int] = defaultdict(int)
        for plan in self.plans:
            years[str(plan.year or "")] += 1
            issuers[self.issuer_label(plan)] += 1
            types[plan.doc_type] += 1
            for s in plan.special:
                specials[s] += 1
        return {
            "year": [(y, y or "Không rõ", n) for y, n in sorted(years.items(), reverse=True)],
            "issuer": [(i, i, n) for i, n in sorted(issuers.items(), key=lambda kv: fold(kv[0]))],
            "doc_type": [(t, t, n) for t, n in sorted(types.items(), key=lambda kv: fold(kv[0]))],
            "special": [
                (s, self.section_by_slug[s].title if s in self.section_by_slug else s, n)
                for s, n in sorted(specials.items())
            ],
        }

    def issuer_label(self, plan: Plan) -> str:
        ref = self.issuer.get(plan.path)
        return ref.agency.name if ref and ref.agency else plan.issuer

    def upcoming(self, limit: int = 10) -> list[TimelineEntry]:
        """The next dated things from today on, soonest first."""
        ahead = [e for e in self.timeline if e.kind != "issued" and (e.period.end or e.period.start or date.min) >= self.today]
        return sorted(ahead, key=lambda e: e.sort_key)[:limit]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out
