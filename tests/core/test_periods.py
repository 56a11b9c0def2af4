"""Tests for the Vietnamese period model and parser (issue 3)."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_portal.core.periods import ACCEPTED_FORMS, STATUSES, Period, Precision, parse_period
from plan_portal.core.text import slugify

D = date
MINUTE, DAY, MONTH, QUARTER, YEAR, UNKNOWN = (
    Precision.MINUTE,
    Precision.DAY,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.YEAR,
    Precision.UNKNOWN,
)


def _id(value: Any) -> str:
    return slugify(str(value))[:60] or repr(value)


# (wording, start, end, precision, label)
FORMS: list[tuple[Any, date | None, date | None, Precision, str]] = [
    # Every form listed in issue 3 and in the brief.
    ("trước ngày 13/8/2021", None, D(2021, 8, 12), DAY, "Trước 13/8/2021"),
    ("trước 25/3/2023", None, D(2023, 3, 24), DAY, "Trước 25/3/2023"),
    ("Thời gian hoàn thành: 9/2024", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("tháng 9/2024", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("Trong tháng 3/2024", D(2024, 3, 1), D(2024, 3, 31), MONTH, "Tháng 3/2024"),
    ("Trong tháng 8, 9/2024", D(2024, 8, 1), D(2024, 9, 30), MONTH, "Tháng 8–9/2024"),
    ("Tháng 9, 10/2024", D(2024, 9, 1), D(2024, 10, 31), MONTH, "Tháng 9–10/2024"),
    ("Trong quý III/2024", D(2024, 7, 1), D(2024, 9, 30), QUARTER, "Quý III/2024"),
    ("Quý III- IV/2019", D(2019, 7, 1), D(2019, 12, 31), QUARTER, "Quý III–IV/2019"),
    ("Quý I/2020", D(2020, 1, 1), D(2020, 3, 31), QUARTER, "Quý I/2020"),
    ("Quý II-III/2020", D(2020, 4, 1), D(2020, 9, 30), QUARTER, "Quý II–III/2020"),
    ("Từ tháng 7/2024", D(2024, 7, 1), None, MONTH, "Từ tháng 7/2024"),
    ("Từ tháng 8/2022 đến tháng 10/2023", D(2022, 8, 1), D(2023, 10, 31), MONTH, "Từ tháng 8/2022 đến tháng 10/2023"),
    ("Từ tháng 02/2020 đến tháng 4/2020", D(2020, 2, 1), D(2020, 4, 30), MONTH, "Từ tháng 2/2020 đến tháng 4/2020"),
    ("Tháng 11-12/2019 đến tháng 01/2020", D(2019, 11, 1), D(2020, 1, 31), MONTH, "Từ tháng 11/2019 đến tháng 1/2020"),
    ("Tháng 9-10/2019", D(2019, 9, 1), D(2019, 10, 31), MONTH, "Tháng 9–10/2019"),
    ("Hồ sơ đề nghị khen thưởng xong trước tháng 9/2024", None, D(2024, 8, 31), MONTH, "Trước tháng 9/2024"),
    (
        "Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024",
        D(2024, 10, 29),
        D(2024, 10, 29),
        MINUTE,
        "Ngày 29/10/2024, 7h30–11h00",
    ),
    ("07 giờ 30 phút, ngày 18/01/2024", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 7h30"),
    ("chậm nhất ngày 11/01/2024", None, D(2024, 1, 11), DAY, "Chậm nhất 11/1/2024"),
    ("Tháng 12/2013 và thường xuyên", D(2013, 12, 1), None, MONTH, "Từ tháng 12/2013, thường xuyên"),
    ("thường xuyên", None, None, UNKNOWN, "Thường xuyên"),
    ("Năm 2018", D(2018, 1, 1), D(2018, 12, 31), YEAR, "Năm 2018"),
    ("đến năm 2020", None, D(2020, 12, 31), YEAR, "Đến năm 2020"),
    ("trong quý 1/2019", D(2019, 1, 1), D(2019, 3, 31), QUARTER, "Quý I/2019"),
    ("hàng năm", None, None, YEAR, "Hằng năm"),
    ("trước ngày 15 hàng tháng", None, None, DAY, "Trước ngày 15 hằng tháng"),
    ("Cuối tháng 3/2023", D(2023, 3, 21), D(2023, 3, 31), MONTH, "Cuối tháng 3/2023"),
    ("Dự kiến trung tuần tháng 7/2023", D(2023, 7, 11), D(2023, 7, 20), MONTH, "Trung tuần tháng 7/2023"),
    ("từ tháng 3/2023 đến hết tháng 10/2023", D(2023, 3, 1), D(2023, 10, 31), MONTH, "Từ tháng 3/2023 đến tháng 10/2023"),
    ("từ đầu tháng 09/2023 đến hết tháng 10/2023", D(2023, 9, 1), D(2023, 10, 31), MONTH, "Tháng 9–10/2023"),
    (
        "Tháng 8/2020 Nhân dịp kỷ niệm 75 năm Ngày truyền thống Văn phòng các cơ quan hành chính Nhà nước "
        "(28/8/1945-28/8/2020)",
        D(2020, 8, 1),
        D(2020, 8, 31),
        MONTH,
        "Tháng 8/2020",
    ),
    ("ngày 10 tháng 8 năm 2021", D(2021, 8, 10), D(2021, 8, 10), DAY, "Ngày 10/8/2021"),
    ("30/10/2023", D(2023, 10, 30), D(2023, 10, 30), DAY, "Ngày 30/10/2023"),
    ("30-10-2023", D(2023, 10, 30), D(2023, 10, 30), DAY, "Ngày 30/10/2023"),
    ("dự kiến ngày 26/11/2021", D(2021, 11, 26), D(2021, 11, 26), DAY, "Ngày 26/11/2021"),
    # The other deadlines of the five seed plans.
    ("trước ngày 12/8/2021", None, D(2021, 8, 11), DAY, "Trước 12/8/2021"),
    ("Lễ kỷ niệm (dự kiến diễn ra vào ngày 26/11/2021)", D(2021, 11, 26), D(2021, 11, 26), DAY, "Ngày 26/11/2021"),
    ("Thời gian thực hiện: Tháng 8/2023.", D(2023, 8, 1), D(2023, 8, 31), MONTH, "Tháng 8/2023"),
    ("Thời gian thực hiện: Tháng 7/2023.", D(2023, 7, 1), D(2023, 7, 31), MONTH, "Tháng 7/2023"),
    ("Thời gian thực hiện: Từ tháng 3/2023 đến tháng 9/2023", D(2023, 3, 1), D(2023, 9, 30), MONTH, "Từ tháng 3/2023 đến tháng 9/2023"),
    ("Thời gian hoàn thành trong tháng 3/2023", D(2023, 3, 1), D(2023, 3, 31), MONTH, "Tháng 3/2023"),
    ("tổ chức từ tháng 4/2023 đến tháng 9/2023", D(2023, 4, 1), D(2023, 9, 30), MONTH, "Từ tháng 4/2023 đến tháng 9/2023"),
    ("trọng tâm trong tháng 10/2023", D(2023, 10, 1), D(2023, 10, 31), MONTH, "Tháng 10/2023"),
    ("dự kiến thời gian gắn biển trước 30/9/2023.", None, D(2023, 9, 29), DAY, "Trước 30/9/2023"),
    ("Báo cáo trước ngày 20 hàng tháng", None, None, DAY, "Trước ngày 20 hằng tháng"),
    ("(Dự kiến trung tuần tháng 7/2023).", D(2023, 7, 11), D(2023, 7, 20), MONTH, "Trung tuần tháng 7/2023"),
    ("Tháng 8/2019", D(2019, 8, 1), D(2019, 8, 31), MONTH, "Tháng 8/2019"),
    ("Tháng 5/2020", D(2020, 5, 1), D(2020, 5, 31), MONTH, "Tháng 5/2020"),
    ("Tháng 6/2020", D(2020, 6, 1), D(2020, 6, 30), MONTH, "Tháng 6/2020"),
    ("- Thời gian hoàn thành: tháng 9/2024.", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("1. Thời gian: 07 giờ 30 phút, ngày 18/01/2024.", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 7h30"),
    (
        "Thời gian hoàn thành **chậm nhất ngày 11/01/2024** (thời gian duyệt phim dự kiến ngày 12/01/2024).",
        None,
        D(2024, 1, 11),
        DAY,
        "Chậm nhất 11/1/2024",
    ),
    ("Cẩm Phả, ngày 20 tháng 02 năm 2023", D(2023, 2, 20), D(2023, 2, 20), DAY, "Ngày 20/2/2023"),
    # No diacritics.
    ("quy III/2024", D(2024, 7, 1), D(2024, 9, 30), QUARTER, "Quý III/2024"),
    ("thang 9/2024", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("truoc ngay 13/8/2021", None, D(2021, 8, 12), DAY, "Trước 13/8/2021"),
    ("tu thang 8/2022 den thang 10/2023", D(2022, 8, 1), D(2023, 10, 31), MONTH, "Từ tháng 8/2022 đến tháng 10/2023"),
    ("cham nhat ngay 11/01/2024", None, D(2024, 1, 11), DAY, "Chậm nhất 11/1/2024"),
    ("thuong xuyen", None, None, UNKNOWN, "Thường xuyên"),
    ("hang nam", None, None, YEAR, "Hằng năm"),
    # Day before month (Vietnamese order), never month/day.
    ("8/9/2024", D(2024, 9, 8), D(2024, 9, 8), DAY, "Ngày 8/9/2024"),
    ("13.8.2021", D(2021, 8, 13), D(2021, 8, 13), DAY, "Ngày 13/8/2021"),
    # More wordings.
    ("Từ 7/2024, thường xuyên", D(2024, 7, 1), None, MONTH, "Từ tháng 7/2024, thường xuyên"),
    ("Trước quý III/2024", None, D(2024, 6, 30), QUARTER, "Trước quý III/2024"),
    ("trước năm 2020", None, D(2019, 12, 31), YEAR, "Trước năm 2020"),
    ("Đến hết tháng 10/2023", None, D(2023, 10, 31), MONTH, "Đến tháng 10/2023"),
    ("không muộn hơn ngày 5/3/2024", None, D(2024, 3, 5), DAY, "Không muộn hơn 5/3/2024"),
    ("Đầu tháng 9/2023", D(2023, 9, 1), D(2023, 9, 10), MONTH, "Đầu tháng 9/2023"),
    ("giữa tháng 2/2024", D(2024, 2, 11), D(2024, 2, 20), MONTH, "Trung tuần tháng 2/2024"),
    ("hạ tuần tháng 2/2024", D(2024, 2, 21), D(2024, 2, 29), MONTH, "Cuối tháng 2/2024"),
    ("Đầu năm 2024", D(2024, 1, 1), D(2024, 3, 31), YEAR, "Đầu năm 2024"),
    ("Cuối năm 2024", D(2024, 10, 1), D(2024, 12, 31), YEAR, "Cuối năm 2024"),
    ("6 tháng đầu năm 2024", D(2024, 1, 1), D(2024, 6, 30), YEAR, "6 tháng đầu năm 2024"),
    ("Giai đoạn 2021-2025", D(2021, 1, 1), D(2025, 12, 31), YEAR, "Từ năm 2021 đến năm 2025"),
    ("Từ năm 2018 đến năm 2020", D(2018, 1, 1), D(2020, 12, 31), YEAR, "Từ năm 2018 đến năm 2020"),
    ("Từ quý IV/2019 đến quý I/2020", D(2019, 10, 1), D(2020, 3, 31), QUARTER, "Từ quý IV/2019 đến quý I/2020"),
    ("từ ngày 5 đến ngày 10/3/2024", D(2024, 3, 5), D(2024, 3, 10), DAY, "Từ 5/3/2024 đến 10/3/2024"),
    ("ngày 28, 29/10/2024", D(2024, 10, 28), D(2024, 10, 29), DAY, "Từ 28/10/2024 đến 29/10/2024"),
    ("từ 15/3/2023 đến 20/3/2023", D(2023, 3, 15), D(2023, 3, 20), DAY, "Từ 15/3/2023 đến 20/3/2023"),
    ("Từ ngày 15/3/2023 đến tháng 10/2023", D(2023, 3, 15), D(2023, 10, 31), MONTH, "Từ tháng 3/2023 đến tháng 10/2023"),
    ("từ tháng 9 đến tháng 2/2025", D(2024, 9, 1), D(2025, 2, 28), MONTH, "Từ tháng 9/2024 đến tháng 2/2025"),
    ("ngày 18/01/2024, lúc 14 giờ", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 14h00"),
    ("2 giờ chiều ngày 18/01/2024", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 14h00"),
    ("19h30 tối thứ Năm, ngày 29/10/2024", D(2024, 10, 29), D(2024, 10, 29), MINUTE, "Ngày 29/10/2024, 19h30"),
    ("trước 17h ngày 13/8/2021", None, D(2021, 8, 13), MINUTE, "Trước 17h00, ngày 13/8/2021"),
    (
        "Từ 7h30 ngày 5/3/2024 đến 17h ngày 6/3/2024",
        D(2024, 3, 5),
        D(2024, 3, 6),
        MINUTE,
        "Từ 7h30 ngày 5/3/2024 đến 17h00 ngày 6/3/2024",
    ),
    ("Hồ sơ gửi đến Sở trước ngày 5/3/2024", None, D(2024, 3, 4), DAY, "Trước 5/3/2024"),
    ("Hạn: 15/8/2024", None, D(2024, 8, 15), DAY, "Hạn 15/8/2024"),
    ("Trước cuối tháng 9/2024", None, D(2024, 9, 20), MONTH, "Trước cuối tháng 9/2024"),
    ("Từ nay đến hết năm 2024", None, D(2024, 12, 31), YEAR, "Đến năm 2024"),
    ("Trước 13/8/2021 và thường xuyên", None, D(2021, 8, 12), DAY, "Trước 13/8/2021, thường xuyên"),
    ("Từ cuối tháng 3/2023", D(2023, 3, 21), None, MONTH, "Từ cuối tháng 3/2023"),
    ("Từ tháng 7/2024 trở đi", D(2024, 7, 1), None, MONTH, "Từ tháng 7/2024"),
    ("Quý 3 năm 2024", D(2024, 7, 1), D(2024, 9, 30), QUARTER, "Quý III/2024"),
    ("tháng 9 năm 2024", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("ngày 18/01/2024 từ 7h30 đến 11h00", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 7h30–11h00"),
    ("ngày 18/01/2024 - 7h30", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 7h30"),
    ("7h30 ngày 18/01/2024 (tổ chức hằng năm)", D(2024, 1, 18), D(2024, 1, 18), MINUTE, "Ngày 18/1/2024, 7h30"),
    ("Tháng 9/2024 (báo cáo hằng tháng)", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("7h30 hằng ngày", None, None, UNKNOWN, "Hằng ngày"),
    ("Liên tục", None, None, UNKNOWN, "Liên tục"),
    ("Hằng quý", None, None, UNKNOWN, "Hằng quý"),
    ("Tháng\u00a09/2024", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("Quý III–IV/2019", D(2019, 7, 1), D(2019, 12, 31), QUARTER, "Quý III–IV/2019"),
    # ISO and YAML.
    (2024, D(2024, 1, 1), D(2024, 12, 31), YEAR, "Năm 2024"),
    ("2024", D(2024, 1, 1), D(2024, 12, 31), YEAR, "Năm 2024"),
    ("2024-09", D(2024, 9, 1), D(2024, 9, 30), MONTH, "Tháng 9/2024"),
    ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30), QUARTER, "Quý III/2024"),
    ("2024-09-15", D(2024, 9, 15), D(2024, 9, 15), DAY, "Ngày 15/9/2024"),
    ("2024-09-15 07:30", D(2024, 9, 15), D(2024, 9, 15), MINUTE, "Ngày 15/9/2024, 7h30"),
    ("2024-09-15T07:30", D(2024, 9, 15), D(2024, 9, 15), MINUTE, "Ngày 15/9/2024, 7h30"),
    ("2024-09-15T07:30:00+07:00", D(2024, 9, 15), D(2024, 9, 15), MINUTE, "Ngày 15/9/2024, 7h30"),
    ("2024-03/2024-09", D(2024, 3, 1), D(2024, 9, 30), MONTH, "Từ tháng 3/2024 đến tháng 9/2024"),
    ("2024-07/..", D(2024, 7, 1), None, MONTH, "Từ tháng 7/2024"),
    ("../2024-07", None, D(2024, 7, 31), MONTH, "Đến tháng 7/2024"),
    ("2024-Q3/2024-Q4", D(2024, 7, 1), D(2024, 12, 31), QUARTER, "Quý III–IV/2024"),
    ("2024-09-15/2024-09-20", D(2024, 9, 15), D(2024, 9, 20), DAY, "Từ 15/9/2024 đến 20/9/2024"),
    (D(2024, 9, 15), D(2024, 9, 15), D(2024, 9, 15), DAY, "Ngày 15/9/2024"),
    (datetime(2024, 9, 15, 7, 30), D(2024, 9, 15), D(2024, 9, 15), MINUTE, "Ngày 15/9/2024, 7h30"),
]


@pytest.mark.parametrize(("value", "start", "end", "precision", "label"), FORMS, ids=[_id(row[0]) for row in FORMS])
def test_forms(value: Any, start: date | None, end: date | None, precision: Precision, label: str) -> None:
    period = parse_period(value)
    assert period.ok, period.error
    assert (period.start, period.end, period.precision, period.label) == (start, end, precision, label)
    assert period.due == end


# (wording, the non-date fields that must be set)
EXTRAS: list[tuple[str, dict[str, Any]]] = [
    ("trước ngày 13/8/2021", {"before": True, "ongoing": False}),
    ("chậm nhất ngày 11/01/2024", {"before": True}),
    ("đến năm 2020", {"before": True}),
    ("Hồ sơ đề nghị khen thưởng xong trước tháng 9/2024", {"before": True}),
    ("Từ tháng 7/2024", {"ongoing": True, "before": False}),
    ("Tháng 12/2013 và thường xuyên", {"ongoing": True}),
    ("thường xuyên", {"ongoing": True, "recurrence": None}),
    ("Từ tháng 8/2022 đến tháng 10/2023", {"ongoing": False, "before": False}),
    (
        "Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024",
        {"start_time": time(7, 30), "end_time": time(11, 0), "ongoing": False},
    ),
    ("07 giờ 30 phút, ngày 18/01/2024", {"start_time": time(7, 30), "end_time": None}),
    ("2 giờ chiều ngày 18/01/2024", {"start_time": time(14, 0)}),
    ("trước 17h ngày 13/8/2021", {"end_time": time(17, 0), "before": True}),
    ("hàng năm", {"recurrence": "yearly", "recurrence_day": None}),
    ("hằng năm", {"recurrence": "yearly"}),
    ("hàng tháng", {"recurrence": "monthly", "recurrence_day": None}),
    ("trước ngày 15 hàng tháng", {"recurrence": "monthly", "recurrence_day": 15, "before": True}),
    ("ngày 5 hằng tháng", {"recurrence": "monthly", "recurrence_day": 5, "before": False}),
    ("2024-07/..", {"ongoing": True}),
    ("../2024-07", {"before": True}),
    ("2024-09-15T07:30", {"start_time": time(7, 30)}),
]


@pytest.mark.parametrize(("value", "fields"), EXTRAS, ids=[_id(row[0]) for row in EXTRAS])
def test_extra_fields(value: str, fields: dict[str, Any]) -> None:
    period = parse_period(value)
    assert period.ok, period.error
    assert {name: getattr(period, name) for name in fields} == fields


def test_text_is_kept_cleaned() -> None:
    period = parse_period("  Tháng\u00a0 9/2024 \n")
    assert period.text == "Tháng 9/2024"
    nfd = "Qu\u0079\u0301 III/2024"  # "Quý" typed on a Mac (decomposed)
    assert parse_period(nfd).text == "Quý III/2024"
    assert parse_period(nfd).label == "Quý III/2024"


@pytest.mark.parametrize(
    ("plain", "accented"),
    [
        ("quy III/2024", "Quý III/2024"),
        ("thang 8, 9/2024", "Tháng 8, 9/2024"),
        ("truoc ngay 13/8/2021", "trước ngày 13/8/2021"),
        ("den nam 2020", "đến năm 2020"),
        ("cuoi thang 3/2023", "Cuối tháng 3/2023"),
        ("hang thang", "hằng tháng"),
        ("tu thang 7/2024", "Từ tháng 7/2024"),
    ],
)
def test_without_diacritics_same_period(plain: str, accented: str) -> None:
    a, b = parse_period(plain), parse_period(accented)
    assert a.ok and b.ok
    assert a.model_dump(exclude={"text"}) == b.model_dump(exclude={"text"})
    assert a.label == b.label


# ---------------------------------------------------------------- default_year


@pytest.mark.parametrize(
    ("value", "start", "end", "label"),
    [
        ("Trong tháng 8, 9", D(2024, 8, 1), D(2024, 9, 30), "Tháng 8–9/2024"),
        ("Quý III", D(2024, 7, 1), D(2024, 9, 30), "Quý III/2024"),
        ("ngày 15/8", D(2024, 8, 15), D(2024, 8, 15), "Ngày 15/8/2024"),
        ("trước ngày 15/8", None, D(2024, 8, 14), "Trước 15/8/2024"),
        ("cuối tháng 3", D(2024, 3, 21), D(2024, 3, 31), "Cuối tháng 3/2024"),
        ("từ tháng 11 đến tháng 2", D(2024, 11, 1), D(2025, 2, 28), "Từ tháng 11/2024 đến tháng 2/2025"),
        # The text's own year wins over default_year, at either end of a range.
        ("Tháng 9/2019", D(2019, 9, 1), D(2019, 9, 30), "Tháng 9/2019"),
        ("từ tháng 11 đến tháng 1/2020", D(2019, 11, 1), D(2020, 1, 31), "Từ tháng 11/2019 đến tháng 1/2020"),
        ("từ tháng 3/2023 đến tháng 5", D(2023, 3, 1), D(2023, 5, 31), "Từ tháng 3/2023 đến tháng 5/2023"),
    ],
    ids=_id,
)
def test_default_year(value: str, start: date | None, end: date | None, label: str) -> None:
    period = parse_period(value, default_year=2024)
    assert period.ok, period.error
    assert (period.start, period.end, period.label) == (start, end, label)


def test_yearless_without_default_year_is_an_error() -> None:
    period = parse_period("Trong tháng 8, 9")
    assert not period.ok
    assert "thiếu năm" in (period.error or "")


def test_yearly_recurrence_anchored_in_default_year() -> None:
    period = parse_period("ngày 30/10 hằng năm", default_year=2024)
    assert (period.recurrence, period.start, period.end, period.label) == (
        "yearly",
        D(2024, 10, 30),
        D(2024, 10, 30),
        "Ngày 30/10 hằng năm",
    )
    assert parse_period("tháng 12 hằng năm", default_year=2024).label == "Tháng 12 hằng năm"
    assert parse_period("hằng năm vào ngày 30/10", default_year=2024).start == D(2024, 10, 30)
    # Without a year to anchor it, only the rhythm is kept.
    assert parse_period("ngày 30/10 hằng năm").model_dump(exclude={"text"}) == parse_period("hằng năm").model_dump(
        exclude={"text"}
    )


# ---------------------------------------------------------------- unreadable


UNREADABLE: list[tuple[Any, str | None]] = [
    ("", None),
    ("   ", None),
    (None, None),
    ("abc", None),
    ("32/13/2024", "ngày 32/13/2024 không có trong lịch"),
    ("Quý V/2024", "quý V không có (chỉ có quý I–IV)"),
    ("tháng 13/2024", "tháng 13 không có (chỉ có tháng 1–12)"),
    ("2024-02-30", "ngày 30/2/2024 không có trong lịch"),
    ("30/2/2023", "ngày 30/2/2023 không có trong lịch"),
    ("2024-13", "tháng 13 không có"),
    ("2024-Q5", "quý 5 không có"),
    ("Từ tháng 10/2023 đến tháng 8/2022", "sau ngày kết thúc"),
    ("2024-09/2024-03", "sau ngày kết thúc"),
    ("../..", "không có đầu nào"),
    ("25h00, ngày 1/1/2024", "không hợp lệ"),
    ("7h00 - 7h30", "thiếu ngày"),
    ("13/8/21", "năm cần đủ 4 chữ số"),
    ("Quyết định 12/2024/QĐ-UBND", None),
    (12, "4 chữ số"),
    (True, None),
    (3.5, None),
]


@pytest.mark.parametrize(("value", "detail"), UNREADABLE, ids=[_id(row[0]) for row in UNREADABLE])
def test_unreadable(value: Any, detail: str | None) -> None:
    period = parse_period(value)
    assert not period.ok
    assert (period.start, period.end, period.precision) == (None, None, UNKNOWN)
    assert period.error is not None and period.error.endswith(ACCEPTED_FORMS)
    if detail:
        assert detail in period.error
    assert period.label == period.text
    assert period.status(D(2024, 1, 1)) == "unknown"
    assert period.to_json()["error"] == period.error


def test_error_message_is_vietnamese_and_names_the_value() -> None:
    assert parse_period("abc").error == (
        "Không đọc được thời hạn «abc». Dùng ngày (13/8/2021 hoặc 2021-08-13), tháng (9/2024), "
        "quý (Quý III/2024), năm (2024), khoảng (Từ tháng 3/2023 đến tháng 9/2023) hoặc «thường xuyên»."
    )
    assert parse_period("").error == f"Chưa có thời hạn. {ACCEPTED_FORMS}"
    assert parse_period("Quý V/2024").error == (
        f"Không đọc được thời hạn «Quý V/2024»: quý V không có (chỉ có quý I–IV). {ACCEPTED_FORMS}"
    )


# ---------------------------------------------------------------- ISO round trips


ISO_CASES = [
    ("2024", "2024"),
    ("2024-09", "2024-09"),
    ("2024-Q3", "2024-Q3"),
    ("2024-09-15", "2024-09-15"),
    ("2024-09-15 07:30", "2024-09-15T07:30"),
    ("2024-03/2024-09", "2024-03/2024-09"),
    ("2024-07/..", "2024-07/.."),
    ("../2024-07", "../2024-07"),
    ("Trong quý III/2024", "2024-Q3"),
    ("Quý III- IV/2019", "2019-Q3/2019-Q4"),
    ("trước ngày 13/8/2021", "../2021-08-12"),
    ("Hồ sơ đề nghị khen thưởng xong trước tháng 9/2024", "../2024-08"),
    ("Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024", "2024-10-29T07:30/2024-10-29T11:00"),
    ("Cuối tháng 3/2023", "2023-03-21/2023-03"),
    ("Năm 2018", "2018"),
]


@pytest.mark.parametrize(("value", "iso"), ISO_CASES, ids=[_id(row[0]) for row in ISO_CASES])
def test_iso(value: str, iso: str) -> None:
    assert parse_period(value).iso == iso


_DATE_FIELDS = ("start", "end", "precision", "start_time", "end_time", "before", "ongoing")


@pytest.mark.parametrize(("value", "start", "end", "precision", "label"), FORMS, ids=[_id(row[0]) for row in FORMS])
def test_iso_round_trip(value: Any, start: date | None, end: date | None, precision: Precision, label: str) -> None:
    period = parse_period(value)
    if period.iso is None:
        assert period.recurrence is not None or (period.start is None and period.end is None)
        return
    again = parse_period(period.iso)
    assert again.ok, again.error
    fields = _DATE_FIELDS
    if period.precision not in (DAY, MINUTE) and re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", period.iso):
        # A window narrower than its precision ("Cuối tháng 3/2023") has no ISO name: its
        # unaligned ends are written, and come back, as days.
        fields = tuple(f for f in fields if f != "precision")
        assert again.precision in (period.precision, DAY)
    if period.end is not None:
        # ISO has no word for "thường xuyên"; only an open end ("2024-07/..") carries it.
        fields = tuple(f for f in fields if f != "ongoing")
    assert {f: getattr(again, f) for f in fields} == {f: getattr(period, f) for f in fields}
    assert again.iso == period.iso


def test_json_round_trip_through_the_model() -> None:
    for row in FORMS:
        period = parse_period(row[0])
        again = Period.model_validate_json(period.model_dump_json())
        assert again == period
        assert again.label == period.label


@given(st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)))
def test_any_iso_date_round_trips(day: date) -> None:
    period = parse_period(day.isoformat())
    assert (period.start, period.end, period.precision) == (day, day, DAY)
    assert period.iso == day.isoformat()
    assert parse_period(day.strftime("%d/%m/") + str(day.year)).start == day


@given(st.integers(1000, 9999), st.integers(1, 12))
def test_any_month_round_trips(year: int, month: int) -> None:
    period = parse_period(f"tháng {month}/{year}")
    assert period.iso == f"{year:04d}-{month:02d}"
    assert parse_period(period.iso).model_dump(exclude={"text"}) == period.model_dump(exclude={"text"})


# ---------------------------------------------------------------- to_json


def test_to_json_minimal() -> None:
    assert parse_period("Quý III/2024").to_json() == {
        "text": "Quý III/2024",
        "start": "2024-07-01",
        "end": "2024-09-30",
        "precision": "quarter",
        "label": "Quý III/2024",
    }


def test_to_json_extras() -> None:
    assert parse_period("Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024").to_json() == {
        "text": "Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024",
        "start": "2024-10-29",
        "end": "2024-10-29",
        "precision": "minute",
        "label": "Ngày 29/10/2024, 7h30–11h00",
        "start_time": "07:30",
        "end_time": "11:00",
    }
    assert parse_period("trước ngày 15 hàng tháng").to_json() == {
        "text": "trước ngày 15 hàng tháng",
        "start": None,
        "end": None,
        "precision": "day",
        "label": "Trước ngày 15 hằng tháng",
        "before": True,
        "recurrence": "monthly",
        "recurrence_day": 15,
    }
    assert parse_period("Từ tháng 7/2024").to_json()["ongoing"] is True


# ---------------------------------------------------------------- status

TODAY = D(2024, 9, 10)

STATUS_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("Tháng 9/2024", {"done": True}, "done"),
    ("Tháng 9/2024", {"cancelled": True}, "cancelled"),
    ("Tháng 9/2024", {"done": True, "cancelled": True}, "done"),
    ("abc", {"done": True}, "done"),
    ("abc", {}, "unknown"),
    ("hàng tháng", {}, "ongoing"),
    ("trước ngày 15 hàng tháng", {}, "ongoing"),
    ("thường xuyên", {}, "ongoing"),
    ("Từ tháng 7/2024", {}, "ongoing"),
    ("Từ tháng 10/2024", {}, "upcoming"),
    ("Tháng 12/2013 và thường xuyên", {}, "ongoing"),
    ("trước ngày 13/8/2021", {}, "overdue"),
    ("Tháng 8/2024", {}, "overdue"),
    ("9/9/2024", {}, "overdue"),
    ("10/9/2024", {}, "due_soon"),
    ("24/9/2024", {}, "due_soon"),
    ("25/9/2024", {}, "upcoming"),
    ("trước 25/9/2024", {}, "due_soon"),
    ("Tháng 9/2024", {}, "in_progress"),
    ("Tháng 9/2024", {"soon_days": 30}, "due_soon"),
    ("Quý IV/2024", {}, "upcoming"),
    ("Quý III/2024", {}, "in_progress"),
    ("Năm 2024", {}, "in_progress"),
    ("đến năm 2024", {}, "upcoming"),
    ("Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024", {}, "upcoming"),
    ("Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 20/9/2024", {}, "due_soon"),
]


@pytest.mark.parametrize(
    ("value", "flags", "expected"),
    STATUS_CASES,
    ids=[f"{_id(v)}-{'-'.join(f) or 'plain'}" for v, f, _ in STATUS_CASES],
)
def test_status(value: str, flags: dict[str, Any], expected: str) -> None:
    assert parse_period(value).status(TODAY, **flags) == expected


def test_status_values_are_the_documented_ones() -> None:
    from plan_portal.core import status

    seen = {parse_period(v).status(TODAY, **f) for v, f, _ in STATUS_CASES}
    reachable = set(status.PERIOD_FACTS) | {"marked_done", "marked_cancelled"}  # what Period.status can be told
    assert seen == {r.status for r in status.RULES["task"] if set(r.when) <= reachable}
    assert seen <= set(STATUSES)


# ---------------------------------------------------------------- sorting


def test_sort_order() -> None:
    expected = [
        "Quý III- IV/2019",  # starts 2019-07-01
        "Tháng 8/2019",  # starts 2019-08-01
        "trước ngày 13/8/2021",  # open start: placed by its end, 2021-08-12
        "Tháng 8/2024",  # starts 2024-08-01, ends 08-31
        "Trong tháng 8, 9/2024",  # same start, later end
        "Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024",
        "abc",  # unreadable and undated periods last, by text
        "thường xuyên",
    ]
    periods = [parse_period(v) for v in expected]
    shuffled = periods[:]
    random.Random(3).shuffle(shuffled)
    assert [p.text for p in sorted(shuffled, key=lambda p: p.sort_key)] == expected


def test_sort_same_day_by_time() -> None:
    later = parse_period("10h00, ngày 18/01/2024")
    earlier = parse_period("07 giờ 30 phút, ngày 18/01/2024")
    assert sorted([later, earlier], key=lambda p: p.sort_key) == [earlier, later]


# ---------------------------------------------------------------- model


def test_period_is_frozen_and_checks_order() -> None:
    period = parse_period("Tháng 9/2024")
    with pytest.raises(pydantic.ValidationError):
        period.start = D(2020, 1, 1)  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="sau ngày kết thúc"):
        Period(text="x", start=D(2024, 2, 1), end=D(2024, 1, 1), precision=DAY)
    assert hash(period) == hash(parse_period("Tháng 9/2024"))


def test_passing_a_period_returns_it() -> None:
    period = parse_period("Tháng 9/2024")
    assert parse_period(period) is period  # type: ignore[arg-type]


def test_label_falls_back_for_a_hand_built_deadline() -> None:
    period = Period(text="", end=D(2024, 8, 31), precision=MONTH, before=True)
    assert period.label == "Đến tháng 8/2024"


# ---------------------------------------------------------------- never raises

_WORDS = [
    "trước", "truoc", "ngày", "tháng", "thang", "quý", "quy", "năm", "từ", "đến", "hết", "chậm nhất", "và",
    "thường xuyên", "hàng", "hằng", "cuối", "đầu", "giữa", "trung tuần", "6 tháng", "giờ", "phút", "h", "lúc",
    "chiều", "tối", "I", "II", "III", "IV", "V", "-", "–", "/", ",", ":", "..", "'", "(", ")", "2024", "1999",
    "0000", "9999", "12", "13", "31", "32", "0", "7h30", "11h00", "2024-09", "2024-Q3", "2024-02-29", "T",
    "29/2/2023", "8, 9/2024", "\n", "½", "*", "«", "»",
]  # fmt: skip


def _check_period(period: Period) -> None:
    assert isinstance(period, Period)
    if period.ok:
        if period.start is not None and period.end is not None:
            assert period.start <= period.end
        assert period.error is None
    else:
        assert period.start is None and period.end is None and period.precision is UNKNOWN
        assert period.error
    assert isinstance(period.label, str)
    assert period.status(TODAY) in STATUSES
    period.to_json()
    assert isinstance(period.sort_key, tuple)
    iso = period.iso
    if iso is not None:
        again = parse_period(iso)
        assert (again.start, again.end) == (period.start, period.end)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_any_text(value: str) -> None:
    _check_period(parse_period(value))
    _check_period(parse_period(value, default_year=2024))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join), st.none() | st.integers(-5, 10000))
def test_never_raises_on_period_like_text(value: str, default_year: int | None) -> None:
    _check_period(parse_period(value, default_year=default_year))


@given(st.dates() | st.datetimes() | st.integers() | st.none() | st.booleans() | st.floats())
def test_never_raises_on_any_value(value: Any) -> None:
    _check_period(parse_period(value))
