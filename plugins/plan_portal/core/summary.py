"""Counts of task statuses by group, for the progress summaries of plans, agencies, chuyên trang and statistics.

Groups come from the status table (:data:`plan_portal.core.status.GROUPS`); a summary says how
many tasks are done out of how many, how many of the done ones were on time, and gives each
group its share of a bar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import status as statuses

__all__ = ["Summary", "SummaryPart", "summarize"]


@dataclass(frozen=True)
class SummaryPart:
    """One group of a summary: its key (``pp-group--<key>``), label, count and share of the bar in percent."""

    key: str
    label: str
    count: int
    percent: float


@dataclass
class Summary:
    """How many tasks of a set are in each status and group."""

    by_status: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def count(self, group: str) -> int:
        return sum(n for status, n in self.by_status.items() if statuses.group(status) == group)

    @property
    def done(self) -> int:
        return self.count("done")

    @property
    def on_time(self) -> int:
        return self.by_status["done_on_time"]

    @property
    def late(self) -> int:
        return self.by_status["done_late"]

    @property
    def overdue(self) -> int:
        return self.by_status["overdue"]

    @property
    def on_time_rate(self) -> int | None:
        """Percent of the tasks finished with a known date that were on time; None when there are none."""
        judged = self.on_time + self.late
        return round(self.on_time * 100 / judged) if judged else None

    @property
    def parts(self) -> list[SummaryPart]:
        """The non-empty groups in the table's order, with their share of the bar."""
        total = self.total
        out = []
        for key, label in statuses.GROUPS:
            n = self.count(key)
            if n:
                out.append(SummaryPart(key, label, n, round(n * 100 / total, 2)))
        return out


def summarize(status_keys: Iterable[str]) -> Summary:
    """The summary of tasks with these statuses."""
    return Summary(Counter(status_keys))
