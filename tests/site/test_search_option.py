"""Search is an option of the plugin: a site that lists the plugin alone (no hooks) gets the search
page and the Pagefind index; ``search: false`` leaves both out."""

from __future__ import annotations

from portal_testing import CAM_PHA_REGISTRY, TODAY, build_site

PLAN = """
---
number: 48/KH-UBND
issued: 2023-02-20
issuer: UBND thành phố Cẩm Phả
summary: Tổ chức các hoạt động kỷ niệm
---
Toàn văn kế hoạch về hoạt động kỷ niệm.
"""

FILES = {"co-quan.yml": CAM_PHA_REGISTRY, "ke-hoach/2023/48-kh-ubnd.md": PLAN}


def test_the_plugin_alone_gives_search(tmp_path):
    built = build_site(tmp_path, dict(FILES), plugins=[{"plan-portal": {"today": TODAY}}])
    assert built.error is None, built.error
    assert not [m for m in built.messages if "tìm kiếm" in m], built.messages
    page = built.html("tim-kiem/")
    assert page.select_one("[data-pp-search]") is not None
    assert (built.site_dir / "pagefind" / "pagefind.js").is_file()
    assert (built.site_dir / "assets" / "plan-portal" / "search" / "search.js").is_file()


def test_search_can_be_turned_off(tmp_path):
    built = build_site(tmp_path, dict(FILES), plugins=[{"plan-portal": {"today": TODAY, "search": False}}])
    assert built.error is None, built.error
    assert not (built.site_dir / "tim-kiem").exists() and not (built.site_dir / "pagefind").exists()
    assert built.html("ke-hoach/").select(".pp-header-search") == []  # no link to a page that is not built
