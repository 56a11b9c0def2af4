"""Vietnamese presentation of dates and statuses (Babel for the calendar words)."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from . import status as statuses
from .catalog import KIND_LABELS
from .periods import Period, Precision

__all__ = ["long_date", "short_date", "issued_label", "status_label", "kind_label"]

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
