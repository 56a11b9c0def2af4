"""The shared status case table (tests/status_cases.py) against portal.js in Chromium, reading the
status table the build emitted (assets/plan-portal/status.js), as on any page of the demo."""

from __future__ import annotations

import pytest
from status_cases import CASES, marks_of

from plan_portal.core import status
from plan_portal.core.periods import parse_period

pytestmark = pytest.mark.browser


def _embedded(text: str | None) -> dict[str, object]:
    """What a page embeds for a period (data-pp-start/end/recurring/ongoing; nothing when unreadable)."""
    period = parse_period(text) if text is not None else None
    if period is None or not period.ok:
        return {"readable": False, "start": "", "end": "", "recurring": False, "continuing": False}
    return {
        "readable": True,
        "start": period.start.isoformat() if period.start else "",
        "end": period.end.isoformat() if period.end else "",
        "recurring": bool(period.recurrence),
        "continuing": bool(period.ongoing),
    }


def test_portal_js_gives_the_status_of_every_case(page, sub_site):
    page.goto(sub_site.url(""))
    table = page.evaluate("window.PlanPortalStatus")
    assert table == {**status.browser_data(), "facts": list(status.PERIOD_FACTS)}
    wrong = []
    for subject, text, mark, today, expected in CASES:
        embedded = {**_embedded(text), "marks": sorted(marks_of(mark))}  # as data-pp-marks carries them
        got = page.evaluate(
            """([subject, p, today]) => {
                 const period = Object.assign({}, p, {start: PlanPortal.parseDay(p.start), end: PlanPortal.parseDay(p.end)});
                 return PlanPortal.statusOf(subject, period, PlanPortal.parseDay(today));
               }""",
            [subject, embedded, today.isoformat()],
        )
        if got != expected:
            wrong.append((subject, text, today.isoformat(), expected, got))
    assert wrong == []

