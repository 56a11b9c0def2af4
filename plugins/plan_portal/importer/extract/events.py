"""Phase 3: events (time and place blocks, events named inside sentences)."""

from __future__ import annotations

import re
from typing import Any

from ..dates import clock_times, exact_date, find_exact_date, normalise_due
from ..structure import Item, ancestors, clean_title
from .base import Base
from .patterns import (
    _ATTENDEES,
    _EVENT_MENTION,
    _EVENT_NOUN,
    _EVENT_TIME_LABEL,
    _PLACE_LABEL,
    _cap,
)


_DAY = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
_EVENT_IN_SENTENCE = re.compile(
    r"tổ chức\s+(?P<title>" + _EVENT_NOUN + r"[^.;()]{0,160}?)\s+(?:vào\s+)?(?:lúc\s+[^,()]{1,20},?\s*)?ngày\s+"
    r"(?P<date>" + _DAY + r")(?:\s*,\s*tại\s+(?P<place>[^.;]{3,120}))?"
)
_SCHOOL_DAY = re.compile(r"\b(tựu trường|khai giảng|bế giảng|khai mạc|bế mạc)\s+(?:vào\s+)?(?:ngày\s+)?(" + _DAY + r")",
                         re.IGNORECASE)


def _day(text: str, year: str) -> str | None:
    """An ISO date from "22/4/2021", or from "19/8" with the document's year."""
    day = exact_date(text)
    if day:
        return day
    if year.isdigit() and re.fullmatch(r"\d{1,2}\s*/\s*\d{1,2}", text.strip()):
        return exact_date(f"{text.strip()}/{year}")
    return None


class EventMixin(Base):
    """Reads events."""

    def _events(self, start: int, end: int, summary: str | None) -> list[dict[str, Any]]:
        items = self.items
        events: list[dict[str, Any]] = []
        body = items[start:end]
        for it in body:
            if it.table is not None:
                continue
            match = _EVENT_TIME_LABEL.match(it.body_plain)
            if not match:
                continue
            value = match.group(1)
            found = find_exact_date(value)
            clocks = clock_times(re.sub(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", " ", value))
            if not found and not clocks:
                continue
            siblings = [items[i] for i in (items[it.parent].children if it.parent is not None else [])]
            event: dict[str, Any] = {"title": None}
            if found:
                day = found[0]
                event["start"] = f"{day} {clocks[0]}" if clocks else day
                if len(clocks) >= 2 and re.search(r"đến|tới|-", value):
                    event["end"] = f"{day} {clocks[1]}"
            else:
                event["start"] = normalise_due(value)
                self.note(("events", len(events), "start"), f"Sự kiện: thời gian «{value}» không có ngày cụ thể.")
            for sib in siblings:
                place = _PLACE_LABEL.match(sib.body_plain)
                if place:
                    event["place"] = place.group(1).strip(" .;")
                    break
            attendees = None
            for sib in siblings + [items[it.parent]] if it.parent is not None else siblings:
                found_att = _ATTENDEES.search(sib.body_plain)
                if found_att:
                    attendees = int(found_att.group(1))
                    break
            if attendees is None:
                for other in body:
                    found_att = _ATTENDEES.search(other.body_plain) if other.table is None else None
                    if found_att:
                        attendees = int(found_att.group(1))
                        break
            if attendees:
                event["attendees"] = attendees
            event["title"] = self._event_title(it, summary, len(events))
            events.append(event)
        # "Lễ kỷ niệm (dự kiến diễn ra vào ngày 26/11/2021)".
        for it in body:
            if it.table is not None:
                continue
            for match in _EVENT_MENTION.finditer(it.plain):
                day = exact_date(match.group(1))
                if not day or any(str(e.get("start", "")).startswith(day) for e in events):
                    continue
                title = re.split(r"\s*\(|\s+(?:dự kiến|sẽ|diễn ra|được tổ chức|tổ chức|khai mạc)\b",
                                 match.group(0))[0]
                events.append({"title": _cap(clean_title(title)), "start": day})
        # "dự kiến tổ chức Lễ đón nhận … vào ngày 22/4/2021, tại Điểm trường …"; "tựu trường ngày 19/8, khai giảng
        # ngày 5/9": events named inside a sentence (a date without its year takes the document's year).
        year = str(self.record.get("issued") or "")[:4]
        for it in body:
            if it.table is not None:
                continue
            text = it.plain
            for match in _EVENT_IN_SENTENCE.finditer(text):
                day = _day(match.group("date"), year)
                if not day or any(str(e.get("start", "")).startswith(day) for e in events):
                    continue
                event: dict[str, Any] = {"title": _cap(clean_title(match.group("title"))), "start": day}
                if match.group("place"):
                    event["place"] = match.group("place").strip(" .;")
                events.append(event)
            for match in _SCHOOL_DAY.finditer(text):
                day = _day(match.group(2), year)
                if day and not any(str(e.get("start", "")).startswith(day) for e in events):
                    events.append({"title": _cap(match.group(1).lower()), "start": day})
        for i, event in enumerate(events):
            if "place" not in event:
                # The document gives no place: said, not a TODO (nobody can decide it from the text).
                self.note(("events", i, "place"), f"Sự kiện «{event['title']}»: văn bản không ghi địa điểm.",
                          todo=False)
        return events

    def _event_title(self, it: Item, summary: str | None, position: int) -> str:
        for ancestor in ancestors(self.items, it.index):
            if not ancestor.numbered:
                continue
            heading = clean_title(ancestor.body)
            match = re.match(r"^(?:tổ chức\s+)?(" + _EVENT_NOUN + r".*)$", heading, re.IGNORECASE)
            if match:
                return _cap(match.group(1))
        if summary:
            match = re.search(r"(?:^|tổ chức\s+)(" + _EVENT_NOUN + r".*)$", summary, re.IGNORECASE)
            if match:
                return _cap(match.group(1))
        self.note(("events", position, "title"), "Sự kiện: chưa rõ tên sự kiện.")
        return "Sự kiện"
