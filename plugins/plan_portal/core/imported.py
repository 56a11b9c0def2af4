"""What an import left for the editor: ``# TODO`` comments and tasks without a lead.

``plan-portal import`` writes a ``# TODO: …`` comment above every value it is not sure of.
Until the editor has checked the value and deleted the comment, the plan is not finished:
each comment is a warning pointing at its line (``--strict`` fails on it). A task without
a lead agency is also a warning: a published task must say who does it.
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostic, Severity
from .frontmatter import FrontMatter
from .model import Plan

__all__ = ["import_diagnostics"]

_TODO = re.compile(r"^\s*#\s*TODO\b\s*:?\s*(.*)$")


def import_diagnostics(text: str, front: FrontMatter, plan: Plan | None, rel_path: str) -> list[Diagnostic]:
    """Warnings for the ``# TODO`` comments in the front matter and for tasks with no lead."""
    out: list[Diagnostic] = []
    lines = text.replace("\r\n", "\n").split("\n")
    for number, line in enumerate(lines[: max(front.body_line - 1, 0)], start=1):
        match = _TODO.match(line)
        if match:
            out.append(Diagnostic(
                rel_path, number, f"Còn ghi chú chưa xử lý từ lúc nhập văn bản: {match.group(1).strip() or 'TODO'}",
                suggestion="Kiểm tra giá trị ngay dưới dòng này, sửa nếu cần, rồi xóa dòng «# TODO».",
                severity=Severity.WARNING, code="import-todo",
            ))
    if plan is not None:
        for i, task in enumerate(plan.tasks):
            if not task.lead:
                out.append(Diagnostic(
                    rel_path, front.line_of(("tasks", i)), "Nhiệm vụ chưa có đơn vị chủ trì.",
                    field=f"tasks[{i}].lead", value=task.title,
                    allowed="tên hoặc mã (id) của cơ quan chủ trì trong co-quan.yml",
                    suggestion="Thêm dòng `lead: …` vào nhiệm vụ này.",
                    severity=Severity.WARNING, code="task-no-lead",
                ))
    return out
