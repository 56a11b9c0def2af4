"""Nothing outside the content folder reaches the site, whatever leads to it; no file of the content
folder vanishes (issue 13).

* Every way a content file can name another file, each pointing outside the folder at a file that
  holds a marker: the site built with ``mkdocs build`` and as ``mkdocs serve`` builds it holds no
  byte of them, and ``plan-portal check`` reports every attempt (none of it is shown).
* The demo content with every corpus case injected: each file of the content folder is either
  published or named on ``/bao-cao/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import corpus
from plan_portal.cli import check
from plan_portal.core.files import resolve_reference, scan_content
from plan_portal.core.loader import default_url
from portal_testing import ROOT, build_site, capture_warnings, make_config
from test_corpus import page_text
from trust_cases import MARKER, OUTSIDE


def _link(content: Path, rel: str, target: Path) -> None:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # a file of the base portal becomes a link
    path.symlink_to(os.path.relpath(target, path.parent))


def _every_way(root: Path) -> tuple[Path, list[str]]:
    """A base portal plus one reference of each kind to a file outside; returns the content folder and
    the content-relative places each attempt must be reported at."""
    content = root / "content"
    corpus.write_content(content, [])
    outside = root / "ngoai"
    for rel, text in OUTSIDE.items():
        path = outside / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    links = {
        "ke-hoach/2023/dinh-kem.pdf": outside / "bi-mat.txt",          # an attachment
        "ke-hoach/2023/lien-ket.md": outside / "bi-mat.md",            # a plan
        "ke-hoach/ngoai": outside / "thu-muc",                         # a folder of plans
        "chuyen-trang/ky-niem-60-nam/bang-ron.jpg": outside / "anh.jpg",  # a banner
        "chuyen-trang/ky-niem-60-nam/bai.md": outside / "bi-mat.md",   # an article
        "chuyen-trang/ngoai": outside / "thu-muc",                     # a whole chuyên trang
        "co-quan/phong-noi-vu-cam-pha.md": outside / "bi-mat.md",      # an agency introduction
        "index.md": outside / "bi-mat.md",                             # the home page
        "ke-hoach/index.md": outside / "bi-mat.md",                    # the plan list's introduction
        "tai-lieu/bi-mat.txt": outside / "bi-mat.txt",                 # any other file
        "co-quan-2.yml": outside / "bi-mat.txt",
    }
    for rel, target in links.items():
        _link(content, rel, target)
    section = content / "chuyen-trang/ky-niem-60-nam/index.md"
    section.write_text(section.read_text("utf-8").replace("---\n", "---\nbanner: bang-ron.jpg\n", 1)
                       .replace("\n---\n", "\n---\n![Ảnh](../../../ngoai/anh.jpg)\n", 1), "utf-8")
    plan = corpus.plan(summary="Liên kết ra ngoài", body=(
        "[Tải](dinh-kem.pdf) ![a](../../../ngoai/anh.jpg) [b](../../../ngoai/bi-mat.txt)\n\n"
        "[c][r] <a href=\"../../../ngoai/bi-mat.md\">d</a> <img src=\"../../../ngoai/anh.jpg\">\n\n"
        "[r]: ../../../ngoai/thu-muc/tep.pdf\n"))
    (content / "ke-hoach/2023/ra-ngoai.md").write_text(plan, "utf-8")
    return content, sorted(links)


def _serve_build(root: Path) -> list[str]:
    """Build as ``mkdocs serve`` does: the plugin instance gets ``on_startup(command="serve")`` first."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with capture_warnings() as messages:
        config = load_config(str(make_config(root)), site_dir=str(root / "site-serve"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        build(config, serve_url="http://127.0.0.1:8000/")  # a rebuild after a save reuses the plugin's cache
        config.plugins.on_startup(command="build", dirty=False)  # the instance is shared by every build of the process
    return messages


def _holding_marker(site_dir: Path) -> list[str]:
    marker = MARKER.encode()
    return [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.rglob("*")) if p.is_file()
            and marker in p.read_bytes()]


def test_no_byte_from_outside_reaches_the_site(tmp_path, capsys):
    content, links = _every_way(tmp_path)
    _, problems = check(content)
    shown = "\n".join(p.format() for p in problems)
    assert MARKER not in shown
    reported = {p.path for p in problems if p.code == "outside-content"}
    assert reported == set(links)
    lines = {(p.path, p.line) for p in problems if p.code in ("file-outside", "file-refused")}
    assert {line for path, line in lines if path == "ke-hoach/2023/ra-ngoai.md"} == {6, 8, 10}
    assert ("chuyen-trang/ky-niem-60-nam/index.md", 2) in lines  # the banner
    built = build_site(tmp_path)
    assert built.error is None, built.error
    assert _holding_marker(built.site_dir) == []
    assert not any(MARKER in m for m in built.messages)
    for rel in links:  # every attempt is on the report and in the log (--strict fails on it)
        assert rel in page_text(built.site_dir, "bao-cao")
        assert any(f"{rel}:" in m for m in built.messages), rel
    assert build_site(tmp_path, strict=True).error is not None
    serve_messages = _serve_build(tmp_path)
    assert _holding_marker(tmp_path / "site-serve") == []
    assert not any(MARKER in m for m in serve_messages)
    assert (tmp_path / "site-serve" / "ke-hoach/2024/12-kh-ubnd-quang-ninh/index.html").is_file()


def test_reference_helper_refuses_every_escape(tmp_path):
    """The one helper others call for a file a content file names (banners, attachments)."""
    content, _ = _every_way(tmp_path)
    scan = scan_content(content)
    here = "ke-hoach/2023/48-kh-ubnd-cam-pha.md"
    (content / "ke-hoach/2023/that.pdf").write_text("tệp thật", "utf-8")
    scan = scan_content(content)
    assert resolve_reference(scan, here, "that.pdf").rel == "ke-hoach/2023/that.pdf"
    assert resolve_reference(scan, here, "./that.pdf").rel == "ke-hoach/2023/that.pdf"
    for ref, problem in [("dinh-kem.pdf", "refused"), ("../ngoai/tep.pdf", "refused"), ("../../../ngoai/anh.jpg", "outside"),
                         ("/etc/passwd", "absolute"), ("C:\\x.pdf", "absolute"), ("..\\..\\x", "absolute"),
                         ("%2e%2e/%2e%2e/%2e%2e/ngoai/anh.jpg", "outside"), ("khong-co.pdf", "missing"), ("", "absolute")]:
        found = resolve_reference(scan, here, ref, what="Tệp đính kèm")
        assert (found.rel, found.problem) == (None, problem), ref
        diagnostic = found.diagnostic(here, 7, field="attachments[0]", value=ref)
        assert diagnostic is not None and diagnostic.message.startswith("Tệp đính kèm") and diagnostic.suggestion


def test_every_file_of_the_content_folder_is_published_or_reported(tmp_path, capsys):
    """The demo with every light corpus case injected: walk the content folder (links not followed);
    each entry is on the site or named on /bao-cao/. The registry is data: never published."""
    demo = ROOT / "content"
    content = tmp_path / "content"
    shutil.copytree(demo, content)
    light = [c for c in corpus.CASES if not c.heavy]
    corpus.write_content(content, light, base={})
    built = build_site(tmp_path)
    assert built.error is None
    site = built.site_dir
    report = page_text(site, "bao-cao")
    missing = []
    for folder, dirs, files in os.walk(content):
        for name in sorted(files + [d for d in dirs if (Path(folder) / d).is_symlink()]):
            rel = (Path(folder) / name).relative_to(content).as_posix()
            if rel == "co-quan.yml":
                continue
            if rel.endswith((".md", ".markdown")) and not name.startswith("."):
                published = (site / default_url(rel) / "index.html").is_file()
            else:
                published = (site / rel).is_file()
            if not published and rel not in report:
                missing.append(rel)
    assert missing == []


@pytest.mark.parametrize("name", ["x.md", "ke-hoach.md"])
def test_a_folder_named_like_a_page_gets_one_vietnamese_warning(tmp_path, capsys, name):
    corpus.write_content(tmp_path / "content", [])
    (tmp_path / "content" / "ke-hoach" / name).mkdir()
    _, problems = check(tmp_path / "content")
    assert [(p.code, p.path) for p in problems] == [("md-folder", f"ke-hoach/{name}")]
    assert "Is a directory" not in problems[0].format()
    built = build_site(tmp_path)
    assert [m.removeprefix("plan_portal: ") for m in built.messages if f"ke-hoach/{name}" in m] == [problems[0].format()]
