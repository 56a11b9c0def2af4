"""Extract the plan record (issue 2's front matter) from a document's items.

The document is read the way a clerk reads it:

1. the header (agency lines in capitals, "Số: …", "Place, ngày … tháng … năm …"),
   the title ("KẾ HOẠCH") and the summary lines under it;
2. the preamble: "Căn cứ …" / "Thực hiện …" references (the basis) and the sentence
   naming who issues the plan ("Ủy ban nhân dân thành phố Cẩm Phả xây dựng kế hoạch");
3. the body, as an outline of numbered parts; each part is classified (purpose,
   content, events, funding, reporting, implementation) and tasks are read from
   the shapes plans use: labelled blocks ("Đơn vị thực hiện: …"), agency headings
   followed by duties, tables ("Nội dung công việc | Tiến độ | Trách nhiệm") and
   deadlines inside sentences;
4. the tail: "Nơi nhận:" and the signature block.

A Quyết định that issues a plan ("ban hành kèm theo Quyết định số …") gives one
record: number, date, place and signer of the decision; summary, tasks and events
of the attached plan.

Whatever is not sure becomes a :class:`Note` (a report line and a ``# TODO``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plan_portal.core.text import fold, squash_spaces

from . import names as nm
from .dates import clock_times, due_from_value, exact_date, find_due, find_exact_date, normalise_due, period_ok
from .reader import Block, strip_inline
from .structure import Item, ancestors, clean_title, is_upper, link, parse_items, title_kind

__all__ = ["Extraction", "Note", "extract"]

Path_ = tuple[Any, ...]


@dataclass
class Note:
    """Something the importer is not sure of: where in the record, and what (Vietnamese)."""

    path: Path_
    message: str
    todo: bool = True


@dataclass
class Extraction:
    """The result of reading one document.

    Attributes:
        record: The front matter, in issue 2's shape and key order.
        notes: What is unsure or missing, each tied to a record path.
        items: The document's items (for the Markdown body).
        body_ranges: ``(start, end, heading)`` ranges of items that make the body;
            ``heading`` is a Markdown line put before the range (the attached plan's title).
    """

    record: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    body_ranges: list[tuple[int, int, str | None]] = field(default_factory=list)


# ---------------------------------------------------------------- patterns

_NATIONAL = re.compile(r"cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do|dang cong san viet nam|^viet nam$")
_DATE_LINE = re.compile(r"(?:^|\s)([A-ZĐÂÊÔƠƯ][^\d,;:()]{1,40}?)\s*,\s*(ngày\b.*)$")
_NUMBER_START = re.compile(r"(?:^|\s)Số\s*[:.]?\s*(?=[\d/.…_ ]|$)")
_NOI_NHAN = re.compile(r"^n[oơ]i\s*nhan\b", re.IGNORECASE)
_BASIS_START = re.compile(r"^(Căn cứ|Thực hiện|Triển khai thực hiện|Triển khai|Theo|Thực hiện chỉ đạo)\b")
_DOC_KINDS = (
    "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Thông tư", "Thông tư liên tịch",
    "Kế hoạch", "Thông báo", "Công văn", "Văn bản", "Hướng dẫn", "Chương trình", "Kết luận", "Đề án", "Tờ trình",
    "Báo cáo", "Công điện", "Điều lệ", "Quy chế", "Quy định", "Thông báo kết luận", "Phương án",
)
_ISSUER_SENTENCE = re.compile(
    r"(?:^|[,.;:]\s+|\)\s*,?\s*)([^,.;:()]{3,140}?)\s+(?:xây dựng và ban hành|xây dựng|ban hành|triển khai|lập|"
    r"thống nhất xây dựng)\s+(?:(?:bản|các)\s+)?(?:kế hoạch|chương trình|hướng dẫn|phương án)\b",
    re.IGNORECASE,
)
_PERSON_PREFIX = re.compile(r"^(?:Chủ tịch|Phó Chủ tịch|Thường trực|Giám đốc|Phó Giám đốc|Bí thư|Trưởng ban)\s+",
                            re.IGNORECASE)
_AUTHORITY = re.compile(
    r"^(K\s*\.?\s*T|K/T|T\s*\.?\s*M|T/M|T\s*\.?\s*L|T/L|T\s*\.?\s*U\s*\.?\s*Q|TUQ|Q)\s*\.\s*(.*)$|"
    r"^(KT|TM|TL|TUQ|T/M|K/T|T/L)\s+(.*)$"
)
_SIGN_NOISE = re.compile(r"^\(?\s*(?:đã ký|da ky|ký,?\s*(?:ghi rõ họ tên,?\s*)?đóng dấu|ký tên.*|\[?daky\]?|"
                         r"chữ ký.*|signed)\s*\)?\.?$", re.IGNORECASE)

_LEAD_LABEL = re.compile(
    r"^(?:đơn vị|cơ quan|bộ phận)\s+(?:chủ trì|thực hiện chính|thực hiện|chịu trách nhiệm)(?:\s+[^:]{0,40})?\s*:\s*(.*)$|"
    r"^(?:chủ trì|trách nhiệm thực hiện|trách nhiệm chính|trách nhiệm|người thực hiện)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SUPPORT_LABEL = re.compile(
    r"^(?:đơn vị|cơ quan)\s+phối hợp[^:]{0,30}:\s*(.*)$|^phối hợp(?: thực hiện)?\s*:\s*(.*)$", re.IGNORECASE
)
_TIME_LABEL = re.compile(
    r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:hoàn thành|thực hiện|triển khai|trình|báo cáo|hoàn thành kế hoạch))?"
    r"[^:]{0,25}:\s*(.*)$",
    re.IGNORECASE,
)
_EVENT_TIME_LABEL = re.compile(r"^thời gian(?:\s+(?:tổ chức|khai mạc|dự kiến))?\s*:\s*(.*)$", re.IGNORECASE)
_PLACE_LABEL = re.compile(r"^địa điểm(?:\s+tổ chức)?\s*:\s*(.*)$", re.IGNORECASE)
_DEADLINE_ONLY = re.compile(r"^(?:thời gian|thời hạn|hạn|hoàn thành)\b", re.IGNORECASE)
_INLINE_TIME_LABEL = re.compile(
    r"thời (?:gian|hạn)(?:\s+(?:hoàn thành|thực hiện))?[^:.;]{0,25}:\s*([^.;]+)", re.IGNORECASE
)
_ATTENDEES = re.compile(
    r"(?:tổng số|dự kiến|khoảng|gồm|số lượng)[^\d]{0,20}?(\d{2,5})\s*(?:đại biểu|người|khách|đồng chí)", re.IGNORECASE
)
_EVENT_NOUN = r"(?:Lễ|Hội nghị|Hội thảo|Tọa đàm|Toạ đàm|Lễ hội|Hội diễn|Liên hoan|Mít tinh|Chương trình nghệ thuật|Đêm nghệ thuật|Buổi lễ)"
_EVENT_MENTION = re.compile(
    _EVENT_NOUN + r"(?:\s+[a-zà-ỹđ0-9][\wÀ-ỹ]*){0,8}?\s*\(?\s*(?:dự kiến\s+)?(?:sẽ\s+)?(?:diễn ra|được tổ chức|tổ chức|"
    r"khai mạc)\s+(?:vào\s+)?(?:lúc\s+[^,()]{1,30},\s*)?(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})",
)

_SECTION_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("purpose", re.compile(r"^(?:mục đích|mục tiêu|yêu cầu\b|quan điểm|mục đích, yêu cầu)", re.IGNORECASE)),
    ("report", re.compile(r"chế độ (?:thông tin,? )?báo cáo|^báo cáo (?:kết quả|định kỳ)", re.IGNORECASE)),
    ("funding", re.compile(r"kinh phí", re.IGNORECASE)),
    (
        "event",
        re.compile(
            r"thời gian,? địa điểm|^thành phần|chương trình (?:hội nghị|buổi lễ|lễ|kỷ niệm)|"
            r"^(?:tổ chức )?(?:lễ|hội nghị|buổi lễ|lễ mít tinh|mít tinh|hội thảo|tọa đàm)\b|^thời gian\b|^địa điểm\b",
            re.IGNORECASE,
        ),
    ),
    ("implementation", re.compile(r"tổ chức thực hiện|phân công|trách nhiệm|nhiệm vụ của các|giao nhiệm vụ",
                                  re.IGNORECASE)),
]


# ---------------------------------------------------------------- small helpers


def _plain(item: Item) -> str:
    return item.plain if item.table is None else ""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _closing(item: Item) -> bool:
    """The closing paragraph of a plan ("Yêu cầu các cơ quan … ./.")."""
    if item.table is not None or item.is_bullet or item.numbered:
        return False
    text = item.plain.rstrip()
    return text.endswith(("./.", "/.", ". /.")) or bool(
        re.match(r"^(?:Trên đây là|Căn cứ (?:Kế hoạch|nội dung Kế hoạch) này|Yêu cầu các|Trong quá trình thực hiện)",
                 text)
    )


def _strip_parens(text: str) -> str:
    return squash_spaces(re.sub(r"\([^()]*\)", " ", text))


# ---------------------------------------------------------------- the extractor


class _Extractor:
    def __init__(self, blocks: list[Block], registry: Any = None) -> None:
        self.items = parse_items(blocks)
        self.registry = registry
        self.notes: list[Note] = []
        self.record: dict[str, Any] = {}
        self.consumed: set[int] = set()
        self._section_cache: dict[int, str] = {}

    # -- notes --------------------------------------------------------------------

    def note(self, path: Path_, message: str, todo: bool = True) -> None:
        self.notes.append(Note(path, message, todo))

    # -- layout -------------------------------------------------------------------

    def run(self) -> Extraction:
        items = self.items
        titles = [
            it.index
            for it in items
            if it.table is None and not it.plain.rstrip().endswith(":") and title_kind(it.text) and not it.numbered
        ]
        main = titles[0] if titles else None
        kind = title_kind(items[main].text)[0] if main is not None else None
        plan_title = None
        if kind == "Quyết định":
            plan_title = next((t for t in titles[1:] if title_kind(items[t].text)[0] != "Quyết định"), None)
        n = len(items)
        meta_range = (0, plan_title if plan_title is not None else n)
        plan_range = (plan_title, n) if plan_title is not None else (0, n)
        link(items, *meta_range)
        if plan_title is not None:
            link(items, *plan_range)

        header_end = main if main is not None else self._guess_header_end()
        header = [it for it in items[:header_end] if it.table is None]

        record: dict[str, Any] = {}
        doc_type = kind or "Kế hoạch"
        if kind is None:
            self.note(("doc_type",), "Không thấy dòng tên loại văn bản (KẾ HOẠCH); tạm ghi «Kế hoạch».")
        attached_note: str | None = None

        # Summary of the plan (the attached plan when there is one).
        plan_title_index = plan_title if plan_title is not None else main
        summary, summary_end, attached_note = self._summary(plan_title_index, plan_range[1], header_end)
        meta_summary_end = summary_end
        if plan_title is not None:
            doc_type = title_kind(items[plan_title].text)[0]
            _, meta_summary_end, _ = self._summary(main, plan_title, header_end)

        number = self._number(header)
        place, issued = self._place_date(header)
        header_issuer = self._header_issuer(header)

        # A plan "ban hành kèm theo Quyết định số …": the decision's number and date.
        decision = self._attached_decision(attached_note)
        if plan_title is not None or decision:
            ref_number = decision.get("number") if decision else None
            shown = number or ref_number
            self.note(
                ("doc_type",),
                f"Kế hoạch ban hành kèm theo Quyết định{(' số ' + shown) if shown else ''}: số, ngày và người ký "
                "lấy theo Quyết định.",
            )
            if decision:
                number = number or decision.get("number")
                issued = issued or decision.get("issued")
                header_issuer = header_issuer or decision.get("issuer")

        record["doc_type"] = doc_type
        record["number"] = number
        record["issued"] = issued
        record["place"] = place
        record["issuer"] = None
        record["summary"] = summary

        # Preambles: the decision's (Căn cứ …) and the plan's (Thực hiện …).
        preambles: list[Item] = []
        meta_pre_start = (meta_summary_end + 1) if meta_summary_end is not None else header_end
        plan_pre_start = (summary_end + 1) if summary_end is not None else header_end
        if plan_title is not None:
            preambles += self._preamble(meta_pre_start, plan_title)
        plan_body_end, tail_start = self._body_end(plan_range[0] if plan_title is not None else 0, plan_range[1])
        preambles += self._preamble(plan_pre_start, plan_body_end)

        issuer, issuer_spans = self._issuer(header_issuer, preambles, header_end, summary)
        record["issuer"] = issuer
        record["signer"] = None
        record["basis"] = self._basis(preambles, issuer_spans)
        record["recipients"] = []
        self.record = record

        # Body ranges for the Markdown and the outline for tasks.
        body_ranges: list[tuple[int, int, str | None]] = []
        if plan_title is not None:
            meta_end, meta_tail = self._body_end(0, plan_title)
            body_ranges.append((meta_pre_start, meta_end, None))
            heading = f"## {items[plan_title].plain}"
            if summary:
                heading += f"\n\n**{summary}**"
            if attached_note:
                heading += f"\n\n*{attached_note.strip('*')}*"
            body_ranges.append((plan_pre_start, plan_body_end, heading))
            tail_items = list(range(meta_tail, plan_title))
            if not self._has_tail(tail_items):
                tail_items = list(range(tail_start, plan_range[1]))
        else:
            body_ranges.append((plan_pre_start, plan_body_end, None))
            tail_items = list(range(tail_start, plan_range[1]))

        record["tasks"] = self._tasks(plan_pre_start, plan_body_end)
        record["events"] = self._events(plan_pre_start, plan_body_end, summary)
        recipients, signer = self._tail(tail_items)
        record["recipients"] = recipients
        record["signer"] = signer
        self._check(record)
        if self.registry is not None:
            self._resolve(record)
        return Extraction(record=record, notes=self.notes, items=items, body_ranges=body_ranges)

    def _guess_header_end(self) -> int:
        for it in self.items:
            if it.table is None and (_BASIS_START.match(it.plain) or it.numbered):
                return it.index
        return 0

    # -- header ---------------------------------------------------------------------

    def _number(self, header: list[Item]) -> str | None:
        for it in header:
            text = it.plain
            match = _NUMBER_START.search(text)
            if not match:
                continue
            rest = text[match.end():]
            rest = re.split(r",\s*ngày|\s{2,}", rest)[0]
            tokens = []
            for token in rest.split():
                if re.fullmatch(r"[0-9A-ZĐ/\-.&]+", token) or token in ("/", "-"):
                    tokens.append(token)
                else:
                    break
            value = "".join(tokens).strip(".-")
            if re.search(r"\d", value) and re.search(r"[A-ZĐ]", value):
                return value
            if value and re.search(r"\d", value):
                self.note(("number",), f"Số văn bản «{value}» thiếu ký hiệu — cần kiểm tra.")
                return value
            if value:
                self.note(("number",), f"Dòng «Số:» chưa điền số («{value}»): văn bản chưa lấy số.")
                return None
            self.note(("number",), "Dòng «Số:» để trống (văn bản chưa lấy số).")
            return None
        self.note(("number",), "Không tìm thấy số, ký hiệu văn bản (dòng «Số: …»).")
        return None

    def _place_date(self, header: list[Item]) -> tuple[str | None, str | None]:
        for it in header:
            match = _DATE_LINE.search(it.plain)
            if not match:
                continue
            place = squash_spaces(match.group(1))
            place = re.sub(r"^.*?\b(?:[A-ZĐ]{2,}(?:-[A-ZĐ]+)?)\s+(?=[A-ZĐ][a-zà-ỹ])", "", place) if "/" in place else place
            place = place.strip(" .-")
            wording = match.group(2)
            found = find_exact_date(wording)
            if found:
                return place, found[0]
            words = squash_spaces(re.sub(r"[.…_]+", " ", wording))
            self.note(("issued",), f"Ngày ban hành chưa đủ («{words}») — cần điền ngày ký.")
            year = re.search(r"\d{4}", words)
            return place, (re.sub(r"^ngày\s+(?=tháng)", "", words) if year else None)
        self.note(("place",), "Không tìm thấy địa danh (dòng «…, ngày … tháng … năm …»).")
        self.note(("issued",), "Không tìm thấy ngày ban hành — cần điền ngày ký văn bản.")
        return None, None

    def _header_issuer(self, header: list[Item]) -> str | None:
        units: list[str] = []
        for it in header:
            text = it.plain.strip(" *")
            if not text or _NUMBER_START.search(text) or _DATE_LINE.search(text):
                if units:
                    break
                continue
            if _NATIONAL.search(fold(text)):
                if units:
                    break
                continue
            if not is_upper(text):
                if units:
                    break
                continue
            words = fold(text).split()
            # "TỈNH SƠN LA" under "ỦY BAN NHÂN DÂN" continues it; "HUYỆN ỦY TAM ĐƯỜNG" is a unit of its own.
            if units and words and words[0] in ("tinh", "huyen", "thanh", "thi", "xa", "phuong", "quan") and not (
                len(words) > 1 and words[1] == "uy" or words[:2] == ["thanh", "uy"]
            ):
                units[-1] = f"{units[-1]} {text}"
            else:
                units.append(text)
        if not units:
            return None
        cased = [nm.case_agency(u) for u in units]
        issuer = cased[-1]
        has_place = bool(re.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận|thị trấn)\b|ủy\s+\S+", issuer))
        if len(cased) >= 2 and not has_place:
            parent = nm.abbreviate(cased[-2])
            # "SỞ NỘI VỤ" under "UBND TỈNH BẮC GIANG" is "Sở Nội vụ tỉnh Bắc Giang";
            # "VĂN PHÒNG" under it is "Văn phòng UBND tỉnh …"; "BAN TUYÊN GIÁO" under "TỈNH ỦY …" keeps it.
            if parent.startswith("UBND ") and not issuer.lower().startswith("văn phòng"):
                parent = parent[len("UBND "):]
            issuer = f"{issuer} {parent}"
        return nm.abbreviate(issuer)

    def _summary(self, title: int | None, end: int, header_end: int) -> tuple[str | None, int | None, str | None]:
        """The title lines after "KẾ HOẠCH"; also returns the last index used and a "(Ban hành kèm theo …)" note."""
        if title is None:
            self.note(("summary",), "Không thấy dòng «KẾ HOẠCH» nên không xác định được trích yếu.")
            return None, None, None
        items = self.items
        parts: list[str] = []
        rest = title_kind(items[title].text)[1] if title_kind(items[title].text) else ""
        if rest:
            parts.append(rest)
        last = title
        attached: str | None = None
        for it in items[title + 1 : end]:
            if it.table is not None:
                break
            text = it.plain.strip()
            folded = fold(text)
            if re.match(r"^\(?\s*(?:ban hanh )?kem theo (?:quyet dinh|qd)", folded):
                attached = text
                last = it.index
                continue
            if re.fullmatch(r"[-_=*. ]+", text) or not text:
                last = it.index
                continue
            # The first line under the title is the summary even when it reads "Thực hiện …" or
            # "Triển khai …" (a plan "Thực hiện Nghị quyết số …"); later lines that open the preamble stop it.
            if it.numbered or text.startswith("Căn cứ") or parts and (
                _BASIS_START.match(text) or re.match(r"^(Để|Nhằm|Trên cơ sở|Xét|Qua|Kính gửi|Hôm nay)\b", text)
            ):
                break
            if not parts and len(text) > 250 and ("như sau" in text or text.endswith(":")):
                break
            if _ISSUER_SENTENCE.search(text) and ("như sau" in text or len(text) > 120):
                break
            if parts and is_upper(text) and not all(is_upper(p) for p in parts):
                break
            if not parts and re.match(r"^(CHỦ TỊCH|ỦY BAN|UBND)\b", text) and is_upper(text):
                break
            if len(parts) >= 4 or len(text) > 400 or (text.endswith(":") and len(text) > 80):
                break
            parts.append(text)
            last = it.index
        if not parts:
            self.note(("summary",), "Không tìm thấy trích yếu (dòng dưới «KẾ HOẠCH»).")
            return None, last, attached
        summary = squash_spaces(" ".join(parts)).strip(" -–")
        summary = re.sub(r"^(?:V/v|Về việc|về việc)\s+", "", summary)
        summary = _cap(summary)
        if is_upper(summary):
            self.note(("summary",), "Trích yếu viết hoa toàn bộ — nên viết lại chữ thường.")
        return summary, last, attached

    def _attached_decision(self, note: str | None) -> dict[str, Any]:
        """Number, date and issuer of the decision named in "(Ban hành kèm theo Quyết định số …)"."""
        if not note:
            return {}
        out: dict[str, Any] = {}
        match = re.search(r"số\s*:?\s*([0-9][\w/\-.Đđ ]*?)(?=\s+ngày|\s*,|\s+của|\)|$)", note, re.IGNORECASE)
        if match:
            out["number"] = re.sub(r"\s+", "", match.group(1))
        found = find_exact_date(note)
        if found:
            out["issued"] = found[0]
        match = re.search(r"\bcủa\s+(.+?)\s*\)?\.?$", note)
        if match:
            out["issuer"] = nm.abbreviate(nm.case_agency(match.group(1)))
        return out

    # -- preamble: issuer and basis ---------------------------------------------------

    def _preamble(self, start: int, end: int) -> list[Item]:
        out = []
        for it in self.items[start:end]:
            if it.table is not None or it.numbered and it.kind != "paren":
                break
            if fold(it.plain).startswith("quyet dinh") and it.plain.rstrip().endswith(":"):
                break
            out.append(it)
        return out

    def _issuer(
        self, header_issuer: str | None, preambles: list[Item], header_end: int, summary: str | None
    ) -> tuple[str | None, dict[int, int]]:
        """The issuer (header first, else the preamble's sentence) and where that sentence starts per item."""
        spans: dict[int, int] = {}
        sentence_subject: str | None = None
        for it in preambles:
            for match in _ISSUER_SENTENCE.finditer(it.plain):
                subject = match.group(1).strip()
                subject = re.sub(r"^(?:và|nay|do đó|vì vậy)\s+", "", subject, flags=re.IGNORECASE)
                if not nm.starts_with_agency(subject):
                    continue
                spans[it.index] = match.start(1)
                if sentence_subject is None:
                    sentence_subject = subject
                break
        if header_issuer:
            return header_issuer, spans
        # A decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" under its summary.
        for it in self.items[header_end : header_end + 8]:
            text = it.plain
            if it.table is None and is_upper(text) and re.match(r"^(CHỦ TỊCH|ỦY BAN|UỶ BAN|UBND|BAN THƯỜNG VỤ)", text):
                name = nm.abbreviate(_PERSON_PREFIX.sub("", nm.case_agency(text)))
                if re.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận)\s+\S", name):
                    return name, spans
        if sentence_subject is None:
            self.note(("issuer",), "Không xác định được cơ quan ban hành (không có dòng tên cơ quan ở đầu văn bản).")
            return None, spans
        subject = nm.abbreviate(_PERSON_PREFIX.sub("", sentence_subject))
        # A Party committee's standing board issues in the committee's name ("HUYỆN ỦY …" in the header).
        subject = re.sub(r"^(?:Ban Thường vụ|Ban Chấp hành|Thường trực)\s+(?=(?:Tỉnh|Huyện|Thành|Thị|Đảng)\s+ủy)", "",
                         subject, flags=re.IGNORECASE)
        completed, how = self._with_locality(subject, summary)
        if how:
            self.note(("issuer",), f"Cơ quan ban hành lấy từ câu «{sentence_subject} … kế hoạch»{how} — cần kiểm tra.")
        return completed, spans

    def _with_locality(self, subject: str, summary: str | None) -> tuple[str, str]:
        """Add the place name to "UBND tỉnh" / "Ban Thường vụ Huyện ủy" from the document's own text."""
        level_match = re.search(r"\b(tỉnh|huyện|thành phố|thị xã|xã|phường|quận|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy)$",
                                subject)
        if not level_match:
            return subject, ""
        level = level_match.group(1).lower().replace(" ủy", "")
        level = {"thành": "thành phố", "thị": "thị xã"}.get(level, level)
        text = " ".join(it.plain for it in self.items if it.table is None)
        if summary:
            text = summary + " " + text
        name_re = r"((?:[A-ZĐ][a-zà-ỹđ]+)(?:\s+[A-ZĐ][a-zà-ỹđ]+){0,2})"
        direct = re.search(re.escape(subject) + r"\s+" + name_re, text)
        if direct:
            return f"{subject} {direct.group(1)}", f", tên địa phương «{direct.group(1)}» lấy từ nội dung văn bản"
        counts: dict[str, int] = {}
        for match in re.finditer(r"\b" + re.escape(level) + r"\s+" + name_re, text):
            place = match.group(1)
            if fold(place.split()[0]) in ("nha", "ngay", "uy", "thanh", "so"):
                continue
            counts[place] = counts.get(place, 0) + 1
        if counts:
            best = max(counts.items(), key=lambda kv: kv[1])[0]
            return f"{subject} {best}", f", tên địa phương «{best}» suy ra từ nội dung văn bản"
        return subject, ", chưa rõ tên địa phương"

    def _basis(self, preambles: list[Item], spans: dict[int, int]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        relation = "based_on"
        for it in preambles:
            text = it.plain
            if it.index in spans:
                text = text[: spans[it.index]]
            text = text.strip(" ,.;:")
            start = _BASIS_START.match(text)
            if start:
                relation = "based_on" if start.group(1) == "Căn cứ" else "implements"
                text = text[start.end():].strip()
            elif not out:
                continue
            for part in self._split_refs(text):
                ref = self._parse_ref(part, relation)
                if ref is None:
                    continue
                key = ref.get("number") or ref.get("title", "")
                if key in seen:
                    continue
                seen.add(key)
                out.append(ref)
        for i, ref in enumerate(out):
            if not ref.get("number"):
                self.note(("basis", i), f"Văn bản căn cứ «{ref.get('title', '')}» không ghi số, ký hiệu.")
            elif not ref.get("issued"):
                self.note(("basis", i), f"Văn bản căn cứ {ref['number']} không ghi ngày ban hành.")
        return out

    @staticmethod
    def _split_refs(text: str) -> list[str]:
        parts, depth, current = [], 0, ""
        for ch in text:
            depth += ch == "("
            depth -= ch == ")"
            if ch == ";" and depth <= 0:
                parts.append(current)
                current = ""
            else:
                current += ch
        parts.append(current)
        out = []
        for part in parts:
            part = re.sub(r"^(?:và\s+)?(?:Căn cứ|Thực hiện|căn cứ|thực hiện)\s+", "", part.strip(" ,.;"))
            if part:
                out.append(part)
        return out

    def _parse_ref(self, part: str, relation: str) -> dict[str, Any] | None:
        kinds = "|".join(sorted((re.escape(k) for k in _DOC_KINDS), key=len, reverse=True))
        kind_match = re.search(rf"\b({kinds})\b", part, re.IGNORECASE)
        number_match = re.search(r"\bsố\s*:?\s*(\d[\w/\-.Đđ&]*(?:\s*[/-]\s*[\w\-Đđ&]+)*)", part)
        if not number_match and not (kind_match and kind_match.start() <= 25):
            return None
        ref: dict[str, Any] = {}
        if number_match:
            ref["number"] = re.sub(r"\s+", "", number_match.group(1)).rstrip(".,")
        found = find_exact_date(part)
        if found:
            ref["issued"] = found[0]
        issuer_match = re.search(r"\bcủa\s+(.+?)(?=\s+(?:về|V/v|v/v|quy định|hướng dẫn|ban hành|triển khai|tại|"
                                 r"phê duyệt|phê chuẩn|thông qua|kèm theo|chỉ đạo|giao|sửa đổi|bổ sung|thực hiện)\b|"
                                 r"\s*\(|\s*,\s*(?:ngày|số)\b|$)", part)
        if issuer_match:
            ref["issuer"] = nm.abbreviate(issuer_match.group(1).strip(" ,."))
        ref["relation"] = relation
        title = part
        if number_match:
            title = title.replace(number_match.group(0), " ")
        if found:
            title = re.sub(r",?\s*ngày\s+" + re.escape(found[1].group(0).replace("ngày ", "")), " ", title)
            title = title.replace(found[1].group(0), " ")
        if issuer_match:
            title = title.replace(issuer_match.group(0), " ")
        title = squash_spaces(re.sub(r"\s+,", ",", title)).strip(" ,.;")
        title = re.sub(r"\s*\(sau đây gọi tắt là[^)]*\)", "", title)
        if title:
            ref["title"] = _cap(title)
        return ref

    # -- body end and tail ---------------------------------------------------------------

    def _body_end(self, start: int, end: int) -> tuple[int, int]:
        """Where the body stops (Nơi nhận or the signature) and where the tail starts."""
        items = self.items
        for it in items[start:end]:
            if it.table is None and _NOI_NHAN.match(fold(it.plain).replace("ơ", "o")):
                # The signature may come before "Nơi nhận" in flattened text: stop at the closing line.
                return self._trim_signature(start, it.index), it.index
        closing = None
        for it in items[start:end]:
            if _closing(it):
                closing = it.index
        if closing is not None:
            return closing + 1, closing + 1
        trimmed = self._trim_signature(start, end)
        return trimmed, trimmed

    def _trim_signature(self, start: int, end: int) -> int:
        """Move ``end`` back over a signature block (authority, title in capitals, a name)."""
        index = end
        while index - 1 > start:
            it = self.items[index - 1]
            text = it.plain
            if it.table is None and (
                _AUTHORITY.match(text) or (is_upper(text) and len(text) < 60 and not it.numbered)
                or _SIGN_NOISE.match(text) or self._looks_like_person(text)
            ) and not _closing(it):
                index -= 1
                continue
            break
        return index

    @staticmethod
    def _looks_like_person(text: str) -> bool:
        words = text.split()
        return (
            2 <= len(words) <= 5
            and all(w[:1].isupper() for w in words)
            and not re.search(r"[\d:;,.()]", text)
            and not nm.starts_with_agency(text)
        )

    def _has_tail(self, indexes: list[int]) -> bool:
        return any(_NOI_NHAN.match(fold(self.items[i].plain)) for i in indexes if self.items[i].table is None)

    def _tail(self, indexes: list[int]) -> tuple[list[str], dict[str, Any] | None]:
        recipients: list[str] = []
        signer_lines: list[str] = []
        in_list = False
        for i in indexes:
            it = self.items[i]
            if it.table is not None:
                continue
            text = it.plain.strip()
            folded = fold(text)
            if _NOI_NHAN.match(folded):
                in_list = True
                rest = re.sub(r"^[^:]*:\s*", "", text) if ":" in text else ""
                if rest:
                    recipients.append(rest)
                continue
            if in_list:
                is_signature = bool(_AUTHORITY.match(text)) or (is_upper(text) and not it.is_bullet) or (
                    not it.is_bullet and self._looks_like_person(text)
                )
                if not is_signature and (it.is_bullet or text.endswith((";", ",", ".")) or not recipients
                                         or text[:1].islower()):
                    recipients.append(it.body_plain if it.is_bullet else text)
                    continue
                in_list = False
            if _closing(it):
                continue
            signer_lines.append(text)
        recipients = [squash_spaces(r).rstrip(" ;,.") for r in recipients]
        recipients = [r for r in recipients if r]
        if not recipients:
            self.note(("recipients",), "Không tìm thấy danh sách «Nơi nhận».")
        return recipients, self._signer(signer_lines)

    def _signer(self, lines: list[str]) -> dict[str, Any] | None:
        authority = None
        title = None
        name = None
        on_behalf = None
        for raw in lines:
            text = raw.strip(" *")
            if not text or _SIGN_NOISE.match(text) or re.fullmatch(r"[-_=*. ]+", text):
                continue
            match = _AUTHORITY.match(text)
            if match and is_upper(match.group(2) or match.group(4) or "XX"):
                letters = re.sub(r"[^A-Z]", "", (match.group(1) or match.group(3)).upper())
                authority = {"KT": "KT.", "TM": "TM.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}.get(letters)
                on_behalf = (match.group(2) or match.group(4) or "").strip()
                title = None
                continue
            if is_upper(text) and name is None and not (title and self._looks_like_person(text.title())):
                title = text
                continue
            if name is None and (self._looks_like_person(text) or is_upper(text)):
                name = nm.case_person(text)
        if title is None and on_behalf:
            title = on_behalf
        if authority is None and title is None and name is None:
            self.note(("signer",), "Không tìm thấy phần chữ ký (chức vụ, họ tên người ký).")
            return None
        signer: dict[str, Any] = {}
        if authority:
            # The model's form: the prefix and the office signed for, "KT. Chủ tịch".
            signer["authority"] = f"{authority} {nm.case_title(on_behalf)}" if on_behalf else authority
            if not on_behalf:
                self.note(("signer",), f"Dòng thẩm quyền «{authority}» không ghi chức vụ được ký thay.")
        if title:
            signer["title"] = nm.case_title(title)
        else:
            self.note(("signer",), "Không thấy chức vụ người ký.")
        if name:
            signer["name"] = name
        else:
            self.note(("signer",), "Không thấy họ tên người ký (văn bản chỉ có chức vụ) — cần điền.")
        return signer

    # -- outline helpers ---------------------------------------------------------------

    def section(self, index: int) -> str:
        """The kind of part an item is in: purpose, report, funding, event, implementation or content."""
        if index in self._section_cache:
            return self._section_cache[index]
        result = "content"
        for ancestor in ancestors(self.items, index):
            if not ancestor.numbered:
                continue
            heading = clean_title(ancestor.body)
            heading_words = re.sub(r"\(.*?\)", "", heading)
            found = None
            for name, regex in _SECTION_CLASSES:
                if regex.search(heading_words):
                    found = name
                    break
            if found:
                result = found
                break
        self._section_cache[index] = result
        return result

    def _sentence_due(self, text: str) -> str | None:
        due = find_due(text)
        if due:
            return due
        match = _INLINE_TIME_LABEL.search(text)
        if match:
            value, sure = due_from_value(match.group(1))
            if sure:
                return value
        return None

    # -- tasks -------------------------------------------------------------------------

    def _tasks(self, start: int, end: int) -> list[dict[str, Any]]:
        """Tasks in the body, in document order (see the module docstring for the shapes read)."""
        items = self.items
        body = [it for it in items[start:end]]
        # Items past the body (Nơi nhận, the signature) are never duties.
        self.consumed.update(range(end, len(items)))
        tasks: list[tuple[float, dict[str, Any]]] = []
        owners_done: set[int] = set()
        # 1. Labelled blocks ("Đơn vị thực hiện: …") under their item.
        groups: dict[int | None, list[Item]] = {}
        for it in body:
            if it.table is not None:
                continue
            if self.section(it.index) in ("purpose", "report", "event"):
                continue
            text = it.body_plain
            if not text:
                continue
            if _LEAD_LABEL.match(text) or _SUPPORT_LABEL.match(text) or (
                _TIME_LABEL.match(text) and not _EVENT_TIME_LABEL.match(text)
            ):
                groups.setdefault(it.parent, []).append(it)
        for owner, members in groups.items():
            if not any(_LEAD_LABEL.match(m.body_plain) for m in members):
                continue
            tasks.extend(self._label_tasks(owner, members))
            if owner is not None:
                owners_done.add(owner)
        # 2. Agency headings and their duties.
        for it in body:
            if not it.numbered or it.index in owners_done or it.index in self.consumed:
                continue
            section = self.section(it.index)
            if section in ("purpose", "report", "event"):
                continue
            tasks.extend(self._agency_tasks(it, section))
        # 3. Tables.
        for it in body:
            if it.table is not None and self.section(it.index) not in ("purpose", "report", "event"):
                tasks.extend(self._table_tasks(it))
        # 4. Sentences with a deadline (content) or an agency subject (implementation).
        for it in body:
            if it.index in self.consumed or it.table is not None or _closing(it):
                continue
            section = self.section(it.index)
            if section in ("purpose", "report", "event"):
                continue
            if any(a.index in self.consumed or a.index in owners_done for a in ancestors(items, it.index)):
                continue
            if it.numbered and it.children:
                continue
            text = it.body_plain
            if not text or _LEAD_LABEL.match(text) or _SUPPORT_LABEL.match(text) or _TIME_LABEL.match(text):
                continue
            due = self._sentence_due(text)
            subject = nm.agency_subject(text)
            if section == "implementation" and subject:
                tasks.append((it.index, self._task(text, [subject], self._support_in(text, subject), due)))
                self.consumed.add(it.index)
            elif due and not text.endswith(":"):
                tasks.append((it.index, self._task(text, [subject] if subject else [], self._support_in(text, subject),
                                                   due)))
                self.consumed.add(it.index)
        tasks.sort(key=lambda t: t[0])
        out = [t for _, t in tasks]
        self._task_notes(out)
        return out

    def _task(self, title: str, lead: list[str], support: list[str], due: str | None) -> dict[str, Any]:
        task: dict[str, Any] = {"title": clean_title(title)}
        lead = [x for x in lead if x]
        task["lead"] = lead[0] if len(lead) == 1 else (lead or None)
        task["support"] = support or None
        task["due"] = due
        return task

    def _support_in(self, text: str, subject: str | None) -> list[str]:
        support = nm.find_support(text)
        if support:
            return support
        if subject:
            match = re.search(re.escape(subject) + r"\s+(?:chủ trì,?\s*)?phối hợp (?:với|cùng)\s+(.+)$", text)
            if match:
                return nm.split_agencies(nm._cut_list(match.group(1)))
        return []

    def _label_tasks(self, owner: int | None, members: list[Item]) -> list[tuple[float, dict[str, Any]]]:
        items = self.items
        lead: list[str] = []
        support: list[str] = []
        lead_due = None
        time_due = None
        time_raw = None
        first = members[0].index
        for m in members:
            text = m.body_plain
            self.consumed.add(m.index)
            match = _LEAD_LABEL.match(text)
            if match:
                value = (match.group(1) or match.group(2) or "").strip()
                lead_due = lead_due or self._sentence_due(value)
                stripped = nm.strip_request(_strip_parens(value))
                subject = nm.agency_subject(stripped) if _has_verb(stripped) else None
                if subject:
                    lead += [subject]
                    support += self._support_in(value, None) or _loose_support(value)
                else:
                    lead += nm.split_agencies(stripped)
                continue
            match = _SUPPORT_LABEL.match(text)
            if match:
                support += nm.split_agencies(_strip_parens(match.group(1) or match.group(2) or ""))
                continue
            match = _TIME_LABEL.match(text)
            if match and time_due is None:
                time_raw = match.group(1)
                time_due, sure = due_from_value(time_raw)
                if not sure:
                    time_due = normalise_due(time_raw)
        if owner is not None:
            title = items[owner].body_plain
        else:
            previous = [it for it in items[:first] if it.table is None and it.plain and it.index not in self.consumed]
            title = previous[-1].plain if previous else "Nhiệm vụ"
        out = [(owner if owner is not None else first, self._task(title, lead, support, lead_due or time_due))]
        # Other sentences in the block that name their own agency and deadline.
        siblings = items[owner].children if owner is not None else []
        for index in siblings:
            it = items[index]
            if index in self.consumed or it.table is not None or it.numbered:
                continue
            text = it.body_plain
            subject = nm.agency_subject(text)
            due = self._sentence_due(text)
            if subject and due:
                self.consumed.add(index)
                out.append((index, self._task(_before_time_label(text), [subject], self._support_in(text, subject),
                                              due)))
        if owner is not None:
            self.consumed.add(owner)
            for index in siblings:
                self.consumed.add(index)
        return out

    def _agency_heading(self, it: Item) -> tuple[list[str], str | None, bool] | None:
        """``(lead, own_title, is_sentence)`` when a numbered item names an agency, else ``None``."""
        body = it.body_plain
        stripped = nm.strip_request(body)
        if not nm.starts_with_agency(stripped):
            return None
        subject = nm.agency_subject(stripped)
        if not subject:
            return None
        pos = stripped.find(subject)
        rest = stripped[pos + len(subject):].strip() if pos >= 0 else ""
        if not rest or re.fullmatch(r"(?:(?:là|là cơ quan|là đơn vị)[^:]*|có trách nhiệm|chịu trách nhiệm|"
                                    r"thực hiện các nhiệm vụ sau|[^:]{0,60}trách nhiệm[^:]{0,30})?\s*:?\.?", rest):
            return nm.split_agencies(subject), None, False
        if rest.startswith(":"):
            return nm.split_agencies(subject), rest[1:].strip(), False
        return [subject], body, True

    def _agency_tasks(self, it: Item, section: str) -> list[tuple[float, dict[str, Any]]]:
        found = self._agency_heading(it)
        if found is None:
            return []
        lead, own, sentence = found
        items = self.items
        out: list[tuple[float, dict[str, Any]]] = []
        if own:
            due = self._sentence_due(own)
            if sentence and section != "implementation" and not due:
                return []
            support = self._support_in(own, lead[0] if sentence else None)
            out.append((it.index, self._task(own, lead, support, due)))
        elif section not in ("implementation", "content", "funding"):
            return []
        self.consumed.add(it.index)
        for index in it.children:
            child = items[index]
            if index in self.consumed:
                continue
            out.extend(self._duty(child, lead, own is not None, out))
        if not out:
            return []
        return out

    def _duty(self, child: Item, lead: list[str], heading_had_text: bool,
              done: list[tuple[float, dict[str, Any]]]) -> list[tuple[float, dict[str, Any]]]:
        items = self.items
        self.consumed.add(child.index)
        if child.table is not None:
            return self._table_tasks(child)
        if _closing(child):
            return []
        text = child.body_plain
        if not text:
            return []
        due = self._sentence_due(text)
        # "Thời gian hoàn thành chậm nhất ngày 11/01/2024": the deadline of the duty before.
        if due and _DEADLINE_ONLY.match(text) and done:
            if not done[-1][1].get("due"):
                done[-1][1]["due"] = due
            return []
        # An introduction ("Phối hợp thực hiện các việc sau:") whose children are the duties.
        if text.endswith(":") and child.children:
            out: list[tuple[float, dict[str, Any]]] = []
            for index in child.children:
                out.extend(self._duty(items[index], lead, heading_had_text, done + out))
            return out
        own_lead = lead
        subject = nm.agency_subject(text)
        if subject and not child.is_bullet and (heading_had_text or child.kind is None and not
                                                 nm.same_name(subject, lead[0])):
            if heading_had_text:
                own_lead = [subject]
        support = self._support_in(text, subject if own_lead != lead else None)
        result = [(child.index, self._task(text, own_lead, support, due))]
        for index in child.children:
            if index not in self.consumed:
                result.extend(self._duty(items[index], lead, heading_had_text, done + result))
        return result

    def _table_tasks(self, it: Item) -> list[tuple[float, dict[str, Any]]]:
        table = it.table
        assert table is not None
        self.consumed.add(it.index)
        rows = table.rows
        if len(rows) < 2:
            return []
        header_at = None
        columns: dict[str, int] = {}
        for r, row in enumerate(rows[:3]):
            found = _table_columns(row)
            if "content" in found and ("lead" in found or "time" in found):
                header_at, columns = r, found
                break
        if header_at is None:
            return []
        body_rows = rows[header_at + 1 :]
        # A programme (times of day) is not a list of tasks.
        times = [row[columns["time"]] for row in body_rows if "time" in columns and row[columns["time"]].strip()]
        if times and sum(bool(re.match(r"^\d{1,2}\s*(?:h|giờ|:)", t)) for t in times) >= len(times) / 2:
            return []
        out: list[tuple[float, dict[str, Any]]] = []
        phase_due: str | None = None
        for r, row in enumerate(body_rows):
            def cell(name: str) -> str:
                index = columns.get(name)
                return squash_spaces(strip_inline(row[index])) if index is not None and index < len(row) else ""

            content, time_text, lead_text = cell("content"), cell("time"), cell("lead")
            marker = cell("marker")
            if not content:
                continue
            is_phase = (re.fullmatch(r"[IVX]+\.?", marker) is not None or fold(content).startswith("giai doan")
                        or is_upper(content)) and not lead_text
            if is_phase:
                phase_due = due_from_value(time_text)[0] if time_text else None
                continue
            due = due_from_value(time_text)[0] if time_text else phase_due
            lead, support = self._table_lead(lead_text, len(out))
            support += nm.split_agencies(cell("support")) if cell("support") else []
            task = self._task(content, lead, support, due)
            if lead_text and not lead:
                task["_lead_text"] = lead_text
            # Rows sort after the table's position and before the next item, in row order.
            out.append((it.index + (r + 1) / (len(body_rows) + 1), task))
        return out

    def _table_lead(self, text: str, position: int) -> tuple[list[str], list[str]]:
        text = squash_spaces(text).strip(" .;")
        if not text:
            return [], []
        if len(text) > 140 or re.search(r":\s", text):
            return [], []
        match = re.search(r"\s+(?:chủ trì,?\s*)?phối hợp (?:với|cùng)\s+(.+)$", text)
        if match:
            return nm.split_agencies(text[: match.start()]), nm.split_agencies(match.group(1))
        return nm.split_agencies(text), []

    def _task_notes(self, tasks: list[dict[str, Any]]) -> None:
        for i, task in enumerate(tasks):
            lead_text = task.pop("_lead_text", None)
            short = task["title"] if len(task["title"]) <= 60 else task["title"][:57] + "…"
            if not task.get("lead"):
                if lead_text:
                    self.note(("tasks", i, "lead"),
                              f"Nhiệm vụ {i + 1} «{short}»: cột trách nhiệm là một đoạn mô tả, cần chọn đơn vị "
                              f"chủ trì («{lead_text[:80]}…»).")
                else:
                    self.note(("tasks", i, "lead"), f"Nhiệm vụ {i + 1} «{short}»: chưa rõ đơn vị chủ trì.")
            if not task.get("due"):
                self.note(("tasks", i, "due"), f"Nhiệm vụ {i + 1} «{short}»: văn bản không ghi thời hạn.", todo=True)
            else:
                ok = period_ok(str(task["due"]))
                if ok is False:
                    self.note(("tasks", i, "due"), f"Nhiệm vụ {i + 1}: không hiểu thời hạn «{task['due']}».")
        for task in tasks:
            for key in ("lead", "support", "due"):
                if task.get(key) in (None, [], ""):
                    task.pop(key, None)

    # -- events ------------------------------------------------------------------------

    def _events(self, start: int, end: int, summary: str | None) -> list[dict[str, Any]]:
        items = self.items
        events: list[dict[str, Any]] = []
        body = items[start:end]
        for it in body:
            if it.table is not None:
                continue
            match = _EVENT_TIME_LABEL.match(it.body_plain)
            if not match:
                continue
            value = match.group(1)
            found = find_exact_date(value)
            clocks = clock_times(re.sub(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", " ", value))
            if not found and not clocks:
                continue
            siblings = [items[i] for i in (items[it.parent].children if it.parent is not None else [])]
            event: dict[str, Any] = {"title": None}
            if found:
                day = found[0]
                event["start"] = f"{day} {clocks[0]}" if clocks else day
                if len(clocks) >= 2 and re.search(r"đến|tới|-", value):
                    event["end"] = f"{day} {clocks[1]}"
            else:
                event["start"] = normalise_due(value)
                self.note(("events", len(events), "start"), f"Sự kiện: thời gian «{value}» không có ngày cụ thể.")
            for sib in siblings:
                place = _PLACE_LABEL.match(sib.body_plain)
                if place:
                    event["place"] = place.group(1).strip(" .;")
                    break
            attendees = None
            for sib in siblings + [items[it.parent]] if it.parent is not None else siblings:
                found_att = _ATTENDEES.search(sib.body_plain)
                if found_att:
                    attendees = int(found_att.group(1))
                    break
            if attendees is None:
                for other in body:
                    found_att = _ATTENDEES.search(other.body_plain) if other.table is None else None
                    if found_att:
                        attendees = int(found_att.group(1))
                        break
            if attendees:
                event["attendees"] = attendees
            event["title"] = self._event_title(it, summary, len(events))
            events.append(event)
        # "Lễ kỷ niệm (dự kiến diễn ra vào ngày 26/11/2021)".
        for it in body:
            if it.table is not None:
                continue
            for match in _EVENT_MENTION.finditer(it.plain):
                day = exact_date(match.group(1))
                if not day or any(str(e.get("start", "")).startswith(day) for e in events):
                    continue
                title = re.split(r"\s*\(|\s+(?:dự kiến|sẽ|diễn ra|được tổ chức|tổ chức|khai mạc)\b",
                                 match.group(0))[0]
                events.append({"title": _cap(clean_title(title)), "start": day})
        for i, event in enumerate(events):
            if "place" not in event:
                self.note(("events", i, "place"), f"Sự kiện «{event['title']}»: không thấy địa điểm.")
        return events

    def _event_title(self, it: Item, summary: str | None, position: int) -> str:
        for ancestor in ancestors(self.items, it.index):
            if not ancestor.numbered:
                continue
            heading = clean_title(ancestor.body)
            match = re.match(r"^(?:tổ chức\s+)?(" + _EVENT_NOUN + r".*)$", heading, re.IGNORECASE)
            if match:
                return _cap(match.group(1))
        if summary:
            match = re.search(r"(?:^|tổ chức\s+)(" + _EVENT_NOUN + r".*)$", summary, re.IGNORECASE)
            if match:
                return _cap(match.group(1))
        self.note(("events", position, "title"), "Sự kiện: chưa rõ tên sự kiện.")
        return "Sự kiện"

    # -- checks and agencies ---------------------------------------------------------------

    def _check(self, record: dict[str, Any]) -> None:
        if record.get("issued") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(record["issued"])):
            if period_ok(str(record["issued"])) is False:
                self.note(("issued",), f"Không hiểu ngày ban hành «{record['issued']}».")

    def _resolve(self, record: dict[str, Any]) -> None:
        registry = self.registry
        context = None

        def resolve(name: str, path: Path_) -> None:
            try:
                result = registry.resolve(name, context)
            except Exception as exc:  # the registry is a colleague's module: never crash the import
                self.note(path, f"Không tra được cơ quan «{name}» trong danh mục: {exc}.")
                return
            status = getattr(result, "status", "ok")
            if status == "ok" or getattr(result, "is_generic", False):
                return
            if status == "ambiguous":
                names = ", ".join(f"{a.name} ({a.id})" for a in getattr(result, "candidates", []))
                self.note(path, f"Tên cơ quan «{name}» ứng với nhiều cơ quan: {names}.")
            else:
                hint = getattr(result, "suggestions", []) or []
                more = f" Có phải: {' hay '.join(hint)}?" if hint else ""
                self.note(path, f"Cơ quan «{name}» chưa có trong danh mục.{more}")

        if record.get("issuer"):
            resolve(record["issuer"], ("issuer",))
            try:
                res = registry.resolve(record["issuer"])
                if getattr(res, "status", None) == "ok":
                    context = res.agency.id
            except Exception:
                context = None
        for i, task in enumerate(record.get("tasks", [])):
            for key in ("lead", "support"):
                value = task.get(key)
                for name in [value] if isinstance(value, str) else (value or []):
                    resolve(name, ("tasks", i, key))
        for i, ref in enumerate(record.get("basis", [])):
            if ref.get("issuer"):
                resolve(ref["issuer"], ("basis", i, "issuer"))


def _has_verb(text: str) -> bool:
    return nm._verb_at(text, nm.SUBJECT_VERBS) is not None


def _loose_support(text: str) -> list[str]:
    match = re.search(r"phối hợp (?:với|cùng)\s+(.+)$", text)
    return nm.split_agencies(nm._cut_list(match.group(1))) if match else []


def _before_time_label(text: str) -> str:
    return re.split(r"\.?\s*Thời (?:gian|hạn)[^:]{0,25}:", text)[0]


def _table_columns(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = fold(strip_inline(cell))
        if not key:
            continue
        if "content" not in found and re.search(r"noi dung|cong viec|nhiem vu|hoat dong", key):
            found["content"] = i
        elif "support" not in found and re.search(r"phoi hop", key) and "chu tri" not in key:
            found["support"] = i
        elif "time" not in found and re.search(r"tien do|thoi gian|thoi han|hoan thanh", key):
            found["time"] = i
        elif "lead" not in found and re.search(r"trach nhiem|chu tri|thuc hien|don vi|co quan|phan cong", key):
            found["lead"] = i
        elif "marker" not in found and re.fullmatch(r"s?tt|so tt|stt\.?", key):
            found["marker"] = i
    if "marker" not in found and row and fold(strip_inline(row[0])) in ("tt", "stt"):
        found["marker"] = 0
    return found


def extract(blocks: list[Block], registry: Any = None) -> Extraction:
    """Read the record out of a document's blocks (see the module docstring)."""
    return _Extractor(blocks, registry).run()
