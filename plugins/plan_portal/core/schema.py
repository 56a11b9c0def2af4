"""JSON Schemas generated from the model (never written by hand): the front matter editors write
(``ke-hoach.schema.json``, ``chuyen-trang.schema.json``) and the JSON export open-data users read
(``du-lieu-ke-hoach.schema.json``, published next to the export as ``du-lieu/ke-hoach.schema.json``)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .model import Day, Plan, PlanState, UpdateStatus
from .records import PeriodRecord
from .reports import Report
from .sections import Section

__all__ = ["plan_schema", "report_schema", "section_schema", "export_schema", "schema_text", "write_schemas", "SCHEMA_FILES"]

SCHEMA_FILES = {"ke-hoach.schema.json": "plan", "chuyen-trang.schema.json": "section",
                "du-lieu-ke-hoach.schema.json": "export", "bao-cao.schema.json": "report"}


def _schema(model: Any, schema_id: str, mode: str = "validation") -> dict[str, Any]:
    schema = model.model_json_schema(mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id, **schema}


class UpdateRecord(BaseModel):
    """Một lần cập nhật của nhiệm vụ, ghi trên nhiệm vụ hoặc trong một báo cáo."""

    model_config = ConfigDict(title="Cập nhật (dữ liệu mở)", extra="forbid")

    date: str = Field(title="Ngày", description="Ngày của thông tin (YYYY-MM-DD).", pattern=r"^\d{4}-\d{2}-\d{2}$")
    status: UpdateStatus | None = Field(None, title="Tình hình", description="in_progress | done | cancelled.")
    percent: int | None = Field(None, ge=0, le=100, title="Tỷ lệ hoàn thành (%)", description="Từ 0 đến 100.")
    note: str | None = Field(None, title="Ghi chú", description="Kết quả, lý do dừng, hủy hoặc gia hạn.")
    source: str | None = Field(None, title="Văn bản nguồn", description="Văn bản nguồn của thông tin.")
    report: str | None = Field(None, title="Trang báo cáo", description="Địa chỉ trang của báo cáo trên cổng, khi thông tin đến từ một báo cáo.")
    due: PeriodRecord | None = Field(None, title="Thời hạn mới", description="Gia hạn: thời hạn mới của nhiệm vụ.")


class TaskProgressRecord(BaseModel):
    """Tình hình một nhiệm vụ vào ngày dựng trang: mã, trạng thái, thời hạn đang áp dụng, lịch sử cập nhật."""

    model_config = ConfigDict(title="Tình hình nhiệm vụ (dữ liệu mở)", extra="forbid")

    id: str = Field(title="Mã nhiệm vụ", description="Mã ổn định của nhiệm vụ trong kế hoạch (neo #nv-<mã> trên trang kế hoạch).")
    status: str = Field(title="Trạng thái", description="Khóa trạng thái trong bảng trạng thái của cổng, ví dụ «done_on_time», «unreported».")
    label: str = Field(title="Nhãn trạng thái", description="Nhãn tiếng Việt, ví dụ «Hoàn thành đúng hạn».")
    due: PeriodRecord | None = Field(None, title="Thời hạn đang áp dụng", description="Có khi nhiệm vụ được gia hạn: thời hạn mới.")
    updates: list[UpdateRecord] = Field(default_factory=list, title="Lịch sử cập nhật", description="Theo thứ tự ngày.")


with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Field name .* shadows an attribute in parent", category=UserWarning)

    class PlanRecord(Plan):
        """One plan of the export: its front matter as the portal read it, with its page and source file.

        Only for the schema (``plan_record`` writes the records): ``url`` and ``path`` are fields here and
        properties of :class:`Plan`, which pydantic warns about when the class is made (silenced here).
        """

        model_config = ConfigDict(
            title="Kế hoạch (dữ liệu mở)",
            json_schema_extra={"description": "Một kế hoạch như đã đăng: phần khai báo đã được đọc (các mốc thời gian "
                               "thành đối tượng), cùng địa chỉ trang và tệp nguồn. Trường không có giá trị thì không ghi."},
        )

        url: str = Field(title="Địa chỉ trang", description="Địa chỉ trang của kế hoạch, tính từ gốc cổng, ví dụ "
                         "«ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh/».")
        path: str = Field(title="Tệp nguồn", description="Tệp Markdown của kế hoạch trong thư mục nội dung, ví dụ "
                          "«ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh.md».")
        state: PlanState = Field(PlanState.ACTIVE, title="Tình trạng kế hoạch",
                                 description="active | ended | replaced | annulled, tính cả báo cáo tổng kết.")
        status_date: str = Field("", title="Ngày tính trạng thái", description="Ngày dựng trang (YYYY-MM-DD): trạng thái tính đến ngày này.")
        progress: list[TaskProgressRecord] = Field(default_factory=list, title="Tình hình các nhiệm vụ",
                                                   description="Một mục cho mỗi nhiệm vụ, cùng thứ tự với «tasks».")


class ExportDocument(BaseModel):
    """The whole ``du-lieu/ke-hoach.json``."""

    model_config = ConfigDict(
        title="Dữ liệu các kế hoạch của Cổng kế hoạch",
        extra="forbid",
        json_schema_extra={"description": "Tệp du-lieu/ke-hoach.json: mọi kế hoạch hợp lệ, mới nhất trước. "
                           "Tài liệu từng trường: docs/du-lieu-mo.md."},
    )

    plans: list[PlanRecord] = Field(title="Các kế hoạch", description="Các kế hoạch, theo ngày ban hành, mới nhất trước.")


def plan_schema() -> dict[str, Any]:
    """The schema of a plan's front matter."""
    return _schema(Plan, "ke-hoach.schema.json")


def section_schema() -> dict[str, Any]:
    """The schema of a chuyên trang's ``index.md`` front matter."""
    return _schema(Section, "chuyen-trang.schema.json")


def report_schema() -> dict[str, Any]:
    """The schema of a report document's front matter (``bao-cao-ket-qua/**.md``)."""
    return _schema(Report, "bao-cao.schema.json")


def export_schema() -> dict[str, Any]:
    """The schema of the JSON export ``du-lieu/ke-hoach.json`` (what :func:`~plan_portal.core.exports.json.plan_record` writes)."""
    schema = _schema(ExportDocument, "du-lieu-ke-hoach.schema.json", mode="serialization")
    # a plan's url and path come first in each record; Plan's own required fields stay required
    record = schema["$defs"]["PlanRecord"]
    record["required"] = ["url", "path", *[r for r in record.get("required", []) if r not in ("url", "path")]]
    return schema


SCHEMAS = {"plan": plan_schema, "section": section_schema, "export": export_schema, "report": report_schema}


def schema_text(kind: str) -> str:
    """A schema as the text of its file (committed in ``schema/``, published for the export)."""
    return json.dumps(SCHEMAS[kind](), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, kind in SCHEMA_FILES.items():
        path = folder / name
        path.write_text(schema_text(kind), encoding="utf-8")
        out.append(path)
    return out
