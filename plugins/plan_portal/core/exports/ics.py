"""The iCalendar export: the portal's feed of events and deadlines, and one feed per agency.

The feeds are written directly (RFC 5545: CRLF lines folded at 75 octets, TEXT values
escaped), byte for byte what the ``icalendar`` package writes for the same events, but
each event is serialised once and shared by the portal feed and every agency feed that
lists it: the cost is linear in the number of events, not in events × feeds.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..periods import Period
from .. import status as statuses
from .base import Export

if TYPE_CHECKING:
    from ..catalog import Catalog, TimelineEntry

__all__ = ["EXPORT", "CalendarWriter", "calendar", "event_times", "vtimezone"]

PRODID = "-//Cong ke hoach//plan-portal//VI"

def _text(value: str) -> str:
    """An iCalendar TEXT value (RFC 5545 §3.3.11), escaped like ``icalendar`` does."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _fold(line: str) -> str:
    """Fold a content line: at most 74 octets per chunk, never inside a UTF-8 character or after a lone escape.

    The same cut points as ``icalendar``'s folding: a chunk is the longest prefix of at most
    74 octets; a chunk ending with ``\\`` or ``^`` leaves that character to the next one.
    """
    data = line.encode("utf-8")
    if len(data) < 75:
        return line
    chunks = []
    start = 0
    size = len(data)
    while size - start > 74:
        end = start + 74
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        if data[end - 1] in (0x5C, 0x5E) and end - 1 > start:  # "\" or "^" moves to the next chunk
            end -= 1
        chunks.append(data[start:end])
        start = end
    chunks.append(data[start:])
    return "\r\n ".join(chunk.decode("utf-8") for chunk in chunks)


def _date_value(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _datetime_value(moment: datetime) -> str:
    return f"{_date_value(moment.date())}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"


# Timed events are local times in Vietnam (UTC+7, no daylight saving): TZID plus a VTIMEZONE block,
# so that a calendar in another time zone shows the ceremony at the right hour.
TZID = "Asia/Ho_Chi_Minh"
TZ_PARAM = f";TZID={TZID}:".encode()


@lru_cache(maxsize=1)
def vtimezone() -> bytes:
    """The VTIMEZONE of :data:`TZID`, made by ``icalendar`` from the tz database (UTC+7 since 1975)."""
    from icalendar import Timezone

    zone = Timezone.from_tzid(TZID, first_date=date(1976, 1, 1), last_date=date(2100, 1, 1))
    return zone.to_ical()


def _all_day(first: date, last: date) -> list[str]:
    """DTSTART/DTEND of whole days ``first``..``last`` (DTEND is the day after, RFC 5545 §3.6.1)."""
    return ["DTSTART;VALUE=DATE:" + _date_value(first), "DTEND;VALUE=DATE:" + _date_value(last + timedelta(days=1))]


def event_times(p: Period, end: Period | None, start_day: date, end_day: date) -> list[str]:
    """DTSTART/DTEND of an event starting at ``p`` and ending at ``end``: local times with TZID when
    it has a start time, else whole days (``start_day``..``end_day`` are ``p``'s days).

    The end comes from the event's ``end`` ("2024-10-29 11:00"), else from a range in its start
    ("từ 7h30 đến 11h00 ngày 29/10/2024"). A timed event with no end has none (RFC 5545: it ends
    when it starts); whole days end after their last day.
    """
    if p.start_time is None:
        last = (end.end or end.start) if end is not None else None
        return _all_day(start_day, max(last or end_day, start_day))
    start = datetime.combine(start_day, p.start_time)
    lines = [f"DTSTART;TZID={TZID}:" + _datetime_value(start)]
    finish: datetime | None = None
    if end is not None and (end.start or end.end):
        day = end.start or end.end
        assert day is not None
        at = end.start_time or end.end_time
        finish = datetime.combine(day, at) if at is not None else datetime.combine(day + timedelta(days=1), time(0, 0))
    elif p.end_time is not None:
        finish = datetime.combine(end_day, p.end_time)
    if finish is not None and finish > start:
        lines.append(f"DTEND;TZID={TZID}:" + _datetime_value(finish))
    return lines


def _uid(entry: TimelineEntry) -> str:
    suffix = f"task-{entry.task.index}" if entry.task else f"event-{entry.event.index}" if entry.event else "issued"
    return f"{entry.path.replace('/', '-')}-{suffix}@cong-ke-hoach"


class CalendarWriter:
    """Serialises timeline entries as VEVENT blocks, each one once, for any number of feeds.

    Args:
        site_url: Prefix of the events' URL property ("" for none).
        stamp: The build date, written as every event's DTSTAMP (required by RFC 5545).
    """

    def __init__(self, site_url: str, stamp: date) -> None:
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.dtstamp = _datetime_value(datetime.combine(stamp, time(0, 0))) + "Z"
        self._events: dict[int, bytes] = {}

    def event(self, entry: TimelineEntry) -> bytes:
        """The VEVENT of ``entry`` (CRLF lines, UTF-8), or b"" when it has no place in a calendar."""
        key = id(entry)
        cached = self._events.get(key)
        if cached is None:
            cached = self._events[key] = self._render(entry).encode("utf-8")
        return cached

    def _render(self, entry: TimelineEntry) -> str:
        if entry.kind == "issued":
            return ""
        p = entry.period
        start_day = p.start or p.end
        end_day = p.end or p.start
        if start_day is None or end_day is None:
            return ""
        if entry.kind == "deadline":
            start_day = end_day  # a deadline is the day it is due
        prefix = "Hạn: " if entry.kind == "deadline" else ""
        lines = ["BEGIN:VEVENT", "SUMMARY:" + _text(prefix + entry.title)]
        if entry.kind == "event":
            ends = entry.event.end if entry.event is not None else None
            lines += event_times(p, ends if ends is not None and ends.ok else None, start_day, end_day)
        else:
            lines += _all_day(start_day, end_day)
        lines.append("DTSTAMP:" + self.dtstamp)
        lines.append("UID:" + _text(_uid(entry)))
        label = entry.when.label if entry.when is not None else p.label
        desc = f"{entry.plan.title}: {entry.plan.summary}\nThời gian: {label}"
        if entry.agencies:
            desc += "\nChủ trì: " + ", ".join(r.name for r in entry.agencies)
        if entry.kind == "deadline":  # as of the build date (DTSTAMP), from the status table (issue 15)
            desc += f"\nTình trạng (ngày {self.dtstamp[6:8]}/{self.dtstamp[4:6]}/{self.dtstamp[:4]}): {statuses.label(entry.status)}"
        lines.append("DESCRIPTION:" + _text(desc))
        if entry.kind == "deadline" and entry.status == "cancelled":
            lines.append("STATUS:CANCELLED")
        where = entry.event.place if entry.event and entry.event.place else None
        if where:
            lines.append("LOCATION:" + _text(where))
        if self.site_url:
            lines.append("URL:" + self.site_url + entry.plan_url)
        lines.append("END:VEVENT")
        return "".join(_fold(line) + "\r\n" for line in lines)

    def feed(self, entries: list[TimelineEntry], name: str) -> bytes:
        """A whole VCALENDAR of ``entries`` named ``name``."""
        return b"".join(self.pieces(entries, name))

    def pieces(self, entries: list[TimelineEntry], name: str) -> Iterator[bytes]:
        """:meth:`feed` in pieces, to write a big feed without building it whole."""
        # X-WR-CALNAME is written raw, as icalendar does (it reads it back as an unknown, unescaped value).
        calname = _fold("X-WR-CALNAME:" + " ".join(name.splitlines()))
        events = [self.event(entry) for entry in entries]  # (each is kept by self.event anyway)
        yield f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\n{calname}\r\n".encode("utf-8")
        if any(TZ_PARAM in event for event in events):
            yield vtimezone()  # the time zone of the timed events, required for their TZID (RFC 5545 §3.6.5)
        yield from events
        yield b"END:VCALENDAR\r\n"


def calendar(entries: list[TimelineEntry], name: str, site_url: str, stamp: date) -> bytes:
    """An iCalendar feed of events and deadlines. DTSTAMP is the build date (required by RFC 5545)."""
    return CalendarWriter(site_url, stamp).feed(entries, name)


def _feeds(catalog: Catalog, site_url: str) -> Iterator[tuple[str, Iterator[bytes]]]:
    """(URI, pieces) of each calendar feed: the portal's, then one per agency with dated entries."""
    writer = CalendarWriter(site_url, catalog.today)
    paths = catalog.paths
    yield paths.timeline_feed_path(), writer.pieces(catalog.timeline, "Cổng kế hoạch")
    for agency_id, data in catalog.agency_data.items():
        entries = catalog.agency_entries.get(agency_id, [])
        if entries:
            yield paths.agency_feed_path(agency_id), writer.pieces(entries, data.agency.name)


EXPORT = Export("ics", "Lịch iCalendar (.ics) của cổng và của từng cơ quan", _feeds)
