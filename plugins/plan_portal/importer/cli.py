"""``plan-portal import FILE [-o DIR] [--json] [--agencies content/co-quan.yml]``.

Without ``-o`` the plan file (or with ``--json`` the record) goes to standard
output; with ``-o DIR`` it is written to ``DIR/<slug>.md`` (``.json``) and the path
is printed. A short report in Vietnamese goes to standard error: what was found,
and what the editor must check (fields not found, tasks without a lead or a
deadline, deadlines not understood, agencies not in the registry).

Exit codes: 0 imported (even with things to check), 2 the file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from . import ImportResult, UnsupportedFormat, import_document

__all__ = ["build_parser", "main"]


def build_parser(prog: str = "plan-portal import") -> argparse.ArgumentParser:
    """The argument parser (Vietnamese help)."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Nhập một kế hoạch có sẵn (.docx, .txt, .md) thành tệp kế hoạch của cổng: phần khai báo "
        "(số, ngày, cơ quan ban hành, trích yếu, căn cứ, nhiệm vụ, sự kiện, nơi nhận, người ký) và toàn văn "
        "dạng Markdown. Chỗ nào chưa chắc được ghi chú # TODO và liệt kê trong báo cáo.",
    )
    parser.add_argument("file", metavar="TỆP", help="tệp văn bản cần nhập: .docx, .txt hoặc .md")
    parser.add_argument(
        "-o",
        "--output",
        metavar="THƯ_MỤC",
        help="ghi tệp kế hoạch vào thư mục này (tên tệp theo số và trích yếu) thay vì in ra màn hình",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="in bản ghi kế hoạch dạng JSON (cùng cấu trúc với phần khai báo; thời hạn có text, start, end)",
    )
    parser.add_argument(
        "--agencies",
        metavar="CO_QUAN_YML",
        help="danh mục cơ quan (ví dụ content/co-quan.yml) để đối chiếu tên cơ quan; tên không khớp được báo lại",
    )
    return parser


def _write(stream: TextIO, text: str) -> None:
    """Write UTF-8 whatever the terminal's locale."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)


def _load_registry(path: str, err: TextIO) -> Any:
    try:
        from plan_portal.core.agencies import Registry
    except Exception as exc:  # pragma: no cover - the registry is part of the package
        _write(err, f"cảnh báo: không dùng được danh mục cơ quan ({exc}); bỏ qua --agencies.\n")
        return None
    registry_path = Path(path)
    if not registry_path.exists():
        _write(err, f"cảnh báo: không thấy danh mục cơ quan «{path}»; bỏ qua --agencies.\n")
        return None
    registry, diagnostics = Registry.load(registry_path, rel_path=registry_path.name)
    for diagnostic in diagnostics:
        text = diagnostic.format() if hasattr(diagnostic, "format") else str(diagnostic)
        _write(err, text + "\n")
    return registry


def report(result: ImportResult, extra: list[str] | None = None) -> str:
    """The short report printed after an import."""
    record = result.record
    lines = [
        f"Đã nhập «{result.source_name}»: {len(record.get('tasks', []))} nhiệm vụ, "
        f"{len(record.get('events', []))} sự kiện, {len(record.get('basis', []))} căn cứ, "
        f"{len(record.get('recipients', []))} nơi nhận."
    ]
    problems = list(result.problems) + list(extra or [])
    if problems:
        lines.append(f"Cần kiểm tra ({len(problems)}):")
        lines.extend(f"  - {p}" for p in problems)
    else:
        lines.append("Không có gì cần kiểm tra thêm.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the import command; returns the exit code."""
    args = build_parser().parse_args(argv)
    err = sys.stderr
    registry = _load_registry(args.agencies, err) if args.agencies else None
    path = Path(args.file)
    try:
        result = import_document(path, registry=registry)
    except UnsupportedFormat as exc:
        _write(err, f"lỗi: {exc}\n")
        return 2
    except FileNotFoundError:
        _write(err, f"lỗi: không tìm thấy tệp «{path}».\n")
        return 2
    except OSError as exc:
        _write(err, f"lỗi: không đọc được tệp «{path}»: {exc}.\n")
        return 2
    except Exception as exc:  # a broken .docx (not a zip, missing parts)
        _write(err, f"lỗi: không đọc được tệp «{path}» ({type(exc).__name__}: {exc}). Tệp Word có bị hỏng không?\n")
        return 2
    extra: list[str] = []
    if args.json:
        record, model_problems = result.to_json_record()
        extra += model_problems
        output = json.dumps(record, ensure_ascii=False, indent=2, default=str) + "\n"
        suffix = ".json"
    else:
        output = result.to_markdown()
        suffix = ".md"
    if args.output:
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / (result.slug + suffix)
        target.write_text(output, encoding="utf-8")
        _write(sys.stdout, f"{target}\n")
    else:
        _write(sys.stdout, output)
    _write(err, report(result, extra))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
