"""Every Vietnamese label and date format the Python side produces (Babel for the calendar words).

Status labels live with the status rules in :mod:`plan_portal.core.status` (:func:`status_label`
reads them there); period labels ("Quý III/2024") are computed by :class:`~plan_portal.core.periods.Period`.
Templates reach these through the ``vi_*`` filters.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from . import status as statuses
from .periods import Period, Precision

__all__ = [
    "KIND_LABELS", "UNKNOWN_YEAR", "issued_label", "kind_label", "long_date", "month_label", "month_short",
    "numbered_description", "numbered_title", "short_date", "status_label",
]

#: The kinds of timeline entries, in the order the timeline counts them.
KIND_LABELS = {"issued": "Ban hành", "event": "Sự kiện", "deadline": "Thời hạn"}

#: A plan with no known year, in the year filter and the year index.
UNKNOWN_YEAR = "Không rõ"

_LONG = "'ngày' dd 'tháng' MM 'năm' yyyy"


def long_date(value: date | datetime | None) -> str:
    """The form of a document's date line: "ngày 20 tháng 02 năm 2023"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, _LONG, locale="vi")


def short_date(value: date | None) -> str:
    """"20/02/2023"."""
    return format_date(value, "dd/MM/yyyy", locale="vi") if value else ""


def issued_label(period: Period, inline: bool = False) -> str:
    """A plan's issue date: the long form when exact; otherwise what is known, saying the document has no date.

    ``inline`` lower-cases the first letter, for the "Cẩm Phả, …" line of the header.
    """
    if period.ok and period.precision in (Precision.DAY, Precision.MINUTE) and period.start and not period.before:
        return long_date(period.start)
    label = period.label if period.ok else period.text
    text = f"{label} (văn bản không ghi ngày)" if period.ok else label
    return text[:1].lower() + text[1:] if inline else text


def status_label(status: str) -> str:
    return statuses.label(status)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def month_label(year: int, month: int) -> str:
    """A month heading of the timeline: "Tháng 9/2024"."""
    return f"Tháng {month}/{year}"


def month_short(year: int, month: int) -> str:
    """A month on a chart's axis: "9/2024"."""
    return f"{month}/{year}"


def numbered_title(title: str, number: int) -> str:
    """The title of page ``number`` of a listing: the first page keeps ``title``; "… — trang 2"."""
    return title if number == 1 else f"{title} — trang {number}"


def numbered_description(description: str, number: int) -> str:
    """The description of page ``number`` of a listing: "… Trang 2." after the first."""
    return description + (f" Trang {number}." if number > 1 else "")
