"""Phase 2: the preamble — the issuer's sentence and the documents cited (căn cứ)."""

from __future__ import annotations

import re
from typing import Any

from plan_portal.core.text import fold, squash_spaces

from .. import names as nm
from ..dates import find_exact_date
from ..structure import Item, is_upper
from .base import Base
from .patterns import (
    _BASIS_START,
    _DOC_KINDS,
    _ISSUER_SENTENCE,
    _PERSON_PREFIX,
    _cap,
)


_HAS_PLACE = re.compile(r"\b(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận|thị trấn)\s+\S|\b(?:Tỉnh|Huyện|Thành|Thị)\s+ủy\b|"
                        r"Chính phủ|^Bộ\s|Trung ương")


_IMPLEMENTED = re.compile(r"\bthực hiện\s+((?:Nghị quyết|Chỉ thị|Kết luận|Quyết định|Chương trình|Thông báo)\s+số\s+[^.;]+)")
_PROPOSAL = re.compile(r"^(?:Xét|Theo)\s+(?:đề nghị|đề xuất|tờ trình)|^Sau khi\b", re.IGNORECASE)


class BasisMixin(Base):
    """Reads the preamble."""

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
        # A decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" under its summary; it also completes a header
        # that lost its place line in a web copy ("ỦY BAN NHÂN DÂN |").
        authority_line = None
        for it in self.items[max(0, header_end - 3) : header_end + 8]:
            text = it.plain
            if it.table is None and is_upper(text) and re.match(r"^(CHỦ TỊCH|ỦY BAN|UỶ BAN|UBND|BAN THƯỜNG VỤ)", text):
                name = nm.abbreviate(_PERSON_PREFIX.sub("", nm.case_agency(text)))
                if re.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận)\s+\S", name):
                    authority_line = name
                    break
        if header_issuer:
            if authority_line and not _HAS_PLACE.search(header_issuer) and fold(authority_line).startswith(
                fold(header_issuer)
            ):
                return authority_line, spans
            return self._respell_place(header_issuer), spans
        if authority_line:
            return authority_line, spans
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

    def _respell_place(self, issuer: str) -> str:
        """A misprinted place in the header ("TỈNH DÌNH ĐỊNH") takes the date line's spelling ("Bình Định")."""
        place = self.record.get("place") if self.record else None
        place = place or getattr(self, "_place", None)
        if not place:
            return issuer
        words = issuer.split()
        n = len(place.split())
        tail = " ".join(words[-n:])
        if tail != place and len(tail) == len(place) and sum(a != b for a, b in zip(fold(tail), fold(place))) == 1:
            return " ".join(words[:-n] + [place])
        return issuer

    def _with_locality(self, subject: str, summary: str | None) -> tuple[str, str]:
        """Add the place name to "UBND tỉnh" / "Ban Thường vụ Huyện ủy" from the document's own text."""
        level_match = re.search(r"\b(tỉnh|huyện|thành phố|thị xã|xã|phường|quận|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy)$",
                                subject)
        if not level_match and re.match(r"^Sở\s", subject) and not _HAS_PLACE.search(subject):
            # "Sở Thông tin và Truyền thông xây dựng Kế hoạch": the province the text names most.
            text = " ".join(it.plain for it in self.items if it.table is None)
            counts: dict[str, int] = {}
            for match in re.finditer(r"\btỉnh\s+((?:[A-ZĐ][a-zà-ỹđ]+)(?:\s+[A-ZĐ][a-zà-ỹđ]+){0,2})", text):
                counts[match.group(1)] = counts.get(match.group(1), 0) + 1
            if counts:
                best = max(counts.items(), key=lambda kv: kv[1])[0]
                return f"{subject} tỉnh {best}", f", tên tỉnh «{best}» suy ra từ nội dung văn bản"
            return subject, ""
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
        proposal = False
        for it in preambles:
            text = it.plain
            tail = ""
            if it.index in spans:
                text, tail = text[: spans[it.index]], text[spans[it.index]:]
            text = text.strip(" ,.;:")
            if _PROPOSAL.match(text):
                proposal = True  # "Xét đề nghị …", "Theo đề nghị …": who proposed, not a căn cứ
                continue
            start = _BASIS_START.match(text)
            if start:
                proposal = False
                relation = "based_on" if start.group(1) == "Căn cứ" else "implements"
                text = text[start.end():].strip()
            elif not out or proposal or not (text[:1].islower() or text[:1].isdigit()):
                continue  # only a line that goes on with the previous one (a wrapped căn cứ)
            parts = self._split_refs(text)
            implemented = _IMPLEMENTED.search(tail) if start else None
            if implemented and not any(self._parse_ref(p, relation) for p in parts):
                # "Thực hiện chỉ đạo của Bộ Chính trị, Đảng đoàn … ban hành Kế hoạch triển khai thực hiện Nghị
                # quyết số 57-NQ/TW": the issuer's sentence names what the plan carries out.
                parts = [implemented.group(1)]
            for part in parts:
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
                # A law or a charter is cited by name: nothing to decide, only said.
                named = re.match(r"^(?:Luật|Bộ luật|Hiến pháp|Điều lệ|Pháp lệnh)\b", ref.get("title", ""))
                self.note(("basis", i), f"Văn bản căn cứ «{ref.get('title', '')}» không ghi số, ký hiệu.",
                          todo=not named)
            elif not ref.get("issued"):
                self.note(("basis", i), f"Văn bản căn cứ {ref['number']} không ghi ngày ban hành.", todo=False)
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
        # "Quyết định số 112/QĐ-TTg … và Công văn số 555/LĐTBXH-BTXH …": two documents in one căn cứ.
        kinds = "|".join(sorted((re.escape(k) for k in _DOC_KINDS), key=len, reverse=True))
        split_parts: list[str] = []
        for part in parts:
            split_parts += re.split(rf"\s*(?:,|\bvà)\s+(?=(?:{kinds})\s+số\b)", part)
        parts = split_parts
        out = []
        for part in parts:
            part = re.sub(r"^(?:và\s+)?(?:Căn cứ|Thực hiện|căn cứ|thực hiện)\s+", "", part.strip(" ,.;"))
            if part:
                out.append(part)
        return out

    def _parse_ref(self, part: str, relation: str) -> dict[str, Any] | None:
        kinds = "|".join(sorted((re.escape(k) for k in _DOC_KINDS), key=len, reverse=True))
        kind_match = re.search(rf"\b({kinds})\b", part, re.IGNORECASE)
        number_match = re.match(r"\s*()(\d[\w.Đđ&]*(?:/[\w\-.Đđ&]+)+)", part)  # "2215/QĐ-TTg ngày …" after "số: …;"
        if number_match is None:
            number_match = re.search(r"số\s*:?\s*(\d[\w/\-.Đđ&]*(?:\s*[/-]\s*[\w\-Đđ&]+)*)", part)
        if not number_match and not (kind_match and kind_match.start() <= 25):
            return None
        ref: dict[str, Any] = {}
        if number_match:
            ref["number"] = re.sub(r"\s+", "", number_match.group(number_match.lastindex or 1)).rstrip(".,")
        found = find_exact_date(part)
        if found:
            ref["issued"] = found[0]
        # The issuer stops where the title starts, whatever its case ("của Chính phủ Quy định …"), and at its
        # date or number; "của Luật …" names a law, not an issuer.
        issuer_match = re.search(r"\bcủa\s+(.+?)(?=\s+(?i:về|V/v|quy định|hướng dẫn|ban hành|triển khai|tại|"
                                 r"phê duyệt|phê chuẩn|thông qua|kèm theo|chỉ đạo|giao|sửa đổi|bổ sung|thực hiện|"
                                 r"ngày|số)\b|\s+(?:" + kinds + r")\b|\s*\(|\s*,\s*(?:ngày|số)\b|$)", part)
        if issuer_match and re.match(r"(?:" + kinds + r")\b", issuer_match.group(1)):
            issuer_match = None  # "Luật sửa đổi … của Luật Tổ chức Chính phủ và …": part of the title
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
