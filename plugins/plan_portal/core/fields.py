"""The field types of the model (:mod:`.model`): Vietnamese field names, the cleaning and parsing
validators, and the annotated types (``Text``, ``PeriodField``, ``AgencyNames``, ``Day``) with the JSON
Schema each shows editors.

Moved out of :mod:`.model` unchanged (issue 14: no source file over about 400 lines); every name is
still importable from :mod:`.model`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, ValidationInfo, WithJsonSchema

from .periods import Period, parse_period
from .records import period_record_schema
from .text import clean

FIELD_LABELS: dict[str, str] = {
    "doc_type": "loại văn bản",
    "number": "số, ký hiệu",
    "issued": "ngày ban hành",
    "place": "địa danh",
    "issuer": "cơ quan ban hành",
    "issuer_kind": "loại cơ quan ban hành",
    "summary": "trích yếu",
    "signer": "người ký",
    "special": "chuyên trang",
    "basis": "căn cứ",
    "recipients": "nơi nhận",
    "tasks": "nhiệm vụ",
    "events": "sự kiện",
    "title": "tiêu đề",
    "lead": "cơ quan chủ trì",
    "support": "cơ quan phối hợp",
    "due": "thời hạn",
    "status": "trạng thái",
    "start": "bắt đầu",
    "end": "kết thúc",
    "attendees": "số đại biểu",
    "authority": "thẩm quyền ký",
    "name": "họ tên",
    "relation": "quan hệ",
    "anniversaries": "các dịp kỷ niệm",
    "label": "tên dịp kỷ niệm",
    "since": "mốc gốc",
    "on": "ngày kỷ niệm",
    "banner": "ảnh băng rôn",
    "accent": "màu nhấn",
    "milestones": "các mốc lịch sử",
    "date": "thời điểm",
    "text": "mô tả",
    "id": "số hiệu nhiệm vụ",
    "updates": "cập nhật kết quả",
    "percent": "tỷ lệ hoàn thành (%)",
    "note": "ghi chú",
    "source": "văn bản nguồn",
    "lifecycle": "tình trạng kế hoạch",
    "state": "tình trạng",
    "report": "báo cáo tổng kết",
    "replaced_by": "được thay thế bởi",
    "plan": "kế hoạch",
    "results": "kết quả",
    "task": "nhiệm vụ",
    "closes": "báo cáo tổng kết",
    "attachments": "tệp đính kèm",
    "file": "tệp",
    "kind": "loại tệp",
}
"""Vietnamese names of the front matter keys: JSON Schema titles and error messages."""


def _title(name: str, _info: Any) -> str:
    label = FIELD_LABELS.get(name, name)
    return label[:1].upper() + label[1:]


def _clean_text(value: Any) -> Any:
    """NFC and space clean-up for strings; other types pass through to fail type checks."""
    return clean(value) if isinstance(value, str) else value


def _to_period(value: Any, info: ValidationInfo) -> Any:
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, (str, date, datetime, int)) and not isinstance(value, bool):
        default_year = (info.context or {}).get("default_year") if info else None
        return parse_period(value, default_year=default_year)
    return value  # wrong type: let pydantic report it


def _to_day(value: Any) -> Any:
    """A calendar day: a YAML date, «2024-03-15» or «15/3/2024»; anything coarser fails."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str) and value.strip():
        period = parse_period(value)
        if period.ok and period.start is not None and period.start == period.end:
            return period.start
        raise ValueError("phải là một ngày cụ thể, ví dụ 2024-03-15 hoặc 15/3/2024")
    return value


def _one_or_many(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    return value


_PERIOD_INPUT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ],
    "description": "Ngày (2024-09-15 hoặc 15/9/2024), tháng (2024-09, tháng 9/2024), quý (2024-Q3, Quý III/2024), "
    "năm (2024), khoảng (Từ tháng 3/2023 đến tháng 9/2023, 2024-03/2024-09), «trước ngày 13/8/2021», «thường xuyên».",
}

Text = Annotated[str, BeforeValidator(_clean_text), Field(min_length=1)]
"""A non-empty, NFC-normalised string."""

PeriodField = Annotated[
    Period,
    BeforeValidator(_to_period),
    WithJsonSchema(_PERIOD_INPUT_SCHEMA, mode="validation"),
    # As published in the JSON export: the object of Period.to_json (records.py).
    WithJsonSchema(period_record_schema(), mode="serialization"),
    PlainSerializer(lambda p: p.to_json(), return_type=dict, when_used="always"),
]
"""A date, month, quarter, year, interval or Vietnamese wording, parsed into a :class:`Period`."""

_NAMES_SCHEMA = {
    "anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string", "minLength": 1}}],
}
AgencyNames = Annotated[list[Text], BeforeValidator(_one_or_many), WithJsonSchema(_NAMES_SCHEMA, mode="validation")]
"""One name or a list of names."""


Day = Annotated[
    date,
    BeforeValidator(_to_day),
    WithJsonSchema({"type": "string", "minLength": 8, "description": "Một ngày: 2024-03-15 hoặc 15/3/2024."},
                   mode="validation"),
]
"""One calendar day (the date of an update or a report)."""
