"""Text helpers of the core: folding for search and the «đ» words given to Pagefind."""

from __future__ import annotations

import pytest

from plan_portal.core.text import d_words, fold, slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đường Kỷ Niệm", "duong ky niem"),
        ("ĐOÀN THANH NIÊN", "doan thanh nien"),
        ("Quý III/2024", "quy iii/2024"),
        ("plain ascii", "plain ascii"),
        ("Hoà", "hoa"),  # old tone placement
        ("Hòa", "hoa"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Đảng ủy và Đoàn thanh niên</p>", ["dang", "doan"]),
        ("<p>đoàn, Đoàn. «đoàn»</p>", ["doan"]),  # punctuation stripped, repeats and case merged
        ("<td>Điện</td><td>lực</td>", ["dien"]),  # cells do not run together
        ("<a title=\"đường\">x</a>", []),  # attributes are not text
        ("<p>Tổ chức lễ kỷ niệm</p>", []),
        ("<p>&#273;&#432;&#7901;ng</p>", ["duong"]),  # entities are read
        ("<p>Sở KH&amp;ĐT</p>", ["kh&dt"]),
        ("", []),
    ],
)
def test_d_words(markup, expected):
    assert d_words(markup) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Kỷ niệm 60 năm Quảng Ninh", "ky-niem-60-nam-quang-ninh"), ("Đ/c Đặng", "d-c-dang"), ("!!!", "")],
)
def test_slugify(text, expected):
    assert slugify(text) == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_fold_removes_exactly_the_non_spacing_marks(text):
    import unicodedata

    expected = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    expected = unicodedata.normalize("NFC", "".join(ch for ch in expected if unicodedata.category(ch) != "Mn"))
    assert fold(text) == expected
