"""Links to data files follow the ``exports`` option: no link to a file the build does not write."""

from __future__ import annotations

from pathlib import Path

from portal_testing import CAM_PHA_REGISTRY

from plan_portal.core.exports import export_names

TEMPLATES = Path(__file__).resolve().parents[2] / "plugins" / "plan_portal" / "templates"

PLAN = """
---
number: 48/KH-UBND
issued: 2023-02-20
issuer: UBND thành phố Cẩm Phả
summary: Kế hoạch thử
tasks:
  - {title: Việc một, lead: Phòng Nội vụ, due: "trước 25/9/2024"}
events:
  - {title: Hội nghị, start: 2024-10-30}
---
Toàn văn.
"""

FILES = {"co-quan.yml": CAM_PHA_REGISTRY, "ke-hoach/2023/48-kh-ubnd.md": PLAN}


def _feed_links(site_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html") if "lich.ics" in p.read_text("utf-8"))


def test_templates_build_no_feed_url() -> None:
    """Templates ask core/urls.py for links; none writes a data file's name."""
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "lich.ics" not in text and "du-lieu" not in text, path


def test_feeds_are_linked_when_exported(site):
    built = site(dict(FILES))
    assert built.error is None, built.error
    assert (built.site_dir / "dong-thoi-gian" / "lich.ics").is_file()
    assert (built.site_dir / "co-quan" / "phong-noi-vu-cam-pha" / "lich.ics").is_file()
    assert _feed_links(built.site_dir) == [
        "co-quan/phong-noi-vu-cam-pha/index.html", "co-quan/ubnd-tp-cam-pha/index.html", "dong-thoi-gian/index.html",
    ]
    timeline = built.html("dong-thoi-gian/")
    assert [a["href"] for a in timeline.select("a[download]")] == ["lich.ics"]


def test_no_feed_link_without_exports(site):
    built = site(dict(FILES), plugin_options={"exports": False})
    assert built.error is None, built.error
    assert not list(built.site_dir.rglob("*.ics")) and not (built.site_dir / "du-lieu").exists()
    assert _feed_links(built.site_dir) == []
    assert "Tải lịch" not in built.text("dong-thoi-gian/")


def test_exports_can_be_chosen_by_name(site):
    built = site(dict(FILES), plugin_options={"exports": ["json"]})
    assert built.error is None, built.error
    assert (built.site_dir / "du-lieu" / "ke-hoach.json").is_file()
    assert not list(built.site_dir.rglob("*.ics")) and _feed_links(built.site_dir) == []


def test_an_unknown_export_is_refused(site):
    built = site(dict(FILES), plugin_options={"exports": ["json", "pdf"]})
    assert built.error is not None
    names = ", ".join(export_names())  # json, ics and every export added to the registry
    assert built.messages == [f"plan-portal: tùy chọn exports không có pdf; dùng true, false hoặc danh sách trong: {names}."]
