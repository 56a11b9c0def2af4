"""What a name resolves to (:class:`Resolution`, with its Vietnamese diagnostic for editors), and the
spelling check of a name that matched only without its diacritics."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from ..diagnostics import Diagnostic, Severity
from ..text import clean, fold
from .model import Agency
from .names import REGISTRY_FILE, is_generic_group


# --------------------------------------------------------------------------- resolution

Status = Literal["ok", "unknown", "ambiguous"]


def _label(agency: Agency) -> str:
    return f"«{agency.name}» ({agency.id})"


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one agency name.

    Attributes:
        status: ``"ok"`` (one agency), ``"unknown"`` (none) or ``"ambiguous"`` (several).
        agency: The agency for ``ok``; for ``unknown`` a made-up unregistered agency
            (:meth:`Agency.unregistered`) so the name still gets a page; ``None`` when
            ambiguous.
        candidates: For ``ambiguous``, the equally good agencies, in registry order.
        suggestions: For ``unknown``, the full names of the closest registered agencies,
            best first (nearest locality first among equals).
        name: The name as written (cleaned).
        suggested: The agencies behind ``suggestions``, in the same order.
        misspelled: For ``ok``, the words written with other diacritics than the registry's
            ("Nọi" for "Nội", "Phong" for "Phòng"), each with the registered spelling. Matching
            ignores diacritics, so such a name finds its agency; it is shown as written, though.

    Instances are cached and shared by :meth:`Registry.resolve`: do not mutate them.
    """

    status: Status
    agency: Agency | None
    candidates: list[Agency] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    name: str = ""
    suggested: list[Agency] = field(default_factory=list)
    misspelled: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the name resolved to exactly one registered agency."""
        return self.status == "ok"

    @property
    def is_generic(self) -> bool:
        """An unknown name that is a generic group ("Các đơn vị có liên quan"): show it as text."""
        return self.status == "unknown" and is_generic_group(self.name)

    def diagnostic(self, path: str, line: int | None, field: str) -> Diagnostic | None:
        """The problem to report for this name in ``path`` at ``line``, field ``field``.

        ``None`` when resolved or when the name is a generic group. An unknown name is a
        warning (``--strict`` makes it fail); an ambiguous one is an error.
        """
        def problem(message: str, allowed: str, suggestion: str, severity: Severity, code: str) -> Diagnostic:
            return Diagnostic(path=path, line=line, message=message, field=field, value=self.name,
                              allowed=allowed, suggestion=suggestion, severity=severity, code=code)

        if self.status == "ok" and self.misspelled and self.agency is not None:
            words = ", ".join(f"«{wrong}» (danh mục viết «{right}»)" for wrong, right in self.misspelled)
            short = f" hoặc «{self.agency.short}»" if self.agency.short else ""
            return problem(
                f"Tên cơ quan «{self.name}» viết khác dấu so với danh mục: {words}",
                f"tên viết đúng dấu như trong {REGISTRY_FILE}: «{self.agency.name}»{short}",
                f"Sửa thành «{respell(self.name, self.misspelled)}». Nếu cách viết này là đúng, thêm nó vào "
                f"aliases của cơ quan trong {REGISTRY_FILE}.",
                Severity.WARNING, "agency-spelling",
            )
        if self.status == "ok" or self.is_generic:
            return None
        if self.status == "unknown":
            if self.suggested:
                options = " hay ".join(_label(agency) for agency in self.suggested)
                suggestion = f"Có phải ý bạn là {options}? Hoặc thêm cơ quan này vào {REGISTRY_FILE}."
            else:
                suggestion = f"Thêm cơ quan này vào {REGISTRY_FILE} hoặc ghi đúng tên đã đăng ký."
            return problem(
                f"Cơ quan «{self.name}» chưa có trong danh mục co-quan.yml",
                f"một mã (id) hoặc tên đã đăng ký trong {REGISTRY_FILE}",
                suggestion, Severity.WARNING, "unknown-agency",
            )
        listed = ", ".join(_label(agency) for agency in self.candidates)
        first = self.candidates[0] if self.candidates else None
        example = f", ví dụ `{first.id}` hoặc «{first.name}»" if first else ""
        return problem(
            f"Tên cơ quan «{self.name}» ứng với {len(self.candidates)} cơ quan: {listed}",
            f"một mã (id) hoặc tên đầy đủ đã đăng ký trong {REGISTRY_FILE}",
            f"Ghi rõ mã (id) hoặc tên đầy đủ{example}.", Severity.ERROR, "ambiguous-agency",
        )


# --------------------------------------------------------------------------- spelling
# Names match without diacritics ("So Noi vu" finds "Sở Nội vụ"), so a misspelt word ("Nọi") would
# silently reach the page as written. Each matched name is compared word by word, with its
# diacritics, to the names of the agency it matched.

_WORD_RE = re.compile(r"\w+")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old and new tone placement are both right: "hoá"/"hóa", "thuỷ"/"thủy", "oà"/"òa".
_TONE_PLACE = re.compile(f"([ou])([aey])([{_TONES}])")


def _spelling(word: str) -> str:
    """``word`` in lower case with its diacritics, old and new tone placement made equal."""
    text = unicodedata.normalize("NFD", word.lower().replace("ð", "đ"))
    return _TONE_PLACE.sub(r"\1\3\2", text)


def misspelled_words(written: str, agency: Agency) -> list[tuple[str, str]]:
    """The words of ``written`` spelt with other diacritics than in ``agency``'s names, with the registered word.

    Only words that some name of the agency has (ignoring diacritics) are compared: abbreviations,
    locality words and anything else are left alone. An empty list when every word is right.
    """
    vocabulary: dict[str, dict[str, str]] = {}
    for name in (agency.name, agency.short, *agency.aliases):
        for word in _WORD_RE.findall(clean(name or "")):
            vocabulary.setdefault(fold(word), {}).setdefault(_spelling(word), word)
    out: list[tuple[str, str]] = []
    for word in _WORD_RE.findall(clean(written)):
        spellings = vocabulary.get(fold(word))
        if spellings and _spelling(word) not in spellings:
            pair = (word, next(iter(spellings.values())))  # the registry's first spelling of that word
            if pair not in out:
                out.append(pair)
    return out


def respell(written: str, misspelled: list[tuple[str, str]]) -> str:
    """``written`` with each misspelt word replaced by the registered one (keeping a capital first letter)."""
    fixes = dict(misspelled)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        right = fixes.get(word)
        if right is None:
            return word
        return right[:1].upper() + right[1:] if word[:1].isupper() else right[:1].lower() + right[1:]

    return _WORD_RE.sub(fix, clean(written))
