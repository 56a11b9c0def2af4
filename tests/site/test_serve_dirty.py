"""Rebuilds under ``mkdocs serve --dirty`` (``scripts/serve``): a save re-renders only what it changes (issue 17).

MkDocs keeps the plugin between rebuilds (it has ``on_startup``) and reloads the config each time;
these tests do the same with ``load_config`` + ``build(dirty=True)`` on one site folder. After each
save, every page of the dirty site must be byte for byte what a clean build of the same content
gives, and pages the save does not touch must not be written again.
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from portal_testing import capture_warnings, make_config, write_files
from test_build import REGISTRY as BUILD_REGISTRY

# The Cẩm Phả registry of the build tests, and one agency no plan names (a page no save touches).
REGISTRY = BUILD_REGISTRY + """- id: phong-tc-cam-pha
  name: Phòng Tài chính thành phố Cẩm Phả
  short: Phòng Tài chính
  parent: ubnd-tp-cam-pha
"""

PLAN = """
---
number: 48/KH-UBND
issued: 2023-02-20
issuer: UBND thành phố Cẩm Phả
summary: Tổ chức các hoạt động Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh
special: [ky-niem-60-nam]
basis:
  - {number: 19/KH-UBND, issued: 2023-02-02, issuer: UBND tỉnh Quảng Ninh, relation: implements, title: Kế hoạch của tỉnh}
tasks:
  - title: Xây dựng Kế hoạch thi đua đặc biệt
    lead: Phòng Nội vụ
    due: "trước 25/3/2023"
  - title: Gắn biển công trình
    lead: Phòng Văn hóa và Thông tin
    due: "Từ tháng 3/2023 đến tháng 9/2023"
---
Toàn văn của kế hoạch.
"""

OTHER = """
---
number: 7/KH-UBND
issued: 2022-05-02
issuer: UBND thành phố Cẩm Phả
summary: Kế hoạch thu ngân sách
tasks:
  - title: Rà soát nguồn thu
    lead: Phòng Tài chính
    due: "Quý IV/2024"
---
Toàn văn.
"""

FILES = {
    "co-quan.yml": REGISTRY,
    "ke-hoach/2023/48-kh-ubnd.md": PLAN,
    "ke-hoach/2023/19-kh-ubnd.md": "---\nnumber: 19/KH-UBND\nissued: 2023-02-02\nissuer: UBND tỉnh Quảng Ninh\n"
                                   "summary: Tổ chức các hoạt động Kỷ niệm 60 năm của tỉnh\n---\nToàn văn.\n",
    "ke-hoach/2022/7-kh-ubnd.md": OTHER,
    "chuyen-trang/ky-niem-60-nam/index.md": "---\ntitle: Kỷ niệm 60 năm\n---\nGiới thiệu chuyên trang.\n",
    "index.md": "# Trang chủ\n",
}

SAVED = "ke-hoach/2023/48-kh-ubnd.md"
PLAN_PAGE = "ke-hoach/2023/48-kh-ubnd/index.html"
LEAD_PAGE = "co-quan/phong-vhtt-cam-pha/index.html"  # leads the edited task
UNRELATED_AGENCY = "co-quan/phong-tc-cam-pha/index.html"  # only in the other plan


class Serve:
    """One ``mkdocs serve --dirty`` session: the same plugin instance, the config reloaded at each build."""

    def __init__(self, root: Path) -> None:
        self.root = root
        write_files(root / "content", dict(FILES))
        make_config(root)
        config = load_config(str(root / "mkdocs.yml"))
        self.plugin = config.plugins["plan-portal"]
        self.plugin.on_startup(command="serve", dirty=True)

    def build(self) -> None:
        config = load_config(str(self.root / "mkdocs.yml"))
        assert config.plugins["plan-portal"] is self.plugin
        build(config, dirty=True)
        self.plugin._dirty.wait_exports()

    def save(self, old: str, new: str) -> None:
        path = self.root / "content" / SAVED
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")

    def stamps(self) -> dict[str, int]:
        site = self.root / "site"
        # (404.html is a theme template: MkDocs renders it at every build)
        return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html") if p.name != "404.html"}


@pytest.fixture
def serve(tmp_path):
    session = Serve(tmp_path / "serve")
    with capture_warnings() as messages:
        yield session
    problems = [m for m in messages if "'dirty' build" not in m]
    session.plugin.on_shutdown()
    session.plugin.on_startup(command="build", dirty=False)  # the instance is shared by every build of the process
    assert problems == []


def _clean_build(serve: Serve, tmp_path: Path) -> Path:
    """A plain ``mkdocs build`` of the serve session's content, in another folder."""
    root = tmp_path / "clean"
    write_files(root / "content", {})
    for path in (serve.root / "content").rglob("*"):
        if path.is_file():
            target = root / "content" / path.relative_to(serve.root / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    make_config(root)
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["plan-portal"]
    plugin.on_startup(command="build", dirty=False)
    build(config)
    return root / "site"


def _same_site(dirty: Path, clean: Path) -> list[str]:
    """Files that differ between the two sites (or exist in one only)."""
    different = []
    names = {str(p.relative_to(dirty)) for p in dirty.rglob("*") if p.is_file()}
    names |= {str(p.relative_to(clean)) for p in clean.rglob("*") if p.is_file()}
    names.discard("bien-tap/kiem-tra.json")  # the editor's check: under serve it carries the build's number
    for name in sorted(names):
        a, b = dirty / name, clean / name
        if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            different.append(name)
    return different


def test_a_body_edit_renders_only_the_plan_page(serve, tmp_path):
    serve.build()
    before = serve.stamps()
    serve.save("Toàn văn của kế hoạch.", "Toàn văn của kế hoạch, sửa lần một.")
    serve.build()
    after = serve.stamps()
    assert not serve.plugin._rebuilt  # the catalog still holds: only the body changed
    assert "sửa lần một" in (serve.root / "site" / PLAN_PAGE).read_text("utf-8")
    assert sorted(name for name in after if after[name] != before.get(name)) == [PLAN_PAGE]
    assert _same_site(serve.root / "site", _clean_build(serve, tmp_path)) == []


def test_a_front_matter_edit_reaches_every_page_that_shows_the_plan(serve, tmp_path):
    serve.build()
    before = serve.stamps()
    serve.save("Gắn biển công trình", "Gắn biển công trình chào mừng")
    serve.save("summary: Tổ chức các hoạt động", "summary: Tổ chức trọng thể các hoạt động")
    serve.build()
    after = serve.stamps()
    site = serve.root / "site"
    assert serve.plugin._rebuilt
    assert "Gắn biển công trình chào mừng" in (site / PLAN_PAGE).read_text("utf-8")
    assert "Gắn biển công trình chào mừng" in (site / LEAD_PAGE).read_text("utf-8")  # its lead agency
    assert "Gắn biển công trình chào mừng" in (site / "dong-thoi-gian/index.html").read_text("utf-8")  # the timeline
    assert "Tổ chức trọng thể các hoạt động" in (site / "ke-hoach/index.html").read_text("utf-8")  # the list
    assert "Tổ chức trọng thể các hoạt động" in (site / "ke-hoach/2023/19-kh-ubnd/index.html").read_text("utf-8")
    changed = {name for name in after if after[name] != before.get(name)}
    assert {PLAN_PAGE, LEAD_PAGE, "ke-hoach/index.html", "dong-thoi-gian/index.html"} <= changed
    assert UNRELATED_AGENCY not in changed and "ke-hoach/2022/7-kh-ubnd/index.html" not in changed
    assert _same_site(site, _clean_build(serve, tmp_path)) == []


def test_a_registry_edit_renders_everything_again(serve, tmp_path):
    serve.build()
    registry = serve.root / "content/co-quan.yml"
    registry.write_text(registry.read_text("utf-8").replace("Phòng Tài chính thành phố", "Phòng Tài chính - Kế hoạch thành phố"),
                        "utf-8")
    os.utime(registry, ns=(registry.stat().st_atime_ns, registry.stat().st_mtime_ns + 10**9))
    serve.build()
    assert "Phòng Tài chính - Kế hoạch" in (serve.root / "site" / UNRELATED_AGENCY).read_text("utf-8")
    assert _same_site(serve.root / "site", _clean_build(serve, tmp_path)) == []


def test_a_new_and_a_deleted_plan(serve, tmp_path):
    serve.build()
    write_files(serve.root / "content", {"ke-hoach/2024/3-kh-ubnd.md": OTHER.replace("7/KH-UBND", "3/KH-UBND")
                                         .replace("2022-05-02", "2024-01-03").replace("Rà soát", "Kiểm kê")})
    (serve.root / "content/ke-hoach/2022/7-kh-ubnd.md").unlink()
    serve.build()
    site = serve.root / "site"
    assert "Kiểm kê nguồn thu" in (site / UNRELATED_AGENCY).read_text("utf-8")
    assert not (site / "ke-hoach/2022/7-kh-ubnd/index.html").exists()
    assert _same_site(site, _clean_build(serve, tmp_path)) == []


def test_the_nav_of_a_rendered_page_keeps_the_titles_of_skipped_pages(serve, tmp_path):
    serve.build()
    serve.save("Toàn văn của kế hoạch.", "Toàn văn, sửa.")
    serve.build()
    serve.save("Toàn văn, sửa.", "Toàn văn, sửa lần hai.")
    serve.build()
    clean = _clean_build(serve, tmp_path)
    assert (serve.root / "site" / PLAN_PAGE).read_bytes() == (clean / PLAN_PAGE).read_bytes()


def test_an_edited_template_of_the_custom_dir_renders_everything_again(serve):
    overrides = serve.root / "overrides" / "plan-portal"
    overrides.mkdir(parents=True)
    template = overrides / "agency.html"
    template.write_text('{% extends "main.html" %}{% block content %}Mẫu riêng số 1{% endblock %}', "utf-8")
    make_config(serve.root, theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    serve.build()
    assert "Mẫu riêng số 1" in (serve.root / "site" / UNRELATED_AGENCY).read_text("utf-8")
    template.write_text('{% extends "main.html" %}{% block content %}Mẫu riêng số 2{% endblock %}', "utf-8")
    serve.build()
    assert "Mẫu riêng số 2" in (serve.root / "site" / UNRELATED_AGENCY).read_text("utf-8")
