"""Phase 3: tasks from the body's outline (labelled blocks, agency headings, sentences)."""

from __future__ import annotations

import re
from typing import Any

from .. import names as nm
from ..persons import person_body
from ..dates import due_from_value, find_due, normalise_due, period_ok
from ..structure import Item, ancestors, clean_title
from .base import Base
from .patterns import (
    _CHECKLIST,
    _DEADLINE_ONLY,
    _EVENT_TIME_LABEL,
    _INLINE_TIME_LABEL,
    _LEAD_LABEL,
    _NOT_A_DUTY,
    _SECTION_CLASSES,
    _SUPPORT_LABEL,
    _TIME_LABEL,
    _UNIT_IN_BRACKETS,
    _before_time_label,
    _closing,
    _has_verb,
    _loose_support,
    _strip_parens,
)


_EXECUTION_CLAUSE = re.compile(
    r"thi hành Quyết định|căn cứ Quyết định thi hành|có hiệu lực|Ban hành kèm theo|Phê duyệt kèm theo|"
    r"chịu trách nhiệm thi hành|bãi bỏ|thay thế Quyết định", re.IGNORECASE,
)


def _agency_clauses(text: str) -> list[tuple[str, str]] | None:
    """``"Sở A chuẩn bị …; Sở B bố trí …"`` as ``[(clause, "Sở A"), (clause, "Sở B")]``, or ``None``."""
    parts = [p.strip(" .") for p in re.split(r";\s+", text) if p.strip(" .")]
    if len(parts) < 2:
        return None
    out = []
    for part in parts:
        subject = nm.agency_subject(part) if nm.starts_with_agency(part) else None
        if not subject:
            return None
        out.append((part, subject))
    return out


class TaskMixin(Base):
    """Reads tasks."""

    def section(self, index: int) -> str:
        """The kind of part an item is in: purpose, report, funding, event, implementation or content."""
        if index in self._section_cache:
            return self._section_cache[index]
        result = "content"
        chain = [self.items[index]] + ancestors(self.items, index)
        article = next((a for a in chain if a.kind == "article"), None)
        if article is not None:
            # A decision's articles: "Điều 2. Giao Sở … chủ trì …" assigns duties; the clauses on entry into
            # force and on who executes the decision ("… chịu trách nhiệm thi hành Quyết định này") do not.
            words = article.body_plain + " " + " ".join(self.items[c].plain for c in article.children[:4])
            result = "purpose" if _EXECUTION_CLAUSE.search(words) else "implementation"
            self._section_cache[index] = result
            return result
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

    def _tasks(self, start: int, end: int) -> list[dict[str, Any]]:
        """Tasks in the body, in document order (see the module docstring for the shapes read)."""
        items = self.items
        body = [it for it in items[start:end]]
        # Items past the body (Nơi nhận, the signature) are never duties.
        self.consumed.update(range(end, len(items)))
        tasks: list[tuple[float, dict[str, Any]]] = []
        owners_done: set[int] = set()
        # 1. Labelled blocks ("Đơn vị thực hiện: …") under their item. An event's part counts too when
        # its block names a lead ("Tổ chức hội thảo" / "Cơ quan chủ trì: …"): the event is someone's task.
        groups: dict[int | None, list[Item]] = {}
        for it in body:
            if it.table is not None:
                continue
            if self.section(it.index) in ("purpose", "report"):
                continue
            text = it.body_plain
            if not text:
                continue
            if _LEAD_LABEL.match(text) or _SUPPORT_LABEL.match(text) or (
                _TIME_LABEL.match(text) and not _EVENT_TIME_LABEL.match(text)
            ):
                groups.setdefault(it.parent, []).append(it)
        for owner, members in groups.items():
            is_step = owner is not None and self.items[owner].kind == "step"
            if not is_step and not any(_LEAD_LABEL.match(m.body_plain) for m in members):
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
        # 4. Sentences with a deadline (content) or an agency subject (implementation). Paragraphs before
        # the first numbered part are the preamble (căn cứ, the reasons, the issuer's sentence), not duties.
        first_part = next((it.index for it in body if it.numbered), end)
        for it in body:
            if it.index in self.consumed or it.table is not None or _closing(it):
                continue
            if it.index < first_part and it.parent is None or _NOT_A_DUTY.match(it.body_plain):
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
            clauses = _agency_clauses(text)
            if clauses and section == "implementation":
                # "Sở A …; Sở B …; Văn phòng C …": one duty per body.
                for n, (clause, subj) in enumerate(clauses):
                    tasks.append((it.index + n / 100, self._task(clause, [subj], self._support_in(clause, subj),
                                                                 self._sentence_due(clause))))
                self.consumed.add(it.index)
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
        return [t for _, t in tasks]

    def _task(self, title: str, lead: list[str], support: list[str], due: str | None) -> dict[str, Any]:
        task: dict[str, Any] = {"title": clean_title(title)}
        persons: list[str] = []

        def bodies(names: list[str]) -> list[str]:
            out = []
            for name in names:
                body = person_body(name) if name else None
                if body is None:
                    out.append(name)
                    continue
                persons.append(name)  # a duty given to a person: the person's body leads, said in a note
                if body and body not in out:
                    out.append(body)
            return [x for x in out if x]

        lead = bodies([x for x in lead if x])
        support = bodies(support or [])
        task["lead"] = lead[0] if len(lead) == 1 else (lead or None)
        task["support"] = support or None
        task["due"] = due
        if persons:
            task["_persons"] = persons
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
        stripped = nm.after_lead_in(stripped)  # "Để …, Đảng đoàn Quốc hội xác định các nhiệm vụ sau:"
        bracket = _UNIT_IN_BRACKETS.match(stripped)
        if bracket and nm.starts_with_agency(stripped):
            return [bracket.group(1)], None, False
        if stripped.rstrip().endswith(":") and any(
            nm.starts_with_agency(self.items[c].body_plain) for c in it.children
            if self.items[c].table is None and (self.items[c].numbered or self.items[c].is_bullet)
        ):
            return None  # "Các cơ quan, đơn vị sau đây chịu trách nhiệm …:" then one item per agency
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
        if rest.rstrip().endswith(":") and ":" not in rest.rstrip()[:-1]:
            # "Sở … các tỉnh được chọn thực hiện thí điểm trong năm 2011:": it introduces the duties below.
            return [subject], None, False
        # "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội lãnh đạo, …": two bodies
        return (nm.split_agencies(subject) if " và " in subject else []) or [subject], body, True

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
            # "Giao Văn phòng …: Thẩm định …; Phối hợp …; Chỉ đạo …": one duty per clause.
            clauses = [own] if sentence else [c for c in re.split(r";\s+(?=[A-ZĐ])", own) if c.strip(" .;")]
            for n, clause in enumerate(clauses):
                clause_due = self._sentence_due(clause) if len(clauses) > 1 else due
                support = self._support_in(clause, lead[0] if sentence else None) or (
                    _loose_support(clause) if len(clauses) > 1 else []
                )
                out.append((it.index + n / 100, self._task(clause, lead, support, clause_due)))
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
        if _NOT_A_DUTY.match(text) or _CHECKLIST.match(text):
            return []  # "Lưu ý: …", "Trong đó giao …"; "Biên bản họp …" in a list of papers
        due = self._sentence_due(text)
        # "Thời gian hoàn thành chậm nhất ngày 11/01/2024": the deadline of the duty before.
        if due and _DEADLINE_ONLY.match(text) and done:
            if not done[-1][1].get("due"):
                done[-1][1]["due"] = due
            return []
        # An introduction ("Phối hợp thực hiện các việc sau:") whose children are the duties.
        papers = child.children and all(_CHECKLIST.match(items[c].body_plain) for c in child.children)
        if text.endswith(":") and child.children and not papers:
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
            if papers:
                self.consumed.add(index)
            elif index not in self.consumed:
                result.extend(self._duty(items[index], lead, heading_had_text, done + result))
        return result

    def _task_notes(self, tasks: list[dict[str, Any]]) -> None:
        for i, task in enumerate(tasks):
            lead_text = task.pop("_lead_text", None)
            for person in task.pop("_persons", []):
                self.note(("tasks", i, "lead"), f"Nhiệm vụ {i + 1}: văn bản giao cho «{person}»; ghi cơ quan của người "
                          "đó làm đơn vị chủ trì.", todo=False)
            short = task["title"] if len(task["title"]) <= 60 else task["title"][:57] + "…"
            if not task.get("lead"):
                if lead_text:
                    self.note(("tasks", i, "lead"),
                              f"Nhiệm vụ {i + 1} «{short}»: cột trách nhiệm là một đoạn mô tả, cần chọn đơn vị "
                              f"chủ trì («{lead_text[:80]}…»).")
                else:
                    self.note(("tasks", i, "lead"), f"Nhiệm vụ {i + 1} «{short}»: chưa rõ đơn vị chủ trì.")
            if not task.get("due"):
                # Not a TODO: nobody can decide a deadline the document does not give.
                self.note(("tasks", i, "due"), f"Nhiệm vụ {i + 1} «{short}»: văn bản không ghi thời hạn.", todo=False)
            else:
                ok = period_ok(str(task["due"]))
                if ok is False:
                    self.note(("tasks", i, "due"), f"Nhiệm vụ {i + 1}: không hiểu thời hạn «{task['due']}».")
        for task in tasks:
            for key in ("lead", "support", "due"):
                if task.get(key) in (None, [], ""):
                    task.pop(key, None)
