"""The plugin's options turned into the core's: :class:`~plan_portal.core.options.Options`
(folders without slashes, limits clamped, export names checked) and the build date.

Moved unchanged out of :mod:`.plugin` (issue 14: no source file over about 400 lines).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

from mkdocs.exceptions import PluginError

from ..core.exports import export_names
from ..core.options import Options
from .config import PlanPortalConfig


def build_date(option: str | date | None) -> date:
    """The date statuses are computed for: the option, else SOURCE_DATE_EPOCH, else today."""
    if isinstance(option, date):
        return option
    if option:
        try:
            return date.fromisoformat(option)
        except ValueError as exc:
            raise PluginError(f"plan-portal: tùy chọn today phải có dạng YYYY-MM-DD, nhận được «{option}».") from exc
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def core_options(config: PlanPortalConfig) -> Options:
    """The core's options from the plugin's (folders without slashes, limits clamped)."""
    return Options(
        plans_dir=config.plans_dir.strip("/"),
        timeline_dir=config.timeline_dir.strip("/"),
        agencies_dir=config.agencies_dir.strip("/"),
        sections_dir=config.sections_dir.strip("/"),
        report_dir=config.report_dir.strip("/"),
        results_dir=config.results_dir.strip("/"),
        registry=config.registry,
        exports=_exports(config.exports),
        search=config.search,
        plans_page_size=config.plans_page_size,
        agency_page_size=config.agency_page_size,
        timeline_recent_years=config.timeline_recent_years,
        timeline_page_size=config.timeline_page_size,
        section_home_plans=max(1, config.section_home_plans),
        section_home_events=max(0, config.section_home_events),
        section_home_tasks=max(0, config.section_home_tasks),
    )


def _exports(option: bool | list[str]) -> bool | tuple[str, ...]:
    """The ``exports`` option: true (all), false (none) or a list of export names."""
    if isinstance(option, bool):
        return option
    names = export_names()
    unknown = [str(name) for name in option if name not in names]
    if unknown:
        raise PluginError(f"plan-portal: tùy chọn exports không có {', '.join(unknown)}; dùng true, false "
                          f"hoặc danh sách trong: {', '.join(names)}.")
    return tuple(option)
