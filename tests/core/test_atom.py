"""Atom feeds (core, no MkDocs): dates from the plans, never the clock; links relative or absolute."""

from __future__ import annotations

from datetime import date

from portal_core import catalog_of

from plan_portal.core.exports import data_files

PLANS = {
    "ke-hoach/2023/48.md": """---
number: 48/KH-UBND
issued: 2023-02-20
issuer: UBND thành phố Cẩm Phả
summary: Kế hoạch có số
tasks:
  - {title: Việc một, lead: Phòng Nội vụ, due: "trước 25/9/2024"}
---
""",
    "ke-hoach/2024/khong-ngay.md": """---
issued: không ghi ngày
issuer: UBND thành phố Cẩm Phả
summary: Kế hoạch không ghi ngày
---
""",
}


def _atoms(today: date, site_url: str = "") -> dict[str, bytes]:
    catalog = catalog_of(PLANS, today=today)
    return {uri: data for uri, data in data_files(catalog, site_url).items() if uri.endswith("atom.xml")}


def test_feeds_do_not_depend_on_the_build_date():
    assert _atoms(date(2024, 9, 1)) == _atoms(date(2031, 1, 1))


def test_dates_links_and_ids():
    feeds = _atoms(date(2024, 9, 1))
    portal = feeds["ke-hoach/atom.xml"].decode("utf-8")
    assert "<updated>2023-02-20T00:00:00+07:00</updated>" in portal
    assert '<link href="2023/48/"/>' in portal and "<id>tag:cong-ke-hoach,2024:ke-hoach/2023/48/</id>" in portal
    assert "Kế hoạch 48/KH-UBND: Kế hoạch có số" in portal
    # the undated plan is listed, dated like the newest dated plan (from the content, not the clock)
    assert portal.count("<entry>") == 2 and "2024-09-01" not in portal
    agency = feeds["co-quan/phong-noi-vu-cam-pha/atom.xml"].decode("utf-8")
    assert '<link href="../../ke-hoach/2023/48/"/>' in agency and '<link href="atom.xml" rel="self"' in agency
    absolute = _atoms(date(2024, 9, 1), "https://example.org/portal/")["ke-hoach/atom.xml"].decode("utf-8")
    assert "<id>https://example.org/portal/ke-hoach/2023/48/</id>" in absolute
    assert '<link href="https://example.org/portal/ke-hoach/atom.xml" rel="self"' in absolute
