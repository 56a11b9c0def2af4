#!/usr/bin/env python3
"""Benchmark of the plan portal at provincial scale (issue 8; results in docs/performance.md).

Generates a realistic synthetic portal of N plans (deterministic: seeded random) shaped like
the seed plans: a registry of ~300 agencies in 11 localities (the same short names, "Phòng
Nội vụ", "UBND huyện", in every district), 10-30 tasks a plan with lead and supporting
agencies written as plans write them (short names, abbreviations, full names, generic groups),
deadlines in the documents' own Vietnamese wording, events, căn cứ between plans, full texts of
realistic length and five chuyên trang, issued over ten years. Then it builds it twice, each
build in its own subprocess so that peak memory is per build:

1. ``portal``: the site with the ``plan-portal`` plugin, configured like the project's
   ``mkdocs.yml`` (its theme, site shell, Markdown extensions and plugin options);
2. ``floor``: the same Markdown with the same Material theme, the plugin disabled
   (``enabled: false``) and the plans out of the navigation: the cost of rendering the
   plans themselves.

One line per build, ``key=value`` pairs::

    build=portal plans=1000 pages=… wall_s=… cpu_s=… peak_rss_mb=… site_mb=… largest_kb=… largest=… ratio=… cpu_ratio=… warnings=0 exit=0 plan_max_kb_without_text=…

``ratio`` is the build's wall time over the floor's, ``cpu_ratio`` the same with CPU time.
The speed of a shared machine drifts by 20-40 % over minutes: ``--repeat N`` runs each build N
times, alternating portal and floor, and reports the fastest run of each. ``largest`` is the
biggest HTML page; the portal line adds ``plan_max_kb_without_text``: the biggest plan page minus
its own full text.

``--serve-reload`` also starts ``mkdocs serve`` on 127.0.0.1, appends a paragraph to one plan
(twice) and polls that plan's page over HTTP until the new text is served: the time an editor
waits between saving and seeing the page. Then it changes the plan's summary (front matter: the
lists, the timeline and its agencies' pages show it) and times that too (``reload_front_matter_s``;
MkDocs' server answers only once the whole rebuild is done). The plan is restored afterwards.
``--serve-dirty`` does the same with ``mkdocs serve --dirty`` (``scripts/serve``: only the pages a
save changes are rendered again).

It is a benchmark, not a test: it asserts nothing about time (tests/test_bench_smoke.py runs it
at N=20 so that it keeps working). ``--keep DIR`` keeps the generated portal and the two sites;
a later run with the same N and seed reuses the content.

``--search`` also indexes the portal's site with Pagefind as the plugin does after a build
(``plan_portal.search.index_site``) and prints its time and peak memory; ``--bodies short`` gives every
plan a three-line body (the same plans otherwise); ``--plans 1000,5000,10000 --bodies seed,short``
runs every size and variant (in ``DIR/<plans>-<bodies>``) and ends with the Markdown table of
docs/performance.md. Memory: ``peak_rss_mb`` is the largest single process, ``tree_peak_mb`` the
build's processes together (sampled PSS); build + search is their sum with Pagefind's, since the
plugin runs Pagefind inside the build.

Usage::

    python scripts/bench.py --plans 1000[,5000,...] [--bodies seed|short|seed,short] [--keep DIR]
        [--only portal|floor|none] [--repeat N] [--search] [--serve-reload] [--serve-dirty] [--seed 8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

GENERATOR_VERSION = 3  # bump when the generated content changes, so --keep DIR regenerates
TODAY = date(2025, 6, 15)  # the build date of every benchmark build (plugin option `today`)
FIRST_YEAR = 2016  # a 10-year portal: plans issued from 2016 to TODAY
DEFAULT_SEED = 8

# --------------------------------------------------------------------------------------------------
# The registry: one province and its districts, ~300 agencies. The same short names ("Phòng Nội vụ",
# "UBND huyện", "Văn phòng Huyện ủy") exist in every district and resolve by the issuer's locality.
# --------------------------------------------------------------------------------------------------

PROVINCE = "Bắc Giang"
PROVINCE_SLUG = "bac-giang"

# (kind, name, slug): the district-level localities.
DISTRICTS = [
    ("thành phố", "Bắc Giang", "bac-giang"),
    ("huyện", "Lục Nam", "luc-nam"),
    ("huyện", "Lục Ngạn", "luc-ngan"),
    ("huyện", "Sơn Động", "son-dong"),
    ("huyện", "Yên Thế", "yen-the"),
    ("huyện", "Tân Yên", "tan-yen"),
    ("huyện", "Hiệp Hòa", "hiep-hoa"),
    ("huyện", "Lạng Giang", "lang-giang"),
    ("huyện", "Yên Dũng", "yen-dung"),
    ("thị xã", "Việt Yên", "viet-yen"),
]
_KIND_SLUG = {"thành phố": "tp", "huyện": "huyen", "thị xã": "tx"}
_PARTY = {"thành phố": "Thành ủy", "huyện": "Huyện ủy", "thị xã": "Thị ủy"}
_COMMUNES = {"thành phố": "UBND các phường, xã", "huyện": "UBND các xã, thị trấn", "thị xã": "UBND các phường, xã"}

# (key, name, short, aliases, parent key, weight as a task agency, number code)
_PROVINCE_AGENCIES: list[tuple[str, str, str | None, list[str], str | None, int, str]] = [
    ("root", "Tỉnh {p}", None, [], None, 0, ""),
    ("tu", "Tỉnh ủy {p}", "Tỉnh ủy", [], "root", 1, "TU"),
    ("vptu", "Văn phòng Tỉnh ủy {p}", "Văn phòng Tỉnh ủy", [], "tu", 2, "VPTU"),
    ("btg", "Ban Tuyên giáo Tỉnh ủy {p}", "Ban Tuyên giáo Tỉnh ủy", [], "tu", 4, "BTGTU"),
    ("btc", "Ban Tổ chức Tỉnh ủy {p}", "Ban Tổ chức Tỉnh ủy", [], "tu", 2, "BTCTU"),
    ("hdnd", "Hội đồng nhân dân tỉnh {p}", "HĐND tỉnh", [], "root", 1, "HĐND"),
    ("ubnd", "Ủy ban nhân dân tỉnh {p}", "UBND tỉnh", [], "root", 1, "UBND"),
    ("vpub", "Văn phòng UBND tỉnh {p}", "Văn phòng UBND tỉnh", ["VP UBND tỉnh"], "ubnd", 6, "VPUBND"),
    ("ttth", "Trung tâm Thông tin - Hội nghị tỉnh {p}", "Trung tâm Thông tin - Hội nghị tỉnh", [], "vpub", 2, "TTTH"),
    ("snv", "Sở Nội vụ tỉnh {p}", "Sở Nội vụ", [], "ubnd", 8, "SNV"),
    ("tdkt", "Ban Thi đua - Khen thưởng tỉnh {p}", "Ban Thi đua - Khen thưởng", [], "snv", 4, "BTĐKT"),
    ("stc", "Sở Tài chính tỉnh {p}", "Sở Tài chính", [], "ubnd", 12, "STC"),
    ("skhdt", "Sở Kế hoạch và Đầu tư tỉnh {p}", "Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT"], "ubnd", 6, "SKHĐT"),
    ("svh", "Sở Văn hóa, Thể thao và Du lịch tỉnh {p}", "Sở Văn hóa, Thể thao và Du lịch", ["Sở VHTTDL"], "ubnd", 14, "SVHTTDL"),
    ("stt", "Sở Thông tin và Truyền thông tỉnh {p}", "Sở Thông tin và Truyền thông", ["Sở TT&TT"], "ubnd", 8, "STTTT"),
    ("sgd", "Sở Giáo dục và Đào tạo tỉnh {p}", "Sở Giáo dục và Đào tạo", ["Sở GD&ĐT"], "ubnd", 5, "SGDĐT"),
    ("syt", "Sở Y tế tỉnh {p}", "Sở Y tế", [], "ubnd", 5, "SYT"),
    ("sld", "Sở Lao động - Thương binh và Xã hội tỉnh {p}", "Sở Lao động - Thương binh và Xã hội", ["Sở LĐTB&XH"], "ubnd", 5, "SLĐTBXH"),
    ("sct", "Sở Công Thương tỉnh {p}", "Sở Công Thương", [], "ubnd", 4, "SCT"),
    ("snn", "Sở Nông nghiệp và Phát triển nông thôn tỉnh {p}", "Sở Nông nghiệp và Phát triển nông thôn", ["Sở NN&PTNT"], "ubnd", 4, "SNN"),
    ("stn", "Sở Tài nguyên và Môi trường tỉnh {p}", "Sở Tài nguyên và Môi trường", ["Sở TN&MT"], "ubnd", 3, "STNMT"),
    ("sxd", "Sở Xây dựng tỉnh {p}", "Sở Xây dựng", [], "ubnd", 3, "SXD"),
    ("sgt", "Sở Giao thông vận tải tỉnh {p}", "Sở Giao thông vận tải", ["Sở GTVT"], "ubnd", 3, "SGTVT"),
    ("skh", "Sở Khoa học và Công nghệ tỉnh {p}", "Sở Khoa học và Công nghệ", ["Sở KH&CN"], "ubnd", 2, "SKHCN"),
    ("stp", "Sở Tư pháp tỉnh {p}", "Sở Tư pháp", [], "ubnd", 2, "STP"),
    ("dai", "Đài Phát thanh và Truyền hình tỉnh {p}", "Đài Phát thanh và Truyền hình tỉnh", [], "ubnd", 6, "ĐPTTH"),
    ("bao", "Báo {p}", None, [], "ubnd", 5, "BBG"),
    ("ca", "Công an tỉnh {p}", "Công an tỉnh", [], "ubnd", 5, "CAT"),
    ("qs", "Bộ Chỉ huy Quân sự tỉnh {p}", "Bộ Chỉ huy Quân sự tỉnh", [], "ubnd", 3, "BCHQS"),
    ("bhxh", "Bảo hiểm xã hội tỉnh {p}", "Bảo hiểm xã hội tỉnh", [], "ubnd", 1, "BHXH"),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", "Ủy ban MTTQ tỉnh", [], "root", 4, "MTTQ"),
    ("doan", "Tỉnh đoàn {p}", "Tỉnh đoàn", [], "mttq", 5, "TĐTN"),
    ("phunu", "Hội Liên hiệp Phụ nữ tỉnh {p}", "Hội Liên hiệp Phụ nữ tỉnh", [], "mttq", 3, "HLHPN"),
    ("nongdan", "Hội Nông dân tỉnh {p}", "Hội Nông dân tỉnh", [], "mttq", 2, "HND"),
    ("ccb", "Hội Cựu chiến binh tỉnh {p}", "Hội Cựu chiến binh tỉnh", [], "mttq", 2, "HCCB"),
    ("ldld", "Liên đoàn Lao động tỉnh {p}", "Liên đoàn Lao động tỉnh", [], "mttq", 2, "LĐLĐ"),
]

# District agencies; {k} is the kind ("huyện"), {n} the name, {party} Huyện ủy/Thành ủy/Thị ủy.
_DISTRICT_AGENCIES: list[tuple[str, str, str | None, list[str], str | None, int, str]] = [
    ("root", "{K} {n}", None, [], None, 0, ""),
    ("party", "{party} {n}", "{party}", [], "root", 1, "HU"),
    ("vphu", "Văn phòng {party} {n}", "Văn phòng {party}", [], "party", 3, "VPHU"),
    ("btg", "Ban Tuyên giáo {party} {n}", "Ban Tuyên giáo {party}", [], "party", 5, "BTGHU"),
    ("btc", "Ban Tổ chức {party} {n}", "Ban Tổ chức {party}", [], "party", 2, "BTCHU"),
    ("hdnd", "Hội đồng nhân dân {k} {n}", "HĐND {k}", [], "root", 1, "HĐND"),
    ("ubnd", "Ủy ban nhân dân {k} {n}", "UBND {k}", [], "root", 1, "UBND"),
    ("vp", "Văn phòng HĐND và UBND {k} {n}", "Văn phòng HĐND và UBND {k}", ["Văn phòng HĐND - UBND {k}"], "ubnd", 8, "VP"),
    ("pnv", "Phòng Nội vụ {k} {n}", "Phòng Nội vụ", [], "ubnd", 10, "PNV"),
    ("ptc", "Phòng Tài chính - Kế hoạch {k} {n}", "Phòng Tài chính - Kế hoạch", ["Phòng TC-KH"], "ubnd", 12, "PTCKH"),
    ("pvh", "Phòng Văn hóa và Thông tin {k} {n}", "Phòng Văn hóa và Thông tin", ["Phòng Văn hóa - Thông tin"], "ubnd", 16, "PVHTT"),
    ("pgd", "Phòng Giáo dục và Đào tạo {k} {n}", "Phòng Giáo dục và Đào tạo", ["Phòng GD&ĐT"], "ubnd", 6, "PGDĐT"),
    ("pyt", "Phòng Y tế {k} {n}", "Phòng Y tế", [], "ubnd", 4, "PYT"),
    ("pld", "Phòng Lao động - Thương binh và Xã hội {k} {n}", "Phòng Lao động - Thương binh và Xã hội", ["Phòng LĐTB&XH"], "ubnd", 5, "PLĐTBXH"),
    ("pkt", "Phòng Kinh tế và Hạ tầng {k} {n}", "Phòng Kinh tế và Hạ tầng", ["Phòng KT-HT"], "ubnd", 4, "PKTHT"),
    ("pnn", "Phòng Nông nghiệp và Phát triển nông thôn {k} {n}", "Phòng Nông nghiệp và Phát triển nông thôn", ["Phòng NN&PTNT"], "ubnd", 4, "PNN"),
    ("ptn", "Phòng Tài nguyên và Môi trường {k} {n}", "Phòng Tài nguyên và Môi trường", ["Phòng TN&MT"], "ubnd", 3, "PTNMT"),
    ("ptp", "Phòng Tư pháp {k} {n}", "Phòng Tư pháp", [], "ubnd", 2, "PTP"),
    ("ttvh", "Trung tâm Văn hóa - Thể thao và Truyền thông {k} {n}", "Trung tâm Văn hóa - Thể thao và Truyền thông", ["TTVH-TT&TT"], "ubnd", 9, "TTVHTTTT"),
    ("ttyt", "Trung tâm Y tế {k} {n}", "Trung tâm Y tế {k}", [], "ubnd", 3, "TTYT"),
    ("ca", "Công an {k} {n}", "Công an {k}", [], "ubnd", 5, "CA"),
    ("qs", "Ban Chỉ huy Quân sự {k} {n}", "Ban Chỉ huy Quân sự {k}", ["Ban CHQS {k}"], "ubnd", 3, "BCHQS"),
    ("xa", "{communes} {k} {n}", "{communes}", [], "ubnd", 9, ""),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam {k} {n}", "Ủy ban MTTQ {k}", ["UBMTTQ {k}"], "root", 4, "MTTQ"),
    ("doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh {k} {n}", "{youth}", [], "mttq", 5, "ĐTN"),
    ("phunu", "Hội Liên hiệp Phụ nữ {k} {n}", "Hội Liên hiệp Phụ nữ {k}", ["Hội LHPN {k}"], "mttq", 3, "HLHPN"),
    ("nongdan", "Hội Nông dân {k} {n}", "Hội Nông dân {k}", [], "mttq", 2, "HND"),
    ("ccb", "Hội Cựu chiến binh {k} {n}", "Hội Cựu chiến binh {k}", [], "mttq", 2, "HCCB"),
]
_YOUTH = {"thành phố": "Thành đoàn", "huyện": "Huyện đoàn", "thị xã": "Thị đoàn"}


@dataclass
class Agency:
    """A registry entry and how plans write it."""

    id: str
    name: str
    short: str | None
    aliases: list[str]
    parent: str | None
    weight: int
    code: str
    locality: str  # "tinh" or a district slug

    @property
    def written(self) -> list[str]:
        """Ways a plan of the same locality writes this agency."""
        return [self.short or self.name, *self.aliases]


@dataclass
class Locality:
    slug: str
    kind: str  # "tỉnh" | "thành phố" | "huyện" | "thị xã"
    name: str
    agencies: dict[str, Agency]

    @property
    def label(self) -> str:
        return f"{self.kind} {self.name}"


def build_registry() -> list[Locality]:
    """The province and its districts with their agencies (~300)."""
    province = Locality("tinh", "tỉnh", PROVINCE, {})
    for key, name, short, aliases, parent, weight, code in _PROVINCE_AGENCIES:
        agency_id = f"{key.replace('root', 'tinh')}-{PROVINCE_SLUG}" if key != "root" else f"tinh-{PROVINCE_SLUG}"
        province.agencies[key] = Agency(agency_id, name.format(p=PROVINCE), short, list(aliases),
                                        parent, weight, code, "tinh")
    localities = [province]
    for kind, dname, dslug in DISTRICTS:
        loc = Locality(dslug, kind, dname, {})
        fmt = {"k": kind, "K": kind[0].upper() + kind[1:], "n": dname, "party": _PARTY[kind],
               "communes": _COMMUNES[kind], "youth": _YOUTH[kind]}
        for key, name, short, aliases, parent, weight, code in _DISTRICT_AGENCIES:
            agency_id = f"{_KIND_SLUG[kind]}-{dslug}" if key == "root" else f"{key}-{_KIND_SLUG[kind]}-{dslug}"
            loc.agencies[key] = Agency(agency_id, name.format(**fmt), short.format(**fmt) if short else None,
                                       [a.format(**fmt) for a in aliases], parent, weight, code, dslug)
        localities.append(loc)
    # Parents as ids; districts hang under the province.
    for loc in localities:
        for agency in loc.agencies.values():
            if agency.parent is not None:
                agency.parent = loc.agencies[agency.parent].id
            elif loc.slug != "tinh":
                agency.parent = province.agencies["root"].id
    return localities


def registry_yaml(localities: list[Locality]) -> str:
    entries = []
    for loc in localities:
        for agency in loc.agencies.values():
            entry: dict[str, Any] = {"id": agency.id, "name": agency.name}
            if agency.short:
                entry["short"] = agency.short
            if agency.aliases:
                entry["aliases"] = agency.aliases
            if agency.parent:
                entry["parent"] = agency.parent
            entries.append(entry)
    head = "# Danh mục cơ quan của cổng thử nghiệm hiệu năng (sinh tự động bởi scripts/bench.py).\n"
    return head + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200)


# --------------------------------------------------------------------------------------------------
# Chuyên trang: five anniversaries; plans issued in the year before one may belong to it.
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    label: str
    since: date
    on: date
    accent: str


SECTIONS = [
    SectionSpec("ky-niem-130-nam-thanh-lap-tinh", f"Kỷ niệm 130 năm Ngày thành lập tỉnh {PROVINCE}",
                f"Ngày thành lập tỉnh {PROVINCE}", date(1895, 10, 10), date(2025, 10, 10), "#b71c1c"),
    SectionSpec("ky-niem-50-nam-giai-phong-mien-nam", "Kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước",
                "Ngày giải phóng miền Nam, thống nhất đất nước", date(1975, 4, 30), date(2025, 4, 30), "#c62828"),
    SectionSpec("ky-niem-80-nam-quoc-khanh", "Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
                "Cách mạng Tháng Tám thành công và Quốc khánh", date(1945, 9, 2), date(2025, 9, 2), "#d32f2f"),
    SectionSpec("ky-niem-90-nam-thanh-lap-dang", "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
                "Ngày thành lập Đảng Cộng sản Việt Nam", date(1930, 2, 3), date(2020, 2, 3), "#b71c1c"),
    SectionSpec("ky-niem-25-nam-tai-lap-tinh", f"Kỷ niệm 25 năm Ngày tái lập tỉnh {PROVINCE}",
                f"Ngày tái lập tỉnh {PROVINCE}", date(1997, 1, 1), date(2022, 1, 1), "#8e24aa"),
]


def section_text(spec: SectionSpec, rng: random.Random) -> str:
    years = spec.on.year - spec.since.year
    front = {
        "title": spec.title,
        "summary": f"Các kế hoạch, sự kiện và nhiệm vụ kỷ niệm {years} năm {spec.label} ({spec.since.year}–{spec.on.year}).",
        "accent": spec.accent,
        "anniversaries": [{"label": spec.label, "since": spec.since.isoformat(), "on": spec.on.isoformat()}],
        "milestones": [
            {"date": spec.since.isoformat(), "title": spec.label, "text": f"Mốc khởi đầu của chặng đường {years} năm."},
            {"date": f"{spec.on.year - 1}-{rng.randint(3, 9):02d}", "title": "Ban hành kế hoạch tổng thể",
             "text": "Các cơ quan, đơn vị triển khai kế hoạch tổ chức các hoạt động kỷ niệm."},
            {"date": spec.on.isoformat(), "title": f"Tròn {years} năm {spec.label}"},
        ],
    }
    body = "\n\n".join(_paragraph(rng, 4, spec.label, spec.on.year) for _ in range(3))
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=200) + "---\n\n" + body + "\n"


# --------------------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------------------

TOPICS = [
    ("Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm {y0} và phát động phong trào thi đua năm {y}", "thi đua, khen thưởng"),
    ("Triển khai công tác cải cách hành chính năm {y}", "cải cách hành chính"),
    ("Thực hiện chuyển đổi số trên địa bàn {loc} năm {y}", "chuyển đổi số"),
    ("Tổ chức các hoạt động chào mừng Ngày Quốc tế Phụ nữ 8/3 năm {y}", "bình đẳng giới"),
    ("Tuyên truyền, phổ biến, giáo dục pháp luật năm {y}", "phổ biến, giáo dục pháp luật"),
    ("Bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán và Lễ hội Xuân năm {y}", "an toàn giao thông"),
    ("Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y}", "nông thôn mới"),
    ("Phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}", "phòng, chống thiên tai"),
    ("Tổ chức Tháng hành động vì an toàn thực phẩm năm {y}", "an toàn thực phẩm"),
    ("Phát triển du lịch {loc} giai đoạn {y}-{y2}", "phát triển du lịch"),
    ("Tổ chức Đại hội Thể dục thể thao {loc} lần thứ {n}", "thể dục thể thao"),
    ("Triển khai công tác dân số và phát triển năm {y}", "dân số và phát triển"),
    ("Tổ chức các hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm {y}", "văn hóa đọc"),
    ("Tuyển chọn, gọi công dân nhập ngũ năm {y1}", "tuyển quân"),
    ("Thực hiện công tác phòng, chống dịch bệnh năm {y}", "phòng, chống dịch bệnh"),
]

NAMES = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Văn Thành", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Vũ Đức Thắng",
         "Đỗ Quang Huy", "Bùi Thị Hương", "Đặng Văn Long", "Ngô Thị Mai", "Dương Văn Thái", "Lý Thị Ngọc",
         "Phan Văn Khải", "Trịnh Xuân Trường", "Mai Thị Hồng", "Đinh Công Sơn"]

_OBJECTIVES = [
    "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và Nhân dân trên địa bàn {loc} về {t}.",
    "Triển khai đồng bộ, hiệu quả các nhiệm vụ, giải pháp về {t}, bảo đảm đúng tiến độ, chất lượng, tiết kiệm.",
    "Phát huy vai trò của cả hệ thống chính trị, sự tham gia tích cực của các tầng lớp Nhân dân trong công tác {t}.",
    "Gắn việc thực hiện nhiệm vụ {t} với việc thực hiện các mục tiêu phát triển kinh tế - xã hội năm {y} của {loc}.",
    "Tạo khí thế thi đua sôi nổi trong các cơ quan, đơn vị, góp phần hoàn thành thắng lợi các chỉ tiêu, nhiệm vụ năm {y}.",
    "Các hoạt động được tổ chức trang trọng, thiết thực, hiệu quả, phù hợp với điều kiện thực tế của địa phương.",
    "Phân công rõ trách nhiệm, cơ chế phối hợp giữa các cơ quan, đơn vị; kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.",
    "Bảo đảm an ninh chính trị, trật tự an toàn xã hội, vệ sinh môi trường trong quá trình tổ chức các hoạt động.",
]

_TASK_VERBS = ["Tham mưu xây dựng", "Tổ chức triển khai", "Chủ trì tổ chức", "Hướng dẫn, đôn đốc thực hiện",
               "Tổng hợp, báo cáo kết quả thực hiện", "Xây dựng dự toán kinh phí thực hiện", "Tuyên truyền, phổ biến",
               "Kiểm tra, giám sát việc thực hiện", "Rà soát, đánh giá", "Phối hợp tổ chức"]
_TASK_OBJECTS = ["kế hoạch chi tiết về {t}", "các hoạt động {t} trên địa bàn", "hội nghị sơ kết 6 tháng về {t}",
                 "tài liệu tuyên truyền về {t}", "chuyên mục tuyên truyền về {t} trên trang thông tin điện tử",
                 "phong trào thi đua gắn với {t}", "đoàn kiểm tra liên ngành về {t}",
                 "báo cáo kết quả {t} gửi {upper}", "lực lượng bảo đảm an ninh, trật tự phục vụ các hoạt động {t}",
                 "các điều kiện cơ sở vật chất phục vụ {t}", "khen thưởng các tập thể, cá nhân có thành tích trong {t}",
                 "pa nô, áp phích, băng rôn tuyên truyền về {t} tại các tuyến đường chính",
                 "chương trình nghệ thuật chào mừng gắn với {t}", "kinh phí thực hiện nhiệm vụ {t} trình {upper}"]
_DETAILS = [
    "Nội dung tuyên truyền tập trung vào {t}, kết quả đạt được trong năm {y0} và các nhiệm vụ trọng tâm năm {y}.",
    "Hình thức thực hiện đa dạng, phong phú, phù hợp với từng đối tượng; chú trọng ứng dụng công nghệ thông tin và mạng xã hội.",
    "Các cơ quan, đơn vị chủ động bố trí nhân lực, kinh phí; lồng ghép với các chương trình, kế hoạch khác đang triển khai trên địa bàn {loc}.",
    "Kết quả thực hiện được tổng hợp vào báo cáo định kỳ 6 tháng, hằng năm gửi {upper} theo quy định.",
    "Trong quá trình thực hiện, chú trọng công tác kiểm tra, đôn đốc, kịp thời biểu dương những cách làm hay, mô hình hiệu quả.",
    "Huy động sự tham gia của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, doanh nghiệp và Nhân dân trên địa bàn.",
    "Bảo đảm các điều kiện về địa điểm, âm thanh, ánh sáng, khánh tiết, trang trí phục vụ các hoạt động theo chương trình.",
    "Rà soát, đánh giá kết quả thực hiện giai đoạn trước, chỉ rõ tồn tại, hạn chế, nguyên nhân và đề xuất giải pháp khắc phục.",
    "Thực hiện nghiêm các quy định về tiết kiệm, chống lãng phí; không tổ chức các hoạt động mang tính hình thức.",
    "Phối hợp chặt chẽ với các cơ quan thông tấn, báo chí để thông tin kịp thời, đầy đủ các hoạt động đến cán bộ và Nhân dân.",
    "Tổ chức lấy ý kiến của các cơ quan, đơn vị có liên quan trước khi trình cấp có thẩm quyền xem xét, quyết định.",
    "Chú trọng công tác bảo đảm an toàn giao thông, phòng, chống cháy nổ, vệ sinh an toàn thực phẩm tại các điểm tổ chức hoạt động.",
]
_GENERIC_GROUPS = ["Các cơ quan, đơn vị có liên quan", "Các phòng, ban, đơn vị liên quan", "Các sở, ban, ngành tỉnh",
                   "các đơn vị có liên quan"]
_ROMAN = ["", "I", "II", "III", "IV"]
_EVENT_KINDS = [("Hội nghị triển khai {t} năm {y}", 120, 300), ("Lễ phát động phong trào thi đua về {t}", 200, 500),
                ("Hội nghị sơ kết 6 tháng thực hiện {t}", 80, 200), ("Lễ mít tinh hưởng ứng {t}", 300, 800),
                ("Hội thi tìm hiểu về {t}", 100, 400)]


def _paragraph(rng: random.Random, sentences: int, topic: str, year: int, loc: str = PROVINCE,
               upper: str = f"UBND tỉnh {PROVINCE}") -> str:
    fmt = {"t": topic, "y": year, "y0": year - 1, "loc": loc, "upper": upper}
    return " ".join(rng.choice(_DETAILS).format(**fmt) for _ in range(sentences))


def _due_text(rng: random.Random, issued: date) -> str | None:
    """A deadline as Vietnamese plans write it, after the issue date."""
    t = issued + timedelta(days=rng.randint(10, 420))
    q = (t.month - 1) // 3 + 1
    m2 = min(12, t.month + rng.randint(1, 6))
    forms = [
        (10, lambda: f"trước ngày {t.day}/{t.month}/{t.year}"),
        (6, lambda: f"trước {t.day}/{t.month}/{t.year}"),
        (4, lambda: f"chậm nhất ngày {t.day:02d}/{t.month:02d}/{t.year}"),
        (6, lambda: f"Quý {_ROMAN[q]}/{t.year}"),
        (3, lambda: f"Trong quý {_ROMAN[q]}/{t.year}"),
        (8, lambda: f"Tháng {t.month}/{t.year}"),
        (5, lambda: f"trong tháng {t.month}/{t.year}"),
        (6, lambda: f"Từ tháng {t.month}/{t.year} đến tháng {m2}/{t.year}"),
        (8, lambda: rng.choice(["thường xuyên", "Thường xuyên"])),
        (3, lambda: f"Từ tháng {t.month}/{t.year}"),
        (2, lambda: f"Cuối tháng {t.month}/{t.year}"),
        (2, lambda: f"Dự kiến trung tuần tháng {t.month}/{t.year}"),
        (4, lambda: t.isoformat()),
        (2, lambda: f"Tháng {t.month}, {t.month + 1}/{t.year}" if t.month < 12 else f"Tháng {t.month}/{t.year}"),
        (1, lambda: "trước ngày 15 hàng tháng"),
        (2, lambda: f"6 tháng đầu năm {t.year}"),
        (2, lambda: f"Tháng {t.month}/{t.year} và thường xuyên"),
        (8, lambda: None),
    ]
    weights = [w for w, _ in forms]
    return rng.choices([f for _, f in forms], weights)[0]()


def _due_end(text: str | None, issued: date) -> date | None:
    """A rough end of the deadline, only to choose a plausible status."""
    if not text:
        return None
    years = [int(y) for y in re.findall(r"(20\d\d)", text)]
    return date(max(years), 12, 31) if years else None


@dataclass
class PlanSpec:
    path: str
    text: str
    url: str


class PortalGenerator:
    """Writes a synthetic portal: registry, chuyên trang and ``n`` plans, deterministic for a seed."""

    def __init__(self, plans: int, seed: int = DEFAULT_SEED, bodies: str = "seed") -> None:
        self.n = plans
        self.bodies = bodies
        self.rng = random.Random(seed)
        self.localities = build_registry()
        self.province = self.localities[0]
        self.numbers: dict[tuple[str, int], int] = {}
        self.parents_by_topic: dict[int, list[dict[str, Any]]] = {}
        self.paths: set[str] = set()

    # -- agencies ------------------------------------------------------------------------------------
    def _pick_agencies(self, loc: Locality, k: int, exclude: set[str]) -> list[Agency]:
        pool = [a for a in loc.agencies.values() if a.weight and a.id not in exclude]
        out: list[Agency] = []
        while pool and len(out) < k:
            agency = self.rng.choices(pool, [a.weight for a in pool])[0]
            out.append(agency)
            pool.remove(agency)
        return out

    def _write_name(self, agency: Agency, issuer_loc: Locality) -> str:
        """How a plan of ``issuer_loc`` names ``agency``: short name, an alias, or the full name."""
        r = self.rng.random()
        if agency.locality != issuer_loc.slug:
            return agency.name  # another locality's agency: always the full name
        if r < 0.1:
            return agency.name
        if r < 0.25 and agency.aliases:
            return self.rng.choice(agency.aliases)
        return agency.short or agency.name

    # -- one plan ------------------------------------------------------------------------------------
    def plan(self, index: int) -> PlanSpec:
        rng = self.rng
        span = (TODAY - date(FIRST_YEAR, 1, 1)).days
        issued = date(FIRST_YEAR, 1, 1) + timedelta(days=int(span * (index + rng.random()) / self.n))
        y = issued.year
        loc = self.province if rng.random() < 0.3 else rng.choice(self.localities[1:])
        kind = rng.choices(["ubnd", "vp", "party", "dept"], [55, 15, 12, 18])[0]
        if kind == "vp":
            issuer = loc.agencies["vpub" if loc is self.province else "vp"]
        elif kind == "party":
            issuer = loc.agencies["tu" if loc is self.province else "party"]
        elif kind == "dept":
            issuer = self._pick_agencies(loc, 1, {loc.agencies["xa"].id} if "xa" in loc.agencies else set())[0]
        else:
            issuer = loc.agencies["ubnd"]
        doc_type, code_kind = rng.choices([("Kế hoạch", "KH"), ("Chương trình", "CTr"), ("Hướng dẫn", "HD")],
                                          [90, 6, 4])[0]
        seq = self.numbers.get((issuer.id, y), rng.randint(1, 30)) + rng.randint(1, 6)
        self.numbers[(issuer.id, y)] = seq
        number = f"{seq}/{code_kind}-{issuer.code or 'UBND'}" if rng.random() > 0.03 else None

        # Topic, or an anniversary plan of a chuyên trang in the year before it.
        special: list[str] = []
        topic_index = rng.randrange(len(TOPICS))
        summary_fmt, topic = TOPICS[topic_index]
        for spec in SECTIONS:
            if spec.on - timedelta(days=365) <= issued <= spec.on and rng.random() < 0.06:
                years = spec.on.year - spec.since.year
                summary = f"Tổ chức các hoạt động kỷ niệm {years} năm {spec.label} ({spec.since.year} - {spec.on.year})"
                topic = f"kỷ niệm {years} năm {spec.label}"
                special = [spec.slug]
                topic_index = -1 - SECTIONS.index(spec)
                break
        else:
            summary = summary_fmt.format(y=y, y0=y - 1, y1=y + 1, y2=y + 4, loc=loc.label.replace("tỉnh", "tỉnh"),
                                         n=rng.randint(5, 12))
        upper = f"UBND tỉnh {PROVINCE}" if loc is self.province else f"UBND {loc.kind} {loc.name}"

        # Căn cứ: an outside document, and often an earlier plan of the portal this one implements.
        basis: list[dict[str, Any]] = []
        d0 = issued - timedelta(days=rng.randint(20, 300))
        basis.append({"number": f"{rng.randint(1, 60)}-CT/TU", "issued": d0.isoformat(),
                      "issuer": f"Ban Thường vụ Tỉnh ủy {PROVINCE}", "relation": "based_on",
                      "title": f"Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường công tác {topic}"})
        parents = [p for p in self.parents_by_topic.get(topic_index, []) if p["issued"] < issued][-12:]
        if loc is not self.province and parents and rng.random() < 0.6:
            parent = rng.choice(parents)
            basis.append({"number": parent["number"], "issued": parent["issued"].isoformat(),
                          "issuer": parent["issuer"], "relation": "implements", "title": f"Kế hoạch về {topic}"})
        if loc is self.province and number and kind == "ubnd":
            self.parents_by_topic.setdefault(topic_index, []).append(
                {"number": number, "issued": issued, "issuer": f"UBND tỉnh {PROVINCE}"})

        # Tasks: 10–30, a lead (sometimes two) and 0–4 supporting agencies each.
        tasks = []
        exclude = {issuer.id}
        for t in range(rng.randint(10, 30)):
            leads = self._pick_agencies(loc, 1 if rng.random() < 0.9 else 2, exclude)
            supports = self._pick_agencies(loc, rng.choice([0, 1, 1, 2, 2, 3, 4]), exclude | {a.id for a in leads})
            if loc is self.province and rng.random() < 0.25:
                supports.append(rng.choice(self.localities[1:]).agencies["ubnd"])
            task: dict[str, Any] = {
                "title": f"{rng.choice(_TASK_VERBS)} {rng.choice(_TASK_OBJECTS).format(t=topic, upper=upper)}",
                "lead": [self._write_name(a, loc) for a in leads],
            }
            if len(task["lead"]) == 1:
                task["lead"] = task["lead"][0]
            support = [self._write_name(a, loc) for a in supports]
            if rng.random() < 0.2:
                support.append(rng.choice(_GENERIC_GROUPS))
            if support:
                task["support"] = support
            due = _due_text(rng, issued)
            if due:
                task["due"] = due
            end = _due_end(due, issued)
            if end and end < TODAY:
                task["status"] = rng.choices(["done", "in_progress", "planned"], [75, 10, 15])[0]
            elif rng.random() < 0.4:
                task["status"] = "in_progress"
            tasks.append(task)

        events = []
        for _ in range(rng.choices([0, 1, 2], [50, 35, 15])[0]):
            title_fmt, lo, hi = rng.choice(_EVENT_KINDS)
            day = issued + timedelta(days=rng.randint(7, 200))
            hour = rng.choice(["07:30", "08:00", "14:00", "19:30"])
            event: dict[str, Any] = {"title": title_fmt.format(t=topic, y=y), "start": f"{day.isoformat()} {hour}",
                                     "place": rng.choice([f"Hội trường {upper}", f"Trung tâm Hội nghị tỉnh {PROVINCE}",
                                                          f"Quảng trường trung tâm {loc.label}",
                                                          f"Nhà văn hóa {loc.label}"])}
            if rng.random() < 0.6:
                event["end"] = f"{day.isoformat()} {'11:00' if hour < '12' else '17:00' if hour < '18' else '22:00'}"
            if rng.random() < 0.7:
                event["attendees"] = rng.randint(lo, hi)
            events.append(event)

        signer_kind = {"ubnd": ("KT. Chủ tịch", "Phó Chủ tịch"), "vp": (None, "Chánh Văn phòng"),
                       "party": ("TM. Ban Thường vụ", "Phó Bí thư"), "dept": ("KT. Giám đốc", "Phó Giám đốc")}[kind]
        signer: dict[str, Any] = {"title": signer_kind[1], "name": rng.choice(NAMES)}
        if signer_kind[0]:
            signer = {"authority": signer_kind[0], **signer}
        issuer_written = issuer.name if rng.random() < 0.5 else (
            f"UBND {loc.kind} {loc.name}" if issuer is loc.agencies["ubnd"] else issuer.name)
        front: dict[str, Any] = {"doc_type": doc_type}
        if number:
            front["number"] = number
        front.update({
            "issued": issued.isoformat(),
            "place": loc.name,
            "issuer": issuer_written,
            "summary": summary,
            "signer": signer,
        })
        if special:
            front["special"] = special
        front["basis"] = basis
        front["recipients"] = [upper if issuer is not loc.agencies["ubnd"] else f"TT. {loc.agencies.get('tu', loc.agencies.get('party')).name}",
                               "Các cơ quan, đơn vị có tên tại Mục III", f"Lãnh đạo {issuer.short or issuer.name}", "Lưu: VT"]
        front["tasks"] = tasks
        if events:
            front["events"] = events
        body = self._body(front, topic, loc, upper, issuer)  # always drawn: the same plans for both variants
        if self.bodies == "short":
            body = self._short_body(front, issuer)
        slug_number = re.sub(r"[^a-z0-9]+", "-", _ascii(number or "khong-so").lower()).strip("-")
        path = f"ke-hoach/{y}/{slug_number}-{issuer.id}.md"
        if path in self.paths:
            path = f"ke-hoach/{y}/{slug_number}-{issuer.id}-{index}.md"
        self.paths.add(path)
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body
        return PlanSpec(path, text, path[:-3] + "/")

    def _body(self, front: dict[str, Any], topic: str, loc: Locality, upper: str, issuer: Agency) -> str:
        rng = self.rng
        y = int(front["issued"][:4])
        out: list[str] = []
        for ref in front["basis"]:
            out.append(f"Căn cứ {ref['title']} số {ref['number']} ngày {_vi_date(ref['issued'])} của {ref['issuer']};")
        out.append(f"{issuer.name} ban hành {front['doc_type']} {front['summary'][0].lower()}{front['summary'][1:]}, như sau:")
        out.append("## I. MỤC ĐÍCH, YÊU CẦU")
        out.append("### 1. Mục đích")
        fmt = {"t": topic, "y": y, "y0": y - 1, "loc": loc.label, "upper": upper}
        out.append("\n".join("- " + rng.choice(_OBJECTIVES).format(**fmt) for _ in range(rng.randint(2, 4))))
        out.append("### 2. Yêu cầu")
        out.append("\n".join("- " + rng.choice(_OBJECTIVES).format(**fmt) for _ in range(rng.randint(2, 3))))
        out.append("## II. NỘI DUNG")
        depth = rng.choices([1, 2, 3, 5], [30, 35, 25, 10])[0]  # how wordy this plan is
        for i, task in enumerate(front["tasks"], 1):
            out.append(f"### {i}. {task['title']}")
            out.append(_paragraph(rng, rng.randint(1, depth + 1), topic, y, loc.label, upper))
        if rng.random() < 0.3:
            rows = ["| TT | Nội dung công việc | Tiến độ | Trách nhiệm |", "|---|---|---|---|"]
            for i, task in enumerate(front["tasks"], 1):
                lead = task["lead"] if isinstance(task["lead"], str) else ", ".join(task["lead"])
                rows.append(f"| {i} | {task['title']} | {task.get('due', '')} | {lead} |")
            out.append("**Bảng phân công nhiệm vụ**\n\n" + "\n".join(rows))
        out.append("## III. TỔ CHỨC THỰC HIỆN")
        by_lead: dict[str, list[str]] = {}
        for task in front["tasks"]:
            lead = task["lead"] if isinstance(task["lead"], str) else task["lead"][0]
            by_lead.setdefault(lead, []).append(task["title"])
        for i, (lead, titles) in enumerate(by_lead.items(), 1):
            out.append(f"### {i}. {lead}")
            out.append("\n".join(f"- {title}." for title in titles))
            if depth > 2:
                out.append(_paragraph(rng, depth - 1, topic, y, loc.label, upper))
        out.append("## IV. KINH PHÍ THỰC HIỆN")
        out.append(f"Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách {loc.label} năm {y} và các nguồn "
                   "huy động hợp pháp khác theo quy định. " + _paragraph(rng, 2, topic, y, loc.label, upper))
        out.append(f"Trên đây là {front['doc_type']} {front['summary'][0].lower()}{front['summary'][1:]}. Trong quá "
                   "trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo "
                   f"{issuer.short or issuer.name} để xem xét, giải quyết./.")
        return "\n\n".join(out) + "\n"

    @staticmethod
    def _short_body(front: dict[str, Any], issuer: Agency) -> str:
        """A short body (``--bodies short``): the căn cứ, one sentence of content and the closing line."""
        what = f"{front['doc_type']} {front['summary'][0].lower()}{front['summary'][1:]}"
        out = [f"Căn cứ {ref['title']} số {ref['number']};" for ref in front["basis"]]
        out.append(f"{issuer.name} ban hành {what}. Nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan, đơn vị "
                   "được phân công tại bảng nhiệm vụ.")
        out.append(f"Trên đây là {what}./.")
        return "\n\n".join(out) + "\n"

    # -- the whole site --------------------------------------------------------------------------------
    def write(self, root: Path) -> dict[str, Any]:
        content = root / "content"
        if content.exists():
            shutil.rmtree(content)
        (content / "ke-hoach").mkdir(parents=True)
        (content / "co-quan.yml").write_text(registry_yaml(self.localities), "utf-8")
        (content / "index.md").write_text(HOME, "utf-8")
        for spec in SECTIONS:
            folder = content / "chuyen-trang" / spec.slug
            folder.mkdir(parents=True)
            (folder / "index.md").write_text(section_text(spec, self.rng), "utf-8")
        total = 0
        sample = ""
        for i in range(self.n):
            plan = self.plan(i)
            path = content / plan.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(plan.text, "utf-8")
            total += len(plan.text.encode())
            if i == self.n // 2:
                sample = plan.path
        overrides = root / "overrides-floor" / "plan-portal"
        overrides.mkdir(parents=True, exist_ok=True)
        (overrides / "home.html").write_text('{% extends "main.html" %}\n', "utf-8")
        for name, text in site_configs().items():
            (root / name).write_text(text, "utf-8")
        return {"plans": self.n, "agencies": sum(len(loc.agencies) for loc in self.localities),
                "sections": len(SECTIONS), "content_mb": round(total / 2**20, 1), "sample": sample}


HOME = """---
template: plan-portal/home.html
title: Trang chủ
description: Cổng kế hoạch thử nghiệm hiệu năng.
hide:
  - navigation
  - toc
---

# Cổng kế hoạch

Tra cứu các kế hoạch do cơ quan, đơn vị ban hành: **ai chủ trì, ai phối hợp, việc gì, hạn khi nào**.
"""


REPO = Path(__file__).resolve().parent.parent


class _ProjectLoader(yaml.SafeLoader):
    """Reads the project's mkdocs.yml: ``!ENV [NAME, default]`` gives the default, other tags their value."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return value[-1] if len(value) > 1 else None


class _PythonName(str):
    """A ``!!python/name:module.attr`` value of mkdocs.yml, written back as such."""


class _ConfigDumper(yaml.SafeDumper):
    pass


_ProjectLoader.add_constructor("!ENV", _env_tag)
_ProjectLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _PythonName(suffix))
_ConfigDumper.add_representer(
    _PythonName, lambda dumper, value: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value}", "")
)


def _project_config() -> dict[str, Any]:
    path = REPO / "mkdocs.yml"
    if not path.is_file():
        return {}
    return yaml.load(path.read_text("utf-8"), Loader=_ProjectLoader) or {}


def site_configs() -> dict[str, str]:
    """``mkdocs-portal.yml`` and ``mkdocs-floor.yml``, both from the project's ``mkdocs.yml``.

    The portal takes its theme (with the site shell in ``custom_dir``), Markdown extensions,
    plugin options, nav and ``not_in_nav``; only the build date is fixed. The floor has the same
    theme without the portal's shell, the same extensions, the plugin disabled and only the
    home page in the nav (plans out of it). Neither indexes for search (plugin option ``search``
    off: Pagefind indexing is a separate step after the build) nor runs any other plugin.
    """
    project = _project_config()
    theme = dict(project.get("theme") or {"name": "material", "language": "vi", "font": False})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    options: dict[str, Any] = {}
    for plugin in project.get("plugins") or []:
        if isinstance(plugin, dict) and "plan-portal" in plugin:
            options = {k: v for k, v in (plugin["plan-portal"] or {}).items() if v is not None}
    options["today"] = TODAY.isoformat()
    options["search"] = False  # Pagefind indexing is measured apart (docs/search.md), not in the build
    common = {
        "site_name": "Cổng kế hoạch (thử nghiệm hiệu năng)",
        "docs_dir": "content",
        "use_directory_urls": True,
        "markdown_extensions": project.get("markdown_extensions") or ["tables", "attr_list", "admonition"],
        "extra": project.get("extra") or {},
    }
    portal = {
        **common, "site_dir": "site-portal", "theme": theme,
        "plugins": [{"plan-portal": options}],
        "nav": project.get("nav") or [{"Trang chủ": "index.md"}],
        "not_in_nav": project.get("not_in_nav") or "",
    }
    floor_theme = {k: v for k, v in theme.items() if k != "custom_dir"}
    floor_theme["custom_dir"] = "overrides-floor"
    floor = {
        **common, "site_dir": "site-floor", "theme": floor_theme,
        "plugins": [{"plan-portal": {"enabled": False}}],
        "nav": [{"Trang chủ": "index.md"}],
        "not_in_nav": "/ke-hoach/**\n/chuyen-trang/**\n",
    }
    dump = lambda d: yaml.dump(d, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)  # noqa: E731
    return {"mkdocs-portal.yml": dump(portal), "mkdocs-floor.yml": dump(floor)}


def _ascii(text: str) -> str:
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _vi_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d):02d}/{int(m):02d}/{y}"


def generate(root: Path, plans: int, seed: int = DEFAULT_SEED, bodies: str = "seed") -> dict[str, Any]:
    """Write the portal into ``root`` unless the same one (plans, seed, bodies, version) is already there."""
    marker = root / ".bench.json"
    want = {"plans": plans, "seed": seed, "version": GENERATOR_VERSION, "bodies": bodies}
    if marker.is_file():
        try:
            have = json.loads(marker.read_text("utf-8"))
        except ValueError:
            have = {}
        have.setdefault("bodies", "seed")  # written before --bodies existed
        if {k: have.get(k) for k in want} == want and (root / "content").is_dir():
            for name, text in site_configs().items():
                (root / name).write_text(text, "utf-8")
            return {**have, "reused": True}
    root.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)
    info = {**want, **PortalGenerator(plans, seed, bodies).write(root)}
    marker.write_text(json.dumps(info), "utf-8")
    return {**info, "reused": False}


# --------------------------------------------------------------------------------------------------
# Runner
# --------------------------------------------------------------------------------------------------

@dataclass
class BuildResult:
    name: str
    plans: int
    exit: int
    wall: float
    cpu: float
    rss_mb: float
    pages: int
    site_mb: float
    largest_kb: float
    largest: str
    warnings: int
    plan_max_kb_without_text: float | None = None
    log_tail: str = ""
    tree_mb: float | None = None  # sampled: the build and its worker processes together

    @property
    def peak_mb(self) -> float:
        return max(self.rss_mb, self.tree_mb or 0.0)

    def line(self, ratio: float | None, cpu_ratio: float | None = None) -> str:
        parts = [
            f"build={self.name}", f"plans={self.plans}", f"pages={self.pages}", f"wall_s={self.wall:.2f}",
            f"cpu_s={self.cpu:.2f}",
            f"peak_rss_mb={self.rss_mb:.1f}", f"site_mb={self.site_mb:.1f}", f"largest_kb={self.largest_kb:.1f}",
            f"largest={self.largest or '-'}", f"ratio={ratio:.2f}" if ratio is not None else "ratio=-",
            f"cpu_ratio={cpu_ratio:.2f}" if cpu_ratio is not None else "cpu_ratio=-",
            f"warnings={self.warnings}", f"exit={self.exit}",
            f"tree_peak_mb={self.tree_mb:.1f}" if self.tree_mb is not None else "tree_peak_mb=-",
        ]
        if self.plan_max_kb_without_text is not None:
            parts.append(f"plan_max_kb_without_text={self.plan_max_kb_without_text:.1f}")
        return " ".join(parts)


class _TreeMemory:
    """Samples the memory of a process and all its descendants together (Linux ``/proc``: the sum of their
    proportional set sizes, RSS where that is missing) every 0.2 s.

    ``os.wait4`` gives the largest single process only; a build that forks workers (issue 17) or
    runs Pagefind holds the memory of all of them at once."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> int:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * self._page
        tree, todo = {self.pid}, [self.pid]
        children: dict[int, list[int]] = {}
        for pid, ppid in parents.items():
            children.setdefault(ppid, []).append(pid)
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in tree:
                    tree.add(child)
                    todo.append(child)
        return sum(self._pss(pid, rss.get(pid, 0)) for pid in tree)

    @staticmethod
    def _pss(pid: int, rss: int) -> int:
        """Proportional set size: a forked worker's pages still shared with its parent count once, not twice."""
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return rss

    def _run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(0.2)

    def stop(self) -> float | None:
        """Peak MB, or None where ``/proc`` is missing."""
        self._stop.set()
        self._thread.join()
        return self.peak / 2**20 if self.peak else None


def _run_measured(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, float, float, float, str, float | None]:
    """Run ``cmd``; return (exit code, wall seconds, CPU seconds, peak RSS MB of its largest process, stderr,
    sampled peak MB of the child and its descendants together)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        tree = _TreeMemory(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)  # the child and its waited-for children: largest RSS, summed CPU
        wall = time.perf_counter() - start
        tree_mb = tree.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return proc.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr, tree_mb


_TEXT_START = '<section class="pp-fulltext" id="toan-van"'


def _site_stats(site: Path, plans_dir: str | None) -> tuple[int, float, float, str, float | None]:
    pages = 0
    total = 0
    largest = (0, "")
    plan_max: float | None = None
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            pages += 1
            rel = path.relative_to(site).as_posix()
            if size > largest[0]:
                largest = (size, rel)
            if plans_dir and rel.startswith(plans_dir + "/") and "/trang-" not in rel and rel != f"{plans_dir}/index.html":
                html = path.read_text("utf-8", errors="replace")
                start = html.find(_TEXT_START)
                if start >= 0:
                    end = html.find("</section>", start)
                    own = len(html[start:end].encode()) if end > 0 else 0
                    without = (len(html.encode()) - own) / 1024
                    plan_max = max(plan_max or 0.0, without)
    return pages, total / 2**20, largest[0] / 1024, largest[1], plan_max


def run_build(root: Path, name: str, plans: int, *, warm: bool = False) -> BuildResult:
    """One build in its own process. The portal's cache of parsed plans (plugin option ``cache_dir``) is
    removed first, so the build parses every plan as a fresh clone would; ``warm`` keeps the one the
    previous build left (a second build of the same content)."""
    config = root / f"mkdocs-{name}.yml"
    site = root / f"site-{name}"
    if site.exists():
        shutil.rmtree(site)
    if name == "portal" and not warm:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    code, wall, cpu, rss, stderr, tree_mb = _run_measured(cmd, root, env)
    warnings = sum(1 for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR")))
    pages, site_mb, largest_kb, largest, plan_max = _site_stats(site, "ke-hoach" if name == "portal" else None) \
        if site.is_dir() else (0, 0.0, 0.0, "", None)
    return BuildResult(name, plans, code, wall, cpu, rss, pages, site_mb, largest_kb, largest, warnings,
                       plan_max, "\n".join(stderr.splitlines()[-20:]), tree_mb)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seconds_until_served(url: str, token: str, proc: subprocess.Popen, timeout: float, what: str) -> float:
    """Seconds from now (just after a save) until ``url`` serves ``token``."""
    saved = time.perf_counter()
    while True:
        page = _fetch(url)
        if page is not None and token in page:
            return time.perf_counter() - saved
        if time.perf_counter() - saved > timeout or proc.poll() is not None:
            raise RuntimeError(f"{what} never appeared")
        time.sleep(0.05)


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def serve_reload(root: Path, plans: int, sample: str, timeout: float = 1800.0, saves: int = 2, dirty: bool = False) -> str:
    """Start ``mkdocs serve`` (``--dirty``), save a plan ``saves`` times, time each reload until the new text is served."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs-portal.yml"), "-a", f"127.0.0.1:{port}"]
    cmd += ["--dirty"] if dirty else []
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    path = root / "content" / sample
    original = path.read_bytes()
    url = f"http://127.0.0.1:{port}/" + sample[:-3] + "/"
    results: list[float] = []
    front: float | None = None
    try:
        start = time.perf_counter()
        while _fetch(url) is None:
            if proc.poll() is not None or time.perf_counter() - start > timeout:
                log.seek(0)
                raise RuntimeError("mkdocs serve did not start:\n" + log.read().decode("utf-8", "replace")[-3000:])
            time.sleep(0.5)
        first = time.perf_counter() - start
        time.sleep(2.0)  # let the watcher settle
        for attempt in range(saves):
            token = f"Đoạn kiểm tra tải lại số {attempt + 1} lúc {time.time():.0f}."
            path.write_bytes(original + f"\n\n{token}\n".encode())
            results.append(_seconds_until_served(url, token, proc, timeout, "the saved text"))
            time.sleep(2.0)
        # A front matter save: its summary is on the lists, the timeline and its agencies' pages. The server
        # answers only once the whole rebuild is done, so the plan page shows it when they all do.
        token = f"điều chỉnh {time.time():.0f}"
        text = original.decode("utf-8")
        edited = re.sub(r"^(summary: .+?)(['\"]?)$", lambda m: f"{m.group(1)} ({token}){m.group(2)}", text, count=1,
                        flags=re.M)
        if edited != text:
            path.write_bytes(edited.encode("utf-8"))
            front = _seconds_until_served(url, token, proc, timeout, "the saved summary")
    finally:
        path.write_bytes(original)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
    reloads = " ".join(f"reload_{i + 1}_s={s:.2f}" for i, s in enumerate(results))
    kind = "reload-dirty" if dirty else "reload"
    front_s = f" reload_front_matter_s={front:.2f}" if front is not None else ""
    return f"serve={kind} plans={plans} first_page_s={first:.2f} {reloads}{front_s} page={sample[:-3]}/"


@dataclass
class SearchResult:
    """Pagefind over the portal's site, as the plugin runs it (``plan_portal.search.index_site``)."""

    plans: int
    exit: int
    wall: float
    cpu: float
    rss_mb: float  # Python and the Pagefind runs together (sampled), or the largest of them
    indexed: int
    parts: int
    bundle_mb: float
    log_tail: str = ""

    def line(self, build: BuildResult | None) -> str:
        share = f"{self.wall / build.wall:.2f}" if build is not None and build.wall > 0 else "-"
        total = f"{build.peak_mb + self.rss_mb:.1f}" if build is not None else "-"
        return " ".join([
            "search=pagefind", f"plans={self.plans}", f"indexed={self.indexed}", f"parts={self.parts}",
            f"wall_s={self.wall:.2f}", f"cpu_s={self.cpu:.2f}", f"peak_rss_mb={self.rss_mb:.1f}",
            f"bundle_mb={self.bundle_mb:.1f}", f"of_build={share}", f"build_with_search_peak_mb={total}",
            f"exit={self.exit}",
        ])


_INDEX = ("import sys\nfrom plan_portal.search import index_site\n"
          "r = index_site(sys.argv[1])\nprint('indexed=%d parts=%d' % (r.pages, r.parts), file=sys.stderr)\n")


def run_search(root: Path, plans: int) -> SearchResult:
    """Index the portal's built site with Pagefind exactly as the plugin does after ``mkdocs build``.

    Its peak memory is that of Python and its Pagefind child together (sampled; Python's part is ~40 MB).
    ``build_with_search_peak_mb`` adds it to the build's: the plugin runs Pagefind at the end of the
    build, as a child of the build's process, which still holds its memory (an upper bound)."""
    site = root / "site-portal"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    code, wall, cpu, rss, text, tree_mb = _run_measured([sys.executable, "-c", _INDEX, str(site)], root, env)
    found = re.search(r"indexed=(\d+) parts=(\d+)", text)
    bundle = site / "pagefind"
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()) if bundle.is_dir() else 0
    return SearchResult(plans, code, wall, cpu, max(rss, tree_mb or 0.0), int(found.group(1)) if found else 0,
                        int(found.group(2)) if found else 0, size / 2**20, "\n".join(text.splitlines()[-20:]))


@dataclass
class Row:
    """One line of the summary table: a portal size and body variant."""

    plans: int
    bodies: str
    portal: BuildResult | None = None
    floor: BuildResult | None = None
    search: SearchResult | None = None
    reload: str = ""
    warm: BuildResult | None = None  # --warm: a second portal build, with the first one's cache of parsed plans


def _num(value: float | None, fmt: str = "{:.1f}") -> str:
    return fmt.format(value) if value is not None else "–"


def table(rows: list[Row]) -> str:
    """The Markdown table of docs/performance.md for all the sizes of one run."""
    head = ("| bodies | plans | portal s | floor s | portal / floor | portal warm s | warm / floor | portal peak MB "
            "| floor peak MB | Pagefind s | Pagefind peak MB | Pagefind / portal | build + search peak MB | save → reload s |")
    out = [head, "|" + " --- |" * 2 + " ---: |" * 12]
    for r in rows:
        p, f, s, w = r.portal, r.floor, r.search, r.warm
        ratio = p.wall / f.wall if p and f and f.wall > 0 else None
        warm_ratio = w.wall / f.wall if w and f and f.wall > 0 else None
        share = s.wall / p.wall if s and p and p.wall > 0 else None
        total = p.peak_mb + s.rss_mb if p and s else None
        out.append(" | ".join([
            f"| {r.bodies}", f"{r.plans:,}", _num(p and p.wall), _num(f and f.wall), _num(ratio, "**{:.2f}**"),
            _num(w and w.wall), _num(warm_ratio, "**{:.2f}**"), _num(p and p.peak_mb, "{:,.0f}"), _num(f and f.peak_mb, "{:,.0f}"), _num(s and s.wall),
            _num(s and s.rss_mb, "{:,.0f}"), _num(share, "{:.2f}"), _num(total, "{:,.0f}"), r.reload or "–",
        ]) + " |")
    return "\n".join(out)


def _int_list(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from None
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"expected positive numbers, got {text!r}")
    return values


def _bodies_list(text: str) -> list[str]:
    values = [part.strip() for part in text.split(",") if part.strip()]
    if not values or any(v not in ("seed", "short") for v in values):
        raise argparse.ArgumentTypeError(f"expected seed, short or seed,short; got {text!r}")
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=_int_list, default=[1000],
                        help="number of plans to generate (default 1000); several, comma-separated (1000,5000,10000) "
                             "for one table")
    parser.add_argument("--bodies", type=_bodies_list, default=["seed"],
                        help="plan bodies: seed (full texts of realistic length, default), short (a few lines), "
                             "or seed,short for both")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it (reused if already generated); "
                        "with several sizes or body variants, into DIR/<plans>-<bodies>")
    parser.add_argument("--only", choices=["portal", "floor", "none"], help="run one build only (or none)")
    parser.add_argument("--search", action="store_true",
                        help="also index the portal's site with Pagefind as the plugin does; time and peak memory")
    parser.add_argument("--serve-reload", action="store_true",
                        help="also time a save-to-reload in mkdocs serve (at the smallest size, first body variant)")
    parser.add_argument("--serve-dirty", action="store_true", help="also time it in mkdocs serve --dirty (likewise)")
    parser.add_argument("--warm", action="store_true",
                        help="also time a second portal build that reuses the first one's cache of parsed plans")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed of the generator")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each build N times, alternating portal and floor, and report the fastest of each")
    args = parser.parse_args(argv)

    combos = [(n, bodies) for n in args.plans for bodies in args.bodies]
    single = len(combos) == 1
    base = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="plan-portal-bench-"))
    status = 0
    rows: list[Row] = []
    try:
        for plans, bodies in combos:
            root = base if single else base / f"{plans}-{bodies}"
            row = Row(plans, bodies)
            rows.append(row)
            status |= _run_size(root, plans, bodies, args, row, serve=plans == min(args.plans) and bodies == args.bodies[0])
        if not single or args.search:
            print("\n" + table(rows), flush=True)
        return status
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


def _run_size(root: Path, plans: int, bodies: str, args: argparse.Namespace, row: Row, *, serve: bool) -> int:
    start = time.perf_counter()
    info = generate(root, plans, args.seed, bodies)
    print(f"# generated plans={info['plans']} agencies={info['agencies']} sections={info['sections']} "
          f"content_mb={info['content_mb']} seed={args.seed} bodies={bodies} reused={info['reused']} "
          f"seconds={time.perf_counter() - start:.1f} dir={root}", flush=True)
    names = ["portal", "floor"] if args.only is None else ([] if args.only == "none" else [args.only])
    if args.search and "portal" not in names and not (root / "site-portal" / "index.html").is_file():
        names = ["portal", *names]  # nothing to index yet
    results: dict[str, BuildResult] = {}
    for round_ in range(max(1, args.repeat)):
        # Alternate the order, keep each build's fastest run: a shared machine's speed drifts.
        for name in names if round_ % 2 == 0 else list(reversed(names)):
            result = run_build(root, name, plans)
            best = results.get(name)
            if best is None or result.exit != 0 or (best.exit == 0 and result.wall < best.wall):
                results[name] = result
    floor = results.get("floor")
    status = 0
    for name, result in results.items():
        ok = floor is not None and floor.exit == 0 and floor.wall > 0 and floor.cpu > 0
        ratio = result.wall / floor.wall if ok else None
        cpu_ratio = result.cpu / floor.cpu if ok else None
        print(result.line(ratio, cpu_ratio), flush=True)
        if result.exit != 0:
            status = 1
            print(f"# {name} build failed:\n" + result.log_tail, file=sys.stderr)
    row.portal, row.floor = results.get("portal"), floor
    if args.warm and row.portal is not None and row.portal.exit == 0:
        row.warm = run_build(root, "portal", plans, warm=True)
        row.warm.name = "portal_warm"
        ok = floor is not None and floor.exit == 0 and floor.wall > 0
        print(row.warm.line(row.warm.wall / floor.wall if ok else None,
                            row.warm.cpu / floor.cpu if ok and floor.cpu > 0 else None), flush=True)
        status |= 1 if row.warm.exit != 0 else 0
    if args.search:
        search = run_search(root, plans)
        row.search = search
        print(search.line(row.portal), flush=True)
        if search.exit != 0 or not search.indexed:
            status = 1
            print("# Pagefind failed:\n" + search.log_tail, file=sys.stderr)
    for wanted, dirty in ((args.serve_reload, False), (args.serve_dirty, True)):
        if serve and wanted:
            line = serve_reload(root, plans, info["sample"], dirty=dirty)
            print(line, flush=True)
            cell = " / ".join(re.findall(r"reload_\d+_s=([\d.]+)", line))
            front = re.search(r"reload_front_matter_s=([\d.]+)", line)
            cell += f", front matter {front.group(1)}" if front else ""
            row.reload = (row.reload + "; " if row.reload else "") + ("`--dirty` " if dirty else "") + cell
    return status


if __name__ == "__main__":
    sys.exit(main())
