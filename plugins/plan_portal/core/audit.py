"""Checks that need the whole content folder: every file accounted for, every reference safe.

``plan-portal check`` and the MkDocs adapter both call :func:`content_problems` with the same
:class:`~.files.ContentScan`, so they report the same problems:

* the scan's own problems (links leading outside the folder, loops, special files, folders
  named ``x.md``);
* every Markdown file of the plans folder that is not read as a plan (hidden, wrong-case suffix,
  a plan saved as the plan list's ``index.md``): reported, never silently dropped;
* relative links and images of plan bodies that climb out of the folder or name a refused or
  missing file (:func:`body_reference_problems`; chuyên trang pages do the same when loaded);
* every other Markdown page (home, agency introductions ``co-quan/<id>.md``, the plan list's
  introduction, any page added later): encoding, unsafe markup and references, like plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .files import MARKDOWN_SUFFIXES, ContentScan, is_hidden, resolve_reference, split_link
from .frontmatter import parse_front_matter
from .sanitize import body_diagnostics

__all__ = ["body_reference_problems", "content_problems", "page_problems", "plan_folder_problems"]

# ``](url`` links and images, ``[ref]: url`` definitions, ``src=``/``href=`` of raw HTML.
_LINK_RE = re.compile(
    r"\]\(\s*<?(?P<md>[^)\s>]+)"
    r"|^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(?P<ref>[^\s>]+)"
    r"|\b(?:src|href)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))",
    re.IGNORECASE | re.MULTILINE,
)
# Words that mark a file as a plan (its front matter), for a plan saved where a plan cannot be.
_PLAN_KEYS = frozenset({"number", "issued", "issuer", "tasks", "signer", "doc_type", "basis", "events"})


def body_reference_problems(scan: ContentScan, rel: str, body: str, first_line: int = 1) -> list[Diagnostic]:
    """Relative links and images of ``body`` (of the file ``rel``) that lead outside or to nothing.

    Climbing out of the folder and naming a refused file are errors; a missing file with a
    suffix (``anh.jpg``, ``ke-hoach.pdf``) is a warning (MkDocs warns about it too).
    """
    if "](" not in body and "]:" not in body and "=" not in body:
        return []
    out = []
    for match in _LINK_RE.finditer(body):
        url = next(g for g in match.groups() if g is not None)
        target = split_link(url)
        if target is None:
            continue
        found = resolve_reference(scan, rel, target, what="Tệp được liên kết (hoặc ảnh)")
        if found.problem == "missing" and ("." not in target.rsplit("/", 1)[-1] or target.endswith("/")):
            continue  # a page URL (``../../dong-thoi-gian/``): the portal generates it
        line = first_line + body.count("\n", 0, match.start())
        diagnostic = found.diagnostic(rel, line, value=url)
        if diagnostic is not None:
            out.append(diagnostic)
    return out


def _looks_like_plan(data: dict) -> bool:
    return isinstance(data, dict) and len(_PLAN_KEYS & set(data)) >= 2


def plan_folder_problems(scan: ContentScan, content_dir: Path, plans_dir: str) -> list[Diagnostic]:
    """Files of the plans folder that look like plans but are not read as plans: say so, never drop them."""
    plans_dir = plans_dir.strip("/")
    prefix = plans_dir + "/"
    out = []
    for rel in scan.files:
        if not rel.startswith(prefix):
            continue
        name = rel.rsplit("/", 1)[-1]
        lower = name.lower()
        if lower.endswith(MARKDOWN_SUFFIXES) and is_hidden(rel):
            out.append(Diagnostic(rel, None, "Tệp ẩn (tên tệp hoặc thư mục bắt đầu bằng dấu chấm) không được đăng "
                                  "và không được đọc như một kế hoạch.", allowed="tên không bắt đầu bằng dấu chấm",
                                  suggestion="Bỏ dấu chấm ở đầu tên nếu muốn đăng; nếu là bản nháp, để ngoài thư mục nội dung.",
                                  severity=Severity.WARNING, code="hidden-plan"))
        elif lower.endswith(MARKDOWN_SUFFIXES) and not name.endswith(MARKDOWN_SUFFIXES):
            out.append(Diagnostic(rel, None, "Đuôi tệp viết hoa nên tệp không được đọc như một kế hoạch; nó sẽ bị "
                                  "đăng nguyên văn như một tệp tải về.", allowed="đuôi .md viết thường",
                                  suggestion=f"Đổi tên thành {name[: name.rfind('.')]}.md.",
                                  severity=Severity.ERROR, code="plan-suffix"))
        elif rel in (f"{prefix}index.md", f"{prefix}README.md"):
            if not _looks_like_plan(_front_data(content_dir / rel, rel)):
                continue  # the plan list's own introduction
            out.append(Diagnostic(rel, 1, f"Tệp này có phần khai báo của một kế hoạch, nhưng {rel} là trang giới "
                                  f"thiệu của danh sách kế hoạch (/{plans_dir}/): kế hoạch này không được đăng.",
                                  allowed=f"mỗi kế hoạch một tệp riêng trong {plans_dir}/, ví dụ "
                                  f"{plans_dir}/2024/12-kh-ubnd.md",
                                  suggestion="Đổi tên tệp theo số ký hiệu của kế hoạch, ví dụ 12-kh-ubnd.md.",
                                  code="plan-at-list-url"))
    return out


def _front_data(path: Path, rel: str) -> dict:
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return {}
    return parse_front_matter(text, rel).data


def page_problems(scan: ContentScan, content_dir: Path, rel: str) -> list[Diagnostic]:
    """A Markdown page that is neither a plan nor a chuyên trang: encoding, unsafe markup, references."""
    from .loader import decode_source

    try:
        raw = (content_dir / rel).read_bytes()
    except OSError:
        return [Diagnostic(rel, None, "Không đọc được tệp.", suggestion="Kiểm tra quyền đọc tệp.", code="unreadable")]
    text, problem = decode_source(raw, rel)
    front = parse_front_matter(text.lstrip("\ufeff"), rel)
    out = [problem] if problem is not None else []
    if front.has_front_matter:
        out.extend(d for d in front.problems if d.code != "no-front-matter")
    out.extend(body_diagnostics(front.body, rel, front.body_line))
    out.extend(body_reference_problems(scan, rel, front.body, front.body_line))
    return out


def content_problems(scan: ContentScan, content_dir: Path, *, plans_dir: str, claimed: Iterable[str],
                     plan_bodies: Iterable[tuple[str, str, int]] = ()) -> list[Diagnostic]:
    """Every problem about files as files; see the module docstring.

    ``claimed`` are the pages already checked as plans or chuyên trang pages; ``plan_bodies`` are
    (path, body, first line) of the plans, for their links.
    """
    out = list(scan.problems)
    out += plan_folder_problems(scan, content_dir, plans_dir)
    for rel, body, first_line in plan_bodies:
        out += body_reference_problems(scan, rel, body, first_line)
    taken = set(claimed)
    for rel in scan.markdown(""):
        if rel not in taken:
            out += page_problems(scan, content_dir, rel)
    return out
