"""Each seed, imported from its text and from a Word document built from it, against the hand-written record.

Assertions are strict. Where the importer falls short of the hand-written record, the
shortfall is written down in ``KNOWN_GAPS`` (and reported by
``scripts/import_accuracy.py``): the test fails both when a new gap appears and when a
known gap is closed, so the list stays true.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from plan_portal.importer import import_document
from plan_portal.importer.accuracy import compare, due_key, lead_key, text_to_docx

from importer_helpers import SEED_STEMS

# (lead, due) pairs the importer misses or adds, per seed, as comparison keys.
KNOWN_GAPS: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {
    "cam-pha-48-kh-ubnd-2023-ky-niem-60-nam-quang-ninh": {
        # II.4 "(Cấp xã)": the communes' duties name no agency in their sentences; the importer
        # keeps the ones with a deadline without a lead (and a TODO) and misses the one without.
        "missing": [
            (("ubnd cac phuong xa",), ""),
            (("ubnd cac phuong xa",), "trong thang 10/2023"),
            (("ubnd cac phuong xa",), "trong thang 3/2023"),
            (("ubnd cac phuong xa",), "tu thang 3/2023 den het thang 10/2023"),
            (("ubnd cac phuong xa",), "tu thang 4/2023 den thang 9/2023"),
        ],
        "extra": [
            ((), "trong thang 10/2023"),
            ((), "trong thang 3/2023"),
            ((), "tu thang 3/2023 den het thang 10/2023"),
            ((), "tu thang 4/2023 den thang 9/2023"),
        ],
    },
    "quang-ngai-vpub-2019-ky-yeu-30-nam": {
        # Row 3's "Trách nhiệm" cell is a paragraph naming three groups; the importer leaves
        # the lead empty with a TODO quoting the cell.
        "missing": [
            (
                ("cac phong ban don vi truc thuoc", "chi doan thanh nien van phong ubnd tinh",
                 "to xay dung ky yeu"),
                "thang 11-12/2019 den thang 01/2020",
            )
        ],
        "extra": [((), "thang 11-12/2019 den thang 01/2020")],
    },
}


def _import(stem: str, kind: str, seed_text, tmp_path: Path):
    text = seed_text(stem)
    if kind == "txt":
        path = tmp_path / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
    else:
        path = text_to_docx(text, tmp_path / f"{stem}.docx")
    return import_document(path)


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_metadata(stem, kind, seed_text, expected_record, tmp_path):
    result = _import(stem, kind, seed_text, tmp_path)
    record, expected = result.record, expected_record(stem)
    assert record.get("number") == expected["number"]
    assert record.get("issued") == expected["issued"]
    assert record.get("place") == expected["place"]
    assert record.get("issuer") == expected["issuer"]
    assert record.get("summary") == expected["summary"]
    assert record.get("signer") == expected["signer"]
    assert [b.get("number") for b in record.get("basis", [])] == [b.get("number") for b in expected["basis"]]
    assert [b.get("issued") for b in record.get("basis", [])] == [b.get("issued") for b in expected["basis"]]
    assert len(record.get("recipients", [])) == len(expected["recipients"])
    assert record.get("recipients", []) == expected["recipients"]
    got_events = [(e.get("start"), e.get("attendees")) for e in record.get("events", [])]
    assert got_events == [(e.get("start"), e.get("attendees")) for e in expected["events"]]


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_tasks(stem, kind, seed_text, expected_record, tmp_path):
    result = _import(stem, kind, seed_text, tmp_path)
    expected = expected_record(stem)
    got = [(lead_key(t.get("lead")), due_key(t.get("due"))) for t in result.record.get("tasks", [])]
    want = [(lead_key(t.get("lead")), due_key(t.get("due"))) for t in expected["tasks"]]
    gaps = KNOWN_GAPS.get(stem, {"missing": [], "extra": []})
    assert sorted((Counter(want) - Counter(got)).elements()) == sorted(gaps["missing"])
    assert sorted((Counter(got) - Counter(want)).elements()) == sorted(gaps["extra"])
    assert len(got) == len(want) - len(gaps["missing"]) + len(gaps["extra"])
    # Every task the importer could not fill is flagged, never left silently empty.
    todo_paths = {n.path[:3] for n in result.notes if n.path[:1] == ("tasks",)}
    for i, task in enumerate(result.record.get("tasks", [])):
        if not task.get("lead"):
            assert ("tasks", i, "lead") in todo_paths
        if not task.get("due"):
            assert ("tasks", i, "due") in todo_paths


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_txt_and_docx_agree(stem, seed_text, tmp_path):
    txt = _import(stem, "txt", seed_text, tmp_path)
    docx = _import(stem, "docx", seed_text, tmp_path)
    assert docx.record == txt.record


def test_accuracy_summary_matches_gaps(seed_text, expected_record, tmp_path):
    """The accuracy measure the script prints: every metadata field right on every seed."""
    for stem in SEED_STEMS:
        score = compare(stem, _import(stem, "txt", seed_text, tmp_path).record, expected_record(stem))
        wrong = [name for name, ok in score.fields.items() if not ok and name != "task_count"]
        assert wrong == [], (stem, wrong)
        assert score.due_recall == 1.0, stem
