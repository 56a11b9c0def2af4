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

One module per phase: :mod:`.header` (1), :mod:`.basis` (2), :mod:`.tasks`, :mod:`.tables`
and :mod:`.events` (3), :mod:`.tail` (4), :mod:`.resolve` (checks and agencies); shared
patterns in :mod:`.patterns`, shared state in :mod:`.base`.
"""

from __future__ import annotations

import re
from typing import Any

from plan_portal.core.agencies import Registry

from ..reader import Block
from ..structure import link, title_kind
from .base import Extraction, Note
from .basis import BasisMixin
from .events import EventMixin
from .header import HeaderMixin
from .resolve import ResolveMixin
from .tables import TableMixin
from .tail import TailMixin
from .prose import ProseMixin
from .tasks import TaskMixin

__all__ = ["Extraction", "Note", "extract"]


class _Extractor(HeaderMixin, BasisMixin, ProseMixin, TaskMixin, TableMixin, EventMixin, TailMixin, ResolveMixin):
    """The phases in reading order (see the module docstring)."""

    def run(self) -> Extraction:
        items = self.items
        titles = [
            it.index
            for it in items
            if it.table is None and not it.plain.rstrip().endswith(":") and title_kind(it.text) and not it.numbered
        ]
        if not titles:
            # A web page republishing a plan: "KẾ HOẠCH TỔ CHỨC KỶ NIỆM …" in capitals on one line.
            titles = [it.index for it in items[:5] if it.table is None and title_kind(it.text, loose=True)][:1]
        main = titles[0] if titles else None
        kind = title_kind(items[main].text, loose=True)[0] if main is not None else None
        plan_title = None
        if kind in ("Quyết định", "Nghị quyết"):
            # A decision, or a resolution ("Nghị quyết ban hành Chương trình hành động"), with its attached plan.
            plan_title = next((t for t in titles[1:] if title_kind(items[t].text)[0] != kind), None)
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

        # Summary of the plan (the attached plan when there is one). What was signed and numbered
        # is the decision: its type and summary are the record's; the attached plan gives the tasks.
        plan_title_index = plan_title if plan_title is not None else main
        summary, summary_end, attached_note = self._summary(plan_title_index, plan_range[1], header_end,
                                                            quiet=plan_title is not None)
        plan_summary = summary
        meta_summary_end = summary_end
        if plan_title is not None:
            summary, meta_summary_end, _ = self._summary(main, plan_title, header_end)
            summary = summary or plan_summary

        number = self._number(header)
        place, issued = self._place_date(header)
        if number is None and issued is None and not header:
            # No header at all: a republished operative part or a news item reporting the document.
            reported = self._reported_number()
            number, issued = reported.get("number"), reported.get("issued")
        self._place = place
        header_issuer = self._title_issuer or self._header_issuer(header)
        gazette = self._gazette(summary)
        if gazette:
            summary = gazette.get("summary", summary)
            number = number or gazette.get("number")
            issued = issued or gazette.get("issued")
            header_issuer = header_issuer or gazette.get("issuer")
        if summary is None:
            summary = self._fallback_summary(kind)
        if number is None:
            self.note(("number",), "Không tìm thấy số, ký hiệu văn bản (dòng «Số: …»).")

        # A plan "ban hành kèm theo Quyết định số …": the decision's number and date.
        decision = self._attached_decision(attached_note)
        if plan_title is not None or decision:
            ref_number = decision.get("number") if decision else None
            shown = number or ref_number
            self.note(
                ("doc_type",),
                f"Kế hoạch ban hành kèm theo Quyết định{(' số ' + shown) if shown else ''}: số, ngày và người ký "
                "lấy theo Quyết định" + ("; trích yếu là của Quyết định, nhiệm vụ lấy từ Kế hoạch."
                                         if plan_title is not None else "."),
                todo=False,
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
            if plan_summary:
                heading += f"\n\n**{plan_summary}**"
            if attached_note:
                heading += f"\n\n*{attached_note.strip('*')}*"
            body_ranges.append((plan_pre_start, plan_body_end, heading))
            tail_items = list(range(meta_tail, plan_title))
            if not self._has_tail(tail_items):
                tail_items = list(range(tail_start, plan_range[1]))
        else:
            body_ranges.append((plan_pre_start, plan_body_end, None))
            tail_items = list(range(tail_start, plan_range[1]))

        # An annex after the signature ("PHỤ LỤC … STT | Nội dung | Cơ quan chủ trì | …") holds tasks too.
        after_body = sorted(set(tail_items) | set(range(plan_body_end, len(items))))
        annex = next((i for i in after_body if items[i].table is not None or (
            items[i].table is None and re.match(r"^(?:PHỤ LỤC|Phụ lục|DANH MỤC NHIỆM VỤ)\b", items[i].plain))), None)
        if annex is not None:
            tail_items = [i for i in tail_items if i < annex]
            body_ranges.append((annex, len(items), None))
        tasks = self._tasks(plan_pre_start, plan_body_end)
        if not tasks:
            # A table given one cell a line; or no outline: duties as running prose (a letter, an operative part).
            found = self._linear_table_tasks(items[:plan_body_end])
            if not found and not any(it.numbered for it in items[plan_pre_start:plan_body_end]):
                found = self._prose_tasks(items[plan_pre_start:plan_body_end])
            tasks = [task for _, task in found]
        if annex is not None:
            annexed = [task for it in items[annex:] if it.table is not None for _, task in self._table_tasks(it)]
            if annexed:
                # "Các sở thực hiện các nhiệm vụ tại Phụ lục kèm theo": a pointer to the annex, not a task.
                tasks = [t for t in tasks if not re.search(r"\b[Pp]hụ lục\b", t["title"])] + annexed
        if plan_title is not None:
            # The decision's own articles ("Điều 2. Giao Sở … chủ trì …") come first.
            tasks = self._tasks(meta_pre_start, meta_end) + tasks
        self._task_notes(tasks)
        record["tasks"] = tasks
        record["events"] = self._events(plan_pre_start, plan_body_end, plan_summary)
        recipients, signer = self._tail(tail_items)
        record["recipients"] = recipients
        record["signer"] = signer
        self._check(record)
        if self.registry is not None:
            self._resolve(record)
        return Extraction(record=record, notes=self.notes, items=items, body_ranges=body_ranges)


def extract(blocks: list[Block], registry: Registry | None = None) -> Extraction:
    """Read the record out of a document's blocks (see the module docstring)."""
    return _Extractor(blocks, registry).run()
