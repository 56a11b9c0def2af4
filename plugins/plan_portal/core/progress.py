"""What happened to each task after its plan was signed (issue 15).

Two ways of recording a result feed one history per task:

* the task's own ``updates`` (date, status, percentage, note, source, new deadline);
* the ``results`` of report documents (:mod:`.reports`) naming the plan and the task id.

From that history come the facts the status table needs (:mod:`.status`): whether the task
was reported done, and then on time or late against its deadline as extended; cancelled; in
progress; and the plan's lifecycle (ended, replaced, annulled), from its front matter or a
closing report. Nothing here decides a status: the rules do.

:class:`Progress` is built once per build; it also reports what an editor should fix: a
report naming an unknown plan or task (with "did you mean"), an update dated before its plan
or after today, a plan ended before it was issued.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .diagnostics import Diagnostic, Severity, closest
from .model import Lifecycle, Plan, PlanState, Task
from .periods import Period
from .reports import Report, ReportEntry
from .taskids import id_key
from .text import fold

__all__ = ["HistoryItem", "PlanLifecycle", "Progress", "TaskProgress"]


@dataclass(frozen=True)
class HistoryItem:
    """One dated update of a task, from the task itself or from a report."""

    date: date
    status: str | None = None  # in_progress | done | cancelled
    percent: int | None = None
    note: str | None = None
    source: str | None = None  # the source document as written
    report: Report | None = None  # the report document it comes from, if any
    due: Period | None = None  # a new deadline (gia hạn)

    @property
    def source_label(self) -> str:
        if self.report is not None:
            return self.report.title
        return self.source or ""


@dataclass
class TaskProgress:
    """A task's history (oldest first) and what it says now."""

    task: Task
    history: list[HistoryItem] = field(default_factory=list)

    @property
    def last(self) -> HistoryItem | None:
        return self.history[-1] if self.history else None

    @property
    def original_due(self) -> Period | None:
        return self.task.due

    @property
    def extension(self) -> HistoryItem | None:
        """The latest update that moved the deadline, if any."""
        for item in reversed(self.history):
            if item.due is not None and item.due.ok:
                return item
        return None

    @property
    def due(self) -> Period | None:
        """The deadline in force: the latest extension's, else the plan's."""
        extension = self.extension
        return extension.due if extension is not None else self.task.due

    @property
    def reported(self) -> str | None:
        """The latest reported status, else the task's own ``status`` mark when it is not the default."""
        for item in reversed(self.history):
            if item.status:
                return item.status
        mark = self.task.status.value
        return mark if mark in ("done", "cancelled", "in_progress") else None

    @property
    def finished_on(self) -> date | None:
        """The date of the update that reported the task done (when it is done)."""
        if self.reported != "done":
            return None
        for item in reversed(self.history):
            if item.status == "done":
                return item.date
        return None

    @property
    def percent(self) -> int | None:
        for item in reversed(self.history):
            if item.percent is not None:
                return item.percent
        return 100 if self.reported == "done" else None

    @property
    def reason(self) -> str | None:
        """Why the task stopped (the note of the update that cancelled it)."""
        if self.reported != "cancelled":
            return None
        for item in reversed(self.history):
            if item.status == "cancelled":
                return item.note
        return None

    def marks(self) -> set[str]:
        """The editors' facts about this task (the period facts come from :func:`.status.facts`)."""
        out: set[str] = set()
        reported = self.reported
        if reported:
            out.add(f"marked_{reported}")
        finished, due = self.finished_on, self.due
        if finished is not None and due is not None and due.ok and (due.end or due.start):
            out.add("finished_on_time" if finished <= (due.end or due.start) else "finished_late")  # type: ignore[operator]
        return out


@dataclass(frozen=True)
class PlanLifecycle:
    """Where a plan stands: its state and, when not active, since when, why and the documents."""

    state: PlanState = PlanState.ACTIVE
    date: date | None = None
    note: str | None = None
    report: Report | None = None  # the closing report, when it is on the portal
    report_text: str | None = None  # the closing report as written
    replaced_by: Plan | None = None
    replaced_by_text: str | None = None

    @property
    def followed(self) -> bool:
        """True while the plan is being carried out: only then can a task be overdue."""
        return self.state is PlanState.ACTIVE

    def marks(self) -> set[str]:
        if self.state is PlanState.ANNULLED:
            return {"plan_annulled"}
        if self.state in (PlanState.ENDED, PlanState.REPLACED):
            return {"plan_closed"}
        return set()


class Progress:
    """Every task's history and every plan's lifecycle, built once from the plans and the reports."""

    def __init__(self, plans: Iterable[Plan], reports: Iterable[ReportEntry] = (), today: date | None = None,
                 line_of: Any = None) -> None:
        self.today = today or date.today()
        self.plans = list(plans)
        self.entries = sorted(reports, key=lambda e: e.path)
        self.reports: list[Report] = sorted((e.report for e in self.entries if e.report), key=lambda r: r.sort_key)
        self.diagnostics: list[Diagnostic] = [d for e in self.entries for d in e.diagnostics]
        self._line_of = line_of or (lambda path, loc: None)  # (plan path, field path) -> line, for plan problems
        self._tasks: dict[int, TaskProgress] = {}
        self._lifecycles: dict[str, PlanLifecycle] = {}
        self.by_plan: dict[str, list[Report]] = defaultdict(list)  # plan path -> its reports, oldest first
        self.report_tasks: dict[str, list[tuple[Plan, Task]]] = defaultdict(list)  # report path -> tasks it names
        self._by_number: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans:
            if plan.number:
                self._by_number[fold(plan.number).replace(" ", "")].append(plan)
            for task in plan.tasks:
                self._tasks[id(task)] = TaskProgress(task, [_from_update(u) for u in task.updates])
        self._by_path = {p.path: p for p in self.plans}
        self._apply_reports()
        for plan in self.plans:
            for task in plan.tasks:
                self._tasks[id(task)].history.sort(key=lambda item: item.date)  # stable: file order on one day
            self._lifecycles[plan.path] = self._lifecycle(plan)
            self._check_plan(plan)
        self.diagnostics.sort(key=lambda d: d.sort_key)

    # -- lookups ------------------------------------------------------------------------------------------
    def of(self, task: Task) -> TaskProgress:
        found = self._tasks.get(id(task))
        return found if found is not None else TaskProgress(task)

    def lifecycle(self, plan: Plan) -> PlanLifecycle:
        return self._lifecycles.get(plan.path) or PlanLifecycle()

    def marks(self, plan: Plan, task: Task) -> set[str]:
        return self.of(task).marks() | self.lifecycle(plan).marks()

    def find_plan(self, ref: str) -> Plan | None:
        """A plan by its number («48/KH-UBND», spaces and case ignored) or its file path."""
        ref = ref.strip()
        path = ref if ref.endswith(".md") else ref + ".md"
        if path in self._by_path:
            return self._by_path[path]
        found = self._by_number.get(fold(ref).replace(" ", ""), [])
        return found[0] if len(found) == 1 else None

    # -- reports ------------------------------------------------------------------------------------------
    def _apply_reports(self) -> None:
        for entry in self.entries:
            report = entry.report
            if report is None:
                continue
            line = entry.front.line_of
            plan = self.find_plan(report.plan)
            if plan is None:
                choices = sorted({p.number for p in self.plans if p.number})
                near = closest(report.plan, choices, n=1, cutoff=0.5)
                self.diagnostics.append(Diagnostic(
                    entry.path, line(("plan",)), "Báo cáo nêu một kế hoạch không có trên cổng.", field="plan",
                    value=report.plan, allowed="số, ký hiệu của một kế hoạch đã đăng, hoặc đường dẫn tệp của nó",
                    suggestion=(f"Có phải ý bạn là `{near[0]}`?" if near else "Kiểm tra số, ký hiệu của kế hoạch."),
                    code="unknown-plan"))
                continue
            self.by_plan[plan.path].append(report)
            keys = {t.key: t for t in plan.tasks}
            for i, result in enumerate(report.results):
                task = keys.get(id_key(result.task))
                where = line(("results", i, "task"))
                if task is None:
                    near = closest(result.task, [t.label_id for t in plan.tasks], n=1, cutoff=0.4)
                    self.diagnostics.append(Diagnostic(
                        entry.path, where, f"Kế hoạch {plan.title} không có nhiệm vụ mang số hiệu này.",
                        field=f"results[{i}].task", value=result.task,
                        allowed="số hiệu của một nhiệm vụ, như ghi ở cột «Số hiệu» trên trang kế hoạch",
                        suggestion=(f"Có phải ý bạn là `{near[0]}`?" if near else "Xem số hiệu trên trang kế hoạch."),
                        code="unknown-task"))
                    continue
                day = result.date or report.issued
                item = HistoryItem(day, result.status.value if result.status else None, result.percent, result.note,
                                   report.title, report, result.due)
                self._tasks[id(task)].history.append(item)
                if (plan, task) not in self.report_tasks[report.path]:
                    self.report_tasks[report.path].append((plan, task))
                self._check_date(entry.path, where, f"results[{i}].date", day, plan)
                if item.status == "done" and result.percent is not None and result.percent < 100:
                    self.diagnostics.append(_half_done(entry.path, line(("results", i, "percent")),
                                                       f"results[{i}].percent", task.label_id, result.percent))
                if result.date is not None and result.date > report.issued:
                    self.diagnostics.append(Diagnostic(
                        entry.path, line(("results", i, "date")), "Ngày của kết quả sau ngày báo cáo.",
                        field=f"results[{i}].date", value=result.date.isoformat(), severity=Severity.WARNING,
                        allowed="một ngày không muộn hơn ngày báo cáo", suggestion="Kiểm tra lại ngày.",
                        code="result-after-report"))
            self._check_date(entry.path, line(("issued",)), "issued", report.issued, plan)

    def _check_date(self, path: str, line: int | None, field_name: str, day: date, plan: Plan) -> None:
        """An update before its plan was issued, or after today, cannot be true."""
        issued = plan.issued.start or plan.issued.end
        if issued is not None and day < issued:
            self.diagnostics.append(Diagnostic(
                path, line, f"Ngày cập nhật trước ngày ban hành kế hoạch ({issued.day}/{issued.month}/{issued.year}).",
                field=field_name, value=day.isoformat(), severity=Severity.WARNING,
                allowed="một ngày từ ngày ban hành kế hoạch đến hôm nay", suggestion="Kiểm tra lại năm, tháng.",
                code="update-before-plan"))
        elif day > self.today:
            self.diagnostics.append(Diagnostic(
                path, line, "Ngày cập nhật ở tương lai: chưa thể có kết quả này.", field=field_name,
                value=day.isoformat(), severity=Severity.WARNING,
                allowed="một ngày từ ngày ban hành kế hoạch đến hôm nay",
                suggestion="Kiểm tra lại ngày; thời hạn mới (gia hạn) ghi ở trường `due`.", code="update-in-future"))

    # -- plans --------------------------------------------------------------------------------------------
    def _lifecycle(self, plan: Plan) -> PlanLifecycle:
        own = plan.lifecycle or Lifecycle()
        closing = next((r for r in reversed(self.by_plan.get(plan.path, [])) if r.closes), None)
        report = None
        if own.report:
            report = next((r for r in self.by_plan.get(plan.path, []) if r.number and fold(r.number) == fold(own.report)), None)
        if own.state is PlanState.ACTIVE and closing is not None:
            return PlanLifecycle(PlanState.ENDED, closing.issued, None, closing, closing.title)
        replaced = self.find_plan(own.replaced_by) if own.replaced_by else None
        return PlanLifecycle(own.state, own.date, own.note, report or closing, own.report, replaced, own.replaced_by)

    def _check_plan(self, plan: Plan) -> None:
        issued = plan.issued.start or plan.issued.end
        own = plan.lifecycle or Lifecycle()
        if own.date is not None and issued is not None and own.date < issued:
            self.diagnostics.append(Diagnostic(
                plan.path, self._line_of(plan.path, ("lifecycle", "date")), "Kế hoạch kết thúc trước ngày ban hành.",
                field="lifecycle.date", value=own.date.isoformat(), allowed="một ngày sau ngày ban hành",
                suggestion="Kiểm tra lại ngày.", severity=Severity.WARNING, code="lifecycle-before-plan"))
        if own.state is not PlanState.ACTIVE and own.date is None and not own.note:
            self.diagnostics.append(Diagnostic(
                plan.path, self._line_of(plan.path, ("lifecycle", "state")),
                "Kế hoạch không còn thực hiện nhưng không ghi ngày hay lý do.", field="lifecycle",
                value=own.state.value, severity=Severity.WARNING, allowed="`date` (ngày) hoặc `note` (lý do, căn cứ)",
                suggestion="Thêm `date:` hoặc `note:` để người đọc biết vì sao.", code="lifecycle-no-grounds"))
        if own.replaced_by and self.find_plan(own.replaced_by) is None:
            self.diagnostics.append(Diagnostic(
                plan.path, self._line_of(plan.path, ("lifecycle", "replaced_by")),
                "Kế hoạch thay thế chưa có trên cổng; số hiệu được hiển thị không có liên kết.",
                field="lifecycle.replaced_by", value=own.replaced_by, severity=Severity.WARNING,
                suggestion="Kiểm tra số, ký hiệu, hoặc đăng kế hoạch thay thế.", code="unknown-plan"))
        seen: dict[str, int] = {}
        for i, task in enumerate(plan.tasks):
            if task.id:
                key = id_key(task.id)
                if key in seen:
                    self.diagnostics.append(Diagnostic(
                        plan.path, self._line_of(plan.path, ("tasks", i, "id")),
                        f"Hai nhiệm vụ cùng số hiệu (nhiệm vụ thứ {seen[key] + 1} và thứ {i + 1}); nhiệm vụ sau được gán mã {task.key}.",
                        field=f"tasks[{i}].id", value=task.id, severity=Severity.WARNING,
                        suggestion="Sửa số hiệu cho đúng văn bản.", code="duplicate-task-id"))
                else:
                    seen[key] = i
            progress = self.of(task)
            for j, update in enumerate(task.updates):
                self._check_date(plan.path, self._line_of(plan.path, ("tasks", i, "updates", j, "date")),
                                 f"tasks[{i}].updates[{j}].date", update.date, plan)
            if task.status.value == "done" and progress.history and progress.reported not in ("done", None):
                self.diagnostics.append(Diagnostic(
                    plan.path, self._line_of(plan.path, ("tasks", i, "status")),
                    f"Nhiệm vụ ghi «done» nhưng cập nhật mới nhất lại là «{progress.reported}».",
                    field=f"tasks[{i}].status", value="done", severity=Severity.WARNING,
                    suggestion="Thêm một cập nhật `status: done` có ngày hoàn thành, hoặc bỏ `status: done`.",
                    code="status-contradiction"))
            for j, update in enumerate(task.updates):
                if update.status is not None and update.status.value == "done" and update.percent is not None \
                        and update.percent < 100:
                    self.diagnostics.append(_half_done(plan.path, self._line_of(plan.path, ("tasks", i, "updates", j, "percent")),
                                                       f"tasks[{i}].updates[{j}].percent", task.label_id, update.percent))
        if own.date is not None and own.date > self.today and own.state is not PlanState.ACTIVE:
            self.diagnostics.append(Diagnostic(
                plan.path, self._line_of(plan.path, ("lifecycle", "date")),
                "Kế hoạch được ghi là đã kết thúc (hoặc thay thế, bãi bỏ) vào một ngày chưa tới.",
                field="lifecycle.date", value=own.date.isoformat(), severity=Severity.WARNING,
                allowed="một ngày không muộn hơn hôm nay", suggestion="Kiểm tra lại ngày.", code="status-contradiction"))


def _half_done(path: str, line: int | None, field_name: str, task_id: str, percent: int) -> Diagnostic:
    return Diagnostic(
        path, line, f"Nhiệm vụ «{task_id}» được báo cáo hoàn thành nhưng tỷ lệ chỉ {percent}%.", field=field_name,
        value=percent, severity=Severity.WARNING,
        allowed="`status: done` với 100% (hoặc không ghi tỷ lệ), hoặc `status: in_progress` với tỷ lệ dưới 100%",
        suggestion="Sửa trạng thái hoặc tỷ lệ cho khớp.", code="status-contradiction")


def _from_update(update: Any) -> HistoryItem:
    return HistoryItem(update.date, update.status.value if update.status else None, update.percent, update.note,
                       update.source, None, update.due)
