"""Vietnamese search (Pagefind) in a real browser: with and without diacritics, "đ" as "d", by number."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

pytestmark = pytest.mark.browser

PLAN_48 = "48-kh-ubnd-ky-niem-60-nam-quang-ninh"
PLAN_228 = "228-kh-vpub-ky-niem-190-nam-hung-yen"


def search(page, site, query: str) -> list[dict[str, str]]:
    """Open the search page with ?q=, wait for the answer, return the results shown."""
    page.goto(site.url("tim-kiem/") + "?q=" + quote(query))
    status = page.locator("[data-pp-search-status]")
    page.wait_for_function(
        "el => el.textContent && !el.textContent.startsWith('Đang')", arg=status.element_handle(), timeout=15000
    )
    return page.eval_on_selector_all(
        ".pp-search-result",
        """items => items.map(li => ({
            href: li.querySelector('a').href,
            title: li.querySelector('.pp-search-result__title').textContent.trim(),
            summary: (li.querySelector('.pp-search-result__summary') || {}).textContent || '',
            text: li.textContent,
        }))""",
    )


def plans_found(results: list[dict[str, str]]) -> list[str]:
    return [r["href"] for r in results if "/ke-hoach/" in r["href"]]


@pytest.mark.parametrize("query", ["ky niem", "Kỷ niệm", "KỶ NIỆM", "kỷ niem"])
def test_with_or_without_diacritics_finds_every_anniversary_plan(page, sub_site, query):
    found = plans_found(search(page, sub_site, query))
    assert any(PLAN_48 in h for h in found), found
    assert any(PLAN_228 in h for h in found), found


@pytest.mark.parametrize("query", ["hoat dong", "hoạt động", "Dang bo tinh"])
def test_d_for_đ(page, sub_site, query):
    """"đ" has no combining mark: the index also holds the page's đ-words written with "d"."""
    found = plans_found(search(page, sub_site, query))
    assert found, f"«{query}» found no plan"


def test_quang_ninh_without_diacritics(page, sub_site):
    found = plans_found(search(page, sub_site, "Quang Ninh"))
    assert PLAN_48 in found[0]


@pytest.mark.parametrize("query, plan, number", [
    ("48/KH-UBND", PLAN_48, "48/KH-UBND"),
    ("228", PLAN_228, "228/KH-VPUB"),
    ("228/KH-VPUB", PLAN_228, "228/KH-VPUB"),
])
def test_by_document_number_the_plan_comes_first_with_its_number_and_summary(page, sub_site, query, plan, number):
    results = search(page, sub_site, query)
    first = results[0]
    assert plan in first["href"]
    assert number in first["title"]
    assert first["summary"].strip(), "a plan's result shows its summary (trích yếu)"


def test_result_links_work_under_the_sub_path(page, sub_site):
    results = search(page, sub_site, "48/KH-UBND")
    assert results[0]["href"].startswith(sub_site.base)
    page.goto(results[0]["href"])
    assert "48/KH-UBND" in page.locator("h1, .pp-doc-number").first.text_content() + page.content()
    assert page.title().startswith("Kế hoạch 48/KH-UBND")


def test_search_works_at_the_site_root_too(page, root_site):
    results = search(page, root_site, "ky niem")
    assert results and all(r["href"].startswith(root_site.base) for r in results)
    response = page.goto(results[0]["href"])
    assert response is not None and response.ok


def test_nothing_found_says_so_in_vietnamese(page, sub_site):
    assert search(page, sub_site, "zzzyxq") == []
    assert "Không tìm thấy kết quả nào" in page.locator("[data-pp-search-status]").text_content()


def test_header_search_box_leads_to_the_results(page, sub_site):
    page.goto(sub_site.url("ke-hoach/"))
    page.fill("#pp-header-q", "ky niem")
    page.press("#pp-header-q", "Enter")
    # The form sends "?q=ky+niem"; the search page may already have rewritten it to "?q=ky%20niem" by the
    # time the page has loaded (history.replaceState): the same query either way.
    page.wait_for_url(lambda url: "/tim-kiem/" in url and parse_qs(urlsplit(url).query).get("q") == ["ky niem"])
    page.wait_for_selector(".pp-search-result")
    assert page.input_value("#pp-search-q") == "ky niem"


def test_typing_searches_as_you_type(page, sub_site):
    page.goto(sub_site.url("tim-kiem/"))
    page.locator("#pp-search-q").press_sequentially("hoi nghi", delay=20)
    page.wait_for_selector(".pp-search-result")
    assert "bac-giang-hoi-nghi" in page.locator(".pp-search-result a").first.get_attribute("href")
    assert page.url.endswith("?q=hoi%20nghi")


def _results(page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        ".pp-search-result",
        """items => items.map(li => ({
            href: li.querySelector('a').href,
            kind: li.querySelector('.pp-search-result__kind').textContent.trim(),
            excerpt: (li.querySelector('.pp-search-result__excerpt') || {}).textContent || '',
        }))""",
    )


@pytest.mark.parametrize("query", ["ky niem", "van phong", "48/KH-UBND", "Phong Thổ", "tuyên truyền"])
def test_plans_rank_above_other_pages(page, sub_site, query):
    search(page, sub_site, query)
    while page.locator("[data-pp-search-more]").is_visible():  # every result, not just the first page
        before = page.locator(".pp-search-result").count()
        page.click("[data-pp-search-more]")
        page.wait_for_function("n => document.querySelectorAll('.pp-search-result').length > n", arg=before)
    results = _results(page)
    is_plan = ["/ke-hoach/" in r["href"] for r in results]
    assert any(is_plan), query
    assert is_plan == sorted(is_plan, reverse=True), [(r["kind"], r["href"]) for r in results]


@pytest.mark.parametrize("query", ["VPUB", "Văn phòng UBND tỉnh", "so ky hieu", "Phòng Nội vụ"])
def test_snippets_read_as_sentences_and_show_nothing_internal(page, sub_site, query):
    search(page, sub_site, query)
    results = _results(page)
    assert results, query
    for r in results:
        assert "Số, ký hiệu" not in r["excerpt"] and "Ngày ban hành" not in r["excerpt"], r
        if "/co-quan/" in r["href"]:
            assert r["excerpt"] == "", r  # an agency's indexed text is its aliases: never shown


def test_an_empty_search_shows_no_stray_button(page, sub_site):
    for url in ("tim-kiem/", "tim-kiem/?q=", "tim-kiem/?q=zzzzkhongco"):
        page.goto(sub_site.url(url), wait_until="networkidle")
        assert not page.locator("[data-pp-search-more]").is_visible(), url


@pytest.mark.parametrize("query", ["ky niem", "hoat dong", "48/KH-UBND", "228", "Phòng Nội vụ", "tuyên truyền",
                                   "Phong Thổ kỷ niệm", "Hưng Yên hoạt động"])  # a place only some parts know
def test_an_index_in_parts_finds_what_one_index_finds(page, sub_site, parted_site, query):
    """A big portal is indexed in parts (bounded memory) that the search page merges: same results, plans first."""
    def every_result(site):
        search(page, site, query)
        while page.locator("[data-pp-search-more]").is_visible():
            before = page.locator(".pp-search-result").count()
            page.click("[data-pp-search-more]")
            page.wait_for_function("n => document.querySelectorAll('.pp-search-result').length > n", arg=before)
        return [r["href"].split("/cong-ke-hoach/", 1)[1] for r in _results(page)]

    whole, parts = every_result(sub_site), every_result(parted_site)
    assert whole and sorted(parts) == sorted(whole), (whole, parts)
    is_plan = ["ke-hoach/" in href for href in parts]
    assert is_plan == sorted(is_plan, reverse=True), parts
    if query in ("48/KH-UBND", "228"):
        assert parts[0] == whole[0], (whole[:3], parts[:3])
