"""Issue 15 on real builds: the demo never shows a false "quá hạn", and the example site (examples/tien-do)
shows results, extensions and statistics on its plan, report, agency, chuyên trang and statistics pages."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from portal_testing import ROOT

EXAMPLE = ROOT / "examples" / "tien-do"
OVERDUE = "Quá hạn, chưa hoàn thành"


def _build(cwd: Path, site_dir: Path, today: str | None = None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PLAN_PORTAL_TODAY", None)
    if today:
        env["PLAN_PORTAL_TODAY"] = today
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                          cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]


def _html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def _text(node) -> str:  # type: ignore[no-untyped-def]
    return " ".join(node.get_text(" ").split())


@pytest.fixture(scope="module")
def demo_today(tmp_path_factory) -> Path:
    """The demo built for the real today (no fixed date): the day a citizen opens it."""
    site = tmp_path_factory.mktemp("demo-today") / "site"
    _build(ROOT, site)
    return site


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("example") / "site"
    _build(EXAMPLE, site)  # its mkdocs.yml fixes today: 2025-06-30
    return site


def test_the_demo_built_today_shows_no_overdue_task(demo_today):
    """Every demo plan has ended (their events are long past) and no seed reports a result."""
    pages = sorted(demo_today.rglob("*.html"))
    overdue = [p for p in pages if OVERDUE in p.read_text("utf-8") or "pp-status--overdue" in p.read_text("utf-8")]
    assert overdue == []  # not even in a legend: the statistics page shows only the groups that have tasks
    plan = _html(demo_today, "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh")
    statuses = {el["data-pp-status"] for el in plan.select(".pp-task-table [data-pp-status]")}
    assert statuses == {"unreported"}
    assert "Đã kết thúc" in _text(plan.select_one(".pp-lifecycle"))
    assert all("plan_closed" in el["data-pp-marks"] for el in plan.select(".pp-task-table [data-pp-status]"))


def test_every_example_page_says_it_is_an_example(example):
    for page in example.rglob("*.html"):
        if page.parent.name in ("assets", "search") or "pagefind" in page.parts:
            continue
        assert "Ví dụ minh họa" in page.read_text("utf-8"), page


def test_a_report_marks_tasks_done_on_time_or_late_and_an_extension_moves_a_deadline(example):
    plan = _html(example, "ke-hoach/2025/15-kh-ubnd-chuyen-doi-so")
    rows = {tr["id"]: tr for tr in plan.select(".pp-task-table tbody tr")}
    status = {key: tr.select_one("[data-pp-status]")["data-pp-status"] for key, tr in rows.items()}
    assert status == {"nv-i-1": "done_on_time", "nv-i-2": "done_late", "nv-ii-1": "in_progress", "nv-ii-2": "overdue",
                      "nv-ii-3": "upcoming", "nv-iii-1": "cancelled", "nv-iii-2": "ongoing"}
    extended = _text(rows["nv-ii-1"])
    assert "30/9/2025" in extended and "thời hạn ban đầu: Ngày 30/4/2025" in extended and "40%" in extended
    assert "Lý do: Gộp vào hội thi cấp tỉnh" in _text(rows["nv-iii-1"])
    # the task's history and last update link to the report; the plan lists its reports
    link = rows["nv-i-1"].select_one(".pp-last-update a")
    assert link.get_text() == "Báo cáo 45/BC-UBND" and link["href"].endswith("bao-cao-ket-qua/2025/45-bc-ubnd-so-ket-quy-ii/")
    assert "2/7 nhiệm vụ đã hoàn thành" in _text(plan.select_one(".pp-summary figcaption"))
    # the report page links back to the plan and to each task
    report = _html(example, "bao-cao-ket-qua/2025/45-bc-ubnd-so-ket-quy-ii")
    hrefs = [a["href"] for a in report.select(".pp-result-list a")]
    assert [h.rsplit("#", 1)[1] for h in hrefs] == ["nv-i-1", "nv-i-2", "nv-ii-1"]
    assert any(a.get_text() == "Kế hoạch 15/KH-UBND" for a in report.select(".pp-facts a"))


def test_a_closing_report_ends_its_plan_and_the_silent_task_is_grey(example):
    plan = _html(example, "ke-hoach/2024/40-kh-ubnd-ngay-sach")
    assert "Đã kết thúc ngày 10 tháng 6 năm 2024" in _text(plan.select_one(".pp-lifecycle"))
    status = [el["data-pp-status"] for el in plan.select(".pp-task-table [data-pp-status]")]
    assert status == ["done_on_time", "done_late", "unreported"]


def test_statistics_agency_and_chuyen_trang_pages_show_the_results(example):
    stats = _html(example, "thong-ke")
    assert len(stats.select("svg.pp-chart")) >= 3 and all(svg.select_one("title") or svg.get("aria-label")
                                                          for svg in stats.select("svg.pp-chart"))
    rows = {_text(tr.select_one("th")): [_text(td) for td in tr.select("td")] for tr in stats.select("table")[0].select("tbody tr")}
    # groups: done, open, overdue, unreported, cancelled; total; on-time rate
    assert rows["Phòng Văn hóa và Thông tin huyện Mẫu"] == ["3", "1", "0", "0", "1", "5", "67%"]
    assert rows["Phòng Tài chính - Kế hoạch huyện Mẫu"] == ["0", "0", "1", "0", "0", "1", "—"]
    quarters = {_text(tr.select_one("th")): [_text(td) for td in tr.select("td")] for tr in stats.select("table")[2].select("tbody tr")}
    assert quarters == {"Quý II/2024": ["1", "1", "50%"], "Quý I/2025": ["1", "1", "50%"]}
    months = {_text(tr.select_one("th")) for tr in stats.select("table")[1].select("tbody tr")}
    assert "Tháng 9/2025" in months and "Tháng 4/2025" not in months  # II.1's deadline as extended
    agency = _html(example, "co-quan/phong-tckh-huyen-mau")
    assert "1 nhiệm vụ chủ trì quá hạn" in _text(agency)
    vhtt = _html(example, "co-quan/phong-vhtt-huyen-mau")
    assert "67% hoàn thành đúng hạn" in _text(vhtt.select_one(".pp-summary figcaption"))
    section = _html(example, "chuyen-trang/chuyen-doi-so-2025")
    text = _text(section)
    assert "4/10 nhiệm vụ đã hoàn thành" in text and "0 / 14" not in text


def test_exports_carry_statuses_and_updates(example):
    data = json.loads((example / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    plan = next(p for p in data["plans"] if p.get("number") == "15/KH-UBND")
    progress = {t["id"]: t for t in plan["progress"]}
    assert plan["state"] == "active" and plan["status_date"] == "2025-06-30"
    assert progress["ii-1"]["due"]["end"] == "2025-09-30" and progress["ii-1"]["updates"][0]["report"].startswith("bao-cao-ket-qua/")
    assert progress["i-2"]["status"] == "done_late" and progress["i-2"]["label"] == "Hoàn thành quá hạn"
    rows = list(csv.DictReader(io.StringIO((example / "du-lieu" / "nhiem-vu.csv").read_text("utf-8-sig"))))
    assert len(rows) == 10
    by_id = {(r["so_ky_hieu"], r["ma_nhiem_vu"]): r for r in rows}
    assert by_id[("15/KH-UBND", "II.1")]["thoi_han"] == "30/9/2025" and by_id[("15/KH-UBND", "II.1")]["thoi_han_ban_dau"] == "30/4/2025"
    assert by_id[("40/KH-UBND", "3")]["nhan_trang_thai"] == "Chưa có báo cáo"
    ics = (example / "dong-thoi-gian" / "lich.ics").read_text("utf-8")
    assert "Tình trạng (ngày 30/06/2025): Quá hạn\\, chưa hoàn thành" in ics.replace("\n ", "")


def test_the_example_plan_offers_its_labelled_pdf(example):
    """Issue 16 item 7 on the example site: the synthetic PDF is listed, downloadable and published as it is."""
    plan = _html(example, "ke-hoach/2024/40-kh-ubnd-ngay-sach")
    (link,) = plan.select("#tep-dinh-kem a[download]")
    assert link["href"] == "../40-kh-ubnd-ngay-sach.pdf"
    assert "Ví dụ minh họa" in link.get_text() and "giả định" in link.get_text()
    assert _text(plan.select_one(".pp-attachment__meta")) == "Bản ký số (ví dụ) · PDF · 667 byte"
    source = EXAMPLE / "content" / "ke-hoach" / "2024" / "40-kh-ubnd-ngay-sach.pdf"
    assert (example / "ke-hoach" / "2024" / "40-kh-ubnd-ngay-sach.pdf").read_bytes() == source.read_bytes()
