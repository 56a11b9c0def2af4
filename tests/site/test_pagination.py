"""Generated pages stay bounded (issue 8): numbered plan list and agency pages, a timeline by year and month.

A small synthetic portal (``scripts/bench.py``'s generator) is built with tiny page sizes, so
that every kind of continuation page exists; each listing must then show every item exactly
once across its pages, never more per page than the size allows. The fast row macros of
``rows.html`` must print the same HTML as ``macros.html``'s.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2025-06-15"
SIZES = {"plans_page_size": 7, "agency_page_size": 5, "timeline_page_size": 40, "timeline_recent_years": 2}


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _bench():
    return _load("plan_portal_bench", ROOT / "scripts" / "bench.py")


def build_site(*args, **kwargs):
    # By path: another tests/*/conftest.py may own the module name "conftest".
    return _load("plan_portal_site_conftest", ROOT / "tests" / "conftest.py").build_site(*args, **kwargs)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """30 synthetic plans over ten years, built with small page sizes; (site, catalog)."""
    root = tmp_path_factory.mktemp("paged")
    _bench().PortalGenerator(30).write(root)
    built = build_site(root, None, plugin_options={"today": TODAY, **SIZES})
    assert built.error is None, built.error
    assert built.messages == []
    from plan_portal.cli import check

    catalog, _ = check(root / "content", today=date.fromisoformat(TODAY))
    return built, catalog


def _soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / rel).read_text("utf-8"), "html.parser")


def _target(page_rel: str, href: str) -> str:
    """The site path (``a/b/``) a relative link of the page at ``page_rel`` (``x/index.html``) points to."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), href.split("#")[0]))
    return path + "/"


def _pages(site_dir: Path, folder: str) -> list[str]:
    """Every page under ``folder`` that is not a plan page, site-relative."""
    return sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / folder).rglob("index.html"))


def test_plan_list_is_numbered_and_complete(portal):
    built, catalog = portal
    site = built.site_dir
    pages = ["ke-hoach/index.html"] + sorted(
        (p.relative_to(site).as_posix() for p in (site / "ke-hoach").glob("trang-*/index.html")),
        key=lambda rel: int(re.search(r"trang-(\d+)", rel).group(1)),
    )
    assert len(pages) == -(-len(catalog.plans) // SIZES["plans_page_size"])
    seen = []
    for number, rel in enumerate(pages, 1):
        soup = _soup(site, rel)
        items = soup.select(".pp-plan-list > li[data-year]")
        assert 0 < len(items) <= SIZES["plans_page_size"]
        for li in items:  # the data the filters read stay on every page
            assert {"data-year", "data-issuer", "data-doc_type", "data-special", "data-text"} <= set(li.attrs)
            seen.append(_target(rel, li.select_one("a")["href"]))
        ol = soup.select_one("ol.pp-plan-list")
        assert int(ol["start"]) == len(catalog.plans) - (number - 1) * SIZES["plans_page_size"]
        pager = soup.select_one(".pp-pager")
        assert pager is not None and pager.select_one("[aria-current=page]").get_text() == str(number)
    assert seen == [p.url for p in catalog.plans]  # newest first, each once


def test_big_agency_continues_on_numbered_pages(portal):
    built, catalog = portal
    site = built.site_dir
    data = max(catalog.agency_data.values(), key=lambda d: max(len(d.lead), len(d.support)))
    size = SIZES["agency_page_size"]
    count = max(-(-len(rows) // size) for rows in (data.lead, data.support, data.issued, data.events))
    assert count > 1
    base = f"co-quan/{data.agency.id}/"
    rels = [base + "index.html"] + [f"{base}trang-{n}/index.html" for n in range(2, count + 1)]
    assert not (site / f"{base}trang-{count + 1}").exists()
    lead, support = [], []
    for rel in rels:
        soup = _soup(site, rel)
        tables = {s["aria-labelledby"]: s for s in soup.select("section[aria-labelledby]")}
        for key, out in (("chu-tri-h", lead), ("phoi-hop-h", support)):
            rows = tables[key].select("tbody tr")
            assert len(rows) <= size
            out += [_target(rel, tr.select("a")[0]["href"]) for tr in rows]
        # the calendar link points at the agency's feed from every page
        ics = soup.find("a", string=re.compile("Tải lịch"))
        if ics:
            assert _target(rel, ics["href"]) == base + "lich.ics/"
    assert lead == [r.plan_url for r in data.lead]
    assert support == [r.plan_url for r in data.support]


def test_timeline_by_year_and_month_lists_every_entry_once(portal):
    built, catalog = portal
    site = built.site_dir
    today = date.fromisoformat(TODAY)
    main = _soup(site, "dong-thoi-gian/index.html")
    # the older years have a page each, linked from the main page
    older = sorted({e.bucket[0] for e in catalog.timeline if e.bucket[0] <= today.year - SIZES["timeline_recent_years"]})
    links = {_target("dong-thoi-gian/index.html", a["href"]) for a in main.select(".pp-tl-older a")}
    assert links == {f"dong-thoi-gian/{y}/" for y in older}
    listed: Counter = Counter()
    for rel in _pages(site, "dong-thoi-gian"):
        soup = _soup(site, rel)
        entries = soup.select(".pp-timeline-years .pp-tl-entry")
        assert len(entries) <= SIZES["timeline_page_size"]
        for li in entries:
            when = li.select_one("time")["datetime"]
            plan = _target(rel, li.select_one(".pp-tl-title a")["href"])
            listed[(li["data-pp-kind"], when, plan)] += 1
        if soup.select(".pp-tl-summary"):  # a summarised page lists nothing itself and links its months
            assert not entries
            for a in soup.select(".pp-tl-summary a"):
                assert (site / _target(rel, a["href"]) / "index.html").is_file()
    assert listed == Counter((e.kind, e.when.datetime, e.plan_url) for e in catalog.timeline)
    # Undated deadlines ("thường xuyên", "hằng tháng") have pages of their own, linked from the main page.
    assert len(catalog.recurring) > SIZES["timeline_page_size"]
    assert not main.select(".pp-tl-recurring .pp-tl-entry")
    first = _target("dong-thoi-gian/index.html", main.select_one(".pp-tl-recurring a")["href"])
    assert first == "dong-thoi-gian/dinh-ky/"
    undated = []
    for rel in _pages(site, "dong-thoi-gian/dinh-ky"):
        entries = _soup(site, rel).select(".pp-tl-recurring .pp-tl-entry")
        assert 0 < len(entries) <= SIZES["timeline_page_size"]
        undated += [_target(rel, li.select_one(".pp-tl-title a")["href"]) for li in entries]
    assert Counter(undated) == Counter(e.plan_url for e in catalog.recurring)


def test_small_portal_keeps_one_timeline_page(tmp_path):
    """Below timeline_page_size entries the main page lists every year (the year pages exist too)."""
    root = tmp_path
    _bench().PortalGenerator(3).write(root)
    built = build_site(root, None, plugin_options={"today": TODAY, "timeline_page_size": 10_000})
    assert built.error is None
    main = _soup(built.site_dir, "dong-thoi-gian/index.html")
    years = {int(h["id"][4:-2]) for h in main.select(".pp-tl-year > h2")}
    assert min(years) < date.fromisoformat(TODAY).year - 2  # older years stay on the main page
    assert not main.select(".pp-tl-summary")


# -- rows.html prints what macros.html prints --------------------------------------------------------------

def _canonical(html: str, page_url: str) -> list[tuple]:
    """Tags, attributes (links resolved from ``page_url``) and text, whitespace-insensitive."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for tag in soup.find_all(True):
        attrs = {}
        for key, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if key == "href":
                value = posixpath.normpath(posixpath.join(page_url, value))
            attrs[key] = value
        out.append((tag.name, tuple(sorted(attrs.items())), " ".join(tag.get_text(" ").split())))
    return out


# How a timeline entry and its agency links were printed with the shared macros and the url filter
# before rows.html: the reference the fast rows are compared with.
REFERENCE_MACROS = """
{% macro agency_links(refs) -%}{% autoescape true %}
  {%- for ref in refs -%}
    {%- if ref.url -%}
      <a class="pp-agency{% if not ref.agency.registered %} pp-agency--unregistered{% endif %}" href="{{ ref.url | url }}"{% if ref.agency.name != ref.name %} title="{{ ref.agency.name }}"{% endif %}>{{ ref.name }}</a>
    {%- else -%}
      <span class="pp-agency pp-agency--group">{{ ref.name }}</span>
    {%- endif -%}
    {%- if not loop.last %}; {% endif -%}
  {%- endfor -%}
{% endautoescape %}{%- endmacro %}

{% macro timeline_entry(entry, portal) -%}{% autoescape true %}
  <li class="pp-tl-entry pp-tl-entry--{{ entry.kind }}" data-pp-kind="{{ entry.kind }}"
      data-pp-agencies="{{ entry.agency_ids | join(' ') }}" data-pp-sections="{{ entry.sections | join(' ') }}">
    <span class="pp-tl-kind">{{ entry.kind | vi_kind }}</span>
    {{ pp.period(entry.period) }}
    <span class="pp-tl-title">
      {%- if entry.kind == "issued" -%}
        <a href="{{ entry.plan.url | url }}">{{ entry.plan.doc_type }}{% if entry.plan.number %} {{ entry.plan.number }}{% endif %}</a>: {{ entry.title }}
      {%- else -%}
        {{ entry.title }} — <a href="{{ entry.plan.url | url }}">{{ entry.plan.doc_type }}{% if entry.plan.number %} {{ entry.plan.number }}{% else %} {{ entry.plan.summary | truncate(60) }}{% endif %}</a>
      {%- endif -%}
    </span>
    {%- if entry.kind != "issued" and entry.agencies %}
    <span class="pp-tl-agencies">{% if entry.kind == "deadline" %}Chủ trì: {% endif %}{{ agency_links(entry.agencies) }}</span>
    {%- endif %}
    {%- if entry.kind == "event" %} {{ pp.status_badge(entry.status, entry.period, event=True) }}
    {%- elif entry.kind != "issued" %} {{ pp.status_badge(entry.status, entry.period, marks=portal.marks(entry.task)) }}{% endif %}
  </li>
{% endautoescape %}{%- endmacro %}

"""


def test_fast_rows_match_the_shared_macros(portal):
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from plan_portal.site import PortalContext, register_filters

    built, catalog = portal
    config = load_config(str(built.root / "mkdocs.yml"))
    config.plugins.on_config(config)
    env = config.theme.get_env()
    register_filters(env)
    page = Page("x", File.generated(config, "co-quan/x/trang-2.md", content=""), config)
    context = {"page": page, "base_url": "../../..", "config": config, "portal": PortalContext(catalog, {})}
    old_entry = env.from_string('{% import "plan-portal/macros.html" as pp with context %}' + REFERENCE_MACROS
                                + "{{ timeline_entry(e, portal) }}")
    new_entry = env.from_string('{% import "plan-portal/rows.html" as rows with context %}{{ rows.timeline_entry(e) }}')
    for entry in catalog.timeline:
        assert _canonical(old_entry.render(e=entry, **context), page.url) == _canonical(
            new_entry.render(e=entry, **context), page.url
        ), entry.title
    # The row agency.html used to print with the shared macros.
    old_row = env.from_string(
        '{% import "plan-portal/macros.html" as pp with context %}<table><tr><td class="pp-cell--title">{{ r.task.title }}</td>'
        '<td class="pp-cell--plan" data-label="Kế hoạch"><a href="{{ (r.plan.url ~ \'#\' ~ r.task.anchor) | url }}">{{ r.plan.doc_type }}'
        '{% if r.plan.number %} {{ r.plan.number }}{% endif %}</a><br><small>{{ r.plan.summary | truncate(90) }}</small></td>'
        '{% set due = portal.progress(r.task).due %}<td class="pp-cell--due" data-label="Thời hạn">{{ pp.period(due) }}</td>'
        '<td class="pp-cell--status">{{ pp.status_badge(r.status, due, marks=portal.marks(r.task)) }}</td></tr></table>'
    )
    new_row = env.from_string('{% import "plan-portal/rows.html" as rows with context %}<table>{{ rows.task_row(r) }}</table>')
    rows = [r for d in catalog.agency_data.values() for r in d.lead + d.support]
    assert any(r.task.due is None for r in rows) and any(r.status == "done" for r in rows)
    for row in rows:
        assert _canonical(old_row.render(r=row, **context), page.url) == _canonical(new_row.render(r=row, **context), page.url)
    # The tasks table of a plan page, as plan.html printed it with the shared macros.
    old_plan_row = env.from_string(
        '{% import "plan-portal/macros.html" as pp with context %}' + REFERENCE_MACROS
        + '{% import "plan-portal/progress.html" as pp_progress with context %}{% set p = portal.progress(task) %}'
        '<table><tr id="{{ task.anchor }}"><td class="pp-cell--num">{{ n }}</td>'
        '<td class="pp-cell--title">{{ task.title }} <a class="pp-task-id" href="#{{ task.anchor }}" '
        'title="Số hiệu nhiệm vụ (dùng trong báo cáo)">#{{ task.label_id }}</a></td>'
        '{% set lead = portal.refs(plan, task, "lead") %}{% set support = portal.refs(plan, task, "support") %}'
        '<td class="pp-cell--lead{% if not lead %} pp-cell--empty{% endif %}" data-label="Chủ trì">{{ agency_links(lead) }}</td>'
        '<td class="pp-cell--support{% if not support %} pp-cell--empty{% endif %}" data-label="Phối hợp">{{ agency_links(support) }}</td>'
        '<td class="pp-cell--due" data-label="Thời hạn">{{ pp.period(p.due) }}{{ pp_progress.original_due(p) }}</td>'
        '<td class="pp-cell--status">{{ pp.status_badge(portal.task_status(task), p.due, marks=portal.marks(task)) }}'
        '{{ pp_progress.last_update(p) }}{{ pp_progress.history(p) }}</td></tr></table>'
    )
    new_plan_row = env.from_string('{% import "plan-portal/rows.html" as rows with context %}<table>{{ rows.plan_task_row(r) }}</table>')
    plan_rows = [(plan, r) for plan in catalog.plans for r in catalog.plan_rows(plan)]
    assert any(r.due is None for _, r in plan_rows) and any(r.status == "done" for _, r in plan_rows)
    assert any(r.support for _, r in plan_rows) and any(not ref.url for _, r in plan_rows for ref in r.lead + r.support)
    for plan, row in plan_rows:
        assert _canonical(old_plan_row.render(plan=plan, task=row.task, n=row.number, **context), page.url) == _canonical(
            new_plan_row.render(r=row, **context), page.url
        )


def test_problem_lines_survive_the_memory_savings(tmp_path):
    """The plugin keeps only the lines a catalog reports; those must still be right."""
    registry = "- id: ubnd-x\n  name: UBND huyện X\n- id: pnv-x\n  name: Phòng Nội vụ huyện X\n  short: Phòng Nội vụ\n  parent: ubnd-x\n"
    plan = (
        "---\n"                                   # 1
        "number: 5/KH-UBND\n"                     # 2
        "issued: 2024-03-01\n"                    # 3
        "issuer: UBND huyện X\n"                  # 4
        "summary: Kế hoạch thử\n"                 # 5
        "special: [khong-co]\n"                   # 6
        "tasks:\n"                                # 7
        "  - title: Việc một\n"                   # 8
        "    lead: Phòng Nội vụ\n"                # 9
        "  - title: Việc hai\n"                   # 10
        "    lead: Phòng Nội vụ\n"                # 11
        "    support:\n"                          # 12
        "      - Phòng Nội vụ\n"                  # 13
        "      - Phòng Tư phap mới\n"             # 14
        "---\nToàn văn.\n"
    )
    files = {"co-quan.yml": registry, "ke-hoach/2024/a.md": plan, "ke-hoach/2024/b.md": plan.replace("Việc một", "Việc 1")}
    built = build_site(tmp_path, files, plugin_options={"today": TODAY})
    assert built.error is None
    messages = "\n".join(built.messages)
    assert "ke-hoach/2024/a.md:14:" in messages and "Phòng Tư phap mới" in messages  # tasks[1].support[1]
    assert "ke-hoach/2024/a.md:6:" in messages or "ke-hoach/2024/b.md:6:" in messages  # special[0]
    assert "ke-hoach/2024/b.md:2:" in messages  # the same number again, same issuer, same year


def test_big_chuyen_trang_home_is_bounded_and_lists_its_plans_on_numbered_pages(tmp_path):
    """A chuyên trang with more plans, events and tasks than its home holds: newest plans, then its own list."""
    bench = _bench()
    bench.PortalGenerator(30).write(tmp_path)
    slug = bench.SECTIONS[0].slug
    for plan in sorted((tmp_path / "content" / "ke-hoach").rglob("*.md"))[:12]:  # 12 plans join a chuyên trang
        text = plan.read_text("utf-8")
        if plan.name != "index.md" and "\nspecial:" not in text:
            plan.write_text(text.replace("---\n", f"---\nspecial: [{slug}]\n", 1), "utf-8")
    limits = {"section_home_plans": 3, "section_home_events": 2, "section_home_tasks": 10}
    built = build_site(tmp_path, None, plugin_options={"today": TODAY, **SIZES, **limits})
    assert built.error is None and built.messages == [], built.messages
    from plan_portal.cli import check

    catalog, _ = check(tmp_path / "content", today=date.fromisoformat(TODAY))
    site = built.site_dir
    big = [s for s in catalog.sections if len(catalog.section_plans.get(s.slug, [])) > 3]
    assert big
    checked_events = False
    for section in big:
        plans = catalog.section_plans[section.slug]
        home_rel = f"chuyen-trang/{section.slug}/index.html"
        home = _soup(site, home_rel)
        listed = [_target(home_rel, a["href"]) for a in home.select(".pp-plan-list .pp-plan-item__title a")]
        assert listed == [p.url for p in plans[:3]]  # the newest three
        more = home.find("a", string=re.compile(f"Xem tất cả {len(plans)} kế hoạch"))
        assert _target(home_rel, more["href"]) == f"chuyen-trang/{section.slug}/cac-ke-hoach/"
        assert not home.select(".pp-section-tasks")  # more than 10 tasks: the progress table only
        assert home.select(".pp-progress tbody tr")
        events = [e for e in catalog.section_entries.get(section.slug, []) if e.kind == "event"]
        shown = home.select("#sk-h ~ ul .pp-tl-entry")
        assert len(shown) == min(2, len(events))
        if len(events) > 2:
            assert f"2 trong {len(events)} sự kiện" in home.get_text(" ")
            checked_events = True
        # Its own numbered list holds every plan of the chuyên trang once, 7 a page, with a way back.
        found = []
        for rel in _pages(site, f"chuyen-trang/{section.slug}/cac-ke-hoach"):
            page = _soup(site, rel)
            items = page.select(".pp-plan-list .pp-plan-item__title a")
            assert 0 < len(items) <= SIZES["plans_page_size"]
            found += [_target(rel, a["href"]) for a in items]
            back = page.select_one(".pp-breadcrumb a")
            assert _target(rel, back["href"]) == f"chuyen-trang/{section.slug}/"
        assert found == [p.url for p in plans]
    assert checked_events, "a chuyên trang with more than 2 events"
