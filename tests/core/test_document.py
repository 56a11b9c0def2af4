"""The official text of a plan page: document header kind, căn cứ lines, event times, dates."""

from __future__ import annotations

from datetime import date

import pytest

from plan_portal.core.agencies import Agency, Registry
from plan_portal.core.document import basis_parts, issuer_kind, looks_like_party
from plan_portal.core.model import Plan
from plan_portal.core.periods import parse_period
from plan_portal.core.labels import any_date, event_time, ref_date


@pytest.mark.parametrize(
    ("name", "party"),
    [
        ("Huyện ủy Phong Thổ", True),
        ("Huyện uỷ Phong Thổ", True),  # the old placement of the tone mark
        ("Ban Tuyên giáo Thành ủy Cẩm Phả", True),
        ("Đảng ủy Khối các cơ quan tỉnh", True),
        ("Ban Thường vụ Đảng ủy Văn phòng UBND tỉnh", True),
        ("UBND tỉnh Quảng Ninh", False),
        ("Ủy ban nhân dân thành phố Cẩm Phả", False),
        ("Văn phòng UBND tỉnh Hưng Yên", False),
        ("Sở Văn hóa, Thể thao và Du lịch", False),
    ],
)
def test_party_bodies_are_known_by_their_names(name, party):
    assert looks_like_party(name) is party


def _plan(issuer: str, **extra) -> Plan:
    return Plan.model_validate({"issued": "2024-01-02", "issuer": issuer, "summary": "Thử", **extra})


def test_the_kind_comes_from_the_plan_then_the_registry_then_the_name():
    registry = Registry.from_agencies([
        Agency(id="tu", name="Tỉnh ủy X", kind="party"),
        Agency(id="bdv", name="Ban Dân vận X", parent="tu"),
        Agency(id="hu", name="Huyện ủy Y", kind="state"),  # the registry wins over the name
    ])
    by_id = {a.id: a for a in registry}
    assert issuer_kind(_plan("Ban Dân vận X"), by_id["bdv"], registry) == "party"  # inherited from its parent
    assert issuer_kind(_plan("Huyện ủy Y"), by_id["hu"], registry) == "state"
    assert issuer_kind(_plan("Huyện ủy Y", issuer_kind="party"), by_id["hu"], registry) == "party"  # plan override
    assert issuer_kind(_plan("Huyện ủy Z"), None, registry) == "party"  # unregistered: by its name
    assert issuer_kind(_plan("UBND huyện Z"), None, None) == "state"


@pytest.mark.parametrize(
    ("title", "has_issuer", "expected"),
    [
        ("Thông báo của Văn phòng Tỉnh ủy về việc nhất trí", True, ("Thông báo", "về việc nhất trí")),
        ("Kế hoạch tổ chức các hoạt động", True, ("Kế hoạch", "về tổ chức các hoạt động")),
        ("Kế hoạch của Ban tổ chức kỷ niệm 190 năm", True, ("Kế hoạch", "")),
        ("Kế hoạch của Ban tổ chức về việc X", False, ("Kế hoạch", "của Ban tổ chức về việc X")),
        ("Luật Tổ chức chính quyền địa phương", True, ("Luật Tổ chức chính quyền địa phương", "")),
        ("Nghị quyết", True, ("Nghị quyết", "")),
        (None, True, ("Văn bản", "")),
        ("Bài phát biểu", True, ("Bài phát biểu", "")),
    ],
)
def test_basis_titles_split_into_kind_and_subject(title, has_issuer, expected):
    assert basis_parts(title, has_issuer) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-10-29 07:30", "2024-10-29 11:00", "7h30–11h00, ngày 29/10/2024"),
        ("từ 7h30 đến 11h00, ngày 29/10/2024", None, "7h30–11h00, ngày 29/10/2024"),
        ("2024-10-29 07:30", None, "7h30, ngày 29/10/2024"),
        ("29/10/2024", None, "Ngày 29/10/2024"),
        ("29/10/2024", "29/10/2024", "Ngày 29/10/2024"),
        ("2024-10-01 07:30", "2024-10-03 11:00", "Từ 7h30 ngày 1/10/2024 đến 11h00 ngày 3/10/2024"),
        ("1/10/2024", "3/10/2024", "Từ ngày 1/10/2024 đến ngày 3/10/2024"),
        ("Quý III/2024", None, "Quý III/2024"),
    ],
)
def test_event_times_read_naturally(start, end, expected):
    assert event_time(parse_period(start), parse_period(end) if end else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-02-02", "ngày 2/2/2023"), ("8/2023", "tháng 8/2023"), ("2023", "năm 2023")],
)
def test_dates_inside_a_sentence(value, expected):
    assert ref_date(parse_period(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(date(2023, 2, 20), "20/2/2023"), ("2023-02-20", "20/2/2023"), ("3/2023", "Tháng 3/2023"), ("", ""), ("xyz", "xyz")],
)
def test_article_dates_are_written_the_vietnamese_way(value, expected):
    assert any_date(value) == expected
