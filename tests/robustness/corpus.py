"""The corpus of bad content: one case per kind of mistake editors make (issue 9).

Every case is a handful of files, relative to the content folder, injected into a
small clean portal (:data:`BASE`: two plans, an agency registry, one chuyên trang).
The exact lines ``plan-portal check --relative`` prints for a case are kept in
``expected/<case>.txt`` next to this file (regenerate them after a deliberate wording
change with ``PLAN_PORTAL_UPDATE_CORPUS=1 pytest tests/robustness``, then read the diff).

Cases are Python rather than files on disk because several are about bytes an editor or
git would "fix" (BOM, CRLF, NFD, tabs, non-breaking spaces) or are generated (5 MB, 2,000
tasks). To look at them as files, or to inject them into a copy of the demo:

    python tests/robustness/corpus.py OUT_DIR [--demo]

writes ``OUT_DIR/content`` (the base portal, or a copy of ``content/`` with ``--demo``)
with every case injected; then run ``plan-portal check OUT_DIR/content``.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED_DIR = HERE / "expected"
ROOT = HERE.parent.parent

# The same string in a registry (``co-quan.yml+``) is appended to the base registry, so
# cases can add agencies without replacing the others.
REGISTRY_APPEND = "co-quan.yml+"


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


BASE_REGISTRY = _dedent(
    """
    - id: tinh-quang-ninh
      name: Tỉnh Quảng Ninh
    - id: ubnd-tinh-quang-ninh
      name: Ủy ban nhân dân tỉnh Quảng Ninh
      short: UBND tỉnh Quảng Ninh
      parent: tinh-quang-ninh
    - id: so-noi-vu-quang-ninh
      name: Sở Nội vụ tỉnh Quảng Ninh
      short: Sở Nội vụ
      parent: ubnd-tinh-quang-ninh
    - id: tp-cam-pha
      name: Thành phố Cẩm Phả
      parent: tinh-quang-ninh
    - id: ubnd-tp-cam-pha
      name: Ủy ban nhân dân thành phố Cẩm Phả
      short: UBND thành phố Cẩm Phả
      parent: tp-cam-pha
    - id: phong-noi-vu-cam-pha
      name: Phòng Nội vụ thành phố Cẩm Phả
      short: Phòng Nội vụ
      parent: ubnd-tp-cam-pha
    - id: tp-ha-long
      name: Thành phố Hạ Long
      parent: tinh-quang-ninh
    - id: ubnd-tp-ha-long
      name: Ủy ban nhân dân thành phố Hạ Long
      short: UBND thành phố Hạ Long
      parent: tp-ha-long
    - id: phong-noi-vu-ha-long
      name: Phòng Nội vụ thành phố Hạ Long
      short: Phòng Nội vụ
      parent: ubnd-tp-ha-long
    """
)

GOOD_PLAN = _dedent(
    """
    ---
    number: 48/KH-UBND
    issued: 2023-02-20
    place: Cẩm Phả
    issuer: UBND thành phố Cẩm Phả
    summary: Tổ chức các hoạt động kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh
    signer: {authority: KT. Chủ tịch, title: Phó Chủ tịch, name: Phạm Văn Kính}
    special: [ky-niem-60-nam]
    recipients: [TT Thành ủy, Lưu VT]
    tasks:
      - title: Xây dựng kế hoạch thi đua đặc biệt
        lead: Phòng Nội vụ
        due: trước 25/3/2023
    events:
      - {title: Lễ kỷ niệm, start: "2023-10-30 07:30", place: Nhà văn hóa thành phố, attendees: 250}
    ---
    ## I. MỤC ĐÍCH, YÊU CẦU

    Nội dung kế hoạch.
    """
)

GOOD_PLAN_2 = _dedent(
    """
    ---
    number: 12/KH-UBND
    issued: 2024-01-15
    issuer: UBND tỉnh Quảng Ninh
    summary: Tổng kết công tác thi đua năm 2023
    tasks:
      - title: Tổng hợp báo cáo
        lead: Sở Nội vụ
        due: Quý I/2024
    ---
    Toàn văn kế hoạch.
    """
)

BASE: dict[str, str] = {
    "index.md": "# Cổng kế hoạch thử nghiệm\n",
    "co-quan.yml": BASE_REGISTRY,
    "chuyen-trang/ky-niem-60-nam/index.md": _dedent(
        """
        ---
        title: Kỷ niệm 60 năm thành lập tỉnh Quảng Ninh
        summary: Các hoạt động kỷ niệm 60 năm Ngày thành lập tỉnh.
        anniversaries:
          - {label: Ngày thành lập tỉnh Quảng Ninh, since: 1963-10-30, on: 2023-10-30}
        ---
        Giới thiệu chuyên trang.
        """
    ),
    "ke-hoach/2023/48-kh-ubnd-cam-pha.md": GOOD_PLAN,
    "ke-hoach/2024/12-kh-ubnd-quang-ninh.md": GOOD_PLAN_2,
}

#: Pages every build of base + a case must still have.
BASE_PAGES = ("ke-hoach/2023/48-kh-ubnd-cam-pha/", "ke-hoach/2024/12-kh-ubnd-quang-ninh/", "chuyen-trang/ky-niem-60-nam/")


def plan(extra: str = "", *, body: str = "Toàn văn.\n", **fields: str) -> str:
    """A plan of the Cẩm Phả issuer with ``fields`` replacing the defaults and ``extra`` YAML lines appended."""
    values = {
        "number": None,
        "issued": "2023-03-01",
        "issuer": "UBND thành phố Cẩm Phả",
        "summary": "Kế hoạch thử nghiệm",
    }
    values.update(fields)
    head = "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)
    return "---\n" + head + _dedent(extra) + "---\n" + body


@dataclass(frozen=True)
class Case:
    """One kind of mistake.

    Attributes:
        name: Stable id; ``expected/<name>.txt`` holds its exact check output.
        what: The mistake, in a few words (English, for the test ids and the report).
        files: Content-relative path -> text (or bytes, written as is).
        verdict: ``"error"`` (check exits 1), ``"warning"`` (only ``--strict`` fails) or
            ``"accepted"`` (the input is forgiven: no problem, the plan is published as meant).
        pages: Site paths that must exist after a non-strict build (besides the base pages).
        heavy: Big generated content: kept out of the combined run on the demo.
    """

    name: str
    what: str
    files: dict[str, str | bytes]
    verdict: str = "error"
    pages: tuple[str, ...] = ()
    heavy: bool = False
    extra_config: dict = field(default_factory=dict)
    dropped: tuple[str, ...] = ()  # files under ke-hoach/ that are reported on /bao-cao/ instead of published

    @property
    def plan_paths(self) -> list[str]:
        return sorted(p for p, v in self.files.items() if p.startswith("ke-hoach/") and p.endswith(".md")
                      and p not in self.dropped and not isinstance(v, Link))


@dataclass(frozen=True)
class Link:
    """A symbolic link in a case: ``target`` relative to the content folder, or ``@name`` for
    ``OUTSIDE[name]`` next to it (``<content>/../ngoai/name``). Written as a relative link."""

    target: str


def _script_everywhere() -> str:
    s = '<script>alert("{0}")</script>'
    return (
        "---\n"
        f"doc_type: 'Kế hoạch {s.format('doc_type')}'\n"
        f"number: '7/KH-UBND {s.format('number')}'\n"
        "issued: 2023-04-01\n"
        f"place: 'Cẩm Phả <img src=x onerror=alert(\"place\")>'\n"
        f"issuer: 'UBND thành phố Cẩm Phả {s.format('issuer')}'\n"
        f"summary: 'Tóm tắt {s.format('summary')} <b>đậm</b>'\n"
        f"signer: {{authority: 'KT. Chủ tịch {s.format('authority')}', title: 'Phó Chủ tịch {s.format('title')}', "
        f"name: 'Nguyễn Văn A {s.format('name')}'}}\n"
        f"special: ['ky-niem-60-nam', '{s.format('special')}']\n"
        f"basis:\n  - {{number: '1/KH {s.format('basis')}', issuer: 'UBND tỉnh {s.format('basis-issuer')}', "
        f"title: '<a href=\"javascript:alert(1)\">Kế hoạch</a>'}}\n"
        f"recipients: ['Lưu VT {s.format('recipients')}']\n"
        "tasks:\n"
        f"  - title: 'Việc {s.format('task')}'\n"
        f"    lead: 'Phòng Nội vụ {s.format('lead')}'\n"
        f"    support: ['<iframe src=\"https://example.org\"></iframe>']\n"
        f"    due: 'trước 25/3/2023 {s.format('due')}'\n"
        "events:\n"
        f"  - {{title: 'Lễ {s.format('event')}', start: 2023-10-30, place: '<svg onload=alert(\"ev-place\")>'}}\n"
        "---\n"
        "Toàn văn không có gì đặc biệt.\n"
    )


def _unsafe_body() -> str:
    return plan(
        body=_dedent(
            """
            ## Tiêu đề <script>alert("h2")</script>

            Đoạn văn <img src="anh.png" onerror="alert('img')"> và [liên kết](javascript:alert('md')).

            <a href="JaVaScRiPt:alert('a')">Bấm vào đây</a> hoặc <a href="&#106;avascript:alert('ent')">đây</a>.

            ![Ảnh nhúng](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

            <iframe src="https://example.org/video"></iframe>
            <object data="tep.swf">Nội dung dự phòng</object>

            Đoạn có thuộc tính qua attr_list.
            { onclick="alert('attr')" }

            [tham chiếu]: javascript:alert('ref')
            """
        ),
    )


def _huge_plan() -> str:
    """About 5 MB: a long full text, with one <script> at its very end (line numbers far down)."""
    paragraph = ("Nội dung chi tiết của kế hoạch được trình bày tại đây, gồm mục tiêu, yêu cầu và giải pháp. " * 8) + "\n\n"
    count = 5 * 1024 * 1024 // len(paragraph.encode("utf-8")) + 1
    body = "## I. MỤC ĐÍCH\n\n" + paragraph * count + "Cuối văn bản <script>alert('cuoi')</script>\n"
    return plan(body=body, summary="Kế hoạch rất dài")


def _many_tasks() -> str:
    """2,000 tasks; the last but one has a deadline nobody can read."""
    rows = []
    for i in range(2000):
        due = "sau tết" if i == 1998 else f"trước {i % 28 + 1}/{i % 12 + 1}/2024"
        rows.append(f"  - title: Nhiệm vụ số {i + 1}\n    lead: Phòng Nội vụ\n    due: {due}\n")
    return plan("tasks:\n" + "".join(rows), summary="Kế hoạch có 2.000 nhiệm vụ")


def _word_file() -> bytes:
    """A plan saved by Word on a Mac and pasted from the web: BOM, CRLF, NFD, NBSP, tabs inside lines, VT."""
    text = (
        "---\n"
        "number: 9/KH-UBND\n"
        "issued:\u00a02023-05-10\n"
        "issuer:\tUBND thành phố Cẩm Phả\n"
        "summary: Tổ chức\u00a0hội\tnghị tổng kết\u000bcông tác năm 2023\n"
        "tasks:\n"
        "  - title: Chuẩn bị hội trường\n"
        "    lead:\u00a0Phòng Nội vụ\n"
        "    due: trước ngày 30/5/2023\n"
        "---\n"
        "Hưng Yên, Cẩm Phả: văn bản có dấu tiếng Việt.\n"
    )
    return b"\xef\xbb\xbf" + unicodedata.normalize("NFD", text).replace("\n", "\r\n").encode("utf-8")


CASES: list[Case] = [
    Case(
        "yaml-syntax",
        "unparseable YAML (a colon in an unquoted value, an unclosed bracket)",
        {
            "ke-hoach/loi/yaml-hai-cham.md": plan(summary="Kế hoạch: tổ chức hội nghị: năm 2023"),
            "ke-hoach/loi/yaml-ngoac.md": plan("recipients: [Lưu VT, TT Thành ủy\n"),
        },
    ),
    Case(
        "no-front-matter",
        "missing front matter, and front matter never closed",
        {
            "ke-hoach/loi/khong-khai-bao.md": "# Kế hoạch 3/KH-UBND\n\nVăn bản dán từ Word, không có phần khai báo.\n",
            "ke-hoach/loi/khong-dong.md": "---\nnumber: 4/KH-UBND\nissued: 2023-03-01\n\nNội dung.\n",
        },
    ),
    Case(
        "wrong-types",
        "a list where a string is expected, a number as a date, a number as a document number",
        {
            "ke-hoach/loi/sai-kieu.md": plan(
                "tasks:\n  - title: Việc một\n    lead: Phòng Nội vụ\n    due: [2023-04-01]\n",
                number="228",
                issued="20230301",
                summary="[Tổ chức, hội nghị]",
            ),
            "ke-hoach/loi/sai-kieu-2.md": plan("signer: Nguyễn Văn A\ntasks: Xây dựng kế hoạch\n"),
        },
    ),
    Case(
        "vn-date-accepted",
        "a Vietnamese-style date where an ISO one is expected, unambiguous: accepted",
        {"ke-hoach/loi/ngay-viet-nam.md": plan(issued="30/10/2023", number="10/KH-UBND")},
        verdict="accepted",
        pages=("ke-hoach/loi/ngay-viet-nam/",),
    ),
    Case(
        "vn-date-unclear",
        "dates that cannot be read for sure: two-digit year, impossible day",
        {
            "ke-hoach/loi/ngay-khong-ro.md": plan(
                "events:\n  - {title: Hội nghị, start: 31/02/2024}\n", issued="30/10/23", number="11/KH-UBND"
            ),
            "ke-hoach/loi/ngay-khong-co.md": plan(issued="2023-02-30", number="12/KH-UBND"),
        },
    ),
    Case(
        "unknown-keys",
        "misspelt keys at every level (isued, lede, auth)",
        {
            "ke-hoach/loi/khoa-sai.md": plan(
                "isued: 2023-03-01\nsigner: {title: Chủ tịch, name: Nguyễn Văn A, auth: KT. Chủ tịch}\n"
                "tasks:\n  - title: Việc một\n    lede: Phòng Nội vụ\n",
                issued=None,
            )
        },
    ),
    Case(
        "empty-required",
        "required fields left empty (null, empty string, spaces)",
        {
            "ke-hoach/loi/de-trong.md": "---\nnumber: 13/KH-UBND\nissued: 2023-03-01\nissuer: ''\nsummary:\n"
            "tasks:\n  - title: '   '\n    lead: Phòng Nội vụ\n---\nToàn văn.\n",
        },
    ),
    Case(
        "bad-deadlines",
        "deadlines and event times nobody can read",
        {
            "ke-hoach/loi/thoi-han.md": plan(
                "tasks:\n  - title: Việc một\n    lead: Phòng Nội vụ\n    due: sau tết\n"
                "  - title: Việc hai\n    lead: Phòng Nội vụ\n    due: Quý V/2024\n"
                "events:\n  - {title: Lễ mít tinh, start: sáng mai}\n"
            )
        },
    ),
    Case(
        "unknown-agency",
        "an agency name with a typo, and one missing from the registry",
        {
            "ke-hoach/loi/co-quan-la.md": plan(
                "tasks:\n  - title: Việc một\n    lead: Phòng Nội cụ thành phố Cẩm Phả\n"
                "    support: [Công ty Điện lực Cẩm Phả]\n",
                issuer="UBND thành phố Cẩm Phải",
            )
        },
        verdict="warning",
    ),
    Case(
        "agency-spelling",
        "agency names that match only without their diacritics: a wrong tone, and typed with none",
        {
            "ke-hoach/loi/co-quan-sai-dau.md": plan(
                "tasks:\n  - title: Việc một\n    lead: Phòng Nọi vụ\n"
                "  - title: Việc hai\n    lead: Phong Noi vu\n    support: [Uỷ ban nhân dân thành phố Cẩm Phả]\n",
            )
        },
        verdict="warning",
    ),
    Case(
        "ambiguous-agency",
        "a short name two agencies share (Phòng Nội vụ of Cẩm Phả and of Hạ Long)",
        {
            "ke-hoach/loi/co-quan-mo-ho.md": plan(
                "tasks:\n  - title: Việc một\n    lead: Phòng Nội vụ\n", issuer="UBND tỉnh Quảng Ninh"
            )
        },
    ),
    Case(
        "missing-section",
        "a plan naming a chuyên trang that does not exist",
        {"ke-hoach/loi/chuyen-trang.md": plan("special: [ky-niem-60-nam-quang-ninh]\n")},
    ),
    Case(
        "duplicate-number",
        "two plans with the same document number from the same issuer",
        {
            "ke-hoach/loi/trung-so-a.md": plan(number="48/KH-UBND", summary="Bản sao chép"),
        },
        verdict="warning",
    ),
    Case(
        "duplicate-url",
        "a.md and a/index.md: the same URL",
        {
            "ke-hoach/loi/trung-dia-chi.md": plan(number="20/KH-UBND", summary="Bản thứ nhất"),
            "ke-hoach/loi/trung-dia-chi/index.md": plan(number="21/KH-UBND", summary="Bản thứ hai"),
        },
        pages=("ke-hoach/loi/trung-dia-chi/",),
    ),
    Case(
        "duplicate-key",
        "the same key twice",
        {"ke-hoach/loi/khoa-trung.md": plan("summary: Tóm tắt viết lại lần hai\n")},
    ),
    Case(
        "word-file",
        "BOM, CRLF, NFD text, non-breaking spaces, tabs and Word's line break inside lines: forgiven",
        {"ke-hoach/loi/tep-word.md": _word_file()},
        verdict="accepted",
        pages=("ke-hoach/loi/tep-word/",),
    ),
    Case(
        "tab-indent",
        "tabs used for indentation",
        {"ke-hoach/loi/thut-le-tab.md": plan("tasks:\n\t- title: Việc một\n\t  lead: Phòng Nội vụ\n")},
    ),
    Case(
        "not-utf8",
        "a file saved in the legacy Vietnamese code page (Windows-1258)",
        {"ke-hoach/loi/ma-cu.md": unicodedata.normalize("NFD", plan(summary="Kế hoạch năm 2023")).encode("cp1258", "replace")},
    ),
    Case(
        "huge-plan",
        "a 5 MB plan",
        {"ke-hoach/loi/rat-dai.md": _huge_plan()},
        pages=("ke-hoach/loi/rat-dai/",),
        heavy=True,
    ),
    Case(
        "many-tasks",
        "2,000 tasks in one plan",
        {"ke-hoach/loi/hai-nghin-viec.md": _many_tasks()},
        verdict="warning",
        pages=("ke-hoach/loi/hai-nghin-viec/",),
        heavy=True,
    ),
    Case(
        "html-in-fields",
        "HTML and <script> in every text field of a plan, a chuyên trang, an article and the registry",
        {
            "ke-hoach/loi/the-html.md": _script_everywhere(),
            "chuyen-trang/the-html/index.md": _dedent(
                """
                ---
                title: 'Chuyên trang <script>alert("section")</script>'
                summary: '<img src=x onerror=alert("section-summary")>'
                anniversaries:
                  - {label: '<b onmouseover=alert("label")>Ngày</b>', since: 1963-10-30, on: 2023-10-30}
                milestones:
                  - {date: 1963, title: '<script>alert("milestone")</script>'}
                ---
                Giới thiệu.
                """
            ),
            "chuyen-trang/the-html/bai-viet.md": "---\ntitle: 'Bài <script>alert(\"article\")</script>'\n"
            "summary: '<img src=x onerror=alert(\"article-summary\")>'\n---\nNội dung bài viết.\n",
            REGISTRY_APPEND: "- id: co-quan-html\n  name: 'Sở Thử <script>alert(\"agency\")</script>'\n"
            "  parent: ubnd-tinh-quang-ninh\n",
        },
        pages=("ke-hoach/loi/the-html/", "chuyen-trang/the-html/", "chuyen-trang/the-html/bai-viet/",
               "co-quan/co-quan-html/"),
    ),
    Case(
        "unsafe-body",
        "<script>, event handlers, javascript: and data: URLs, iframes and objects in the full text",
        {
            "ke-hoach/loi/noi-dung-nguy-hiem.md": _unsafe_body(),
            "chuyen-trang/ky-niem-60-nam/bai-nguy-hiem.md": "---\ntitle: Bài viết\n---\n"
            "Bài <script>alert('article-body')</script> [x](javascript:alert('article-link'))\n",
        },
        pages=("ke-hoach/loi/noi-dung-nguy-hiem/", "chuyen-trang/ky-niem-60-nam/bai-nguy-hiem/"),
    ),
    Case(
        "path-ids",
        "ids like ../../etc for an agency, a section slug and names that would become paths",
        {
            "ke-hoach/loi/duong-dan.md": plan(
                "special: ['../../etc']\ntasks:\n  - title: Việc một\n    lead: ../../etc/passwd\n", issuer="'../../etc'"
            ),
            REGISTRY_APPEND: "- id: ../../etc\n  name: Cơ quan thử đường dẫn\n",
            "chuyen-trang/Kỷ Niệm/index.md": "---\ntitle: Thư mục tên có dấu\n---\nNội dung.\n",
        },
    ),
    Case(
        "reader-crashers",
        "input that used to crash the reader: alias bombs, self-referencing aliases, deep nesting",
        {
            "ke-hoach/loi/bom-yaml.md": "---\nissued: 2023-03-01\nissuer: UBND thành phố Cẩm Phả\nsummary: Bom\n"
            + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
            + "recipients: *a8\n---\nNội dung.\n",
            "ke-hoach/loi/vong-lap.md": "---\nissued: 2023-03-01\nissuer: UBND thành phố Cẩm Phả\nsummary: Vòng\n"
            "tasks: &t\n  - *t\n---\nNội dung.\n",
            "ke-hoach/loi/long-sau.md": "---\nissued: 2023-03-01\nissuer: UBND thành phố Cẩm Phả\nsummary: "
            + "[" * 700 + "]" * 700 + "\n---\nNội dung.\n",
        },
    ),
]

from trust_cases import CASES as _TRUST_CASES  # noqa: E402 (they use Case, Link and plan above)

CASES += _TRUST_CASES
CASES_BY_NAME = {case.name: case for case in CASES}


def write_content(content_dir: Path, cases: list[Case], *, base: dict[str, str] | None = None) -> None:
    """Write ``base`` (default :data:`BASE`; ``{}`` to keep what is there) and ``cases`` into ``content_dir``.

    The files outside the content folder that links point at go to ``<content_dir>/../ngoai/``.
    """
    from trust_cases import OUTSIDE

    outside = content_dir.parent / "ngoai"
    if any(isinstance(v, Link) for case in cases for v in case.files.values()):
        for rel, text in OUTSIDE.items():
            _write(outside / rel, text)
    files = dict(BASE if base is None else base)
    for rel, text in files.items():
        _write(content_dir / rel, text)
    for case in cases:
        for rel, text in case.files.items():
            if rel == REGISTRY_APPEND:
                registry = content_dir / "co-quan.yml"
                old = registry.read_text("utf-8") if registry.is_file() else ""
                registry.write_text(old.rstrip("\n") + "\n" + str(text), "utf-8")
            elif isinstance(text, Link):
                link = content_dir / rel
                link.parent.mkdir(parents=True, exist_ok=True)
                target = outside / text.target[1:] if text.target.startswith("@") else content_dir / text.target
                if link.is_symlink() or link.exists():
                    link.unlink()
                link.symlink_to(os.path.relpath(target, link.parent))
            else:
                _write(content_dir / rel, text)


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))


def expected_lines(case: Case) -> list[str]:
    """The exact lines ``plan-portal check --relative`` prints for ``case`` on the base portal."""
    path = EXPECTED_DIR / f"{case.name}.txt"
    if not path.is_file():
        return []
    return [line for line in path.read_text("utf-8").split("\n") if line]


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    out = Path(argv[0]) / "content"
    if "--demo" in argv:
        shutil.copytree(ROOT / "content", out, dirs_exist_ok=True)
        write_content(out, CASES, base={})
    else:
        write_content(out, CASES)
    print(f"Đã ghi {len(CASES)} trường hợp vào {out}. Chạy: plan-portal check {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
