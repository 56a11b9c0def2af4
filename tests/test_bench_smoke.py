"""A small run of the benchmark (``scripts/bench.py``), so that it never rots. No timing assertions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "scripts" / "bench.py"
KEYS = ("build", "plans", "pages", "wall_s", "cpu_s", "peak_rss_mb", "site_mb", "largest_kb", "largest", "ratio",
        "cpu_ratio", "warnings", "exit")
NUMBER = re.compile(r"^\d+(\.\d+)?$")


def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(BENCH), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def fields(line: str) -> dict[str, str]:
    pairs = dict(part.split("=", 1) for part in line.split())
    assert all(pairs.values()), line
    return pairs


def test_generator_and_both_builds(tmp_path):
    proc = run("--plans", "20", "--keep", str(tmp_path / "portal"))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("# generated plans=20 ")
    builds = {f["build"]: f for f in map(fields, (line for line in lines if line.startswith("build=")))}
    assert set(builds) == {"portal", "floor"}
    for name, f in builds.items():
        assert set(KEYS) <= set(f), f
        for key in ("plans", "pages", "wall_s", "cpu_s", "peak_rss_mb", "site_mb", "largest_kb", "warnings", "exit"):
            assert NUMBER.match(f[key]), (key, f[key])
        assert f["plans"] == "20" and f["exit"] == "0"
        assert float(f["peak_rss_mb"]) > 10 and float(f["site_mb"]) > 0
        assert f["largest"].endswith(".html")
    portal, floor = builds["portal"], builds["floor"]
    assert portal["warnings"] == "0", proc.stderr[-3000:]  # the generated content is valid and every name resolves
    assert NUMBER.match(portal["ratio"]) and NUMBER.match(portal["cpu_ratio"]) and floor["ratio"] == "1.00"
    assert NUMBER.match(portal["plan_max_kb_without_text"])
    # 20 plans, the home page, the chuyên trang, and for the portal its generated pages on top
    assert int(floor["pages"]) >= 20 + 1 + 5 and int(portal["pages"]) > int(floor["pages"])
    site = tmp_path / "portal" / "site-portal"
    assert (site / "dong-thoi-gian" / "index.html").is_file() and (site / "du-lieu" / "ke-hoach.json").is_file()
    # A second run reuses the generated content (same plans, same seed) and can build one side only.
    again = run("--plans", "20", "--keep", str(tmp_path / "portal"), "--only", "floor", "--repeat", "2")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "reused=True" in again.stdout and [line[:11] for line in again.stdout.splitlines()[1:]] == ["build=floor"]


def test_generator_is_deterministic(tmp_path):
    sys.path.insert(0, str(BENCH.parent))
    try:
        import bench
    finally:
        sys.path.remove(str(BENCH.parent))
    a, b = bench.PortalGenerator(5, seed=3), bench.PortalGenerator(5, seed=3)
    assert [a.plan(i).text for i in range(5)] == [b.plan(i).text for i in range(5)]


@pytest.mark.slow
def test_serve_reload(tmp_path):
    proc = run("--plans", "5", "--keep", str(tmp_path / "portal"), "--only", "none", "--serve-reload", "--serve-dirty",
               timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    for kind in ("reload", "reload-dirty"):
        line = next(line for line in proc.stdout.splitlines() if line.startswith(f"serve={kind} "))
        f = fields(line)
        assert f["plans"] == "5" and NUMBER.match(f["reload_1_s"]) and NUMBER.match(f["reload_2_s"])
        assert NUMBER.match(f["reload_front_matter_s"])


def test_sizes_bodies_and_search_in_one_run(tmp_path):
    """Several sizes and both body variants in one run, with Pagefind measured, and the summary table."""
    proc = run("--plans", "6,8", "--bodies", "seed,short", "--keep", str(tmp_path / "b"), "--only", "portal",
               "--search", "--warm", timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    generated = [fields(line[len("# generated "):]) for line in lines if line.startswith("# generated ")]
    assert [(g["plans"], g["bodies"]) for g in generated] == [
        ("6", "seed"), ("6", "short"), ("8", "seed"), ("8", "short")]
    warm = [fields(line) for line in lines if line.startswith("build=portal_warm ")]
    assert len(warm) == 4 and all(f["exit"] == "0" for f in warm), warm
    assert (tmp_path / "b" / "8-seed" / ".cache" / "plan-portal" / "plans.pickle").is_file()  # what the warm build reused
    searches = [fields(line) for line in lines if line.startswith("search=")]
    assert len(searches) == 4
    for f in searches:
        assert f["exit"] == "0" and int(f["indexed"]) > int(f["plans"]), f
        for key in ("wall_s", "cpu_s", "peak_rss_mb", "bundle_mb", "of_build", "build_with_search_peak_mb"):
            assert NUMBER.match(f[key]), (key, f[key])
    rows = [line for line in lines if line.startswith("| seed ") or line.startswith("| short ")]
    assert [row.split("|")[1:3] for row in rows] == [[" seed ", " 6 "], [" short ", " 6 "], [" seed ", " 8 "],
                                                      [" short ", " 8 "]]
    # Short bodies: the same plans (front matter), much less text.
    seed_dir, short_dir = tmp_path / "b" / "8-seed" / "content", tmp_path / "b" / "8-short" / "content"
    seed_plans = sorted(p.relative_to(seed_dir) for p in (seed_dir / "ke-hoach").rglob("*.md"))
    assert seed_plans == sorted(p.relative_to(short_dir) for p in (short_dir / "ke-hoach").rglob("*.md"))
    for rel in seed_plans:
        long_text, short_text = (seed_dir / rel).read_text("utf-8"), (short_dir / rel).read_text("utf-8")
        assert long_text.split("\n---\n", 1)[0] == short_text.split("\n---\n", 1)[0]
        assert len(short_text.split("\n---\n", 1)[1]) < len(long_text.split("\n---\n", 1)[1]) / 2
    assert (tmp_path / "b" / "8-short" / "site-portal" / "pagefind" / "pagefind.js").is_file()
