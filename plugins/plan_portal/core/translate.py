"""Problems of a plan's front matter in Vietnamese: every pydantic validation error translated
into a :class:`~plan_portal.core.diagnostics.Diagnostic` (what is wrong, what is allowed, a
suggestion), and the unreadable dates and deadlines of a plan, valid or not.

Moved unchanged out of :mod:`.loader` (issue 14: no source file over about 400 lines);
``translate_error`` is still importable from :mod:`plan_portal.core.loader`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, get_args

from pydantic import BaseModel

from .diagnostics import Diagnostic, Severity, closest, dotted
from .frontmatter import FrontMatter
from .model import FIELD_LABELS, BasisRef, Event, Plan, Signer, Task
from .periods import ACCEPTED_FORMS, Period, parse_period


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
