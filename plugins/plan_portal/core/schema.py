"""JSON Schemas for editors, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Plan
from .sections import Section

__all__ = ["plan_schema", "section_schema", "write_schemas", "SCHEMA_FILES"]

SCHEMA_FILES = {"ke-hoach.schema.json": "plan", "chuyen-trang.schema.json": "section"}


def _schema(model: Any, schema_id: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id, **schema}


def plan_schema() -> dict[str, Any]:
    """The schema of a plan's front matter."""
    return _schema(Plan, "ke-hoach.schema.json")


def section_schema() -> dict[str, Any]:
    """The schema of a chuyên trang's ``index.md`` front matter."""
    return _schema(Section, "chuyen-trang.schema.json")


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, kind in SCHEMA_FILES.items():
        path = folder / name
        data = plan_schema() if kind == "plan" else section_schema()
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        out.append(path)
    return out
