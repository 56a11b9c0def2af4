"""Progress after signing (issue 15), without MkDocs: task ids, updates and reports merged into one
history, extensions, finished on time or late, plan lifecycles, and what ``check`` reports."""

from __future__ import annotations

from datetime import date

import pytest

from plan_portal.core.model import Plan
from plan_portal.core.progress import Progress
from plan_portal.core.reports import load_report
from plan_portal.core.taskids import id_key, task_keys

TODAY = date(2025, 6, 30)


def plan(tasks: list[dict], **extra) -> Plan:
    p = Plan.model_validate({"number": "15/KH-UBND", "issued": "2025-01-10", "issuer": "UBND huyện Mẫu",
                             "summary": "Thử", "tasks": tasks, **extra})
    p._path, p._url = "ke-hoach/a.md", "ke-hoach/a/"
    return p


def report(front: str, path: str = "bao-cao-ket-qua/r.md"):
    return load_report(f"---\nissued: 2025-06-20\nissuer: UBND huyện Mẫu\nsummary: Sơ kết\n{front}---\nNội dung.\n", path)


# -- ids ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "key"), [
    ("II.3.1", "ii-3-1"), ("ii-3-1", "ii-3-1"), ("Mục 2", "muc-2"), ("1", "1"), ("Đ.4", "d-4"),
])
def test_a_written_id_is_compared_in_its_folded_form(written, key):
    assert id_key(written) == key


def test_generated_ids_survive_insertion_and_reordering():
    a = plan([{"title": "Xây dựng kế hoạch tuyên truyền kỷ niệm 60 năm"}, {"title": "Tổ chức lễ mít tinh"}])
    b = plan([{"title": "Việc mới chèn vào đầu"}, {"title": "Tổ chức lễ mít tinh"},
              {"title": "Xây dựng kế hoạch tuyên truyền kỷ niệm 60 năm"}])
    keys_a = {t.title: t.key for t in a.tasks}
    keys_b = {t.title: t.key for t in b.tasks}
    assert all(keys_b[title] == key for title, key in keys_a.items())
    assert a.tasks[0].anchor == "nv-xay-dung-ke-hoach-tuyen-truyen"


def test_colliding_ids_get_a_suffix_in_document_order():
    tasks = [{"title": "Báo cáo kết quả về UBND tỉnh lần một"}, {"id": "II.1", "title": "x"},
             {"title": "Báo cáo kết quả về UBND tỉnh lần hai"}, {"id": "II.1", "title": "y"}]
    p = plan(tasks)
    assert [t.key for t in p.tasks] == ["bao-cao-ket-qua-ve-ubnd", "ii-1", "bao-cao-ket-qua-ve-ubnd-2", "ii-1-2"]
    assert len(set(task_keys(p.tasks))) == 4
    problems = Progress([p], today=TODAY).diagnostics
    assert [d.code for d in problems] == ["duplicate-task-id"] and problems[0].field == "tasks[3].id"


# -- one history from two sources ----------------------------------------------------------------------------

def test_updates_and_reports_feed_one_history_and_the_status_marks():
    p = plan([
        {"id": "I.1", "title": "a", "due": "trước 31/3/2025"},
        {"id": "I.2", "title": "b", "due": "28/02/2025"},
        {"id": "II.1", "title": "c", "due": "30/4/2025"},
        {"id": "III.1", "title": "d", "due": "tháng 6/2025",
         "updates": [{"date": "15/4/2025", "status": "cancelled", "note": "Gộp vào hội thi cấp tỉnh", "source": "CV 120"}]},
    ])
    r = report("plan: 15/kh-ubnd\nresults:\n"
               "  - {task: I.1, status: done, date: 2025-03-20}\n"
               "  - {task: i-2, status: done, date: 2025-03-15}\n"
               "  - {task: II.1, status: in_progress, percent: 40, due: 30/9/2025}\n")
    progress = Progress([p], [r], TODAY)
    assert progress.diagnostics == []
    on_time, late, extended, cancelled = (progress.of(t) for t in p.tasks)
    assert on_time.marks() == {"marked_done", "finished_on_time"}
    assert late.marks() == {"marked_done", "finished_late"} and late.finished_on == date(2025, 3, 15)
    assert extended.due.end == date(2025, 9, 30) and extended.original_due.end == date(2025, 4, 30)
    assert extended.extension.report is r.report and extended.percent == 40 and extended.marks() == {"marked_in_progress"}
    assert cancelled.reason == "Gộp vào hội thi cấp tỉnh" and cancelled.last.source_label == "CV 120"
    assert progress.by_plan["ke-hoach/a.md"] == [r.report]
    assert [t.key for _, t in progress.report_tasks[r.path]] == ["i-1", "i-2", "ii-1"]


def test_a_closing_report_ends_the_plan_and_its_silent_tasks_are_unreported():
    p = plan([{"id": "1", "title": "a", "due": "21/4/2024"}, {"id": "2", "title": "b", "due": "31/5/2024"}])
    r = report("plan: ke-hoach/a.md\ncloses: true\nresults:\n  - {task: '1', status: done, date: 2024-04-20}\n")
    progress = Progress([p], [r], TODAY)
    life = progress.lifecycle(p)
    assert life.state.value == "ended" and life.date == date(2025, 6, 20) and life.report is r.report
    assert progress.marks(p, p.tasks[1]) == {"plan_closed"}


@pytest.mark.parametrize(("lifecycle", "marks"), [
    ({"state": "ended", "note": "Lễ đã diễn ra"}, {"plan_closed"}),
    ({"state": "replaced", "replaced_by": "15/KH-UBND", "date": "2025-03-01"}, {"plan_closed"}),
    ({"state": "annulled", "date": "2025-03-01"}, {"plan_annulled"}),
    ({"state": "active"}, set()),
])
def test_lifecycle_marks(lifecycle, marks):
    p = plan([{"title": "a", "due": "2025-02-01"}], lifecycle=lifecycle)
    assert Progress([p], today=TODAY).marks(p, p.tasks[0]) == marks


# -- what check reports --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("front", "code", "field", "hint"), [
    ("plan: 15/KH-UBN\n", "unknown-plan", "plan", "15/KH-UBND"),
    ("plan: 15/KH-UBND\nresults:\n  - {task: II.4, status: done}\n", "unknown-task", "results[0].task", "II.1"),
    ("plan: 15/KH-UBND\nresults:\n  - {task: II.1, status: done, date: 2024-12-01}\n", "update-before-plan", "results[0].date", None),
    ("plan: 15/KH-UBND\nresults:\n  - {task: II.1, status: done, date: 2025-06-25}\n", "result-after-report", "results[0].date", None),
    ("plan: 15/KH-UBND\nresults:\n  - {task: II.1, status: done, percent: 60}\n", "status-contradiction", "results[0].percent", None),
])
def test_check_reports_bad_reports_with_file_line_and_a_suggestion(front, code, field, hint):
    p = plan([{"id": "II.1", "title": "a", "due": "30/4/2025"}])
    r = report(front)
    found = [d for d in Progress([p], [r], TODAY).diagnostics if d.code == code]
    assert len(found) == 1, [d.format() for d in Progress([p], [r], TODAY).diagnostics]
    d = found[0]
    assert d.field == field and d.line is not None and d.path in ("bao-cao-ket-qua/r.md", "ke-hoach/a.md")
    if hint:
        assert f"`{hint}`" in d.suggestion


def test_an_update_in_the_future_is_reported():
    p = plan([{"title": "a", "updates": [{"date": "2025-07-15", "status": "done"}]}])
    codes = [d.code for d in Progress([p], today=TODAY).diagnostics]
    assert codes == ["update-in-future"]


def test_an_update_date_must_be_a_day():
    with pytest.raises(ValueError, match="ngày cụ thể"):
        plan([{"title": "a", "updates": [{"date": "tháng 3/2025", "status": "done"}]}])
