"""The status table (core/status.py): the shared case table against the Python rules, the table's
shape, and portal.js holding no copy of its labels, threshold or rules."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from status_cases import CASES, case_id, marks_of

from plan_portal.core import status
from plan_portal.core.periods import parse_period

PORTAL_JS = Path(status.__file__).resolve().parents[1] / "assets" / "portal.js"


def _status(subject: str, text: str | None, mark: str, today) -> str:
    period = parse_period(text) if text is not None else None
    if subject == "event":
        return status.event_status(period, today)
    task = SimpleNamespace(status=SimpleNamespace(value="planned"), due=period)
    return status.task_status(task, today, marks_of(mark))


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_status_cases(case) -> None:
    subject, text, mark, today, expected = case
    assert _status(subject, text, mark, today) == expected


def test_the_cases_reach_every_rule() -> None:
    """A rule no case reaches is untested: every status each subject can give appears in the table."""
    for subject in status.RULES:
        seen = {expected for s, *_, expected in CASES if s == subject}
        assert seen == set(status.status_keys(subject)), subject


def test_period_status_is_the_task_rule() -> None:
    period = parse_period("Tháng 9/2024")
    today = CASES[0][3]
    assert period.status(today) == status.period_status(period, today) == "in_progress"
    assert period.status(today, soon_days=30) == "due_soon"


def test_the_table_is_consistent() -> None:
    keys = [s.key for s in status.STATUSES]
    assert len(keys) == len(set(keys)), "one row per status"
    known_facts = set(status.PERIOD_FACTS) | set(status.MARK_FACTS)
    for subject, rules in status.RULES.items():
        assert rules[-1].when == (), f"the last rule of {subject} always holds"
        for rule in rules:
            assert rule.status in keys, f"{rule.status} has a row in STATUSES"
            assert set(rule.when) <= known_facts, rule
    assert all(s.label and s.label[0].isupper() for s in status.STATUSES)


def test_closed_statuses_are_decided_by_marks_only() -> None:
    """The browser leaves closed statuses as built: every rule giving one needs a mark fact and no period fact."""
    closed = {s.key for s in status.STATUSES if s.closed}
    for rules in status.RULES.values():
        for rule in rules:
            if rule.status in closed:
                assert rule.when and set(rule.when) <= set(status.MARK_FACTS), rule
    assert closed == {"done", "done_on_time", "done_late", "cancelled", "unreported"}


def test_the_task_of_a_plan_no_longer_followed_is_never_overdue() -> None:
    """The honesty rule: with plan_closed or plan_annulled, no period gives "overdue"."""
    for text in ("trước ngày 13/8/2021", "Tháng 8/2024", "9/9/2024", None, "hàng tháng"):
        for marks in ({"plan_closed"}, {"plan_annulled"}, {"plan_closed", "marked_in_progress"}):
            task = SimpleNamespace(status=SimpleNamespace(value="planned"), due=parse_period(text) if text else None)
            assert status.task_status(task, CASES[0][3], marks) != "overdue"


def test_the_browser_script_carries_the_table() -> None:
    script = status.browser_script()
    data = json.loads(re.search(r"window\.PlanPortalStatus = (\{.*\});", script).group(1))
    assert data == json.loads(json.dumps(status.browser_data()))
    assert data["soon_days"] == status.SOON_DAYS
    assert data["labels"]["due_soon"] == "Sắp đến hạn"
    assert data["marks"] == list(status.MARK_FACTS)  # the browser gets every rule, and each element its marks


def test_portal_js_has_no_copy_of_the_table() -> None:
    """Labels, the threshold and the rules live in core/status.py; portal.js reads them as data."""
    js = PORTAL_JS.read_text("utf-8")
    for row in status.STATUSES:
        assert row.label not in js, f"portal.js copies the label {row.label!r}"
        assert not re.search(rf"[\"']{row.key}[\"']", js), f"portal.js names the status {row.key!r}"
    assert not re.search(rf"(?<![\w.]){status.SOON_DAYS}(?![\w.])", js), "portal.js copies the threshold"
    assert "PlanPortalStatus" in js


def test_portal_js_computes_every_period_fact() -> None:
    js = PORTAL_JS.read_text("utf-8")
    block = re.search(r"var FACTS = \{(.*?)\n  \};", js, re.S).group(1)
    assert re.findall(r"^\s+(\w+): function", block, re.M) == list(status.PERIOD_FACTS)
