"""The parser: :func:`parse_period` reads the leading period of a text (or an ISO form, a date, a year)
and never raises."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from ..diagnostics import show_value
from ..text import clean
from .atoms import _DAY_KINDS, _Atom, _find_atom, _prepare, _Unreadable
from .labels import _deadline_word, _fmt_day, _fmt_time, _ongoing_word
from .model import Period
from .vocabulary import _RANK, ACCEPTED_FORMS, Precision, _month_end


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
