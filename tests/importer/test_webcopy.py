"""Repairs of text copied from web pages of legal documents."""

from __future__ import annotations

import pytest

from plan_portal.importer.webcopy import web_copy_lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Căn cứ Quyết địnhsố 1270/QĐ-TTg", "Căn cứ Quyết định số 1270/QĐ-TTg"),
        ("Đề án “Bảotồn, phát triển văn hóa” trên địabàn tỉnh", "Đề án “Bảo tồn, phát triển văn hóa” trên địa bàn tỉnh"),
        ("Ban vì sự tiến bộ phụ nữ cácsở, ban, ngành", "Ban vì sự tiến bộ phụ nữ các sở, ban, ngành"),
        ("BANHÀNH KẾ HOẠCH", "BAN HÀNH KẾ HOẠCH"),
        ("Các cơ quan, đơnvị sau đây", "Các cơ quan, đơn vị sau đây"),
        ("PHÁT TRIỂN KINH TẾ - Xà HỘI", "PHÁT TRIỂN KINH TẾ - XÃ HỘI"),
        # Correct text is left alone: one tone mark per syllable.
        ("Nghiêng về khuyến khích; Hoà Bình; Phansipăng", "Nghiêng về khuyến khích; Hoà Bình; Phansipăng"),
    ],
)
def test_glued_syllables(line, expected):
    assert web_copy_lines([line]) == [expected]


def test_header_cells_become_lines():
    lines = web_copy_lines([
        "THỦ TƯỚNG CHÍNH PHỦ --------------- Số: 24/CT-TTg | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ----- "
        "Hà Nội, ngày 17 tháng 09 năm 2012 |",
        "Dòng thường, không có ô.",
    ])
    assert [x for x in lines if x] == [
        "THỦ TƯỚNG CHÍNH PHỦ", "Số: 24/CT-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 17 tháng 09 năm 2012", "Dòng thường, không có ô.",
    ]


def test_tab_rows_are_not_touched():
    row = "1\tNội dung | có gạch\tSở Nội vụ"
    assert web_copy_lines([row]) == [row]
