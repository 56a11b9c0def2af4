"""The web editor (/bien-tap/, Decap CMS) in real Chromium, on a local checkout, as scripts/editor runs it.

A temporary checkout (mkdocs.yml, the registry, one real plan and its chuyên trang) is served by
``scripts/editor`` itself: decap-server (the local proxy, from npm) writes into its ``content/`` and
``mkdocs serve`` rebuilds after each save. The tests fill the generated forms like an editor would and
then read what was written with the project's own tools (``plan-portal check --strict``, the built page).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

from plan_portal.core.agencies import Registry
from plan_portal.core.diagnostics import Severity
from plan_portal.core.frontmatter import parse_front_matter

ROOT = Path(__file__).resolve().parents[2]
PLAN = "ke-hoach/2023/48-kh-ubnd-ky-niem-60-nam-quang-ninh.md"
SECTION = "chuyen-trang/ky-niem-60-nam-quang-ninh"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _checkout(folder: Path) -> None:
    """A small checkout: the demo's mkdocs.yml (paths made absolute), the registry, one plan, its chuyên trang."""
    content = folder / "content"
    (content / "ke-hoach" / "2023").mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("custom_dir: plugins/", f"custom_dir: {ROOT}/plugins/")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    for rel in ("index.md", "co-quan.yml", PLAN):
        (content / rel).write_bytes((ROOT / "content" / rel).read_bytes())
    section = content / SECTION
    section.mkdir(parents=True)
    (section / "index.md").write_bytes((ROOT / "content" / SECTION / "index.md").read_bytes())


def _wait_for(url: str, proc: subprocess.Popen, data: bytes | None = None) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            pytest.fail(f"scripts/editor stopped (exit {proc.returncode})", pytrace=False)
        try:
            headers = {"Content-Type": "application/json"} if data else {}
            with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} never answered", pytrace=False)


@pytest.fixture
def editor(tmp_path: Path):
    """scripts/editor on a fresh checkout: (checkout folder, editor URL, site URL)."""
    folder = tmp_path / "checkout"
    _checkout(folder)
    port, proxy = _free_port(), _free_port()
    env = {**os.environ, "PORT": str(port), "PROXY_PORT": str(proxy), "SKIP_SETUP": "1",
           "PLAN_PORTAL_TODAY": "2024-09-01", "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "editor.log").open("w")
    proc = subprocess.Popen([str(ROOT / "scripts" / "editor"), str(folder)], env=env, stdout=log, stderr=log,
                            start_new_session=True)
    try:
        _wait_for(f"http://127.0.0.1:{proxy}/api/v1", proc, b'{"action":"info","params":{}}')
        _wait_for(f"http://127.0.0.1:{port}/bien-tap/config.json", proc)
        yield folder, f"http://127.0.0.1:{port}/bien-tap/", f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def _labels(page, label: str):
    return page.locator("label", has_text=re.compile("^" + re.escape(label) + r"( \(không bắt buộc\))?$", re.I))


def _add(page, button: str, label: str) -> None:
    """Click a list's «Thêm …» button and wait for the new item's ``label`` field."""
    before = _labels(page, label).count()
    page.get_by_role("button", name=button).last.click()
    _labels(page, label).nth(before).wait_for(state="attached")


def _field(page, label: str):
    """The input of the newest field labelled ``label`` (Decap numbers field ids as it creates them)."""
    labels = _labels(page, label)
    labels.first.wait_for(state="attached")
    ids = [labels.nth(i).get_attribute("for") for i in range(labels.count())]
    return page.locator("#" + max(ids, key=lambda i: int(i.rsplit("-", 1)[1])))


def _choose(page, label: str, option: str) -> None:
    """Pick ``option`` (its exact text) in a drop-down: agencies come from the registry."""
    box = _field(page, label)
    box.click()
    box.fill(option)
    page.locator("[id*='-option-']").get_by_text(option, exact=True).first.click()


def _open(page, url: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.get_by_role("button", name="Đăng nhập").click()
    return requests


def _publish(page) -> str:
    """Save, and wait for this save's check results (the panel of an earlier save is closed first)."""
    page.evaluate("document.getElementById('pp-check') && document.getElementById('pp-check').remove()")
    page.get_by_role("button", name="Công bố").click()
    page.get_by_text("Công bố ngay").click()
    panel = page.locator("#pp-check[data-state='ok'], #pp-check[data-state='problems']")
    panel.wait_for()
    return panel.inner_text()


def _check_strict(content: Path) -> subprocess.CompletedProcess:
    cli = Path(sys.executable).with_name("plan-portal")
    return subprocess.run([str(cli), "check", "--strict", str(content)], capture_output=True, text=True)


def test_create_a_plan_with_tasks_and_a_result(editor, page) -> None:
    folder, url, site = editor
    requests = _open(page, url)
    page.get_by_text("＋ kế hoạch").click()
    _field(page, "Số, ký hiệu").fill("99/KH-UBND")
    _field(page, "Ngày ban hành").fill("15/3/2024")
    _choose(page, "Cơ quan ban hành", "UBND thành phố Cẩm Phả")
    _field(page, "Trích yếu").fill("Thử nghiệm trình biên tập trên trình duyệt")
    _add(page, "Thêm nhiệm vụ", "Tiêu đề")
    _field(page, "Tiêu đề").fill("Rà soát danh sách đại biểu")
    _choose(page, "Cơ quan chủ trì", "Phòng Nội vụ thành phố Cẩm Phả")
    _field(page, "Thời hạn").fill("trước ngày 30/4/2024")
    _add(page, "Thêm nhiệm vụ", "Tiêu đề")
    _field(page, "Tiêu đề").fill("In tài liệu tuyên truyền")
    _choose(page, "Cơ quan chủ trì", "Phòng Văn hóa và Thông tin thành phố Cẩm Phả")
    _field(page, "Thời hạn").fill("Quý II/2024")
    # The result: a dated update of the second task (Task.updates, from the model).
    _add(page, "Thêm cập nhật kết quả", "Thời điểm")
    _field(page, "Thời điểm").fill("2024-05-10")
    _choose(page, "Trạng thái", "Đã hoàn thành")
    _field(page, "Ghi chú").fill("Đã in 2.000 tờ gấp")
    # The preview uses the portal's own stylesheets and markup.
    preview = page.frame_locator("#preview-pane")
    assert preview.locator(".pp-task-table tbody tr").count() == 2
    message = _publish(page)

    written = sorted((folder / "content" / "ke-hoach").glob("*/99-kh-ubnd-*.md"))
    assert len(written) == 1, written
    path = written[0]
    rel = path.relative_to(folder).as_posix()
    assert "không có lỗi" in message and rel in message  # what check says about the saved file, shown in the editor

    front = parse_front_matter(path.read_text("utf-8"), rel)
    assert front.problems == []
    assert list(front.data) == ["doc_type", "number", "issued", "issuer", "summary", "tasks"]
    assert front.data["tasks"] == [
        {"title": "Rà soát danh sách đại biểu", "lead": ["Phòng Nội vụ thành phố Cẩm Phả"],
         "due": "trước ngày 30/4/2024", "status": "planned"},
        {"title": "In tài liệu tuyên truyền", "lead": ["Phòng Văn hóa và Thông tin thành phố Cẩm Phả"],
         "due": "Quý II/2024", "status": "planned",
         "updates": [{"date": date(2024, 5, 10), "status": "done", "note": "Đã in 2.000 tờ gấp"}]},
    ]
    proc = _check_strict(folder / "content")
    assert proc.returncode == 0, proc.stdout + proc.stderr

    # mkdocs serve rebuilt the site after the save: the new plan has its page with both tasks.
    page.goto(site + rel.removeprefix("content/").removesuffix(".md") + "/")
    rows = page.locator(".pp-task-table tbody tr")
    assert rows.count() == 2
    assert "Rà soát danh sách đại biểu" in rows.nth(0).inner_text()
    assert "Phòng Nội vụ" in rows.nth(0).inner_text()
    assert "Hoàn thành" in rows.nth(1).inner_text()

    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, hosts  # the editor and the proxy; nothing from another host


def test_edit_an_existing_plan_changes_only_that_field(editor, page) -> None:
    folder, url, _ = editor
    path = folder / "content" / PLAN
    before = path.read_text("utf-8")
    _open(page, url)
    page.get_by_text("48/KH-UBND").first.click()
    place = _field(page, "Địa danh")
    assert place.input_value() == "Cẩm Phả"
    place.fill("Thành phố Cẩm Phả")
    message = _publish(page)
    assert "không có lỗi" in message
    after_place = path.read_text("utf-8")

    # Then one deadline of one task, in the long task list.
    dues = _labels(page, "Thời hạn")
    inputs = [page.locator("#" + dues.nth(i).get_attribute("for")) for i in range(dues.count())]
    first_due = next(box for box in inputs if box.input_value() == "trước 25/3/2023")
    first_due.fill("trước 30/3/2023")
    message = _publish(page)
    assert "không có lỗi" in message

    # The first save changed that one line: every other key keeps its text, its quotes, its comments.
    assert after_place == before.replace("\nplace: Cẩm Phả\n", "\nplace: Thành phố Cẩm Phả\n", 1)

    after = path.read_text("utf-8")
    old, new = parse_front_matter(before, PLAN), parse_front_matter(after, PLAN)
    assert new.problems == []
    tasks = [dict(t) for t in old.data["tasks"]]
    tasks[0]["due"] = "trước 30/3/2023"
    assert new.data == {**old.data, "place": "Thành phố Cẩm Phả", "tasks": tasks}
    assert new.body == old.body
    # The second save rewrote that task only: the other 58 tasks and every comment keep their text.
    start = after_place.index("  - title: \"Xây dựng Kế hoạch phát động")
    end = after_place.index("  - title:", start + 1)
    old_task = after_place[start:end]
    assert "due: \"trước 25/3/2023\"" in old_task
    rest_before, rest_after = after_place.replace(old_task, ""), after.replace(after[start:after.index("  - title:", start + 1)], "")
    assert rest_after == rest_before
    assert "\n  # (1)\n" in after and after[start:].startswith("  - title: Xây dựng Kế hoạch phát động")


def test_the_editor_is_in_vietnamese(editor, page) -> None:
    _, url, _ = editor
    _open(page, url)
    page.get_by_text("＋ kế hoạch").wait_for()
    missing = page.evaluate(
        """() => {
            const vi = CMS.getLocale("vi"), en = CMS.getLocale("en"), out = [];
            const walk = (e, v, path) => Object.keys(e).forEach(k => {
                if (typeof e[k] === "object") walk(e[k], (v || {})[k], path + k + ".");
                else if (!v || typeof v[k] !== "string") out.push(path + k);
            });
            walk(en, vi, "");
            return out;
        }"""
    )
    assert missing == []
    body = page.inner_text("body")
    for english in ("Collections", "Add ", "Publish", "Media", "Quick add"):
        assert english not in body


def test_edit_the_agency_registry(editor, page) -> None:
    """co-quan.yml is a YAML list: the editor's own format reads and writes it, keeping its header comment."""
    folder, url, _ = editor
    path = folder / "content" / "co-quan.yml"
    before = path.read_text("utf-8")
    _open(page, url)
    page.get_by_text("Danh mục cơ quan").first.click()
    page.get_by_text("Danh mục cơ quan, đơn vị").click()
    _add(page, "Thêm cơ quan", "Mã (id)")
    _field(page, "Mã (id)").fill("phong-thu-nghiem-cam-pha")
    _field(page, "Tên đầy đủ").fill("Phòng Thử nghiệm thành phố Cẩm Phả")
    _field(page, "Tên gọi ngắn").fill("Phòng Thử nghiệm")
    _choose(page, "Cơ quan cấp trên", "UBND thành phố Cẩm Phả (ubnd-tp-cam-pha)")
    message = _publish(page)
    assert "không có lỗi" in message

    after = path.read_text("utf-8")
    header = before[: before.index("\n- ")]
    assert after.startswith(header)  # the comment block at the top is kept
    registry, problems = Registry.loads(after)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    added = registry.agencies["phong-thu-nghiem-cam-pha"]
    assert (added.name, added.short, added.parent) == ("Phòng Thử nghiệm thành phố Cẩm Phả", "Phòng Thử nghiệm", "ubnd-tp-cam-pha")
    before_registry, _ = Registry.loads(before)
    assert set(registry.agencies) == set(before_registry.agencies) | {"phong-thu-nghiem-cam-pha"}
    for agency_id, agency in before_registry.agencies.items():  # every other entry reads the same
        got = registry.agencies[agency_id]
        assert (got.name, got.short, got.aliases, got.parent) == (agency.name, agency.short, agency.aliases, agency.parent)
