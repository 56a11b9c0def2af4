"""Write the plan file: YAML front matter with ``# TODO`` comments, then the Markdown body.

Each unsure value gets a ``# TODO: …`` comment (Vietnamese) on the line above it, so
an editor sees in the file itself what to check. Required fields that were not
found (``issued``, ``issuer``, ``summary``) are written empty with their TODO, so
``plan-portal check`` points at them until they are filled; optional fields that
were not found are left out and only the TODO comment says so.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

__all__ = ["render_front_matter", "render_plan"]

_ORDER = ("doc_type", "number", "issued", "place", "issuer", "summary", "signer", "special", "basis", "recipients",
          "tasks", "events")
_REQUIRED = ("issued", "issuer", "summary")


class _Dumper(yaml.SafeDumper):
    """Safe dumper that indents list items under their key (as editors write them)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: D102
        return super().increase_indent(flow, False)


def _dump(data: Any, flow: bool = False) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=flow,
    )


def _as_date(value: Any) -> Any:
    """ISO strings become dates so YAML writes them unquoted (``issued: 2023-02-20``)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _one_line(message: str) -> str:
    """A comment must stay on one line and hold only printable characters."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", message).strip()


def render_front_matter(record: dict[str, Any], todos: list[tuple[tuple[Any, ...], str]]) -> str:
    """The YAML between the ``---`` fences (without them)."""
    todos = [(where, _one_line(message)) for where, message in todos]
    lines: list[str] = []
    keys = [k for k in _ORDER if k in record] + [k for k in record if k not in _ORDER]
    for key in keys:
        value = record.get(key)
        if key in ("tasks", "basis", "events"):
            items = value or []
            lines.extend(f"# TODO: {m}" for where, m in todos if where == (key,))
            if not items:
                continue
            lines.append(f"{key}:")
            for i, item in enumerate(items):
                lines.extend(f"  # TODO: {m}" for where, m in todos if where[:2] == (key, i))
                entry = dict(item)
                if "issued" in entry:
                    entry["issued"] = _as_date(entry["issued"])
                text = _dump([entry]).rstrip("\n")
                lines.extend("  " + line for line in text.split("\n"))
            continue
        own = [m for where, m in todos if where == (key,) or (where[:1] == (key,) and key not in ("tasks",))]
        lines.extend(f"# TODO: {m}" for m in own)
        if value in (None, [], {}, ""):
            if key in _REQUIRED:
                lines.append(f"{key}:")
            elif key == "recipients" and own:
                continue
            continue
        if key == "issued":
            value = _as_date(value)
        flow = key == "signer"
        text = _dump({key: value}, flow=False) if not flow else f"{key}: " + _dump(value, flow=True).strip()
        lines.append(text.rstrip("\n"))
    return "\n".join(lines) + "\n"


def render_plan(record: dict[str, Any], todos: list[tuple[tuple[Any, ...], str]], body: str) -> str:
    """The whole plan file: ``---``, front matter, ``---``, a blank line, the body."""
    return "---\n" + render_front_matter(record, todos) + "---\n\n" + body.strip("\n") + "\n"
