"""The :class:`Period` model: dates at the precision they were written with, its label, ISO form and status."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from ..status import SOON_DAYS, period_status
from ..text import fold
from .labels import _DEADLINE_LABEL, _cap, _deadline_word, _end_phrase, _fmt_day, _fmt_time, _iso_edge, _iso_unit, _ongoing_word, _start_phrase
from .vocabulary import _ROMAN, Precision, _last_day, _month_end, _quarter


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
