"""The shape of what the portal publishes as data, where it differs from the front matter.

A period is written by editors as text ("trước 25/3/2023", "Quý III/2024") and published in the
JSON export as the object :meth:`Period.to_json <plan_portal.core.periods.Period.to_json>` returns:
:class:`PeriodRecord` describes that object, for the export's JSON Schema (``plan-portal schema``,
``du-lieu/ke-hoach.schema.json``, made in :mod:`plan_portal.core.schema`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, TypeAdapter
from typing_extensions import NotRequired, TypedDict

__all__ = ["PeriodRecord", "period_record_schema"]

_Day = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
_Time = Annotated[str, Field(pattern=r"^\d{2}:\d{2}$")]


class PeriodRecord(TypedDict):
    """Một mốc thời gian đã được đọc: nguyên văn, ngày đầu, ngày cuối, độ chính xác và nhãn hiển thị."""

    __pydantic_config__ = ConfigDict(title="Thời gian (đã đọc)", extra="forbid")  # type: ignore[misc]

    text: Annotated[str, Field(title="Nguyên văn", description="Nguyên văn như trong văn bản, ví dụ «trước 25/3/2023».")]
    start: Annotated[_Day | None, Field(title="Ngày đầu", description="Ngày đầu tiên (YYYY-MM-DD); null nếu không có (ví dụ «trước 25/3/2023»).")]
    end: Annotated[_Day | None, Field(title="Ngày cuối", description="Ngày cuối cùng, tính cả ngày đó (YYYY-MM-DD); null nếu không có (ví dụ «từ tháng 7/2024»).")]
    precision: Annotated[Literal["minute", "day", "month", "quarter", "year", "unknown"], Field(
        title="Độ chính xác",
        description="Văn bản ghi đến phút, ngày, tháng, quý hay năm; «unknown» khi không có ngày (thường xuyên) hoặc không đọc được.")]
    label: Annotated[str, Field(title="Nhãn", description="Nhãn tiếng Việt hiển thị trên cổng, ví dụ «Quý III/2024».")]
    start_time: NotRequired[Annotated[_Time, Field(title="Giờ bắt đầu", description="Giờ bắt đầu (HH:MM), giờ Việt Nam (UTC+7).")]]
    end_time: NotRequired[Annotated[_Time, Field(title="Giờ kết thúc", description="Giờ kết thúc (HH:MM), giờ Việt Nam (UTC+7).")]]
    before: NotRequired[Annotated[Literal[True], Field(title="Hạn chót", description="Có mặt khi là hạn chót không có ngày đầu («trước», «chậm nhất», «hạn»).")]]
    ongoing: NotRequired[Annotated[Literal[True], Field(title="Thường xuyên", description="Có mặt khi là việc thường xuyên hoặc không có ngày cuối.")]]
    recurrence: NotRequired[Annotated[Literal["monthly", "yearly"], Field(title="Lặp lại", description="«monthly»: hằng tháng; «yearly»: hằng năm.")]]
    recurrence_day: NotRequired[Annotated[int, Field(ge=1, le=31, title="Ngày trong tháng", description="Ngày trong tháng của việc hằng tháng («trước ngày 15 hằng tháng» → 15).")]]
    error: NotRequired[Annotated[str, Field(title="Lỗi", description="Vì sao không đọc được; khi đó start và end là null.")]]


def period_record_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`PeriodRecord`: how each period of the model appears in the export schema."""
    return TypeAdapter(PeriodRecord).json_schema(mode="serialization")
