"""Phase 3: tasks from tables (STT | Nội dung | Chủ trì | Phối hợp | Thời gian)."""

from __future__ import annotations

import re
from typing import Any

from plan_portal.core.text import fold, squash_spaces

from .. import names as nm
from ..dates import due_from_value
from ..reader import strip_inline
from ..structure import Item, is_upper
from .base import Base
from .patterns import (
    _table_columns,
)


class TableMixin(Base):
    """Reads task tables."""

    def _table_tasks(self, it: Item) -> list[tuple[float, dict[str, Any]]]:
        table = it.table
        assert table is not None
        self.consumed.add(it.index)
        rows = table.rows
        if len(rows) < 2:
            return []
        header_at = None
        columns: dict[str, int] = {}
        for r, row in enumerate(rows[:3]):
            found = _table_columns(row)
            if "content" in found and ("lead" in found or "time" in found):
                header_at, columns = r, found
                break
        if header_at is None:
            return []
        body_rows = rows[header_at + 1 :]
        # A programme (times of day) is not a list of tasks.
        times = [row[columns["time"]] for row in body_rows if "time" in columns and row[columns["time"]].strip()]
        if times and sum(bool(re.match(r"^\d{1,2}\s*(?:h|giờ|:)", t)) for t in times) >= len(times) / 2:
            return []
        out: list[tuple[float, dict[str, Any]]] = []
        phase_due: str | None = None
        for r, row in enumerate(body_rows):
            def cell(name: str) -> str:
                index = columns.get(name)
                return squash_spaces(strip_inline(row[index])) if index is not None and index < len(row) else ""

            content, time_text, lead_text = cell("content"), cell("time"), cell("lead")
            marker = cell("marker")
            if not content:
                continue
            is_phase = (re.fullmatch(r"[IVX]+\.?", marker) is not None or fold(content).startswith("giai doan")
                        or is_upper(content)) and not lead_text
            if is_phase:
                phase_due = due_from_value(time_text)[0] if time_text else None
                continue
            due = due_from_value(time_text)[0] if time_text else phase_due
            lead, support = self._table_lead(lead_text, len(out))
            support += nm.split_agencies(cell("support")) if cell("support") else []
            task = self._task(content, lead, support, due)
            if lead_text and not lead:
                task["_lead_text"] = lead_text
            # Rows sort after the table's position and before the next item, in row order.
            out.append((it.index + (r + 1) / (len(body_rows) + 1), task))
        return out

    def _table_lead(self, text: str, position: int) -> tuple[list[str], list[str]]:
        text = squash_spaces(text).strip(" .;")
        if not text:
            return [], []
        if re.search(r":\s", text):
            return [], []
        if len(text) > 140:
            # A long cell is a list of bodies ("Bộ Công an, Bộ Lao động - …, Ngân hàng …") or prose.
            names = nm.split_agencies(text)
            if len(names) < 2 or not all(nm.starts_with_agency(n) for n in names):
                return [], []
        match = re.search(r"\s+(?:chủ trì,?\s*)?phối hợp (?:với|cùng)\s+(.+)$", text)
        if match:
            return nm.split_agencies(text[: match.start()]), nm.split_agencies(match.group(1))
        return nm.split_agencies(text), []
