#!/usr/bin/env python3
"""Import every Word file of the inbox (``nhap/``) into ``content/ke-hoach/<năm>/`` (the import workflow).

    .venv/bin/python scripts/import_inbox.py --inbox nhap --content content --report report.md --titles titles.txt

For each ``.docx``: ``plan-portal import`` with the registry, the plan file moved into the folder of
its year of issue (this year when the date was not found), the ``.docx`` removed from the inbox, and
``plan-portal check`` on the result. ``report.md`` gets, per file, the importer's report and what the
check says about the new plan (Vietnamese, file:line); ``titles.txt`` one line per imported file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from plan_portal.core.frontmatter import parse_front_matter  # noqa: E402
from plan_portal.core.periods import parse_period  # noqa: E402


def _cli() -> list[str]:
    return [sys.executable, "-c", "import sys; from plan_portal.cli import main; sys.exit(main())"]


def _year(plan_file: Path) -> int:
    front = parse_front_matter(plan_file.read_text("utf-8"), plan_file.name)
    issued = front.data.get("issued")
    try:
        period = parse_period(issued) if issued is not None else None
    except (TypeError, ValueError):
        period = None
    day = (period.start or period.end) if period else None
    return day.year if day else date.today().year


def import_one(docx: Path, content: Path) -> tuple[Path | None, str]:
    """(the new plan file, the Markdown report section) for one Word file."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [*_cli(), "import", str(docx), "-o", tmp]
        registry = content / "co-quan.yml"
        if registry.is_file():
            args += ["--agencies", str(registry)]
        proc = subprocess.run(args, capture_output=True, text=True)
        written = sorted(Path(tmp).glob("*.md"))
        if proc.returncode != 0 or not written:
            return None, f"### {docx.name}: không nhập được\n\n```text\n{proc.stderr.strip()}\n```\n"
        year = _year(written[0])
        target = content / "ke-hoach" / str(year) / written[0].name
        target.parent.mkdir(parents=True, exist_ok=True)
        n = 2
        while target.exists():
            target = target.with_name(f"{written[0].stem}-{n}.md")
            n += 1
        target.write_text(written[0].read_text("utf-8"), "utf-8")
    check = subprocess.run([*_cli(), "check", "--relative", str(content)], capture_output=True, text=True)
    rel = target.relative_to(content).as_posix()
    mine = [line for line in check.stdout.splitlines() if line.startswith(rel + ":")]
    checked = "\n".join(mine) if mine else "Không có lỗi hay cảnh báo."
    return target, (
        f"### {docx.name} → `{target.as_posix()}`\n\n"
        f"**Báo cáo nhập** (chỗ cần xem lại được ghi `# TODO` trong tệp):\n\n```text\n{proc.stderr.strip()}\n```\n\n"
        f"**Kiểm tra** (`plan-portal check`):\n\n```text\n{checked}\n```\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inbox", type=Path, default=Path("nhap"))
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--report", type=Path, default=Path("report.md"))
    parser.add_argument("--titles", type=Path, default=Path("titles.txt"))
    args = parser.parse_args(argv)
    files = sorted(p for p in args.inbox.rglob("*") if p.is_file() and p.suffix.lower() == ".docx")
    sections, titles = [], []
    for docx in files:
        target, section = import_one(docx, args.content)
        sections.append(section)
        if target is not None:
            titles.append(docx.name)
            docx.unlink()  # out of the inbox: the pull request carries the plan instead
    args.report.write_text("## Nhập văn bản Word\n\n" + "\n".join(sections), "utf-8")
    args.titles.write_text("".join(t + "\n" for t in titles), "utf-8")
    print(f"Đã nhập {len(titles)}/{len(files)} tệp.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
