"""Real builds of small sites in temporary folders, asserting on the HTML."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest


def target(page_url: str, href: str) -> str:
    """The site path a relative link on ``page_url`` points to."""
    return urljoin("http://site/" + page_url, href)[len("http://site/"):]

REGISTRY = """
- id: ubnd-tinh-quang-ninh
  name: Ủy ban nhân dân tỉnh Quảng Ninh
  short: UBND tỉnh Quảng Ninh
- id: ubnd-tp-cam-pha
  name: Ủy ban nhân dân thành phố Cẩm Phả
  short: UBND thành phố Cẩm Phả
  parent: ubnd-tinh-quang-ninh
- id: phong-noi-vu-cam-pha
  name: Phòng Nội vụ thành phố Cẩm Phả
  short: Phòng Nội vụ
  parent: ubnd-tp-cam-pha
- id: phong-vhtt-cam-pha
  name: Phòng Văn hóa và Thông tin thành phố Cẩm Phả
  short: Phòng Văn hóa và Thông tin
  parent: ubnd-tp-cam-pha
"""

PLAN = """
---
number: 48/KH-UBND
issued: 2023-02-20
place: Cẩm Phả
issuer: UBND thành phố Cẩm Phả
summary: Tổ chức các hoạt động Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh
signer: {authority: KT. Chủ tịch, title: Phó Chủ tịch, name: Phạm Văn Kính}
special: [ky-niem-60-nam]
basis:
  - {number: 19/KH-UBND, issued: 2023-02-02, issuer: UBND tỉnh Quảng Ninh, relation: implements, title: Kế hoạch của tỉnh}
recipients: [TT.Thành ủy, Lưu VT]
tasks:
  - title: Xây dựng Kế hoạch thi đua đặc biệt
    lead: Phòng Nội vụ
    support: [Phòng Văn hóa và Thông tin, Các đơn vị có liên quan]
    due: "trước 25/3/2023"
  - title: Gắn biển công trình
    lead: Phòng Văn hóa và Thông tin
    due: "Từ tháng 3/2023 đến tháng 9/2023"
    status: done
  - title: Tuyên truyền thường xuyên
    lead: Phòng Nội vụ
    due: "Quý IV/2024"
events:
  - {title: Lễ kỷ niệm, start: "2024-10-30 07:30", end: "2024-10-30 11:00", place: Hội trường thành phố, attendees: 250}
---
## I. MỤC ĐÍCH, YÊU CẦU

- Ôn lại truyền thống.
"""

PROVINCE_PLAN = """
---
number: 19/KH-UBND
issued: 2023-02-02
issuer: UBND tỉnh Quảng Ninh
summary: Tổ chức các hoạt động Kỷ niệm 60 năm của tỉnh
---
Toàn văn.
"""

SECTION = """
---
title: Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh
anniversaries:
  - {label: Ngày thành lập tỉnh Quảng Ninh, since: 1963-10-30, on: 2023-10-30}
accent: "#b71c1c"
milestones:
  - {date: 1963-10-30, title: Thành lập tỉnh Quảng Ninh}
---
Giới thiệu chuyên trang.
"""

BASE = {
    "co-quan.yml": REGISTRY,
    "ke-hoach/2023/48-kh-ubnd.md": PLAN,
    "ke-hoach/2023/19-kh-ubnd.md": PROVINCE_PLAN,
    "chuyen-trang/ky-niem-60-nam/index.md": SECTION,
    "chuyen-trang/ky-niem-60-nam/bai-viet.md": "---\ntitle: Bài viết một\ndate: 2023-03-01\n---\nNội dung.\n",
}


@pytest.fixture
def built(site):
    result = site(dict(BASE))
    assert result.error is None, result.error
    return result


def test_plan_page_header_block(built):
    soup = built.html("ke-hoach/2023/48-kh-ubnd/")
    header = soup.select_one(".pp-doc-header")
    assert header is not None
    text = " ".join(header.get_text(" ").split())
    assert "Số: 48/KH-UBND" in text
    assert "Cẩm Phả, ngày 20 tháng 02 năm 2023" in text
    assert "Tổ chức các hoạt động Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh" in text
    facts = " ".join(soup.select_one(".pp-facts").get_text(" ").split())
    assert "KT. Chủ tịch Phó Chủ tịch Phạm Văn Kính" in facts
    assert soup.select_one("html")["lang"] == "vi"


def test_plan_page_tasks_table(built):
    soup = built.html("ke-hoach/2023/48-kh-ubnd/")
    rows = soup.select(".pp-task-table tbody tr")
    assert len(rows) == 3
    cells = [" ".join(td.get_text(" ").split()) for td in rows[0].select("td")]
    assert cells[1] == "Xây dựng Kế hoạch thi đua đặc biệt #xay-dung-ke-hoach-thi-dua"  # its id, an anchor
    assert cells[2] == "Phòng Nội vụ"
    assert "Phòng Văn hóa và Thông tin" in cells[3] and "Các đơn vị có liên quan" in cells[3]
    assert cells[4] == "Trước 25/3/2023"
    assert cells[5] == "Quá hạn, chưa hoàn thành"  # build date 2024-09-01
    assert " ".join(rows[1].select("td")[5].get_text().split()) == "Đã hoàn thành"
    assert " ".join(rows[2].select("td")[5].get_text().split()) == "Chưa đến hạn"
    lead_link = rows[0].select_one("td:nth-of-type(3) a")
    assert target("ke-hoach/2023/48-kh-ubnd/", lead_link["href"]) == "co-quan/phong-noi-vu-cam-pha/"
    # generic groups are text, not links
    assert [a.get_text() for a in rows[0].select("td:nth-of-type(4) a")] == ["Phòng Văn hóa và Thông tin"]


def test_plan_page_basis_links_and_implementers(built):
    soup = built.html("ke-hoach/2023/48-kh-ubnd/")
    link = soup.select_one(".pp-basis a")
    assert target("ke-hoach/2023/48-kh-ubnd/", link["href"]) == "ke-hoach/2023/19-kh-ubnd/"
    province = built.html("ke-hoach/2023/19-kh-ubnd/")
    implementers = province.select(".pp-implementers a")
    assert [target("ke-hoach/2023/19-kh-ubnd/", a["href"]) for a in implementers] == ["ke-hoach/2023/48-kh-ubnd/"]


def test_plan_page_events_gantt_fulltext_recipients(built):
    soup = built.html("ke-hoach/2023/48-kh-ubnd/")
    event = " ".join(soup.select_one(".pp-events").get_text(" ").split())
    assert "Lễ kỷ niệm" in event and "Hội trường thành phố" in event and "250 đại biểu" in event
    assert "30/10/2024" in event
    assert len(soup.select(".pp-gantt__row")) == 3
    assert len(soup.select(".pp-gantt__bar")) == 2  # the interval and the quarter; the deadline is a point
    assert soup.select_one("#toan-van h2") is not None
    assert [h["id"] for h in soup.select(".pp-fulltext h2") if "MỤC ĐÍCH" in h.get_text()] == ["i-muc-dich-yeu-cau"]
    assert [li.get_text() for li in soup.select(".pp-recipients li")] == ["TT.Thành ủy", "Lưu VT"]
    assert "PHẠM VĂN KÍNH" not in soup.get_text()  # the name keeps its case
    assert soup.select_one(".pp-signature__authority").get_text() == "KT. CHỦ TỊCH"


def test_plans_are_not_in_the_nav(built):
    soup = built.html("ke-hoach/")
    nav_links = [a.get("href", "") for a in soup.select("nav.md-nav a")]
    assert not any("48-kh-ubnd" in href for href in nav_links)


def test_plan_list_newest_first_with_filters(built):
    soup = built.html("ke-hoach/")
    items = soup.select(".pp-plan-list > li[data-year]")
    assert [li.select_one("a")["href"].rstrip("/").rsplit("/", 1)[-1] for li in items] == ["48-kh-ubnd", "19-kh-ubnd"]
    form = soup.select_one("form[data-pp-filter=plans]")
    assert not form.has_attr("hidden")  # laid out from the first paint: no shift when the script starts
    years = [o["value"] for o in form.select("select[name=year] option")]
    assert years == ["", "2023"]
    specials = [o.get_text() for o in form.select("select[name=special] option")]
    assert "Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh (1)" in specials
    assert items[0]["data-text"].startswith("48/kh-ubnd to chuc")


def test_timeline_groups_by_month_newest_first(built):
    soup = built.html("dong-thoi-gian/")
    months = [h.get_text() for h in soup.select(".pp-tl-month h3")]
    assert months[0] == "Quý IV/2024"  # a quarter keeps its precision: not "Tháng 12/2024"
    assert "Tháng 10/2024" in months and "Tháng 2/2023" in months

    def end(heading):  # "Quý IV/2024" ends in month 12, "Tháng 10/2024" in 10
        label, year = heading.rsplit("/", 1)
        last = label.split()[-1].split("–")[-1]
        month = {"I": 3, "II": 6, "III": 9, "IV": 12}[last] if label.startswith("Quý") else int(last)
        return (int(year), month)

    assert months == sorted(months, key=end, reverse=True)
    kinds = {li["data-pp-kind"] for li in soup.select(".pp-tl-entry")}
    assert kinds == {"issued", "event", "deadline"}
    assert soup.select_one(".pp-tl-month--today")["id"] == "thang-3-2023" or soup.select_one(".pp-tl-month--today")


def test_agency_page_lists_exactly_its_tasks(built):
    soup = built.html("co-quan/phong-noi-vu-cam-pha/")
    assert soup.select_one("h1").get_text() == "Phòng Nội vụ thành phố Cẩm Phả"
    lead = [" ".join(tr.select_one("td").get_text().split()) for tr in soup.select("#chu-tri-h ~ div tbody tr")]
    assert sorted(lead) == ["Tuyên truyền thường xuyên", "Xây dựng Kế hoạch thi đua đặc biệt"]
    # overdue first (issue 15), then what is still open
    assert lead == ["Xây dựng Kế hoạch thi đua đặc biệt", "Tuyên truyền thường xuyên"]
    vhtt = built.html("co-quan/phong-vhtt-cam-pha/")
    support = [" ".join(tr.select_one("td").get_text().split()) for tr in vhtt.select("#phoi-hop-h ~ div tbody tr")]
    assert support == ["Xây dựng Kế hoạch thi đua đặc biệt"]


def test_agency_index_groups_by_locality(built):
    soup = built.html("co-quan/")
    provinces = [h.get_text(" ").strip() for h in soup.select(".pp-agency-province > h2")]
    assert provinces == ["Tỉnh Quảng Ninh"]
    groups = [h.a.get_text() for h in soup.select(".pp-agency-group > h3")]
    assert groups == ["Ủy ban nhân dân tỉnh Quảng Ninh"]
    rows = [a.get_text() for a in soup.select(".pp-agency-row a")]
    assert "Phòng Nội vụ thành phố Cẩm Phả" in rows


def test_section_home(built):
    soup = built.html("chuyen-trang/ky-niem-60-nam/")
    banner = " ".join(soup.select_one(".pp-banner").get_text(" ").split())
    assert "60 năm 1963–2023" in banner
    assert "Còn 59 ngày đến Lễ kỷ niệm" in banner  # 2024-09-01 → 2024-10-30
    assert "Giới thiệu chuyên trang." in soup.select_one(".pp-section-intro").get_text()
    assert [a.get_text() for a in soup.select(".pp-articles a")] == ["Bài viết một"]
    progress = [" ".join(td.get_text().split()) for td in soup.select(".pp-progress tbody tr td:nth-of-type(2)")]
    assert progress == ["0 / 2", "1 / 1"]
    assert "--pp-accent: #b71c1c" in str(soup.select_one(".pp-section"))


def test_exports_json_and_ics(built):
    data = json.loads((built.site_dir / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    plan = next(p for p in data["plans"] if p["number"] == "48/KH-UBND")
    assert plan["issued"]["start"] == "2023-02-20"
    assert plan["tasks"][0]["due"]["text"] == "trước 25/3/2023"
    assert plan["tasks"][0]["due"]["end"] in ("2023-03-24", "2023-03-25")
    from icalendar import Calendar

    cal = Calendar.from_ical((built.site_dir / "dong-thoi-gian" / "lich.ics").read_bytes())
    summaries = sorted(str(c.get("summary")) for c in cal.walk("VEVENT"))
    assert "Lễ kỷ niệm" in summaries
    assert "Hạn: Xây dựng Kế hoạch thi đua đặc biệt" in summaries
    agency_cal = Calendar.from_ical((built.site_dir / "co-quan" / "phong-noi-vu-cam-pha" / "lich.ics").read_bytes())
    assert len(list(agency_cal.walk("VEVENT"))) == 2


def test_registry_is_not_published(built):
    assert not (built.site_dir / "co-quan.yml").exists()


def test_front_matter_values_are_escaped_everywhere(site):
    evil = '<script>alert("x")</script>'
    files = dict(BASE)
    files["ke-hoach/2023/evil.md"] = f"""
    ---
    number: "{evil}"
    issued: 2023-05-01
    issuer: '{evil}'
    summary: '{evil} "quoted"'
    signer: {{title: '{evil}', name: '<img src=x onerror=alert(1)>'}}
    recipients: ['{evil}']
    tasks:
      - title: '{evil}'
        lead: '{evil}'
        due: '{evil}'
    events:
      - {{title: '{evil}', start: 2023-06-01, place: '{evil}'}}
    ---
    Body.
    """
    result = site(files)
    assert result.error is None
    for html_file in result.site_dir.rglob("*.html"):
        text = html_file.read_text("utf-8")
        assert "<script>alert" not in text, html_file
        assert "<img src=x" not in text, html_file


def test_strict_build_fails_and_normal_build_keeps_every_plan(site, tmp_path):
    files = dict(BASE)
    files["ke-hoach/2023/broken.md"] = "---\nnumber: 1/KH\nissued: [2023\nsummary: x\n---\nNội dung còn giữ.\n"
    normal = site(files)
    assert normal.error is None
    assert any("broken.md:3" in m and "YAML không hợp lệ" in m for m in normal.messages)
    page = normal.html("ke-hoach/2023/broken/")
    assert "Nội dung còn giữ." in page.get_text()
    assert page.select_one(".pp-plan--broken") is not None
    report = normal.html("bao-cao/")
    assert "ke-hoach/2023/broken.md" in report.get_text()
    assert normal.html("ke-hoach/2023/48-kh-ubnd/").select(".pp-task-table tbody tr")

    from portal_testing import build_site

    strict = build_site(tmp_path, strict=True)
    assert strict.error is not None


def test_hand_written_agency_intro(site):
    files = dict(BASE)
    files["co-quan/phong-noi-vu-cam-pha.md"] = "Phòng Nội vụ là cơ quan chuyên môn.\n"
    result = site(files)
    soup = result.html("co-quan/phong-noi-vu-cam-pha/")
    assert "Phòng Nội vụ là cơ quan chuyên môn." in soup.select_one(".pp-intro").get_text()
    assert soup.select("#chu-tri-h ~ div tbody tr")


def test_custom_dir_overrides_a_template(site, tmp_path):
    overrides = tmp_path / "overrides" / "plan-portal"
    overrides.mkdir(parents=True)
    (overrides / "report.html").write_text('{% extends "main.html" %}{% block content %}<p id="mine">Báo cáo riêng</p>{% endblock %}', "utf-8")
    result = site(dict(BASE), theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    assert result.error is None
    assert result.html("bao-cao/").select_one("#mine") is not None


def test_unknown_agency_still_gets_a_page_with_a_warning(site):
    files = dict(BASE)
    files["ke-hoach/2023/48-kh-ubnd.md"] = PLAN.replace("lead: Phòng Văn hóa và Thông tin", "lead: Phòng Nọi vụ mới")
    result = site(files)
    assert any("Phòng Nọi vụ mới" in m and "co-quan.yml" in m for m in result.messages)
    pages = [p.parent.name for p in (result.site_dir / "co-quan").glob("*/index.html")]
    assert any("noi-vu-moi" in name for name in pages)


def test_missing_section_is_an_error_listing_known_slugs(site):
    files = dict(BASE)
    files["ke-hoach/2023/48-kh-ubnd.md"] = PLAN.replace("special: [ky-niem-60-nam]", "special: [ky-niem-60-nm]")
    result = site(files)
    message = next(m for m in result.messages if "special[0]" in m)
    assert "ky-niem-60-nam" in message and "48-kh-ubnd.md:" in message
