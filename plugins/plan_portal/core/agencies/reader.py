"""Reading ``co-quan.yml``: every problem becomes a diagnostic with its line; bad entries are skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, closest, explain_yaml
from ..text import slugify
from .model import Agency, _one_line
from .names import ALLOWED_KEYS, _ID_ALLOWED, is_valid_id, normalize_name
from .registry import Registry


# --------------------------------------------------------------------------- loading


@dataclass
class _Entry:
    """One entry read from ``co-quan.yml`` with the lines of its fields."""

    index: int
    agency: Agency
    lines: dict[str, int]


_NULL_TAG = "tag:yaml.org,2002:null"
_MAPPING = object()  # marker for a mapping where a scalar or list was expected


def _plain(node: Node) -> Any:
    """The value of a node, keeping scalars as written ("no", "2024" stay strings)."""
    if isinstance(node, ScalarNode):
        return None if node.tag == _NULL_TAG else node.value
    if isinstance(node, SequenceNode):
        return [_plain(item) for item in node.value]
    return _MAPPING


class RegistryReader:
    """Reads the text of ``co-quan.yml`` into a :class:`Registry` and diagnostics."""

    def __init__(self, rel_path: str) -> None:
        self.rel_path = rel_path
        self.diagnostics: list[Diagnostic] = []

    def error(self, line: int | None, message: str, **kwargs: Any) -> None:
        self.diagnostics.append(Diagnostic(path=self.rel_path, line=line, message=message, **kwargs))

    def read(self, text: str) -> tuple[Registry, list[Diagnostic]]:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = explain_yaml(exc.problem, exc.context) or exc.problem or exc.context or "không rõ"
            self.error(
                mark.line + 1 if mark else None,
                f"Tệp danh mục cơ quan không đúng cú pháp YAML ({problem})",
                suggestion="Kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu `:` sau mỗi khóa; "
                "tên có dấu `:` hoặc `#` phải đặt trong ngoặc kép.",
                code="yaml",
            )
            return Registry(), self.diagnostics
        except (yaml.YAMLError, ValueError, RecursionError) as exc:
            self.error(None, f"Tệp danh mục cơ quan không đúng cú pháp YAML ({exc})", code="yaml")
            return Registry(), self.diagnostics
        if root is None:
            return Registry(), self.diagnostics
        if not isinstance(root, SequenceNode):
            self.error(
                root.start_mark.line + 1,
                "Tệp danh mục cơ quan phải là một danh sách, mỗi cơ quan một mục bắt đầu bằng `- id: …`",
                code="invalid",
            )
            return Registry(), self.diagnostics
        entries: dict[str, _Entry] = {}
        for index, node in enumerate(root.value):
            entry = self.read_entry(index, node)
            if entry is None:
                continue
            first = entries.get(entry.agency.id)
            if first is not None:
                self.error(
                    entry.lines["id"],
                    f"Mã (id) `{entry.agency.id}` bị trùng: đã dùng cho «{first.agency.name}» "
                    f"ở dòng {first.agency.line}",
                    field=f"[{index}].id",
                    value=entry.agency.id,
                    suggestion="Mỗi cơ quan cần một mã riêng; đổi mã của mục này.",
                    code="duplicate-id",
                )
                continue
            entries[entry.agency.id] = entry
        self.check_parents(entries)
        self.check_cycles(entries)
        self.check_names(entries)
        return Registry(entry.agency for entry in entries.values()), self.diagnostics

    def read_entry(self, index: int, node: Node) -> _Entry | None:
        item_line = node.start_mark.line + 1
        where = f"[{index}]"
        if not isinstance(node, MappingNode):
            self.error(
                item_line,
                "Mỗi mục của danh mục phải là một cơ quan với các khóa `id`, `name`…",
                field=where,
                value=_plain(node) if isinstance(node, ScalarNode) else None,
                allowed=", ".join(f"`{key}`" for key in ALLOWED_KEYS),
                code="invalid",
            )
            return None
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str) or key not in ALLOWED_KEYS:
                shown = key if isinstance(key, str) else None
                near = closest(shown.lower(), ALLOWED_KEYS, n=1) if shown is not None else []
                self.error(
                    key_line,
                    "Khóa không được dùng trong danh mục cơ quan",
                    field=f"{where}.{shown}" if shown is not None else where,
                    value=shown,
                    allowed=", ".join(f"`{k}`" for k in ALLOWED_KEYS),
                    suggestion=f"Có phải ý bạn là `{near[0]}`?" if near else None,
                    code="unknown-key",
                )
                continue
            if key in values:
                self.error(
                    key_line,
                    f"Khóa `{key}` lặp lại trong cùng một cơ quan (dòng {lines[key]})",
                    field=f"{where}.{key}",
                    suggestion="Giữ một khóa; nhiều tên khác thì ghi vào `aliases`.",
                    code="duplicate-key",
                )
                continue
            values[key] = _plain(value_node)
            lines[key] = value_node.start_mark.line + 1 if not _is_empty(value_node) else key_line

        name = values.get("name")
        if not isinstance(name, str) or not _one_line(name):
            self.error(
                lines.get("name", item_line),
                "Thiếu tên đầy đủ của cơ quan" if name is None else "Tên đầy đủ (name) phải là một dòng chữ",
                field=f"{where}.name",
                value=None if name is None or name is _MAPPING else name,
                allowed="tên đầy đủ, ví dụ «Phòng Nội vụ thành phố Cẩm Phả»",
                code="missing" if name is None else "invalid",
            )
            name = None
        agency_id = values.get("id")
        if agency_id is None:
            self.error(
                lines.get("id", item_line),
                "Thiếu mã (id) của cơ quan",
                field=f"{where}.id",
                allowed=_ID_ALLOWED,
                suggestion=f"Thêm `id: {slugify(name)}`." if name and slugify(name) else None,
                code="missing",
            )
            return None
        if not isinstance(agency_id, str) or not is_valid_id(agency_id.strip()):
            shown = agency_id if isinstance(agency_id, str) else None
            fix = slugify(agency_id) if isinstance(agency_id, str) else ""
            self.error(
                lines["id"],
                "Mã (id) của cơ quan không hợp lệ",
                field=f"{where}.id",
                value=shown,
                allowed=_ID_ALLOWED,
                suggestion=f"Có phải ý bạn là `{fix}`?" if fix else None,
                code="invalid-id",
            )
            return None
        if name is None:
            return None
        agency_id = agency_id.strip()

        data: dict[str, Any] = {"id": agency_id, "name": name, "line": item_line}
        short = values.get("short")
        if isinstance(short, str) or short is None:
            data["short"] = short
        else:
            self.bad_type(lines["short"], f"{where}.short", "một tên viết tắt (một dòng chữ)")
        aliases = values.get("aliases")
        if aliases is None or isinstance(aliases, str):
            data["aliases"] = aliases
        elif isinstance(aliases, list) and all(isinstance(a, str) or a is None for a in aliases):
            data["aliases"] = [a for a in aliases if a is not None]
        else:
            self.bad_type(
                lines["aliases"], f"{where}.aliases", "một danh sách tên, ví dụ `[Phòng NV, Phòng Nội vụ TP]`"
            )
        parent = values.get("parent")
        if parent is None or (isinstance(parent, str) and not parent.strip()):
            data["parent"] = None
        elif isinstance(parent, str) and is_valid_id(parent.strip()):
            data["parent"] = parent.strip()
        else:
            fix = slugify(parent) if isinstance(parent, str) else ""
            self.error(
                lines["parent"],
                "Mã cơ quan cấp trên (parent) không hợp lệ",
                field=f"{where}.parent",
                value=parent if isinstance(parent, str) else None,
                allowed=f"mã (id) của một cơ quan trong danh mục: {_ID_ALLOWED}",
                suggestion=f"Có phải ý bạn là `{fix}`?" if fix else None,
                code="invalid-id",
            )
        kind = values.get("kind")
        if kind is None or kind in ("state", "party"):
            data["kind"] = kind
        else:
            self.error(
                lines["kind"],
                "Loại cơ quan (kind) không hợp lệ",
                field=f"{where}.kind",
                value=str(kind),
                allowed="`state` (cơ quan nhà nước) hoặc `party` (cơ quan của Đảng)",
                suggestion="Bỏ trống để lấy theo cơ quan cấp trên.",
                code="invalid",
            )
        try:
            agency = Agency.model_validate(data)
        except ValidationError as exc:  # pragma: no cover - the checks above cover the model
            self.error(item_line, f"Cơ quan không hợp lệ ({exc.error_count()} lỗi)", field=where, code="invalid")
            return None
        return _Entry(index=index, agency=agency, lines=lines)

    def bad_type(self, line: int, field_path: str, allowed: str) -> None:
        self.error(line, "Giá trị sai kiểu", field=field_path, allowed=allowed, code="invalid")

    def check_parents(self, entries: dict[str, _Entry]) -> None:
        ids = list(entries)
        for entry in entries.values():
            parent = entry.agency.parent
            if parent is None or parent in entries:
                continue
            near = closest(parent, ids, n=1)
            self.error(
                entry.lines["parent"],
                f"Cơ quan cấp trên `{parent}` không có trong danh mục",
                field=f"[{entry.index}].parent",
                value=parent,
                allowed="mã (id) của một cơ quan trong danh mục",
                suggestion=f"Có phải ý bạn là `{near[0]}`?"
                if near
                else "Thêm cơ quan cấp trên vào danh mục hoặc bỏ trường `parent`.",
                code="unknown-parent",
            )
            entry.agency = entry.agency.model_copy(update={"parent": None})

    def check_cycles(self, entries: dict[str, _Entry]) -> None:
        done: set[str] = set()
        for start in entries:
            path: list[str] = []
            on_path: dict[str, int] = {}
            current: str | None = start
            while current is not None and current not in done and current not in on_path:
                on_path[current] = len(path)
                path.append(current)
                current = entries[current].agency.parent
            if current is not None and current in on_path:
                cycle = path[on_path[current] :]
                breaker = min(cycle, key=lambda a: entries[a].agency.line or 0)
                loop = cycle[cycle.index(breaker) :] + cycle[: cycle.index(breaker)]
                shown = " → ".join([*loop, breaker])
                entry = entries[breaker]
                self.error(
                    entry.lines["parent"],
                    f"Quan hệ cấp trên (parent) tạo thành vòng lặp: {shown}",
                    field=f"[{entry.index}].parent",
                    value=entry.agency.parent,
                    suggestion="Mỗi cơ quan chỉ có một cấp trên và không được là cấp trên của chính mình; "
                    "sửa trường `parent` của một cơ quan trong vòng.",
                    code="parent-cycle",
                )
                entry.agency = entry.agency.model_copy(update={"parent": None})
            done.update(path)

    def check_names(self, entries: dict[str, _Entry]) -> None:
        claimed: dict[tuple[str | None, str], tuple[_Entry, str]] = {}
        for entry in entries.values():
            agency = entry.agency
            for field_name, value in _named_fields(agency):
                key = normalize_name(value)
                if not key or agency.parent is None:
                    # Roots are separate localities: every province has its "UBND tỉnh".
                    continue
                first = claimed.get((agency.parent, key))
                if first is None:
                    claimed[(agency.parent, key)] = (entry, value)
                    continue
                if first[0] is entry:
                    continue
                other = first[0].agency
                under = f"cùng cơ quan cấp trên `{agency.parent}`"
                self.error(
                    entry.lines.get(field_name, agency.line),
                    f"Tên «{value}» trùng với «{first[1]}» của `{other.id}` (dòng {other.line}), {under}",
                    field=f"[{entry.index}].{field_name}",
                    value=value,
                    suggestion="Hai cơ quan cùng cấp trên phải có tên khác nhau để tra cứu không nhầm; "
                    "sửa tên, tên viết tắt (`short`) hoặc bí danh (`aliases`).",
                    code="duplicate-name",
                )


def _named_fields(agency: Agency) -> list[tuple[str, str]]:
    out = [("name", agency.name)]
    if agency.short:
        out.append(("short", agency.short))
    out.extend(("aliases", alias) for alias in agency.aliases)
    return out


def _is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG and node.value == ""
