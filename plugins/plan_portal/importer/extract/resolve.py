"""Last phase: checks and agencies resolved against the registry."""

from __future__ import annotations

import json
import re
from typing import Any

from plan_portal.core.text import slugify

from ..dates import period_ok
from .base import Base, Path_


class ResolveMixin(Base):
    """Checks the record and resolves agencies."""

    def _check(self, record: dict[str, Any]) -> None:
        if record.get("issued") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(record["issued"])):
            if period_ok(str(record["issued"])) is False:
                self.note(("issued",), f"Không hiểu ngày ban hành «{record['issued']}».")

    def _resolve(self, record: dict[str, Any]) -> None:
        """Resolve every issuer, lead, support and căn cứ issuer against the registry."""
        registry = self.registry
        if registry is None:
            return
        context: str | None = None

        def resolve(name: str, path: Path_) -> None:
            try:
                result = registry.resolve(name, context)
            except Exception as exc:  # never crash an import on one odd name
                self.note(path, f"Không tra được cơ quan «{name}» trong danh mục ({type(exc).__name__}).")
                return
            if result.ok or result.is_generic:
                return
            if result.status == "ambiguous":
                names = ", ".join(f"{a.name} ({a.id})" for a in result.candidates)
                self.note(path, f"Tên cơ quan «{name}» ứng với nhiều cơ quan: {names}. Ghi rõ mã (id) của cơ quan.")
                return
            hint = result.suggestions
            more = f" Có phải: {' hay '.join(hint[:3])}?" if hint else ""
            entry = " Nếu là cơ quan mới, thêm vào co-quan.yml: " + registry_entry(name, context)
            self.note(path, f"Cơ quan «{name}» chưa có trong danh mục.{more}{entry}")

        if record.get("issuer"):
            resolve(record["issuer"], ("issuer",))
            try:
                res = registry.resolve(record["issuer"])
                if res.ok and res.agency is not None:
                    context = res.agency.id
            except Exception:
                context = None
        for i, task in enumerate(record.get("tasks", [])):
            for key in ("lead", "support"):
                value = task.get(key)
                for name in [value] if isinstance(value, str) else (value or []):
                    resolve(name, ("tasks", i, key))
        for i, ref in enumerate(record.get("basis", [])):
            if ref.get("issuer"):
                resolve(ref["issuer"], ("basis", i, "issuer"))


def registry_entry(name: str, parent: str | None) -> str:
    """A ready-to-paste co-quan.yml entry (one line of YAML flow style) for a new body."""
    ident = slugify(name, max_length=60) or "co-quan-moi"
    parts = [f"id: {ident}", f"name: {json.dumps(name, ensure_ascii=False)}"]
    if parent:
        parts.append(f"parent: {parent}")
    return "«- {" + ", ".join(parts) + "}»"
