"""Page kind ``agencies``: the list of every agency, grouped under its root (a province, a city, a
district Party committee); agencies a plan names that the registry does not know come last."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog import AgencyData, Catalog
from ..options import Options
from ..urls import index_source
from .base import View

__all__ = ["AgencyGroup", "AgencyIndexView", "build"]


@dataclass
class AgencyGroup:
    """Agencies under one root (a province, a city, a district Party committee)."""

    root: AgencyData
    members: list[tuple[int, AgencyData]]  # (depth, agency)


@dataclass
class AgencyIndexView(View):
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
                            groups=groups, unregistered=unregistered)]
