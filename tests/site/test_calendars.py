"""iCalendar feeds read by two independent parsers (icalendar and vobject): time zone, end times, links."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import vobject
from icalendar import Calendar

from demo_builds import SITE_URL

CEREMONY = "Lễ kỷ niệm 70 năm Ngày giải phóng huyện Phong Thổ"  # 07:30–11:00, 29/10/2024 in its plan


def _feeds(site_dir: Path) -> list[Path]:
    feeds = sorted(site_dir.rglob("*.ics"))
    assert site_dir / "dong-thoi-gian" / "lich.ics" in feeds and len(feeds) > 5
    return feeds


def _vobject_events(raw: bytes) -> list:
    cals = list(vobject.readComponents(raw.decode("utf-8"), validate=True))
    assert len(cals) == 1
    return list(getattr(cals[0], "vevent_list", []))


def test_every_feed_parses_with_two_parsers(demo_with_url):
    for feed in _feeds(demo_with_url):
        raw = feed.read_bytes()
        first = list(Calendar.from_ical(raw).walk("VEVENT"))
        second = _vobject_events(raw)
        assert len(first) == len(second) > 0, feed
        for a, b in zip(first, second):
            assert str(a["UID"]) == b.uid.value
            assert a.decoded("DTSTART") == b.dtstart.value
            # every event has an end, or is a timed event that ends when it starts (RFC 5545 §3.6.1)
            if "DTEND" in a:
                assert a.decoded("DTEND") == b.dtend.value
                assert a.decoded("DTEND") > a.decoded("DTSTART")
            else:
                assert isinstance(a.decoded("DTSTART"), datetime)
            assert b.url.value.startswith(SITE_URL) and b.url.value.endswith("/"), feed


def test_timed_events_carry_the_vietnam_time_zone_and_their_end(demo_with_url):
    raw = (demo_with_url / "dong-thoi-gian" / "lich.ics").read_bytes()
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh" in raw
    for events in (list(Calendar.from_ical(raw).walk("VEVENT")), _vobject_events(raw)):
        ceremony = [e for e in events if str(e["SUMMARY"] if isinstance(e, dict) else e.summary.value) == CEREMONY]
        assert len(ceremony) == 1
        e = ceremony[0]
        start, end = (e.decoded("DTSTART"), e.decoded("DTEND")) if isinstance(e, dict) else (e.dtstart.value, e.dtend.value)
        # the same instants in UTC, whichever parser: 00:30–04:00 UTC
        assert start.astimezone(timezone.utc) == datetime(2024, 10, 29, 0, 30, tzinfo=timezone.utc)
        assert end.astimezone(timezone.utc) == datetime(2024, 10, 29, 4, 0, tzinfo=timezone.utc)
        assert end - start == timedelta(hours=3, minutes=30)


def test_deadlines_are_all_day(demo_with_url):
    raw = (demo_with_url / "dong-thoi-gian" / "lich.ics").read_bytes()
    deadlines = [e for e in Calendar.from_ical(raw).walk("VEVENT") if str(e["SUMMARY"]).startswith("Hạn: ")]
    assert deadlines
    for e in deadlines:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is date and type(end) is date and end - start == timedelta(days=1), e["SUMMARY"]


def test_no_site_url_no_links(demo_without_url):
    site_dir, _ = demo_without_url
    raw = (site_dir / "dong-thoi-gian" / "lich.ics").read_bytes()
    assert b"\r\nURL:" not in raw
    assert _vobject_events(raw)
