"""Load plan files into the model and translate every problem into a Vietnamese diagnostic.

Loading never raises on bad content and never drops a file: each file becomes a
:class:`PlanEntry`, valid or not, so the site can still show a broken plan with its
problems (or list it on the build report) instead of losing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, Severity, closest
from .frontmatter import FrontMatter, parse_front_matter
from .model import FIELD_LABELS, BasisRef, Event, Plan, Signer, Task
from .periods import Period, parse_period

__all__ = ["PlanEntry", "load_plan", "load_plan_text", "iter_plan_files", "FIELD_LABELS"]


# Which model describes the mapping at a given location, to suggest the right keys.
_CHILD_MODELS: dict[str, type[BaseModel]] = {"signer": Signer, "basis": BasisRef, "tasks": Task, "events": Event}

_TYPE_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("Thiếu trường bắt buộc.", "Thêm trường này vào phần khai báo."),
    "string_type": ("Phải là một đoạn văn bản.", "Viết giá trị trên một dòng; nếu là số, đặt trong ngoặc kép: \"228\"."),
    "string_too_short": ("Không được để trống.", "Điền nội dung hoặc xóa dòng này nếu trường không bắt buộc."),
    "too_short": ("Không được để trống.", "Điền nội dung hoặc xóa dòng này nếu trường không bắt buộc."),
    "list_type": ("Phải là một danh sách.", "Viết dạng [A, B] hoặc mỗi mục một dòng bắt đầu bằng «- »."),
    "dict_type": ("Phải là một nhóm `khóa: giá trị`.", "Xem ví dụ trong Hướng dẫn biên tập."),
    "model_type": ("Phải là một nhóm `khóa: giá trị`.", "Xem ví dụ trong Hướng dẫn biên tập."),
    "model_attributes_type": ("Phải là một nhóm `khóa: giá trị`.", "Xem ví dụ trong Hướng dẫn biên tập."),
    "int_type": ("Phải là một số nguyên.", "Viết số không có chữ, ví dụ 250."),
    "int_parsing": ("Phải là một số nguyên.", "Viết số không có chữ, ví dụ 250."),
    "int_from_float": ("Phải là một số nguyên.", "Viết số không có phần thập phân."),
    "greater_than_equal": ("Số quá nhỏ.", "Dùng một số dương."),
    "enum": ("Giá trị không nằm trong danh sách cho phép.", "Chọn một giá trị trong danh sách."),
    "literal_error": ("Giá trị không nằm trong danh sách cho phép.", "Chọn một giá trị trong danh sách."),
    "extra_forbidden": ("Khóa không được hỗ trợ.", ""),
    "is_instance_of": ("Kiểu giá trị không hợp lệ.", "Xem Hướng dẫn biên tập."),
}


@dataclass
class PlanEntry:
    """One plan file, loaded or not.

    Attributes:
        path: Relative to the content folder (``ke-hoach/2023/48-kh-ubnd.md``).
        url: Site-relative URL of its page.
        plan: The validated plan, or ``None`` when it has errors that prevent it.
        front: The raw front matter and body.
        diagnostics: Every problem of this file.
    """

    path: str
    url: str
    plan: Plan | None
    front: FrontMatter
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.plan is not None

    @property
    def body(self) -> str:
        return self.front.body

    @property
    def title(self) -> str:
        """Best-effort title even for a broken file."""
        if self.plan:
            return self.plan.title
        data = self.front.data
        for key in ("number", "summary"):
            if isinstance(data.get(key), str) and data[key].strip():
                return f"{data.get('doc_type') or 'Kế hoạch'} {data[key].strip()}"
        return Path(self.path).stem

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def _allowed_for(error: dict[str, Any]) -> str | None:
    ctx = error.get("ctx") or {}
    expected = ctx.get("expected")
    if expected:
        return str(expected).replace("'", "`").replace(" or ", " hoặc ")
    return None


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel]:
    model: type[BaseModel] = Plan
    for part in loc[:-1]:
        if isinstance(part, str) and part in _CHILD_MODELS:
            model = _CHILD_MODELS[part]
    return model


def _dotted(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def translate_error(error: dict[str, Any], front: FrontMatter, rel_path: str) -> Diagnostic:
    """Turn one pydantic error into an editor-facing Vietnamese :class:`Diagnostic`."""
    loc = tuple(error["loc"])
    kind = error["type"]
    message, suggestion = _TYPE_MESSAGES.get(kind, (f"Giá trị không hợp lệ ({error.get('msg', kind)}).", ""))
    if kind == "value_error":
        reason = str((error.get("ctx") or {}).get("error", error.get("msg", "")))
        message, suggestion = "Giá trị không hợp lệ.", reason[:1].upper() + reason[1:] + "."
    field_name = loc[-1] if loc else None
    label = FIELD_LABELS.get(field_name, "") if isinstance(field_name, str) else ""
    if label and kind != "extra_forbidden":
        message = f"{label[0].upper()}{label[1:]}: {message[0].lower()}{message[1:]}"
    allowed = _allowed_for(error)
    value = None if kind == "missing" else _value_at(front.data, loc)
    if kind == "extra_forbidden" and isinstance(field_name, str):
        model = _model_at(loc)
        keys = list(model.model_fields)
        near = closest(field_name, keys, n=1, cutoff=0.5)
        suggestion = f"Có phải ý bạn là `{near[0]}`?" if near else "Xóa khóa này hoặc sửa tên khóa."
        allowed = ", ".join(f"`{k}`" for k in keys)
        message = f"Khóa `{field_name}` không được hỗ trợ."
        value = None
    line = front.line_of(loc) if loc else None
    if kind == "missing":
        line = front.line_of(loc[:-1]) if len(loc) > 1 else 2
    return Diagnostic(
        rel_path,
        line,
        message,
        field=_dotted(loc) or None,
        value=value,
        allowed=allowed,
        suggestion=suggestion or None,
        code=kind.replace("_", "-"),
    )


def _period_problems(plan: Plan, front: FrontMatter, rel_path: str) -> list[Diagnostic]:
    """Unreadable dates and deadlines: kept with their text, reported so ``--strict`` fails."""
    found: list[tuple[tuple[Any, ...], Period | None, Severity]] = [(("issued",), plan.issued, Severity.ERROR)]
    found += [(("tasks", i, "due"), t.due, Severity.WARNING) for i, t in enumerate(plan.tasks)]
    for i, event in enumerate(plan.events):
        found += [(("events", i, "start"), event.start, Severity.ERROR), (("events", i, "end"), event.end, Severity.WARNING)]
    found += [(("basis", i, "issued"), b.issued, Severity.WARNING) for i, b in enumerate(plan.basis)]
    out = []
    for loc, period, severity in found:
        if period is not None and not period.ok:
            out.append(
                Diagnostic(
                    rel_path,
                    front.line_of(loc),
                    period.error or "Không đọc được thời gian.",
                    field=_dotted(loc),
                    value=period.text,
                    allowed="ngày (13/8/2021, 2021-08-13), tháng (9/2024), quý (Quý III/2024), năm (2024), "
                    "khoảng (Từ tháng 3/2023 đến tháng 9/2023), «trước …», «thường xuyên»",
                    suggestion="Viết lại theo một trong các dạng trên; nội dung gốc vẫn được hiển thị.",
                    severity=severity,
                    code="bad-period",
                )
            )
    return out


def _default_year(data: dict[str, Any]) -> int | None:
    issued = data.get("issued")
    if isinstance(issued, (date, datetime)):
        return issued.year
    if isinstance(issued, (str, int)) and not isinstance(issued, bool):
        period = parse_period(issued)
        day = period.start or period.end
        return day.year if day else None
    return None


def default_url(rel_path: str) -> str:
    """The directory URL MkDocs gives ``rel_path`` (``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``)."""
    stem = rel_path[:-3] if rel_path.endswith(".md") else rel_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def load_plan_text(text: str, rel_path: str, url: str | None = None) -> PlanEntry:
    """Load a plan from its file text (see :func:`load_plan`)."""
    front = parse_front_matter(text, rel_path)
    entry = PlanEntry(rel_path, default_url(rel_path) if url is None else url, None, front, list(front.problems))
    if not front.has_front_matter or any(d.code == "yaml-syntax" for d in front.problems):
        return entry
    try:
        plan = Plan.model_validate(front.data, context={"default_year": _default_year(front.data)})
    except ValidationError as exc:
        entry.diagnostics.extend(translate_error(e, front, rel_path) for e in exc.errors())
        return entry
    plan._path = rel_path
    plan._url = entry.url
    plan._slug = Path(rel_path).stem
    entry.plan = plan
    entry.diagnostics.extend(_period_problems(plan, front, rel_path))
    return entry


def load_plan(path: Path, rel_path: str, url: str | None = None) -> PlanEntry:
    """Read and validate one plan file; never raises on bad content."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        front = FrontMatter()
        return PlanEntry(rel_path, url or default_url(rel_path), None, front,
                         [Diagnostic(rel_path, None, f"Không đọc được tệp: {exc.strerror}.", code="unreadable")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("utf-8", errors="replace")
        entry = load_plan_text(text, rel_path, url)
        entry.diagnostics.insert(0, Diagnostic(
            rel_path, line, "Tệp không phải mã UTF-8; ký tự lỗi đã được thay bằng «�».",
            allowed="tệp văn bản mã hóa UTF-8",
            suggestion="Mở tệp trong trình soạn thảo và lưu lại với mã hóa UTF-8.", code="encoding"))
        return entry
    return load_plan_text(text, rel_path, url)


def iter_plan_files(content_dir: Path, plans_dir: str = "ke-hoach") -> list[tuple[Path, str]]:
    """All plan Markdown files below ``content_dir/plans_dir``, sorted, as (path, rel_path) pairs."""
    root = content_dir / plans_dir
    if not root.is_dir():
        return []
    out = []
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(content_dir).as_posix()
        if path.name == "index.md" and path.parent == root:
            continue  # an optional hand-written intro for the plan list
        out.append((path, rel))
    return out


UrlFor = Callable[[str], str]
