"""Every filter shows exactly what matches, and every count equals what is shown: the plan list, the
timeline and the agency list, each filter alone and in combinations."""

from __future__ import annotations

import itertools

import pytest

pytestmark = pytest.mark.browser

# Set the form's fields, let the page filter, and read back what a reader sees.
PLAN_STATE = """(v) => {
  const form = document.querySelector('form[data-pp-filter=plans]');
  for (const [name, value] of Object.entries(v)) form.elements[name].value = value;
  form.dispatchEvent(new Event('input', {bubbles: true}));
  const items = [...document.querySelectorAll('.pp-plan-list > li[data-year]')];
  return {
    shown: items.filter(li => !li.hidden && li.offsetParent !== null).map(li => ({...li.dataset})),
    all: items.map(li => ({...li.dataset})),
    count: form.querySelector('[data-pp-count]').textContent,
    empty: !document.querySelector('[data-pp-empty]').hidden,
    options: Object.fromEntries([...form.querySelectorAll('select')].map(s =>
      [s.name, [...s.options].filter(o => o.value).map(o => [o.value, o.textContent])])),
  };
}"""


def _plan_matches(item: dict, v: dict) -> bool:
    return ((not v.get("year") or v["year"] in item["year"].split())
            and (not v.get("issuer") or item["issuer"] == v["issuer"])
            and (not v.get("doc_type") or item["doc_type"] == v["doc_type"])
            and (not v.get("special") or v["special"] in item["special"].split()))


def test_plan_list_every_filter_and_pair_shows_exactly_what_matches(page, sub_site):
    page.goto(sub_site.url("ke-hoach/"))
    start = page.evaluate(PLAN_STATE, {})
    fields = {name: [value for value, _ in options] for name, options in start["options"].items()}
    assert set(fields) >= {"year", "issuer", "special"} and "2024" in fields["year"]
    blank = {name: "" for name in fields}
    combos = [{name: value} for name, values in fields.items() for value in values]
    for (a, av), (b, bv) in itertools.combinations(fields.items(), 2):
        combos += [{a: x, b: y} for x in av for y in bv]
    for combo in combos:
        state = page.evaluate(PLAN_STATE, {**blank, **combo})
        expected = [item for item in state["all"] if _plan_matches(item, combo)]
        assert state["shown"] == expected, combo
        assert state["count"] == str(len(expected)), combo
        assert state["empty"] == (not expected), combo
        # Each choice's count is what choosing it would show, the other filters as they are.
        for name, options in state["options"].items():
            for value, text in options:
                would = sum(1 for item in state["all"] if _plan_matches(item, {**combo, name: value}))
                assert text.endswith(f"({would})"), (combo, name, value, text)


TIMELINE_STATE = """(v) => {
  const form = document.querySelector('form[data-pp-filter=timeline]');
  for (const [name, value] of Object.entries(v)) form.elements[name].value = value;
  form.dispatchEvent(new Event('input', {bubbles: true}));
  const visible = el => !!el.offsetParent;
  const entry = li => ({kind: li.dataset.ppKind, agencies: li.dataset.ppAgencies, sections: li.dataset.ppSections,
                        shown: visible(li), recurring: !!li.closest('.pp-tl-recurring')});
  const boxes = [...document.querySelectorAll('.pp-tl-year, .pp-tl-month, .pp-tl-recurring')].filter(b => b.querySelector('.pp-tl-entry'));
  return {
    entries: [...document.querySelectorAll('.pp-timeline-years .pp-tl-entry, .pp-tl-recurring .pp-tl-entry')].map(entry),
    count: form.querySelector('[data-pp-count]').textContent,
    boxes: boxes.map(b => ({shown: visible(b), entries: [...b.querySelectorAll('.pp-tl-entry')].filter(visible).length,
                            said: (b.querySelector(':scope > h2 [data-pp-box-count]') || {}).textContent || null})),
    options: Object.fromEntries([...form.querySelectorAll('select')].map(s => [s.name, [...s.options].map(o => o.value).filter(Boolean)])),
  };
}"""


def _entry_matches(entry: dict, v: dict) -> bool:
    return ((not v.get("kind") or entry["kind"] == v["kind"])
            and (not v.get("agency") or v["agency"] in entry["agencies"].split())
            and (not v.get("section") or v["section"] in entry["sections"].split()))


def test_timeline_every_filter_and_pair_shows_exactly_what_matches(page, sub_site):
    page.goto(sub_site.url("dong-thoi-gian/"))
    start = page.evaluate(TIMELINE_STATE, {})
    fields = start["options"]
    assert set(fields) == {"kind", "agency", "section"}
    assert any(e["recurring"] for e in start["entries"]), "the demo has undated ('Định kỳ, thường xuyên') entries"
    blank = {name: "" for name in fields}
    combos = [{}] + [{name: value} for name, values in fields.items() for value in values]
    combos += [{"kind": k, "section": s} for k in fields["kind"] for s in fields["section"]]
    combos += [{"kind": k, "agency": a} for k in fields["kind"] for a in fields["agency"][:8]]
    for combo in combos:
        state = page.evaluate(TIMELINE_STATE, {**blank, **combo})
        for e in state["entries"]:
            assert e["shown"] == _entry_matches(e, combo), (combo, e)
        shown = sum(e["shown"] for e in state["entries"])
        assert state["count"] == str(shown), combo
        for box in state["boxes"]:
            assert box["shown"] == (box["entries"] > 0), (combo, box)  # no heading without content
            if box["said"] is not None and box["shown"]:
                assert box["said"] == str(box["entries"]), (combo, box)  # the heading counts what it shows


AGENCY_STATE = """(q) => {
  const form = document.querySelector('form[data-pp-filter=agencies]');
  form.elements.q.value = q;
  form.dispatchEvent(new Event('input', {bubbles: true}));
  return [...document.querySelectorAll('.pp-agency-group')].map(g => ({
    shown: !!g.offsetParent,
    root: (g.querySelector('.pp-agency-root') || {dataset: {text: ''}}).dataset.text,
    rows: [...g.querySelectorAll('.pp-agency-row')].map(r => ({shown: !!r.offsetParent, text: r.dataset.text})),
  }));
}"""


@pytest.mark.parametrize("query", ["", "noi vu", "Huyện ủy", "uy ban nhan dan", "zzz khong co"])
def test_agency_list_search_shows_exactly_what_matches(page, sub_site, query):
    page.goto(sub_site.url("co-quan/"))
    words = query.lower().replace("đ", "d")
    import unicodedata
    words = "".join(c for c in unicodedata.normalize("NFD", words) if not unicodedata.combining(c)).split()
    for group in page.evaluate(AGENCY_STATE, query):
        for row in group["rows"]:
            assert row["shown"] == all(w in row["text"] for w in words), (query, row)
        root_matches = bool(group["root"]) and all(w in group["root"] for w in words)
        assert group["shown"] == (root_matches or any(r["shown"] for r in group["rows"])), (query, group)
    provinces = page.evaluate("""() => [...document.querySelectorAll('.pp-agency-province')].map(p =>
        [!!p.offsetParent, [...p.querySelectorAll('.pp-agency-group')].some(g => !!g.offsetParent)])""")
    assert all(shown == has_group for shown, has_group in provinces), (query, provinces)  # no empty heading
