"""Whole content folders from hypothesis: random trees of plans, registries, chuyên trang, agency
introductions, links and symbolic links (issue 13).

For every tree, ``plan-portal check`` and a normal MkDocs build both end without a traceback, the
built site holds no byte of the files outside the content folder (each carries a marker), no page
runs script or loads anything from another host, and every Markdown file of the plans folder is
either a plan page or named on the build report.

Bounded by the number of trees, not by time: ``PLAN_PORTAL_FUZZ_TREES`` (default 15 in CI) with
hypothesis' derandomised (fixed-seed) search, so CI sees the same trees on every run. Locally:
``PLAN_PORTAL_FUZZ_TREES=300 .venv/bin/python -m pytest tests/robustness/test_fuzz_content.py``, and
``PLAN_PORTAL_FUZZ_SEED=13`` for another fixed set of trees.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from plan_portal.cli import check
from plan_portal.core.loader import default_url
from portal_testing import build_site
from test_corpus import active_content
from trust_cases import MARKER, OUTSIDE

TREES = int(os.environ.get("PLAN_PORTAL_FUZZ_TREES", "15"))
SEED = os.environ.get("PLAN_PORTAL_FUZZ_SEED")  # other trees than CI's, reproducibly: PLAN_PORTAL_FUZZ_SEED=13

FOLDERS = ["ke-hoach", "ke-hoach/2023", "ke-hoach/2024/quy-3", "ke-hoach/.an", "ke-hoach/thu muc", "chuyen-trang/s1",
           "chuyen-trang/s2", "chuyen-trang/Sai Ten", "co-quan", "", "tai-lieu", "ke-hoach/x.md"]
NAMES = ["a.md", "b.md", "index.md", "README.md", ".nhap.md", "VIET-HOA.MD", "kế hoạch.md", "c.markdown", "anh.jpg",
         "tep.pdf", "phong-noi-vu-cam-pha.md", "co-quan.yml"]
# Where links and references point: inside, outside with ../, absolute, other hosts, scripts.
TARGETS = ["anh.jpg", "../anh.jpg", "../../../ngoai/bi-mat.txt", "../../../../../../../etc/passwd", "/etc/passwd",
           "file:///etc/passwd", "http://example.org/x.png", "//example.org/y.png", "javascript:alert(1)",
           "data:text/html,<script>alert(1)</script>", "tep.pdf", "../2023/a.md", "#muc", "C:\\Windows\\win.ini",
           "%2e%2e/%2e%2e/%2e%2e/ngoai/anh.jpg", "..\\..\\ngoai\\anh.jpg"]
TEXT = st.sampled_from(["Kế hoạch", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Tổ chức «lễ»",
                        "a: b", "'", "[", "", "<iframe src=//example.org>", MARKER[:6], "2023-02-30", "Phòng Nội vụ"])
DATES = st.sampled_from(["2023-02-20", "20/2/2023", "2031-01-01", "1900-01-01", "Quý III/2024", "sau tết", "2023-13-01",
                         "", "[1, 2]", "2023-10-30 07:30"])


@st.composite
def plan_text(draw) -> str:
    lines = ["---"]
    for key, value in (("number", draw(TEXT)), ("issued", draw(DATES)), ("issuer", draw(TEXT)),
                       ("summary", draw(TEXT)), ("special", draw(st.sampled_from(["[s1, s1]", "[s2]", "[khong-co]", ""]))),
                       ("banner", draw(st.sampled_from(["", "anh.jpg", "../../../ngoai/anh.jpg"])))):
        if draw(st.booleans()):
            lines.append(f"{key}: {value!r}" if value and value[0] in "<'[*&" else f"{key}: {value}")
    if draw(st.booleans()):
        lines.append(f"events:\n  - {{title: Lễ, start: '{draw(DATES)}', end: '{draw(DATES)}'}}")
    if draw(st.booleans()):
        lines.append(f"tasks:\n  - {{title: Việc, lead: {draw(TEXT)!r}, due: '{draw(DATES)}'}}")
    if draw(st.booleans()):
        lines.append("anniversaries:\n  - {label: Kỷ niệm, since: " + f"'{draw(DATES)}', on: '{draw(DATES)}'" + "}")
    body = []
    for target in draw(st.lists(st.sampled_from(TARGETS), max_size=4)):
        body.append(draw(st.sampled_from(["[x]({})", "![x]({})", '<img src="{}">', '<a href="{}">x</a>', "[r]: {}"]))
                    .format(target))
    head = "\n".join(lines) + "\n---\n" if draw(st.booleans()) else ""
    return head + "\n\n".join(body) + "\n" + draw(TEXT) + "\n"


REGISTRY = st.sampled_from([
    "", "- id: ubnd-tp-cam-pha\n  name: Ủy ban nhân dân thành phố Cẩm Phả\n  short: UBND thành phố Cẩm Phả\n",
    "- id: phong-noi-vu-cam-pha\n  name: Phòng Nội vụ\n  parent: khong-co\n", "[", "- 1\n- id: ../../etc\n  name: x\n",
])

ENTRY = st.one_of(
    st.tuples(st.just("file"), st.sampled_from(FOLDERS), st.sampled_from(NAMES), plan_text()),
    st.tuples(st.just("registry"), st.just(""), st.just("co-quan.yml"), REGISTRY),
    st.tuples(st.just("outside"), st.sampled_from(FOLDERS), st.sampled_from(NAMES + ["lien-ket"]),
              st.sampled_from(sorted(OUTSIDE) + ["thu-muc", "khong-co"])),
    st.tuples(st.just("inside"), st.sampled_from(FOLDERS), st.sampled_from(NAMES + ["lien-ket"]),
              st.sampled_from(["ke-hoach/2023/a.md", "tai-lieu", "anh.jpg", "chuyen-trang/s1", "khong-co"])),
)


def write_tree(root: Path, entries: list[tuple[str, str, str, str]]) -> Path:
    content = root / "content"
    content.mkdir()
    for rel, text in OUTSIDE.items():
        path = root / "ngoai" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    folder_links = 0
    for kind, folder, name, payload in entries:
        where = content / folder if folder else content
        target_path = where / name
        if target_path.exists() or target_path.is_symlink():
            continue
        try:
            where.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            continue  # a file already took the folder's name
        if kind in ("file", "registry"):
            target_path.write_text(payload, "utf-8")
        else:
            target = (root / "ngoai" / payload) if kind == "outside" else content / payload
            if kind == "inside" and (target.is_dir() or payload in ("tai-lieu", "chuyen-trang/s1")):
                folder_links += 1
                if folder_links > 1:  # two folder links can make MkDocs' own walk branch exponentially
                    continue
            target_path.symlink_to(os.path.relpath(target, target_path.parent))
    return content


def remote_loads(site_dir: Path) -> list[str]:
    """Attributes of the built HTML that make the browser fetch something from another host."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        for tag in soup.find_all(["img", "video", "audio", "source", "track", "iframe", "embed", "object", "link",
                                  "script"]):
            for name in ("src", "srcset", "poster", "data") + (("href",) if tag.name == "link" else ()):
                value = str(tag.get(name) or "")
                if re.match(r"\s*(?:[a-z][a-z0-9+.\-]*:|//)", value, re.IGNORECASE) and not value.startswith("data:"):
                    found.append(f"{page.relative_to(site_dir)}: <{tag.name} {name}={value[:60]}>")
    return found


@(seed(int(SEED)) if SEED else (lambda test: test))
@settings(max_examples=TREES, deadline=None, derandomize=SEED is None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(ENTRY, min_size=1, max_size=12))
def test_random_content_folders(entries):
    root = Path(tempfile.mkdtemp(prefix="pp-fuzz-"))
    try:
        content = write_tree(root, entries)
        catalog, problems = check(content)
        shown = "\n".join(p.format() for p in problems)
        assert MARKER not in shown
        built = build_site(root, plugin_options={"exports": True})
        assert built.error is None, built.error
        site = built.site_dir
        leaked = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
                  and MARKER.encode() in p.read_bytes()]
        assert leaked == []
        assert not any(MARKER in m for m in built.messages)
        for path in site.rglob("*"):
            assert path.resolve().is_relative_to(site.resolve()), path
        assert active_content(site) == []
        assert remote_loads(site) == []
        # No silent drop: every Markdown file of the plans folder has a page or is on the report.
        report = (site / "bao-cao" / "index.html").read_text("utf-8")
        for entry in catalog.entries:
            assert (site / default_url(entry.path) / "index.html").is_file() or entry.path in report, entry.path
        for problem in problems:
            assert problem.path in report, problem.format()
    finally:
        shutil.rmtree(root, ignore_errors=True)
