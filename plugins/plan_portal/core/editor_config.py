"""The web editor's configuration (Decap CMS at ``/bien-tap/``), generated from the model.

Nothing here is written by hand: every form field comes from the JSON Schema of the
pydantic model (:func:`plan_portal.core.schema.plan_schema`, the schema editors already
get), so a field added to the model appears in the editor with its Vietnamese title,
its description as the hint, its required mark, its default and its pattern. What the
schema cannot say is added from the content being edited: agency fields offer the
registry's names, the chuyên trang field offers the existing chuyên trang.

``tests/core/test_editor_config.py`` walks the schema independently and fails when
the configuration and the model disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .agencies import ALLOWED_KEYS as REGISTRY_KEYS
from .agencies import Agency, Registry
from . import status as statuses
from .reports import REPORTS_DIR
from .schema import plan_schema, report_schema, section_schema

__all__ = [
    "AGENCY_FIELDS",
    "SECTION_FIELDS",
    "EditorSite",
    "editor_config",
    "schema_fields",
    "REGISTRY_FORMAT",
]

AGENCY_FIELDS = frozenset({("Plan", "issuer"), ("Task", "lead"), ("Task", "support"), ("BasisRef", "issuer"),
                           ("Report", "issuer")})
"""(model, field) pairs whose value is an agency name: the form offers the registry's names."""

SECTION_FIELDS = frozenset({("Plan", "special")})
"""(model, field) pairs whose value is a chuyên trang folder name."""

PLAN_FIELDS = frozenset({("Report", "plan")})
"""(model, field) pairs whose value names a plan (its number, else its file): the form offers the plans."""

CHOICE_FIELDS = {**{k: "agencies" for k in AGENCY_FIELDS}, **{k: "sections" for k in SECTION_FIELDS},
                 **{k: "plans" for k in PLAN_FIELDS}}

ENUM_LABELS: dict[str, dict[str, str]] = {
    # What an editor marks on a task; the status table (core/status.py) labels the keys it knows.
    "Status": {"planned": "Chưa bắt đầu", "in_progress": "Đang thực hiện"},
    "Relation": {"implements": "Thực hiện văn bản này", "based_on": "Căn cứ văn bản này"},
    "PlanState": {"active": "Đang thực hiện", "ended": "Đã kết thúc", "replaced": "Được thay thế", "annulled": "Bị bãi bỏ"},
}
"""Vietnamese labels of the model's enumerations in the editor's drop-downs (values stay as stored)."""

VALUE_LABELS = {"state": "Cơ quan nhà nước", "party": "Cơ quan của Đảng"}
"""Labels of the values of inline enumerations (``Literal[...]`` fields: ``issuer_kind``, the registry's ``kind``)."""

REGISTRY_LABELS = {
    "id": ("Mã (id)", "Chữ thường không dấu, nối bằng gạch ngang, duy nhất: thành địa chỉ /co-quan/<mã>/.",
           "^[a-z0-9]+(-[a-z0-9]+)*$"),
    "name": ("Tên đầy đủ", "Ví dụ «Phòng Nội vụ thành phố Cẩm Phả».", None),
    "short": ("Tên gọi ngắn", "Tên mà kế hoạch dùng trong địa phương, ví dụ «Phòng Nội vụ».", None),
    "aliases": ("Các cách viết khác", "Các tên viết tắt hoặc cách viết khác gặp trong văn bản.", None),
    "parent": ("Cơ quan cấp trên", "Cơ quan cấp trên hoặc cơ quan chủ quản (chọn trong danh mục).", None),
    "kind": ("Loại cơ quan", "Cơ quan của Đảng (Huyện ủy, Ban Tuyên giáo…) hay cơ quan nhà nước; bỏ trống để theo "
             "cơ quan cấp trên.", None),
}
"""Labels of the registry file's keys (``co-quan.yml`` has no Vietnamese schema of its own)."""

FRONT_MATTER_FORMAT = "frontmatter-keep"
"""The custom format the editor script registers for Markdown files: only the changed keys are rewritten."""

REGISTRY_FORMAT = "yaml-list"
"""The custom format the editor script registers: ``co-quan.yml`` is a YAML list, not a mapping."""

PERIOD_HINT = (
    "Ghi như văn bản: ngày (15/9/2024, 2024-09-15), tháng (tháng 9/2024), quý (Quý III/2024), năm (2024), "
    "khoảng (Từ tháng 3/2023 đến tháng 9/2023), «trước ngày 13/8/2021», «thường xuyên»."
)


@dataclass
class EditorSite:
    """What the configuration needs to know about the site being edited.

    Attributes:
        content_dir: The content folder relative to the repository root (``content``).
        plans_dir: Plans folder inside it (``ke-hoach``).
        sections: ``(slug, title, path in the content folder)`` of each existing chuyên trang.
        plans: ``(value, label)`` of each plan a report can name: its number, else its file.
        registry_file: The agency registry inside the content folder (``co-quan.yml``).
        site_url: The published site's URL (Decap's ``site_url``), may be empty.
        backend: Decap's ``backend`` mapping (GitHub, Gitea…), from the plugin options.
        proxy_port: Port of the local proxy (``scripts/editor``) used on 127.0.0.1/localhost.
        inbox_dir: Repository folder where uploaded files (signed ``.docx``) land.
        publish_mode: ``editorial_workflow`` (each save is a pull request, checked by the workflow) or
            ``simple`` (each save is a commit on the branch). The local proxy always saves directly.
    """

    content_dir: str = "content"
    plans_dir: str = "ke-hoach"
    sections: Sequence[tuple[str, str, str]] = ()
    plans: Sequence[tuple[str, str]] = ()
    registry_file: str = "co-quan.yml"
    site_url: str = ""
    backend: dict[str, Any] = field(default_factory=lambda: {"name": "github", "repo": "", "branch": "main"})
    proxy_port: int = 8081
    inbox_dir: str = "nhap"
    publish_mode: str = "editorial_workflow"


# -- fields from the schema --------------------------------------------------------------------------------
def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _strip_null(schema: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [X, null]`` -> X (with the outer title, description and default)."""
    options = schema.get("anyOf")
    if not options:
        return schema
    kept = [o for o in options if o.get("type") != "null"]
    if len(kept) == 1 and len(kept) < len(options):
        outer = {k: v for k, v in schema.items() if k != "anyOf"}
        return {**kept[0], **outer}
    return schema


def _is_period(schema: dict[str, Any]) -> bool:
    types = {o.get("type") for o in schema.get("anyOf", [])}
    if types == {"string", "integer"}:
        return True
    return any(_is_period(o) for o in schema.get("anyOf", []))


def _is_names(schema: dict[str, Any]) -> bool:
    types = {o.get("type") for o in schema.get("anyOf", [])}
    return types == {"string", "array"}


def _options(names: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"label": label, "value": value} for value, label in names]


def schema_fields(schema: dict[str, Any], defs: dict[str, Any], owner: str, choices: dict[str, list[dict[str, str]]]) -> list[dict[str, Any]]:
    """Decap fields of one object schema, in the model's field order.

    ``choices`` holds the option lists: ``agencies``, ``sections``.
    """
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema.get("properties", {}).items():
        out.append(_field(name, prop, name in required, defs, owner, choices))
    return out


def _field(name: str, prop: dict[str, Any], required: bool, defs: dict[str, Any], owner: str,
           choices: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    prop = _strip_null(prop)
    out: dict[str, Any] = {"name": name, "label": prop.get("title", name), "required": required}
    hint = prop.get("description")
    ref = _ref_name(prop)
    if (owner, name) in CHOICE_FIELDS:
        out.update(widget="select", options=choices[CHOICE_FIELDS[owner, name]], multiple=_is_names(prop))
    elif _is_period(prop):
        out["widget"] = "string"
        hint = f"{hint} {PERIOD_HINT}" if hint else PERIOD_HINT
    elif "enum" in prop:
        out.update(widget="select", options=[{"label": VALUE_LABELS.get(v, v), "value": v} for v in prop["enum"]])
    elif ref is not None and "enum" in defs[ref]:
        labels = ENUM_LABELS.get(ref, {})
        values = defs[ref]["enum"]
        out.update(widget="select", options=[{"label": labels.get(v) or statuses.label(v), "value": v} for v in values])
        if hint == " | ".join(values):
            hint = None  # the codes themselves: the drop-down shows their Vietnamese labels
    elif ref is not None:
        fields = schema_fields(defs[ref], defs, ref, choices)
        if not required:
            # Decap checks the required fields of an optional object even when it is left empty: they are
            # marked in the hint instead, and `plan-portal check` reports them after saving.
            for sub in fields:
                if sub["required"]:
                    sub["required"] = False
                    sub["hint"] = f"{sub.get('hint', '')} Bắt buộc khi điền mục «{out['label']}».".strip()
        out.update(widget="object", collapsed=False, fields=fields)
    elif prop.get("type") == "array":
        items = prop.get("items", {})
        item_ref = _ref_name(items)
        out.update(widget="list", default=[])  # else Decap starts a new entry with one blank item
        if item_ref is not None:
            out["fields"] = schema_fields(defs[item_ref], defs, item_ref, choices)
            first = out["fields"][0]["name"] if out["fields"] else ""
            out["summary"] = f"{{{{fields.{first}}}}}"
            out["collapsed"] = False
        else:
            out["field"] = {"name": "item", "label": out["label"], "widget": "string"}
    elif prop.get("type") == "integer":
        out.update(widget="number", value_type="int")
        if "minimum" in prop:
            out["min"] = prop["minimum"]
    elif prop.get("type") == "boolean":
        out["widget"] = "boolean"
    else:
        out["widget"] = "string"
    if isinstance(prop.get("pattern"), str):
        out["pattern"] = [prop["pattern"], f"Không đúng dạng: {hint or out['label']}"]
    if hint:
        out["hint"] = hint
    default = prop.get("default")
    if default not in (None, [], {}) and "default" not in out:
        out["default"] = default
    return out


# -- the configuration -------------------------------------------------------------------------------------
def _agency_choices(registry: Registry) -> list[dict[str, str]]:
    """Every registered name (full name, short name, aliases), each once, labelled with the full name."""
    seen: dict[str, str] = {}
    for agency in sorted(registry.agencies.values(), key=lambda a: (a.name, a.id)):
        for name in agency.names:
            label = name if name == agency.name else f"{name} ({agency.name})"
            seen.setdefault(name, label)
    return _options(sorted(seen.items(), key=lambda kv: (kv[0].casefold(), kv[0])))


def _registry_fields(registry: Registry) -> list[dict[str, Any]]:
    schema = Agency.model_json_schema()
    required = set(schema.get("required", []))
    parents = _options(sorted(((a.id, f"{a.name} ({a.id})") for a in registry.agencies.values()), key=lambda kv: kv[1]))
    fields = []
    for key in REGISTRY_KEYS:
        prop = _strip_null(schema["properties"][key])
        label, hint, pattern = REGISTRY_LABELS.get(key, (prop.get("title", key), "", None))
        item: dict[str, Any] = {"name": key, "label": label, "hint": hint, "required": key in required}
        if key == "parent":
            item.update(widget="select", options=parents)
        elif "enum" in prop:
            item.update(widget="select", options=[{"label": VALUE_LABELS.get(v, v), "value": v} for v in prop["enum"]])
        elif prop.get("type") == "array":
            item.update(widget="list", field={"name": "item", "label": label, "widget": "string"})
        else:
            item["widget"] = "string"
        if pattern:
            item["pattern"] = [pattern, f"Không đúng dạng: {hint}"]
        fields.append(item)
    return fields


def _body(label: str) -> dict[str, Any]:
    # A plain text area: the Markdown is saved exactly as typed (a rich-text widget would rewrite it).
    return {"name": "body", "label": label, "widget": "text", "required": False,
            "hint": "Viết bằng Markdown: dòng trống giữa hai đoạn, «## » trước một đề mục."}


def editor_config(registry: Registry, site: EditorSite) -> dict[str, Any]:
    """The Decap CMS configuration for ``site`` (JSON-serialisable, deterministic)."""
    choices = {
        "agencies": _agency_choices(registry),
        "sections": _options((slug, title) for slug, title, _ in site.sections),
        "plans": _options(site.plans),
    }
    plan = plan_schema()
    section = section_schema()
    content = site.content_dir.strip("/")
    plan_fields = schema_fields(plan, plan.get("$defs", {}), "Plan", choices) + [_body("Toàn văn kế hoạch")]
    section_fields = schema_fields(section, section.get("$defs", {}), "Section", choices) + [_body("Lời giới thiệu")]
    report = report_schema()
    report_fields = schema_fields(report, report.get("$defs", {}), "Report", choices) + [_body("Toàn văn báo cáo")]
    collections: list[dict[str, Any]] = [
        _document_collection(
            "ke-hoach", "Kế hoạch", "kế hoạch",
            "Mỗi kế hoạch là một tệp Markdown; kế hoạch mới được lưu vào thư mục của năm hiện tại.",
            f"{content}/{site.plans_dir.strip('/')}", plan_fields, preview=True,
        ),
        _document_collection(
            "bao-cao-ket-qua", "Báo cáo kết quả", "báo cáo",
            "Báo cáo kết quả thực hiện một kế hoạch: kết quả từng nhiệm vụ thành cập nhật của nhiệm vụ đó.",
            f"{content}/{REPORTS_DIR}", report_fields,
        ),
    ]
    if site.sections:
        collections.append({
            "name": "chuyen-trang",
            "label": "Chuyên trang",
            "description": "Tạo chuyên trang mới: thêm thư mục content/chuyen-trang/<mã>/ có tệp index.md (xem hướng dẫn).",
            "extension": "md",
            "format": FRONT_MATTER_FORMAT,
            "files": [
                {"name": slug, "label": title, "file": f"{content}/{path}", "fields": section_fields}
                for slug, title, path in site.sections
            ],
        })
    collections.append({
        "name": "co-quan",
        "label": "Danh mục cơ quan",
        "extension": "yml",
        "format": REGISTRY_FORMAT,
        "files": [{
            "name": "danh-muc",
            "label": "Danh mục cơ quan, đơn vị",
            "file": f"{content}/{site.registry_file}",
            "fields": [{
                "name": "agencies", "label": "Cơ quan, đơn vị", "label_singular": "cơ quan", "widget": "list",
                "summary": "{{fields.name}}", "collapsed": True, "fields": _registry_fields(registry),
            }],
        }],
    })
    inbox = site.inbox_dir.strip("/")
    config: dict[str, Any] = {
        "locale": "vi",
        "backend": dict(site.backend),
        "local_backend": {"url": f"http://127.0.0.1:{site.proxy_port}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        "publish_mode": site.publish_mode,
        "media_folder": inbox,
        "public_folder": f"/{inbox}",
        "omit_empty_optional_fields": True,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if site.site_url:
        config["site_url"] = site.site_url
        config["display_url"] = site.site_url
    return config


def check_report(diagnostics: Iterable[Any], content_dir: str, revision: int | None = None) -> dict[str, Any]:
    """``bien-tap/kiem-tra.json``: what ``plan-portal check`` prints, as data for the editor's save panel.

    Each problem keeps its content-relative path, line, severity and the exact ``file:line: lỗi: …``
    text of the command line (without the content folder, given once as ``content_dir``). Under
    ``mkdocs serve`` a ``revision`` (the rebuild's number) tells the editor a rebuild after its save is done;
    a normal build has none, so the file stays byte-identical between builds.
    """
    problems = [
        {"path": d.path, "line": d.line, "severity": d.severity.value, "text": d.format()}
        for d in sorted(diagnostics, key=lambda d: d.sort_key)
    ]
    out: dict[str, Any] = {"content_dir": content_dir.strip("/"), "problems": problems}
    if revision is not None:
        out["revision"] = revision
    return out


def _document_collection(name: str, label: str, singular: str, description: str, folder: str,
                         fields: list[dict[str, Any]], *, preview: bool = False) -> dict[str, Any]:
    """A folder collection of signed documents (plans, reports): one Markdown file each, filed by year,
    named and listed by number and summary."""
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": folder,
        "path": "{{year}}/{{slug}}",
        "slug": "{{fields.number}}-{{fields.summary}}",
        "identifier_field": "summary",
        "summary": "{{fields.issued}} · {{fields.number}} {{fields.summary}}",
        "extension": "md",
        "format": FRONT_MATTER_FORMAT,
        "create": True,
        "delete": False,
    }
    if preview:
        collection["editor"] = {"preview": True}
    collection["fields"] = fields
    return collection
