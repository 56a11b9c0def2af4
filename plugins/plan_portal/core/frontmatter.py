"""Split a Markdown file into YAML front matter and body, keeping line numbers.

MkDocs' own reader (``mkdocs.utils.meta.get_data``) swallows YAML errors and
returns an empty mapping, which silently loses a plan. This reader never does: it
returns the data, a map from every field path to its line, and the problems found.

YAML 1.1 surprises are switched off: ``on``/``off``/``yes``/``no`` stay strings
(``on: 2023-10-30`` is a key named "on", not ``True``), ``07:30`` is not a
base-60 number and ``0250`` is 250, not octal.

Never raises, whatever the text (a property test feeds it arbitrary input). What it
forgives, because the value is unambiguous and every text value is space-folded later
anyway: a BOM, CRLF/CR line ends, NFD text, Word's vertical tab/form feed, non-breaking
and other Unicode spaces and tabs *inside* a line of the front matter (all become plain
spaces, so positions and line numbers do not move). What it reports: a tab used for
indentation, any other YAML error (in Vietnamese, with its line), duplicate keys,
impossible dates (``2023-02-30`` stays a string and the period parser explains it),
YAML aliases that expand beyond reason (``*a`` bombs) or refer to themselves, nesting
deeper than Python can follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.constructor
import yaml.resolver

from .diagnostics import Diagnostic, explain_yaml

__all__ = ["FrontMatter", "PortalLoader", "Path_", "parse_front_matter", "load_yaml"]

Path_ = tuple[str | int, ...]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class _PortalConstructor(yaml.constructor.SafeConstructor):
    """Safe construction, with impossible dates kept as text and decimal integers."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        """A date that is not in the calendar (``2023-02-30``) stays text for the period parser to explain."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:  # type: ignore[override]
        """Decimal, as in YAML 1.2: ``0250`` is 250 (YAML 1.1 reads octal 168) and ``09`` is 9 (not an error)."""
        return int(self.construct_scalar(node), 10)


_PortalConstructor.add_constructor("tag:yaml.org,2002:timestamp", _PortalConstructor.construct_yaml_timestamp)
_PortalConstructor.add_constructor(_INT, _PortalConstructor.construct_yaml_int)


class _PortalResolver(yaml.resolver.Resolver):
    """YAML 1.2-like implicit types: no yes/no/on/off booleans, no sexagesimal or octal numbers."""


_PortalResolver.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for key, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_PortalResolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_PortalResolver.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_PortalResolver.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789.")
)


class PortalLoader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
    _PortalConstructor, _PortalResolver,
):
    """A safe loader with YAML 1.2-like scalars (no yes/no/on/off booleans, no sexagesimals).

    Pure Python: its error messages are the ones :data:`~plan_portal.core.diagnostics.YAML_PROBLEMS` explains in Vietnamese.
    """

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _PortalConstructor.__init__(self)
        _PortalResolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):
    import yaml.cyaml


    class _FastLoader(yaml.cyaml.CParser, _PortalConstructor, _PortalResolver):  # type: ignore[misc]
        """The same loader on libyaml's parser: ~15 times faster on a plan's front matter (issue 8).

        Used for text libyaml accepts; anything it refuses is read again by :class:`PortalLoader`,
        so every error message and line number comes from one parser.
        """

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            _PortalConstructor.__init__(self)
            _PortalResolver.__init__(self)

    _LOADERS: tuple[type, ...] = (_FastLoader, PortalLoader)
    # libyaml is more lenient than PyYAML with tabs, stray BOMs, tags «!», «?», anchors and «|#»: such text,
    # rare in front matter, is read by PyYAML only, so that both report the same problems (tested).
    _FAST_UNSAFE = re.compile(r"[\t\ufeff!?]|[|>][-+0-9]*#|(?<!\w)[&*]").search
else:  # pragma: no cover - PyYAML wheels ship libyaml
    _LOADERS = (PortalLoader,)
    _FAST_UNSAFE = re.compile(r"\A").search


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


# Nodes reached again through YAML aliases (``*name``) beyond which the front matter is
# refused: a handful of nested aliases can otherwise expand to billions of values.
_MAX_ALIASED_NODES = 100_000
# Nesting beyond which the front matter is refused (a plan needs four levels: tasks → task → support → name).
_MAX_DEPTH = 64


class _AliasError(Exception):
    """Aliases that refer to themselves or expand too far; carries the line and the Vietnamese reason."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


class _TooDeep(Exception):
    """Lists or mappings nested beyond :data:`_MAX_DEPTH` (or beyond what Python can follow)."""


@dataclass
class _WalkState:
    seen: set[int] = field(default_factory=set)
    active: set[int] = field(default_factory=set)
    aliased: int = 0


def _walk(node: yaml.Node, path: Path_, offset: int, lines: dict[Path_, int], dups: list[tuple[Path_, int]],
          state: _WalkState | None = None, repeated: bool = False) -> None:
    state = state if state is not None else _WalkState()
    line = node.start_mark.line + 1 + offset
    lines[path] = line
    if not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        return
    if len(path) >= _MAX_DEPTH:
        raise _TooDeep()
    key = id(node)
    if key in state.active:
        raise _AliasError(line, "một nhãn «&» được dùng lại («*») ngay bên trong chính nó (vòng lặp)")
    repeated = repeated or key in state.seen
    if repeated:
        state.aliased += len(node.value)
        if state.aliased > _MAX_ALIASED_NODES:
            raise _AliasError(line, "các nhãn «&»/«*» lồng nhau tạo ra quá nhiều giá trị")
    state.seen.add(key)
    state.active.add(key)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = path + (name,)
            if name in seen and not repeated:
                dups.append((child, key_node.start_mark.line + 1 + offset))
            seen.add(name)
            _walk(value_node, child, offset, lines, dups, state, repeated)
            lines[child] = key_node.start_mark.line + 1 + offset
    else:
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), offset, lines, dups, state, repeated)
    state.active.discard(key)


def load_yaml(text: str, rel_path: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int], list[Diagnostic]]:
    """Parse YAML ``text``; return the data, the line map and the problems (never raises)."""
    lines: dict[Path_, int] = {}
    problems: list[Diagnostic] = []
    try:
        for loader_class in _LOADERS[-1:] if _FAST_UNSAFE(text) else _LOADERS:
            lines = {}
            loader = loader_class(text)
            try:
                node = loader.get_single_node()
                if node is None:
                    return None, lines, problems
                dups: list[tuple[Path_, int]] = []
                _walk(node, (), line_offset, lines, dups)
                data = loader.construct_document(node)
                break
            except (yaml.YAMLError, _AliasError, _TooDeep, RecursionError, ValueError, TypeError, OverflowError):
                if loader_class is PortalLoader:
                    raise
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
    except yaml.reader.ReaderError as exc:
        # A control character (NUL, ESC…) PyYAML refuses; Word's vertical tab is already a space.
        line = text[: exc.position].count("\n") + 1 + line_offset
        problems.append(
            Diagnostic(
                rel_path,
                line,
                f"YAML không hợp lệ: có ký tự điều khiển không in được (mã U+{exc.character:04X}) ở dòng này.",
                allowed="chữ, số, dấu câu và dấu cách",
                suggestion="Xóa ký tự ẩn này (thường do dán từ Word hoặc trang web): gõ lại đoạn chữ quanh nó.",
                code="yaml-syntax",
            )
        )
        return None, lines, problems
    except _AliasError as exc:
        problems.append(
            Diagnostic(
                rel_path,
                exc.line,
                f"YAML không hợp lệ: {exc.reason}.",
                allowed="giá trị viết thẳng; nhãn «&tên»/«*tên» chỉ để dùng lại một danh sách nhỏ",
                suggestion="Viết thẳng giá trị thay cho «*tên».",
                code="yaml-syntax",
            )
        )
        return None, lines, problems
    except (RecursionError, _TooDeep):
        problems.append(
            Diagnostic(
                rel_path,
                1 + line_offset,
                "YAML không hợp lệ: các danh sách hoặc nhóm lồng vào nhau quá sâu.",
                allowed="tối đa vài cấp lồng nhau, như trong Hướng dẫn biên tập",
                suggestion="Kiểm tra các dấu «[» «{» thừa hoặc thụt lề sai.",
                code="yaml-syntax",
            )
        )
        return None, lines, problems
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # pragma: no cover - last resort
        problems.append(
            Diagnostic(rel_path, 1 + line_offset, f"YAML không hợp lệ: lỗi cú pháp ({exc}).", code="yaml-syntax")
        )
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


def _explain_yaml(exc: yaml.MarkedYAMLError, problem_line: int | None) -> str:
    """A Vietnamese reading of PyYAML's English message."""
    problem = str(exc.problem or exc.context or "")
    reason = explain_yaml(exc.problem, exc.context) or f"lỗi cú pháp ({problem})"
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
    rest = source_lines[end + 1 :]
    blank = next((i for i, line in enumerate(rest) if line), len(rest))  # lines dropped by strip("\n")
    result.body = "\n".join(rest).strip("\n")
    result.body_line = end + 2 + blank
    yaml_text = "\n".join(_inline_spaces(line) for line in source_lines[1:end])
    data, lines, problems = load_yaml(yaml_text, rel_path, line_offset=1)
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
    """Decode-level clean-up of a whole file: BOM, CRLF/CR line ends, NFC, Word's vertical tab and form feed.

    Tabs are kept here: indentation by tab is reported, tabs inside a front matter line
    are made spaces by :func:`_inline_spaces`.
    """
    import unicodedata

    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0b" in text or "\x0c" in text:  # str.translate would be ~100 times slower on every file
        text = text.replace("\x0b", " ").replace("\x0c", " ")
    return text

# Spaces Word and web pages type where a plain space is meant (same length: columns do not move).
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INDENT = re.compile(r"^[ \t]*")


def _inline_spaces(line: str) -> str:
    """A front matter line with tabs after its indentation and Unicode spaces made plain spaces.

    Every text value is space-folded by the model anyway; doing it before YAML reads the
    line turns ``summary:<Tab>…`` or ``issued<NBSP>: …`` from a syntax error into what the
    editor meant. A tab in the indentation stays, and is reported.
    """
    indent = _INDENT.match(line).group(0)  # type: ignore[union-attr]
    rest = line[len(indent):]
    return indent + _ODD_SPACES.sub(" ", rest) if _ODD_SPACES.search(rest) else line

