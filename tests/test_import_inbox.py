"""scripts/import_inbox.py, which the "Nhập văn bản Word" workflow runs on the .docx files uploaded to nhap/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx

from plan_portal.core.frontmatter import parse_front_matter

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "cam-pha-48-kh-ubnd-2023-ky-niem-60-nam-quang-ninh.txt"


def test_a_word_file_in_the_inbox_becomes_a_plan_with_a_report(tmp_path: Path) -> None:
    inbox, content = tmp_path / "nhap", tmp_path / "content"
    inbox.mkdir()
    (content / "ke-hoach").mkdir(parents=True)
    (content / "co-quan.yml").write_bytes((ROOT / "content" / "co-quan.yml").read_bytes())
    document = docx.Document()
    for line in SEED.read_text("utf-8").splitlines():
        document.add_paragraph(line)
    document.save(inbox / "KH 48 ký.docx")
    (inbox / "ghi-chu.txt").write_text("không phải văn bản Word", "utf-8")

    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_inbox.py"), "--inbox", str(inbox), "--content", str(content),
         "--report", str(tmp_path / "report.md"), "--titles", str(tmp_path / "titles.txt")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    plans = sorted((content / "ke-hoach").rglob("*.md"))
    assert [p.parent.name for p in plans] == ["2023"]  # the year of issue
    front = parse_front_matter(plans[0].read_text("utf-8"), "ke-hoach/2023/x.md")
    assert front.data["number"] == "48/KH-UBND"
    assert not (inbox / "KH 48 ký.docx").exists() and (inbox / "ghi-chu.txt").exists()
    assert (tmp_path / "titles.txt").read_text("utf-8") == "KH 48 ký.docx\n"
    report = (tmp_path / "report.md").read_text("utf-8")
    assert f"### KH 48 ký.docx → `{plans[0].as_posix()}`" in report
    assert "**Báo cáo nhập**" in report and "**Kiểm tra** (`plan-portal check`)" in report
