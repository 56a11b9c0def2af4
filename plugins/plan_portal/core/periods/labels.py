"""How periods are written back: days, times, deadline words ("Trước", "Chậm nhất"), the phrases of
labels and the ISO 8601 forms."""

from __future__ import annotations

import re
from datetime import date, time

from .atoms import _find_atom, _prepare, _Unreadable
from .vocabulary import _ROMAN, Precision, _last_day, _month_end, _quarter


# --------------------------------------------------------------------------- helpers


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
