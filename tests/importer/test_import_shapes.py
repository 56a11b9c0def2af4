"""Task shapes of real plans (issue 18), each on a small document written like the real ones."""

from __future__ import annotations

from plan_portal.importer import import_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 5/KH-UBND\nSơn La, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nTổ chức hội nghị\n"
TAIL = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Ngọc Hậu\n"


def _tasks(text: str) -> list[tuple[object, object]]:
    return [(t.get("lead"), t.get("due")) for t in import_text(text).record.get("tasks", [])]


def test_annex_table_after_the_signature_gives_the_tasks():
    annex = (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 5/KH-UBND ngày 5/1/2024 của UBND tỉnh)\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm\n"
        "1\tRà soát quy hoạch\tSở Xây dựng\tUBND các huyện\tQuý II/2024\tBáo cáo\n"
        "2\tXây dựng đề án\tSở Nội vụ\tSở Tài chính\tTháng 9/2024\tĐề án\n"
    )
    text = HEAD + "I. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n" + TAIL + annex
    result = import_text(text)
    tasks = result.record["tasks"]
    assert [(t["lead"], t.get("support"), t["due"]) for t in tasks] == [
        ("Sở Xây dựng", ["UBND các huyện"], "Quý II/2024"),
        ("Sở Nội vụ", ["Sở Tài chính"], "Tháng 9/2024"),
    ]
    assert result.record["signer"]["name"] == "Đặng Ngọc Hậu"
    assert "Rà soát quy hoạch" in result.body


def test_lead_support_time_block_under_an_item():
    text = HEAD + (
        "II. NỘI DUNG\n1. Tổ chức hội thảo khoa học\n- Cơ quan chủ trì, thực hiện: Sở Khoa học và Công nghệ.\n"
        "- Cơ quan phối hợp: Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh.\n- Thời gian thực hiện: Quý III/2024.\n"
    ) + TAIL
    tasks = import_text(text).record["tasks"]
    assert [(t["title"], t["lead"], t.get("support"), t["due"]) for t in tasks] == [
        ("Tổ chức hội thảo khoa học", "Sở Khoa học và Công nghệ", ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"],
         "Quý III/2024"),
    ]


def test_one_sentence_three_duties_three_bodies():
    text = HEAD + (
        "III. TỔ CHỨC THỰC HIỆN\nSở Nội vụ chuẩn bị báo cáo tổng kết; Sở Tài chính bố trí kinh phí; "
        "Văn phòng UBND tỉnh chuẩn bị hội trường, hoàn thành trước ngày 10/01/2024.\n"
    ) + TAIL
    assert _tasks(text) == [("Sở Nội vụ", None), ("Sở Tài chính", None),
                            ("Văn phòng UBND tỉnh", "trước ngày 10/01/2024")]


def test_lead_ins_and_checklists_are_not_tasks():
    text = HEAD + (
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\n- Lưu ý: hồ sơ gửi bản giấy và bản điện tử.\n"
        "- Tiếp nhận hồ sơ đề nghị khen thưởng, hoàn thành trước ngày 15/01/2024. Hồ sơ gồm:\n"
        "+ Biên bản họp xét của đơn vị;\n+ Tờ trình đề nghị khen thưởng;\n"
    ) + TAIL
    assert _tasks(text) == [("Sở Nội vụ", "trước ngày 15/01/2024")]


def test_numbered_steps_with_deadlines():
    text = HEAD + (
        "II. CÁC BƯỚC THỰC HIỆN\nBước 1: Xây dựng dự thảo báo cáo.\nThời gian hoàn tất: trước ngày 20/01/2024.\n"
        "Bước 2: Lấy ý kiến các sở, ngành.\nThời gian hoàn tất: trước ngày 31/01/2024.\n"
    ) + TAIL
    assert [due for _, due in _tasks(text)] == ["trước ngày 20/01/2024", "trước ngày 31/01/2024"]


def test_deadline_inside_a_bullet():
    text = HEAD + "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Hoàn thiện đề án trong quý 1/2024 và báo cáo UBND tỉnh.\n" + TAIL
    assert _tasks(text) == [("Sở Y tế", "trong quý 1/2024")]


def test_events_named_inside_sentences():
    text = HEAD + (
        "I. NỘI DUNG\n1. Thời gian năm học\n- Học sinh tựu trường ngày 19/8/2024, khai giảng ngày 5/9/2024.\n"
        "2. Lễ đón nhận\nỦy ban nhân dân tỉnh dự kiến tổ chức Lễ đón nhận Bằng di tích vào ngày 22/4/2024, "
        "tại Nhà văn hóa tỉnh.\n"
    ) + TAIL
    events = import_text(text).record["events"]
    assert sorted(e["start"] for e in events) == ["2024-04-22", "2024-08-19", "2024-09-05"]
    ceremony = next(e for e in events if e["start"] == "2024-04-22")
    assert ceremony["title"].startswith("Lễ đón nhận Bằng di tích") and ceremony["place"] == "Nhà văn hóa tỉnh"


def test_signer_title_in_title_case_is_not_the_name():
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 773/QĐ-TTg\nHà Nội, ngày 6 tháng 7 năm 2023\nQUYẾT ĐỊNH\nPhê duyệt đề án\n"
        "Điều 1. Phê duyệt.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. THỦ TƯỚNG\nPhó Thủ Tướng\nTrần Hồng Hà\n"
    )
    record = import_text(text).record
    assert record["number"] == "773/QĐ-TTg"
    assert record["signer"] == {"authority": "KT. Thủ tướng", "title": "Phó Thủ tướng", "name": "Trần Hồng Hà"}


def test_every_document_of_a_basis_sentence_and_issuers_stop_at_titles():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 62/KH-UBND\nCà Mau, ngày 19 tháng 4 năm 2021\nKẾ HOẠCH\n"
        "Triển khai Chương trình công tác xã hội\n"
        "Căn cứ Nghị định số 48/2009/NĐ-CP ngày 19/5/2009 của Chính phủ Quy định về các biện pháp bảo đảm bình đẳng giới;\n"
        "Thực hiện Quyết định số 112/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ về việc ban hành Chương trình và "
        "Công văn số 555/LĐTBXH-BTXH ngày 03/3/2021 của Bộ Lao động - Thương binh và Xã hội về việc triển khai Chương "
        "trình. Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện, cụ thể như sau:\n"
        "Xét đề nghị của Sở Lao động - Thương binh và Xã hội tại Tờ trình số 92/TTr-SLĐTBXH ngày 06/4/2021.\n"
        "I. MỤC TIÊU\n"
    )
    basis = import_text(text).record["basis"]
    assert [(b["number"], b.get("issuer"), b["relation"]) for b in basis] == [
        ("48/2009/NĐ-CP", "Chính phủ", "based_on"),
        ("112/QĐ-TTg", "Thủ tướng Chính phủ", "implements"),
        ("555/LĐTBXH-BTXH", "Bộ Lao động - Thương binh và Xã hội", "implements"),
    ]


def test_web_copy_header_in_cells_and_lower_case_symbols():
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ --------------- Số: 24/CT-TTg | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc ------------------------- Hà Nội, ngày 17 tháng 09 năm 2012 |\nCHỈ THỊ\nVỀ VIỆC TĂNG CƯỜNG\n"
        "THỰC HIỆN CUỘC VẬN ĐỘNG\nĐể tiếp tục, Thủ tướng Chính phủ yêu cầu:\n"
    )
    record = import_text(text).record
    assert (record["doc_type"], record["number"], record["issued"], record["place"], record["issuer"]) == (
        "Chỉ thị", "24/CT-TTg", "2012-09-17", "Hà Nội", "Thủ tướng Chính phủ")
    assert record["summary"].lower() == "tăng cường thực hiện cuộc vận động"
