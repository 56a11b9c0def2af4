"""Loading plans: every pydantic error becomes a Vietnamese diagnostic with field, value, what is allowed and a fix.

Table-driven: one row per kind of error the model can raise, with the exact diagnostic.
Then period problems, markup, encodings, URL twins, and a property test: any text gives
a :class:`PlanEntry`, never an exception.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_portal.core.diagnostics import Severity
from plan_portal.core.loader import PlanEntry, decode_source, default_url, load_plan, load_plan_text

HEAD = "---\nissued: 2023-02-20\nissuer: UBND thành phố Cẩm Phả\nsummary: Kế hoạch thử\n"


def load(extra: str = "", *, head: str = HEAD, body: str = "Toàn văn.\n") -> PlanEntry:
    return load_plan_text(head + extra + "---\n" + body, "ke-hoach/a.md")


def only(entry: PlanEntry):
    assert len(entry.diagnostics) == 1, [d.format() for d in entry.diagnostics]
    return entry.diagnostics[0]


# (id, front matter lines after HEAD, expected diagnostic attributes; "message" and "allowed"/"suggestion" are
#  exact strings, "in" lists fragments of the formatted line)
ERRORS = [
    ("missing", None, dict(code="missing", line=2, field="summary", value=None,
                           message="Trích yếu: thiếu trường bắt buộc.", allowed="Trích yếu nội dung",
                           suggestion="Thêm dòng `summary: …` vào phần khai báo.")),
    ("missing-nested", "events:\n  - {title: Lễ}\n",
     dict(code="missing", line=6, field="events[0].start", message="Bắt đầu: thiếu trường bắt buộc.",
          suggestion="Thêm dòng `start: …` vào phần khai báo của sự kiện thứ 1.")),
    ("string-type-list", "place: [Cẩm Phả, Quảng Ninh]\n",
     dict(code="string-type", line=5, field="place", value="[Cẩm Phả, Quảng Ninh]",
          message="Địa danh: phải là một đoạn văn bản.", allowed="một đoạn văn bản",
          suggestion="Trường này chỉ nhận một đoạn văn bản: bỏ dấu «[ ]» hoặc «{ }»; nếu câu có dấu phẩy hoặc dấu "
                     "hai chấm, đặt cả câu trong ngoặc kép.")),
    ("string-type-number", "number: 228\n",
     dict(code="string-type", line=5, field="number", value="228", message="Số, ký hiệu: phải là một đoạn văn bản.",
          suggestion="Viết giá trị trên một dòng; nếu là số, đặt trong ngoặc kép: \"228\".")),
    ("string-type-bool", "place: true\n", dict(code="string-type", field="place", value="true")),
    ("empty-string", "place: ''\n",
     dict(code="too-short", line=5, field="place", value="", message="Địa danh: không được để trống.",
          allowed="một đoạn văn bản có nội dung")),
    ("empty-null", "signer: {title: Chủ tịch, name:}\n",
     dict(code="too-short", line=5, field="signer.name", value=None, message="Họ tên: không được để trống.")),
    ("list-type", "recipients: Lưu VT\n",
     dict(code="list-type", line=5, field="recipients", value="Lưu VT", message="Nơi nhận: phải là một danh sách.",
          allowed="một danh sách", suggestion="Viết dạng [A, B] hoặc mỗi mục một dòng bắt đầu bằng «- ».")),
    ("list-type-tasks", "tasks: Làm báo cáo\n",
     dict(code="list-type", field="tasks", message="Nhiệm vụ: phải là một danh sách.",
          **{"in": ["Mỗi nhiệm vụ là một mục của danh sách", "`- title: Xây dựng kế hoạch …`"]})),
    ("model-type-signer", "signer: Phạm Văn Kính\n",
     dict(code="model-type", line=5, field="signer", value="Phạm Văn Kính",
          message="Người ký: phải là một nhóm `khóa: giá trị`.", allowed="`authority`, `title`, `name`",
          suggestion="Viết dạng `signer: {authority: KT. Chủ tịch, title: Phó Chủ tịch, name: Phạm Văn Kính}`.")),
    ("model-type-item", "tasks:\n  - Làm báo cáo\n",
     dict(code="model-type", line=6, field="tasks[0]", value="Làm báo cáo",
          message="Mỗi nhiệm vụ phải là một nhóm `khóa: giá trị`.", allowed="`id`, `title`, `lead`, `support`, `due`, `status`, `updates`")),
    ("period-wrong-type", "tasks:\n  - {title: A, due: [2023-04-01]}\n",
     dict(code="model-type", line=6, field="tasks[0].due", value="[2023-04-01]",
          message="Thời hạn: phải là một ngày hoặc một thời gian viết như trong văn bản.",
          suggestion="Viết trên một dòng, ví dụ 2023-02-20, 20/02/2023 hoặc «trước ngày 25/3/2023».")),
    ("int-parsing", "events:\n  - {title: Lễ, start: 2024-10-29, attendees: 250 người}\n",
     dict(code="int-parsing", line=6, field="events[0].attendees", value="250 người",
          message="Số đại biểu: phải là một số nguyên.", allowed="một số nguyên dương, ví dụ 250",
          suggestion="Viết số không có chữ, ví dụ 250.")),
    ("int-from-float", "events:\n  - {title: Lễ, start: 2024-10-29, attendees: 2.5}\n",
     dict(code="int-from-float", field="events[0].attendees", value="2.5",
          suggestion="Viết số không có phần thập phân.")),
    ("greater-than-equal", "events:\n  - {title: Lễ, start: 2024-10-29, attendees: 0}\n",
     dict(code="greater-than-equal", field="events[0].attendees", value="0", message="Số đại biểu: số quá nhỏ.")),
    ("enum", "tasks:\n  - {title: A, status: Done}\n",
     dict(code="enum", line=6, field="tasks[0].status", value="Done",
          message="Trạng thái: giá trị không nằm trong danh sách cho phép.",
          allowed="`planned`, `in_progress`, `done` hoặc `cancelled`", suggestion="Có phải ý bạn là `done`?")),
    ("enum-far", "basis:\n  - {number: 1/KH, relation: căn cứ}\n",
     dict(code="enum", field="basis[0].relation", allowed="`implements` hoặc `based_on`",
          suggestion="Chọn một giá trị trong danh sách.")),
    ("extra-forbidden", "isued: 2023-02-20\n",
     dict(code="extra-forbidden", line=5, field="isued", value=None, message="Khóa `isued` không được hỗ trợ.",
          suggestion="Có phải ý bạn là `issued`?",
          **{"in": ["Cho phép: `doc_type`, `number`, `issued`, `place`, `issuer`, `summary`"]})),
    ("extra-forbidden-nested", "tasks:\n  - {title: A, lede: Phòng Nội vụ}\n",
     dict(code="extra-forbidden", field="tasks[0].lede", suggestion="Có phải ý bạn là `lead`?",
          allowed="`id`, `title`, `lead`, `support`, `due`, `status`, `updates`")),
    ("extra-forbidden-far", "ghi_chu: x\n",
     dict(code="extra-forbidden", field="ghi_chu", suggestion="Xóa khóa này hoặc sửa tên khóa.")),
    ("value-error", "signer: {authority: Chủ tịch, title: Chủ tịch, name: A}\n",
     dict(code="value-error", line=5, field="signer.authority", value="Chủ tịch",
          message="Thẩm quyền ký: giá trị không hợp lệ.",
          **{"in": ["KT., TM., TL., TUQ. hoặc Q."]})),
]


@pytest.mark.parametrize(("extra", "expected"), [pytest.param(e, x, id=i) for i, e, x in ERRORS])
def test_each_error_type_in_vietnamese(extra, expected):
    head = HEAD.replace("summary: Kế hoạch thử\n", "") if extra is None else HEAD
    entry = load(extra or "", head=head)
    assert entry.plan is None
    diagnostic = only(entry)
    assert diagnostic.path == "ke-hoach/a.md"
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.suggestion and diagnostic.allowed, diagnostic.format()
    for key, value in expected.items():
        if key == "in":
            for fragment in value:
                assert fragment in diagnostic.format(), diagnostic.format()
        else:
            assert getattr(diagnostic, key) == value, (key, diagnostic.format())
    line = diagnostic.format()
    assert line.startswith(f"ke-hoach/a.md:{diagnostic.line}: lỗi: trường `{diagnostic.field}`: ")


def test_every_problem_of_a_file_at_once():
    """A typo'd key does not hide a bad date, an empty field or a tag in another field."""
    entry = load("isued: x\nplace: ''\nrecipients: ['<b>Lưu</b>']\n", head=HEAD.replace("2023-02-20", "31/02/2023"))
    codes = sorted(d.code for d in entry.diagnostics)
    assert codes == ["bad-period", "extra-forbidden", "html-in-field", "too-short"]


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("extra", "field", "severity", "message"),
    [
        ("", "issued", Severity.ERROR, "Không đọc được ngày ban hành «10/11/23»: năm cần đủ 4 chữ số (13/8/2021, không phải 13/8/21)."),
        ("tasks:\n  - {title: A, lead: Sở Nội vụ, due: sau tết}\n", "tasks[0].due", Severity.WARNING, "Không đọc được thời hạn «sau tết»."),
        ("events:\n  - {title: Lễ, start: sáng mai}\n", "events[0].start", Severity.ERROR,
         "Không đọc được thời gian bắt đầu «sáng mai»."),
        ("basis:\n  - {number: 1/KH, issued: hôm qua}\n", "basis[0].issued", Severity.WARNING,
         "Không đọc được thời hạn «hôm qua»."),
    ],
)
def test_unreadable_periods(extra, field, severity, message):
    head = HEAD.replace("2023-02-20", "10/11/23") if field == "issued" else HEAD
    entry = load(extra, head=head)
    assert entry.plan is not None  # kept and shown with its text
    diagnostic = only(entry)
    assert (diagnostic.code, diagnostic.field, diagnostic.severity, diagnostic.message) == ("bad-period", field, severity, message)
    assert diagnostic.allowed.startswith("ngày (13/8/2021, 2021-08-13)")
    assert diagnostic.format().count("13/8/2021") == 1 + ("13/8/21" in message)  # forms listed once, not twice


@pytest.mark.parametrize("issued", ["30/10/2023", "30.10.2023", "30-10-2023", "ngày 30 tháng 10 năm 2023", "2023-10-30"])
def test_vietnamese_dates_are_accepted(issued):
    entry = load(head=HEAD.replace("2023-02-20", issued))
    assert entry.diagnostics == []
    assert entry.plan.issued.start.isoformat() == "2023-10-30"


def test_a_number_as_a_date():
    diagnostic = only(load(head=HEAD.replace("2023-02-20", "20230220")))
    assert (diagnostic.field, diagnostic.value) == ("issued", "20230220") and "4 chữ số" in diagnostic.message


# --------------------------------------------------------------------------- markup


@pytest.mark.parametrize(
    ("summary", "severity"),
    [
        ("Tổ chức <b>hội nghị</b>", Severity.WARNING),
        ("Tổ chức<br>hội nghị", Severity.WARNING),
        ("<script>alert(1)</script> hội nghị", Severity.ERROR),
        ("<img src=x onerror=alert(1)>", Severity.ERROR),
        ("<a href='javascript:alert(1)'>x</a>", Severity.ERROR),
    ],
)
def test_html_in_a_text_field(summary, severity):
    entry = load(head=HEAD.replace("Kế hoạch thử", f'"{summary}"'))
    diagnostic = only(entry)
    assert (diagnostic.code, diagnostic.field, diagnostic.line, diagnostic.severity) == ("html-in-field", "summary", 4, severity)
    assert diagnostic.value == summary and entry.plan.summary == summary  # kept, shown escaped


@pytest.mark.parametrize("summary", ["Giá < 5 tỷ đồng", "<<Kỷ niệm 60 năm>>", "Điểm 3 < 4 > 2", "<Dự thảo>"])
def test_angle_brackets_that_are_not_html(summary):
    assert load(head=HEAD.replace("Kế hoạch thử", f'"{summary}"')).diagnostics == []


@pytest.mark.parametrize(
    ("line", "name", "kind"),
    [
        ("<script>alert(1)</script>", "script", "«<script>»"),
        ("<IFRAME SRC=https://example.org>", "iframe", "«<iframe>»"),
        ('<img src="a.png" onerror="alert(1)">', "onerror", "«onerror=»"),
        ("[bấm](javascript:alert(1))", "javascript", "«javascript:»"),
        ("[bấm](JAVA\tSCRIPT:alert(1))", "javascript", "«javascript:»"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "javascript", "«javascript:»"),
        ("![ảnh](data:image/png;base64,AAAA)", "data", "«data:»"),
        ("[ref]: javascript:alert(1)", "javascript", "«javascript:»"),
        ('Đoạn văn { onclick="alert(1)" }', "onclick", "«onclick=»"),
    ],
)
def test_unsafe_markup_in_the_body_is_an_error_at_its_line(line, name, kind):
    entry = load(body=f"# Tiêu đề\n\nĐoạn một.\n{line}\n")
    diagnostic = only(entry)
    assert (diagnostic.code, diagnostic.severity, diagnostic.line, diagnostic.field) == ("unsafe-html", Severity.ERROR, 9, None)
    assert kind in diagnostic.message and diagnostic.suggestion
    assert entry.plan is not None


@pytest.mark.parametrize("line", ["[trang](https://example.org)", "![ảnh](anh.jpg)", "<b>đậm</b> <table><tr><td>1</td></tr></table>",
                                  "Dữ liệu: 12 đơn vị", "mailto:vanthu@example.org", "Java: script: data", "metadata: x",
                                  "[tài liệu](tai-lieu/data.pdf)", "Chính sách { xem mục on-line }"])
def test_ordinary_body_is_not_flagged(line):
    assert load(body=line + "\n").diagnostics == []


def test_body_is_checked_even_when_the_front_matter_is_broken():
    entry = load("summary: [\n", body="<script>alert(1)</script>\n")
    assert sorted(d.code for d in entry.diagnostics) == ["unsafe-html", "yaml-syntax"]


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("raw", "code", "line", "severity"),
    [
        ((HEAD + "---\nx\n").encode("utf-16"), "encoding", 1, Severity.WARNING),
        (unicodedata.normalize("NFD", HEAD + "---\n").encode("cp1258", "replace"), "encoding", 3, Severity.ERROR),
        (b"\xef\xbb\xbf" + (HEAD + "---\n").replace("\n", "\r\n").encode(), None, None, None),
    ],
    ids=["utf-16", "windows-1258", "utf-8-bom-crlf"],
)
def test_encodings(tmp_path, raw, code, line, severity):
    path = tmp_path / "ke-hoach" / "a.md"
    path.parent.mkdir()
    path.write_bytes(raw)
    entry = load_plan(path, "ke-hoach/a.md")
    encoding = [d for d in entry.diagnostics if d.code == "encoding"]
    if code is None:
        assert entry.diagnostics == [] and entry.plan.issuer == "UBND thành phố Cẩm Phả"
    else:
        assert [(d.line, d.severity) for d in encoding] == [(line, severity)]
    text, problem = decode_source(raw, "a.md")
    assert isinstance(text, str) and (problem is None) == (code is None)


@pytest.mark.parametrize(
    ("files", "loaded", "twins"),
    [
        (["ke-hoach/a.md", "ke-hoach/a/index.md"], "ke-hoach/a.md", ["ke-hoach/a/index.md"]),
        (["ke-hoach/a.md", "ke-hoach/a/index.md"], "ke-hoach/a/index.md", ["ke-hoach/a.md"]),
        (["ke-hoach/a.md", "ke-hoach/a/README.md"], "ke-hoach/a.md", ["ke-hoach/a/README.md"]),
        (["ke-hoach/a/index.md", "ke-hoach/a/README.md"], "ke-hoach/a/README.md", ["ke-hoach/a/index.md"]),
        (["ke-hoach/a.md", "ke-hoach/b/index.md", "ke-hoach/a/b.md"], "ke-hoach/a.md", []),
    ],
)
def test_two_files_one_url(tmp_path, files, loaded, twins):
    for rel in files:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(HEAD + "---\n", "utf-8")
    entry = load_plan(tmp_path / loaded, loaded)
    found = [d for d in entry.diagnostics if d.code == "duplicate-url"]
    assert [d.line for d in found] == [1] * len(twins)
    for diagnostic, twin in zip(found, twins):
        assert twin in diagnostic.message and f"/{default_url(loaded)}" in diagnostic.message
    # With use_directory_urls off the files do not collide.
    assert [d for d in load_plan(tmp_path / loaded, loaded, url=loaded[:-3] + ".html").diagnostics
            if d.code == "duplicate-url"] == []


@pytest.mark.parametrize(
    ("rel", "url"),
    [("ke-hoach/a.md", "ke-hoach/a/"), ("ke-hoach/a/index.md", "ke-hoach/a/"), ("index.md", ""), ("a/b/c.md", "a/b/c/")],
)
def test_default_url(rel, url):
    assert default_url(rel) == url


def test_title_of_a_broken_plan():
    assert load_plan_text("---\nnumber: 5/KH\nsummary: [\n---\n", "ke-hoach/x.md").title == "ke-hoach/x.md".split("/")[-1][:-3]
    assert load_plan_text("---\nnumber: 5/KH\n---\n", "ke-hoach/x.md").title == "Kế hoạch 5/KH"


# --------------------------------------------------------------------------- never an exception

KEYS = st.sampled_from(["issued", "issuer", "summary", "number", "tasks", "events", "signer", "basis", "special",
                        "recipients", "doc_type", "place", "title", "lead", "due", "start", "status", "attendees",
                        "isued", "on", "yes", "<script>", "a b"])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.dates(), st.datetimes(), st.text(max_size=40),
    st.sampled_from(["30/10/2023", "trước 25/3/2023", "Quý V/2024", "07:30", "<b>x</b>", "", " ", "KT. Chủ tịch",
                     "2023-02-30", "planned", "done", "javascript:alert(1)"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=5)), max_leaves=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=8), st.text(max_size=200))
def test_any_front_matter_data_gives_an_entry(data, body):
    import yaml

    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    entry = load_plan_text(text, "ke-hoach/a.md")
    _check_entry(entry)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_an_entry(text):
    _check_entry(load_plan_text(text, "ke-hoach/a.md"))
    _check_entry(load_plan_text("---\n" + text, "ke-hoach/a.md"))


def _check_entry(entry: PlanEntry) -> None:
    assert isinstance(entry, PlanEntry)
    assert entry.ok or entry.errors, "a plan that is not published must say why"
    assert isinstance(entry.title, str) and entry.title
    for diagnostic in entry.diagnostics:
        assert diagnostic.path == "ke-hoach/a.md"
        assert diagnostic.format()


def test_misspelt_keys_are_compared_with_the_validated_model():
    """translate_error(…, model=Section) for a chuyên trang (sections.py passes its model)."""
    from pydantic import ValidationError

    from plan_portal.core.frontmatter import parse_front_matter
    from plan_portal.core.loader import translate_error
    from plan_portal.core.sections import Section

    front = parse_front_matter("---\ntitel: A\nmilestones:\n  - {date: 1963, title: B, txt: C}\n---\n", "chuyen-trang/x/index.md")
    with pytest.raises(ValidationError) as caught:
        Section.model_validate(front.data)
    found = {d.field: d for d in (translate_error(e, front, "chuyen-trang/x/index.md", model=Section)
                                  for e in caught.value.errors())}
    assert found["titel"].suggestion == "Có phải ý bạn là `title`?" and "`anniversaries`" in found["titel"].allowed
    assert found["milestones[0].txt"].suggestion == "Có phải ý bạn là `text`?"
    assert found["title"].code == "missing" and found["title"].line == 2
