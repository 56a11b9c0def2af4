"""Shapes met in whole documents (issue 18, round three): a Government resolution with its task annex
as a Markdown table, a Party plan under the Central Committee's header.

Table-driven; each case is written like the real documents in ``tests/fixtures/corpus/`` (cp-03…,
ddqh-3260…), cut to the lines that show the shape.
"""

from __future__ import annotations

import pytest

from plan_portal.importer import import_text
from plan_portal.importer.dates import due_from_value
from plan_portal.importer.names import split_agencies


@pytest.mark.parametrize(
    ("cell", "bodies"),
    [
        ("VTV, VOV, TTXVN, các địa phương", ["VTV", "VOV", "TTXVN", "các địa phương"]),
        ("Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ", ["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]),
        ("Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành", ["Các bộ, ngành, địa phương"]),
        ("Bộ Kế hoạch và Đầu tư và các địa phương", ["Bộ Kế hoạch và Đầu tư", "các địa phương"]),
        # unchanged: one name with commas, a ministry whose name has "và", initials inside a name
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Bộ Lao động - Thương binh và Xã hội", ["Bộ Lao động - Thương binh và Xã hội"]),
        ("Phòng LĐTB & XH huyện, UBND các xã, thị trấn", ["Phòng LĐTB & XH huyện", "UBND các xã, thị trấn"]),
    ],
)
def test_table_cells_give_their_bodies(cell: str, bodies: list[str]) -> None:
    assert split_agencies(cell) == bodies


@pytest.mark.parametrize(
    ("value", "due"),
    [("Nhiệm vụ thường xuyên", "Thường xuyên"), ("Thường xuyên", "Thường xuyên"), ("6/2025", "6/2025")],
)
def test_deadline_cells(value: str, due: str) -> None:
    assert due_from_value(value)[0] == due


RESOLUTION = """\
# CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 03/NQ-CP
Hà Nội, ngày 09 tháng 01 năm 2025

# NGHỊ QUYẾT
## Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW

# CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

# QUYẾT NGHỊ:

**Điều 1.** Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ.

**Điều 2.** Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.

*Nơi nhận:*
- Các bộ, cơ quan ngang bộ;
- Lưu: VT, KGVX.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Hòa Bình

PHỤ LỤC II

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
|---|---|---|---|---|---|
|  **I.** | Nâng cao nhận thức |  |   |   |   |
| 1. | Xây dựng chương trình chuyên biệt trên truyền hình | VTV, VOV, TTXVN, các địa phương | Bộ Khoa học và Công nghệ | Chương trình | Thường xuyên |
| 2. | Làm rõ các khái niệm mới | Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ |  | Văn bản | 03/2025 |
| 3. | Phấn đấu bố trí cán bộ có chuyên môn | Bộ, ngành, địa phương |  | Tỷ lệ phù hợp | Nhiệm vụ thường xuyên |
| 4. | Triển khai các mô hình điểm | Bộ Công an, Bộ Lao động - Thương binh và Xã hội, Bộ Tài nguyên và Môi trường, Bộ Giao thông vận tải, Ngân hàng Nhà nước Việt Nam, Bộ Tài chính | Các bộ, ngành | Mô hình | 2025 |
"""


def test_resolution_with_a_task_annex_in_markdown() -> None:
    record = import_text(RESOLUTION, markdown=True).record
    assert record["issuer"] == "Chính phủ"  # the issuer and the motto were copied on one line
    assert record["number"] == "03/NQ-CP"
    assert record["signer"] == {"authority": "KT. Thủ tướng", "title": "Phó Thủ tướng", "name": "Nguyễn Hòa Bình"}
    got = [(t.get("lead"), t.get("due")) for t in record["tasks"]]
    assert got == [
        (["VTV", "VOV", "TTXVN", "các địa phương"], "Thường xuyên"),
        (["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"], "03/2025"),
        ("Bộ, ngành, địa phương", "Thường xuyên"),
        (["Bộ Công an", "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường", "Bộ Giao thông vận tải",
          "Ngân hàng Nhà nước Việt Nam", "Bộ Tài chính"], "2025"),
    ]


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG ĐOÀN QUỐC HỘI\n", "Đảng đoàn Quốc hội"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG\nĐOÀN TNCS HỒ CHÍ MINH\n", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"),
        ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", "Chính phủ"),
    ],
)
def test_header_issuer(header: str, issuer: str) -> None:
    text = header + "Số 3260-KH/ĐĐQH15\nHà Nội, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW\n"
    # (the Youth Union's joined name keeps its second line in lower case: compared without case)
    assert import_text(text).record["issuer"].casefold() == issuer.casefold()


PARTY_RESOLUTION = """\
**BAN CHẤP HÀNH TRUNG ƯƠNG**
**ĐẢNG CỘNG SẢN VIỆT NAM**

Số 57\\-NQ/TW
*Hà Nội*, *ngày 22 tháng 12 năm 2024*

**NGHỊ QUYẾT**

CỦA BỘ CHÍNH TRỊ
**về đột phá phát triển khoa học, công nghệ**, **đổi mới sáng tạo và chuyển** đổi **số quốc gia**

Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đang là yếu tố quyết định phát triển của các quốc gia; là điều kiện tiên quyết để nước ta phát triển.

**I- QUAN ĐIỂM CHỈ ĐẠO**

**1\\.** Phát triển khoa học, công nghệ là đột phá quan trọng hàng đầu.

**II- TỔ CHỨC THỰC HIỆN**

**1\\.** Đảng đoàn Quốc hội lãnh đạo, chỉ đạo rà soát, hoàn thiện pháp luật.

**2\\.** Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động, cơ bản hoàn thành trong năm 2025.

**3\\.** Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị \\- xã hội lãnh đạo, chỉ đạo vận động Nhân dân thực hiện Nghị quyết.

Nghị quyết này phổ biến đến chi bộ.
"""


def test_party_resolution_in_markdown() -> None:
    record = import_text(PARTY_RESOLUTION, markdown=True).record
    assert record["number"] == "57-NQ/TW"  # "57\\-NQ/TW": a Markdown escape
    assert record["issuer"] == "Bộ Chính trị"  # "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ" under the Central Committee's header
    # "Về" dropped; words bolded inside the phrase keep their spaces; the preamble is not the summary
    assert record["summary"] == "Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
    got = [(t.get("lead"), t.get("due")) for t in record["tasks"]]
    assert got == [  # "I- …" is a part; "Nghị quyết này phổ biến …" is not a duty
        ("Đảng đoàn Quốc hội", None),
        ("Ban cán sự đảng Chính phủ", "trong năm 2025"),
        (["Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"], None),
    ]


PARTY_PLAN = """\
ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHẤP HÀNH TRUNG ƯƠNG
ĐẢNG ĐOÀN QUỐC HỘI
Số 3260-KH/ĐĐQH15
Hà Nội, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
triển khai thực hiện Nghị quyết số 57-NQ/TW

Thực hiện chỉ đạo của Bộ Chính trị, Đảng đoàn Quốc hội ban hành Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024.

I. PHÂN CÔNG NHIỆM VỤ
1. Để thể chế hoá đầy đủ Nghị quyết số 57-NQ/TW, Đảng đoàn Quốc hội xác định các nhiệm vụ trọng tâm sau:
- Khẩn trương rà soát các rào cản về pháp luật; thực hiện cơ bản hoàn thành trong năm 2025.
- Chủ động xây dựng kế hoạch giám sát.
II. TỔ CHỨC THỰC HIỆN
1. Định kỳ, Thường trực Ủy ban KH,CN&MT của Quốc hội chủ trì, phối hợp với Văn phòng Quốc hội tổng hợp, báo cáo kết quả.
"""


def test_party_plan_lead_ins_and_the_plan_it_carries_out() -> None:
    record = import_text(PARTY_PLAN).record
    assert record["issuer"] == "Đảng đoàn Quốc hội"
    assert [b.get("number") for b in record["basis"]] == ["57-NQ/TW"]  # named in the issuer's sentence
    got = [(t.get("lead"), t.get("due")) for t in record["tasks"]]
    assert got == [
        ("Đảng đoàn Quốc hội", "trong năm 2025"),
        ("Đảng đoàn Quốc hội", None),
        ("Thường trực Ủy ban KH,CN&MT của Quốc hội", None),
    ]


def test_markdown_pasted_as_plain_text_is_read_as_markdown() -> None:
    # The same resolution pasted into a .txt: its pipe table is still the task annex.
    record = import_text(RESOLUTION).record
    assert record["issuer"] == "Chính phủ"
    assert len(record["tasks"]) == 4


def test_a_law_amending_a_law_keeps_its_whole_title() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 1/KH-UBND\nBắc Ninh, ngày 1 tháng 1 năm 2021\nKẾ HOẠCH\nThực hiện X\n"
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
            "phương ngày 22 tháng 11 năm 2019;\n")
    (basis,) = import_text(text).record["basis"]
    assert basis["title"] == ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
                              "quyền địa phương")
    assert "issuer" not in basis


def test_body_headings_follow_the_outline_without_gaps() -> None:
    text = (
        "ĐẢNG ĐOÀN QUỐC HỘI\nSố 1-KH/ĐĐQH15\nHà Nội, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\nThực hiện X\n\n"
        "**I- MỤC ĐÍCH, YÊU CẦU**\n**1. Mục đích**\n- Quán triệt sâu sắc.\n"
        "**II- PHÂN CÔNG NHIỆM VỤ**\n"
        "**2. Lãnh đạo, chỉ đạo rà soát, hoàn thiện pháp luật về phát triển khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số; tăng cường giám sát thực hiện theo quy định của pháp luật hiện hành và các văn bản.**\n"
        "**2.1. Nhiệm vụ trọng tâm**\n- Khẩn trương rà soát.\n**2.2. Nhiệm vụ của các Tổ đảng**\n- Thẩm tra.\n"
    )
    body = import_text(text).to_markdown().split("\n---\n", 1)[1]
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == [
        "## I. MỤC ĐÍCH, YÊU CẦU",  # the Party form "I-" is a part
        "### 1. Mục đích",
        "## II. PHÂN CÔNG NHIỆM VỤ",
        "### 2.1. Nhiệm vụ trọng tâm",  # "2." is a long numbered paragraph, not a heading: no #### gap
        "### 2.2. Nhiệm vụ của các Tổ đảng",
    ]


PROGRAMME = RESOLUTION.replace("PHỤ LỤC II\n", """\
# CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ
*(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)*

## III. TỔ CHỨC THỰC HIỆN

1. Trên cơ sở nội dung Nghị quyết số 57-NQ/TW của Bộ Chính trị, Chương trình hành động của Chính phủ, các bộ, cơ quan ngang bộ theo chức năng, nhiệm vụ xây dựng kế hoạch thực hiện trong tháng 01 năm 2025.

2. Bộ Tài chính chủ trì, phối hợp với các bộ, ngành, địa phương bảo đảm nguồn kinh phí thực hiện.

PHỤ LỤC II
""").replace(
    "| 4. | Triển khai các mô hình điểm |",
    "| 4. | Triển khai các mô hình điểm: |  |  |  |  |\n|  | (5) Ứng dụng dữ liệu dân cư; (6) Mô hình điểm |",
)


def test_resolution_with_its_programme_and_a_row_over_a_page_break() -> None:
    record = import_text(PROGRAMME, markdown=True).record
    assert record["doc_type"] == "Nghị quyết" and record["number"] == "03/NQ-CP"  # the resolution's header
    got = [(t.get("lead"), t.get("due")) for t in record["tasks"]]
    assert got[:2] == [  # the programme's part III, past a lead-in clause with commas
        ("các bộ, cơ quan ngang bộ", "trong tháng 01 năm 2025"),
        ("Bộ Tài chính", None),
    ]
    assert len(got) == 6  # and the annex's four rows: the row without a number continues row 4
    assert "(5) Ứng dụng dữ liệu dân cư" in record["tasks"][-1]["title"]


def test_heads_of_ministries_and_provinces_are_their_bodies() -> None:
    from plan_portal.importer.persons import person_body

    heads = ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
             "thành phố trực thuộc Trung ương")
    assert person_body(heads) == ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, "
                                  "thành phố trực thuộc Trung ương")
    text = PROGRAMME.replace(
        "2. Bộ Tài chính chủ trì,",
        f"2. {heads} tập trung chỉ đạo thực hiện Chương trình hành động.\n\n3. Bộ Tài chính chủ trì,",
    ).replace(
        "kể từ ngày ký ban hành.\n",
        f"kể từ ngày ký ban hành.\n\n**Điều 3.** Các {heads} chịu trách nhiệm thi hành Nghị quyết này.\n",
    )
    assert "**Điều 3.**" in text
    result = import_text(text, markdown=True)
    leads = [t.get("lead") for t in result.record["tasks"]]
    assert leads[1] == ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố "
                        "trực thuộc Trung ương")
    # Điều 3 "Các Bộ trưởng, … chịu trách nhiệm thi hành" of a resolution is an execution clause, not a task
    assert not any("thi hành" in t["title"] for t in result.record["tasks"])
