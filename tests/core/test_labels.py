"""Dates and period labels as a reader sees them (core/labels.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from plan_portal.core.labels import in_sentence, long_date


@pytest.mark.parametrize("value, expected", [
    # Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero, no other month does.
    (date(2025, 6, 20), "ngày 20 tháng 6 năm 2025"),
    (date(2023, 2, 2), "ngày 02 tháng 02 năm 2023"),
    (date(2024, 1, 15), "ngày 15 tháng 01 năm 2024"),
    (date(2021, 12, 5), "ngày 05 tháng 12 năm 2021"),
    (date(2021, 8, 10), "ngày 10 tháng 8 năm 2021"),
    (datetime(2024, 10, 29, 7, 30), "ngày 29 tháng 10 năm 2024"),
    (None, ""),
])
def test_long_date_follows_decree_30(value, expected):
    assert long_date(value) == expected


@pytest.mark.parametrize("label, expected", [
    ("Ngày 30/9/2025", "ngày 30/9/2025"),
    ("Quý III/2025", "quý III/2025"),
    ("Tháng 8–9/2024", "tháng 8–9/2024"),
    ("trước ngày 13/8/2021", "trước ngày 13/8/2021"),
    ("", ""),
])
def test_a_label_inside_a_sentence_starts_lower_case(label, expected):
    assert in_sentence(label) == expected
