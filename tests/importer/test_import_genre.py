"""The importer on short documents of the genre that the seeds do not show.

Split headers in capitals, Party numbering ("Số 128-KH/HU"), a Quyết định that issues
an attached plan, text from a PDF with broken spacing and wrapped lines, Word
documents with automatic numbering and real tables, and plain paragraph-per-line text.
"""

from __future__ import annotations

from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest
import yaml

from plan_portal.importer import import_document, import_text
from plan_portal.importer.dates import due_from_value, find_due
from plan_portal.importer.names import agency_subject, case_agency, split_agencies

SON_LA = """\
ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 125/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn La, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Tổ chức Lễ kỷ niệm 70 năm Ngày Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)

Căn cứ Quyết định số 1234/QĐ-TTg ngày 10/10/2023 của Thủ tướng Chính phủ phê duyệt Đề án tổ chức các hoạt động kỷ niệm; Căn cứ Kế hoạch số 56-KH/TU ngày 01/02/2024 của Ban Thường vụ Tỉnh ủy về tổ chức các hoạt động kỷ niệm;

Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức Lễ kỷ niệm như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Tôn vinh những đóng góp của quân và dân các dân tộc tỉnh Sơn La.
2. Tổ chức trang trọng, tiết kiệm, hoàn thành trước ngày 01/5/2024.
II. NỘI DUNG
1. Tổ chức Lễ kỷ niệm
- Thời gian: 08 giờ 00 phút, ngày 07/5/2024.
- Địa điểm: Quảng trường Tây Bắc, thành phố Sơn La.
- Thành phần: khoảng 500 đại biểu.
III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch
- Chủ trì, phối hợp với Sở Nội vụ, Công an tỉnh xây dựng kịch bản buổi lễ, hoàn thành trước ngày 20/4/2024.
- Tham mưu tổ chức các hoạt động văn hóa, thể thao chào mừng.
2. Công an tỉnh: Xây dựng phương án bảo đảm an ninh trật tự, hoàn thành trước ngày 30/4/2024.
3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh
Vận động Nhân dân tham gia các hoạt động kỷ niệm.

Trên đây là Kế hoạch tổ chức Lễ kỷ niệm, yêu cầu các cơ quan, đơn vị triển khai thực hiện./.

Nơi nhận:
- Bộ VHTTDL (b/c);
- TT Tỉnh ủy;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đặng Ngọc Hậu
"""

PARTY = """\
ĐẢNG BỘ TỈNH LAI CHÂU
HUYỆN ỦY TAM ĐƯỜNG
*
Số 128-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Tam Đường, ngày 15 tháng 8 năm 2024
KẾ HOẠCH
tổ chức Hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII
Thực hiện Hướng dẫn số 112-HD/BTGTW, ngày 10/01/2024 của Ban Tuyên giáo Trung ương, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Giúp cán bộ, đảng viên nắm vững nội dung Nghị quyết.
II. THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian: 01 ngày, khai mạc lúc 7 giờ 30 phút ngày 25/8/2024.
2. Địa điểm: Hội trường Huyện ủy.
III. THÀNH PHẦN
Tổng số 150 đại biểu.
IV. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy
- Chủ trì, phối hợp với Văn phòng Huyện ủy chuẩn bị tài liệu, hoàn thành chậm nhất ngày 20/8/2024.
2. Văn phòng Huyện ủy
- Chuẩn bị hội trường, trang trí khánh tiết.
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (b/c),
- Các chi, đảng bộ cơ sở,
- Lưu Văn phòng Huyện ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A
"""

DECISION = """\
ỦY BAN NHÂN DÂN
HUYỆN MƯỜNG LA
Số: 2345/QĐ-UBND
Mường La, ngày 12 tháng 6 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch tổ chức Ngày hội văn hóa các dân tộc huyện Mường La năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN MƯỜNG LA
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Căn cứ Kế hoạch số 99/KH-UBND ngày 02/4/2024 của UBND tỉnh Sơn La về tổ chức Ngày hội văn hóa;
Xét đề nghị của Trưởng phòng Văn hóa và Thông tin huyện.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Ngày hội văn hóa các dân tộc huyện Mường La năm 2024.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Văn hóa và Thông tin huyện và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- UBND tỉnh (b/c);
- Lưu: VT.
CHỦ TỊCH
Lò Văn Mạnh

UBND HUYỆN MƯỜNG LA
KẾ HOẠCH
Tổ chức Ngày hội văn hóa các dân tộc huyện Mường La năm 2024
(Ban hành kèm theo Quyết định số 2345/QĐ-UBND ngày 12/6/2024 của UBND huyện Mường La)
I. MỤC ĐÍCH, YÊU CẦU
Giữ gìn bản sắc văn hóa các dân tộc.
II. NỘI DUNG
1. Tổ chức Ngày hội
- Đơn vị chủ trì: Phòng Văn hóa và Thông tin huyện.
- Đơn vị phối hợp: Trung tâm Văn hóa, Thể thao và Truyền thông huyện; UBND các xã, thị trấn.
- Thời gian thực hiện: Tháng 9/2024.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Tài chính - Kế hoạch huyện: Tham mưu bố trí kinh phí, hoàn thành trước ngày 15/7/2024.
"""

# Text copied out of a PDF: doubled spaces, letters of the title spaced out, lines
# wrapped at the page width (some in the middle of a name, one across a blank line).
PDF = """\
ỦY  BAN  NHÂN  DÂN
THÀNH  PHỐ  CẨM  PHẢ
Số:  48  /KH - UBND
Cẩm  Phả,  ngày  20  tháng  02  năm  2023
K Ế  H O Ạ C H
Tổ chức các hoạt động kỷ niệm 60 năm Ngày thành lập tỉnh
Quảng Ninh (30/10/1963 - 30/10/2023)

Thực hiện Kế hoạch số 19 /KH-UBND ngày 02/ 02/2023 của Ủy  ban nhân dân
tỉnh Quảng Ninh về tổ chức các hoạt động kỷ niệm, Ủy ban nhân dân thành phố
Cẩm Phả xây dựng kế hoạch như sau:
I. MỤC ĐÍCH
Tổ chức trang trọng, thiết thực.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin
- Chủ trì tổ chức các hoạt động tuyên truyền trên địa bàn thành phố, hoàn

thành trước ngày 30/9/2023.
- Tham mưu UBND thành phố tổ chức hội nghị sơ kết, báo cáo kết quả về UBND
tỉnh trước ngày 15/10/2023.
2. Ban Quản lý dự án đầu tư xây dựng Thành phố
- Đôn đốc các chủ đầu tư hoàn thành công trình gắn biển chào mừng trước ngày
30/9/2023.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Phạm Văn Kính
"""


def test_split_header_number_date_issuer_signer():
    result = import_text(SON_LA)
    record = result.record
    assert record["number"] == "125/KH-UBND"
    assert record["issued"] == "2024-03-05"
    assert record["place"] == "Sơn La"
    assert record["issuer"] == "UBND tỉnh Sơn La"
    assert record["summary"] == "Tổ chức Lễ kỷ niệm 70 năm Ngày Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"
    assert record["signer"] == {"authority": "KT. Chủ tịch", "title": "Phó Chủ tịch", "name": "Đặng Ngọc Hậu"}
    assert record["recipients"] == ["Bộ VHTTDL (b/c)", "TT Tỉnh ủy", "Lưu: VT, KGVX"]
    # The header names the issuer: no guess, so no TODO on it.
    assert not [n for n in result.notes if n.path == ("issuer",)]


def test_several_references_in_one_basis_paragraph():
    basis = import_text(SON_LA).record["basis"]
    assert [(b["number"], b["issued"], b["issuer"], b["relation"]) for b in basis] == [
        ("1234/QĐ-TTg", "2023-10-10", "Thủ tướng Chính phủ", "based_on"),
        ("56-KH/TU", "2024-02-01", "Ban Thường vụ Tỉnh ủy", "based_on"),
    ]
    assert basis[0]["title"] == "Quyết định phê duyệt Đề án tổ chức các hoạt động kỷ niệm"


def test_event_with_time_place_and_attendees():
    assert import_text(SON_LA).record["events"] == [
        {
            "title": "Lễ kỷ niệm",
            "start": "2024-05-07 08:00",
            "place": "Quảng trường Tây Bắc, thành phố Sơn La",
            "attendees": 500,
        }
    ]


def test_agency_headings_heading_with_text_and_request():
    tasks = import_text(SON_LA).record["tasks"]
    assert [(t["lead"], t.get("due"), t.get("support")) for t in tasks] == [
        ("Sở Văn hóa, Thể thao và Du lịch", "trước ngày 20/4/2024", ["Sở Nội vụ", "Công an tỉnh"]),
        ("Sở Văn hóa, Thể thao và Du lịch", None, None),
        ("Công an tỉnh", "trước ngày 30/4/2024", None),
        ("Ủy ban MTTQ Việt Nam tỉnh", None, None),
    ]
    # A deadline in the purpose section is not a task; the closing paragraph is not a duty.
    assert all("Tổ chức trang trọng" not in t["title"] for t in tasks)
    assert all("Trên đây" not in t["title"] for t in tasks)


def test_party_document():
    result = import_text(PARTY)
    record = result.record
    assert record["number"] == "128-KH/HU"
    assert record["issued"] == "2024-08-15"
    assert record["place"] == "Tam Đường"
    assert record["issuer"] == "Huyện ủy Tam Đường"
    assert record["summary"].startswith("Tổ chức Hội nghị học tập, quán triệt Nghị quyết")
    assert record["signer"] == {"authority": "TM. Ban Thường vụ", "title": "Bí thư", "name": "Nguyễn Văn A"}
    assert [(b["number"], b["issued"], b["relation"]) for b in record["basis"]] == [
        ("112-HD/BTGTW", "2024-01-10", "implements")
    ]
    event = record["events"][0]
    assert (event["start"], event["place"], event["attendees"]) == ("2024-08-25 07:30", "Hội trường Huyện ủy", 150)
    assert event["title"].startswith("Hội nghị học tập")
    assert [(t["lead"], t.get("due")) for t in record["tasks"]] == [
        ("Ban Tuyên giáo Huyện ủy", "chậm nhất ngày 20/8/2024"),
        ("Văn phòng Huyện ủy", None),
    ]
    assert len(record["recipients"]) == 3


def test_decision_with_attached_plan_is_one_record():
    result = import_text(DECISION)
    record = result.record
    # What was signed and numbered is the decision: its type and summary; the plan gives the tasks.
    assert record["doc_type"] == "Quyết định"
    assert record["number"] == "2345/QĐ-UBND"
    assert record["issued"] == "2024-06-12"
    assert record["place"] == "Mường La"
    assert record["issuer"] == "UBND huyện Mường La"
    assert record["summary"] == "Ban hành Kế hoạch tổ chức Ngày hội văn hóa các dân tộc huyện Mường La năm 2024"
    assert record["signer"] == {"title": "Chủ tịch", "name": "Lò Văn Mạnh"}
    assert record["recipients"] == ["Như Điều 3", "UBND tỉnh (b/c)", "Lưu: VT"]
    assert [b.get("number") for b in record["basis"]] == [None, "99/KH-UBND"]
    assert [(t["lead"], t.get("support"), t["due"]) for t in record["tasks"]] == [
        (
            "Phòng Văn hóa và Thông tin huyện",
            ["Trung tâm Văn hóa, Thể thao và Truyền thông huyện", "UBND các xã, thị trấn"],
            "Tháng 9/2024",
        ),
        ("Phòng Tài chính - Kế hoạch huyện", None, "trước ngày 15/7/2024"),
    ]
    # Said, not silently merged: the record mixes the decision and the plan.
    assert any(n.path == ("doc_type",) and "Quyết định số 2345/QĐ-UBND" in n.message for n in result.notes)
    # The body keeps the decision's articles and then the plan.
    assert "**Điều 1.** Ban hành kèm theo" in result.body
    assert "## KẾ HOẠCH" in result.body and result.body.index("Điều 3") < result.body.index("## KẾ HOẠCH")


def test_attached_plan_alone_takes_the_decision_number():
    plan_only = DECISION[DECISION.index("UBND HUYỆN MƯỜNG LA") :]
    record = import_text(plan_only).record
    assert record["number"] == "2345/QĐ-UBND"
    assert record["issued"] == "2024-06-12"
    assert record["issuer"] == "UBND huyện Mường La"
    assert record["summary"] == "Tổ chức Ngày hội văn hóa các dân tộc huyện Mường La năm 2024"


def test_pdf_text_with_broken_spacing_and_wrapped_lines():
    result = import_text(PDF)
    record = result.record
    assert record["number"] == "48/KH-UBND"
    assert record["issued"] == "2023-02-20"
    assert record["place"] == "Cẩm Phả"
    assert record["issuer"] == "UBND thành phố Cẩm Phả"
    assert record["summary"] == (
        "Tổ chức các hoạt động kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh (30/10/1963 - 30/10/2023)"
    )
    assert [(b["number"], b["issued"], b["issuer"]) for b in record["basis"]] == [
        ("19/KH-UBND", "2023-02-02", "UBND tỉnh Quảng Ninh")
    ]
    assert [(t["lead"], t["due"]) for t in record["tasks"]] == [
        ("Phòng Văn hóa và Thông tin", "trước ngày 30/9/2023"),
        ("Phòng Văn hóa và Thông tin", "trước ngày 15/10/2023"),
        ("Ban Quản lý dự án đầu tư xây dựng Thành phố", "trước ngày 30/9/2023"),
    ]
    assert record["tasks"][0]["title"].endswith("hoàn thành trước ngày 30/9/2023")
    assert record["signer"] == {"authority": "KT. Chủ tịch", "title": "Phó Chủ tịch", "name": "Phạm Văn Kính"}


def test_word_document_with_header_table_numbering_and_task_table(tmp_path: Path):
    document = docx.Document()
    header = document.add_table(rows=3, cols=2)
    cells = [
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("HUYỆN PHONG THỔ", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 77/KH-UBND", "Phong Thổ, ngày 02 tháng 01 năm 2024"),
    ]
    for r, (left, right) in enumerate(cells):
        header.cell(r, 0).text = left
        header.cell(r, 1).text = right
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Tổ chức Tết Nguyên đán Giáp Thìn năm 2024").bold = True
    document.add_paragraph("Căn cứ Kế hoạch số 12/KH-UBND ngày 20/12/2023 của UBND tỉnh Lai Châu về tổ chức Tết;")
    document.add_paragraph("NHIỆM VỤ CỤ THỂ", style="List Number")
    tasks = document.add_table(rows=4, cols=5)
    rows = [
        ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
        ("1", "Trang trí đường phố", "Phòng Kinh tế - Hạ tầng", "UBND thị trấn", "Trước ngày 25/01/2024"),
        ("2", "Thăm, tặng quà gia đình chính sách", "Phòng Lao động - Thương binh và Xã hội", "", "Tháng 02/2024"),
        ("3", "Bắn pháo hoa đêm Giao thừa", "Ban Chỉ huy Quân sự huyện", "Công an huyện", "Đêm 09/02/2024"),
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            tasks.cell(r, c).text = value
    document.add_paragraph("TỔ CHỨC THỰC HIỆN", style="List Number")
    document.add_paragraph("Công an huyện", style="List Number 2")
    document.add_paragraph("Bảo đảm an ninh trật tự dịp Tết, báo cáo kết quả trước ngày 20/02/2024.", style="List Bullet")
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- TT Huyện ủy;\n- Lưu: VT."
    closing.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn B"
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))

    result = import_document(path)
    record = result.record
    assert record["number"] == "77/KH-UBND"
    assert record["issued"] == "2024-01-02"
    assert record["place"] == "Phong Thổ"
    assert record["issuer"] == "UBND huyện Phong Thổ"
    assert record["summary"] == "Tổ chức Tết Nguyên đán Giáp Thìn năm 2024"
    assert record["basis"][0]["number"] == "12/KH-UBND"
    assert record["signer"] == {"authority": "TM. Ủy ban nhân dân", "title": "Chủ tịch", "name": "Nguyễn Văn B"}
    assert record["recipients"] == ["TT Huyện ủy", "Lưu: VT"]
    assert [(t["lead"], t.get("support"), t.get("due")) for t in record["tasks"]] == [
        ("Phòng Kinh tế - Hạ tầng", ["UBND thị trấn"], "Trước ngày 25/01/2024"),
        ("Phòng Lao động - Thương binh và Xã hội", None, "Tháng 02/2024"),
        ("Ban Chỉ huy Quân sự huyện", ["Công an huyện"], "Đêm 09/02/2024"),
        ("Công an huyện", None, "trước ngày 20/02/2024"),
    ]
    # Word's automatic numbering is kept in the body.
    assert "1. NHIỆM VỤ CỤ THỂ" in result.body
    assert "| TT | Nội dung công việc |" in result.body


def test_paragraph_per_line_text_is_not_joined():
    """Text saved from Word: one paragraph per line, no blank lines between them."""
    text = (
        "KẾ HOẠCH\nTổ chức hội nghị tổng kết\n"
        "Thực hiện chương trình công tác, UBND huyện Tam Đường ban hành kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n"
        + "Đánh giá kết quả, biểu dương tập thể và cá nhân tiêu biểu, rút kinh nghiệm cho năm sau. " * 3 + "\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Đề nghị Ủy ban MTTQ huyện\n"
        "Vận động Nhân dân tham gia các hoạt động.\n"
        "2. Phòng Nội vụ\n"
        "Tham mưu khen thưởng, trình trước ngày 15/12/2024.\n"
    )
    tasks = import_text(text).record["tasks"]
    assert [(t["lead"], t.get("due")) for t in tasks] == [
        ("Ủy ban MTTQ huyện", None),
        ("Phòng Nội vụ", "trước ngày 15/12/2024"),
    ]


def test_programme_table_is_not_tasks_and_phase_rows_give_their_period():
    text = (
        "KẾ HOẠCH\nXây dựng kỷ yếu\n"
        "1. Nội dung\n"
        "STT\tNội dung công việc\tTiến độ\tTrách nhiệm\n"
        "I\tGIAI ĐOẠN I: Chuẩn bị\tQuý I/2025\t\n"
        "1\tLập đề cương\t\tTổ Biên tập\n"
        "2\tDuyệt đề cương\tTháng 2/2025\tLãnh đạo Văn phòng\n"
        "2. Chương trình buổi lễ\n"
        "TT\tThời gian\tNội dung\tThực hiện\n"
        "1\t7h00 - 7h30\tĐón tiếp đại biểu\tVăn phòng\n"
        "2\t7h30 - 8h00\tKhai mạc\tLãnh đạo huyện\n"
    )
    tasks = import_text(text).record["tasks"]
    assert [(t["lead"], t["due"]) for t in tasks] == [
        ("Tổ Biên tập", "Quý I/2025"),
        ("Văn phòng", "Tháng 2/2025"),  # "Lãnh đạo Văn phòng" are persons: their body leads
    ]


def test_missing_fields_are_reported_and_marked_todo():
    result = import_text("KẾ HOẠCH\nTổ chức hội nghị\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Chuẩn bị hội trường.\n")
    problems = "\n".join(result.problems)
    assert "ngày ban hành" in problems
    assert "số, ký hiệu" in problems
    assert "thời hạn" in problems
    front = result.to_markdown().split("---\n")[1]
    assert "# TODO: Không tìm thấy ngày ban hành" in front
    data = yaml.safe_load(front)
    assert data["issued"] is None and data["summary"] == "Tổ chức hội nghị"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("báo cáo Lãnh đạo Văn phòng UBND tỉnh trước ngày 13/8/2021 để gửi Sở Tài chính", "trước ngày 13/8/2021"),
        ("Thời gian hoàn thành chậm nhất ngày 11/01/2024 (thời gian duyệt phim dự kiến ngày 12/01/2024).",
         "chậm nhất ngày 11/01/2024"),
        ("(thời gian hoàn thành kế hoạch trước 25/3/2023)", "trước 25/3/2023"),
        ("thời gian thực hiện từ tháng 3/2023 đến hết tháng 10/2023.", "từ tháng 3/2023 đến hết tháng 10/2023"),
        ("hoàn thành trong quý III/2024", "trong quý III/2024"),
        ("dâng hương nhân dịp kỷ niệm ngày 27/7/2023", None),
        ("phục vụ Lễ kỷ niệm (dự kiến diễn ra vào ngày 26/11/2021)", None),
    ],
)
def test_deadlines_inside_sentences(text, due):
    assert find_due(text) == due


@pytest.mark.parametrize(
    ("value", "due"),
    [
        ("Tháng 8/2020 Nhân dịp kỷ niệm 75 năm Ngày truyền thống (28/8/1945-28/8/2020)", "Tháng 8/2020"),
        ("Hồ sơ đề nghị khen thưởng xong trước tháng 9/2024.", "trước tháng 9/2024"),
        ("Quý III- IV/2019", "Quý III- IV/2019"),
        ("ngày 18/01/2024", "2024-01-18"),
    ],
)
def test_deadline_fields(value, due):
    assert due_from_value(value)[0] == due


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Phòng Lao động, Thương binh và Xã hội", ["Phòng Lao động, Thương binh và Xã hội"]),
        ("Phòng LĐTB & XH huyện, UBND các xã, thị trấn", ["Phòng LĐTB & XH huyện", "UBND các xã, thị trấn"]),
        ("Sở Văn hóa, Thể thao và Du lịch; Công an tỉnh.", ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]),
        ("Văn phòng HĐND và UBND Thành phố", ["Văn phòng HĐND và UBND Thành phố"]),
        ("Các cơ quan, đơn vị, UBND các phường, xã", ["Các cơ quan, đơn vị, UBND các phường, xã"]),
    ],
)
def test_agency_lists(text, names):
    assert split_agencies(text) == names


def test_subjects_and_casing():
    assert agency_subject("Phòng Quản trị - Tài vụ phối hợp với Tổ Biên tập để xây dựng Dự toán") == (
        "Phòng Quản trị - Tài vụ"
    )
    assert agency_subject("Ban Quản lý dự án đầu tư xây dựng Thành phố tổ chức lễ gắn biển") == (
        "Ban Quản lý dự án đầu tư xây dựng Thành phố"
    )
    assert agency_subject("Tổ chức các hoạt động văn hóa") is None
    assert case_agency("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") == "Sở Văn hóa, Thể thao và Du lịch"
    assert case_agency("ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY") == "Ủy ban nhân dân thị xã Sơn Tây"


_LINES = [
    "ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "Số: 12/KH-UBND", "Sơn La, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH",
    "Tổ chức hội nghị", "Căn cứ Kế hoạch số 3/KH-UBND ngày 2/1/2024 của UBND tỉnh;", "I. TỔ CHỨC THỰC HIỆN",
    "1. Sở Nội vụ", "- Chuẩn bị hội trường, hoàn thành trước ngày 20/1/2024.", "- Đơn vị chủ trì: Sở Tài chính",
    "- Thời gian thực hiện: Quý I/2024", "Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    "Nguyễn Văn A", "STT\tNội dung công việc\tTiến độ\tTrách nhiệm", "1\tLập kế hoạch\tTháng 2/2024\tSở Nội vụ",
    "a) Phòng Quản trị phối hợp với Tổ Biên tập, hoàn thành trong năm 2024.", "(1) **Gắn biển**", "", "./.",
    "QUYẾT ĐỊNH", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch", ": : #", "- ", "**", "<i>ma-két</i>)",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_LINES), st.text(max_size=40)), max_size=30))
def test_any_text_imports_and_writes_valid_yaml(lines):
    """Whatever the input, the importer does not crash and its front matter is valid YAML."""
    result = import_text("\n".join(lines))
    front = result.to_markdown().split("---\n")[1]
    data = yaml.safe_load(front)
    assert isinstance(data, dict) and {"issued", "issuer", "summary"} <= set(data)


def test_markdown_input_with_pipe_table(tmp_path: Path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(
        "**UBND TỈNH QUẢNG NGÃI**\n\n**VĂN PHÒNG**\n\nSố: 45/KH-VP\n\nQuảng Ngãi, ngày 3 tháng 4 năm 2024\n\n"
        "# KẾ HOẠCH\n\n**Tổ chức Ngày hội đọc sách**\n\n## 1. Nội dung\n\n"
        "| STT | Nội dung công việc | Thời gian | Đơn vị thực hiện |\n|---|---|---|---|\n"
        "| 1 | Trưng bày sách | Tháng 4/2024 | Phòng Hành chính - Tổ chức |\n",
        encoding="utf-8",
    )
    record = import_document(path).record
    assert record["issuer"] == "Văn phòng UBND tỉnh Quảng Ngãi"
    assert record["summary"] == "Tổ chức Ngày hội đọc sách"
    assert [(t["lead"], t["due"]) for t in record["tasks"]] == [("Phòng Hành chính - Tổ chức", "Tháng 4/2024")]


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("UBND TỈNH BẮC GIANG\nSỞ NỘI VỤ\nSố: 1/KH-SNV", "Sở Nội vụ tỉnh Bắc Giang"),
        ("UBND TỈNH QUẢNG NGÃI\nVĂN PHÒNG\nSố: 2/KH-VP", "Văn phòng UBND tỉnh Quảng Ngãi"),
        ("TỈNH ỦY SƠN LA\nBAN TUYÊN GIÁO\n*\nSố 15-KH/BTGTU", "Ban Tuyên giáo Tỉnh ủy Sơn La"),
        ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỊ XÃ SƠN TÂY\tĐộc lập - Tự do - Hạnh phúc\n"
         "Số: 3/KH-UBND", "UBND thị xã Sơn Tây"),
    ],
)
def test_two_level_and_tabbed_headers(header, issuer):
    record = import_text(f"{header}\nHà Nội, ngày 02 tháng 01 năm 2024\nKẾ HOẠCH\nTổ chức hội nghị\n").record
    assert record["issuer"] == issuer
    assert record["issued"] == "2024-01-02"


def test_unsigned_draft_keeps_the_wording_and_says_so():
    result = import_text("UBND HUYỆN MƯỜNG LA\nSố:      /KH-UBND\nMường La, ngày     tháng 01 năm 2024\n"
                         "KẾ HOẠCH\nTổ chức hội nghị\n")
    assert result.record.get("number") is None
    assert result.record["issued"] == "tháng 01 năm 2024"
    problems = "\n".join(result.problems)
    assert "chưa lấy số" in problems and "Ngày ban hành chưa đủ" in problems
