"""Duties written as running prose, in a document with no numbered parts (issue 18, round two).

Each case is a small letter written like the real ones (a province's or a Huyện ủy's operative
part as a portal republishes it): ``(text, [(lead, due), …])``.
"""

from __future__ import annotations

import pytest

from plan_portal.importer import import_text
from plan_portal.importer.dates import find_due

CASES = [
    pytest.param(
        "UBND tỉnh có ý kiến như sau:\nGiao Sở Xây dựng chủ trì, phối hợp các địa phương liên quan rà soát, "
        "đề xuất UBND tỉnh xem xét; hoàn thành trước ngày 10/12/2023./.\n",
        [("Sở Xây dựng", "trước ngày 10/12/2023")],
        id="giao-then-deadline-clause",
    ),
    pytest.param(
        "Theo đó, UBND tỉnh yêu cầu các đơn vị, địa phương tổ chức tổng kết và báo cáo về Sở Nội vụ trước ngày "
        "01/11/2021.\nTrên cơ sở báo cáo của các đơn vị, Sở Nội vụ có nhiệm vụ tổng hợp báo cáo; trình UBND tỉnh "
        "trước ngày 15/11/2021.\n",
        [("các đơn vị, địa phương", "trước ngày 01/11/2021"), ("Sở Nội vụ", "trước ngày 15/11/2021")],
        id="yeu-cau-and-lead-in",
    ),
    pytest.param(
        "Ban Thường vụ Huyện ủy đề nghị các Đảng bộ trực thuộc Huyện ủy khi thông qua nhân sự phải mời cấp ủy "
        "chỉ đạo địa bàn dự. Sau đó mới tiến hành tổ chức Đại hội đồng loạt và hoàn thành trong tháng 6 năm 2022.\n",
        [("các Đảng bộ trực thuộc Huyện ủy", None), ("các Đảng bộ trực thuộc Huyện ủy", "trong tháng 6 năm 2022")],
        id="next-sentence-same-body",
    ),
    pytest.param(
        "Đồng chí Phó Bí thư giao nhiệm vụ cho Ban Tuyên giáo Huyện ủy tham mưu tuyên truyền trong quý III năm "
        "2020; Ủy ban kiểm tra Huyện ủy theo dõi việc giải quyết đơn thư; Ban Dân vận Huyện ủy tham mưu công tác "
        "dân vận.\n",
        [("Ban Tuyên giáo Huyện ủy", "trong quý III năm 2020"), ("Ủy ban kiểm tra Huyện ủy", None),
         ("Ban Dân vận Huyện ủy", None)],
        id="one-body-per-clause",
    ),
    pytest.param(
        "Sở Kế hoạch và Đầu tư chủ trì tham mưu ban hành Kế hoạch. Hoàn thành và trình UBND tỉnh trong quý "
        "I/2020.\nCác cơ quan, đơn vị đã quán triệt các nhiệm vụ được giao.\n",
        [("Sở Kế hoạch và Đầu tư", "trong quý I/2020")],
        id="deadline-sentence-and-report-of-the-past",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_prose_duties(text: str, expected: list[tuple[object, object]]) -> None:
    tasks = import_text(text).record.get("tasks", [])
    assert [(t.get("lead"), t.get("due")) for t in tasks] == expected


@pytest.mark.parametrize(("text", "due"), [
    ("từ tháng 7 đến tháng 12-2019 triển khai", "từ tháng 7 đến tháng 12-2019"),
    ("tiến hành đại hội trước ngày 31-12-2019;", "trước ngày 31-12-2019"),
    ("báo cáo UBND tỉnh trước ngày 05/6 và 05/12 hàng năm.", "trước ngày 05/6 và 05/12 hàng năm"),
    ("hoàn thành trong tháng 3-2020 để", "trong tháng 3-2020"),
])
def test_deadline_forms_of_prose(text: str, due: str) -> None:
    assert find_due(text) == due


def test_groups_and_members_become_bodies() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban ngành, các cơ quan trung ương trên địa bàn tỉnh, "
            "Chủ tịch UBND các huyện, thành phố quán triệt Chỉ thị. Đồng thời yêu cầu các đồng chí Ủy viên Ban Chấp "
            "hành Đảng bộ huyện, các Đảng bộ trực thuộc Huyện ủy quan tâm chỉ đạo thực hiện.\n")
    leads = [t.get("lead") for t in import_text(text).record.get("tasks", [])]
    assert leads == [["các sở, ban ngành", "các cơ quan trung ương trên địa bàn tỉnh", "UBND các huyện, thành phố"],
                     ["Ban Chấp hành Đảng bộ huyện", "các Đảng bộ trực thuộc Huyện ủy"]]


@pytest.mark.parametrize(("text", "number", "issued"), [
    ("Giao Sở Xây dựng rà soát; hoàn thành trước ngày 10/12/2023./.\n(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)\n",
     "6202/UBND-KT", "2023-11-23"),
    ("Ngày 27 tháng 5 năm 2022, đồng chí Lê Văn Ngoan đã ký ban hành Công văn số 1127-CV/HU về đại hội chi bộ.\n"
     "Ban Thường vụ Huyện ủy đề nghị các Đảng bộ trực thuộc Huyện ủy hoàn thành trong tháng 6 năm 2022.\n",
     "1127-CV/HU", "2022-05-27"),
])
def test_number_reported_by_a_page_without_header(text: str, number: str, issued: str) -> None:
    record = import_text(text).record
    assert (record.get("number"), record.get("issued")) == (number, issued)


def test_a_document_quoted_in_the_body_is_not_the_number() -> None:
    text = ("Thực hiện Kế hoạch số 84/KH-UBND ngày 25/3/2021 của UBND huyện, Chủ tịch UBND huyện giao:\n"
            "1. Giao Phòng Văn hóa và Thông tin huyện chủ trì tổ chức Lễ.\n")
    assert import_text(text).record.get("number") is None


@pytest.mark.parametrize(("text", "lead"), [
    ("Phó Bí thư yêu cầu các Ban, Văn phòng Huyện ủy tham mưu tổ chức Đại hội.\n",
     ["các Ban Huyện ủy", "Văn phòng Huyện ủy"]),
    ("Đảng bộ xã Bình Mỹ và Chi bộ Khối Vận huyện sẽ tiến hành đại hội điểm trước ngày 31-1-2020.\n",
     ["Đảng bộ xã Bình Mỹ", "Chi bộ Khối Vận huyện"]),
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Lễ trước ngày 5/9/2024.\n", "Sở Văn hóa, Thể thao và Du lịch"),
])
def test_bodies_named_together(text: str, lead: object) -> None:
    assert import_text(text).record["tasks"][0]["lead"] == lead


def test_table_given_one_cell_a_line() -> None:
    text = ("Kế hoạch tổ chức hội nghị\n\nTT\n\nNội dung công việc\n\nSố ngày\n\nNgày chậm nhất phải hoàn thành\n\n"
            "1\n\nTriển khai ở tỉnh\n\nTriệu tập hội nghị.\n\n \n\n21/01/2021\n\n"
            "2\n\nDự kiến người ứng cử\n\nSau khi thống nhất, Thường trực HĐND các cấp dự kiến cơ cấu.\n\n105 ngày\n\n"
            "07/02/2021 (chủ Nhật)\n")
    tasks = import_text(text).record["tasks"]
    assert [(t["title"], t.get("lead"), t.get("due")) for t in tasks] == [
        ("Triển khai ở tỉnh", None, "2021-01-21"),
        ("Dự kiến người ứng cử", "Thường trực HĐND các cấp", "2021-02-07"),
    ]
