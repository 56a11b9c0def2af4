"""The portal's Vietnamese strings for Material (templates/overrides/partials/languages/vi.html)."""

from __future__ import annotations

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
OURS = ROOT / "plugins/plan_portal/templates/overrides/partials/languages/vi.html"
MATERIAL = Path(material.__file__).parent / "templates/partials/languages"


def _strings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([a-z.]+)": "((?:[^"\\]|\\.)*)",?$', path.read_text("utf-8"), flags=re.M))


def test_every_material_key_has_a_vietnamese_string():
    """A key missing here falls back to Material's English (partials/language.html)."""
    english, ours = _strings(MATERIAL / "en.html"), _strings(OURS)
    assert len(english) > 40
    assert sorted(set(english) - set(ours)) == []


def test_no_string_is_left_in_english():
    english, ours = _strings(MATERIAL / "en.html"), _strings(OURS)
    same = {k for k, v in ours.items() if v == english.get(k) and re.search(r"[A-Za-z]{3}", v)}
    assert same <= {"search.config.separator", "direction"}, same
    assert ours["top"] == "Về đầu trang"  # Material's vi.html says "Trở lại mục lục", back to the table of contents
