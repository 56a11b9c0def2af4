"""A plan's attachments in a real small site: listed, downloadable, exported; missing and outside files reported
at their line by ``plan-portal check`` and by the build, and never published."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from plan_portal.cli import main
from portal_testing import CAM_PHA_REGISTRY, build_site, write_files

PLAN = """---
number: 12/KH-UBND
issued: 2024-03-15
issuer: ubnd-tp-cam-pha
summary: Tổ chức Ngày hội đọc sách
attachments:
  - file: ke-hoach/2024/12-kh-ubnd.pdf
    title: Kế hoạch 12/KH-UBND (bản ký số)
    kind: Bản ký số
  - file: ke-hoach/2024/phu-luc.docx
    kind: Phụ lục
  - file: ke-hoach/2024/khong-co.pdf
  - file: ../mat.pdf
  - file: ke-hoach/2024/lien-ket.pdf
---
Nội dung kế hoạch.
"""
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"0" * (1200 * 1024)
DOCX = b"PK\x03\x04" + b"1" * 3000


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("dinh-kem")
    write_files(root / "content", {"co-quan.yml": CAM_PHA_REGISTRY, "ke-hoach/2024/12-kh-ubnd.md": PLAN})
    folder = root / "content" / "ke-hoach" / "2024"
    (folder / "12-kh-ubnd.pdf").write_bytes(PDF)
    (folder / "phu-luc.docx").write_bytes(DOCX)
    (root / "mat.pdf").write_bytes(b"%PDF secret outside")
    os.symlink(root / "mat.pdf", folder / "lien-ket.pdf")
    return build_site(root)


def test_the_plan_page_lists_each_published_attachment(site) -> None:
    assert site.error is None, site.error
    page = site.html("ke-hoach/2024/12-kh-ubnd/")
    section = page.find(id="tep-dinh-kem")
    assert section.find("h2").get_text(strip=True) == "Tệp đính kèm"
    items = section.select(".pp-attachment")
    assert [(a.a["href"], a.a.has_attr("download"), a.a.get_text(strip=True),
             a.select_one(".pp-attachment__meta").get_text(strip=True)) for a in items] == [
        ("../12-kh-ubnd.pdf", True, "Kế hoạch 12/KH-UBND (bản ký số)", "Bản ký số · PDF · 1,2 MB"),
        ("../phu-luc.docx", True, "phu-luc.docx", "Phụ lục · Word · 2,9 KB"),
    ]
    assert (site.site_dir / "ke-hoach/2024/12-kh-ubnd.pdf").read_bytes() == PDF
    assert (site.site_dir / "ke-hoach/2024/phu-luc.docx").read_bytes() == DOCX


def test_outside_files_are_refused_and_not_published(site) -> None:
    assert not (site.site_dir / "ke-hoach/2024/lien-ket.pdf").exists()
    assert not (site.site_dir / "mat.pdf").exists()
    for path in site.site_dir.rglob("*"):
        if path.is_file():
            assert b"secret outside" not in path.read_bytes(), path
    page = site.html("ke-hoach/2024/12-kh-ubnd/")
    hrefs = [a["href"] for a in page.find(id="tep-dinh-kem").find_all("a")]
    assert not any("mat" in h or "lien-ket" in h or "khong-co" in h for h in hrefs)


def test_the_export_lists_the_attachments(site) -> None:
    data = json.loads((site.site_dir / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    (plan,) = data["plans"]
    assert plan["attachments"] == [
        {"file": "ke-hoach/2024/12-kh-ubnd.pdf", "title": "Kế hoạch 12/KH-UBND (bản ký số)", "kind": "Bản ký số",
         "url": "ke-hoach/2024/12-kh-ubnd.pdf", "name": "Kế hoạch 12/KH-UBND (bản ký số)", "type": "PDF",
         "size": len(PDF)},
        {"file": "ke-hoach/2024/phu-luc.docx", "kind": "Phụ lục", "url": "ke-hoach/2024/phu-luc.docx",
         "name": "phu-luc.docx", "type": "Word", "size": len(DOCX)},
    ]


def test_check_and_build_report_each_bad_attachment_at_its_line(site, capsys) -> None:
    assert main(["check", "--relative", str(site.root / "content")]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "attachments[" in line]
    assert len(lines) == 3, out
    missing, outside, refused = lines
    assert missing.startswith("ke-hoach/2024/12-kh-ubnd.md:12: ") and "Tệp đính kèm không có trong thư mục nội dung" in missing
    assert "khong-co.pdf" in missing
    assert outside.startswith("ke-hoach/2024/12-kh-ubnd.md:13: ") and "ra ngoài thư mục nội dung" in outside
    assert refused.startswith("ke-hoach/2024/12-kh-ubnd.md:14: ") and "liên kết tượng trưng" in refused
    # the build says the same, on the report page
    report = site.text("bao-cao")
    for needle in ("khong-co.pdf", "../mat.pdf", "lien-ket.pdf"):
        assert needle in report
