"""The imported body keeps the document's structure: numbering gives heading levels."""

from __future__ import annotations

import re

from plan_portal.importer import import_text

HEAD = "Số: 5/KH-UBND\nSơn La, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nTổ chức hội nghị\n"


def _levels(body: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#+) (.+)$", body, re.M)]


def test_numbering_gives_levels_without_gaps():
    body = import_text(HEAD + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tôn vinh.\n2. Yêu cầu\n- Tiết kiệm.\n"
        "II. NỘI DUNG\n1. Hội nghị\n1.1. Thời gian\n1.2. Địa điểm\n"
    )).body
    assert _levels(body) == [
        (2, "I. MỤC ĐÍCH, YÊU CẦU"), (3, "1. Mục đích"), (3, "2. Yêu cầu"),
        (2, "II. NỘI DUNG"), (3, "1. Hội nghị"), (4, "1.1. Thời gian"), (4, "1.2. Địa điểm"),
    ]


def test_equal_items_get_equal_levels():
    # One sibling is a whole sentence; its siblings are headings, so it is one too.
    body = import_text(HEAD + (
        "I. NỘI DUNG\n1. Tuyên truyền\n2. Hội nghị tổng kết\n3. Khen thưởng các tập thể, cá nhân tiêu biểu.\n"
    )).body
    assert [level for level, text in _levels(body) if re.match(r"\d\.", text)] == [3, 3, 3]


def test_sentences_stay_numbered_paragraphs_all_of_them():
    body = import_text(HEAD + (
        "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chuẩn bị báo cáo tổng kết, hoàn thành trước ngày 10/1/2024.\n"
        "2. Sở Tài chính bố trí kinh phí tổ chức hội nghị theo quy định hiện hành.\n3. Văn phòng UBND tỉnh\n"
    )).body
    assert _levels(body) == [(2, "I. TỔ CHỨC THỰC HIỆN")]
    assert "1\\. Sở Nội vụ" in body and "3\\. Văn phòng UBND tỉnh" in body


def test_lettered_items_are_lists_with_their_bullets_nested():
    body = import_text(HEAD + (
        "I. NỘI DUNG\na) Tuyên truyền\n- Trên báo chí.\nb) Hội nghị\n(1) Chuẩn bị.\n"
    )).body
    assert "- a) Tuyên truyền\n    - Trên báo chí." in body
    assert "- b) Hội nghị" in body and "(1) Chuẩn bị." in body
    assert not re.search(r"^#+ a\)", body, re.M)
