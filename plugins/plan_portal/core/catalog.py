"""The catalog: every plan, agency and section of a site, grouped once per build.

Built in one pass over the loaded plans (linear in content). Generated pages and
templates read these precomputed groupings and indexes (by path, by agency, by
section, by number); nothing here walks all plans or the whole timeline per page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from .agencies import Agency, Registry, is_generic_group
from .diagnostics import Diagnostic, Severity, closest, dotted
from .loader import PlanEntry
from .model import Plan, Relation, Task
from .periods import Period
from .plausible import issued_in_future
from .progress import Progress
from .reports import ReportEntry
from .sections import SectionEntry
from . import status as statuses
from .labels import UNKNOWN_YEAR
from .urls import SitePaths
from .text import fold
from .rows import AgencyData, AgencyRef, PeriodView, PlanTaskRow, TaskRow, TimelineEntry


__all__ = ["AgencyData", "AgencyRef", "Catalog", "PeriodView", "PlanTaskRow", "SitePaths", "TaskRow", "TimelineEntry"]

#: The value of the year filter for plans with no known year (data-year, option value).
UNKNOWN_YEAR_VALUE = "khong-ro"


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
        problems: Iterable[Diagnostic] = (),
        registry_path: str = "co-quan.yml",
        reports: Iterable[ReportEntry] = (),
    ) -> None:
        self.registry_path = registry_path
        self.today = today or date.today()
        self.paths = paths or SitePaths()
        self.registry = registry
        self.entries: list[PlanEntry] = sorted(entries, key=lambda e: e.path)
        self.sections: list[SectionEntry] = list(sections)
        self.section_by_slug = {s.slug: s for s in self.sections}
        self.diagnostics: list[Diagnostic] = [d for e in self.entries for d in e.diagnostics]
        self.diagnostics += [d for s in self.sections for d in s.diagnostics]
        self.diagnostics += list(problems)  # e.g. the registry's own problems: on the report page too
        self.plans: list[Plan] = sorted((e.plan for e in self.entries if e.plan), key=lambda p: p.sort_key, reverse=True)
        self.by_path: dict[str, PlanEntry] = {e.path: e for e in self.entries}
        self.by_url: dict[str, Plan] = {p.url: p for p in self.plans}
        # Results and lifecycles first: every status below depends on them (issue 15).
        self.progress = Progress(self.plans, reports, self.today, line_of=self._plan_line)
        self.diagnostics += self.progress.diagnostics
        self._plan_of_task: dict[int, Plan] = {id(t): p for p in self.plans for t in p.tasks}
        self._status_of: dict[int, str] = {}  # by id() of the tasks of self.plans, which live as long as the catalog
        self._marks_of: dict[int, frozenset[str]] = {}

        self._task_refs: dict[int, tuple[list[AgencyRef], list[AgencyRef]]] = {}  # by id(task): (lead, support)
        self._ref_pool: dict[tuple[str, str | None], AgencyRef] = {}
        self.issuer: dict[str, AgencyRef] = {}
        self.agency_data: dict[str, AgencyData] = {}
        self.basis_links: dict[tuple[str, int], Plan] = {}
        self.implementers: dict[str, list[Plan]] = defaultdict(list)
        self.section_plans: dict[str, list[Plan]] = defaultdict(list)
        self.timeline: list[TimelineEntry] = []
        self.agency_entries: dict[str, list[TimelineEntry]] = defaultdict(list)
        self.recurring: list[TimelineEntry] = []  # deadlines with no date: "hằng tháng", "thường xuyên"
        self.section_entries: dict[str, list[TimelineEntry]] = defaultdict(list)  # newest first, like the timeline
        self._upcoming: list[TimelineEntry] | None = None
        self._views_by_value: dict[Period, PeriodView] = {}
        self._resolved: dict[tuple[str, str | None], AgencyRef] = {}  # names that resolve without a problem
        self._diagnostics_by_path: dict[str, list[Diagnostic]] | None = None

        for agency in registry.agencies.values():
            self.agency_data[agency.id] = AgencyData(agency)
        self._resolve_agencies()
        self._link_basis()
        self._check_duplicates()
        self._group_sections()
        self._check_plausible()
        self._build_timeline()
        for data in self.agency_data.values():
            data.lead.sort(key=lambda r: r.sort_key)
            data.support.sort(key=lambda r: r.sort_key)
            data.events.sort(key=lambda e: e.sort_key)
        self.diagnostics.sort(key=lambda d: d.sort_key)

    def _plan_line(self, path: str, loc: tuple[Any, ...]) -> int | None:
        entry = self.by_path.get(path)
        return entry.front.line_of(loc) if entry is not None else None

    # -- agencies ---------------------------------------------------------------------------------------
    def _ref(self, plan: Plan, name: str, context: str | None, loc: tuple[Any, ...]) -> AgencyRef:
        # Plans repeat the same names in the same localities: a name that resolves without a problem
        # is looked up once per issuer; a problem is reported at each place it occurs.
        known = self._resolved.get((name, context))
        if known is not None:
            return known
        ref, clean = self._resolve_ref(plan, name, context, loc)
        if clean:
            self._resolved[(name, context)] = ref
        return ref

    def _resolve_ref(self, plan: Plan, name: str, context: str | None, loc: tuple[Any, ...]) -> tuple[AgencyRef, bool]:
        """The reference, and whether it came without a diagnostic."""
        if is_generic_group(name):
            return self._interned(name, None), True
        resolution = self.registry.resolve(name, context)
        clean = True
        if (not resolution.ok or resolution.misspelled) and self.registry.agencies:  # (an empty one: said once)
            entry = self.by_path[plan.path]
            diagnostic = resolution.diagnostic(plan.path, entry.front.line_of(loc), dotted(loc))
            if diagnostic:
                self.diagnostics.append(diagnostic)
                clean = False
        agency = resolution.agency
        if agency is None:
            return self._interned(name, None), clean
        if agency.id not in self.agency_data:
            self.agency_data[agency.id] = AgencyData(agency)
        return self._interned(name, agency), clean

    def _interned(self, name: str, agency: Agency | None) -> AgencyRef:
        """One shared (immutable) AgencyRef per name and agency: plans repeat the same few hundred names."""
        key = (name, agency.id if agency is not None else None)
        ref = self._ref_pool.get(key)
        if ref is None:
            url = self.paths.agency_url(agency.id) if agency is not None else None
            ref = self._ref_pool[key] = AgencyRef(name, agency, url)
        return ref

    def _resolve_agencies(self) -> None:
        # plan.path, plan.url and task.index are pydantic private attributes (slow to read): read once.
        for plan in self.plans:
            path, url = plan.path, plan.url
            issuer = self._ref(plan, plan.issuer, None, ("issuer",))
            self.issuer[path] = issuer
            context = issuer.agency.id if issuer.agency and issuer.agency.registered else None
            if issuer.agency:
                self.agency_data[issuer.agency.id].issued.append(plan)
            for task in plan.tasks:
                index = task.index
                status = self.task_status(task)
                deadline = self.progress.of(task).due  # as extended (gia hạn)
                due = self.period_view(deadline) if deadline is not None else None
                resolved: tuple[list[AgencyRef], list[AgencyRef]] = ([], [])
                self._task_refs[id(task)] = resolved
                for role, names, refs in (("lead", task.lead, resolved[0]), ("support", task.support, resolved[1])):
                    for i, name in enumerate(names):
                        ref = self._ref(plan, name, context, ("tasks", index, role, i))
                        refs.append(ref)
                        if ref.agency:
                            data = self.agency_data[ref.agency.id]
                            rows = data.lead if role == "lead" else data.support
                            rows.append(TaskRow(plan, task, role, status, due, url, index + 1, path))

    def refs(self, plan: Plan, task: Task, role: str) -> list[AgencyRef]:
        """The agencies of ``task`` in ``role`` ("lead" or "support"), resolved (a shared list: do not change it)."""
        return self._task_refs[id(task)][0 if role == "lead" else 1]

    def plan_rows(self, plan: Plan) -> list[PlanTaskRow]:
        """The rows of ``plan``'s own tasks table, with what each prints computed (built on demand, not kept)."""
        rows = []
        for number, task in enumerate(plan.tasks, 1):
            lead, support = self._task_refs[id(task)]
            deadline = self.progress.of(task).due  # as extended (gia hạn)
            due = self.period_view(deadline) if deadline is not None else None
            rows.append(PlanTaskRow(number, task, lead, support, self.task_status(task), due))
        return rows

    def period_view(self, period: Period) -> PeriodView:
        """How ``period`` is printed: built once per distinct period (its label is costly to build).

        Thousands of tasks share a deadline ("Quý III/2024", "thường xuyên"): equal periods (a
        frozen model, hashable) share one view.
        """
        view = self._views_by_value.get(period)
        if view is None:
            view = self._views_by_value[period] = PeriodView.of(period)
        return view

    def agencies_sorted(self) -> list[AgencyData]:
        return sorted(self.agency_data.values(), key=lambda d: (fold(d.agency.name), d.agency.id))

    # -- relations between plans ------------------------------------------------------------------------
    def _link_basis(self) -> None:
        """Link each căn cứ to the plan it names: by number, then issuer, then year (numbers restart each year)."""
        by_number: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans:
            if plan.number:
                by_number[_number_key(plan.number)].append(plan)
        issuer_keys: dict[str, str] = {}
        for plan in self.plans:
            for i, ref in enumerate(plan.basis):
                if not ref.number:
                    continue
                candidates = by_number.get(_number_key(ref.number), [])
                if ref.issuer and len(candidates) > 1:
                    wanted = fold(ref.issuer)
                    candidates = [
                        c for c in candidates
                        if (issuer_keys.get(c.path) or issuer_keys.setdefault(c.path, fold(c.issuer))) == wanted
                    ] or candidates
                year = ref.issued.start.year if ref.issued is not None and ref.issued.ok and ref.issued.start else None
                if year is not None and len(candidates) > 1:
                    candidates = [c for c in candidates if c.year == year] or candidates
                if len(candidates) == 1 and candidates[0] is not plan:
                    target = candidates[0]
                    self.basis_links[(plan.path, i)] = target
                    if ref.relation is Relation.IMPLEMENTS:
                        self.implementers[target.url].append(plan)

    def _check_duplicates(self) -> None:
        """Two plans with the same number from the same issuer in the same year (numbers restart each year)."""
        seen: dict[tuple[str, str, int | None], Plan] = {}
        for plan in sorted(self.plans, key=lambda p: p.path):
            if not plan.number:
                continue
            issuer = self.issuer.get(plan.path)
            key = (_number_key(plan.number), issuer.agency.id if issuer and issuer.agency else fold(plan.issuer), plan.year)
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

    def _check_plausible(self) -> None:
        """Plans issued after the build date; an empty registry said once, not once per agency name."""
        for plan in self.plans:
            found = issued_in_future(plan, self.by_path[plan.path].front.line_of(("issued",)), plan.path, self.today)
            if found is not None:
                self.diagnostics.append(found)
        if self.plans and not self.registry.agencies:
            self.diagnostics.append(Diagnostic(
                self.registry_path, None, f"Danh mục cơ quan trống hoặc không có: tên cơ quan của {len(self.plans)} kế "
                "hoạch chưa được kiểm tra và không có trang cơ quan.", allowed="danh sách các mục `- id: …`, `name: …`",
                suggestion=f"Tạo hoặc điền tệp {self.registry_path} trong thư mục nội dung (xem Hướng dẫn biên tập).", severity=Severity.WARNING,
                code="registry-empty"))

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
        """Where ``task`` stands on the build date: its deadline as extended, its results, its plan's state.

        Asked for each place a task appears (its plan, agencies, timeline, exports): worked out once."""
        found = self._status_of.get(id(task))
        if found is None:
            found = statuses.task_status(task, self.today, self.task_marks(task), self.progress.of(task).due)
            if id(task) in self._plan_of_task:
                self._status_of[id(task)] = found
        return found

    def task_marks(self, task: Task) -> frozenset[str]:
        """The editors' facts about ``task`` (:data:`plan_portal.core.status.MARK_FACTS`), worked out once."""
        found = self._marks_of.get(id(task))
        if found is None:
            plan = self._plan_of_task.get(id(task))
            found = frozenset(self.progress.marks(plan, task) if plan is not None else self.progress.of(task).marks())
            if plan is not None:  # (a task of no plan of the catalog may be a copy: not kept)
                self._marks_of[id(task)] = found
        return found

    def _build_timeline(self) -> None:
        view = self.period_view
        for plan in self.plans:
            path, url = plan.path, plan.url
            sections = tuple(s for s in plan.special if s in self.section_by_slug)
            issuer = self.issuer[path]
            if plan.issued.ok:
                self.timeline.append(TimelineEntry("issued", plan.issued, plan, plan.summary, [issuer], statuses.ISSUED,
                                                   sections=sections, when=view(plan.issued), plan_url=url, path=path))
            for event in plan.events:
                if not event.start.ok:
                    continue
                status = statuses.event_status(event.start, self.today)
                entry = TimelineEntry("event", event.start, plan, event.title, [issuer], status, event=event,
                                      sections=sections, when=view(event.start), plan_url=url, path=path)
                self.timeline.append(entry)
                if issuer.agency:
                    self.agency_data[issuer.agency.id].events.append(entry)
                    self.agency_entries[issuer.agency.id].append(entry)
            for task in plan.tasks:
                due = self.progress.of(task).due  # as extended (gia hạn)
                if due is None or not due.ok:
                    continue
                refs, support = self._task_refs[id(task)]
                if due.start is None and due.end is None:  # recurring or ongoing: no place on a dated line
                    self.recurring.append(TimelineEntry("deadline", due, plan, task.title, refs, self.task_status(task),
                                                        task=task, sections=sections, when=view(due), plan_url=url,
                                                        path=path))
                    continue
                entry = TimelineEntry("deadline", due, plan, task.title, refs, self.task_status(task), task=task,
                                      sections=sections, when=view(due), plan_url=url, path=path)
                self.timeline.append(entry)
                for agency_id in dict.fromkeys(r.agency.id for r in refs + support if r.agency):
                    self.agency_entries[agency_id].append(entry)
        self.timeline.sort(key=lambda e: e.sort_key, reverse=True)
        for entry in self.timeline:
            for slug in dict.fromkeys(entry.sections):
                self.section_entries[slug].append(entry)

    # -- facets -----------------------------------------------------------------------------------------
    def facets(self, plans: Iterable[Plan] | None = None) -> dict[str, list[tuple[str, str, int]]]:
        """Filter values for a plan list (all plans by default): (value, label, count), stable order."""
        years: dict[str, int] = defaultdict(int)
        issuers: dict[str, int] = defaultdict(int)
        types: dict[str, int] = defaultdict(int)
        specials: dict[str, int] = defaultdict(int)
        for plan in self.plans if plans is None else plans:
            for year in self.plan_years(plan):
                years[str(year) if year != UNKNOWN_YEAR_VALUE else ""] += 1
            issuers[self.issuer_label(plan)] += 1
            types[plan.doc_type] += 1
            for s in plan.special:
                specials[s] += 1
        return {
            "year": [(y or UNKNOWN_YEAR_VALUE, y or UNKNOWN_YEAR, n) for y, n in sorted(years.items(), reverse=True)],
            "issuer": [(i, i, n) for i, n in sorted(issuers.items(), key=lambda kv: fold(kv[0]))],
            "doc_type": [(t, t, n) for t, n in sorted(types.items(), key=lambda kv: fold(kv[0]))],
            "special": [
                (s, self.section_by_slug[s].title if s in self.section_by_slug else s, n)
                for s, n in sorted(specials.items())
            ],
        }

    @staticmethod
    def plan_years(plan: Plan) -> list[int | str]:
        """The years a plan may have been issued in: one for a dated plan, each year of the span for an
        undated one ("2023-08/2024-03" is a 2023 and a 2024 plan for the year filter); none if unknown."""
        p = plan.issued
        first, last = p.start or p.end, p.end or p.start
        if first is None or last is None:
            return [UNKNOWN_YEAR_VALUE]
        return list(range(last.year, first.year - 1, -1))

    def issuer_label(self, plan: Plan) -> str:
        ref = self.issuer.get(plan.path)
        return ref.agency.name if ref and ref.agency else plan.issuer

    def upcoming(self, limit: int = 10) -> list[TimelineEntry]:
        """The next dated things from today on, soonest first (sorted once per build)."""
        if self._upcoming is None:
            self._upcoming = sorted(
                (e for e in self.timeline if e.kind != "issued" and statuses.ahead(e.period, self.today)),
                key=lambda e: e.sort_key,
            )
        return self._upcoming[:limit]

    def diagnostics_for(self, path: str) -> list[Diagnostic]:
        """The problems of one file, in report order (indexed once, not filtered per page)."""
        if self._diagnostics_by_path is None:
            index: dict[str, list[Diagnostic]] = defaultdict(list)
            for diagnostic in self.diagnostics:
                index[diagnostic.path].append(diagnostic)
            self._diagnostics_by_path = dict(index)
        return self._diagnostics_by_path.get(path, [])

    @staticmethod
    def keep_reported_lines(entry: PlanEntry) -> None:
        """Forget the raw front matter of a valid plan except the lines a catalog can report.

        A catalog reports problems at ``issuer``, ``number``, ``special[i]`` and the agencies of
        tasks; the model has everything else. Called on each plan as it is loaded, this keeps a
        big portal from holding every plan's raw mapping and full line map at once (issue 8).
        """
        if entry.plan is None:
            return
        front = entry.front
        front.data = {}
        front.lines = {
            path: line for path, line in front.lines.items()
            if not path or path[0] in _REPORTED or (path[0] == "tasks" and (len(path) <= 2 or path[2] in _ROLES))
        }

    def release_sources(self) -> None:
        """Drop the raw front matter and line map of every valid plan; its model and body stay.

        They serve validation and problem reports, which are complete once the catalog is
        built: a portal of 10,000 plans saves about 60 KB a plan. Call when the catalog is done
        and the entries will not be given to another catalog.
        """
        for entry in self.entries:
            if entry.plan is not None:
                entry.front.data = {}
                entry.front.lines = {}

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


_REPORTED = frozenset({"issuer", "number", "special", "issued", "lifecycle", "attachments"})
_ROLES = frozenset({"lead", "support", "id", "status", "updates"})


def _number_key(number: str) -> str:
    """The matching key of a số ký hiệu: folded, without spaces ("48/KH-UBND" = "48/kh-ubnd")."""
    return fold(number).replace(" ", "")
