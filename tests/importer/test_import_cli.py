"""`plan-portal import` as a user runs it: stdout, -o DIR, --json, --agencies and the report."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from plan_portal.importer.cli import main

from importer_helpers import ROOT

PLAN = """\
ỦY BAN NHÂN DÂN
HUYỆN PHONG THỔ
Số: 12/KH-UBND
Phong Thổ, ngày 10 tháng 9 năm 2024
KẾ HOẠCH
Tổ chức Ngày hội văn hóa các dân tộc huyện Phong Thổ
Thực hiện Kế hoạch số 5/KH-UBND ngày 01/8/2024 của UBND tỉnh Lai Châu; UBND huyện ban hành kế hoạch như sau:
I. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa, Thông tin huyện
- Chủ trì xây dựng chương trình, hoàn thành trước ngày 30/9/2024.
- Chuẩn bị sân khấu.
2. Phòng Nội vụ
- Tham mưu khen thưởng.
Nơi nhận:
- TT Huyện ủy;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Tẩn Văn Tả
"""


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_markdown_to_stdout_and_report_to_stderr(tmp_path, capsys):
    assert main([str(_write(tmp_path))]) == 0
    out, err = capsys.readouterr()
    front = yaml.safe_load(out.split("---\n")[1])
    assert front["number"] == "12/KH-UBND"
    assert front["issued"].isoformat() == "2024-09-10"
    assert front["issuer"] == "UBND huyện Phong Thổ"
    # A deadline the document does not give is not a TODO (nobody can decide it) but is reported.
    assert not [line for line in out.splitlines() if "# TODO" in line and "thời hạn" in line]
    assert "Đã nhập «ke-hoach.txt»: 3 nhiệm vụ" in err
    assert "Cần kiểm tra" in err and "không ghi thời hạn" in err


def test_output_dir(tmp_path, capsys):
    target = tmp_path / "content" / "ke-hoach"
    assert main([str(_write(tmp_path)), "-o", str(target)]) == 0
    out, _ = capsys.readouterr()
    written = Path(out.strip())
    assert written.parent == target and written.suffix == ".md"
    assert written.name.startswith("12-kh-ubnd-2024-to-chuc-ngay-hoi-van-hoa")
    assert written.read_text(encoding="utf-8").startswith("---\n")


def test_json(tmp_path, capsys):
    assert main([str(_write(tmp_path)), "--json"]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert record["issued"]["start"] == "2024-09-10"
    assert record["tasks"][0]["due"]["text"] == "trước ngày 30/9/2024"
    assert record["signer"] == {"authority": "TM. Ủy ban nhân dân", "title": "Chủ tịch", "name": "Tẩn Văn Tả"}
    assert "Mô hình chưa chấp nhận" not in err


def test_agencies_report_unresolved_names(tmp_path, capsys):
    registry = tmp_path / "co-quan.yml"
    registry.write_text(
        "- id: ubnd-huyen-phong-tho\n  name: UBND huyện Phong Thổ\n  short: UBND huyện\n"
        "- id: phong-noi-vu-phong-tho\n  name: Phòng Nội vụ huyện Phong Thổ\n  short: Phòng Nội vụ\n"
        "  parent: ubnd-huyen-phong-tho\n",
        encoding="utf-8",
    )
    assert main([str(_write(tmp_path)), "--agencies", str(registry)]) == 0
    err = capsys.readouterr().err
    assert "«Phòng Văn hóa, Thông tin huyện» chưa có trong danh mục" in err
    assert "«Phòng Nội vụ»" not in err
    # One report line per unknown name, however many tasks it leads.
    assert err.count("«Phòng Văn hóa, Thông tin huyện» chưa có trong danh mục") == 1
    # A ready-to-paste registry entry, under the issuer, for a new body.
    line = next(x for x in err.splitlines() if "«Phòng Văn hóa, Thông tin huyện» chưa có" in x)
    entry = line.split("thêm vào co-quan.yml: «", 1)[1].rsplit("»", 1)[0]
    parsed = yaml.safe_load(entry)
    assert parsed == [{"id": "phong-van-hoa-thong-tin-huyen", "name": "Phòng Văn hóa, Thông tin huyện",
                       "parent": "ubnd-huyen-phong-tho"}]


def test_project_registry_if_present(tmp_path, capsys):
    registry = ROOT / "content" / "co-quan.yml"
    if not registry.exists():
        return
    assert main([str(_write(tmp_path)), "--agencies", str(registry)]) == 0


def test_unsupported_and_missing_files(tmp_path, capsys):
    bad = tmp_path / "ke-hoach.pdf"
    bad.write_bytes(b"%PDF-1.4")
    assert main([str(bad)]) == 2
    assert "Không hỗ trợ định dạng" in capsys.readouterr().err
    assert main([str(tmp_path / "khong-co.txt")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    assert main([str(broken)]) == 2
    assert "không đọc được tệp" in capsys.readouterr().err
