"""The JSON export: every valid plan as data, in the shape of its front matter (``du-lieu/ke-hoach.json``),
and the JSON Schema of that file next to it (``du-lieu/ke-hoach.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..model import Plan
from ..schema import schema_text
from .. import status as statuses
from .base import Export

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["EXPORT", "catalog_json", "catalog_json_parts", "plan_record"]


def plan_record(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data, in the shape of its front matter; periods become {text, start, end, …}."""
    record = plan.model_dump(mode="json", exclude_none=True)
    # only the attachments found in the content folder are published (core/attachments.py)
    record["attachments"] = [a for a in record.get("attachments", []) if "url" in a]
    if plan.url or plan.path:
        record = {"url": plan.url, "path": plan.path, **record}
    return record


def progress_record(catalog: Catalog, plan: Plan) -> dict[str, Any]:
    """What the plan's tasks stand at on the build date: state, status, deadline in force, updates (issue 15)."""
    tasks = []
    for task in plan.tasks:
        progress = catalog.progress.of(task)
        status = catalog.task_status(task)
        item: dict[str, Any] = {"id": task.key, "status": status, "label": statuses.label(status)}
        if progress.extension is not None and progress.due is not None:
            item["due"] = progress.due.to_json()
        item["updates"] = [_update(u) for u in progress.history]
        tasks.append(item)
    return {"state": catalog.progress.lifecycle(plan).state.value, "status_date": catalog.today.isoformat(),
            "progress": tasks}


def _update(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"date": item.date.isoformat()}
    for key in ("status", "percent", "note", "source"):
        if getattr(item, key) is not None:
            out[key] = getattr(item, key)
    if item.report is not None:
        out["source"], out["report"] = item.report.title, item.report.url
    if item.due is not None:
        out["due"] = item.due.to_json()
    return out


def catalog_json(catalog: Catalog) -> str:
    """All valid plans as one JSON document, newest first, deterministic: ``{"plans": [...]}``, one plan a line.

    Each plan is encoded on its own (compact, by the C encoder: ``indent`` would switch to the
    pure-Python one, five times slower), so only one plan's record is in memory at a time.
    """
    return "".join(catalog_json_parts(catalog))


def catalog_json_parts(catalog: Catalog) -> Iterator[str]:
    """The text of :func:`catalog_json` in pieces, for writing it without holding it whole."""
    yield '{"plans": ['
    for i, plan in enumerate(catalog.plans):
        record = {**plan_record(plan), **progress_record(catalog, plan)}
        yield ("\n" if i == 0 else ",\n") + json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    yield "\n]}\n"


def _files(catalog: Catalog, site_url: str) -> Iterator[tuple[str, Iterator[bytes]]]:
    yield catalog.paths.json_path(), (part.encode("utf-8") for part in catalog_json_parts(catalog))
    # the export's own JSON Schema (the same text as schema/du-lieu-ke-hoach.schema.json)
    yield catalog.paths.json_schema_path(), [schema_text("export").encode("utf-8")]


EXPORT = Export("json", "Dữ liệu JSON của mọi kế hoạch", _files)
