"""Split a Markdown file into YAML front matter and body, keeping line numbers.

MkDocs' own reader (``mkdocs.utils.meta.get_data``) swallows YAML errors and
returns an empty mapping, which silently loses a plan. This reader never does: it
returns the data, a map from every field path to its line, and the problems found.

YAML 1.1 surprises are switched off: ``on``/``off``/``yes``/``no`` stay strings
(``on: 2023-10-30`` is a key named "on", not ``True``), and ``07:30`` is not a
base-60 number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic

__all__ = ["FrontMatter", "PortalLoader", "Path_", "parse_front_matter", "load_yaml"]

Path_ = tuple[str | int, ...]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class PortalLoader(yaml.SafeLoader):
    """A safe loader with YAML 1.2-like scalars (no yes/no/on/off booleans, no sexagesimals)."""


PortalLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PortalLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
PortalLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
PortalLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789.")
)

_FENCE = re.compile(r"^---[ \t]*$")
_END_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass
class FrontMatter:
    """The result of reading one file.

    Attributes:
        data: The front matter mapping (empty when missing or unreadable).
        body: The Markdown after the front matter.
        body_line: 1-based line of the first body line in the file.
        lines: Line of every field path, e.g. ``("tasks", 2, "due") -> 41``.
        problems: What went wrong while reading (YAML syntax, duplicate keys, no front matter).
        has_front_matter: Whether the file starts with a ``---`` block at all.
    """

    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    has_front_matter: bool = False

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def _walk(node: yaml.Node, path: Path_, offset: int, lines: dict[Path_, int], dups: list[tuple[Path_, int]]) -> None:
    lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = path + (key,)
            if key in seen:
                dups.append((child, key_node.start_mark.line + 1 + offset))
            seen.add(key)
            _walk(value_node, child, offset, lines, dups)
            lines[child] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), offset, lines, dups)


def load_yaml(text: str, rel_path: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int], list[Diagnostic]]:
    """Parse YAML ``text``; return the data, the line map and the problems (never raises)."""
    lines: dict[Path_, int] = {}
    problems: list[Diagnostic] = []
    try:
        loader = PortalLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, lines, problems
            dups: list[tuple[Path_, int]] = []
            _walk(node, (), line_offset, lines, dups)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        problem_line = exc.problem_mark.line + 1 + line_offset if exc.problem_mark else None
        context_line = exc.context_mark.line + 1 + line_offset if exc.context_mark else None
        line = context_line or problem_line
        problems.append(
            Diagnostic(
                rel_path,
                line,
                f"YAML không hợp lệ: {_explain_yaml(exc, problem_line)}",
                allowed="cú pháp YAML: `khóa: giá trị`, thụt lề bằng dấu cách (không dùng Tab)",
                suggestion="Kiểm tra dấu hai chấm, dấu ngoặc và ngoặc kép, thụt lề ở dòng này và các dòng ngay sau; "
                "đặt giá trị có dấu «:» hoặc «#» trong ngoặc kép.",
                code="yaml-syntax",
            )
        )
        return None, lines, problems
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        problems.append(Diagnostic(rel_path, None, f"YAML không hợp lệ: {exc}.", code="yaml-syntax"))
        return None, lines, problems
    for path, line in dups:
        problems.append(
            Diagnostic(
                rel_path,
                line,
                "Khóa bị khai báo hai lần; giá trị sau sẽ ghi đè giá trị trước.",
                field=".".join(str(p) for p in path),
                suggestion="Xóa một trong hai dòng.",
                code="duplicate-key",
            )
        )
    return data, lines, problems


_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("expected ',' or ']'", "danh sách mở bằng «[» chưa được đóng bằng «]»"),
    ("expected ',' or '}'", "nhóm mở bằng «{» chưa được đóng bằng «}»"),
    ("mapping values are not allowed", "dấu «:» xuất hiện ở chỗ không được phép (giá trị có dấu hai chấm cần đặt trong ngoặc kép)"),
    ("cannot start any token", "có ký tự không hợp lệ ở đầu giá trị (Tab, «@» hoặc «`»)"),
    ("could not find expected ':'", "thiếu dấu «:» sau tên khóa"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng"),
    ("expected <block end>", "thụt lề không đều"),
    ("did not find expected key", "thụt lề không đều hoặc thiếu dấu «-» đầu mục"),
    ("found duplicate anchor", "trùng nhãn «&»"),
    ("found undefined alias", "dùng nhãn «*» chưa khai báo"),
)


def _explain_yaml(exc: yaml.MarkedYAMLError, problem_line: int | None) -> str:
    """A Vietnamese reading of PyYAML's English message."""
    problem = str(exc.problem or exc.context or "")
    reason = next((vi for en, vi in _YAML_PROBLEMS if en in problem), f"lỗi cú pháp ({problem})")
    where = f" (phát hiện ở dòng {problem_line})" if problem_line else ""
    return f"{reason}{where}."


def parse_front_matter(text: str, rel_path: str) -> FrontMatter:
    """Read a Markdown file's text (any encoding quirks already decoded) into a :class:`FrontMatter`."""
    text = clean_source(text)
    result = FrontMatter(body=text)
    source_lines = text.split("\n")
    if not source_lines or not _FENCE.match(source_lines[0]):
        result.problems.append(
            Diagnostic(
                rel_path,
                1,
                "Tệp không có phần khai báo (front matter) ở đầu.",
                allowed="tệp bắt đầu bằng một dòng `---`, các trường YAML, rồi một dòng `---`",
                suggestion="Thêm khối `---` … `---` với ít nhất issued, issuer và summary (xem Hướng dẫn biên tập).",
                code="no-front-matter",
            )
        )
        return result
    end = next((i for i in range(1, len(source_lines)) if _END_FENCE.match(source_lines[i])), None)
    if end is None:
        result.problems.append(
            Diagnostic(
                rel_path,
                1,
                "Phần khai báo mở bằng `---` nhưng không có dòng `---` đóng lại.",
                suggestion="Thêm một dòng `---` sau trường cuối cùng của phần khai báo.",
                code="unclosed-front-matter",
            )
        )
        return result
    result.has_front_matter = True
    result.body = "\n".join(source_lines[end + 1 :]).strip("\n")
    result.body_line = end + 2
    data, lines, problems = load_yaml("\n".join(source_lines[1:end]), rel_path, line_offset=1)
    result.lines = lines
    result.problems.extend(problems)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        result.problems.append(
            Diagnostic(
                rel_path,
                2,
                "Phần khai báo phải là các cặp `khóa: giá trị`.",
                value=data,
                suggestion="Mỗi dòng viết dạng `summary: Tổ chức …`.",
                code="front-matter-not-mapping",
            )
        )
        data = {}
    result.data = {str(k): v for k, v in data.items()}
    return result


def clean_source(text: str) -> str:
    """Decode-level clean-up of a whole file: BOM, CRLF/CR line ends, NFC (tabs kept for YAML errors)."""
    import unicodedata

    return unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")

