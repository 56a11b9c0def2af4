"""Data exports: the JSON record of a plan (one serialisation of the model) and iCalendar feeds."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from icalendar import Calendar, Event as VEvent

from .model import Plan

if TYPE_CHECKING:
    from .catalog import Catalog, TimelineEntry

__all__ = ["plan_record", "catalog_json", "calendar", "data_files", "ICS_NAME", "JSON_URI"]

JSON_URI = "du-lieu/ke-hoach.json"
ICS_NAME = "lich.ics"


def plan_record(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data, in the shape of its front matter; periods become {text, start, end, …}."""
    record = plan.model_dump(mode="json", exclude_none=True)
    if plan.url or plan.path:
        record = {"url": plan.url, "path": plan.path, **record}
    return record


def catalog_json(catalog: Catalog) -> str:
    """All valid plans as one JSON document, newest first, deterministic."""
    data = {"plans": [plan_record(p) for p in catalog.plans]}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _uid(entry: TimelineEntry) -> str:
    suffix = f"task-{entry.task.index}" if entry.task else f"event-{entry.event.index}" if entry.event else "issued"
    return f"{entry.plan.path.replace('/', '-')}-{suffix}@cong-ke-hoach"


def calendar(entries: list[TimelineEntry], name: str, site_url: str, stamp: date) -> bytes:
    """An iCalendar feed of events and deadlines. DTSTAMP is the build date (required by RFC 5545)."""
    cal = Calendar()
    cal.add("prodid", "-//Cong ke hoach//plan-portal//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    dtstamp = datetime.combine(stamp, time(0, 0))
    for entry in entries:
        if entry.kind == "issued":
            continue
        p = entry.period
        start_day = p.start or p.end
        end_day = p.end or p.start
        if start_day is None or end_day is None:
            continue
        if entry.kind == "deadline":
            start_day = end_day  # a deadline is the day it is due
        ev = VEvent()
        ev.add("uid", _uid(entry))
        ev.add("dtstamp", dtstamp)
        prefix = "Hạn: " if entry.kind == "deadline" else ""
        ev.add("summary", prefix + entry.title)
        if p.start_time and entry.kind == "event":
            ev.add("dtstart", datetime.combine(start_day, p.start_time))
            ev.add("dtend", datetime.combine(end_day, p.end_time or p.start_time))
        else:
            ev.add("dtstart", start_day)
            ev.add("dtend", end_day + timedelta(days=1))
        where = entry.event.place if entry.event and entry.event.place else None
        if where:
            ev.add("location", where)
        desc = f"{entry.plan.title}: {entry.plan.summary}\nThời gian: {p.label}"
        if entry.agencies:
            desc += "\nChủ trì: " + ", ".join(r.name for r in entry.agencies)
        ev.add("description", desc)
        if site_url:
            ev.add("url", site_url.rstrip("/") + "/" + entry.plan.url)
        cal.add_component(ev)
    return cal.to_ical()


def data_files(catalog: Catalog, site_url: str) -> dict[str, str | bytes]:
    """Every data file of the site by URI: the JSON export, the portal feed and one feed per agency."""
    files: dict[str, str | bytes] = {JSON_URI: catalog_json(catalog)}
    files[f"{catalog.paths.timeline}/{ICS_NAME}"] = calendar(catalog.timeline, "Cổng kế hoạch", site_url, catalog.today)
    for agency_id, data in catalog.agency_data.items():
        entries = catalog.agency_entries.get(agency_id, [])
        if entries:
            files[f"{catalog.paths.agencies}/{agency_id}/{ICS_NAME}"] = calendar(entries, data.agency.name, site_url, catalog.today)
    return files
