"""Bad content gets a clear answer, nothing is lost, nothing is injected (issue 9).

Table-driven over :data:`corpus.CASES`: each case is injected alone into the small clean
portal :data:`corpus.BASE`, then

* ``plan-portal check`` prints exactly the lines in ``expected/<case>.txt`` (Vietnamese,
  ``path:line: lỗi|cảnh báo: trường `field`: … Cho phép: … Gợi ý: …``), every problem
  names its file, line and the fix, and the exit code follows the case's verdict;
* ``mkdocs build --strict`` fails (unless the input is forgiven);
* a normal build still builds every other plan, the bad plan has a page, and every
  problem is listed on the build report ``/bao-cao/`` and on the plan's own page;
* no value reaches the HTML as active content (script, handler, ``javascript:``/``data:``
  URL, iframe/object/embed), and nothing is written outside the site folder.

Then all cases at once (every error of a run is reported), and every case injected into a
copy of the demo content (the rest of the portal still builds).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import corpus
from plan_portal.cli import check, main
from plan_portal.core.diagnostics import Severity
from plan_portal.core.loader import default_url


from portal_testing import ROOT, TODAY, build_site  # noqa: E402
from trust_cases import MARKER  # noqa: E402

UPDATE = os.environ.get("PLAN_PORTAL_UPDATE_CORPUS") == "1"

REGISTRY_PREFIX = "co-quan.yml:"
# Problems about a folder or a whole file, with no line to point at.
NO_LINE_CODES = {"bad-slug", "missing-section-index", "unreadable", "outside-content", "link-loop", "broken-link",
                 "special-file", "md-folder", "hidden-plan", "plan-suffix", "registry-empty"}
# Problems whose wording depends on the registry and sections around them (demo vs base).
CONTEXT_CODES = {"unknown-agency", "ambiguous-agency", "unknown-section", "duplicate-number"}

ACTIVE_URL = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}


def case_param(case: corpus.Case):
    marks = [pytest.mark.slow] if case.heavy else []
    return pytest.param(case, id=case.name, marks=marks)


CASE_PARAMS = [case_param(case) for case in corpus.CASES]


def run_check(capsys, content: Path, *options: str) -> tuple[int, list[str], str]:
    code = main(["check", "--relative", *options, str(content)])
    out = capsys.readouterr()
    return code, [line for line in out.out.split("\n") if line], out.err


def plugin_options(case: corpus.Case) -> dict:
    # The iCalendar export of 2,000 deadlines takes seconds and is not what these cases test.
    return {"exports": False} if case.heavy else {}


def snapshot(root: Path, skip: str) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` except the ``skip`` folder and the test's ``mkdocs.yml``: path -> (size, mtime)."""
    out = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if rel == skip or rel.startswith(skip + "/") or rel == "mkdocs.yml" or not path.is_file():
            continue
        stat = path.stat()
        out[rel] = (stat.st_size, stat.st_mtime_ns)
    return out


def active_content(site_dir: Path) -> list[str]:
    """Everything in the built HTML that could run script or load a foreign document."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        where = page.relative_to(site_dir).as_posix()
        for tag in soup.find_all(True):
            if tag.name in FORBIDDEN_TAGS:
                found.append(f"{where}: <{tag.name}>")
            if tag.name == "script" and "alert(" in (tag.string or ""):
                found.append(f"{where}: <script>{tag.string[:60]}")
            if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
                found.append(f"{where}: <meta http-equiv=refresh>")
            for name, value in tag.attrs.items():
                if name.lower().startswith("on"):
                    found.append(f"{where}: <{tag.name} {name}=…>")
                if name.lower() in URL_ATTRIBUTES:
                    text = re.sub(r"[\x00-\x20]+", "", " ".join(value) if isinstance(value, list) else str(value))
                    if ACTIVE_URL.match(text):
                        found.append(f"{where}: <{tag.name} {name}={text[:40]}>")
    return found


def page_text(site_dir: Path, url: str) -> str:
    soup = BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")
    return re.sub(r"\s+", " ", soup.get_text(" "))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- the base portal


def test_base_portal_is_clean(tmp_path, capsys):
    corpus.write_content(tmp_path / "content", [])
    code, lines, err = run_check(capsys, tmp_path / "content", "--strict")
    assert (code, lines) == (0, [])
    built = build_site(tmp_path, strict=True)
    assert built.error is None, built.messages
    for url in corpus.BASE_PAGES:
        assert (built.site_dir / url / "index.html").is_file()


def test_every_case_has_its_expected_output():
    """A new case without ``expected/<name>.txt`` would silently expect nothing."""
    missing = [c.name for c in corpus.CASES if c.verdict != "accepted" and not corpus.expected_lines(c)]
    assert not missing or UPDATE, f"run PLAN_PORTAL_UPDATE_CORPUS=1 pytest tests/robustness: {missing}"


# --------------------------------------------------------------------------- plan-portal check


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_check_prints_exactly_the_expected_lines(case, tmp_path, capsys):
    content = tmp_path / "content"
    corpus.write_content(content, [case])
    code, lines, err = run_check(capsys, content)
    if UPDATE:
        corpus.EXPECTED_DIR.mkdir(exist_ok=True)
        (corpus.EXPECTED_DIR / f"{case.name}.txt").write_text("".join(line + "\n" for line in lines), "utf-8")
    assert lines == corpus.expected_lines(case)
    assert MARKER not in "".join(lines) + err  # nothing read from outside the content folder is shown
    assert err.strip().startswith("Đã kiểm tra")
    errors = any(": lỗi:" in line for line in lines)
    warnings = any(": cảnh báo:" in line for line in lines)
    if case.verdict == "accepted":
        assert (code, lines) == (0, [])
    elif case.verdict == "warning":
        assert warnings and not errors and code == 0
    else:
        assert errors and code == 1
    strict_code, _, _ = run_check(capsys, content, "--strict")
    assert strict_code == (0 if case.verdict == "accepted" else 1)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_each_problem_names_file_line_field_and_fix(case, tmp_path):
    content = tmp_path / "content"
    corpus.write_content(content, [case])
    _, problems = check(content)
    case_paths = set(case.files) | {"co-quan.yml"}
    assert problems or case.verdict == "accepted"
    for problem in problems:
        assert problem.path.startswith("chuyen-trang/") or any(
            p == problem.path or p.startswith(problem.path + "/") for p in case_paths), problem.format()
        if problem.code not in NO_LINE_CODES:
            assert isinstance(problem.line, int) and problem.line >= 1, problem.format()
        assert problem.suggestion, problem.format()  # the fix
        assert problem.allowed or problem.code in {"duplicate-key", "unclosed-front-matter", "missing", "duplicate-number"}, \
            problem.format()
        assert problem.message and not re.search(r"\b(?:Input|should|found|expected|error)\b", problem.message), \
            f"English left in the message: {problem.format()}"
        if problem.field:
            assert problem.field in problem.format()
    if case.verdict == "error":
        assert any(p.severity is Severity.ERROR for p in problems)


# --------------------------------------------------------------------------- the built site


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_site_builds_shows_every_problem_and_runs_nothing(case, tmp_path):
    corpus.write_content(tmp_path / "content", [case])
    before = snapshot(tmp_path, "site")
    built = build_site(tmp_path, plugin_options=plugin_options(case), **case.extra_config)
    assert built.error is None, built.error
    # Nothing written outside the site folder but the cache of parsed plans (plugin option cache_dir),
    # nothing in the site pointing outside.
    after = snapshot(tmp_path, "site")
    cache = ".cache/plan-portal/plans.pickle"
    assert set(after) - set(before) <= {cache}
    assert {rel: v for rel, v in after.items() if rel != cache} == before
    site = built.site_dir.resolve()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site), path

    # Every other plan still built; the bad ones too, each at its own URL.
    for url in corpus.BASE_PAGES + case.pages:
        assert (built.site_dir / url / "index.html").is_file(), url
    for rel in case.plan_paths:
        assert (built.site_dir / default_url(rel) / "index.html").is_file(), rel

    # Every problem is logged (what makes --strict fail) and listed on the build report;
    # a plan's problems are also shown on its own page (unless another file took its URL).
    expected = corpus.expected_lines(case)
    report = page_text(built.site_dir, "bao-cao")
    for line in expected:
        assert any(line in message for message in built.messages), line
        if not line.startswith(REGISTRY_PREFIX):  # see test_registry_problems_are_on_the_report
            assert squash(line) in report, line
    urls = [default_url(rel) for rel in case.plan_paths]
    for rel in case.plan_paths:
        if any(line.startswith(rel + ":") for line in expected):
            assert rel in report
            if urls.count(default_url(rel)) == 1:
                own = page_text(built.site_dir, default_url(rel))
                assert any(squash(line) in own for line in expected if line.startswith(rel + ":")), rel

    for rel in case.dropped:  # reported rather than published, never silently dropped
        assert rel in report, rel
    assert active_content(built.site_dir) == []
    assert outside_bytes(built.site_dir) == [] and not any(MARKER in m for m in built.messages)


def outside_bytes(site_dir: Path) -> list[str]:
    """Every file of the built site that holds the marker planted in the files outside the content folder."""
    marker = MARKER.encode()
    return [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.rglob("*"))
            if p.is_file() and marker in p.read_bytes()]


@pytest.mark.parametrize("case", [p for p in CASE_PARAMS if not p.values[0].heavy])
def test_strict_build_fails(case, tmp_path):
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path, strict=True, **case.extra_config)
    if case.verdict == "accepted":
        assert built.error is None, built.messages
    else:
        assert built.error is not None and "strict" in str(built.error).lower()


# --------------------------------------------------------------------------- case-specific promises


def test_vietnamese_date_is_read_as_day_month_year(tmp_path):
    case = corpus.CASES_BY_NAME["vn-date-accepted"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path)
    assert "ngày 30 tháng 10 năm 2023" in page_text(built.site_dir, "ke-hoach/loi/ngay-viet-nam")


def test_word_file_is_published_as_meant(tmp_path):
    """BOM, CRLF, NFD, NBSP, tabs and VT inside lines: the page reads exactly like a clean file."""
    case = corpus.CASES_BY_NAME["word-file"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path)
    page = built.html("ke-hoach/loi/tep-word/")
    text = squash(page.get_text(" "))
    assert "Tổ chức hội nghị tổng kết công tác năm 2023" in text  # NFC, one plain space each
    assert "Hưng Yên, Cẩm Phả" in text
    assert "\u00a0" not in page.select_one(".pp-doc-summary").get_text()
    # The NFD issuer and lead matched the NFC registry: linked agencies, no warning.
    links = {a.get_text(strip=True) for a in page.select("a.pp-agency")} | {a.get_text(strip=True) for a in page.select(".pp-doc-issuer a")}
    assert "Phòng Nội vụ" in links and "Ủy ban nhân dân thành phố Cẩm Phả" in links
    assert not [m for m in built.messages if "tep-word" in m]


def test_duplicate_url_lists_both_files(tmp_path):
    case = corpus.CASES_BY_NAME["duplicate-url"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path)
    report = page_text(built.site_dir, "bao-cao")
    assert "ke-hoach/loi/trung-dia-chi.md" in report and "ke-hoach/loi/trung-dia-chi/index.md" in report


def test_html_in_fields_is_shown_as_text(tmp_path):
    """The values are escaped, so the editor sees the tags literally, and the search index stays inert."""
    case = corpus.CASES_BY_NAME["html-in-fields"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path, plugins=["search", {"plan-portal": {"today": TODAY}}])
    page = built.html("ke-hoach/loi/the-html/")
    assert page.select_one(".pp-doc-summary").get_text() == 'Tóm tắt <script>alert("summary")</script> <b>đậm</b>'
    assert page.select_one(".pp-doc-summary").find("script") is None
    for page in built.site_dir.rglob("*.html"):
        assert "<script>alert(" not in page.read_text("utf-8"), page
    index = (built.site_dir / "search" / "search_index.json").read_text("utf-8")
    assert "<script>alert(" not in index and "onerror=alert" not in index.replace("&lt;", "")


def test_unsafe_body_keeps_the_text_and_drops_the_code(tmp_path):
    case = corpus.CASES_BY_NAME["unsafe-body"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path)
    page = built.html("ke-hoach/loi/noi-dung-nguy-hiem/")
    body = page.select_one("#toan-van")
    text = squash(body.get_text(" "))
    assert "Bấm vào đây" in text and "Nội dung dự phòng" not in text and "alert" not in text
    assert [a.get("href") for a in body.select("a") if a.get("href") and not a["href"].startswith("#")] == []
    assert body.select_one("img[src='anh.png']") is not None  # the picture stays, its handler goes
    article = built.html("chuyen-trang/ky-niem-60-nam/bai-nguy-hiem/")
    assert "alert" not in squash(article.select_one("article").get_text(" ") if article.select_one("article") else "")


def test_path_like_ids_stay_inside_the_site(tmp_path):
    case = corpus.CASES_BY_NAME["path-ids"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path)
    written = [p.relative_to(built.site_dir).as_posix() for p in built.site_dir.rglob("*")]
    assert not any(".." in part for path in written for part in path.split("/"))
    assert not (tmp_path / "etc").exists() and not (built.site_dir.parent.parent / "etc").exists()
    assert any(p.startswith("co-quan/chua-dang-ky-etc") for p in written)


def test_registry_problems_are_on_the_report(tmp_path):
    case = corpus.CASES_BY_NAME["path-ids"]
    corpus.write_content(tmp_path / "content", [case])
    built = build_site(tmp_path)
    report = page_text(built.site_dir, "bao-cao")
    assert all(squash(line) in report for line in corpus.expected_lines(case) if line.startswith(REGISTRY_PREFIX))


CRASH_DUE = corpus.plan(
    "tasks:\n  - {title: Việc không có hạn, lead: Phòng Nội vụ}\n  - {title: Việc hạn lạ, lead: Phòng Nội vụ, due: sau tết}\n"
)


def test_one_agency_with_a_missing_and_an_unreadable_deadline(tmp_path, capsys):
    """Used to crash check and build: TaskRow.sort_key compared (date.max,) with Period.sort_key (0|1, …)."""
    corpus.write_content(tmp_path / "content", [])
    (tmp_path / "content/ke-hoach/loi").mkdir(parents=True)
    (tmp_path / "content/ke-hoach/loi/han.md").write_text(CRASH_DUE, "utf-8")
    code, lines, _ = run_check(capsys, tmp_path / "content")
    assert code == 0 and len(lines) == 1 and "«sau tết»" in lines[0]


# --------------------------------------------------------------------------- all at once


def test_all_cases_in_one_run_report_every_problem(tmp_path, capsys):
    """One run, every case: nothing a case reports alone is missing from the run (all errors at once)."""
    light = [c for c in corpus.CASES if not c.heavy]
    content = tmp_path / "content"
    corpus.write_content(content, light)
    code, lines, err = run_check(capsys, content)
    assert code == 1
    got = {_key(line) for line in lines}
    for case in light:
        for line in corpus.expected_lines(case):
            if not line.startswith("co-quan.yml:"):  # line numbers shift when cases append to the registry
                assert _key(line) in got, (case.name, line)
    built = build_site(tmp_path)
    assert built.error is None
    for url in corpus.BASE_PAGES + tuple(p for c in light for p in c.pages):
        assert (built.site_dir / url / "index.html").is_file(), url
    assert active_content(built.site_dir) == []


def _key(line: str) -> tuple[str, str, str]:
    """(path:line, field, first words of the message) of a check line."""
    where, _, rest = line.partition(": ")
    field = re.search(r"trường `([^`]*)`", rest)
    message = rest.split(": ", 2)[-1][:40]
    return where, field.group(1) if field else "", message


def test_every_case_injected_into_a_copy_of_the_demo(tmp_path, capsys):
    """The issue's "done when": check prints each case's problems, and the demo still builds."""
    demo = ROOT / "content"
    if not any(demo.glob("ke-hoach/**/*.md")):
        pytest.skip("the demo content is not there yet")
    light = [c for c in corpus.CASES if not c.heavy]
    content = tmp_path / "content"
    shutil.copytree(demo, content)
    demo_pages = [default_url(p.relative_to(content).as_posix()) for p in sorted(content.glob("ke-hoach/**/*.md"))
                  if p.relative_to(content).as_posix() != "ke-hoach/index.md"]
    corpus.write_content(content, light, base={})
    code, lines, err = run_check(capsys, content)
    assert code == 1
    _, problems = check(content)
    got = {(p.path, p.line, p.field, p.code) for p in problems}
    for case in light:
        alone = tmp_path / case.name / "content"
        corpus.write_content(alone, [case])
        for p in check(alone)[1]:
            if p.code not in CONTEXT_CODES and p.path != "co-quan.yml":
                assert (p.path, p.line, p.field, p.code) in got, (case.name, p.format())
    built = build_site(tmp_path)
    assert built.error is None
    for url in demo_pages:
        assert (built.site_dir / url / "index.html").is_file(), url
    report = page_text(built.site_dir, "bao-cao")
    for case in light:
        for rel in case.plan_paths:
            assert rel in report or (built.site_dir / default_url(rel) / "index.html").is_file(), rel
