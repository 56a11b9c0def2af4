"""Atom feeds of new plans: the whole portal, each agency and each chuyên trang (``atom.xml``), and the
same as RSS 2.0 (``rss.xml``, what many Vietnamese portal readers expect) when ``site_url`` is set: RSS
links must be absolute URLs.

Made with ``feedgen``. Deterministic: the same content gives the same bytes, whatever the day of the
build. Every date comes from the plans (their date of issue, at 00:00 Vietnam time), never from the
clock; the feed's ``updated`` is its newest plan's.

Links are absolute with ``site_url``; without one they are relative to the feed (RFC 4287 allows IRI
references) and ids are ``tag:`` URIs built from the page's path, so they stay the same when the site
moves. Each feed lists its :data:`FEED_SIZE` newest plans: readers poll it, it need not hold the archive.

Which plans: the portal's are all valid plans; an agency's are those it issued or has a task in (lead
or support); a chuyên trang's are the plans filed under it. A plan with no date of issue is dated like
the newest dated plan of the portal, so that it still appears and the output stays deterministic.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from ..model import Plan
from .base import Export

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["EXPORT", "Feed", "feeds", "feed_xml", "FEED_SIZE", "RSS_NAME"]

FEED_SIZE = 50
RSS_NAME = "rss.xml"
VIETNAM = timezone(timedelta(hours=7), "+07")
TAG_AUTHORITY = "tag:cong-ke-hoach,2024:"  # ids of a site built without site_url


@dataclass(frozen=True)
class Feed:
    """One Atom feed: where it is written, the page it belongs to, its title and its plans (newest first)."""

    uri: str
    page_url: str
    title: str
    plans: tuple[Plan, ...]

    @property
    def rss_uri(self) -> str:
        """The RSS 2.0 twin of the feed, next to it (written only with a site_url)."""
        return posixpath.join(posixpath.dirname(self.uri), RSS_NAME)


def _newest(plans: Iterable[Plan]) -> tuple[Plan, ...]:
    unique = {p.path: p for p in plans}
    return tuple(sorted(unique.values(), key=lambda p: p.sort_key, reverse=True)[:FEED_SIZE])


def feeds(catalog: Catalog) -> Iterator[Feed]:
    """The portal's feed, then one per agency and one per chuyên trang that has plans."""
    urls = catalog.paths
    site = "Cổng kế hoạch"
    yield Feed(urls.plans_atom_path(), urls.plans_url(), f"{site}: kế hoạch mới", _newest(catalog.plans))
    for agency_id, data in sorted(catalog.agency_data.items()):
        plans = _newest([*data.issued, *(r.plan for r in data.lead), *(r.plan for r in data.support)])
        if plans:
            yield Feed(urls.agency_atom_path(agency_id), urls.agency_url(agency_id),
                       f"{data.agency.name}: kế hoạch mới", plans)
    for section in catalog.sections:
        plans = _newest(catalog.section_plans.get(section.slug, []))
        if plans:
            yield Feed(urls.section_atom_path(section.slug), urls.section_url(section.slug),
                       f"{section.title}: kế hoạch mới", plans)


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=VIETNAM)


def feed_xml(catalog: Catalog, feed: Feed, site_url: str, fallback_day: date, *, rss: bool = False) -> bytes:
    """The Atom document of ``feed`` (UTF-8 XML), or its RSS 2.0 twin."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    folder = posixpath.dirname(feed.uri)

    def link(url: str) -> str:  # a site-relative URL as the feed links to it
        if base:
            return base + url
        return posixpath.relpath(url or ".", folder or ".") + ("/" if url.endswith("/") else "")

    def ident(url: str) -> str:
        return base + url if base else TAG_AUTHORITY + url

    def day_of(plan: Plan) -> date:
        return plan.issued.start or plan.issued.end or fallback_day

    fg = FeedGenerator()
    fg.id(ident(feed.page_url))
    fg.title(feed.title)
    fg.language("vi")
    fg.generator("Cổng kế hoạch (plan-portal)")
    if rss:
        fg.link(href=link(feed.rss_uri), rel="self", type="application/rss+xml")
    else:
        fg.link(href=link(feed.uri), rel="self", type="application/atom+xml")
    fg.link(href=link(feed.page_url), rel="alternate", type="text/html")
    fg.author({"name": "Cổng kế hoạch"})
    newest = _moment(max((day_of(p) for p in feed.plans), default=fallback_day))
    fg.updated(newest)
    fg.lastBuildDate(newest)  # RSS: feedgen would write the clock's time
    fg.description(feed.title)
    for plan in feed.plans:
        entry = fg.add_entry(order="append")
        entry.id(ident(plan.url))
        entry.guid(ident(plan.url), permalink=bool(base))
        entry.title(f"{plan.title}: {plan.summary}" if plan.number else plan.title)
        entry.link(href=link(plan.url), rel="alternate", type="text/html")
        entry.author({"name": catalog.issuer_label(plan)})
        moment = _moment(day_of(plan))
        entry.published(moment)
        entry.updated(moment)
        entry.summary(plan.summary)
        for slug in plan.special:
            section = catalog.section_by_slug.get(slug)
            entry.category(term=slug, label=section.title if section else slug)
    return fg.rss_str(pretty=True) if rss else fg.atom_str(pretty=True)


def _files(catalog: Catalog, site_url: str) -> Iterator[tuple[str, Iterable[bytes]]]:
    dated = [p.issued.start or p.issued.end for p in catalog.plans]
    fallback = max((d for d in dated if d is not None), default=date(2000, 1, 1))
    for feed in feeds(catalog):
        yield feed.uri, [feed_xml(catalog, feed, site_url, fallback)]
        if site_url:
            yield feed.rss_uri, [feed_xml(catalog, feed, site_url, fallback, rss=True)]


EXPORT = Export(name="atom", title="Bản tin Atom các kế hoạch mới", files=_files)
