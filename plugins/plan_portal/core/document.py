"""How a plan's document header is laid out: by a state body or by a body of the Party.

A state body's document carries the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập -
Tự do - Hạnh phúc", Nghị định 30/2020/NĐ-CP); a Party body's carries "ĐẢNG CỘNG SẢN VIỆT NAM"
(Hướng dẫn 36-HD/VPTW on the format of Party documents). The kind comes from the plan's
``issuer_kind`` if set, else from the agency registry (``kind``, inherited from the parent), else
from the issuer's name ("Huyện ủy", "Đảng ủy"…).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from .agencies import Agency, Registry
from .model import Plan
from .text import fold

__all__ = ["DOC_TYPES", "IssuerKind", "basis_parts", "issuer_kind", "looks_like_party"]

IssuerKind = Literal["state", "party"]

# Folded (no diacritics, lower case): "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy", "Quận ủy", "Đảng ủy",
# "Đảng bộ", "Chi bộ", and the Party committee's own boards ("Ban Tuyên giáo Huyện ủy" matches already).
_PARTY = re.compile(r"\b(?:(?:tinh|huyen|thanh|thi|quan|dang) uy|dang bo|chi bo|dang cong san)\b")


def looks_like_party(name: str) -> bool:
    """Whether an agency's name is that of a Party body ("Huyện ủy Phong Thổ", "Đảng ủy Khối…")."""
    return bool(_PARTY.search(fold(name)))


def issuer_kind(plan: Plan | Any, agency: Agency | None, registry: Registry | None) -> IssuerKind:
    """``"party"`` or ``"state"``: the plan's override, the registry's kind (nearest ancestor), the name.

    Any signed document with an ``issuer`` (a plan, a report) is accepted; only plans have the override.
    """
    override = getattr(plan, "issuer_kind", None)
    if override:
        return override
    if agency is not None:
        chain = [agency] + (registry.ancestors(agency.id) if registry is not None and agency.registered else [])
        for a in chain:
            if a.kind:
                return a.kind
        return "party" if looks_like_party(agency.name) else "state"
    return "party" if looks_like_party(plan.issuer) else "state"


# Kinds of document a căn cứ line names first ("Thực hiện Thông báo số …").
DOC_TYPES = (
    "Kế hoạch", "Thông báo", "Quyết định", "Nghị quyết", "Chỉ thị", "Công văn", "Công điện", "Kết luận",
    "Hướng dẫn", "Luật", "Nghị định", "Thông tư", "Chương trình", "Đề án", "Báo cáo", "Tờ trình", "Quy định",
    "Quy chế", "Văn bản",
)


def basis_parts(title: str | None, has_issuer: bool) -> tuple[str, str]:
    """Split a căn cứ's title into the document's kind and what it is about, so that the line reads
    like administrative text: "Thông báo" + "về việc nhất trí …" around "số 263-TB/TVPU ngày 26/8/2023
    của Văn phòng Tỉnh ủy Lai Châu". A "của …" inside the title is dropped when the issuer is given
    (the line names it). A title that names no known kind is the kind itself ("Văn bản" without one).
    """
    title = (title or "").strip()
    folded = fold(title)
    if folded.startswith(("luat ", "bo luat ")):  # a law is named by its title: "Luật Tổ chức chính quyền địa phương"
        return title, ""
    for kind in DOC_TYPES:
        key = fold(kind)
        if folded == key or folded.startswith(key + " "):
            head, rest = title[: len(kind)], title[len(kind):].strip()
            break
    else:
        return title or "Văn bản", ""
    if has_issuer and fold(rest).startswith("cua "):
        about = re.search(r"\s(?=(?:về|V/v)\s)", rest)
        rest = rest[about.end():] if about else ""
    if rest and not fold(rest).startswith(("ve ", "v/v ", "cua ")):
        rest = "về " + rest
    return head, rest
