"""Page kind ``agencies``: the list of every agency, grouped under its root (a province, a city, a
district Party committee); agencies a plan names that the registry does not know come last."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog import AgencyData, Catalog
from ..options import Options
from ..text import fold
from ..urls import index_source
from .base import View

__all__ = ["AgencyGroup", "AgencyIndexView", "AgencyProvince", "build", "province_of"]


@dataclass
class AgencyGroup:
    """Agencies under one root (a province, a city, a district Party committee)."""

    root: AgencyData
    members: list[tuple[int, AgencyData]]  # (depth, agency)


@dataclass
class AgencyProvince:
    """The agencies of one province or centrally-run city ("Tỉnh Hưng Yên"), root by root."""

    label: str
    groups: list[AgencyGroup]


# The province in a root's name: "UBND tỉnh Hưng Yên", "Tỉnh ủy Lai Châu", "Văn phòng UBND tỉnh Quảng Ngãi".
_PROVINCE = re.compile(r"(?:\b[Tt]ỉnh(?: ủy| uỷ)?|\b[Tt]hành phố)\s+(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?)+)$")
OTHER_PLACES = "Cơ quan khác"


def province_of(name: str) -> str:
    """"Tỉnh Hưng Yên" for "UBND tỉnh Hưng Yên" or "Tỉnh ủy Hưng Yên"; :data:`OTHER_PLACES` otherwise."""
    m = _PROVINCE.search(name.strip())
    if not m:
        return OTHER_PLACES
    kind = "Thành phố" if m.group(0).lower().startswith("thành phố") else "Tỉnh"
    return f"{kind} {m.group('name').strip()}"


def _provinces(groups: list[AgencyGroup]) -> list[AgencyProvince]:
    """Groups by province, each province and its roots in the registry's order; other places last."""
    by_label: dict[str, list[AgencyGroup]] = {}
    for group in groups:
        if group.root.total or group.root.issued or group.members:  # no heading without content
            by_label.setdefault(province_of(group.root.agency.name), []).append(group)
    # A root that names no province ("Công ty Điện lực Bắc Giang") joins the province its name ends with.
    for group in list(by_label.get(OTHER_PLACES, [])):
        tail = " ".join(fold(group.root.agency.name).split()[-2:])
        home = next((label for label in by_label if label != OTHER_PLACES and fold(label).endswith(" " + tail)), None)
        if home:
            by_label[home].append(group)
            by_label[OTHER_PLACES].remove(group)
    if not by_label.get(OTHER_PLACES, True):
        del by_label[OTHER_PLACES]
    labels = sorted(by_label, key=lambda label: label == OTHER_PLACES)
    return [AgencyProvince(label, by_label[label]) for label in labels]


@dataclass
class AgencyIndexView(View):
    provinces: list[AgencyProvince] = field(default_factory=list)
    groups: list[AgencyGroup] = field(default_factory=list)
    unregistered: list[AgencyData] = field(default_factory=list)
    kind = "agencies"


def _agency_groups(catalog: Catalog) -> tuple[list[AgencyGroup], list[AgencyData]]:
    data = catalog.agency_data
    children: dict[str | None, list[AgencyData]] = defaultdict(list)
    unregistered = []
    for item in catalog.agencies_sorted():
        if not item.agency.registered:
            unregistered.append(item)
            continue
        parent = item.agency.parent if item.agency.parent in data else None
        children[parent].append(item)
    groups = []
    for root in children[None]:
        members: list[tuple[int, AgencyData]] = []
        stack = [(0, c) for c in reversed(children[root.agency.id])]
        while stack:
            depth, node = stack.pop()
            members.append((depth, node))
            stack.extend((depth + 1, c) for c in reversed(children[node.agency.id]))
        groups.append(AgencyGroup(root, members))
    return groups, unregistered


def build(catalog: Catalog, options: Options) -> list[View]:
    groups, unregistered = _agency_groups(catalog)
    return [AgencyIndexView(index_source(catalog.paths.agencies_url()), "Cơ quan, đơn vị", "plan-portal/agencies.html",
                            "Các cơ quan chủ trì, phối hợp thực hiện nhiệm vụ trong các kế hoạch.", in_nav=True,
                            groups=groups, provinces=_provinces(groups), unregistered=unregistered)]
