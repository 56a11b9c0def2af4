"""Every Vietnamese label and date format the Python side produces (Babel for the calendar words).

Status labels live with the status rules in :mod:`plan_portal.core.status` (:func:`status_label`
reads them there); period labels ("Quý III/2024") are computed by :class:`~plan_portal.core.periods.Period`.
Templates reach these through the ``vi_*`` filters.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from babel.dates import format_date

from . import status as statuses
from .periods import Period, Precision, parse_period

__all__ = [
    "KIND_LABELS", "UNKNOWN_YEAR", "any_date", "event_time", "issued_label", "kind_label", "long_date", "month_label", "month_short", "span_label",
    "numbered_description", "numbered_title", "ref_date", "short_date", "status_label",
]

#: The kinds of timeline entries, in the order the timeline counts them.
KIND_LABELS = {"issued": "Ban hành", "event": "Sự kiện", "deadline": "Thời hạn"}

#: A plan with no known year, in the year filter and the year index.
UNKNOWN_YEAR = "Không rõ"



def long_date(value: date | datetime | None) -> str:
    """The form of a document's date line (Nghị định 30/2020/NĐ-CP): a day below 10 and the months 1 and 2
    take a leading zero, other months do not: "ngày 02 tháng 02 năm 2023", "ngày 20 tháng 6 năm 2025"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def in_sentence(label: str) -> str:
    """A period's label inside a sentence: "gia hạn đến ngày 30/9/2025", not "… đến Ngày 30/9/2025"."""
    return label[:1].lower() + label[1:] if label[:1].isupper() and not label[:2].isupper() else label


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


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def span_label(year: int, first: int, last: int) -> str:
    """A timeline group at its own precision: "Tháng 9/2024", "Quý III/2024", "Quý III–IV/2019",
    "Năm 2019", "Tháng 8–9/2024"."""
    if first == last:
        return month_label(year, last)
    if (first, last) == (1, 12):
        return f"Năm {year}"
    if first % 3 == 1 and last % 3 == 0:
        q1, q2 = (first + 2) // 3, last // 3
        quarters = _ROMAN[q1] if q1 == q2 else f"{_ROMAN[q1]}–{_ROMAN[q2]}"
        return f"Quý {quarters}/{year}"
    return f"Tháng {first}–{last}/{year}"


def month_short(year: int, month: int) -> str:
    """A month on a chart's axis: "9/2024"."""
    return f"{month}/{year}"


def numbered_title(title: str, number: int) -> str:
    """The title of page ``number`` of a listing: the first page keeps ``title``; "… — trang 2"."""
    return title if number == 1 else f"{title} — trang {number}"


def numbered_description(description: str, number: int) -> str:
    """The description of page ``number`` of a listing: "… Trang 2." after the first."""
    return description + (f" Trang {number}." if number > 1 else "")


def _day(value: date) -> str:
    return f"{value.day}/{value.month}/{value.year}"


def _hm(value: time) -> str:
    return f"{value.hour}h{value.minute:02d}"


def _one_day(period: Period | None) -> date | None:
    """The day of a period written as one day (with or without a time), else ``None``."""
    if period is None or not period.ok or period.before or period.recurrence:
        return None
    if period.precision in (Precision.DAY, Precision.MINUTE) and period.start and period.start == period.end:
        return period.start
    return None


def ref_date(period: Period) -> str:
    """A date inside a sentence, as administrative text writes it: "ngày 2/2/2023", "tháng 8/2023"."""
    day = _one_day(period)
    if day is not None:
        return f"ngày {_day(day)}"
    label = period.label if period.ok else period.text
    return label[:1].lower() + label[1:]


def event_time(start: Period, end: Period | None = None) -> str:
    """When an event happens, read naturally: "7h30–11h00, ngày 29/10/2024", "Ngày 29/10/2024",
    "Từ 7h30 ngày 1/10/2024 đến 11h00 ngày 3/10/2024"; otherwise the two labels."""
    if end is not None and (not end.ok or end.text == start.text):
        end = None
    first, last = _one_day(start), _one_day(end)
    if first is not None and (end is None or last == first):
        t1 = start.start_time
        t2 = end.start_time if end is not None else start.end_time
        if t1 and t2 and t2 != t1:
            return f"{_hm(t1)}–{_hm(t2)}, ngày {_day(first)}"
        if t1:
            return f"{_hm(t1)}, ngày {_day(first)}"
        return f"Ngày {_day(first)}"
    if first is not None and last is not None:
        a = f"{_hm(start.start_time)} ngày" if start.start_time else "ngày"
        b = f"{_hm(end.start_time)} ngày" if end.start_time else "ngày"  # type: ignore[union-attr]
        return f"Từ {a} {_day(first)} đến {b} {_day(last)}"
    label = start.label if start.ok else start.text
    if end is None:
        return label
    return f"{label} – {end.label[:1].lower() + end.label[1:]}"


def any_date(value: Any) -> str:
    """A date given as a YAML date or as text ("2023-02-20", "3/2023"), written the Vietnamese way."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _day(value)
    if value is None or value == "":
        return ""
    period = parse_period(str(value))
    if not period.ok:
        return str(value)
    day = _one_day(period)
    return _day(day) if day is not None else period.label
