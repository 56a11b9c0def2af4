"""``mkdocs build`` in two processes (mkdocs/workers.py, issue 17): the same site as one process, the
worker's warnings still fail ``--strict``, and a failing worker fails the build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plan_portal.mkdocs.workers import share_plans
from portal_testing import TODAY, make_config, write_files
from test_determinism import FILES


def cli_build(root: Path, out: str, *args: str, tool: str = "mkdocs") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", tool, "build", *args, "-f", str(root / "mkdocs.yml"),
                           "-d", str(root / out)], cwd=root, env=env, capture_output=True, text=True)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def site_with(root: Path, workers: int, files: dict[str, str] = FILES, **extra) -> None:
    write_files(root / "content", files)
    make_config(root, {"today": TODAY, "search": False, "workers": workers}, site_url="https://cong.example.gov.vn/", **extra)


def test_two_processes_write_the_same_site_as_one(tmp_path):
    site_with(tmp_path / "one", 1)
    site_with(tmp_path / "two", 2)
    one = cli_build(tmp_path / "one", "site", "-v")
    two = cli_build(tmp_path / "two", "site", "-v")
    assert one.returncode == 0 and two.returncode == 0, two.stderr[-3000:]
    # The fork happened in the second build only, and the skipped halves are not in the log.
    assert "hai tiến trình" in two.stderr and "hai tiến trình" not in one.stderr
    assert "Page skipped" not in two.stderr
    a, b = tree(tmp_path / "one" / "site"), tree(tmp_path / "two" / "site")
    assert sorted(a) == sorted(b)
    assert "ke-hoach/2023/48-kh-ubnd/index.html" in a and "dong-thoi-gian/index.html" in a
    assert "du-lieu/ke-hoach.json" in a and "dong-thoi-gian/lich.ics" in a and "404.html" in a
    assert [rel for rel in a if a[rel] != b[rel]] == []


@pytest.mark.parametrize("workers, tool", [(1, "mkdocs"), (2, "mkdocs"), (2, "properdocs")])
def test_a_warning_in_either_process_fails_strict_once(tmp_path, workers, tool):
    clean = {rel: text.replace("<script>alert(1)</script>", "").replace(", Công ty Điện lực", "").replace("sau tết", "Quý IV/2023")
             for rel, text in FILES.items() if rel != "ke-hoach/2024/loi.md"}
    site_with(tmp_path / "clean", workers, clean, validation={"anchors": "warn"})
    assert cli_build(tmp_path / "clean", "site", "--strict", tool=tool).returncode == 0
    # The first plan (in path order) is the worker's: its link is checked there only.
    files = {**clean, "ke-hoach/2023/19-kh-ubnd.md": clean["ke-hoach/2023/19-kh-ubnd.md"].replace(
        "Toàn văn kế hoạch khung.", "Xem [mục không có](48-kh-ubnd.md#khong-co-muc-nay).")}
    site_with(tmp_path / "bad", workers, files, validation={"anchors": "warn"})
    proc = cli_build(tmp_path / "bad", "site", "--strict", tool=tool)
    assert proc.returncode != 0
    assert "Page skipped" not in proc.stderr
    assert proc.stderr.count("Doc file 'ke-hoach/2023/19-kh-ubnd.md' contains a link") == 1, proc.stderr[-3000:]
    assert "strict mode" in proc.stdout + proc.stderr
    if workers == 2:  # said in the worker, counted by the main process
        assert "Tiến trình dựng song song ghi 1 cảnh báo" in proc.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_page_of_the_worker_fails_the_build(tmp_path, workers):
    site_with(tmp_path, workers, theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    broken = tmp_path / "overrides" / "plan-portal" / "timeline.html"
    broken.parent.mkdir(parents=True)
    broken.write_text("{{ 1 // (page.title | length - page.title | length) }}", "utf-8")
    proc = cli_build(tmp_path, "site")
    assert proc.returncode != 0
    assert "ZeroDivisionError" in proc.stderr or "division" in proc.stderr, proc.stderr[-3000:]
    if workers == 2:
        assert "Tiến trình dựng song song không hoàn thành" in proc.stderr


@pytest.mark.parametrize("plans, tasks, size, low, high", [
    (1000, 20, 23_000, 0.28, 0.33),  # seed-like texts: the worker also takes about three plans in ten
    (1000, 20, 300, 0.0, 0.05),      # short texts: the generated pages and data files are nearly its half
    (1000, 0, 23_000, 0.5, 0.56),    # no tasks: nothing generated to speak of; the main process also copies the theme
    (0, 0, 0, 0.0, 0.0),
])
def test_the_worker_takes_a_share_of_the_plans_that_balances_the_two(plans, tasks, size, low, high):
    listed = [(f"ke-hoach/{i:05}.md", tasks, size) for i in range(plans)]
    taken = share_plans(listed)
    assert low * plans <= len(taken) <= high * plans
    if taken:  # spread over the list, not its first part
        positions = sorted(i for i, (path, _, _) in enumerate(listed) if path in taken)
        assert positions[0] < plans / 5 and positions[-1] > plans * 4 / 5
