"""Report documents (Báo cáo kết quả thực hiện), read from ``content/bao-cao-ket-qua/**.md``.

A report names one plan (by its number, or its file) and, for each task it reports on (by
the task's id, see :mod:`.taskids`), a result: a status, a date, a percentage, a note, or a
new deadline (gia hạn). Its results become dated updates of those tasks (:mod:`.progress`),
beside the updates written on the tasks themselves; a report marked ``closes`` ends its
plan. A report has its own page, linked both ways with its plan and each task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError

from .diagnostics import Diagnostic, Severity
from .frontmatter import FrontMatter, parse_front_matter
from .loader import decode_source, default_url, translate_error
from .model import Day, PeriodField, Signer, Text, UpdateStatus, _Document, _Model, _title
from .sanitize import body_diagnostics, field_diagnostics

__all__ = ["REPORTS_DIR", "Report", "ReportEntry", "ReportResult", "iter_report_files", "load_report", "load_reports"]

#: Default folder (and URL) of report documents in the content folder.
REPORTS_DIR = "bao-cao-ket-qua"


class ReportResult(_Model):
    """Kết quả của một nhiệm vụ trong báo cáo."""

    task: Text = Field(description="Số hiệu (mã) của nhiệm vụ trong kế hoạch, ví dụ «II.3.1»; xem mã ở trang kế hoạch.")
    status: UpdateStatus | None = Field(
        None, description="in_progress (đang thực hiện) | done (hoàn thành) | cancelled (dừng hoặc hủy; ghi lý do ở «note»)."
    )
    date: Day | None = Field(None, description="Ngày hoàn thành (hoặc ngày của thông tin); bỏ trống thì lấy ngày báo cáo.")
    percent: int | None = Field(None, ge=0, le=100, description="Tỷ lệ hoàn thành, từ 0 đến 100 (nếu có).")
    note: Text | None = Field(None, description="Kết quả đạt được, hoặc lý do dừng, hủy, gia hạn.")
    due: PeriodField | None = Field(None, description="Gia hạn: thời hạn mới của nhiệm vụ.")


class Report(_Document):
    """Phần khai báo đầu tệp của một báo cáo kết quả thực hiện kế hoạch."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, field_title_generator=_title, title="Báo cáo",
        json_schema_extra={"description": "Báo cáo kết quả thực hiện một kế hoạch trên Cổng kế hoạch."},
    )

    doc_type: Text = Field("Báo cáo", description="Tên loại văn bản.")
    number: Text | None = Field(None, description="Số, ký hiệu, ví dụ «25/BC-UBND».")
    issued: Day = Field(description="Ngày báo cáo, ví dụ 2024-03-15.")
    place: Text | None = Field(None, description="Địa danh.")
    issuer: Text = Field(description="Cơ quan báo cáo: mã (id) hoặc tên trong danh mục cơ quan.")
    summary: Text = Field(description="Trích yếu nội dung.")
    signer: Signer | None = Field(None, description="Người ký.")
    plan: Text = Field(description="Kế hoạch được báo cáo: số, ký hiệu («48/KH-UBND») hoặc đường dẫn tệp («ke-hoach/2023/a.md»).")
    closes: bool = Field(False, description="true nếu đây là báo cáo tổng kết: kế hoạch kết thúc vào ngày báo cáo.")
    results: list[ReportResult] = Field(default_factory=list, description="Kết quả từng nhiệm vụ.")

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.issued, self.number or "", self._path)


@dataclass
class ReportEntry:
    """One report file: its validated front matter (or ``None``), body and problems."""

    path: str
    url: str
    report: Report | None
    front: FrontMatter
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report is not None

    @property
    def title(self) -> str:
        return self.report.title if self.report else Path(self.path).stem


def load_report(text: str, rel_path: str, url: str | None = None) -> ReportEntry:
    """Validate one report file's text; never raises on bad content."""
    front = parse_front_matter(text, rel_path)
    entry = ReportEntry(rel_path, default_url(rel_path) if url is None else url, None, front, list(front.problems))
    markup = body_diagnostics(front.body, rel_path, front.body_line)
    if not front.has_front_matter or front.problems:
        if not front.has_front_matter:
            entry.diagnostics.append(Diagnostic(rel_path, 1, "Báo cáo thiếu phần khai báo đầu tệp.",
                                                suggestion="Bắt đầu tệp bằng «---», các dòng `plan:`, `issued:`, …, rồi «---».",
                                                code="missing-front-matter"))
        entry.diagnostics.extend(markup)
        return entry
    try:
        report = Report.model_validate(front.data)
    except ValidationError as exc:
        entry.diagnostics.extend(translate_error(e, front, rel_path, model=Report) for e in exc.errors())
    else:
        report._path, report._url = rel_path, entry.url
        entry.report = report
        for i, result in enumerate(report.results):
            if result.due is not None and not result.due.ok:
                entry.diagnostics.append(Diagnostic(
                    rel_path, front.line_of(("results", i, "due")), "Không đọc được thời hạn mới (gia hạn).",
                    field=f"results[{i}].due", value=result.due.text, severity=Severity.WARNING,
                    suggestion="Viết dạng 2024-12-31 hoặc «Quý IV/2024».", code="bad-period"))
    entry.diagnostics.extend(field_diagnostics(front.data, front.line_of, rel_path) + markup)
    return entry


def iter_report_files(content_dir: Path, reports_dir: str = REPORTS_DIR) -> list[tuple[Path, str]]:
    """Every report file below ``content_dir/reports_dir`` (an ``index.md`` at its top is an intro), sorted."""
    root = content_dir / reports_dir
    if not root.is_dir():
        return []
    return [(p, p.relative_to(content_dir).as_posix()) for p in sorted(root.rglob("*.md"))
            if not (p.name == "index.md" and p.parent == root)]


def load_reports(files: list[tuple[Path, str]], url_for=None) -> list[ReportEntry]:  # type: ignore[no-untyped-def]
    """Load the given report files (``(path, rel_path)``); ``url_for`` maps a rel_path to its page URL."""
    out = []
    for path, rel in files:
        try:
            raw = path.read_bytes()
        except OSError:
            out.append(ReportEntry(rel, default_url(rel), None, FrontMatter(),
                                   [Diagnostic(rel, None, "Không đọc được tệp (không có quyền đọc, hoặc tệp đang bị khóa).",
                                              suggestion="Kiểm tra quyền đọc tệp rồi chạy lại.", code="unreadable")]))
            continue
        text, problem = decode_source(raw, rel)
        entry = load_report(text, rel, url_for(rel) if url_for else None)
        if problem is not None:
            entry.diagnostics.insert(0, problem)
        out.append(entry)
    return out
