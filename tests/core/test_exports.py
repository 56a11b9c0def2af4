"""core/exports/: the registry, and every export built from plan texts with no MkDocs."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from portal_core import catalog_of

from plan_portal.core import exports
from plan_portal.core.exports import EXPORTS, data_files, export_names, write_data_files

PLAN = """---
number: 48/KH-UBND
issued: 2023-02-20
issuer: UBND thành phố Cẩm Phả
summary: Kế hoạch thử
tasks:
  - {title: Việc một, lead: Phòng Nội vụ, due: "trước 25/9/2024"}
  - {title: Việc hai, lead: Phòng Nội vụ, due: thường xuyên}
events:
  - {title: Hội nghị, start: "2024-10-30 07:30", end: "2024-10-30 11:00"}
---
Toàn văn.
"""


def test_every_export_is_one_registry_line() -> None:
    assert export_names() == ["json", "ics", "atom", "csv"]
    assert len(set(export_names())) == len(EXPORTS)
    for export in EXPORTS:
        assert export.title and export.title[0].isupper()


def test_files_of_each_export() -> None:
    catalog = catalog_of({"ke-hoach/2023/48.md": PLAN}, today=date(2024, 9, 1))
    files = data_files(catalog, "https://example.org/")
    assert sorted(files) == ["co-quan/phong-noi-vu-cam-pha/atom.xml", "co-quan/phong-noi-vu-cam-pha/lich.ics",
                             "co-quan/phong-noi-vu-cam-pha/rss.xml",
                             "co-quan/ubnd-tp-cam-pha/atom.xml", "co-quan/ubnd-tp-cam-pha/lich.ics",
                             "co-quan/ubnd-tp-cam-pha/rss.xml",
                             "dong-thoi-gian/lich.ics", "du-lieu/ke-hoach.json", "du-lieu/ke-hoach.schema.json",
                             "du-lieu/nhiem-vu.csv", "ke-hoach/atom.xml", "ke-hoach/rss.xml"]
    plans = json.loads(files["du-lieu/ke-hoach.json"])["plans"]
    assert [p["number"] for p in plans] == ["48/KH-UBND"]
    assert plans[0]["tasks"][0]["due"]["text"] == "trước 25/9/2024"
    feed = files["dong-thoi-gian/lich.ics"].decode("utf-8")
    assert feed.startswith("BEGIN:VCALENDAR\r\n") and feed.endswith("END:VCALENDAR\r\n")
    assert feed.count("BEGIN:VEVENT") == 2  # the event and the dated deadline; "thường xuyên" has no day
    assert "URL:https://example.org/ke-hoach/2023/48/" in feed
    table = files["du-lieu/nhiem-vu.csv"].decode("utf-8")
    assert table.startswith("\ufeffke_hoach,so_ky_hieu,") and table.count("\r\n") == 1 + sum(len(p["tasks"]) for p in plans)
    assert ",trước 25/9/2024,,upcoming,Chưa đến hạn,2024-09-01," in table  # deadline, original, status, label, as of


def test_the_option_chooses_the_exports(tmp_path) -> None:
    catalog = catalog_of({"ke-hoach/2023/48.md": PLAN}, today=date(2024, 9, 1))
    catalog.paths = replace(catalog.paths, exports=("json",))
    assert write_data_files(catalog, "", tmp_path) == ["du-lieu/ke-hoach.json", "du-lieu/ke-hoach.schema.json"]
    assert catalog.paths.timeline_feed() is None and catalog.paths.json_export() == "du-lieu/ke-hoach.json"
    catalog.paths = replace(catalog.paths, exports=False)
    assert exports.data_files(catalog, "") == {}


def test_written_files_equal_the_whole_ones(tmp_path) -> None:
    catalog = catalog_of({"ke-hoach/2023/48.md": PLAN}, today=date(2024, 9, 1))
    written = write_data_files(catalog, "", tmp_path)
    whole = data_files(catalog, "")
    assert written == list(whole)
    assert all((tmp_path / uri).read_bytes() == content for uri, content in whole.items())
