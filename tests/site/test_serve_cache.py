"""Rebuilds under ``mkdocs serve``: unchanged plans come from the cache, saved ones are read again.

MkDocs keeps a plugin with ``on_startup`` alive between the rebuilds of ``mkdocs serve`` and
reloads the config each time; these tests do the same with ``load_config`` + ``build``.
"""

from __future__ import annotations

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from portal_testing import CAM_PHA_REGISTRY, capture_warnings, make_config, write_files

BASE = {
    "co-quan.yml": CAM_PHA_REGISTRY,
    "ke-hoach/2023/48-kh-ubnd.md": """
---
number: 48/KH-UBND
issued: 2023-02-20
issuer: UBND thành phố Cẩm Phả
summary: Tổ chức các hoạt động Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh
tasks:
  - title: Xây dựng Kế hoạch thi đua đặc biệt
    lead: Phòng Nội vụ
    due: "trước 25/3/2023"
  - title: Gắn biển công trình
    lead: Phòng Văn hóa và Thông tin
    due: "Quý III/2023"
---
Toàn văn.
""",
    "ke-hoach/2023/19-kh-ubnd.md": """
---
number: 19/KH-UBND
issued: 2023-02-02
issuer: UBND thành phố Cẩm Phả
summary: Một kế hoạch khác
---
Toàn văn.
""",
}


def _rebuild(root):
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["plan-portal"]
    build(config)
    return plugin


@pytest.fixture
def serving(tmp_path):
    """A small site, and a plugin told it runs under ``mkdocs serve``; told it is a plain build afterwards."""
    write_files(tmp_path / "content", dict(BASE))
    make_config(tmp_path)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["plan-portal"]
    plugin.on_startup(command="serve", dirty=False)
    with capture_warnings() as messages:
        yield tmp_path, messages
    plugin.on_startup(command="build", dirty=False)  # the instance is shared by every build of the process


def test_a_save_rereads_only_the_saved_plan(serving):
    root, messages = serving
    plugin = _rebuild(root)
    assert (plugin._cache.hits, plugin._cache.misses) == (0, 2)
    plan = root / "content/ke-hoach/2023/48-kh-ubnd.md"
    plan.write_text(plan.read_text("utf-8").replace("Gắn biển công trình", "Gắn biển công trình chào mừng"), "utf-8")
    plugin = _rebuild(root)
    assert (plugin._cache.hits, plugin._cache.misses) == (1, 3)
    html = (root / "site/ke-hoach/2023/48-kh-ubnd/index.html").read_text("utf-8")
    assert "Gắn biển công trình chào mừng" in html
    agency = (root / "site/co-quan/phong-vhtt-cam-pha/index.html").read_text("utf-8")
    assert "Gắn biển công trình chào mừng" in agency  # generated pages see the new content
    assert messages == []


def test_cached_plans_still_report_their_problems_with_lines(serving):
    root, messages = serving
    broken = "ke-hoach/2024/1-kh.md"
    write_files(root / "content", {broken: "---\nissued: 2024-01-05\nissuer: UBND thành phố Cẩm Phả\nsummary: Thử\n"
                                          "tasks:\n  - title: Việc\n    lead: Phòng Không Có\n---\nVăn bản.\n"})
    _rebuild(root)
    first = [m for m in messages if broken in m]
    assert first and all(f"{broken}:7:" in m for m in first if "Phòng Không Có" in m)
    messages.clear()
    plugin = _rebuild(root)  # nothing changed: every plan from the cache, the same problems
    assert plugin._cache.hits == 3
    assert [m for m in messages if broken in m] == first


def test_a_deleted_plan_leaves_the_site_and_the_cache(serving):
    root, messages = serving
    _rebuild(root)
    (root / "content/ke-hoach/2023/19-kh-ubnd.md").unlink()
    plugin = _rebuild(root)
    assert len(plugin._cache) == 1
    listing = (root / "site/ke-hoach/index.html").read_text("utf-8")
    assert "19/KH-UBND" not in listing and "48/KH-UBND" in listing


def test_a_plain_build_keeps_no_cache(tmp_path):
    write_files(tmp_path / "content", dict(BASE))
    make_config(tmp_path)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins["plan-portal"].on_startup(command="build", dirty=False)
    build(config)
    assert config.plugins["plan-portal"]._cache is None
