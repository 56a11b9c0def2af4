"""Page kind ``report``: every content problem found at build time (``bao-cao/``), and the plans that
could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog import Catalog
from ..options import Options
from ..urls import index_source
from .base import View

__all__ = ["ReportView", "build"]


@dataclass
class ReportView(View):
    diagnostics: list[Any] = field(default_factory=list)
    broken: list[Any] = field(default_factory=list)
    kind = "report"


def build(catalog: Catalog, options: Options) -> list[View]:
    broken = [e for e in catalog.entries if not e.ok]
    return [ReportView(index_source(catalog.paths.report_url()), "Báo cáo kiểm tra nội dung", "plan-portal/report.html",
                       "Các lỗi và cảnh báo tìm thấy khi xây dựng cổng.", diagnostics=catalog.diagnostics,
                       broken=broken)]
