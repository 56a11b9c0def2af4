"""Persons given a duty, and the bodies they stand for.

A plan sometimes gives a duty to a person ("Giao đồng chí Lê Anh Tuấn, Phó Chánh Văn phòng
UBND tỉnh …", "Giám đốc Sở Văn hóa … chủ trì", "CVP"). A task's lead is a body, never a person:
:func:`person_body` names the person's body (the importer says so in a note).
"""

from __future__ import annotations

import re

from plan_portal.core.text import squash_spaces

from .names import _lower, starts_with_agency

__all__ = ["person_body"]

_PERSON_TITLES = (
    ("phó chánh văn phòng", "Văn phòng"), ("chánh văn phòng", "Văn phòng"), ("phó chánh thanh tra", "Thanh tra"),
    ("chánh thanh tra", "Thanh tra"), ("phó trưởng phòng", "Phòng"), ("trưởng phòng", "Phòng"),
    ("phó trưởng ban", "Ban"), ("trưởng ban", "Ban"), ("phó giám đốc", ""), ("giám đốc", ""),
    ("phó chủ tịch", ""), ("chủ tịch", ""), ("thủ trưởng", ""), ("cục trưởng", ""), ("vụ trưởng", ""),
    ("bộ trưởng", ""), ("tổng biên tập", ""), ("chỉ huy trưởng", ""), ("hiệu trưởng", ""), ("lãnh đạo", ""),
    ("tổ trưởng", ""), ("kế toán", ""),
    ("cvp", "Văn phòng"),
)


# "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, …":
# the heads of the ministries, agencies and provinces, i.e. those bodies.
_GOVERNMENT_HEADS = re.compile(r"^(?:Các\s+)?Bộ trưởng,\s*Thủ trưởng\s+(.+?),\s*Chủ tịch\s+(.+)$", re.IGNORECASE)


def person_body(name: str) -> str | None:
    """The body of a person given a duty, or ``None`` when ``name`` is not a person.

    ``"Giám đốc Sở Văn hóa, Thể thao và Du lịch"`` → ``"Sở Văn hóa, Thể thao và Du lịch"``;
    ``"Lê Anh Tuấn, Phó Chánh Văn phòng UBND tỉnh"`` → ``"Văn phòng UBND tỉnh"``;
    ``"Chủ tịch UBND các huyện"`` → ``"UBND các huyện"``; ``"Lãnh đạo"`` alone → ``""`` (no body named).
    """
    text = squash_spaces(name).strip(" ,.;")
    heads = _GOVERNMENT_HEADS.match(text)
    if heads:
        return f"Các bộ, {heads.group(1)}, {heads.group(2)}"
    text = re.sub(r"^(?:đồng chí|đ/c|ông|bà)\s+", "", text, flags=re.IGNORECASE)
    # "Lê Anh Tuấn, Phó Chánh Văn phòng UBND tỉnh": a name, then the office.
    named = re.match(r"^([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})\s*[,-–]\s*(.+)$", text)
    if named and not starts_with_agency(named.group(1)):
        text = named.group(2)
    low = _lower(text)
    for title, head in _PERSON_TITLES:
        if low == title or low.startswith((title + " ", title + ",")):
            rest = text[len(title):].strip(" ,:")
            if not rest:
                return head
            if head and not _lower(rest).startswith(head.lower()):
                return f"{head} {rest}"
            return rest[:1].upper() + rest[1:] if rest[:1].islower() and not rest.startswith("các") else rest
    return None
