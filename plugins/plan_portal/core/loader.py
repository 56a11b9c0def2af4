"""Load plan files into the model and translate every problem into a Vietnamese diagnostic.

Loading never raises on bad content and never drops a file: each file becomes a
:class:`PlanEntry`, valid or not, so the site can still show a broken plan with its
problems (or list it on the build report) instead of losing it.
"""

from __future__ import annotations

import hashlib

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, Severity, closest, dotted
from .files import ContentScan, scan_content
from .frontmatter import FrontMatter, parse_front_matter
from .model import FIELD_LABELS, BasisRef, Event, Plan, Signer, Task
from .periods import ACCEPTED_FORMS, Period, parse_period
from .imported import import_diagnostics
from .plausible import plan_plausibility
from .sanitize import body_diagnostics, field_diagnostics

__all__ = ["PlanCache", "PlanEntry", "decode_source", "load_plan", "load_plan_text", "iter_plan_files", "FIELD_LABELS"]


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


# Pydantic error types that mean "no value" when YAML gave null (`summary:` left empty).
_EMPTY_KINDS = frozenset({"string_type", "model_type", "model_attributes_type", "list_type", "int_type"})
_MAPPING_KINDS = frozenset({"model_type", "model_attributes_type", "dict_type", "is_instance_of"})
#: Every period field of a plan, listed once: (the list it is in, or None for the plan itself; its key;
#: how bad an unreadable one is; what to call it in "Không đọc được …", None for the parser's "thời hạn").
PERIOD_FIELDS: tuple[tuple[str | None, str, Severity, str | None], ...] = (
    (None, "issued", Severity.ERROR, "ngày ban hành"),
    ("tasks", "due", Severity.WARNING, None),
    ("events", "start", Severity.ERROR, "thời gian bắt đầu"),
    ("events", "end", Severity.WARNING, "thời gian kết thúc"),
    ("basis", "issued", Severity.WARNING, None),
)
_PERIOD_KEYS = frozenset(key for _, key, _, _ in PERIOD_FIELDS)
_PERIOD_ALLOWED = (
    "ngày (13/8/2021, 2021-08-13), tháng (9/2024), quý (Quý III/2024), năm (2024), "
    "khoảng (Từ tháng 3/2023 đến tháng 9/2023), «trước …», «thường xuyên»"
)
_ITEM_EXAMPLES: dict[str, tuple[str, str]] = {
    "tasks": ("nhiệm vụ", "`- title: Xây dựng kế hoạch …` rồi các dòng `lead: …`, `due: …` thụt vào thẳng hàng với `title`"),
    "events": ("sự kiện", "`- title: Lễ kỷ niệm` rồi các dòng `start: 2024-10-29 07:30`, `place: …` thụt vào"),
    "basis": ("văn bản căn cứ", "`- {number: 19/KH-UBND, issued: 2023-02-02, issuer: UBND tỉnh Quảng Ninh}`"),
}
_FIELD_EXAMPLES = {"signer": "`signer: {authority: KT. Chủ tịch, title: Phó Chủ tịch, name: Phạm Văn Kính}`"}
_KIND_ALLOWED = {
    "string_type": "một đoạn văn bản",
    "string_too_short": "một đoạn văn bản có nội dung",
    "too_short": "một đoạn văn bản có nội dung",
    "list_type": "một danh sách",
    "dict_type": "một nhóm `khóa: giá trị`",
    "model_type": "một nhóm `khóa: giá trị`",
    "model_attributes_type": "một nhóm `khóa: giá trị`",
    "int_type": "một số nguyên dương, ví dụ 250",
    "int_parsing": "một số nguyên dương, ví dụ 250",
    "int_from_float": "một số nguyên dương, ví dụ 250",
    "greater_than_equal": "một số nguyên dương, ví dụ 250",
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


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``annotation`` (``Signer | None``, ``list[Task]``, ``Annotated[…]``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def _model_at(loc: tuple[Any, ...], root: type[BaseModel] = Plan) -> type[BaseModel]:
    """The model that describes the mapping holding the last part of ``loc`` (to list and suggest its keys)."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, str):
            field = model.model_fields.get(part)
            sub = _submodel(field.annotation) if field is not None else None
            if sub is None:
                break
            model = sub
    return model


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _as_written(value: Any) -> Any:
    """A value shown to editors the way YAML spells it (``[2023-04-01]``, not ``[datetime.date(2023, 4, 1)]``)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    try:
        if isinstance(value, list):
            return "[" + ", ".join(str(_as_written(v)) for v in value[:20]) + (", …" if len(value) > 20 else "") + "]"
        if isinstance(value, dict):
            items = list(value.items())[:20]
            return "{" + ", ".join(f"{k}: {_as_written(v)}" for k, v in items) + (", …" if len(value) > 20 else "") + "}"
    except RecursionError:
        return "…"
    return repr(value)


def translate_error(error: dict[str, Any], front: FrontMatter, rel_path: str,
                    model: type[BaseModel] = Plan) -> Diagnostic:
    """Turn one pydantic error into an editor-facing Vietnamese :class:`Diagnostic`.

    ``model`` is the model that was validated (``Plan``; ``Section`` for a chuyên trang),
    so that a misspelt key is compared with the keys of the right model.
    """
    loc = tuple(error["loc"])
    kind = error["type"]
    message, suggestion = _TYPE_MESSAGES.get(kind, (f"Giá trị không hợp lệ ({error.get('msg', kind)}).", ""))
    rule: str | None = None  # a validator's own explanation (value_error)
    if kind == "value_error":
        reason = str((error.get("ctx") or {}).get("error", error.get("msg", "")))
        message, suggestion = "Giá trị không hợp lệ.", "Sửa giá trị theo quy định ở trên."
        rule = reason
    field_name = loc[-1] if loc else None
    label = FIELD_LABELS.get(field_name, "") if isinstance(field_name, str) else ""
    if label and kind != "extra_forbidden":
        message = f"{label[0].upper()}{label[1:]}: {message[0].lower()}{message[1:]}"
    allowed = _allowed_for(error) or rule
    value = None if kind == "missing" else _as_written(_value_at(front.data, loc))
    if kind == "string_type" and isinstance(value, str) and value[:1] in "[{":
        suggestion = ("Trường này chỉ nhận một đoạn văn bản: bỏ dấu «[ ]» hoặc «{ }»; "
                      "nếu câu có dấu phẩy hoặc dấu hai chấm, đặt cả câu trong ngoặc kép.")
    if value is None and kind in _EMPTY_KINDS:
        # `summary:` with nothing after it: YAML reads null, the editor left the field empty.
        message, suggestion = _TYPE_MESSAGES["string_too_short"]
        message = f"{label[0].upper()}{label[1:]}: {message[0].lower()}{message[1:]}" if label else message
        kind = "too_short"
    elif isinstance(field_name, str) and field_name in _PERIOD_KEYS and kind in _MAPPING_KINDS:
        # A period field given a list, a mapping, a decimal number…: the model type is an implementation detail.
        message = f"{label[0].upper()}{label[1:]}: phải là một ngày hoặc một thời gian viết như trong văn bản."
        allowed = _PERIOD_ALLOWED
        suggestion = "Viết trên một dòng, ví dụ 2023-02-20, 20/02/2023 hoặc «trước ngày 25/3/2023»."
    elif kind in _MAPPING_KINDS and isinstance(field_name, int) and len(loc) >= 2 and loc[-2] in _ITEM_EXAMPLES:
        # `tasks: [- Làm việc A]`: each item of the list is itself a group of keys.
        what, example = _ITEM_EXAMPLES[str(loc[-2])]
        message = f"Mỗi {what} phải là một nhóm `khóa: giá trị`."
        allowed = ", ".join(f"`{k}`" for k in _CHILD_MODELS[str(loc[-2])].model_fields)
        suggestion = f"Viết dạng {example}."
    elif kind in ("enum", "literal_error") and isinstance(value, str):
        choices = [c.strip("`") for c in (allowed or "").replace(" hoặc ", ", ").split(", ") if c]
        near = closest(value.strip().lower(), choices, n=1, cutoff=0.5)
        if near:
            suggestion = f"Có phải ý bạn là `{near[0]}`?"
    elif kind in _MAPPING_KINDS and field_name in _FIELD_EXAMPLES:
        # `signer: Nguyễn Văn A`: a group of keys was expected.
        allowed = ", ".join(f"`{k}`" for k in _CHILD_MODELS[str(field_name)].model_fields)
        suggestion = f"Viết dạng {_FIELD_EXAMPLES[str(field_name)]}."
    elif kind == "list_type" and field_name in _ITEM_EXAMPLES:
        what, example = _ITEM_EXAMPLES[str(field_name)]
        suggestion = f"Mỗi {what} là một mục của danh sách, viết dạng {example}."
    if kind == "missing" and isinstance(field_name, str):
        described = _model_at(loc, model).model_fields.get(field_name)
        allowed = allowed or (described.description.rstrip(".") if described and described.description else None)
        suggestion = f"Thêm dòng `{field_name}: …` vào phần khai báo" + (
            f" của {_ITEM_EXAMPLES[str(loc[-3])][0]} thứ {loc[-2] + 1}." if len(loc) >= 3 and isinstance(loc[-2], int)
            and str(loc[-3]) in _ITEM_EXAMPLES else ".")
    allowed = allowed or _KIND_ALLOWED.get(kind)
    if kind == "extra_forbidden" and isinstance(field_name, str):
        keys = list(_model_at(loc, model).model_fields)
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
        field=dotted(loc) or None,
        value=value,
        allowed=allowed,
        suggestion=suggestion or None,
        code=kind.replace("_", "-"),
    )


_Found = list[tuple[tuple[Any, ...], "Period | None", Severity, "str | None"]]


def _periods(root: Any, items: Callable[[str], Any], value: Callable[[Any, str], Period | None]) -> _Found:
    """Every period field of :data:`PERIOD_FIELDS` found in ``root``: (path, period, severity, noun).

    ``items(list_name)`` gives the (index, item) pairs of a list and ``value(item, key)`` a period,
    so the model and the raw front matter are walked the same way, in the same order.
    """
    found: _Found = []
    for list_name in dict.fromkeys(where for where, *_ in PERIOD_FIELDS):
        fields = [(key, severity, noun) for where, key, severity, noun in PERIOD_FIELDS if where == list_name]
        if list_name is None:
            found += [((key,), value(root, key), severity, noun) for key, severity, noun in fields]
            continue
        for i, item in items(list_name):
            found += [((list_name, i, key), value(item, key), severity, noun) for key, severity, noun in fields]
    return found


def _plan_periods(plan: Plan) -> _Found:
    return _periods(plan, lambda name: enumerate(getattr(plan, name)), getattr)


def _raw_periods(data: dict[str, Any], skip: set[tuple[Any, ...]]) -> _Found:
    """The same periods read from the raw front matter, for a plan that failed validation elsewhere.

    So that one run reports every problem: a bad ``issued`` is not hidden behind a typo'd key.
    """
    default_year = _default_year(data)

    def parse(item: dict[str, Any], key: str) -> Period | None:
        value = item.get(key)
        if isinstance(value, (str, date, datetime, int)) and not isinstance(value, bool):
            return parse_period(value, default_year=default_year)
        return None

    def items(key: str) -> list[tuple[int, dict[str, Any]]]:
        value = data.get(key)
        return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []

    return [f for f in _periods(data, items, parse) if f[0] not in skip]


def _period_problems(found: _Found, front: FrontMatter, rel_path: str) -> list[Diagnostic]:
    """Unreadable dates and deadlines: kept with their text, reported so ``--strict`` fails."""
    out = []
    for loc, period, severity, noun in found:
        if period is not None and not period.ok:
            message = (period.error or "Không đọc được thời gian.").replace(" " + ACCEPTED_FORMS, "")
            if noun:
                message = message.replace("được thời hạn", f"được {noun}", 1).replace("có thời hạn", f"có {noun}", 1)
            out.append(
                Diagnostic(
                    rel_path,
                    front.line_of(loc),
                    message,
                    field=dotted(loc),
                    value=period.text,
                    allowed=_PERIOD_ALLOWED,
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
    # The body is published even when the front matter is broken: its markup is always checked.
    markup = body_diagnostics(front.body, rel_path, front.body_line)
    if not front.has_front_matter or any(d.code == "yaml-syntax" for d in front.problems):
        entry.diagnostics.extend(markup)
        return entry
    markup = field_diagnostics(front.data, front.line_of, rel_path) + markup
    try:
        plan = Plan.model_validate(front.data, context={"default_year": _default_year(front.data)})
    except ValidationError as exc:
        errors = exc.errors()
        entry.diagnostics.extend(translate_error(e, front, rel_path) for e in errors)
        skip = {tuple(e["loc"]) for e in errors}
        entry.diagnostics.extend(_period_problems(_raw_periods(front.data, skip), front, rel_path))
        entry.diagnostics.extend(import_diagnostics(text, front, None, rel_path))
        entry.diagnostics.extend(markup)
        return entry
    except RecursionError:  # a value nested deeper than the validator follows
        entry.diagnostics.append(Diagnostic(rel_path, 2, "Phần khai báo lồng nhau quá sâu.",
                                            suggestion="Kiểm tra các dấu «[» «{» thừa hoặc thụt lề sai.",
                                            code="too-deep"))
        return entry
    plan._path = rel_path
    plan._url = entry.url
    plan._slug = Path(rel_path).stem
    entry.plan = plan
    entry.diagnostics.extend(_period_problems(_plan_periods(plan), front, rel_path))
    entry.diagnostics.extend(plan_plausibility(plan, front.line_of, rel_path))
    entry.diagnostics.extend(import_diagnostics(text, front, plan, rel_path))
    entry.diagnostics.extend(markup)
    return entry


def _url_twins(path: Path, rel_path: str) -> list[str]:
    """Other source files MkDocs publishes at the same directory URL as ``path``.

    ``a.md``, ``a/index.md`` and ``a/README.md`` all become ``a/``. MkDocs only notices
    the README/index pair of one folder; the others silently overwrite each other.
    """
    rel = PurePosixPath(rel_path)
    if len(rel.parts) > len(path.parents):
        return []
    content_dir = path.parents[len(rel.parts) - 1]
    if rel.name in ("index.md", "README.md"):
        if len(rel.parts) < 2:
            return []
        other = "README.md" if rel.name == "index.md" else "index.md"
        candidates = [rel.parent.with_name(rel.parent.name + ".md"), rel.with_name(other)]
    else:
        stem = rel.with_suffix("")
        candidates = [stem / "index.md", stem / "README.md"]
    return [c.as_posix() for c in candidates if (content_dir / c).is_file()]


def _digest(raw: bytes) -> bytes:
    """A fingerprint of a file's bytes (the cache keeps it rather than the ~20 KB of each plan)."""
    return hashlib.blake2b(raw, digest_size=16).digest()


class PlanCache:
    """Plans already read, kept between the builds of one process (``mkdocs serve``), by file content.

    A save in the editor rebuilds the whole site; with the cache only the saved plans are read and
    validated again (issue 8). An entry is reused only for the same bytes, path and URL, so the
    result is exactly what a fresh read gives. Entries of files that are gone are dropped by
    :meth:`keep_only`.
    """

    def __init__(self) -> None:
        self._items: dict[tuple[str, str | None], tuple[bytes, PlanEntry]] = {}  # key -> (digest of the bytes, entry)
        self.hits = 0
        self.misses = 0

    def get(self, raw: bytes, rel_path: str, url: str | None) -> PlanEntry | None:
        found = self._items.get((rel_path, url))
        if found is not None and found[0] == _digest(raw):
            self.hits += 1
            # Each build gets its own list: problems found about the file itself are added per build.
            return replace(found[1], diagnostics=list(found[1].diagnostics))
        self.misses += 1
        return None

    def put(self, raw: bytes, rel_path: str, url: str | None, entry: PlanEntry) -> None:
        self._items[(rel_path, url)] = (_digest(raw), replace(entry, diagnostics=list(entry.diagnostics)))

    def keep_only(self, rel_paths: set[str]) -> None:
        """Forget the plans whose files are no longer there."""
        for key in [k for k in self._items if k[0] not in rel_paths]:
            del self._items[key]

    def __len__(self) -> int:
        return len(self._items)


def load_plan(path: Path, rel_path: str, url: str | None = None, cache: PlanCache | None = None) -> PlanEntry:
    """Read and validate one plan file; never raises on bad content.

    With a ``cache``, a file whose bytes did not change since the last call is not parsed again.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        front = FrontMatter()
        return PlanEntry(rel_path, url or default_url(rel_path), None, front,
                         [Diagnostic(rel_path, None, "Không đọc được tệp (không có quyền đọc, hoặc tệp đang bị khóa).",
                                              suggestion="Kiểm tra quyền đọc tệp rồi chạy lại.", code="unreadable")])
    entry = cache.get(raw, rel_path, url) if cache is not None else None
    if entry is None:
        entry = _load_decoded(raw, rel_path, url)
        if cache is not None:
            cache.put(raw, rel_path, url, entry)
    # Directory URLs only: with use_directory_urls off, a.md and a/index.md do not collide.
    twins = _url_twins(path, rel_path) if entry.url.endswith("/") else []
    for twin in reversed(twins):
        entry.diagnostics.insert(0, Diagnostic(
            rel_path, 1,
            f"Tệp này và tệp {twin} được đăng ở cùng một địa chỉ /{entry.url}; một trang sẽ ghi đè trang kia.",
            allowed="mỗi kế hoạch một địa chỉ: hoặc `ten.md`, hoặc `ten/index.md`, không cả hai",
            suggestion="Đổi tên một trong hai tệp, hoặc gộp chúng nếu là cùng một kế hoạch.", code="duplicate-url"))
    return entry


def decode_source(raw: bytes, rel_path: str) -> tuple[str, Diagnostic | None]:
    """Decode a content file whatever its encoding; the diagnostic says what was wrong, if anything.

    UTF-8 (with or without BOM) is read as is. UTF-16 (Notepad's "Unicode") is read and
    warned about. Anything else (Windows-1258, Latin-1…) is read with «�» for the bad bytes
    and is an error naming the line of the first one. MkDocs itself stops the whole build
    on such a file, so the adapter feeds it this text instead (``on_page_read_source``).
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode": readable, but ask for UTF-8
        return raw.decode("utf-16", errors="replace"), Diagnostic(
            rel_path, 1, "Tệp được lưu dạng UTF-16 (Unicode của Notepad) thay vì UTF-8.",
            allowed="tệp văn bản mã hóa UTF-8",
            suggestion="Mở tệp, chọn Lưu thành (Save As) với mã hóa UTF-8.", severity=Severity.WARNING, code="encoding")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return raw.decode("utf-8", errors="replace"), Diagnostic(
            rel_path, line, "Tệp không phải mã UTF-8; ký tự lỗi đã được thay bằng «�».",
            allowed="tệp văn bản mã hóa UTF-8",
            suggestion="Mở tệp trong trình soạn thảo và lưu lại với mã hóa UTF-8.", code="encoding")


def _load_decoded(raw: bytes, rel_path: str, url: str | None) -> PlanEntry:
    text, problem = decode_source(raw, rel_path)
    entry = load_plan_text(text, rel_path, url)
    if problem is not None:
        entry.diagnostics.insert(0, problem)
    return entry


def iter_plan_files(content_dir: Path, plans_dir: str = "ke-hoach",
                    scan: ContentScan | None = None) -> list[tuple[Path, str]]:
    """All plan Markdown files below ``content_dir/plans_dir``, sorted, as (path, rel_path) pairs.

    Exactly the files MkDocs reads as pages there (its Markdown suffixes, hidden files left out),
    and only those the ``scan`` allows (no link leading outside the content folder).
    """
    scan = scan or scan_content(content_dir)
    plans_dir = plans_dir.strip("/")
    return [(content_dir / rel, rel) for rel in scan.markdown(plans_dir) if rel != f"{plans_dir}/index.md"]

