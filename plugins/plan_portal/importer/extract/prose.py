"""Phase 3 for documents without numbered parts: duties written as running prose.

Letters, short assignments and the operative part of a document as a portal republishes it
often have no "1.", "a)" outline: the duties are sentences, one body per sentence or per
";" clause. A clause gives a task when it names its body:

- after a request verb: "Giao Sở A chủ trì …", "UBND tỉnh yêu cầu các đơn vị …",
  "… đề nghị các Đảng bộ trực thuộc Huyện ủy …", "giao nhiệm vụ cho Ban B …";
- as its subject: "Sở A có nhiệm vụ …", "Ban B tham mưu …", also after a lead-in
  ("Qua đó, …", "Đối với …", "Trên cơ sở …, Sở A …", "Sau khi …, các cơ quan …").

A clause with no body of its own continues the sentence before it: when it only adds the
deadline ("…; hoàn thành trước ngày 10/12/2023", "Hoàn thành và trình UBND tỉnh trong quý
I/2020.") the deadline goes to that duty; when it starts with a duty verb ("…; lãnh đạo
triển khai …", "Sau đó mới tiến hành …") it is another duty of the same body.
"""

from __future__ import annotations

import re
from typing import Any

from .. import names as nm
from ..dates import DUE_IN_SENTENCE, due_from_value
from ..structure import Item
from .tasks import TaskMixin

# Connectives before the sentence's subject: dropped.
_CONNECTIVE = re.compile(
    r"^(?:(?:Qua đó|Theo đó|Đồng thời|Ngoài ra|Bên cạnh đó|Sau đó|Tiếp đó|Do đó|Vì vậy)\s*,?\s*)?"
    r"(?:cũng\s+)?(?:mới\s+)?", re.IGNORECASE,
)
# A request verb and the body it addresses ("giao nhiệm vụ cho Ban …", "yêu cầu các đơn vị …").
_REQUEST = re.compile(
    r"(?:^|[\s,:])(?:yêu cầu|giao(?:\s+nhiệm vụ)?(?:\s+cho)?|đề nghị|phân công(?:\s+cho)?)\s+(?=\S)",
    re.IGNORECASE,
)
# Adverbial lead-ins whose subject follows a comma ("Trên cơ sở …, Sở A …").
_LEAD_IN = re.compile(r"^(?:Trên cơ sở|Sau khi|Căn cứ|Để|Nhằm|Trong quá trình|Khi)\b", re.IGNORECASE)
# A clause that only gives the deadline of the duty before it.
_DEADLINE_CLAUSE = re.compile(r"^(?:hoàn thành|thời gian hoàn thành|thời hạn|xong)\b", re.IGNORECASE)
# Words that may follow the subject before its verb.
_MODAL = re.compile(r"^(?:sẽ|cần|phải|có nhiệm vụ|có trách nhiệm|chịu trách nhiệm|cũng|vừa|khi [^,]+,)\s+",
                    re.IGNORECASE)
_DUTY_START = tuple(nm.SUBJECT_VERBS) + (
    "tiến hành", "lãnh đạo", "nắm", "nắm chắc", "theo dõi", "hoàn chỉnh", "quán triệt", "đánh giá", "định kỳ",
    "dự kiến", "chuẩn bị", "mời", "rà soát", "thành lập", "củng cố", "sắp xếp",
)
_PREAMBLE = re.compile(r"^(?:Thực hiện|Căn cứ|Xét)\s|^Theo (?!đó)", re.IGNORECASE)
_NOT_A_DUTY = re.compile(r"^(?:trong đó|lưu ý|ghi chú)\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s*\./\.\s*$", ".", text.strip())
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", text)
    return [p.strip() for p in parts if p.strip()]


def _clauses(sentence: str) -> list[str]:
    # "… dự kiến: từ tháng 7 … ; từ tháng 1 …": the colon introduces the clauses.
    return [c.strip(" .") for c in re.split(r";\s+", sentence) if c.strip(" .")]


def _starts_with_duty(text: str) -> bool:
    low = text.lower()
    return any(low.startswith(v) and (len(low) == len(v) or not low[len(v)].isalpha()) for v in _DUTY_START)


def _subject(text: str) -> str | None:
    """The sentence's subject; "theo dõi" ends it here (in a list of bodies it is part of a description)."""
    cut = re.search(r"\s+(?:theo dõi|đã|đang)(?:\s|$)", text)
    subject = nm.agency_subject(text[:cut.start()] if cut else text)
    return re.split(r"\s+(?:theo dõi|đã|đang)(?:\s|$)", subject)[0] if subject else None


def _named(subject: str | None) -> bool:
    """A body's name: capitalised, or a group ("các đơn vị"); not "lãnh đạo …" or a verb."""
    return bool(subject) and (subject[:1].isupper() or subject.lower().startswith("các "))


def _lead(clause: str) -> tuple[str, str] | None:
    """``(body, rest of the clause)`` when the clause names the body that does it."""
    text = _CONNECTIVE.sub("", clause, count=1)
    match = _REQUEST.search(text)
    if match:
        after = text[match.end():]
        # "yêu cầu sau khi kết thúc Đại hội các đơn vị hoàn chỉnh …": the time clause first.
        when = re.match(r"(?:sau khi|trước khi|khi)\s.*?\s(?=các\s)", after, re.IGNORECASE)
        if when:
            after = after[when.end():]
        if nm.starts_with_agency(after):
            subject = _subject(after)
            if subject and _named(subject):
                return subject, after[len(subject):].strip(" ,")
        return None  # the body that asks is not the one that does
    if text.lower().startswith("đối với "):
        text = text[len("đối với "):]
    if _LEAD_IN.match(text):
        for comma in re.finditer(r",\s+", text):
            after = text[comma.end():]
            if (after[:1].isupper() or after.lower().startswith("các ")) and nm.starts_with_agency(after):
                subject = _subject(after)
                if subject and not subject.lower().startswith(("các bộ", "các cơ quan trung ương")):
                    return subject, after[len(subject):].strip(" ,")
        return None
    if nm.starts_with_agency(text):
        subject = _subject(text)
        if subject and _named(subject) and len(subject) < len(text):
            return subject, text[len(subject):].strip(" ,")
    return None


def _bodies(subject: str) -> list[str]:
    """A list of groups as its bodies: a comma before "các …", "Chủ tịch …", "Thủ trưởng …" or "UBND …" starts
    another one ("các sở, ban ngành, các cơ quan trung ương …, Chủ tịch UBND các huyện, thành phố")."""
    parts = re.split(r",\s+(?=(?:các|Chủ tịch|Thủ trưởng|Giám đốc|UBND|Ủy ban nhân dân)\s)", subject)
    # "các Ban, Văn phòng Huyện ủy": bare heads sharing the Party committee named last.
    owner = re.match(r"^(?:các\s+)?((?:Ban|Văn phòng)(?:,\s+(?:Ban|Văn phòng))*),\s+(Ban|Văn phòng)\s+"
                     r"((?:Huyện|Tỉnh|Thành|Quận|Thị|Đảng)\s+ủy)$", subject)
    if owner:
        heads = re.split(r",\s+", owner.group(1)) + [owner.group(2)]
        plural = "các " if subject.lower().startswith("các ") else ""
        return [(plural if n == 0 else "") + f"{head} {owner.group(3)}" for n, head in enumerate(heads)]
    # "Đảng bộ xã A và Chi bộ B": two named bodies.
    parts = [q for p in parts for q in (re.split(r"\s+và\s+(?=(?:Chi bộ|Đảng bộ|Đảng ủy|Ban|Sở|Phòng|UBND)\s)", p)
                                        if p[:1].isupper() else [p])]
    # "các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện": members of a body; the body leads.
    parts = [re.sub(r"^(?:các\s+)?(?:đồng chí|đ/c)\s+(?:Ủy viên|ủy viên|thành viên)\s+", "", p) for p in parts]
    return [p.strip() for p in parts if p.strip()]


class ProseMixin(TaskMixin):
    """Reads duties from running prose."""

    def _linear_table_tasks(self, lines: list[Item]) -> list[tuple[float, dict[str, Any]]]:
        """A table a web page gave one cell a line: "TT", its header cells, then "1", the row's cells, "2", ….

        The row's first cell is the duty, its last cell the deadline when it reads as one, its lead a body
        named as the subject of a cell ("… Thường trực HĐND các cấp dự kiến …"); none is invented.
        """
        lines = [it for it in lines if it.table is None and it.plain.strip()]
        start = next((n for n, it in enumerate(lines) if it.plain.strip() in ("TT", "STT")), None)
        if start is None or not any(re.match(r"(?:Nội dung|Công việc)", h.plain.strip())
                                    for h in lines[start + 1:start + 6]):
            return []
        rows: list[list[Item]] = []
        for it in lines[start + 1:]:
            if re.fullmatch(r"\d{1,3}\.?", it.plain.strip()) and int(it.plain.strip(" .")) == len(rows) + 1:
                rows.append([it])
            elif rows:
                rows[-1].append(it)
        out: list[tuple[float, dict[str, Any]]] = []
        for row in rows:
            cells = [c for c in row[1:] if not c.plain.strip().startswith("(")]
            if not cells:
                continue
            due, sure = due_from_value(cells[-1].plain) if len(cells) > 1 else (None, False)
            lead: list[str] = []
            for cell in cells[1:-1] if sure else cells[1:]:
                found = next((f for f in map(_lead, _sentences(cell.plain)) if f), None)
                if found:
                    lead = _bodies(found[0])
                    break
            out.append((row[0].index, self._task(cells[0].plain, lead, [], due if sure else None)))
            self.consumed.update(it.index for it in row)
        return out

    def _prose_tasks(self, body: list[Item]) -> list[tuple[float, dict[str, Any]]]:
        out: list[tuple[float, dict[str, Any]]] = []
        for it in body:
            if it.index in self.consumed or it.table is not None:
                continue
            text = it.body_plain
            if not text or text.rstrip().endswith(":") or text.lstrip().startswith("(") or _PREAMBLE.match(text):
                continue
            lead: str | None = None
            last: dict[str, Any] | None = None
            n = 0
            for sentence in _sentences(text):
                same_sentence = False
                for clause in _clauses(sentence):
                    if _NOT_A_DUTY.match(clause):
                        continue
                    due = self._sentence_due(clause)
                    found = _lead(clause)
                    if found and re.match(r"(?:đã|đang)\s", found[1]):
                        found = None  # "các cơ quan … đã quán triệt …": a report of what was done
                    if found:
                        lead, rest = found
                        rest = _MODAL.sub("", rest)
                        last = self._task(rest or clause, _bodies(lead), self._support_in(clause, lead), due)
                        out.append((it.index + n / 100, last))
                        n += 1
                        same_sentence = True
                        continue
                    if lead is None or last is None:
                        continue
                    plain = _CONNECTIVE.sub("", clause, count=1)
                    # "từ tháng 1 đến tháng 3-2020 sẽ tiến hành …": the period first, then the duty.
                    period = DUE_IN_SENTENCE.match(plain)
                    if period:
                        plain = _MODAL.sub("", plain[period.end():].strip(" ,"))
                    if due and not last.get("due") and (same_sentence or _DEADLINE_CLAUSE.match(plain)):
                        last["due"] = due
                        continue
                    if _starts_with_duty(plain):
                        last = self._task(plain, _bodies(lead), self._support_in(plain, None), due)
                        out.append((it.index + n / 100, last))
                        n += 1
                        same_sentence = True
            if n:
                self.consumed.add(it.index)
        return out
