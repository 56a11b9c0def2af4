"""The words of periods: precisions, Roman numerals, the forms an editor may write, the statuses."""

from __future__ import annotations

import calendar
from datetime import date
from enum import Enum

from ..status import status_keys


#: What an editor may write, shown at the end of every parse error.
ACCEPTED_FORMS = (
    "Dùng ngày (13/8/2021 hoặc 2021-08-13), tháng (9/2024), quý (Quý III/2024), năm (2024), "
    "khoảng (Từ tháng 3/2023 đến tháng 9/2023) hoặc «thường xuyên»."
)

#: Every value :meth:`Period.status` can return.
STATUSES = status_keys("task")

# Only the beginning of a long value is read: the leading period wins anyway.
_MAX_SCAN = 1000


class Precision(str, Enum):
    """How precisely a period was written; its label is shown at this precision."""

    MINUTE = "minute"
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    UNKNOWN = "unknown"


# Finest first; an interval takes the coarser (higher rank) of its two ends.
_RANK = {
    Precision.MINUTE: 0,
    Precision.DAY: 1,
    Precision.MONTH: 2,
    Precision.QUARTER: 3,
    Precision.YEAR: 4,
    Precision.UNKNOWN: 5,
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


# --------------------------------------------------------------------------- calendar


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_end(d: date) -> date:
    return d.replace(day=_last_day(d.year, d.month))


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1
