"""Deadlines and periods as Vietnamese plans write them, parsed into one model.

Real plans rarely give a plain date. They write "trước ngày 13/8/2021",
"Trong tháng 8, 9/2024", "Quý III- IV/2019", "Từ tháng 7/2024",
"Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024" or
"Tháng 12/2013 và thường xuyên". :func:`parse_period` turns any of these (and the
ISO forms ``2024``, ``2024-09``, ``2024-Q3``, ``2024-09-15``, ``2024-09-15T07:30``,
``2024-03/2024-09``, ``2024-07/..``, ``../2024-07``, YAML dates, datetimes and int
years) into a :class:`Period`. It never raises: wording it cannot read gives a
period with a Vietnamese :attr:`Period.error` and the raw text kept for display.

Decisions worth knowing (each one is tested):

* Day/month order is Vietnamese: ``8/9/2024`` is 8 September, never August 9.
* The *leading* period wins: "Tháng 8/2020 Nhân dịp kỷ niệm … (28/8/1945-28/8/2020)"
  is August 2020; the dates in the trailing explanation are ignored. Words before
  the period ("Thời gian hoàn thành:", "Hồ sơ … xong", "Dự kiến") are ignored too,
  except the modifiers listed below.
* "trước X" is exclusive: "trước tháng 9/2024" ends 2024-08-31 and
  "trước ngày 13/8/2021" ends 2021-08-12. "chậm nhất X", "đến X", "hạn X" and
  "không muộn hơn X" are inclusive: "đến năm 2020" ends 2020-12-31. All of them
  set ``before`` (a deadline with an open start).
* "Từ X" without an end is open-ended and ``ongoing``; "X và thường xuyên" starts
  at X and stays open (``end`` None, ``ongoing``).
* Sub-month wording keeps MONTH precision with a narrower window: "Đầu tháng"
  (thượng tuần) = days 1–10, "Trung tuần"/"Giữa tháng" = 11–20, "Cuối tháng"
  (hạ tuần) = 21–end. Likewise "Đầu năm" = Jan–Mar, "Cuối năm" = Oct–Dec and
  "6 tháng đầu/cuối năm" = Jan–Jun / Jul–Dec at YEAR precision. The label shows
  the same words back, never a day.
* An interval's precision is the *coarser* of its two ends ("Từ ngày 15/3/2023
  đến tháng 10/2023" is labelled at month precision) so no precision is invented.
* "hàng/hằng tháng" and "hàng/hằng năm" are recurrences; "trước ngày 15 hàng
  tháng" has ``recurrence_day`` 15. A yearly recurrence with a day or month
  ("ngày 30/10 hằng năm") is anchored in ``default_year`` when one is given.
* ``default_year`` is only used for a period written without a year; a missing
  year at either end of a range is taken from the other end first.

The :attr:`Period.label` is computed from the dates and the precision; the original
wording is consulted only to choose the lead word of a deadline ("Trước",
"Chậm nhất" or "Đến") and to echo "thường xuyên" (or "Liên tục", "Hằng quý" …).

Status (:meth:`Period.status`): the task rules of :mod:`plan_portal.core.status`; a
period whose window contains today and whose end is further than ``soon_days`` away is
``"ongoing"`` (not ``"upcoming"``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from plan_portal.core.diagnostics import show_value
from plan_portal.core.status import SOON_DAYS, period_status, status_keys
from plan_portal.core.text import clean, fold

__all__ = ["ACCEPTED_FORMS", "Precision", "Period", "STATUSES", "parse_period"]

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


# --------------------------------------------------------------------------- helpers


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_end(d: date) -> date:
    return d.replace(day=_last_day(d.year, d.month))


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _fmt_day(d: date) -> str:
    """``d/m/yyyy`` without leading zeros: the one day format of every label."""
    return f"{d.day}/{d.month}/{d.year}"


def _fmt_time(t: time) -> str:
    """``7h30``, ``11h00``."""
    return f"{t.hour}h{t.minute:02d}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# First deadline keyword of a wording decides between exclusive "trước" and the
# inclusive words. Shared by the parser and the label so that they always agree.
_DEADLINE_WORD = re.compile(
    r"\b(?:(?:den|toi)\s+)?(?P<truoc>truoc)\b|\b(?P<cham>cham nhat|muon nhat)\b"
    r"|\b(?P<khong>khong (?:muon|cham|qua) hon)\b|\b(?P<han>han chot|han cuoi|han)\b|\b(?P<den>den)\b"
)


def _deadline_word(text: str) -> str:
    """``"truoc"``, ``"cham"``, ``"khong"``, ``"han"`` or ``"den"`` (the default).

    The last deadline keyword before the wording's first calendar expression wins:
    "Hồ sơ gửi đến Sở trước ngày 5/3/2024" is a "trước" deadline.
    """
    folded = _prepare(text)
    try:
        atom = _find_atom(folded)
    except _Unreadable:
        atom = None
    head = folded[: atom.pos] if atom is not None else folded
    found = list(_DEADLINE_WORD.finditer(head))
    if not found:
        return "den"
    return next(name for name, value in found[-1].groupdict().items() if value)


_DEADLINE_LABEL = {
    "truoc": "trước",
    "cham": "chậm nhất",
    "khong": "không muộn hơn",
    "han": "hạn",
    "den": "đến",
}

# Wordings of a period with no calendar anchor, and their labels.
_ONGOING_WORDS: tuple[tuple[str, str], ...] = (
    ("thuong xuyen", "Thường xuyên"),
    ("lien tuc", "Liên tục"),
    ("hang quy", "Hằng quý"),
    ("moi quy", "Hằng quý"),
    ("hang tuan", "Hằng tuần"),
    ("moi tuan", "Hằng tuần"),
    ("hang ngay", "Hằng ngày"),
    ("moi ngay", "Hằng ngày"),
    ("dinh ky", "Định kỳ"),
)


def _ongoing_word(folded: str) -> str | None:
    """The label of the first "no anchor" word in ``folded`` text, if any."""
    found = [(folded.find(word), label) for word, label in _ONGOING_WORDS if re.search(rf"\b{word}\b", folded)]
    return min(found)[1] if found else None


# --------------------------------------------------------------------------- model


class Period(BaseModel, frozen=True):
    """A deadline or a period, at the precision it was written with. Build one with :func:`parse_period`.

    Attributes:
        text: The original wording, cleaned (NFC, spaces squashed); always kept for display.
        start: First day covered; None for an open start ("trước 13/8/2021").
        end: Last day covered, inclusive; None for an open end ("Từ tháng 7/2024").
        precision: How precisely it was written: "Tháng 9/2024" is MONTH, 2024-09-01..2024-09-30.
            UNKNOWN for an unreadable wording and for one with no calendar anchor ("thường xuyên").
        start_time: Start time of day, at MINUTE precision ("từ 7h30' đến 11h00, ngày 29/10/2024").
        end_time: End time of day, at MINUTE precision.
        before: A deadline with an open start ("trước", "chậm nhất", "đến", "hạn").
        ongoing: "thường xuyên", alone or combined, or an open end ("Từ tháng 7/2024").
        recurrence: "monthly" ("hàng/hằng tháng") or "yearly" ("hàng/hằng năm").
        recurrence_day: The day of a monthly recurrence ("trước ngày 15 hàng tháng" → 15).
        error: Vietnamese explanation when unreadable; then start and end are None and
            precision is UNKNOWN.
    """

    text: str
    start: date | None = None
    end: date | None = None
    precision: Precision
    start_time: time | None = None
    end_time: time | None = None
    before: bool = False
    ongoing: bool = False
    recurrence: Literal["monthly", "yearly"] | None = None
    recurrence_day: int | None = Field(default=None, ge=1, le=31)
    error: str | None = None

    @model_validator(mode="after")
    def _check_order(self) -> Period:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"Ngày bắt đầu {_fmt_day(self.start)} sau ngày kết thúc {_fmt_day(self.end)}.")
        return self

    # ------------------------------------------------------------------ properties

    @property
    def ok(self) -> bool:
        """True when the wording was understood."""
        return self.error is None

    @property
    def due(self) -> date | None:
        """The last day by which it is due (:attr:`end`), or None when open or recurring."""
        return self.end

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """A total order: dated periods by (start or end), end, start time, text; undated ones last."""
        anchor = self.start or self.end
        tail = (self.text, self.precision.value, self.model_dump_json())
        if anchor is None:
            return (1, date.max, date.max, time.max, *tail)
        return (0, anchor, self.end or date.max, self.start_time or self.end_time or time.min, *tail)

    @property
    def label(self) -> str:
        """Vietnamese label at the period's own precision ("Quý III/2024", "Trước 13/8/2021").

        An unreadable period is labelled with its raw text.
        """
        if not self.ok:
            return self.text
        try:
            return _cap(self._label())
        except (ValueError, OverflowError, KeyError):  # only at the very ends of the calendar
            return self.text

    @property
    def iso(self) -> str | None:
        """The period as ISO 8601 text that :func:`parse_period` reads back to the same dates.

        ``2024-09``, ``2024-Q3``, ``2024``, ``2024-09-15``, ``2024-09-15T07:30``,
        ``2024-03/2024-09``, ``2024-07/..``, ``../2024-08``. None when unreadable,
        recurring or without any date. A window narrower than its precision
        (``Cuối tháng 3/2023``) is written with days.
        """
        if not self.ok or self.recurrence or (self.start is None and self.end is None):
            return None
        p = self.precision
        if self.start is not None and self.end is not None and p is not Precision.MINUTE:
            whole = _iso_unit(self.start, self.end, p)
            if whole is not None:
                return whole
        left = ".." if self.start is None else _iso_edge(self.start, self.start_time, p, start=True)
        if self.start is not None and self.end == self.start and p is Precision.MINUTE and self.end_time is None:
            return left
        right = ".." if self.end is None else _iso_edge(self.end, self.end_time, p, start=False)
        return f"{left}/{right}"

    # ------------------------------------------------------------------ behaviour

    def status(self, today: date, done: bool = False, cancelled: bool = False, soon_days: int = SOON_DAYS) -> str:
        """Where a task due on this period stands on ``today``: one of :data:`STATUSES`.

        The rules are the task rules of :mod:`plan_portal.core.status` (the one status table).
        """
        return period_status(self, today, done=done, cancelled=cancelled, soon_days=soon_days)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: text, start, end (ISO dates or None), precision, label, plus non-default extras."""
        data: dict[str, Any] = {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision.value,
            "label": self.label,
        }
        if self.start_time is not None:
            data["start_time"] = self.start_time.strftime("%H:%M")
        if self.end_time is not None:
            data["end_time"] = self.end_time.strftime("%H:%M")
        if self.before:
            data["before"] = True
        if self.ongoing:
            data["ongoing"] = True
        if self.recurrence is not None:
            data["recurrence"] = self.recurrence
        if self.recurrence_day is not None:
            data["recurrence_day"] = self.recurrence_day
        if self.error is not None:
            data["error"] = self.error
        return data

    # ------------------------------------------------------------------ label parts

    def _label(self) -> str:
        p = self.precision
        folded = fold(self.text)
        if self.recurrence is not None:
            return self._recurrence_label()
        if self.start is None and self.end is None:
            return _ongoing_word(folded) or ("Thường xuyên" if self.ongoing else self.text)
        echo = ", thường xuyên" if self.ongoing and re.search(r"\bthuong xuyen\b", folded) else ""
        if self.start is None:
            assert self.end is not None
            word = _deadline_word(self.text)
            lead = _DEADLINE_LABEL[word]
            if p is Precision.MINUTE:
                when = _fmt_day(self.end)
                if self.end_time:
                    when = f"{_fmt_time(self.end_time)}, ngày {when}"
            elif word == "truoc":
                when = _start_phrase(self.end + timedelta(days=1), p)
            else:
                when = _end_phrase(self.end, p)
            return f"{lead} {when}{echo}"
        if self.end is None:
            if p is Precision.MINUTE and self.start_time:
                return f"từ {_fmt_time(self.start_time)} ngày {_fmt_day(self.start)}{echo}"
            return f"từ {_start_phrase(self.start, p)}{echo}"
        return self._closed_label() + echo

    def _recurrence_label(self) -> str:
        lead = "trước " if self.before else ""
        if self.recurrence == "monthly":
            core = f"ngày {self.recurrence_day} hằng tháng" if self.recurrence_day else "hằng tháng"
        elif self.start is not None and self.precision in (Precision.DAY, Precision.MINUTE):
            core = f"ngày {self.start.day}/{self.start.month} hằng năm"
        elif self.start is not None and self.precision is Precision.MONTH:
            core = f"tháng {self.start.month} hằng năm"
        else:
            core = "hằng năm"
        return lead + core

    def _closed_label(self) -> str:
        s, e, p = self.start, self.end, self.precision
        assert s is not None and e is not None
        if p is Precision.MINUTE:
            if s == e:
                times = ""
                if self.start_time and self.end_time:
                    times = f", {_fmt_time(self.start_time)}–{_fmt_time(self.end_time)}"
                elif self.start_time or self.end_time:
                    times = f", {_fmt_time(self.start_time or self.end_time)}"  # type: ignore[arg-type]
                return f"ngày {_fmt_day(s)}{times}"
            left = f"{_fmt_time(self.start_time)} ngày " if self.start_time else ""
            right = f"{_fmt_time(self.end_time)} ngày " if self.end_time else ""
            return f"từ {left}{_fmt_day(s)} đến {right}{_fmt_day(e)}"
        if p is Precision.DAY:
            return f"ngày {_fmt_day(s)}" if s == e else f"từ {_fmt_day(s)} đến {_fmt_day(e)}"
        if p is Precision.MONTH:
            if (s.year, s.month) == (e.year, e.month):
                last = _last_day(e.year, e.month)
                sub = {(1, 10): "đầu tháng", (11, 20): "trung tuần tháng", (21, last): "cuối tháng"}.get(
                    (s.day, e.day), "tháng"
                )
                return f"{sub} {s.month}/{s.year}"
            if s.year == e.year and e.month == s.month + 1 and s.day == 1 and e == _month_end(e):
                return f"tháng {s.month}–{e.month}/{s.year}"
        if p is Precision.QUARTER:
            qs, qe = _quarter(s), _quarter(e)
            if s.year == e.year:
                if qs == qe:
                    return f"quý {_ROMAN[qs]}/{s.year}"
                return f"quý {_ROMAN[qs]}–{_ROMAN[qe]}/{s.year}"
        if p is Precision.YEAR and s.year == e.year:
            window = ((s.month, s.day), (e.month, e.day))
            sub = {
                ((1, 1), (3, 31)): "đầu năm",
                ((10, 1), (12, 31)): "cuối năm",
                ((1, 1), (6, 30)): "6 tháng đầu năm",
                ((7, 1), (12, 31)): "6 tháng cuối năm",
            }.get(window, "năm")
            return f"{sub} {s.year}"
        return f"từ {_start_phrase(s, p)} đến {_end_phrase(e, p)}"


def _start_phrase(d: date, p: Precision) -> str:
    """Lower-case phrase for a period of precision ``p`` that starts on ``d``."""
    if p is Precision.MONTH:
        sub = {11: "trung tuần ", 21: "cuối "}.get(d.day, "")
        return f"{sub}tháng {d.month}/{d.year}"
    if p is Precision.QUARTER:
        return f"quý {_ROMAN[_quarter(d)]}/{d.year}"
    if p is Precision.YEAR:
        return f"năm {d.year}"
    return _fmt_day(d)


def _end_phrase(d: date, p: Precision) -> str:
    """Lower-case phrase for a period of precision ``p`` that ends on ``d``."""
    if p is Precision.MONTH:
        sub = {10: "đầu ", 20: "trung tuần "}.get(d.day, "")
        return f"{sub}tháng {d.month}/{d.year}"
    return _start_phrase(d, p)


def _iso_unit(s: date, e: date, p: Precision) -> str | None:
    """``2024-09`` / ``2024-Q3`` / ``2024`` / ``2024-09-15`` when [s, e] is exactly one unit."""
    if p is Precision.DAY and s == e:
        return s.isoformat()
    if p is Precision.MONTH and s.day == 1 and e == _month_end(s):
        return f"{s.year:04d}-{s.month:02d}"
    if p is Precision.QUARTER and s.month % 3 == 1 and s.day == 1 and e == _month_end(date(s.year, s.month + 2, 1)):
        return f"{s.year:04d}-Q{_quarter(s)}"
    if p is Precision.YEAR and (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
        return f"{s.year:04d}"
    return None


def _iso_edge(d: date, t: time | None, p: Precision, *, start: bool) -> str:
    """One end of an ISO interval, at precision ``p`` when ``d`` is aligned to it, else as a day."""
    if p is Precision.MINUTE:
        return f"{d.isoformat()}T{t.strftime('%H:%M')}" if t else d.isoformat()
    if p is Precision.MONTH and d.day == (1 if start else _last_day(d.year, d.month)):
        return f"{d.year:04d}-{d.month:02d}"
    if p is Precision.QUARTER:
        aligned = d.month % 3 == 1 and d.day == 1 if start else d.month % 3 == 0 and d == _month_end(d)
        if aligned:
            return f"{d.year:04d}-Q{_quarter(d)}"
    if p is Precision.YEAR and (d.month, d.day) == ((1, 1) if start else (12, 31)):
        return f"{d.year:04d}"
    return d.isoformat()


# --------------------------------------------------------------------------- parser: atoms


class _Unreadable(Exception):
    """Raised inside the parser; :func:`parse_period` turns it into an error period."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or "")
        self.detail = detail


@dataclass(frozen=True)
class _Atom:
    """One calendar expression found in the folded text, before its year is settled."""

    kind: Literal["day", "month", "quarter", "year", "time"]
    pos: int
    end_pos: int
    year: int | None = None
    first: int = 0  # first day / month / quarter / year
    last: int = 0  # last day / month / quarter / year
    month: int = 0  # the month of a day atom
    t1: time | None = None
    t2: time | None = None

    def moved(self, offset: int) -> _Atom:
        return replace(self, pos=self.pos + offset, end_pos=self.end_pos + offset)

    def span(self, year: int | None, sub: str | None = None) -> tuple[date, date, Precision]:
        """First and last day covered, and the precision, in ``year`` (for atoms written without one)."""
        y = self.year if self.year is not None else year
        if self.kind == "year":
            start, end = date(self.first, 1, 1), date(self.last, 12, 31)
            if sub and self.first == self.last:
                start, end = _narrow_year(self.first, sub)
            return start, end, Precision.YEAR
        if y is None:
            raise _Unreadable("thiếu năm (ví dụ: tháng 9/2024)")
        if self.kind == "time":
            raise _Unreadable("có giờ nhưng thiếu ngày (ví dụ: 7h30, ngày 29/10/2024)")
        if self.kind == "day":
            try:
                start, end = date(y, self.month, self.first), date(y, self.month, self.last)
            except ValueError:
                raise _Unreadable(f"ngày {self.last}/{self.month}/{y} không có trong lịch") from None
            precision = Precision.MINUTE if self.t1 is not None else Precision.DAY
            return start, end, precision
        if self.kind == "month":
            start = date(y, self.first, 1)
            end = date(y, self.last, _last_day(y, self.last))
            if sub and self.first == self.last:
                start, end = _narrow_month(start, sub)
            return start, end, Precision.MONTH
        start = date(y, 3 * self.first - 2, 1)
        end = _month_end(date(y, 3 * self.last, 1))
        return start, end, Precision.QUARTER


def _narrow_month(first: date, sub: str) -> tuple[date, date]:
    """Days 1–10, 11–20 or 21–end of the month for "đầu", "trung tuần", "cuối"."""
    last = _last_day(first.year, first.month)
    if sub in ("dau", "thuong tuan"):
        return first, first.replace(day=10)
    if sub in ("giua", "trung tuan"):
        return first.replace(day=11), first.replace(day=20)
    if sub in ("cuoi", "ha tuan"):
        return first.replace(day=21), first.replace(day=last)
    return first, first.replace(day=last)


def _narrow_year(year: int, sub: str) -> tuple[date, date]:
    """Jan–Mar ("đầu năm"), Oct–Dec ("cuối năm"), or a half year ("6 tháng đầu/cuối năm")."""
    windows = {
        "dau": ((1, 1), (3, 31)),
        "cuoi": ((10, 1), (12, 31)),
        "half dau": ((1, 1), (6, 30)),
        "half cuoi": ((7, 1), (12, 31)),
    }
    (m1, d1), (m2, d2) = windows.get(sub, ((1, 1), (12, 31)))
    return date(year, m1, d1), date(year, m2, d2)


_N2 = r"[0-9]{1,2}"
_Y4 = r"[0-9]{4}"
_NB = r"(?<![0-9/.-])"  # not glued to a preceding number
_NA = r"(?![0-9])"
_LIST_SEP = r"\s*(?:,|-|va|&)\s*"
_MONTHS = rf"(?P<ms>{_N2}(?:{_LIST_SEP}(?:thang\s*)?{_N2})*)"  # "8, 9", "11-12", "8 và tháng 9"
_ROM = r"(?:[ivxlc]+|[0-9]{1,2})(?![a-z0-9])"
_TIME = (
    rf"{_NB}(?P<h>{_N2})\s*(?:(?:h|gio|g)(?![a-z])\s*(?:(?P<mi>{_N2})\s*(?:phut|p(?![a-z])|')?)?"
    r"|:(?P<mi2>[0-9]{2})(?![0-9]))(?:\s*(?P<ap>sang|trua|chieu|toi(?!\s*[0-9])))?"
)

# (name, pattern), by priority when two start at the same place.
_ATOM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "iso_day",
            rf"{_NB}(?P<y>{_Y4})-(?P<m>{_N2})-(?P<d>{_N2})"
            rf"(?:[t ](?P<h>{_N2}):(?P<mi>[0-9]{{2}})(?::[0-9]{{2}}(?:\.[0-9]+)?)?)?{_NA}",
        ),
        ("iso_quarter", rf"{_NB}(?P<y>{_Y4})-q(?P<q>[0-9]{{1,2}}){_NA}"),
        ("iso_month", rf"{_NB}(?P<y>{_Y4})-(?P<m>[0-9]{{2}}){_NA}"),
        ("vn_day", rf"\bngay\s*(?P<d>{_N2})\s*thang\s*(?P<m>{_N2})(?:\s*(?:,\s*)?(?:nam|/)\s*(?P<y>{_Y4}))?{_NA}"),
        ("dmy", rf"{_NB}(?P<d>{_N2})\s*(?P<s>[/.-])\s*(?P<m>{_N2})\s*(?P=s)\s*(?P<y>{_Y4}){_NA}"),
        (
            "day_list",
            rf"{_NB}(?P<ds>{_N2}(?:\s*(?:,|-|va|&|den)\s*(?:ngay\s*)?{_N2})+)\s*/\s*(?P<m>{_N2})"
            rf"(?:\s*/\s*(?P<y>{_Y4}))?(?![0-9]|\s*/\s*[0-9])",
        ),
        ("day_month", rf"{_NB}(?P<d>{_N2})\s*/\s*(?P<m>{_N2})(?![0-9]|\s*/\s*[0-9])"),
        ("month_year", rf"(?:\bthang\s*)?{_NB}{_MONTHS}\s*/\s*(?P<y>{_Y4})(?![0-9]|\s*/)"),
        ("month_vn", rf"\bthang\s*{_MONTHS}\s*(?:,\s*)?nam\s*(?P<y>{_Y4}){_NA}"),
        ("month", rf"\bthang\s*{_MONTHS}(?![0-9]|\s*/\s*[0-9]|\s*,?\s*nam\s*[0-9])"),
        (
            "quarter",
            rf"\bquy\s*(?P<qs>{_ROM}(?:{_LIST_SEP}(?:quy\s*)?{_ROM})*)(?:\s*(?:/|,?\s*nam)\s*(?P<y>{_Y4}){_NA})?",
        ),
        ("year_range", rf"(?:\b(?:nam|giai doan)\s*)?{_NB}(?P<y1>{_Y4})\s*-\s*(?:nam\s*)?(?P<y2>{_Y4})(?![0-9/.-])"),
        ("year", rf"(?:\bnam\s*)?{_NB}(?P<y>{_Y4})(?![0-9/.-]|\s*(?:h|gio)(?![a-z]))"),
        ("time", _TIME),
    )
)
_DAY_KINDS = ("iso_day", "vn_day", "dmy", "day_list", "day_month")
# A bare "15/8" is read as a day only after one of these words (or at the start).
_DAY_MONTH_CONTEXT = re.compile(r"(?:^|\b(?:ngay|tu|truoc|den|toi|nhat|han|vao|luc|hon)|[,:;(])\s*$")


def _numbers(text: str) -> list[int]:
    """The numbers of a list such as ``8, 9`` or ``11-12`` or ``iii- iv``."""
    values = []
    for token in re.findall(r"[0-9]+|[ivxlc]+", text):
        if token.isdigit():
            values.append(int(token))
        else:
            values.append(_ROMAN_VALUES.get(token, 99))
    return values


def _check_order(first: int, last: int, what: str) -> None:
    if first > last:
        raise _Unreadable(f"{what} {first} đứng sau {what} {last}")


def _make_time(m: re.Match[str]) -> time:
    g = m.groupdict()
    hour = int(g["h"])
    minute = int(g.get("mi") or g.get("mi2") or 0)
    ap = g.get("ap")
    if ap in ("chieu", "toi") and hour < 12:
        hour += 12
    elif ap == "trua" and hour < 6:
        hour += 12
    if hour > 23 or minute > 59:
        raise _Unreadable(f"giờ {m.group(0).strip()} không hợp lệ")
    return time(hour, minute)


def _build(name: str, m: re.Match[str]) -> _Atom:
    """Turn a match into an atom, checking the numbers (month 13 and quarter V are errors)."""
    g = m.groupdict()
    pos, end_pos = m.start(), m.end()
    year = int(g["y"]) if g.get("y") else None
    if name in _DAY_KINDS:
        days = _numbers(g["ds"]) if name == "day_list" else [int(g["d"])]
        month = int(g["m"])
        if not 1 <= month <= 12 or not all(1 <= d <= 31 for d in days):
            shown = f"{days[0]}/{month}" + (f"/{year}" if year else "")
            raise _Unreadable(f"ngày {shown} không có trong lịch")
        _check_order(days[0], days[-1], "ngày")
        t1 = None
        if name == "iso_day" and g.get("h"):
            t1 = _make_time(m)
        return _Atom("day", pos, end_pos, year, days[0], days[-1], month, t1=t1)
    if name in ("iso_month", "month_year", "month_vn", "month"):
        months = _numbers(g["ms"]) if g.get("ms") else [int(g["m"])]
        for value in months:
            if not 1 <= value <= 12:
                raise _Unreadable(f"tháng {value} không có (chỉ có tháng 1–12)")
        _check_order(months[0], months[-1], "tháng")
        return _Atom("month", pos, end_pos, year, months[0], months[-1])
    if name in ("iso_quarter", "quarter"):
        raw = re.findall(r"[0-9]+|[ivxlc]+", g["qs"] if g.get("qs") else g["q"])
        quarters = _numbers(g["qs"]) if g.get("qs") else [int(g["q"])]
        for token, value in zip(raw, quarters):
            if not 1 <= value <= 4:
                raise _Unreadable(f"quý {token.upper()} không có (chỉ có quý I–IV)")
        _check_order(quarters[0], quarters[-1], "quý")
        return _Atom("quarter", pos, end_pos, year, quarters[0], quarters[-1])
    if name == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        _check_year(y1)
        _check_year(y2)
        _check_order(y1, y2, "năm")
        return _Atom("year", pos, end_pos, y1, y1, y2)
    if name == "year":
        _check_year(year or 0)
        return _Atom("year", pos, end_pos, year, year or 0, year or 0)
    t1 = _make_time(m)
    return _Atom("time", pos, end_pos, None, t1=t1)


def _check_year(year: int) -> None:
    if year < 1:
        raise _Unreadable(f"năm {year} không hợp lệ")


def _find_atom(
    text: str, start: int = 0, *, anchored: bool = False, kinds: tuple[str, ...] | None = None
) -> _Atom | None:
    """The leftmost calendar expression in ``text`` from ``start`` (or exactly at ``start`` when anchored)."""
    best: tuple[int, int, str, re.Match[str]] | None = None
    window = text[start:] if anchored else text
    for priority, (name, pattern) in enumerate(_ATOM_PATTERNS):
        if kinds is not None and name not in kinds:
            continue
        if anchored:
            m = pattern.match(window)
            candidates = [m] if m else []
        else:
            candidates = pattern.finditer(text, start)
        for m in candidates:
            if name == "day_month" and not anchored and not _DAY_MONTH_CONTEXT.search(text[: m.start()]):
                continue
            key = (m.start(), priority)
            if best is None or key < best[:2]:
                best = (m.start(), priority, name, m)
            break
    if best is None:
        return None
    atom = _build(best[2], best[3])
    return atom.moved(start) if anchored else atom


# --------------------------------------------------------------------------- parser: context

_TAIL = re.compile(
    r"(?:(?P<ongoing>\bthuong xuyen)[\s,;]*)?"
    r"(?P<mod>\b(?:(?:den|toi)\s+)?truoc|\bcham nhat|\bmuon nhat|\bhan chot|\bhan cuoi|\bhan"
    r"|\bkhong (?:muon|cham|qua) hon|\b(?:cho\s+)?den(?:\s+het)?|\bbat dau tu|\bke tu|\btu)?"
    r"(?:\s*\b(?:la|vao|trong|ngay|khoang|du kien|luc|sang|chieu|trua|ca)\b)*"
    r"\s*(?P<half>\b6 thang\s*)?(?P<sub>\b(?:dau|cuoi|giua|trung tuan|thuong tuan|ha tuan))?\s*$"
)
_BEFORE_MODS = ("truoc", "cham", "muon", "han", "khong", "den", "cho")
_JOIN = re.compile(
    r"[\s,;]*(?:-|\bden(?:\s+het)?\b|\btoi\b|\bcho den(?:\s+het)?\b)\s*"
    r"(?:\b(?:ngay|het|la|vao)\b\s*)*(?P<sub>\b(?:dau|cuoi|giua|trung tuan|thuong tuan|ha tuan)\b)?\s*"
)
_ONGOING_AFTER = re.compile(
    r"[\s,;.)]*(?:\bva\s+)?(?:\b(?:thuc hien|duy tri|trien khai|tiep tuc)\s+)?(?:\blien tuc\s+(?:va\s+)?)?"
    r"(?:thuong xuyen\b|tro di\b|(?:cac\s+)?(?:nam|thang) tiep theo\b)"
)
_TIME_LEAD = re.compile(r"[\s,;(-]*(?:\b(?:vao\s+)?luc\b|\btu\b|\bvao\b)?\s*")
_TIME_JOIN = re.compile(r"\s*(?:-|\bden\b|\btoi\b)\s*(?:\bluc\b\s*)?")
_DAY_LEAD = re.compile(
    r"[\s,;(]*(?:\b(?:sang|chieu|toi|trua)\s+)?(?:\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat)\b[\s,]*)?"
    r"(?:\b(?:vao|trong)\s+)?"
)
_SHORT_YEAR = re.compile(r"(?<![0-9/])[0-9]{1,2}\s*([/.-])\s*[0-9]{1,2}\s*\1\s*[0-9]{2}(?![0-9])")
_RECUR = re.compile(r"\b(?:hang|moi)\s+(thang|nam|quy|tuan|ngay)\b")


def _prepare(text: str) -> str:
    """Folded working copy: no diacritics, lower case, one kind of dash and quote, no markdown."""
    text = text[:_MAX_SCAN].replace("\n", " ")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\u2018\u2019\u02bc\u00b4`]", "'", text)
    text = re.sub(r"[*_\u201c\u201d\u00ab\u00bb\"]", " ", text)
    return re.sub(r"\s+", " ", fold(text)).strip()


def _time_range(f: str, pos: int) -> tuple[time, time | None, int] | None:
    """A time or a time range ("7h30 đến 11h00") starting at ``pos``; returns (t1, t2, end)."""
    lead = _TIME_LEAD.match(f, pos)
    at = lead.end() if lead else pos
    first = _find_atom(f, at, anchored=True, kinds=("time",))
    if first is None:
        return None
    t2 = None
    end = first.end_pos
    join = _TIME_JOIN.match(f, end)
    if join:
        second = _find_atom(f, join.end(), anchored=True, kinds=("time",))
        if second is not None:
            t2, end = second.t1, second.end_pos
    assert first.t1 is not None
    return first.t1, t2, end


def _day_after(f: str, pos: int) -> _Atom | None:
    """A day written right after a time ("7h30, ngày 18/01/2024")."""
    lead = _DAY_LEAD.match(f, pos)
    at = lead.end() if lead else pos
    for start in (at, _skip_word(f, at, "ngay")):
        atom = _find_atom(f, start, anchored=True, kinds=_DAY_KINDS)
        if atom is not None:
            return atom
    return None


def _skip_word(f: str, pos: int, word: str) -> int:
    m = re.compile(rf"\s*\b{word}\b\s*").match(f, pos)
    return m.end() if m else pos


def _with_times(f: str, atom: _Atom) -> _Atom:
    """Attach a time (range) to a day atom, or a day to a time atom."""
    if atom.kind == "time":
        found = _time_range(f, atom.pos)
        assert found is not None
        t1, t2, end = found
        day = _day_after(f, end)
        if day is None:
            raise _Unreadable("có giờ nhưng thiếu ngày (ví dụ: 7h30, ngày 29/10/2024)")
        return replace(day, pos=atom.pos, t1=t1, t2=t2)
    if atom.kind == "day" and atom.t1 is None and atom.first == atom.last:
        found = _time_range(f, atom.end_pos)
        if found is not None:
            t1, t2, end = found
            return replace(atom, end_pos=end, t1=t1, t2=t2)
    return atom


def _mod_kind(mod: str | None) -> str | None:
    if not mod:
        return None
    first = mod.split()[0]
    if first in ("tu", "bat", "ke"):
        return "from"
    if first in _BEFORE_MODS or first == "toi":
        return "before"
    return None


# --------------------------------------------------------------------------- parser: main


def _error_message(text: str, detail: str | None) -> str:
    if not text:
        return f"Chưa có thời hạn. {ACCEPTED_FORMS}"
    where = f"Không đọc được thời hạn {show_value(text)}"
    return f"{where}: {detail}. {ACCEPTED_FORMS}" if detail else f"{where}. {ACCEPTED_FORMS}"


def _years(a: _Atom, b: _Atom | None, default_year: int | None) -> tuple[int | None, int | None]:
    ya = a.year
    yb = b.year if b is not None else None
    if ya is None and yb is None:
        return default_year, default_year
    if ya is None:
        return yb, yb
    if b is not None and yb is None:
        return ya, ya
    return ya, yb


def _parse_text(text: str, default_year: int | None) -> Period:
    f = _prepare(text)
    if not f:
        raise _Unreadable(None)
    iso = _ISO_INTERVAL.fullmatch(f)
    if iso:
        return _parse_iso_interval(text, iso)

    atom = _find_atom(f)
    problem: _Unreadable | None = None
    if atom is not None:
        try:
            atom = _with_times(f, atom)
        except _Unreadable as exc:  # a time without a day: fine only for "7h30 hằng ngày"
            problem = exc
    rec = _RECUR.search(f)
    if rec and (atom is None or atom.year is None or rec.start() < atom.pos):
        return _parse_recurrence(text, f, rec, atom, default_year)
    if problem is not None:
        raise problem
    if atom is None:
        if _ongoing_word(f):
            return Period(text=text, precision=Precision.UNKNOWN, ongoing=True)
        if _SHORT_YEAR.search(f):
            raise _Unreadable("năm cần đủ 4 chữ số (13/8/2021, không phải 13/8/21)")
        raise _Unreadable(None)

    tail = _TAIL.search(f[: atom.pos].rstrip(" :,;(-"))
    mod = _mod_kind(tail.group("mod")) if tail else None
    sub = tail.group("sub") if tail else None
    if sub and tail and tail.group("half") and atom.kind == "year":
        sub = f"half {sub}"
    ongoing = bool(tail and tail.group("ongoing"))
    if mod == "from" and (atom.first != atom.last or atom.t2 is not None):
        mod = None  # "từ 5 đến 10/3/2024", "từ 7h30 đến 11h00, ngày …": the range is inside the atom

    other: _Atom | None = None
    other_sub: str | None = None
    after = atom.end_pos
    if mod != "before":
        join = _JOIN.match(f, after)
        if join:
            other = _find_atom(f, join.end(), anchored=True)
            if other is not None and other.kind == "time":
                try:
                    other = _with_times(f, other)
                except _Unreadable:  # "ngày 18/01/2024 - 7h30": a time without a day ends nothing
                    other = None
            if other is not None:
                other_sub = join.group("sub")
                after = other.end_pos
    if _ONGOING_AFTER.match(f, after):
        ongoing = True

    ya, yb = _years(atom, other, default_year)
    sa, ea, pa = atom.span(ya, sub)
    times = {"start_time": atom.t1, "end_time": atom.t2}
    if other is None:
        if mod == "before":
            exclusive = _deadline_word(text) == "truoc"
            if pa is Precision.MINUTE:
                return Period(text=text, end=sa, end_time=atom.t1, precision=pa, before=True, ongoing=ongoing)
            end = sa - timedelta(days=1) if exclusive else ea
            return Period(text=text, end=end, precision=pa, before=True, ongoing=ongoing)
        if mod == "from" or ongoing:
            start_time = atom.t1 if pa is Precision.MINUTE else None
            return Period(text=text, start=sa, precision=pa, start_time=start_time, ongoing=True)
        if pa is not Precision.MINUTE:
            times = {}
        return Period(text=text, start=sa, end=ea, precision=pa, **times)

    sb, eb, pb = other.span(yb, other_sub)
    if atom.year is None and other.year is not None and sa > eb:
        sa, ea, pa = atom.span(yb - 1, sub)  # type: ignore[operator]
    elif other.year is None and sa > eb:
        sb, eb, pb = other.span(ya + 1, other_sub)  # type: ignore[operator]
    precision = max(pa, pb, key=_RANK.__getitem__)
    if sa > eb:
        raise _Unreadable(f"ngày bắt đầu {_fmt_day(sa)} sau ngày kết thúc {_fmt_day(eb)}")
    if precision is Precision.MINUTE:
        end_time = other.t2 or other.t1
        if sa == eb and atom.t1 and end_time and atom.t1 > end_time:
            raise _Unreadable(f"giờ bắt đầu {_fmt_time(atom.t1)} sau giờ kết thúc {_fmt_time(end_time)}")
        return Period(
            text=text, start=sa, end=eb, precision=precision, start_time=atom.t1, end_time=end_time, ongoing=ongoing
        )
    return Period(text=text, start=sa, end=eb, precision=precision, ongoing=ongoing)


def _parse_recurrence(text: str, f: str, rec: re.Match[str], atom: _Atom | None, default_year: int | None) -> Period:
    unit = rec.group(1)
    before = bool(re.search(r"\b(?:truoc|cham nhat|han)\b", f[: rec.start()]))
    if unit == "thang":
        day_match = re.search(r"\bngay\s*([0-9]{1,2})(?![0-9/])", f)
        day = int(day_match.group(1)) if day_match else None
        if day is not None and not 1 <= day <= 31:
            raise _Unreadable(f"ngày {day} không có trong tháng")
        precision = Precision.DAY if day else Precision.MONTH
        return Period(text=text, precision=precision, recurrence="monthly", recurrence_day=day, before=before)
    if unit == "nam":
        if atom is not None and atom.kind in ("day", "month") and atom.year is None and default_year is not None:
            start, _, precision = atom.span(default_year)
            end = start if atom.kind == "day" else _month_end(start)
            return Period(text=text, start=start, end=end, precision=precision, recurrence="yearly", before=before)
        return Period(text=text, precision=Precision.YEAR, recurrence="yearly", before=before)
    return Period(text=text, precision=Precision.UNKNOWN, ongoing=True)


_ISO_ONE = r"[0-9]{4}(?:-q[0-9]{1,2}|-[0-9]{2}(?:-[0-9]{2}(?:[t ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?)?)?"
_ISO_INTERVAL = re.compile(rf"(?P<a>{_ISO_ONE}|\.\.)\s*/\s*(?P<b>{_ISO_ONE}|\.\.)")


def _iso_side(value: str) -> _Atom:
    atom = _find_atom(value, 0, anchored=True)
    if atom is None or atom.end_pos != len(value):
        raise _Unreadable(f"không đọc được {show_value(value)}")
    return atom


def _parse_iso_interval(text: str, m: re.Match[str]) -> Period:
    a, b = m.group("a"), m.group("b")
    if a == ".." and b == "..":
        raise _Unreadable("khoảng không có đầu nào")
    if a == "..":
        atom = _iso_side(b)
        _, end, p = atom.span(None)
        return Period(text=text, end=end, end_time=atom.t1, precision=p, before=True)
    first = _iso_side(a)
    start, _, pa = first.span(None)
    if b == "..":
        return Period(text=text, start=start, start_time=first.t1, precision=pa, ongoing=True)
    second = _iso_side(b)
    _, end, pb = second.span(None)
    if start > end:
        raise _Unreadable(f"ngày bắt đầu {_fmt_day(start)} sau ngày kết thúc {_fmt_day(end)}")
    precision = max(pa, pb, key=_RANK.__getitem__)
    if precision is Precision.MINUTE:
        return Period(text=text, start=start, end=end, precision=precision, start_time=first.t1, end_time=second.t1)
    return Period(text=text, start=start, end=end, precision=precision)


def _from_date(value: date) -> Period:
    if isinstance(value, datetime):
        t = time(value.hour, value.minute)
        text = f"{value.date().isoformat()} {t.strftime('%H:%M')}"
        return Period(text=text, start=value.date(), end=value.date(), precision=Precision.MINUTE, start_time=t)
    return Period(text=value.isoformat(), start=value, end=value, precision=Precision.DAY)


def _error_period(text: str, detail: str | None) -> Period:
    return Period.model_construct(text=text, precision=Precision.UNKNOWN, error=_error_message(text, detail))


# Plans repeat the same wordings ("Quý III/2024", "Thường xuyên"): a Period is immutable, so one parse
# serves them all (issue 8: a portal of 10,000 plans reads ~200,000 deadlines, most of them repeats).
_parse_text_cached = lru_cache(maxsize=16384)(lambda text, default_year: _parse_text(text, default_year))


def parse_period(value: str | date | datetime | int | None, *, default_year: int | None = None) -> Period:
    """Read a deadline or a period written the Vietnamese way (or in ISO 8601). Never raises.

    Args:
        value: The wording ("Trong quý III/2024"), an ISO string, a ``date``/``datetime``
            (YAML gives those), an ``int`` year, or ``None`` (an empty value).
        default_year: The document's own year, used only for a period written
            without one ("Trong tháng 8, 9").

    Returns:
        A :class:`Period`; when unreadable its ``error`` says why and which forms
        are accepted, ``start``/``end`` are None and ``precision`` is UNKNOWN.
    """
    if isinstance(value, Period):
        return value
    text = ""
    try:
        if value is None:
            return _error_period("", None)
        if isinstance(value, bool):
            return _error_period(str(value), None)
        if isinstance(value, date):
            return _from_date(value)
        if isinstance(value, int):
            text = str(value)
            if not 1000 <= value <= 9999:
                return _error_period(text, "năm phải có 4 chữ số")
            return Period(text=text, start=date(value, 1, 1), end=date(value, 12, 31), precision=Precision.YEAR)
        if not isinstance(value, str):
            return _error_period(str(value), None)
        text = " ".join(clean(value).split())
        if default_year is not None and not (isinstance(default_year, int) and 1 <= default_year <= 9999):
            default_year = None
        return _parse_text_cached(text, default_year)
    except _Unreadable as problem:
        return _error_period(text, problem.detail)
    except Exception:  # noqa: BLE001 - the parser must never raise on content
        return _error_period(text, None)
