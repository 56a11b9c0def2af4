#!/usr/bin/env python3
"""Measure the web editor: bytes of the bundle, bytes loaded and seconds to open /bien-tap/ (docs/bien-tap.md).

    .venv/bin/python scripts/bench_editor.py                       # Decap CMS, as the portal ships it
    .venv/bin/python scripts/bench_editor.py --sveltia DIR         # also Sveltia CMS from DIR/node_modules/@sveltia/cms

The demo is built once (mkdocs build) and served by Python's http.server on 127.0.0.1; each run opens
the editor in a fresh headless Chromium context (empty cache) and times, from the start of navigation,
until the sign-in screen can be used (the first thing a GitHub Pages editor sees). Median of --runs.
This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _open_times(url: str, ready: str, runs: int) -> tuple[list[float], int, int]:
    """Seconds until ``ready`` (a text) is visible, bytes loaded, requests; fresh context each run."""
    from playwright.sync_api import sync_playwright

    times, loaded, count = [], 0, 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        for _ in range(runs):
            context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            page.get_by_text(ready).first.wait_for(timeout=120_000)
            times.append(time.perf_counter() - start)
            loaded = page.evaluate("performance.getEntriesByType('resource').reduce((s, e) => s + e.decodedBodySize, 0)"
                                   " + performance.getEntriesByType('navigation')[0].decodedBodySize")
            count = page.evaluate("performance.getEntriesByType('resource').length + 1")
            context.close()
        browser.close()
    return times, loaded, count


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def _report(name: str, bundle: int, files: int, times: list[float], loaded: int, requests: int) -> None:
    print(f"{name}: bundle {bundle / 1e6:.2f} MB in {files} files; opening loads {loaded / 1e6:.2f} MB in "
          f"{requests} requests; time to the sign-in screen: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sveltia", type=Path, help="a folder whose node_modules has @sveltia/cms (npm i @sveltia/cms)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="plan-portal-editor-bench-"))
    try:
        site = work / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, check=True,
                       env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
        server, base = _serve(site)
        editor = sorted((site / "bien-tap").iterdir())
        times, loaded, requests = _open_times(base + "bien-tap/", "Đăng nhập", args.runs)
        _report("Decap CMS", _size(editor), len(editor), times, loaded, requests)
        if args.sveltia:
            package = args.sveltia / "node_modules" / "@sveltia" / "cms"
            version = json.loads((package / "package.json").read_text("utf-8"))["version"]
            page_dir = site / "sveltia"
            page_dir.mkdir()
            shutil.copy(package / "dist" / "sveltia-cms.js", page_dir)
            config = json.loads((site / "bien-tap" / "config.json").read_text("utf-8"))
            for key in ("local_backend", "locale"):
                config.pop(key, None)
            config["backend"] = {"name": "github", "repo": "example/cong-ke-hoach", "branch": "main"}
            config["collections"] = [c for c in config["collections"] if c["name"] != "co-quan"]  # no custom formats
            (page_dir / "config.yml").write_text(json.dumps(config, ensure_ascii=False), "utf-8")
            (page_dir / "index.html").write_text(
                '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sveltia</title></head>'
                '<body><script src="sveltia-cms.js"></script></body></html>', "utf-8")
            times, loaded, requests = _open_times(base + "sveltia/", "GitHub", args.runs)
            _report(f"Sveltia CMS {version}", _size([page_dir / "sveltia-cms.js"]), 1, times, loaded, requests)
        server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
