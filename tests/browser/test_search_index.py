"""The search index as built files (no browser): what is indexed, what is shown, what is shipped."""

from __future__ import annotations

import gzip
from pathlib import Path

from plan_portal.search import index_site


def test_index_site_indexes_only_marked_pages_and_ships_only_what_the_page_uses(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<html lang="vi"><body><p>Danh sách</p></body></html>', "utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<html lang="vi"><body><article data-pagefind-body><h1>Kế hoạch 48/KH-UBND</h1>'
        '<p>Hoạt động kỷ niệm</p><div hidden>hoat dong</div></article></body></html>', "utf-8")
    result = index_site(tmp_path)
    assert result.pages == 1
    bundle = result.bundle
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    wasm = bundle / "wasm.unknown.pagefind"
    assert wasm.stat().st_size > 60_000 and gzip.decompress(wasm.read_bytes())  # whole, not truncated
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()


def test_the_demo_indexes_plans_and_articles_not_lists(sub_site):
    """Lists repeat the plans: a search should land on the plan itself."""
    def indexed(path: str) -> bool:
        return sub_site.html(path).find(attrs={"data-pagefind-body": True}) is not None

    assert not indexed("")  # home
    for generated in ("ke-hoach/", "dong-thoi-gian/", "co-quan/", "chuyen-trang/", "bao-cao/", "tim-kiem/"):
        assert not indexed(generated), generated
    assert indexed("ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh/")


def test_a_plan_page_carries_what_the_results_show_and_its_d_words(sub_site):
    soup = sub_site.html("ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh/")
    meta = {m["data-pagefind-meta"].split("[")[0]: m["content"] for m in soup.find_all("meta", attrs={"data-pagefind-meta": True})}
    assert meta["title"] == "Kế hoạch số 48/KH-UBND"
    assert meta["summary"].startswith("Tổ chức các hoạt động Kỷ niệm 60 năm")
    assert meta["issued"] == "ngày 20 tháng 02 năm 2023" and meta["issuer"]
    words = soup.select_one("[data-pp-search-words]")
    assert words is not None and words.has_attr("hidden")
    folded = words.text.split()
    assert {"dong", "dang", "don"} <= set(folded), folded[:20]
    assert all("đ" not in w and w == w.lower() for w in folded)
