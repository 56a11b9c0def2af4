#!/usr/bin/env python3
"""Per-field accuracy of the importer: the real-document corpus and the five seed plans.

``--corpus`` (the default): every document in ``tests/fixtures/corpus/`` (real public documents,
not the seeds) is imported from its text and compared, field by field, with the record written
by hand in ``tests/fixtures/corpus-expected/<name>.yml``. Prints a Markdown table (one row per
document), the accuracy of each field, their mean, and the import time of the slowest document.

``--seeds``: the seed report below.

Imports every seed in ``tests/fixtures/seeds/`` (a copy of ``../shared/seeds/``; or ``--seeds DIR``) from its text and
from a Word document built from that text, compares the result with the record
written by hand in ``tests/fixtures/seeds-expected/<seed>.yml`` and prints, per
seed and overall, which exact fields are right and the task-level recall of lead
agencies, deadlines and (lead, deadline) pairs. Always exits 0: it measures, it does
not judge.

    python scripts/import_accuracy.py [--corpus | --seeds [DIR]] [--details]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from plan_portal.importer import import_document  # noqa: E402
from plan_portal.importer.accuracy import FIELDS, SeedScore, compare, corpus_table, text_to_docx  # noqa: E402

EXPECTED = ROOT / "tests" / "fixtures" / "seeds-expected"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
CORPUS_EXPECTED = ROOT / "tests" / "fixtures" / "corpus-expected"
LABELS = {
    "number": "số",
    "issued": "ngày",
    "place": "địa danh",
    "issuer": "cơ quan",
    "summary": "trích yếu",
    "signer": "người ký",
    "basis": "căn cứ",
    "recipients": "nơi nhận",
    "events": "sự kiện",
    "task_count": "số NV",
}


def _seeds_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    return ROOT / "tests" / "fixtures" / "seeds"


def _table(title: str, scores: list[SeedScore]) -> list[str]:
    short = [s.name.split("-")[0] + "-" + s.name.split("-")[1] for s in scores]
    width = max(14, *(len(s) for s in short)) + 1
    lines = [f"## {title}", ""]
    lines.append("trường".ljust(15) + "".join(s.ljust(width) for s in short) + "đúng")
    for name in FIELDS:
        row = LABELS[name].ljust(15)
        right = 0
        for score in scores:
            ok = score.fields[name]
            right += ok
            row += ("✓" if ok else "✗").ljust(width)
        lines.append(row + f"{right}/{len(scores)}")
    lines.append("")
    total_exp = sum(s.expected_tasks for s in scores)
    total_due = sum(s.due_expected for s in scores)
    lines.append("nhiệm vụ".ljust(15) + "".join(f"{s.found_tasks}/{s.expected_tasks}".ljust(width) for s in scores)
                 + f"{sum(s.found_tasks for s in scores)}/{total_exp}")
    lines.append("chủ trì".ljust(15) + "".join(f"{s.lead_recall:.0%}".ljust(width) for s in scores)
                 + f"{sum(s.lead_hits for s in scores) / total_exp:.0%}")
    lines.append("thời hạn".ljust(15) + "".join(f"{s.due_recall:.0%}".ljust(width) for s in scores)
                 + f"{sum(s.due_hits for s in scores) / total_due:.0%}")
    lines.append("(chủ trì,hạn)".ljust(15) + "".join(f"{s.pair_recall:.0%}".ljust(width) for s in scores)
                 + f"{sum(s.pair_hits for s in scores) / total_exp:.0%}")
    exact = sum(sum(s.fields.values()) for s in scores)
    lines.append("")
    lines.append(f"Trường đúng: {exact}/{len(FIELDS) * len(scores)} ({exact / (len(FIELDS) * len(scores)):.0%}); "
                 f"nhiệm vụ (chủ trì): {sum(s.lead_hits for s in scores)}/{total_exp}, "
                 f"thời hạn: {sum(s.due_hits for s in scores)}/{total_due}.")
    return lines


def corpus_report(details: bool = False) -> list[str]:
    """The corpus table, the per-field accuracy, the mean and the slowest import."""
    scores: list[SeedScore] = []
    timings: list[tuple[float, str]] = []
    for expected_file in sorted(CORPUS_EXPECTED.glob("*.yml")):
        # The text as its source gives it: plain text, or Markdown when the source is a Markdown copy.
        document = next((CORPUS / (expected_file.stem + suffix) for suffix in (".txt", ".md")
                         if (CORPUS / (expected_file.stem + suffix)).exists()), CORPUS / (expected_file.stem + ".txt"))
        if not document.exists():
            print(f"Thiếu văn bản {document.name}", file=sys.stderr)
            continue
        expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
        start = time.perf_counter()
        result = import_document(document)
        timings.append((time.perf_counter() - start, document.name))
        scores.append(compare(expected_file.stem, result.record, expected))
    table, accuracy = corpus_table(scores)
    mean = sum(accuracy.values()) / len(accuracy)
    slowest = max(timings) if timings else (0.0, "")
    out = [f"# Độ chính xác của công cụ nhập trên {len(scores)} văn bản thật (tests/fixtures/corpus)", ""]
    out += table
    out += ["", f"Trung bình các trường: {mean:.3f}; chủ trì (tasks.lead): {accuracy['tasks.lead']:.3f}; "
            f"thời hạn (tasks.due): {accuracy['tasks.due']:.3f}.",
            f"Nhập chậm nhất: {slowest[0]:.3f} giây ({slowest[1]})."]
    if details:
        out += ["", "## Nhiệm vụ thiếu / thừa: (chủ trì, thời hạn)"]
        for score in scores:
            if score.missing or score.extra:
                out.append(f"- {score.name}")
                out += [f"    thiếu: {m}" for m in score.missing]
                out += [f"    thừa:  {e}" for e in score.extra]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo độ chính xác của công cụ nhập (văn bản thật hoặc kế hoạch mẫu).")
    parser.add_argument("--corpus", action="store_true", help="bộ văn bản thật tests/fixtures/corpus (mặc định)")
    parser.add_argument("--seeds", nargs="?", const="", default=None,
                        help="năm kế hoạch mẫu (thư mục chứa các tệp .txt, mặc định tests/fixtures/seeds)")
    parser.add_argument("--details", action="store_true", help="in các nhiệm vụ thiếu hoặc thừa")
    args = parser.parse_args(argv)
    if args.seeds is None:
        print("\n".join(corpus_report(args.details)))
        return 0
    seeds = _seeds_dir(args.seeds or None)
    expected_files = sorted(EXPECTED.glob("*.yml"))
    if not seeds.is_dir():
        print(f"Không thấy thư mục mẫu: {seeds}", file=sys.stderr)
        return 0
    by_kind: dict[str, list[SeedScore]] = {"txt": [], "docx": []}
    with tempfile.TemporaryDirectory() as tmp:
        for expected_file in expected_files:
            seed = seeds / (expected_file.stem + ".txt")
            if not seed.exists():
                print(f"Thiếu tệp mẫu {seed.name}", file=sys.stderr)
                continue
            expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
            docx_path = text_to_docx(seed.read_text(encoding="utf-8"), Path(tmp) / (seed.stem + ".docx"))
            for kind, path in (("txt", seed), ("docx", docx_path)):
                result = import_document(path)
                by_kind[kind].append(compare(seed.stem, result.record, expected))
    out: list[str] = ["# Độ chính xác của công cụ nhập (plan-portal import) trên các kế hoạch mẫu", ""]
    out += _table("Từ tệp .txt", by_kind["txt"])
    out += [""] + _table("Từ tệp .docx dựng từ cùng văn bản", by_kind["docx"])
    if args.details:
        out += ["", "## Nhiệm vụ thiếu / thừa (từ .txt): (chủ trì, thời hạn)"]
        for score in by_kind["txt"]:
            if score.missing or score.extra:
                out.append(f"- {score.name}")
                out += [f"    thiếu: {m}" for m in score.missing]
                out += [f"    thừa:  {e}" for e in score.extra]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
