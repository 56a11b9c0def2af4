"""The search index as built files (no browser): what is indexed, what is shown, what is shipped."""

from __future__ import annotations

import gzip
import json
import shutil
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


def test_a_big_site_is_indexed_in_parts_each_knowing_every_word(tmp_path: Path):
    """Pagefind's memory follows what one run indexes: a big site is indexed in parts that the search page merges."""
    for n in range(6):
        (tmp_path / f"p{n}").mkdir()
        (tmp_path / f"p{n}" / "index.html").write_text(
            f'<html lang="vi"><body><nav>Danh sách dài</nav><article data-pagefind-body><h1>Kế hoạch {n}</h1>'
            f'<p>{"Hoạt động kỷ niệm. " * 40}Từ riêng{n}</p></article></body></html>', "utf-8")
    (tmp_path / "list.html").write_text('<html lang="vi"><body><p>Danh sách</p></body></html>', "utf-8")
    result = index_site(tmp_path, part_text_bytes=2600)
    assert result.pages == 6 and result.parts == 3
    names = json.loads((result.bundle / "parts.json").read_text("utf-8"))["parts"]
    assert names == ["part-2/", "part-3/"]
    for name in ["", *names]:
        assert (result.bundle / name / "pagefind-entry.json").is_file()
        assert len(list((result.bundle / name / "fragment").iterdir())) == 2 + 1  # two pages and the words page
    assert not (tmp_path / ".pagefind-pages").exists()  # the links Pagefind read are gone
    again = tmp_path.parent / (tmp_path.name + "-again")
    shutil.copytree(tmp_path, again, ignore=shutil.ignore_patterns("pagefind"))
    index_site(again, part_text_bytes=2600)
    files = sorted(p.relative_to(result.bundle) for p in result.bundle.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again / "pagefind") for p in (again / "pagefind").rglob("*") if p.is_file())
    assert all((result.bundle / f).read_bytes() == (again / "pagefind" / f).read_bytes() for f in files)  # byte-identical


def test_a_small_site_is_one_index(tmp_path: Path):
    (tmp_path / "index.html").write_text('<html lang="vi"><body><article data-pagefind-body><p>Kế hoạch</p>'
                                         '</article></body></html>', "utf-8")
    result = index_site(tmp_path)
    assert result.parts == 1 and result.pages == 1
    assert json.loads((result.bundle / "parts.json").read_text("utf-8")) == {"parts": []}


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


def test_under_serve_indexing_runs_apart_and_saves_made_meanwhile_are_indexed_once(tmp_path: Path, monkeypatch):
    import threading
    import time

    from plan_portal.mkdocs.search import SearchIndexer

    (tmp_path / "index.html").write_text('<html lang="vi"><body><article data-pagefind-body><p>Kế hoạch</p>'
                                         '</article></body></html>', "utf-8")
    indexer = SearchIndexer()
    indexer.run(str(tmp_path), serve=True)  # the real thing: python -m plan_portal.search, in the background
    deadline = time.monotonic() + 120
    while indexer._running and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (tmp_path / "pagefind" / "pagefind.js").is_file() and not indexer._running

    release, calls = threading.Event(), []

    def slow(site_dir: str) -> None:
        calls.append(site_dir)
        release.wait(30)

    monkeypatch.setattr(SearchIndexer, "_index_in_background", staticmethod(slow))
    indexer.run("a", serve=True)
    deadline = time.monotonic() + 30
    while not calls and time.monotonic() < deadline:  # the first indexing has started
        time.sleep(0.01)
    for name in ("b", "c"):  # two saves while it runs
        indexer.run(name, serve=True)
    release.set()
    deadline = time.monotonic() + 30
    while indexer._running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert calls == ["a", "c"]  # the first, then once the newest
