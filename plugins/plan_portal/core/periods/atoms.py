"""The parser's atoms: one date, month, quarter or year found in the text, with the regular expressions that find them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Literal

from ..text import fold
from .vocabulary import _MAX_SCAN, _ROMAN_VALUES, Precision, _last_day, _month_end


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


def _prepare(text: str) -> str:
    """Folded working copy: no diacritics, lower case, one kind of dash and quote, no markdown."""
    text = text[:_MAX_SCAN].replace("\n", " ")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\u2018\u2019\u02bc\u00b4`]", "'", text)
    text = re.sub(r"[*_\u201c\u201d\u00ab\u00bb\"]", " ", text)
    return re.sub(r"\s+", " ", fold(text)).strip()
