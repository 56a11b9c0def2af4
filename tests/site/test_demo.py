"""The demo portal made from the five seed plans: complete, valid under --strict, agencies right."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from portal_testing import ROOT, TODAY
from plan_portal.cli import check
from plan_portal.core.urls import SitePaths
from datetime import date

PLANS = {
    "ke-hoach/2021/228-kh-vpub-ky-niem-190-nam-hung-yen.md": ("228/KH-VPUB", 18, 1),
    "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh.md": ("48/KH-UBND", 59, 0),
    "ke-hoach/2024/bac-giang-hoi-nghi-tong-ket-thi-dua-2023.md": (None, 13, 1),
    "ke-hoach/2024/phong-tho-ky-niem-70-nam-giai-phong.md": (None, 32, 1),
    "ke-hoach/2019/quang-ngai-ky-yeu-30-nam-van-phong-ubnd.md": (None, 13, 0),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo built once with ``mkdocs build --strict`` and a fixed date."""
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    env = {**os.environ, "PLAN_PORTAL_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site_dir


@pytest.fixture(scope="module")
def catalog():
    cat, problems = check(ROOT / "content", today=date.fromisoformat(TODAY))
    assert [p.format() for p in problems] == []
    return cat


def page(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def test_check_passes_on_the_demo(capsys):
    from plan_portal.cli import main

    assert main(["check", "--strict", str(ROOT / "content")]) == 0


@pytest.mark.parametrize("path", sorted(PLANS))
def test_every_seed_plan_is_complete(catalog, path):
    number, tasks, events = PLANS[path]
    plan = catalog.by_path[path].plan
    assert plan is not None
    assert plan.number == number
    assert len(plan.tasks) == tasks
    assert len(plan.events) == events
    assert all(task.lead for task in plan.tasks), "every task has a lead agency"
    assert plan.recipients, "every seed lists its Nơi nhận"


@pytest.mark.parametrize(
    ("path", "name", "agency_id"),
    [
        ("ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh.md", "Phòng Nội vụ", "phong-noi-vu-cam-pha"),
        ("ke-hoach/2024/phong-tho-ky-niem-70-nam-giai-phong.md", "Phòng Nội vụ huyện", "phong-noi-vu-phong-tho"),
        ("ke-hoach/2024/bac-giang-hoi-nghi-tong-ket-thi-dua-2023.md", "Văn phòng UBND tỉnh", "van-phong-ubnd-tinh-bac-giang"),
        ("ke-hoach/2024/bac-giang-hoi-nghi-tong-ket-thi-dua-2023.md", "Sở Nội vụ", "so-noi-vu-bac-giang"),
        ("ke-hoach/2021/228-kh-vpub-ky-niem-190-nam-hung-yen.md", "Trung tâm Thông tin - Hội nghị tỉnh", "trung-tam-thong-tin-hoi-nghi-hung-yen"),
        ("ke-hoach/2021/228-kh-vpub-ky-niem-190-nam-hung-yen.md", "Sở Văn hóa, Thể thao và Du lịch", "so-vhttdl-hung-yen"),
        ("ke-hoach/2019/quang-ngai-ky-yeu-30-nam-van-phong-ubnd.md", "Tổ Biên tập", "to-bien-tap-ky-yeu-quang-ngai"),
    ],
)
def test_agencies_resolve_relative_to_the_issuer(catalog, path, name, agency_id):
    plan = catalog.by_path[path].plan
    found = {
        ref.agency.id
        for task in plan.tasks
        for role in ("lead", "support")
        for ref in catalog.refs(plan, task, role)
        if ref.name == name and ref.agency
    }
    assert found == {agency_id}


def test_every_named_agency_is_registered(catalog):
    unregistered = {d.agency.name for d in catalog.agency_data.values() if not d.agency.registered}
    assert unregistered == set()


def test_agency_pages_list_exactly_their_tasks(demo, catalog):
    for agency_id, data in catalog.agency_data.items():
        soup = page(demo, f"co-quan/{agency_id}")
        lead_rows = soup.select("#chu-tri-h ~ div tbody tr")
        support_rows = soup.select("#phoi-hop-h ~ div tbody tr")
        assert (len(lead_rows), len(support_rows)) == (len(data.lead), len(data.support)), agency_id


def test_every_dated_deadline_and_event_is_on_the_timeline(demo, catalog):
    soup = page(demo, "dong-thoi-gian")
    kinds = Counter(li["data-pp-kind"] for li in soup.select(".pp-timeline-years .pp-tl-entry"))
    dated = sum(1 for p in catalog.plans for t in p.tasks if t.due and t.due.ok and (t.due.start or t.due.end))
    assert kinds["deadline"] == dated
    recurring = [" ".join(li.get_text(" ").split()) for li in soup.select(".pp-tl-recurring .pp-tl-entry")]
    undated = [t for p in catalog.plans for t in p.tasks if t.due and t.due.ok and not (t.due.start or t.due.end)]
    assert len(recurring) == len(undated) == 2
    assert any("Trước ngày 15 hằng tháng" in text for text in recurring)
    assert kinds["event"] == 3
    assert kinds["issued"] == 5


def test_every_deadline_of_the_demo_is_understood(catalog):
    unreadable = [(p.path, t.due.text) for p in catalog.plans for t in p.tasks if t.due and not t.due.ok]
    assert unreadable == []


def test_plan_page_shows_the_seed_facts(demo):
    soup = page(demo, "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh")
    header = " ".join(soup.select_one(".pp-doc-header").get_text(" ").split())
    assert "Số: 48/KH-UBND" in header and "Cẩm Phả, ngày 20 tháng 02 năm 2023" in header
    assert soup.select_one(".pp-signature__authority").get_text() == "KT. CHỦ TỊCH"
    assert soup.select_one(".pp-signature__name").get_text() == "Phạm Văn Kính"
    assert len(soup.select(".pp-task-table tbody tr")) == 59


def _text(el) -> str:
    return " ".join(el.get_text(" ").split())


def test_document_headers_follow_the_issuer(demo):
    """A Party body's plan carries "ĐẢNG CỘNG SẢN VIỆT NAM", a state body's the national motto."""
    party = page(demo, "ke-hoach/2024/phong-tho-ky-niem-70-nam-giai-phong")
    header = _text(party.select_one(".pp-doc-header"))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "CỘNG HÒA" not in header and "Độc lập" not in header
    assert party.select_one(".pp-doc-header--party .pp-doc-star")
    state = page(demo, "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh")
    header = _text(state.select_one(".pp-doc-header"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in header and "ĐẢNG CỘNG SẢN" not in header


def test_official_lines_read_like_administrative_text(demo):
    phong_tho = page(demo, "ke-hoach/2024/phong-tho-ky-niem-70-nam-giai-phong")
    assert _text(phong_tho.select_one(".pp-basis li")).startswith(
        "Thực hiện Thông báo số 263-TB/TVPU ngày 26/8/2023 của Văn phòng Tỉnh ủy Lai Châu về việc nhất trí"
    )
    assert _text(phong_tho.select_one(".pp-event dd")) == "7h30–11h00, ngày 29/10/2024"
    cam_pha = page(demo, "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh")
    line = _text(cam_pha.select_one(".pp-basis li"))
    assert line.startswith("Thực hiện Kế hoạch số 19/KH-UBND ngày 2/2/2023 của UBND tỉnh Quảng Ninh về tổ chức")
    assert "ngày Ngày" not in line
    section = page(demo, "chuyen-trang/ky-niem-60-nam-quang-ninh")
    dates = {_text(s) for s in section.select(".pp-articles small")}
    assert dates == {"20/2/2023"}  # not "2023-02-20"


@pytest.mark.parametrize(
    ("slug", "years"),
    [
        ("ky-niem-190-nam-hung-yen", ["190 năm 1831–2021", "80 năm 1941–2021", "25 năm 1997–2022"]),
        ("ky-niem-70-nam-giai-phong-phong-tho", ["70 năm 1954–2024"]),
        ("ky-niem-60-nam-quang-ninh", ["60 năm 1963–2023"]),
        ("ky-yeu-30-nam-van-phong-ubnd-quang-ngai", ["30 năm 1989–2019", "75 năm 1945–2020"]),
    ],
)
def test_sections_show_their_years_and_plans(demo, slug, years):
    soup = page(demo, f"chuyen-trang/{slug}")
    labels = [" ".join(p.get_text(" ").split()) for p in soup.select(".pp-banner__years")]
    assert labels == years
    assert soup.select(".pp-plan-list a")
    assert soup.select(".pp-articles a")


def test_phong_tho_counts_down_to_its_ceremony(demo):
    soup = page(demo, "chuyen-trang/ky-niem-70-nam-giai-phong-phong-tho")
    assert "Còn 58 ngày đến Lễ kỷ niệm" in soup.select_one(".pp-countdown").get_text()


def test_properdocs_builds_the_demo(tmp_path):
    env = {**os.environ, "PLAN_PORTAL_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    exe = Path(sys.executable).parent / "properdocs"
    proc = subprocess.run([str(exe), "build", "--strict", "-q", "-d", str(tmp_path / "site")], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    soup = page(tmp_path / "site", "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh")
    assert len(soup.select(".pp-task-table tbody tr")) == 59


def test_every_page_names_who_runs_the_portal(demo):
    """The footer's identity (plugin option `identity`, Nghị định 42/2022/NĐ-CP) is on every page, 404 included."""
    # The web editor (/bien-tap/, Decap CMS's own page) is a tool for editors, not a page of the portal.
    pages = sorted(p for p in demo.rglob("*.html") if p.relative_to(demo).parts[0] != "bien-tap")
    assert any(p.name == "404.html" for p in pages)
    for file in pages:
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        footer = soup.select_one(".md-footer .pp-identity")
        assert footer is not None, file
        text = _text(footer)
        for part in ("Cơ quan chủ quản: Ban biên tập Cổng kế hoạch", "Địa chỉ:", "Điện thoại: 0200 000 0000",
                     "Thư điện tử: bientap@example.org", "Chịu trách nhiệm chính:", "ghi rõ nguồn"):
            assert part in text, (file, part)
        assert footer.select_one('a[href="tel:02000000000"]') and footer.select_one('a[href="mailto:bientap@example.org"]')


def test_timeline_dates_keep_their_precision(demo):
    """A year-level item is filed under its year, a span of quarters under that span, never under a month."""
    soup = page(demo, "dong-thoi-gian")
    groups = {_text(sec.select_one("h3")): [_text(t) for t in sec.select(".pp-tl-entry .pp-period")]
              for sec in soup.select(".pp-tl-month")}
    assert groups["Năm 2019"] and all(label.endswith("2019") and "Tháng" not in label for label in groups["Năm 2019"])
    assert groups["Quý III–IV/2019"] and all("Quý III" in label for label in groups["Quý III–IV/2019"])
    for heading, labels in groups.items():
        if heading.startswith("Tháng") and "–" not in heading:
            assert not any(label.startswith(("Năm", "Quý")) for label in labels), (heading, labels)


def test_undated_plans_are_listed_under_each_year_they_may_be_from(demo):
    soup = page(demo, "ke-hoach")
    years = {o["value"]: _text(o) for o in soup.select("select[name=year] option") if o["value"]}
    assert years == {"2024": "2024 (2)", "2023": "2023 (3)", "2021": "2021 (1)", "2019": "2019 (1)"}


def test_counts_agree_across_pages(demo):
    """A chuyên trang counts each task once: 59 on the page of 48/KH-UBND, 59 on its chuyên trang."""
    plan = page(demo, "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh")
    tasks = len(plan.select(".pp-task-table tbody tr"))
    section = page(demo, "chuyen-trang/ky-niem-60-nam-quang-ninh")
    assert _text(section.select_one(".pp-section-tasks summary")).startswith(f"Tất cả {tasks} nhiệm vụ")


def test_agency_list_by_province_then_parent_each_agency_once(demo):
    soup = page(demo, "co-quan")
    provinces = [_text(h) for h in soup.select(".pp-agency-province > h2")]
    assert set(provinces) == {"Tỉnh Hưng Yên", "Tỉnh Lai Châu", "Tỉnh Quảng Ninh", "Tỉnh Bắc Giang", "Tỉnh Quảng Ngãi"}
    for province in soup.select(".pp-agency-province"):  # no heading without content
        assert province.select(".pp-agency-group")
        for group in province.select(".pp-agency-group"):
            assert _text(group.select_one("h3"))
    names = [a["href"] for a in soup.select(".pp-agency-row > a, .pp-agency-root > a")]
    assert len(names) == len(set(names)) > 20  # no agency twice
    assert not soup.select(".pp-count[title]")  # the counts are read, not hovered
    assert "chưa hoàn thành /" in _text(soup.select_one(".pp-agency-province"))
