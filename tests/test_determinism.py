"""Building the same content twice gives byte-identical sites.

Files whose format requires the build date are the only exception, and even they
differ only in that date:

* ``sitemap.xml`` — ``<lastmod>`` of every page is the build date (MkDocs; it follows
  ``SOURCE_DATE_EPOCH`` when set), and ``sitemap.xml.gz`` embeds the same date in its
  gzip header;
* every iCalendar feed (``dong-thoi-gian/lich.ics`` and ``co-quan/<id>/lich.ics``) —
  ``DTSTAMP`` is the build date, as RFC 5545 requires (the plugin's ``today`` option or
  ``SOURCE_DATE_EPOCH`` fix it).

The two builds run in separate processes with different ``PYTHONHASHSEED`` values, so
an order that depends on set or dict-of-set iteration would show up here.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path



from portal_testing import CAM_PHA_REGISTRY, TODAY, make_config, write_files  # noqa: E402

#: Site paths (glob patterns) allowed to differ between two builds, only in their build date.
BUILD_DATE_FILES = ("sitemap.xml", "sitemap.xml.gz", "**/lich.ics")

REGISTRY = CAM_PHA_REGISTRY

FILES = {
    "index.md": "# Cổng kế hoạch\n",
    "co-quan.yml": REGISTRY,
    "chuyen-trang/ky-niem-60-nam/index.md": """
        ---
        title: Kỷ niệm 60 năm
        anniversaries:
          - {label: Ngày thành lập tỉnh, since: 1963-10-30, on: 2023-10-30}
        milestones:
          - {date: 1963, title: Thành lập tỉnh}
        ---
        Giới thiệu.
        """,
    "chuyen-trang/ky-niem-60-nam/bai-viet.md": "---\ntitle: Bài viết\ndate: 2023-05-01\n---\nNội dung.\n",
    "ke-hoach/2023/19-kh-ubnd.md": """
        ---
        number: 19/KH-UBND
        issued: 2023-02-02
        issuer: UBND thành phố Cẩm Phả
        summary: Kế hoạch khung
        special: [ky-niem-60-nam]
        tasks:
          - {title: Việc chung, lead: [Phòng Nội vụ, Phòng Văn hóa và Thông tin], due: Quý III/2023}
        ---
        Toàn văn kế hoạch khung.
        """,
    "ke-hoach/2023/48-kh-ubnd.md": """
        ---
        number: 48/KH-UBND
        issued: 2023-02-20
        issuer: UBND thành phố Cẩm Phả
        summary: Tổ chức kỷ niệm 60 năm
        special: [ky-niem-60-nam]
        basis:
          - {number: 19/KH-UBND, issued: 2023-02-02, issuer: UBND thành phố Cẩm Phả, relation: implements}
        recipients: [Lưu VT]
        tasks:
          - {title: Thi đua, lead: Phòng NV, support: [Phòng Văn hóa và Thông tin, Công ty Điện lực], due: trước 25/3/2023}
          - {title: Tuyên truyền, lead: Phòng Văn hóa và Thông tin, due: Từ tháng 3/2023 đến tháng 9/2023, status: done}
          - {title: Tổng kết, lead: Phòng Nội vụ, due: sau tết}
        events:
          - {title: Lễ kỷ niệm, start: "2023-10-30 07:30", end: "2023-10-30 11:00", place: Nhà văn hóa, attendees: 250}
        ---
        ## I. Mục đích

        Nội dung <script>alert(1)</script> và [liên kết](https://example.org).
        """,
    "ke-hoach/2024/loi.md": "---\nnumber: 3/KH\nsummary: [\n---\nKế hoạch có lỗi.\n",
}


def build(root: Path, out: str, seed: str) -> Path:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / out)],
        check=True, cwd=root, env=env, capture_output=True,
    )
    return root / out


def without_build_date(rel: str, data: bytes) -> bytes:
    if rel.endswith(".gz"):
        data = gzip.decompress(data)
    if rel.endswith(".ics"):
        return re.sub(rb"DTSTAMP:[0-9TZ]+", b"DTSTAMP:-", data)
    return re.sub(rb"<lastmod>[^<]*</lastmod>", b"<lastmod>-</lastmod>", data)


def test_two_builds_are_byte_identical(tmp_path):
    write_files(tmp_path / "content", FILES)
    # with a site_url, as deployed: without one there is no sitemap
    make_config(tmp_path, plugins=["search", {"plan-portal": {"today": TODAY}}], site_url="https://cong.example.gov.vn/")
    first = build(tmp_path, "site-1", "1")
    second = build(tmp_path, "site-2", "2")

    files_1 = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    files_2 = sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert files_1 == files_2
    assert "ke-hoach/2023/48-kh-ubnd/index.html" in files_1 and "dong-thoi-gian/lich.ics" in files_1
    assert "search/search_index.json" in files_1 and "du-lieu/ke-hoach.json" in files_1

    dated = {rel for rel in files_1 if any(Path(rel).match(pattern) for pattern in BUILD_DATE_FILES)}
    assert {"sitemap.xml", "sitemap.xml.gz", "dong-thoi-gian/lich.ics"} <= dated
    different = []
    for rel in files_1:
        a, b = (first / rel).read_bytes(), (second / rel).read_bytes()
        if rel in dated:
            a, b = without_build_date(rel, a), without_build_date(rel, b)
        if a != b:
            different.append(rel)
    assert different == []
