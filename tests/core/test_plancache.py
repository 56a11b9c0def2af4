"""The on-disk cache of parsed plans (core/plancache.py, issue 17)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from plan_portal.core.loader import load_plan
from plan_portal.core.plancache import DiskPlanCache, code_version

PLAN = """---
number: 5/KH-UBND
issued: 2024-03-01
issuer: UBND huyện Mẫu
summary: Kế hoạch mẫu
tasks:
  - {title: Việc một, lead: Phòng Nội vụ, due: Quý III/2024}
---
Toàn văn.
"""


def load_all(folder: Path, cache: DiskPlanCache) -> dict:
    return {p.name: load_plan(p, f"ke-hoach/{p.name}", cache=cache) for p in sorted(folder.glob("*.md"))}


def test_a_second_build_reads_every_unchanged_plan_from_the_cache(tmp_path):
    plans = tmp_path / "ke-hoach"
    plans.mkdir()
    (plans / "a.md").write_text(PLAN, "utf-8")
    (plans / "b.md").write_text(PLAN.replace("5/KH", "6/KH"), "utf-8")
    first = DiskPlanCache(tmp_path / "cache" / "plans.pickle")
    fresh = load_all(plans, first)
    first.save()
    assert (first.hits, first.misses) == (0, 2)

    (plans / "b.md").write_text(PLAN.replace("5/KH", "7/KH"), "utf-8")
    second = DiskPlanCache(tmp_path / "cache" / "plans.pickle")
    cached = load_all(plans, second)
    assert (second.hits, second.misses) == (1, 1)  # b.md changed: parsed again
    assert cached["a.md"].plan == fresh["a.md"].plan and cached["a.md"].front.body == fresh["a.md"].front.body
    assert cached["b.md"].plan.number == "7/KH-UBND"


@pytest.mark.parametrize("content", [
    b"",                                       # cut short
    b"not a pickle at all",                    # not ours
    pickle.dumps(("another-version", {})),     # written by other code
    pickle.dumps([1, 2, 3]),                   # another shape
])
def test_a_cache_that_cannot_be_trusted_is_ignored(tmp_path, content):
    path = tmp_path / "plans.pickle"
    path.write_bytes(content)
    (tmp_path / "a.md").write_text(PLAN, "utf-8")
    cache = DiskPlanCache(path)
    assert len(cache) == 0
    entry = load_plan(tmp_path / "a.md", "ke-hoach/a.md", cache=cache)
    assert entry.plan is not None and cache.misses == 1
    cache.save()
    assert pickle.loads(path.read_bytes())[0] == code_version()


def test_the_cache_is_written_only_when_something_changed(tmp_path):
    path = tmp_path / "plans.pickle"
    (tmp_path / "a.md").write_text(PLAN, "utf-8")
    cache = DiskPlanCache(path)
    load_plan(tmp_path / "a.md", "ke-hoach/a.md", cache=cache)
    cache.save()
    again = DiskPlanCache(path)
    load_plan(tmp_path / "a.md", "ke-hoach/a.md", cache=again)
    again.keep_only({"ke-hoach/a.md"})
    path.write_bytes(path.read_bytes())  # (same bytes; a write would change the time)
    stamp = path.stat().st_mtime_ns
    again.save()
    assert path.stat().st_mtime_ns == stamp
    again.keep_only(set())  # the plan was deleted: the cache forgets it
    again.save()
    assert pickle.loads(path.read_bytes())[1] == {}
