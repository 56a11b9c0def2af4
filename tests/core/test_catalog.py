"""core/catalog.py: what a catalog groups, as a table of plan texts → facts, with no MkDocs."""

from __future__ import annotations

from datetime import date

import pytest
from portal_core import catalog_of

PLAN = """---
number: {number}
issued: {issued}
issuer: {issuer}
summary: Kế hoạch {number}
{extra}
---
Toàn văn.
"""


def text(number: str = "1/KH-UBND", issued: str = "2023-02-20", issuer: str = "UBND thành phố Cẩm Phả",
         extra: str = "") -> str:
    return PLAN.format(number=number, issued=issued, issuer=issuer, extra=extra)


TASKS = """tasks:
  - {title: Quá hạn, lead: Phòng Nội vụ, due: "Tháng 8/2024"}
  - {title: Xong, lead: Phòng Nội vụ, due: "Tháng 8/2024", status: done}
  - {title: Thường xuyên, lead: Phòng Văn hóa và Thông tin, support: [Phòng Nội vụ], due: thường xuyên}
events:
  - {title: Hội nghị, start: 2024-10-30}
  - {title: Lễ đã qua, start: 2024-01-05}"""

CASES = [
    ("plans newest first", {"a.md": text("1/KH", "2022-01-01"), "b.md": text("2/KH", "2024-01-01")},
     lambda c: [p.number for p in c.plans], ["2/KH", "1/KH"]),
    ("issuer resolved", {"a.md": text()}, lambda c: c.issuer["a.md"].agency.id, "ubnd-tp-cam-pha"),
    ("unknown issuer kept as written", {"a.md": text(issuer="Sở Không Có")},
     lambda c: (c.issuer["a.md"].agency.registered, c.issuer_label(c.plans[0])), (False, "Sở Không Có")),
    ("lead and support rows", {"a.md": text(extra=TASKS)},
     lambda c: (len(c.agency_data["phong-noi-vu-cam-pha"].lead), len(c.agency_data["phong-noi-vu-cam-pha"].support)),
     (2, 1)),
    ("open tasks leave out done ones", {"a.md": text(extra=TASKS)},
     lambda c: c.agency_data["phong-noi-vu-cam-pha"].open_tasks, 2),
    ("timeline kinds", {"a.md": text(extra=TASKS)},
     lambda c: sorted(e.kind for e in c.timeline), ["deadline", "deadline", "event", "event", "issued"]),
    ("undated deadlines apart", {"a.md": text(extra=TASKS)}, lambda c: [e.title for e in c.recurring], ["Thường xuyên"]),
    ("event statuses", {"a.md": text(extra=TASKS)},
     lambda c: sorted((e.title, e.status) for e in c.timeline if e.kind == "event"),
     [("Hội nghị", "upcoming"), ("Lễ đã qua", "past")]),
    ("upcoming from today", {"a.md": text(extra=TASKS)}, lambda c: [e.title for e in c.upcoming()], ["Hội nghị"]),
    ("year facet", {"a.md": text("1/KH", "2022-01-01"), "b.md": text("2/KH", "2024-01-01")},
     lambda c: [(v, n) for v, _, n in c.facets()["year"]], [("2024", 1), ("2022", 1)]),
    ("căn cứ linked by number", {"a.md": text("1/KH"), "b.md": text("2/KH", extra="basis:\n  - {number: 1/KH, relation: implements}")},
     lambda c: (c.basis_links[("b.md", 0)].number, [p.number for p in c.implementers[c.basis_links[("b.md", 0)].url]]),
     ("1/KH", ["2/KH"])),
    ("duplicate number warned", {"a.md": text("1/KH"), "b.md": text("1/KH")},
     lambda c: [d.code for d in c.diagnostics if d.code == "duplicate-number"], ["duplicate-number"]),
    ("unknown chuyên trang reported", {"a.md": text(extra="special: [khong-co]")},
     lambda c: [(d.code, d.value) for d in c.diagnostics if d.code == "unknown-section"], [("unknown-section", "khong-co")]),
]


@pytest.mark.parametrize(("name", "plans", "read", "expected"), CASES, ids=[c[0] for c in CASES])
def test_catalog(name, plans, read, expected) -> None:
    files = {f"ke-hoach/{path}": body for path, body in plans.items()}
    catalog = catalog_of(files, today=date(2024, 9, 1))
    assert read(_relative(catalog)) == expected


class _relative:
    """The catalog with plan paths shortened to their name under ke-hoach/ (for short tables)."""

    def __init__(self, catalog) -> None:
        self._catalog = catalog

    def __getattr__(self, name):
        value = getattr(self._catalog, name)
        if name == "issuer":
            return {k.removeprefix("ke-hoach/"): v for k, v in value.items()}
        if name == "basis_links":
            return {(k.removeprefix("ke-hoach/"), i): v for (k, i), v in value.items()}
        return value
