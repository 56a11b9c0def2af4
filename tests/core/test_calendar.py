"""iCalendar times of events (core, no MkDocs): local times in Asia/Ho_Chi_Minh, ends kept, whole days."""

from __future__ import annotations

import pytest

from plan_portal.core.exports.ics import event_times, vtimezone
from plan_portal.core.periods import parse_period


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # (event start, event end) -> (DTSTART, DTEND) lines
        ("2024-10-29 07:30", "2024-10-29 11:00", ("DTSTART;TZID=Asia/Ho_Chi_Minh:20241029T073000", "DTEND;TZID=Asia/Ho_Chi_Minh:20241029T110000")),
        ("2024-10-29 07:30", None, ("DTSTART;TZID=Asia/Ho_Chi_Minh:20241029T073000", None)),
        ("2024-10-29 07:30", "2024-10-30", ("DTSTART;TZID=Asia/Ho_Chi_Minh:20241029T073000", "DTEND;TZID=Asia/Ho_Chi_Minh:20241031T000000")),
        ("từ 7h30 đến 11h00 ngày 29/10/2024", None, ("DTSTART;TZID=Asia/Ho_Chi_Minh:20241029T073000", "DTEND;TZID=Asia/Ho_Chi_Minh:20241029T110000")),
        ("2024-10-29", None, ("DTSTART;VALUE=DATE:20241029", "DTEND;VALUE=DATE:20241030")),
        ("2024-10-29", "2024-10-31", ("DTSTART;VALUE=DATE:20241029", "DTEND;VALUE=DATE:20241101")),
        ("Tháng 10/2024", None, ("DTSTART;VALUE=DATE:20241001", "DTEND;VALUE=DATE:20241101")),
    ],
)
def test_event_times(start, end, expected):
    p = parse_period(start)
    lines = event_times(p, parse_period(end) if end else None, p.start or p.end, p.end or p.start)
    assert (lines[0], lines[1] if len(lines) > 1 else None) == expected


def test_vtimezone_is_utc_plus_7():
    block = vtimezone().decode()
    assert block.startswith("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n") and block.endswith("END:VTIMEZONE\r\n")
    assert "TZOFFSETTO:+0700" in block and "DAYLIGHT" not in block
