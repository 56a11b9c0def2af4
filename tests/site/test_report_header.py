"""A report document carries the header of its issuer, like a plan: a Party body's report
"ĐẢNG CỘNG SẢN VIỆT NAM" and "Số 5-BC/HU", a state body's the national motto and "Số: 7/BC-UBND"."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

PLAN = """---
doc_type: Kế hoạch
number: 12-KH/HU
issued: 2024-03-01
issuer: Huyện ủy Mẫu Sơn
summary: Tổ chức hội nghị học tập nghị quyết
tasks:
  - title: Tổ chức hội nghị
    lead: Ban Tuyên giáo Huyện ủy Mẫu Sơn
    due: trước ngày 30/4/2024
---
Nội dung.
"""

REPORT = """---
doc_type: Báo cáo
number: {number}
issued: 2024-05-02
issuer: {issuer}
summary: Kết quả tổ chức hội nghị
plan: 12-KH/HU
results:
  - task: "1"
    status: done
    date: 2024-04-20
---
Kết quả.
"""


@pytest.mark.parametrize("issuer, number, party", [
    ("Huyện ủy Mẫu Sơn", "5-BC/HU", True),
    ("UBND huyện Mẫu Sơn", "7/BC-UBND", False),
])
def test_a_report_carries_its_issuers_header(site, issuer, number, party):
    built = site({"ke-hoach/2024/kh.md": PLAN,
                  "bao-cao-ket-qua/2024/bc.md": REPORT.format(issuer=issuer, number=number)})
    assert built.error is None, built.error
    pages = list((built.site_dir / "bao-cao-ket-qua").rglob("index.html"))
    report = [p for p in pages if "Kết quả tổ chức hội nghị" in p.read_text("utf-8")]
    assert len(report) == 1, pages
    header = BeautifulSoup(report[0].read_text("utf-8"), "html.parser").select_one("header.pp-doc-header")
    text = " ".join(header.get_text(" ").split())
    if party:
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HÒA" not in text and f"Số {number}" in text
    else:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in text and f"Số: {number}" in text
    assert issuer in text and "Kết quả tổ chức hội nghị" in text
