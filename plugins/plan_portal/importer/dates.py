"""Dates, deadlines and clock times as Vietnamese plans write them.

Only *finding* is done here: exact dates become ISO strings, deadlines keep the
document's wording ("trước ngày 13/8/2021", "Quý III- IV/2019"), and the
colleague's :func:`plan_portal.core.periods.parse_period` decides later whether it
understands them.
"""

from __future__ import annotations

import re
from datetime import date

from plan_portal.core.periods import parse_period
from plan_portal.core.text import squash_spaces

__all__ = [
    "DUE_IN_SENTENCE",
    "clock_times",
    "exact_date",
    "find_due",
    "find_exact_date",
    "normalise_due",
    "period_ok",
]

_D = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
_DV = r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_M = r"(?:tháng\s+)?\d{1,2}(?:\s*[,\-–]\s*\d{1,2})*\s*/\s*\d{4}|tháng\s+\d{1,2}(?:\s*[,\-–]\s*\d{1,2})*\s+năm\s+\d{4}|tháng\s+\d{1,2}\s*-\s*\d{4}(?!\d)"
_Q = r"quý\s+(?:[IVX]+|[1-4])(?:\s*[,\-–]\s*(?:[IVX]+|[1-4]))*\s*(?:/\s*\d{4}|năm\s+\d{4})"
_Y = r"năm\s+\d{4}"
# "05/6 và 05/12 hàng năm": a recurring day of the year.
_R = r"\d{1,2}\s*/\s*\d{1,2}(?:\s+và\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2})*\s+(?:hàng|hằng)\s+năm"
ANCHOR = rf"(?:(?:ngày\s+)?(?:{_R}|{_DV}|{_D})|{_Q}|{_M}|{_Y})"
_PREFIX = (
    r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|không quá|không muộn hơn|hạn chót|xong trước|xong trong|"
    r"hoàn thành trong|hoàn thành trước|trong|cuối|đầu|giữa|trung tuần|thượng tuần|hạ tuần)"
)
_RANGE = rf"từ\s+(?:{ANCHOR}|tháng\s+\d{{1,2}})\s+(?:đến|tới|-|–)\s+(?:hết\s+)?{ANCHOR}"
DUE_IN_SENTENCE = re.compile(
    rf"(?:dự kiến\s+)?(?:{_RANGE}|{_PREFIX}\s+(?:ngày\s+|tháng\s+)?{ANCHOR}(?:\s+(?:đến|tới)\s+(?:hết\s+)?{ANCHOR})?)",
    re.IGNORECASE,
)
"""A deadline written inside a sentence: "trước ngày 13/8/2021", "từ tháng 3/2023 đến hết tháng 10/2023"."""

_LEADING_PERIOD = re.compile(
    rf"^(?:dự kiến\s+)?(?:{_RANGE}|(?:(?:{_PREFIX}|kể từ|từ|vào)\s+)?(?:ngày\s+|tháng\s+)?{ANCHOR}"
    rf"(?:\s+(?:đến|tới|-|–)\s+(?:hết\s+)?{ANCHOR})?)",
    re.IGNORECASE,
)
_WORDED = re.compile(r"^(?:thường xuyên|hằng năm|hàng năm|hằng tháng|hàng tháng|hằng quý|hàng quý|định kỳ)\b",
                     re.IGNORECASE)
_DATE_NUM = re.compile(r"(?<!\d)(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_CLOCK = re.compile(
    r"(?<![\d/])(\d{1,2})\s*(?:giờ|h|g|:)\s*(\d{2})?\s*(?:phút|')?(?![\d/])|(?<![\d/])(\d{1,2})\s*(?:giờ|h)(?![\w/])",
    re.IGNORECASE,
)


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_exact_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first exact date in ``text`` as ISO, with its match ("18/01/2024", "ngày 10 tháng 8 năm 2021")."""
    candidates = []
    for regex, order in ((_DATE_WORDS, (1, 2, 3)), (_DATE_NUM, (1, 3, 4))):
        match = regex.search(text)
        if match:
            iso = _iso(*(match.group(i) for i in order))
            if iso:
                candidates.append((match.start(), iso, match))
    if not candidates:
        return None
    _, iso, match = min(candidates, key=lambda c: c[0])
    return iso, match


def exact_date(text: str) -> str | None:
    """ISO date when ``text`` is just one exact date (an optional "ngày" allowed), else ``None``."""
    text = squash_spaces(text).strip(" .,;")
    found = find_exact_date(text)
    if not found:
        return None
    iso, match = found
    rest = (text[: match.start()] + text[match.end():]).strip(" .,;")
    if rest.lower() in ("", "ngày"):
        return iso
    return None


def find_due(text: str) -> str | None:
    """A deadline written inside a sentence, in the document's words, or ``None``."""
    match = DUE_IN_SENTENCE.search(squash_spaces(text))
    if not match:
        return None
    return normalise_due(match.group(0))


def normalise_due(value: str) -> str:
    """Tidy a deadline's wording: spaces, trailing punctuation, "xong"/"dự kiến" hedges; bare dates → ISO."""
    value = squash_spaces(value).strip(" .,;:")
    value = re.sub(r"^(?:dự kiến|xong|hoàn thành)\s+", "", value, flags=re.IGNORECASE)
    value = re.sub(r"\s*([/])\s*", r"\1", value)
    iso = exact_date(value)
    if iso:
        return iso
    return value


def due_from_value(value: str) -> tuple[str | None, bool]:
    """The deadline in a field's value ("Thời gian thực hiện: …").

    Returns ``(due, sure)``. A value that starts with a period keeps its words and
    drops trailing commentary ("Tháng 8/2020 Nhân dịp kỷ niệm …" → "Tháng 8/2020");
    one that hides the deadline inside a sentence gives that part ("Hồ sơ … xong
    trước tháng 9/2024" → "trước tháng 9/2024"); anything else is returned as
    written with ``sure=False``.
    """
    value = squash_spaces(value).strip(" .,;:")
    if not value:
        return None, False
    value = re.sub(r"\s*\(.*?\)\s*$", "", value) if not value.startswith("(") else value
    value = re.sub(r"^(?:là\s+)?nhiệm vụ\s+(?=thường xuyên|hằng|hàng|định kỳ)", "", value, flags=re.IGNORECASE)
    if _WORDED.match(value):
        return value[:1].upper() + value[1:], True
    match = _LEADING_PERIOD.match(value)
    if match:
        return normalise_due(match.group(0)), True
    inside = find_due(value)
    if inside:
        return inside, True
    return value, False


def clock_times(text: str) -> list[str]:
    """Clock times in ``text`` as "HH:MM": "07 giờ 30 phút" → "07:30", "7h30'" → "07:30", "11h00" → "11:00"."""
    out = []
    for match in _CLOCK.finditer(text):
        hour = match.group(1) or match.group(3)
        minute = match.group(2) or "00"
        if hour is None:
            continue
        h, m = int(hour), int(minute)
        if 0 <= h <= 23 and 0 <= m <= 59:
            out.append(f"{h:02d}:{m:02d}")
    return out


def period_ok(value: str, default_year: int | None = None) -> bool:
    """Whether the portal's period parser understands ``value`` (it never raises)."""
    return parse_period(value, default_year=default_year).ok
