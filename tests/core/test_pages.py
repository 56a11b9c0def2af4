"""core/pages/: the PAGES registry and every page kind, built from plan texts with no MkDocs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from portal_core import catalog_of

from plan_portal.core.options import DEFAULTS
from plan_portal.core.pages import PAGES, build_views
from plan_portal.core.pages.plan import plan_gantt
from plan_portal.core.pages.sections import section_data

TEMPLATES = Path(__file__).resolve().parents[2] / "plugins" / "plan_portal" / "templates"


def plan(number: int, year: int, tasks: str = "", lead: str = "Phòng Nội vụ", special: str = "") -> str:
    return f"""---
number: {number}/KH-UBND
issued: {year}-03-{number % 28 + 1:02d}
issuer: UBND thành phố Cẩm Phả
summary: Kế hoạch số {number}
{special}
tasks:
  - {{title: Việc {number}, lead: {lead}, due: "Tháng 9/{year}"}}
{tasks}
---
Toàn văn.
"""


PLANS = {f"ke-hoach/{y}/{n}.md": plan(n, y) for n, y in ((1, 2022), (2, 2023), (3, 2024))}


def sources(views) -> list[str]:
    return [v.src_uri for v in views]


def test_every_page_kind_is_one_registry_line_with_templates() -> None:
    names = [kind.name for kind in PAGES]
    assert len(names) == len(set(names))
    assert {"plans", "timeline", "agencies", "agency", "sections", "report"} <= set(names)
    catalog = catalog_of(PLANS)
    for kind in PAGES:
        views = kind.build(catalog, DEFAULTS)
        assert views, kind.name
        for view in views:
            assert (TEMPLATES / view.template).is_file(), view.template
            assert view.src_uri.endswith(".md") and view.title


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["ke-hoach/index.md", "dong-thoi-gian/index.md", "co-quan/index.md", "co-quan/phong-noi-vu-cam-pha.md",
              "co-quan/ubnd-tp-cam-pha.md", "chuyen-trang/index.md", "bao-cao/index.md"]),
        ({"plans_page_size": 2}, ["ke-hoach/index.md", "ke-hoach/trang-2.md"]),
        ({"agency_page_size": 1}, ["co-quan/phong-noi-vu-cam-pha.md", "co-quan/phong-noi-vu-cam-pha/trang-2.md",
                                   "co-quan/phong-noi-vu-cam-pha/trang-3.md"]),
        ({"timeline_recent_years": 1}, ["dong-thoi-gian/index.md", "dong-thoi-gian/2023.md", "dong-thoi-gian/2022.md"]),
        ({"timeline_recent_years": 1, "timeline_page_size": 1},
         ["dong-thoi-gian/2023/thang-9.md", "dong-thoi-gian/2023/thang-3.md"]),
    ],
    ids=["defaults", "plan-pages", "agency-pages", "older-years", "months"],
)
def test_options_decide_the_pages(options, expected) -> None:
    views = sources(build_views(catalog_of(PLANS), replace(DEFAULTS, **options)))
    assert len(views) == len(set(views)), "one view per source path"
    assert [v for v in views if v in expected] == expected


def test_pages_follow_the_folder_options() -> None:
    moved = replace(DEFAULTS, plans_dir="kh", timeline_dir="tl", agencies_dir="cq", report_dir="bc")
    from plan_portal.core.urls import SitePaths

    views = sources(build_views(catalog_of(PLANS, paths=SitePaths.of(moved)), moved))
    assert {"kh/index.md", "tl/index.md", "cq/index.md", "bc/index.md", "cq/phong-noi-vu-cam-pha.md"} <= set(views)


def test_numbered_pages_link_each_other() -> None:
    views = build_views(catalog_of(PLANS), replace(DEFAULTS, plans_page_size=2))
    first, second = [v for v in views if v.src_uri.startswith("ke-hoach/")]
    assert first.pager.urls == second.pager.urls == ["ke-hoach/", "ke-hoach/trang-2/"]
    assert (first.pager.next_url, second.pager.prev_url) == ("ke-hoach/trang-2/", "ke-hoach/")
    assert [p.number for p in first.plans] == ["3/KH-UBND", "2/KH-UBND"] and [p.number for p in second.plans] == ["1/KH-UBND"]
    assert second.title.endswith("— trang 2") and second.extra_meta == {"search": {"exclude": True}}


def test_agency_page_rows_and_feed() -> None:
    views = build_views(catalog_of(PLANS))
    agency = next(v for v in views if v.src_uri == "co-quan/phong-noi-vu-cam-pha.md")
    catalog = catalog_of(PLANS)
    assert sorted(r.task.title for r in agency.lead) == ["Việc 1", "Việc 2", "Việc 3"]
    assert [r.status for r in agency.lead] == [catalog.task_status(r.task) for r in agency.lead]
    assert all(r.url.startswith(r.plan_url + "#") and r.plan_url.startswith("ke-hoach/") for r in agency.lead)
    assert agency.feed_url == "co-quan/phong-noi-vu-cam-pha/lich.ics"


def test_report_lists_problems() -> None:
    broken = {**PLANS, "ke-hoach/2024/hong.md": "---\nnumber: [\n---\n"}
    report = next(v for v in build_views(catalog_of(broken)) if v.src_uri == "bao-cao/index.md")
    assert [e.path for e in report.broken] == ["ke-hoach/2024/hong.md"]
    assert any(d.path == "ke-hoach/2024/hong.md" for d in report.diagnostics)


def test_plan_gantt_and_section_home(tmp_path) -> None:
    section = "---\ntitle: Kỷ niệm\nanniversaries:\n  - {label: Ngày thành lập, since: 1963-10-30, on: 2024-10-30}\n---\n"
    plans = {**PLANS, "ke-hoach/2024/9.md": plan(9, 2024, special="special: [ky-niem]")}
    catalog = catalog_of(plans, sections={"chuyen-trang/ky-niem/index.md": section}, folder=tmp_path)
    gantt = plan_gantt(catalog.plans[0], catalog)
    assert gantt is not None and [r.anchor for r in gantt.rows] == [catalog.plan_rows(catalog.plans[0])[0].anchor]
    home = section_data(catalog, "ky-niem", replace(DEFAULTS, section_home_plans=1))
    assert [p.number for p in home.plans] == ["9/KH-UBND"] and home.plans_url is None
    assert home.anniversary_day is not None and home.days_left == 59
    index = next(v for v in build_views(catalog) if v.src_uri == "chuyen-trang/index.md")
    assert [s.slug for s in index.current] == ["ky-niem"]
