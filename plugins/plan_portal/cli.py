"""The ``plan-portal`` command for editors and CI: ``check``, ``import``, ``schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from .core.agencies import Registry
from .core.attachments import attachment_problems
from .core.audit import content_problems
from .core.catalog import Catalog
from .core.urls import SitePaths
from .core.diagnostics import Diagnostic, Severity
from .core.files import scan_content
from .core.loader import iter_plan_files, load_plan
from .core.reports import iter_report_files, load_reports
from .core.schema import plan_schema, write_schemas
from .core.sections import load_sections

__all__ = ["main", "check"]


def check(content_dir: Path, *, paths: SitePaths | None = None, registry_name: str = "co-quan.yml",
          today: date | None = None) -> tuple[Catalog, list[Diagnostic]]:
    """Load and validate everything under ``content_dir``; return the catalog and every problem."""
    paths = paths or SitePaths()
    scan = scan_content(content_dir)  # the files that may be read: nothing through a link leading outside
    registry_problems: list[Diagnostic] = []
    if scan.has_file(registry_name):
        registry, registry_problems = Registry.load(content_dir / registry_name, registry_name)
    else:
        registry = Registry.from_agencies([])
    entries = [load_plan(path, rel) for path, rel in iter_plan_files(content_dir, paths.plans, scan)]
    for entry in entries:  # the same check as the build's (mkdocs/plugin.py on_files)
        registry_problems += attachment_problems(scan, content_dir, entry)
    sections = load_sections(content_dir, paths.sections, scan=scan)
    claimed = [e.path for e in entries] + [s.path for s in sections] + [a.path for s in sections for a in s.articles]
    claimed += [rel for _, rel in iter_report_files(content_dir, paths.results) if scan.has_file(rel)]
    registry_problems += content_problems(scan, content_dir, plans_dir=paths.plans, claimed=claimed,
                                          plan_bodies=[(e.path, e.body, e.front.body_line) for e in entries])
    reports = load_reports([(p, rel) for p, rel in iter_report_files(content_dir, paths.results) if scan.has_file(rel)])
    catalog = Catalog(entries, registry, sections, today=today, paths=paths, problems=registry_problems,
                      registry_path=registry_name, reports=reports)
    return catalog, sorted(catalog.diagnostics, key=lambda d: d.sort_key)


def _today(option: str | None) -> date:
    """The date plans are checked against, as the build does: the option, else SOURCE_DATE_EPOCH, else today."""
    if option:
        return date.fromisoformat(option)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def _check_command(args: argparse.Namespace) -> int:
    content_dir = Path(args.dir)
    if not content_dir.is_dir():
        print(f"plan-portal: không tìm thấy thư mục «{content_dir}».", file=sys.stderr)
        return 2
    catalog, problems = check(content_dir, today=_today(args.today))
    for problem in problems:
        print(f"{content_dir.as_posix().rstrip('/')}/{problem.format()}" if not args.relative else problem.format())
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    total = len(catalog.entries)
    reports = len(catalog.progress.entries)
    summary = (f"Đã kiểm tra {total} kế hoạch, {reports} báo cáo, {len(catalog.sections)} chuyên trang: "
               f"{errors} lỗi, {warnings} cảnh báo.")
    print(summary, file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


def _schema_command(args: argparse.Namespace) -> int:
    if args.output:
        for path in write_schemas(Path(args.output)):
            print(path)
    else:
        print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
    return 0


def _import_command(argv: list[str]) -> int:
    from .importer.cli import main as import_main

    return import_main(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``plan-portal`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "import":
        return _import_command(argv[1:])
    parser = argparse.ArgumentParser(prog="plan-portal", description="Công cụ cho biên tập viên Cổng kế hoạch.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    p_check = sub.add_parser("check", help="Kiểm tra toàn bộ nội dung (kế hoạch, danh mục cơ quan, chuyên trang).")
    p_check.add_argument("dir", nargs="?", default="content", help="Thư mục nội dung (mặc định: content).")
    p_check.add_argument("--strict", action="store_true", help="Coi cảnh báo là lỗi (như mkdocs build --strict).")
    p_check.add_argument("--today", metavar="YYYY-MM-DD", type=lambda v: date.fromisoformat(v).isoformat(),
                         help="Ngày dùng để kiểm tra (như tùy chọn today của plugin; mặc định: SOURCE_DATE_EPOCH "
                         "hoặc hôm nay).")
    p_check.add_argument("--relative", action="store_true", help="In đường dẫn tương đối với thư mục nội dung.")
    p_check.set_defaults(func=_check_command)
    sub.add_parser("import", help="Nhập một kế hoạch từ tệp .docx, .txt hoặc .md (xem plan-portal import --help).")
    p_schema = sub.add_parser("schema", help="In JSON Schema của phần khai báo kế hoạch.")
    p_schema.add_argument("-o", "--output", help="Ghi các tệp schema vào thư mục này.")
    p_schema.set_defaults(func=_schema_command)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
