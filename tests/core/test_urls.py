"""core/urls.py: every URL of a portal from one table, with the plugin's folder options."""

from __future__ import annotations

import pytest

from plan_portal.core.urls import SitePaths, index_source, month_anchor, source_of, task_anchor, task_url

DEFAULT = SitePaths()
MOVED = SitePaths(plans="kh", timeline="tl", agencies="cq", sections="ct", report="bc")
OFF = SitePaths(exports=False)

CASES = [
    (DEFAULT.plans_url(), "ke-hoach/"),
    (DEFAULT.timeline_url(), "dong-thoi-gian/"),
    (DEFAULT.timeline_year(2019), "dong-thoi-gian/2019/"),
    (DEFAULT.timeline_month(2024, 9), "dong-thoi-gian/2024/thang-9/"),
    (DEFAULT.timeline_recurring(), "dong-thoi-gian/dinh-ky/"),
    (DEFAULT.agencies_url(), "co-quan/"),
    (DEFAULT.agency_url("so-tai-chinh"), "co-quan/so-tai-chinh/"),
    (DEFAULT.sections_url(), "chuyen-trang/"),
    (DEFAULT.section_url("ky-niem"), "chuyen-trang/ky-niem/"),
    (DEFAULT.section_plans("ky-niem"), "chuyen-trang/ky-niem/cac-ke-hoach/"),
    (DEFAULT.report_url(), "bao-cao/"),
    (DEFAULT.search_url(), "tim-kiem/"),
    (DEFAULT.json_export(), "du-lieu/ke-hoach.json"),
    (DEFAULT.timeline_feed(), "dong-thoi-gian/lich.ics"),
    (DEFAULT.agency_feed("so-tai-chinh"), "co-quan/so-tai-chinh/lich.ics"),
    (MOVED.plans_url(), "kh/"),
    (MOVED.timeline_month(2024, 12), "tl/2024/thang-12/"),
    (MOVED.agency_url("x"), "cq/x/"),
    (MOVED.section_plans("y"), "ct/y/cac-ke-hoach/"),
    (MOVED.report_url(), "bc/"),
    (MOVED.timeline_feed(), "tl/lich.ics"),
    (OFF.json_export(), None),
    (OFF.timeline_feed(), None),
    (OFF.agency_feed("x"), None),
    (SitePaths(search=False).search_url(), None),
    (OFF.timeline_feed_path(), "dong-thoi-gian/lich.ics"),  # where an export would write it
    (source_of("dong-thoi-gian/2019/"), "dong-thoi-gian/2019.md"),
    (index_source("ke-hoach/"), "ke-hoach/index.md"),
    (month_anchor(2024, 9), "thang-9-2024"),
    (task_anchor("ii-3-1"), "nv-ii-3-1"),
    (task_url("ke-hoach/2023/48-kh-ubnd/", "ii-3-1"), "ke-hoach/2023/48-kh-ubnd/#nv-ii-3-1"),
]


@pytest.mark.parametrize(("got", "expected"), CASES, ids=[str(e) for _, e in CASES])
def test_url(got, expected) -> None:
    assert got == expected


def test_numbered_pages() -> None:
    assert SitePaths.numbered("ke-hoach/index.md", "ke-hoach/", 3) == [
        ("ke-hoach/index.md", "ke-hoach/"),
        ("ke-hoach/trang-2.md", "ke-hoach/trang-2/"),
        ("ke-hoach/trang-3.md", "ke-hoach/trang-3/"),
    ]
    assert SitePaths.numbered("co-quan/x.md", "co-quan/x/", 1) == [("co-quan/x.md", "co-quan/x/")]
