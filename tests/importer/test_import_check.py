"""An imported plan is not finished until its TODOs are handled: ``plan-portal check`` says so.

Also: the import report is Vietnamese only and ranks what to check first; a deadline the
document does not give is never a TODO.
"""

from __future__ import annotations

import re

from plan_portal.cli import main as portal_main
from plan_portal.importer import import_text

PLAN = """\
ỦY BAN NHÂN DÂN
HUYỆN PHONG THỔ
Số: 12/KH-UBND
Phong Thổ, ngày 10 tháng 9 năm 2024
KẾ HOẠCH
Tổ chức Ngày hội văn hóa
I. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin huyện: chuẩn bị nội dung, hoàn thành trước ngày 30/9/2024.
2. Chuẩn bị hội trường, hoàn thành trước ngày 5/10/2024.
3. Phòng Tài chính - Kế hoạch huyện: bố trí kinh phí.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Tẩn Văn Tả
"""


def test_no_deadline_is_not_a_todo_but_a_missing_lead_is():
    result = import_text(PLAN)
    todos = [message for _, message in result.todos]
    assert not [m for m in todos if "thời hạn" in m]
    assert [m for m in todos if "chủ trì" in m], todos  # task 2 names no body: the editor must choose one
    assert any("không ghi thời hạn" in p for p in result.problems)


def test_report_ranks_todos_first_and_is_vietnamese():
    result = import_text(PLAN.replace("Số: 12/KH-UBND\n", ""))
    problems = result.problems
    todo_lines = [p for p in problems if not p.endswith("(để biết)") and "không ghi thời hạn" not in p]
    # The document's number (identifies it) comes before the tasks; remarks come after TODOs.
    assert problems.index(todo_lines[0]) == 0 and "số, ký hiệu" in problems[0]
    assert problems[-1].startswith("[nhiệm vụ]") and "không ghi thời hạn" in problems[-1]
    english = re.compile(r"\b(?:Input|should|valid|string|Field|required|missing|value)\b")
    assert not [p for p in problems if english.search(p)]


def test_model_complaints_are_vietnamese():
    result = import_text(PLAN)
    result.record["summary"] = ["not", "a", "string"]
    _, problems = result.to_json_record()
    assert problems and all("Input should" not in p for p in problems)
    assert any("đoạn văn bản" in p for p in problems), problems


def test_check_warns_on_import_todos_and_tasks_without_lead(tmp_path, capsys):
    result = import_text(PLAN)
    plan_file = tmp_path / "ke-hoach" / "2024" / "12-kh-ubnd.md"
    plan_file.parent.mkdir(parents=True)
    text = result.to_markdown()
    plan_file.write_text(text, encoding="utf-8")
    todo_lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith("# TODO")]
    assert todo_lines

    assert portal_main(["check", "--relative", str(tmp_path)]) == 0  # warnings only
    out = capsys.readouterr().out
    assert f"12-kh-ubnd.md:{todo_lines[0]}: cảnh báo: Còn ghi chú chưa xử lý từ lúc nhập văn bản" in out
    assert "cảnh báo: trường `tasks[1].lead`: Nhiệm vụ chưa có đơn vị chủ trì." in out
    assert portal_main(["check", "--strict", str(tmp_path)]) == 1
    capsys.readouterr()

    # Handled: TODO comments removed and a lead given; neither warning is left.
    done = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("# TODO")) + "\n"
    done = done.replace("- title: Chuẩn bị hội trường", "- lead: Văn phòng HĐND và UBND huyện\n    title: Chuẩn bị hội trường")
    assert done != text
    plan_file.write_text(done, encoding="utf-8")
    portal_main(["check", "--strict", str(tmp_path)])
    out = capsys.readouterr().out
    assert "Còn ghi chú chưa xử lý" not in out and "chưa có đơn vị chủ trì" not in out
