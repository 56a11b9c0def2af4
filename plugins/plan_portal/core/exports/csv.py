"""The CSV export: every task of every valid plan with its status on the build date (``du-lieu/nhiem-vu.csv``).

For open-data users who work in a spreadsheet: one row per task, UTF-8 with a byte order mark (so
that Excel reads Vietnamese correctly), comma-separated, RFC 4180 quoting. The statuses are those of
the status table (:mod:`plan_portal.core.status`) as of the date in the ``ngay_tinh_trang`` column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import status as statuses
from .base import Export

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["COLUMNS", "EXPORT", "task_rows"]

#: The header row: ASCII names (stable for scripts), documented in docs/du-lieu-mo.md.
COLUMNS = (
    "ke_hoach", "so_ky_hieu", "ngay_ban_hanh", "co_quan_ban_hanh", "tinh_trang_ke_hoach", "ma_nhiem_vu", "nhiem_vu",
    "chu_tri", "phoi_hop", "thoi_han", "thoi_han_ban_dau", "trang_thai", "nhan_trang_thai", "ngay_tinh_trang",
    "cap_nhat_gan_nhat", "nguon_cap_nhat", "ty_le", "dia_chi",
)


def task_rows(catalog: Catalog, site_url: str = "") -> Iterator[list[str]]:
    """One row per task, plans newest first, tasks in their document's order."""
    today = catalog.today.isoformat()
    for plan in catalog.plans:
        state = catalog.progress.lifecycle(plan).state.value
        issuer = catalog.issuer_label(plan)
        for task in plan.tasks:
            progress = catalog.progress.of(task)
            status = catalog.task_status(task)
            due, original = progress.due, task.due
            last = progress.last
            yield [
                plan.summary, plan.number or "", plan.issued.text, issuer, state, task.label_id,
                task.title, "; ".join(task.lead), "; ".join(task.support),
                due.text if due is not None else "", original.text if original is not None and progress.extension else "",
                status, statuses.label(status), today,
                last.date.isoformat() if last else "", last.source_label if last else "",
                str(progress.percent) if progress.percent is not None else "",
                site_url + plan.url + "#" + task.anchor,
            ]


def _files(catalog: Catalog, site_url: str) -> Iterator[tuple[str, list[bytes]]]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(task_rows(catalog, site_url))
    yield catalog.paths.tasks_csv_path(), [("\ufeff" + out.getvalue()).encode("utf-8")]


EXPORT = Export("csv", "Danh sách nhiệm vụ và tình trạng (CSV)", _files)
