"""Phase 1: the header (agency lines, number, place and date) and the title with its summary."""

from __future__ import annotations

import re
from typing import Any

from plan_portal.core.text import fold, squash_spaces

from .. import names as nm
from ..dates import find_exact_date
from ..structure import Item, is_upper, title_kind
from .base import Base
from .patterns import (
    _BASIS_START,
    _DATE_LINE,
    _ISSUER_SENTENCE,
    _NATIONAL,
    _NUMBER_START,
    _cap,
)


# The line naming who decides, printed in capitals under a decision's summary.
_AUTHORITY_LINE = re.compile(
    r"^(?:CHỦ TỊCH|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|BỘ TRƯỞNG|THỦ TƯỚNG CHÍNH PHỦ|TRƯỞNG BAN|BAN THƯỜNG VỤ|"
    r"GIÁM ĐỐC|HỘI ĐỒNG NHÂN DÂN|BAN CHẤP HÀNH|THƯỜNG TRỰC)\b"
)
# A symbol with lower-case letters: "24/CT-TTg", "773/QĐ-TTg", "01/2018/TT-VPCP".
_MIXED_SYMBOL = re.compile(r"(?=[^/]*[/\-])(?=.*[A-ZĐ\d])[0-9A-Za-zĐđ/\-.&]+")
_BARE_NUMBER = re.compile(r"\d+[\w.]*(?:/[\w.\-Đđ&]+)+")
# The Official Gazette form: "CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG NGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC …".
GAZETTE_TITLE = re.compile(
    r"^(?:CỦA\s+(?P<issuer>.+?)\s+)?SỐ\s+(?P<number>\d[^\s,]*)\s*,?\s+NGÀY\s+(?P<day>\d{1,2})\s+THÁNG\s+(?P<month>\d{1,2})"
    r"\s+NĂM\s+(?P<year>\d{4})\s+(?:(?:VỀ VIỆC|V/V|VỀ)\s+)?(?P<summary>.+)$",
    re.IGNORECASE,
)


class HeaderMixin(Base):
    """Reads the document's header and title."""

    def _guess_header_end(self) -> int:
        for it in self.items:
            if it.table is None and (_BASIS_START.match(it.plain) or it.numbered):
                return it.index
        return 0

    def _number(self, header: list[Item]) -> str | None:
        candidates = [it for it in header if _NUMBER_START.search(it.plain)]
        for position, it in enumerate(header):
            text = it.plain
            match = _NUMBER_START.search(text)
            if not match:
                continue
            if re.fullmatch(r"Số hiệu\s*:?", text.strip()) and position + 1 < len(header) and _BARE_NUMBER.fullmatch(
                header[position + 1].plain.strip()
            ):
                return header[position + 1].plain.strip()  # a database page: "Số hiệu:" | "2165/QĐ-UBND"
            if it is not candidates[-1] and not re.search(r"\d", text[match.end():]):
                continue
            rest = text[match.end():]
            rest = re.split(r",\s*ngày|\s{2,}", rest)[0]
            tokens = []
            for token in rest.split():
                if re.fullmatch(r"[0-9A-ZĐ/\-.&]+", token) or token in ("/", "-") or _MIXED_SYMBOL.fullmatch(token):
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
        # A web copy may give the number alone on its first line ("2707/BVHTTDL-GĐ").
        for it in header[:3]:
            if _BARE_NUMBER.fullmatch(it.plain.strip()):
                return it.plain.strip()
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
            if not text or _NUMBER_START.search(text) or _DATE_LINE.search(text) or _BARE_NUMBER.search(text):
                if units:
                    break
                continue
            motto = _NATIONAL.search(fold(text))
            if motto and motto.start() > 0 and is_upper(text[: motto.start()].strip()):
                text = text[: motto.start()].strip()  # "CHÍNH PHỦ CỘNG HÒA XÃ HỘI …" copied as one line
            elif motto:
                if units:
                    break
                continue
            if not is_upper(text):
                if units:
                    break
                continue
            words = fold(text).split()
            # "TỈNH SƠN LA" under "ỦY BAN NHÂN DÂN" continues it; "HUYỆN ỦY TAM ĐƯỜNG" is a unit of its own.
            # "BAN CHẤP HÀNH TRUNG ƯƠNG" over "ĐOÀN TNCS HỒ CHÍ MINH" is one name, in that order.
            # "BAN CHẤP HÀNH TRUNG ƯƠNG" over "ĐẢNG ĐOÀN QUỐC HỘI" is the body above a Party body of its own.
            board = bool(units) and re.match(r"^ban (?:chap hanh|thuong vu)\b", fold(units[-1])) is not None and not re.search(
                r"\b(?:tinh|huyen|thanh pho|thi xa|xa|phuong|quan)\b", fold(units[-1])) and not re.match(
                r"^(?:dang doan|dang uy|ban can su|uy ban kiem tra|van phong|ban )", fold(text))
            if units and (board or words and words[0] in ("tinh", "huyen", "thanh", "thi", "xa", "phuong", "quan") and not (
                len(words) > 1 and words[1] == "uy" or words[:2] == ["thanh", "uy"]
            )):
                units[-1] = f"{units[-1]} {text}"
            else:
                units.append(text)
        if not units:
            return None
        cased = [nm.case_agency(u) for u in units]
        issuer = cased[-1]
        has_place = bool(re.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận|thị trấn)\b|ủy\s+\S+", issuer))
        if len(cased) >= 2 and not has_place and not fold(cased[-2]).startswith("ban chap hanh trung uong"):
            parent = nm.abbreviate(cased[-2])
            # "SỞ NỘI VỤ" under "UBND TỈNH BẮC GIANG" is "Sở Nội vụ tỉnh Bắc Giang";
            # "VĂN PHÒNG" under it is "Văn phòng UBND tỉnh …"; "BAN TUYÊN GIÁO" under "TỈNH ỦY …" keeps it.
            if parent.startswith("UBND ") and not issuer.lower().startswith("văn phòng"):
                parent = parent[len("UBND "):]
            issuer = f"{issuer} {parent}"
        return nm.abbreviate(issuer)

    def _summary(self, title: int | None, end: int, header_end: int,
                 quiet: bool = False) -> tuple[str | None, int | None, str | None]:
        """The title lines after "KẾ HOẠCH"; also returns the last index used and a "(Ban hành kèm theo …)" note."""
        if title is None:
            return None, None, None
        items = self.items
        parts: list[str] = []
        found = title_kind(items[title].text, loose=True)
        rest = found[1] if found else ""
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
            following = items[it.index + 1].plain.strip() if it.index + 1 < len(items) else ""
            if not parts and is_upper(text) and re.match(r"^CỦA\s+\S", text) and len(text) <= 60 and not (
                    re.search(r"\d", text) or is_upper(following)):  # not the Gazette form "CỦA THỦ / TƯỚNG … SỐ …"
                # "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the issuing body, under the Central Committee's header
                self._title_issuer = nm.case_agency(text[3:].strip())
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
            if _ISSUER_SENTENCE.search(text) and ("như sau" in text or len(text) > 120) and not is_upper(text):
                break
            if parts and is_upper(text) and not all(is_upper(p) for p in parts):
                break
            if parts and len(text) > 150 and text.endswith((".", ";")) and not is_upper(text):
                break  # the preamble's first paragraph, not a title line
            if is_upper(text) and _AUTHORITY_LINE.match(text):
                break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …": who decides, under the summary
            # A title in capitals may run over more lines (the Gazette form: "… SỐ … NGÀY … VỀ VIỆC …").
            most = 6 if parts and is_upper(text) and all(is_upper(p) for p in parts) else 4
            if len(parts) >= most or len(text) > 400 or (text.endswith(":") and len(text) > 80):
                break
            parts.append(text)
            last = it.index
        if not parts:
            return None, last, attached
        summary = squash_spaces(" ".join(parts)).strip(" -–")
        summary = re.sub(r"^(?:V/v|Về việc|về việc|VỀ VIỆC|Về|về|VỀ)\s+", "", summary)
        summary = _cap(summary)
        if is_upper(summary) and not quiet:
            self.note(("summary",), "Trích yếu viết hoa toàn bộ — nên viết lại chữ thường.")
        return summary, last, attached

    def _gazette(self, summary: str | None) -> dict[str, Any]:
        """Issuer, number, date and summary of the Official Gazette title form ("… SỐ 16/2001/CT-TTG NGÀY …")."""
        match = GAZETTE_TITLE.match(summary or "")
        if not match:
            return {}
        out: dict[str, Any] = {"summary": _cap(match.group("summary").strip(" .")), "number": match.group("number")}
        day, month, year = int(match.group("day")), int(match.group("month")), int(match.group("year"))
        if 1 <= day <= 31 and 1 <= month <= 12:
            out["issued"] = f"{year:04d}-{month:02d}-{day:02d}"
        if match.group("issuer"):
            out["issuer"] = nm.abbreviate(nm.case_agency(match.group("issuer")))
        return out

    def _fallback_summary(self, kind: str | None) -> str | None:
        """Without a summary under the title: "Điều 1. Ban hành kèm theo Quyết định này …", or a web page's headline."""
        items = self.items
        for it in items:
            if it.table is None and it.kind == "article":
                match = re.match(r"^(?:Ban hành|Phê duyệt)\s+kèm theo\s+Quyết định này\s+(?:là\s+)?(.+?)\.?$",
                                 it.body_plain)
                if match:
                    return "Ban hành " + match.group(1).strip()
        # A công văn's "V/v …" line ("Công văn Về việc triển khai …", "V/v tổ chức …").
        for it in items[:8]:
            match = re.match(r"^(?:Công văn\s+)?(?:V/v|Về việc|về việc)\s+(.{10,})$", it.plain) if it.table is None else None
            if match:
                return _cap(match.group(1).strip(" ."))
        # "… ban hành Kế hoạch tổ chức đại hội đoàn các cấp … như sau:" in the preamble.
        for it in items[:40]:
            if it.table is not None or it.numbered:
                continue
            match = re.search(r"\bban hành (?:Kế hoạch|Chương trình|Hướng dẫn)\s+(.+?)\s*(?:\((?:gọi tắt|sau đây)[^)]*\)\s*)?"
                              r",?\s*(?:cụ thể\s+)?như sau\s*:?\s*$", it.plain)
            if match and len(match.group(1)) > 10:
                self.note(("summary",), "Trích yếu lấy từ câu ban hành kế hoạch ở phần mở đầu — cần kiểm tra.")
                return _cap(match.group(1).strip(" ,"))
        first = next((it for it in items[:2] if it.table is None), None)
        if first is not None and not first.numbered and not is_upper(first.plain) and not _BASIS_START.match(
            first.plain
        ) and not _NUMBER_START.search(first.plain) and not _DATE_LINE.search(first.plain) and len(first.plain) < 250:
            headline = re.sub(r"^(?:Quyết định|Kế hoạch|Chỉ thị|Công văn)\s+\S*\d\S*(?:\s+năm\s+\d{4})?\s+(?:về|V/v)\s+",
                              "", first.plain)
            if not headline.endswith((":", ";")):
                self.note(("summary",), f"Trích yếu lấy từ dòng đầu của bản sao («{headline[:60]}»).")
                return _cap(headline)
        self.note(("summary",), f"Không tìm thấy trích yếu (dòng dưới «{(kind or 'Kế hoạch').upper()}»).")
        return None

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

    def _reported_number(self) -> dict[str, Any]:
        """Number and date of a document republished without its header, as its page reports them.

        "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)" closing the text, or a first sentence
        "Ngày 01/3/2021, UBND tỉnh ban hành Công văn số 1066/UBND-VXNV …" (the act being reported).
        """
        for it in self.items:
            if it.table is not None:
                continue
            text = it.plain.strip()
            match = _REPORTED_AS.match(text) or _REPORTED_ACT.match(text)
            if match:
                out: dict[str, Any] = {"number": match.group("number").rstrip(".,")}
                found = find_exact_date(match.group("date") or "")
                if found:
                    out["issued"] = found[0]
                return out
        return {}


_KINDS = r"(?:Công văn|Kế hoạch|Quyết định|Chỉ thị|Thông báo|Hướng dẫn|Chương trình)"
_SYMBOL = r"(?P<number>\d+[\w.]*(?:[/\-][\w.Đđ&]+)+)"
# "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)"
_REPORTED_AS = re.compile(rf"^\(\s*Theo\s+{_KINDS}\s+số\s+{_SYMBOL},?\s*(?P<date>ngày\s+[^)]+)?\)\.?$")
# "Ngày 01/3/2021, UBND tỉnh ban hành Công văn số 1066/UBND-VXNV …"; "… đã ký ban hành Công văn số 1127-CV/HU"
_REPORTED_ACT = re.compile(
    rf"^(?P<date>Ngày\s+(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}})),\s+"
    rf"[^.]{{0,160}}?ban hành\s+{_KINDS}\s+số\s+{_SYMBOL}"
)
