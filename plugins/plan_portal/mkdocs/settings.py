"""The plugin's options turned into the core's: :class:`~plan_portal.core.options.Options`
(folders without slashes, limits clamped, export names checked) and the build date.

Moved unchanged out of :mod:`.plugin` (issue 14: no source file over about 400 lines).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..core.exports import export_names
from ..core.options import Options
from ..core.plancache import DiskPlanCache
from .config import PlanPortalConfig
from .site_files import is_inside

log = get_plugin_logger(__name__)


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


def disk_cache(option: str, config_file: str | None, docs_dir: str) -> DiskPlanCache | None:
    """The on-disk cache of parsed plans (``cache_dir``, relative to ``mkdocs.yml``), or None when it is off
    (an empty ``cache_dir``) or would be inside the content folder (it would be published)."""
    if not option:
        return None
    base = Path(config_file).resolve().parent if config_file else Path.cwd()
    folder = (base / option).resolve()
    if is_inside(folder, docs_dir):
        log.warning("plan-portal: thư mục cache_dir «%s» nằm trong thư mục nội dung nên không được dùng "
                    "(mọi tệp ở đó sẽ bị đăng lên cổng). Gợi ý: đặt cache_dir ngoài thư mục nội dung, "
                    "ví dụ .cache/plan-portal.", option)
        return None
    return DiskPlanCache(folder / "plans.pickle")


def save_cache(cache: DiskPlanCache, kept: set[str]) -> None:
    """Write the cache with the plans of this build only; a cache that cannot be written only costs time."""
    cache.keep_only(kept)
    try:
        cache.save()
    except OSError as exc:
        log.info("plan-portal: không ghi được bộ nhớ đệm %s (%s); lần dựng sau đọc lại mọi kế hoạch.",
                 cache.path, exc.strerror or exc)
