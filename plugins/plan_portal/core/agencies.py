"""Agencies: the registry ``content/co-quan.yml``, name normalisation and resolution.

Plans name agencies loosely ("Sở VHTTDL", "VP UBND tỉnh", "Phòng Nội vụ"). This module
turns every such name into one registry entry, relative to the plan's issuer, or says
clearly why it cannot:

* :func:`normalize_name` is the matching key of a name (documented rules below);
* :class:`Agency` is one registry entry, :class:`Registry` the whole registry with
  precomputed indexes, :meth:`Registry.load` reads ``co-quan.yml`` and reports every
  problem as a :class:`~plan_portal.core.diagnostics.Diagnostic` (it never raises on
  bad content);
* :meth:`Registry.resolve` returns a :class:`Resolution` (``ok``, ``unknown`` or
  ``ambiguous``) whose :meth:`Resolution.diagnostic` is the Vietnamese message for
  editors;
* :func:`is_generic_group` recognises phrases such as "Các đơn vị có liên quan" that
  name no particular agency and are shown as plain text.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import difflib
import hashlib
import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain as chained
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from plan_portal.core.diagnostics import Diagnostic, Severity, closest
from plan_portal.core.text import clean, fold, slugify, squash_spaces

__all__ = [
    "ALLOWED_KEYS",
    "REGISTRY_FILE",
    "UNREGISTERED_PREFIX",
    "Agency",
    "Registry",
    "Resolution",
    "is_generic_group",
    "is_valid_id",
    "normalize_name",
]

#: The registry as editors know it; used in messages.
REGISTRY_FILE = "content/co-quan.yml"
#: Prefix of the id of an agency created on the fly for an unregistered name.
UNREGISTERED_PREFIX = "chua-dang-ky-"
#: Keys an entry of ``co-quan.yml`` may have.
ALLOWED_KEYS: tuple[str, ...] = ("id", "name", "short", "aliases", "parent", "kind")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID_MAX_LENGTH = 120
_ID_ALLOWED = "chữ thường không dấu a–z, chữ số 0–9 và dấu gạch ngang `-` (ví dụ `phong-noi-vu-cam-pha`)"


def is_valid_id(value: object) -> bool:
    """Whether ``value`` is a registry id: an ASCII slug such as ``phong-noi-vu-cam-pha``.

    Lower-case letters, digits and single inner hyphens only, at most 120 characters, so
    that an id is always a safe URL segment and file name (``../../etc`` is rejected).
    """
    return isinstance(value, str) and len(value) <= _ID_MAX_LENGTH and bool(_ID_RE.match(value))


# --------------------------------------------------------------------------- normalisation

# Abbreviations are matched on the folded text (lower case, no diacritics, đ -> d) with
# the punctuation still in place, so that "LĐTB&XH", "LĐTB & XH", "LĐ-TB&XH" and
# "LĐTBXH" are all caught. ``_J`` is the optional joiner inside a compound abbreviation.
_J = r"\s*[&\-,/]?\s*"
_W = r"(?<!\w)"  # start of a word
_E = r"(?!\w)"  # end of a word

# Compound abbreviations first (they contain the single ones), then single tokens.
# Only unambiguous ones are expanded: "TT" alone (Thường trực, Trung tâm, Thể thao,
# Thông tin, Truyền thông, thị trấn), "TC" (Tài chính, Tổ chức), "TN", "NV", "VHTT",
# "CTXH" (Công tác xã hội) and "CA" are left as written; register them as aliases.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (rf"ld{_J}tb{_J}xh", "lao dong thuong binh va xa hoi"),
    (rf"vh{_J}tt{_J}dl", "van hoa the thao va du lich"),
    (rf"nn{_J}pt{_J}?nt", "nong nghiep va phat trien nong thon"),
    (rf"kh{_J}dt", "ke hoach va dau tu"),
    (rf"kh{_J}cn", "khoa hoc va cong nghe"),
    (rf"gd{_J}dt", "giao duc va dao tao"),
    (rf"tn{_J}mt", "tai nguyen va moi truong"),
    (rf"tc{_J}kh", "tai chinh ke hoach"),
    (rf"pt{_J}th", "phat thanh va truyen hinh"),
    (rf"gt{_J}vt", "giao thong van tai"),
    (r"tt\s*[&\-]\s*tt|tttt", "thong tin va truyen thong"),
    (r"ct\s*-\s*xh", "chinh tri xa hoi"),
    (r"kt\s*-\s*xh", "kinh te xa hoi"),
    (r"kt\s*-\s*ht", "kinh te ha tang"),
    (r"hd\s*-?\s*tdkt", "hoi dong thi dua khen thuong"),
    (r"td\s*-?\s*kt", "thi dua khen thuong"),
    (r"ub\s*-?\s*mttq", "uy ban mat tran to quoc"),
    (r"vpub(?:nd)?", "van phong uy ban nhan dan"),
    (r"vphu", "van phong huyen uy"),
    (r"vptu", "van phong tinh uy"),
    (r"bql\s*-?\s*da", "ban quan ly du an"),
    (r"bql", "ban quan ly"),
    (r"hlhpn", "hoi lien hiep phu nu"),
    (r"lhpn", "lien hiep phu nu"),
    (r"ldld", "lien doan lao dong"),
    (r"tncs", "thanh nien cong san"),
    (r"bchqs", "ban chi huy quan su"),
    (r"ubkt", "uy ban kiem tra"),
    (r"tvdu", "thuong vu dang uy"),
    (r"btv", "ban thuong vu"),
    (r"bhxh", "bao hiem xa hoi"),
    (r"ttyt", "trung tam y te"),
    (r"ttvh", "trung tam van hoa"),
    (r"tdtt", "the duc the thao"),
    (r"hctc", "hanh chinh to chuc"),
    (r"qttv", "quan tri tai vu"),
    (r"kgvx", "khoa giao van xa"),
    (r"ccb", "cuu chien binh"),
    (r"hnd", "hoi nong dan"),
    (r"dtn", "doan thanh nien"),
    # "TT" is "Thường trực" before a party committee or council, "Trung tâm" before
    # what a centre does; anywhere else it stays "tt".
    (
        r"tt(?=[\s.]*(?:tinh uy|huyen uy|thanh uy|thi uy|dang uy|hdnd|hoi dong nhan dan|ubnd|uy ban nhan dan)(?!\w))",
        "thuong truc",
    ),
    (
        r"tt(?=[\s.]*(?:vh|van hoa|y te|hoi nghi|truyen thong|thong tin|gdnn|giao duc|quan ly|dich vu|ky thuat"
        r"|khuyen nong|phat trien quy dat|hanh chinh cong|chinh tri|boi duong chinh tri)(?!\w))",
        "trung tam",
    ),
    (r"ubnd", "uy ban nhan dan"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"mttq", "mat tran to quoc"),
    (r"ub", "uy ban"),
    (r"vp", "van phong"),
    (r"tp", "thanh pho"),
    (r"tx", "thi xa"),
    (r"vh", "van hoa"),
    (r"tw", "trung uong"),
)
_ABBREVIATION_RES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_W + f"(?:{pattern})" + _E), f" {expansion} ") for pattern, expansion in _ABBREVIATIONS
)
_NON_WORD = re.compile(r"[\W_]+")
# Old/new spelling of a final i/y after one consonant: "Liệt sỹ"/"Liệt sĩ", "Quản lý"/"Quản lí".
_I_Y = {"ly": "li", "ky": "ki", "my": "mi", "sy": "si", "ty": "ti", "hy": "hi", "quy": "qui"}
# Words that never belong to an agency's name: the conjunction "và" (so "HĐND và UBND",
# "HĐND - UBND" and "HĐND, UBND" agree) and a leading "Đề nghị" from "Đề nghị Ban …".
_DROPPED_WORDS = frozenset({"va"})
_LEADING_NOISE = (("de", "nghi"),)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The key under which an agency name is matched.

    Two names that mean the same agency get the same key::

        >>> normalize_name("Sở KH&ĐT") == normalize_name("Sở Kế hoạch và Đầu tư")
        True
        >>> normalize_name("VP UBND tỉnh")
        'van phong uy ban nhan dan tinh'

    The rules, in order:

    1. :func:`~plan_portal.core.text.clean`: NFC, BOM, every kind of space; line breaks
       become spaces. The Icelandic "Ð/ð" that legacy fonts put for "Đ/đ" is read as "đ".
    2. :func:`~plan_portal.core.text.fold`: lower case, no diacritics, "đ" -> "d". So
       case, NFC/NFD and old/new tone placement ("Uỷ"/"Ủy", "hoá"/"hóa",
       "thuỷ"/"thủy") never matter, and "So Noi vu" matches "Sở Nội vụ".
    3. Administrative abbreviations are expanded (see ``_ABBREVIATIONS``): UBND, HĐND,
       MTTQ, UBMTTQ, UB, VP, VPUB/VPUBND, VPHU, VPTU, TP, TX, VH, TW, VHTTDL,
       KH&ĐT/KHĐT, LĐTB&XH/LĐ-TB&XH/LĐTBXH, GD&ĐT, TN&MT, TC-KH, PT&TH/PTTH, KH&CN,
       NN&PTNT, GTVT, TT&TT, CT-XH, KT-XH, KT-HT, TĐKT, HĐTĐKT, BQL(DA), HLHPN, LĐLĐ,
       CCB, HND, ĐTN, TNCS, BCHQS, UBKT, BTV, TVĐU, BHXH, TTYT, TTVH, TDTT, HCTC, QTTV,
       KGVX, with any of ``& - , /`` or nothing between their parts. "TT" becomes
       "thường trực" before Tỉnh ủy/Huyện ủy/Thành ủy/Đảng ủy/HĐND/UBND ("TT Tỉnh ủy")
       and "trung tâm" before what a centre does ("TT VH", "TT Y tế"); elsewhere it is
       ambiguous and stays as written, like "TC", "TN", "NV" and "VHTT".
    4. Punctuation is a word break: "LĐTB & XH" = "LĐTB&XH", "HĐND- UBND" =
       "HĐND - UBND" = "HĐND-UBND", "TT.Thành ủy" = "TT Thành ủy"; commas and dashes in
       "Phòng Tài chính - Kế hoạch" or "Lao động, Thương binh" do not count.
    5. The word "và" is dropped, so "Văn phòng HĐND và UBND" = "Văn phòng HĐND - UBND"
       and "Phòng Văn hóa, Thông tin" = "Phòng Văn hóa và Thông tin". A leading
       "Đề nghị" ("Đề nghị Ban Tuyên giáo Thành ủy") is dropped.
    6. A final "y" after one consonant is spelled "i" ("Liệt sỹ" = "Liệt sĩ", "lý" = "lí").

    The key is lower-case ASCII words (and any non-Latin letters) joined by one space; it
    is for comparing only, never for display. The function never raises.
    """
    text = clean(str(name)).replace("\n", " ").replace("ð", "đ").replace("Ð", "Đ")
    text = fold(text)
    for pattern, expansion in _ABBREVIATION_RES:
        text = pattern.sub(expansion, text)
    words = [_I_Y.get(word, word) for word in _NON_WORD.sub(" ", text).split() if word not in _DROPPED_WORDS]
    for noise in _LEADING_NOISE:
        if tuple(words[: len(noise)]) == noise and len(words) > len(noise):
            words = words[len(noise) :]
    return " ".join(words)


# Nouns that, after "các"/"những", or before "(có) liên quan", make a phrase a group.
_GROUP_HEADS = (
    "don vi",
    "co quan",
    "phong",
    "ban",
    "nganh",
    "so",
    "dia phuong",
    "to chuc",
    "doan the",
    "luc luong",
)
_GROUP_PREFIXES = (("giao",), ("tat", "ca"))


def is_generic_group(name: str) -> bool:
    """Whether ``name`` is a generic group rather than one agency.

    Plans assign work to "Các đơn vị có liên quan", "Các cơ quan, đơn vị có liên quan",
    "các phòng, ban, đơn vị liên quan", "Các sở, ban, ngành tỉnh", "Các chi, đảng bộ cơ
    sở"… These are shown as text, get no page and are not reported as unknown. A phrase
    is a group when (after an optional "Đề nghị"/"Giao"/"Tất cả") it starts with the
    plural "các" or "những", or when it starts with a group noun (đơn vị, cơ quan,
    phòng, ban, ngành, sở, địa phương, tổ chức, đoàn thể, lực lượng) and ends with
    "liên quan". "UBND các phường, xã" is not a group: it starts with an agency.

    Call it when :meth:`Registry.resolve` finds nothing (``Resolution.is_generic``
    does), so that a registered name is never hidden by this rule.
    """
    words = normalize_name(name).split()
    for prefix in _GROUP_PREFIXES:
        if tuple(words[: len(prefix)]) == prefix:
            words = words[len(prefix) :]
    if not words:
        return False
    if words[0] in {"cac", "nhung"} and len(words) > 1:
        return True
    text = " ".join(words)
    return text.endswith("lien quan") and any(text.startswith(head + " ") for head in _GROUP_HEADS)


# --------------------------------------------------------------------------- model


def _one_line(value: str) -> str:
    return squash_spaces(clean(value).replace("\n", " "))


class Agency(BaseModel):
    """One agency of the registry (one entry of ``content/co-quan.yml``).

    Attributes:
        id: Stable ASCII slug, the page URL ``/co-quan/<id>/`` (``phong-noi-vu-cam-pha``).
        name: Full name, unique enough to stand alone ("Phòng Nội vụ thành phố Cẩm Phả").
        short: The name used inside its own locality ("Phòng Nội vụ").
        aliases: Other spellings and abbreviations plans use ("Phòng NV").
        parent: Id of the agency it belongs to (its UBND, Huyện ủy, Sở…), ``None`` for a root.
        kind: ``"party"`` for a body of the Communist Party (Huyện ủy, Ban Tuyên giáo…), ``"state"``
            for a state body; unset, it is inherited from the parent (see ``core/document.py``).
        registered: ``False`` for an agency made up for a name missing from the registry
            (it still gets a page, so nothing is lost while the registry catches up).
        line: Line of the entry in ``co-quan.yml``; not exported.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    short: str | None = None
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = None
    kind: Literal["state", "party"] | None = None
    registered: bool = True
    line: int | None = Field(default=None, exclude=True)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not is_valid_id(value):
            raise ValueError(f"mã (id) chỉ gồm {_ID_ALLOWED}")
        return value

    @field_validator("parent", mode="before")
    @classmethod
    def _check_parent(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not is_valid_id(value):
            raise ValueError(f"mã cơ quan cấp trên (parent) chỉ gồm {_ID_ALLOWED}")
        return value

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        value = _one_line(value)
        if not value:
            raise ValueError("tên cơ quan (name) không được để trống")
        return value

    @field_validator("short", mode="before")
    @classmethod
    def _clean_short(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _one_line(value) or None
        return value

    @field_validator("aliases", mode="before")
    @classmethod
    def _clean_aliases(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if isinstance(value, (list, tuple)):
            seen: dict[str, None] = {}
            for item in value:
                if not isinstance(item, str):
                    return value  # let pydantic report the bad item
                text = _one_line(item)
                if text:
                    seen.setdefault(text, None)
            return list(seen)
        return value

    @property
    def names(self) -> list[str]:
        """Every name of the agency: full name, short name, then aliases, without repeats."""
        out: dict[str, None] = {self.name: None}
        if self.short:
            out.setdefault(self.short, None)
        for alias in self.aliases:
            out.setdefault(alias, None)
        return list(out)

    @property
    def display_name(self) -> str:
        """The name to show: the full name."""
        return self.name

    @classmethod
    def unregistered(cls, name: str) -> Agency:
        """An agency for a name missing from the registry, so that it still gets a page.

        Its id is ``chua-dang-ky-`` + the slug of the name as written
        ("Công ty Điện lực Bắc Giang" -> ``chua-dang-ky-cong-ty-dien-luc-bac-giang``).
        """
        text = _one_line(str(name)) or "(không có tên)"
        # A name with no Latin letter at all still gets its own stable id.
        slug = slugify(text) or "khong-ten-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        return cls(id=UNREGISTERED_PREFIX + slug, name=text, registered=False)


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


# Administrative levels that plans append to a short name ("Phòng Nội vụ huyện",
# "Đài PT&TH tỉnh", "Phòng Văn hóa và Thông tin Thành phố").
_LEVEL_WORDS = ("thanh pho", "thi xa", "huyen", "tinh")

_FULL, _SHORT = 0, 1
# Similarity (difflib ratio of normalised names) a suggestion needs, and how far below
# the best suggestion the others may be. 0.6 would offer "Sở Nội vụ tỉnh Bắc Giang"
# for "Công ty Điện lực Bắc Giang" (shared locality words).
_SUGGEST_CUTOFF = 0.7
_SUGGEST_SPREAD = 0.1
# How many registered names (those sharing most letter triples) difflib compares.
_SHORTLIST = 16


# --------------------------------------------------------------------------- registry


class Registry:
    """All agencies, indexed for resolution.

    Build it with :meth:`load` (from ``co-quan.yml``, with diagnostics) or
    :meth:`from_agencies`. Indexes (normalised name -> ids, parent/children links, each
    agency's lineage) are computed once; :meth:`resolve` results are cached per
    ``(name, context)``. Do not mutate the agencies after building the registry.

    Attributes:
        agencies: Every agency by id, in file order.
    """

    def __init__(self, agencies: Iterable[Agency] = ()) -> None:
        self.agencies: dict[str, Agency] = {}
        for agency in agencies:
            if agency.id in self.agencies:
                raise ValueError(f"duplicate agency id {agency.id!r}")
            self.agencies[agency.id] = agency
        self._children: dict[str, list[str]] = {}
        self._ancestor_ids: dict[str, tuple[str, ...]] = {}
        self._lineage: dict[str, frozenset[str]] = {}
        self._by_full: dict[str, list[str]] = {}
        self._by_short: dict[str, list[str]] = {}
        self._full_key: dict[str, str] = {}
        self._root: dict[str, str] = {}
        self._place: dict[str, str] = {}
        self._order: dict[str, int] = {agency_id: n for n, agency_id in enumerate(self.agencies)}
        self._all_keys: list[str] = []
        self._gram_index: dict[str, list[int]] = {}
        self._gram_sizes: list[int] = []
        self._near_cache: dict[str, list[str]] = {}
        self._cache: dict[tuple[str, str | None], Resolution] = {}
        self._build()

    # -- construction ----------------------------------------------------------------

    @classmethod
    def from_agencies(cls, agencies: list[Agency]) -> Registry:
        """A registry of ``agencies`` (ids must be unique; unknown parents act as roots)."""
        return cls(agencies)

    @classmethod
    def load(cls, path: Path, rel_path: str = "co-quan.yml") -> tuple[Registry, list[Diagnostic]]:
        """Read ``co-quan.yml`` at ``path``; never raises on bad content.

        Every problem becomes a :class:`Diagnostic` for ``rel_path`` with its line:
        a missing file (warning), unreadable bytes, YAML syntax, an entry that is not a
        mapping, unknown keys (with a "did you mean"), a repeated key, missing or bad
        ids, duplicate ids, missing names, wrong types, unknown parents, cycles of
        parents, and two agencies with the same normalised name under the same parent.
        Bad entries are skipped, bad parents dropped, so the rest still loads.
        """
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            return cls(), [
                Diagnostic(
                    path=rel_path,
                    line=None,
                    message="Không tìm thấy tệp danh mục cơ quan; mọi cơ quan sẽ được coi là chưa đăng ký",
                    suggestion=f"Tạo tệp {REGISTRY_FILE} (danh sách các mục `- id: …`, `name: …`).",
                    severity=Severity.WARNING,
                    code="registry-missing",
                )
            ]
        except OSError as exc:
            return cls(), [
                Diagnostic(
                    path=rel_path,
                    line=None,
                    message=f"Không đọc được tệp danh mục cơ quan ({exc.strerror or exc})",
                    code="unreadable",
                )
            ]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return cls(), [
                Diagnostic(
                    path=rel_path,
                    line=raw[: exc.start].count(b"\n") + 1,
                    message="Tệp danh mục cơ quan không phải văn bản UTF-8",
                    suggestion="Lưu lại tệp với bảng mã UTF-8.",
                    code="encoding",
                )
            ]
        return cls.loads(text, rel_path)

    @classmethod
    def loads(cls, text: str, rel_path: str = "co-quan.yml") -> tuple[Registry, list[Diagnostic]]:
        """Like :meth:`load`, from the text of ``co-quan.yml``."""
        return _RegistryReader(rel_path).read(text)

    def _build(self) -> None:
        for agency_id, agency in self.agencies.items():
            if agency.parent is not None and agency.parent in self.agencies:
                self._children.setdefault(agency.parent, []).append(agency_id)
            chain: list[str] = []
            seen = {agency_id}
            parent = agency.parent
            while parent is not None and parent in self.agencies and parent not in seen:
                chain.append(parent)
                seen.add(parent)
                parent = self.agencies[parent].parent
            self._ancestor_ids[agency_id] = tuple(chain)
            self._root[agency_id] = chain[-1] if chain else agency_id
            self._lineage[agency_id] = frozenset(seen)
            full = normalize_name(agency.name)
            self._full_key[agency_id] = full
            words = full.split()
            if agency.parent is None and len(words) >= 3:
                # The place of a root: the last two words of its name, the province or
                # district ("Tỉnh ủy Lai Châu" and "UBND tỉnh Lai Châu" -> "lai chau").
                self._place[agency_id] = " ".join(words[-2:])
            if full:
                self._by_full.setdefault(full, []).append(agency_id)
            for other in agency.names[1:]:
                key = normalize_name(other)
                ids = self._by_short.setdefault(key, []) if key else []
                if key and agency_id not in ids:
                    ids.append(agency_id)
        self._all_keys = list(dict.fromkeys([*self._by_full, *self._by_short]))
        for index, key in enumerate(self._all_keys):
            grams = _trigrams(key)
            self._gram_sizes.append(len(grams))
            for gram in grams:
                self._gram_index.setdefault(gram, []).append(index)

    # -- navigation ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.agencies)

    def __iter__(self) -> Iterator[Agency]:
        return iter(self.agencies.values())

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self.agencies

    def get(self, id: str) -> Agency | None:
        """The agency with this id, or ``None``."""
        return self.agencies.get(id)

    def children(self, id: str) -> list[Agency]:
        """The agencies whose parent is ``id``, in file order."""
        return [self.agencies[child] for child in self._children.get(id, ())]

    def ancestors(self, id: str) -> list[Agency]:
        """Parent first, up to the root (stops safely on a cycle)."""
        return [self.agencies[a] for a in self._ancestor_ids.get(id, ())]

    def root_of(self, id: str) -> Agency | None:
        """The topmost ancestor of ``id`` (the agency itself when it is a root)."""
        chain = self._ancestor_ids.get(id)
        if chain is None:
            return None
        return self.agencies[chain[-1]] if chain else self.agencies[id]

    def roots(self) -> list[Agency]:
        """Agencies without a (known) parent, in file order."""
        return [self.agencies[a] for a, chain in self._ancestor_ids.items() if not chain]

    def descendants(self, id: str) -> list[Agency]:
        """The whole subtree under ``id`` (not ``id`` itself), depth first, in file order."""
        out: list[Agency] = []
        stack = list(reversed(self._children.get(id, ())))
        seen = {id}
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            out.append(self.agencies[current])
            stack.extend(reversed(self._children.get(current, ())))
        return out

    # -- resolution ------------------------------------------------------------------

    def resolve(self, name: str, context: str | None = None) -> Resolution:
        """Which agency ``name`` means in a plan issued by ``context``.

        ``name`` may be an id or any name, short name or alias, in any spelling that
        :func:`normalize_name` unifies. ``context`` is the issuer's id (a name is
        accepted too and resolved first).

        Order of search:

        1. an exact id wins outright;
        2. locality first: the issuer's own subtree, then its parent's subtree, and so
           on up to its root; then the subtrees of the other roots of the same place
           (roots whose full names end with the same two words: the party branch
           "Tỉnh ủy Lai Châu" and the state branch "UBND tỉnh Lai Châu"); then the
           whole registry. Within the nearest scope that has any match, a full name
           beats a short name or alias. So "Phòng Nội vụ" in a plan of UBND thành phố
           Cẩm Phả is Cẩm Phả's, and in a plan of Huyện ủy Phong Thổ (under Tỉnh ủy Lai
           Châu) it is the one under UBND huyện Phong Thổ (under UBND tỉnh Lai Châu);
        3. if nothing matched and the name ends with a level word (tỉnh, huyện, thành
           phố, thị xã) — "Phòng Nội vụ huyện", "Đài PT&TH tỉnh" — the same search
           without it, keeping only agencies whose full name contains that word.

        Two equally good candidates give ``ambiguous``; none gives ``unknown`` with the
        closest registered names. Results are cached per ``(name, context)``.
        """
        if not isinstance(name, str):
            name = "" if name is None else str(name)
        if context is not None and not isinstance(context, str):
            context = str(context)
        cache_key = (name, context)
        cached = self._cache.get(cache_key)
        if cached is None:
            cached = self._resolve(name, context)
            self._cache[cache_key] = cached
        return cached

    def _resolve(self, name: str, context: str | None) -> Resolution:
        text = _one_line(name)
        by_id = self.agencies.get(text) or self.agencies.get(text.lower())
        if by_id is not None:
            return Resolution("ok", by_id, name=text)
        chain = self._scope_chain(context)
        key = normalize_name(text)
        found = self._lookup(key, chain) if key else None
        if found is None and key:
            for level in _LEVEL_WORDS:
                if key.endswith(" " + level):
                    base = key[: -len(level) - 1]
                    found = self._lookup(base, chain, level_word=level)
                    break
        if found is not None:
            if len(found) == 1:
                agency = self.agencies[found[0]]
                return Resolution("ok", agency, name=text, misspelled=misspelled_words(text, agency))
            return Resolution("ambiguous", None, candidates=[self.agencies[a] for a in found], name=text)
        suggested = self._suggest(key, chain) if key else []
        return Resolution(
            "unknown",
            Agency.unregistered(text),
            suggestions=[agency.name for agency in suggested],
            name=text,
            suggested=suggested,
        )

    def _scope_chain(self, context: str | None) -> tuple[str, ...]:
        """The issuer then its ancestors: the localities searched first, nearest first."""
        if not context:
            return ()
        if context not in self.agencies:
            if context.startswith(UNREGISTERED_PREFIX):
                return ()
            issuer = self.resolve(context)
            if not issuer.ok or issuer.agency is None:
                return ()
            context = issuer.agency.id
        return (context, *self._ancestor_ids[context])

    def _scope(self, agency_id: str, chain: tuple[str, ...]) -> int:
        """How far ``agency_id`` is from the issuer whose scope chain is ``chain``.

        0 if it is in the issuer's subtree, 1 in its parent's subtree, … ``len(chain)``
        if it is under another root of the same place as the issuer's root, and
        ``len(chain) + 1`` anywhere else.
        """
        lineage = self._lineage[agency_id]
        for distance, scope in enumerate(chain):
            if scope in lineage:
                return distance
        if chain:
            place = self._place.get(self._root[chain[-1]])
            if place is not None and self._place.get(self._root[agency_id]) == place:
                return len(chain)
        return len(chain) + 1

    def _lookup(self, key: str, chain: tuple[str, ...], level_word: str | None = None) -> list[str] | None:
        """The best-matching ids for ``key`` (one if resolved, several if tied), or ``None``."""
        hits: dict[str, int] = {}
        for agency_id in self._by_full.get(key, ()):
            hits[agency_id] = _FULL
        for agency_id in self._by_short.get(key, ()):
            hits.setdefault(agency_id, _SHORT)
        if level_word is not None:
            needle = f" {level_word} "
            hits = {a: kind for a, kind in hits.items() if needle in f" {self._full_key[a]} "}
        if not hits:
            return None
        ranked = {a: (self._scope(a, chain), kind) for a, kind in hits.items()}
        best = min(ranked.values())
        return sorted((a for a, rank in ranked.items() if rank == best), key=self._order.__getitem__)

    def _suggest(self, key: str, chain: tuple[str, ...], limit: int = 3) -> list[Agency]:
        """Registered agencies with names closest to ``key``; nearest locality first among equals."""
        out: dict[str, None] = {}
        for near in self._nearest_keys(key, limit):
            ids = dict.fromkeys([*self._by_full.get(near, ()), *self._by_short.get(near, ())])
            for agency_id in sorted(ids, key=lambda a: self._scope(a, chain)):
                out.setdefault(agency_id, None)
        return [self.agencies[a] for a in list(out)[:limit]]

    def _nearest_keys(self, key: str, limit: int) -> list[str]:
        """Registered keys closest to ``key`` (cached per key, whatever the issuer).

        A trigram index shortlists the keys sharing most letter triples with ``key``, so
        that difflib (the similarity of :func:`~plan_portal.core.diagnostics.closest`)
        compares a few names, not the whole registry.
        """
        cached = self._near_cache.get(key)
        if cached is not None:
            return cached
        grams = _trigrams(key)
        shared = Counter(chained.from_iterable(self._gram_index.get(gram, ()) for gram in grams))
        sizes = self._gram_sizes
        # Dice coefficient of the trigram sets, so short names are not drowned by long ones.
        shortlist = heapq.nlargest(_SHORTLIST, shared, key=lambda i: (shared[i] / (sizes[i] + len(grams)), -i))
        # The same scoring as diagnostics.closest (difflib ratio), computed once per name
        # so that the spread below can reuse it.
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)
        scored: list[tuple[float, str]] = []
        for index in sorted(shortlist):
            candidate = self._all_keys[index]
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() >= _SUGGEST_CUTOFF and matcher.quick_ratio() >= _SUGGEST_CUTOFF:
                ratio = matcher.ratio()
                if ratio >= _SUGGEST_CUTOFF:
                    scored.append((ratio, candidate))
        scored.sort(key=lambda item: -item[0])
        # Keep only names about as close as the best one: "Phòng Nộivụ" suggests the
        # Phòng Nội vụ of each locality, not also "Sở Nội vụ".
        nearest = [candidate for ratio, candidate in scored[: 2 * limit] if ratio >= scored[0][0] - _SUGGEST_SPREAD]
        self._near_cache[key] = nearest
        return nearest


def _trigrams(key: str) -> set[str]:
    padded = f" {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


# --------------------------------------------------------------------------- loading


@dataclass
class _Entry:
    """One entry read from ``co-quan.yml`` with the lines of its fields."""

    index: int
    agency: Agency
    lines: dict[str, int]


_NULL_TAG = "tag:yaml.org,2002:null"
_MAPPING = object()  # marker for a mapping where a scalar or list was expected


def _plain(node: Node) -> Any:
    """The value of a node, keeping scalars as written ("no", "2024" stay strings)."""
    if isinstance(node, ScalarNode):
        return None if node.tag == _NULL_TAG else node.value
    if isinstance(node, SequenceNode):
        return [_plain(item) for item in node.value]
    return _MAPPING


class _RegistryReader:
    """Reads the text of ``co-quan.yml`` into a :class:`Registry` and diagnostics."""

    def __init__(self, rel_path: str) -> None:
        self.rel_path = rel_path
        self.diagnostics: list[Diagnostic] = []

    def error(self, line: int | None, message: str, **kwargs: Any) -> None:
        self.diagnostics.append(Diagnostic(path=self.rel_path, line=line, message=message, **kwargs))

    def read(self, text: str) -> tuple[Registry, list[Diagnostic]]:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = _yaml_problem(exc.problem or exc.context or "")
            self.error(
                mark.line + 1 if mark else None,
                f"Tệp danh mục cơ quan không đúng cú pháp YAML ({problem})",
                suggestion="Kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu `:` sau mỗi khóa; "
                "tên có dấu `:` hoặc `#` phải đặt trong ngoặc kép.",
                code="yaml",
            )
            return Registry(), self.diagnostics
        except (yaml.YAMLError, ValueError, RecursionError) as exc:
            self.error(None, f"Tệp danh mục cơ quan không đúng cú pháp YAML ({exc})", code="yaml")
            return Registry(), self.diagnostics
        if root is None:
            return Registry(), self.diagnostics
        if not isinstance(root, SequenceNode):
            self.error(
                root.start_mark.line + 1,
                "Tệp danh mục cơ quan phải là một danh sách, mỗi cơ quan một mục bắt đầu bằng `- id: …`",
                code="invalid",
            )
            return Registry(), self.diagnostics
        entries: dict[str, _Entry] = {}
        for index, node in enumerate(root.value):
            entry = self.read_entry(index, node)
            if entry is None:
                continue
            first = entries.get(entry.agency.id)
            if first is not None:
                self.error(
                    entry.lines["id"],
                    f"Mã (id) `{entry.agency.id}` bị trùng: đã dùng cho «{first.agency.name}» "
                    f"ở dòng {first.agency.line}",
                    field=f"[{index}].id",
                    value=entry.agency.id,
                    suggestion="Mỗi cơ quan cần một mã riêng; đổi mã của mục này.",
                    code="duplicate-id",
                )
                continue
            entries[entry.agency.id] = entry
        self.check_parents(entries)
        self.check_cycles(entries)
        self.check_names(entries)
        return Registry(entry.agency for entry in entries.values()), self.diagnostics

    def read_entry(self, index: int, node: Node) -> _Entry | None:
        item_line = node.start_mark.line + 1
        where = f"[{index}]"
        if not isinstance(node, MappingNode):
            self.error(
                item_line,
                "Mỗi mục của danh mục phải là một cơ quan với các khóa `id`, `name`…",
                field=where,
                value=_plain(node) if isinstance(node, ScalarNode) else None,
                allowed=", ".join(f"`{key}`" for key in ALLOWED_KEYS),
                code="invalid",
            )
            return None
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str) or key not in ALLOWED_KEYS:
                shown = key if isinstance(key, str) else None
                near = closest(shown.lower(), ALLOWED_KEYS, n=1) if shown is not None else []
                self.error(
                    key_line,
                    "Khóa không được dùng trong danh mục cơ quan",
                    field=f"{where}.{shown}" if shown is not None else where,
                    value=shown,
                    allowed=", ".join(f"`{k}`" for k in ALLOWED_KEYS),
                    suggestion=f"Có phải ý bạn là `{near[0]}`?" if near else None,
                    code="unknown-key",
                )
                continue
            if key in values:
                self.error(
                    key_line,
                    f"Khóa `{key}` lặp lại trong cùng một cơ quan (dòng {lines[key]})",
                    field=f"{where}.{key}",
                    suggestion="Giữ một khóa; nhiều tên khác thì ghi vào `aliases`.",
                    code="duplicate-key",
                )
                continue
            values[key] = _plain(value_node)
            lines[key] = value_node.start_mark.line + 1 if not _is_empty(value_node) else key_line

        name = values.get("name")
        if not isinstance(name, str) or not _one_line(name):
            self.error(
                lines.get("name", item_line),
                "Thiếu tên đầy đủ của cơ quan" if name is None else "Tên đầy đủ (name) phải là một dòng chữ",
                field=f"{where}.name",
                value=None if name is None or name is _MAPPING else name,
                allowed="tên đầy đủ, ví dụ «Phòng Nội vụ thành phố Cẩm Phả»",
                code="missing" if name is None else "invalid",
            )
            name = None
        agency_id = values.get("id")
        if agency_id is None:
            self.error(
                lines.get("id", item_line),
                "Thiếu mã (id) của cơ quan",
                field=f"{where}.id",
                allowed=_ID_ALLOWED,
                suggestion=f"Thêm `id: {slugify(name)}`." if name and slugify(name) else None,
                code="missing",
            )
            return None
        if not isinstance(agency_id, str) or not is_valid_id(agency_id.strip()):
            shown = agency_id if isinstance(agency_id, str) else None
            fix = slugify(agency_id) if isinstance(agency_id, str) else ""
            self.error(
                lines["id"],
                "Mã (id) của cơ quan không hợp lệ",
                field=f"{where}.id",
                value=shown,
                allowed=_ID_ALLOWED,
                suggestion=f"Có phải ý bạn là `{fix}`?" if fix else None,
                code="invalid-id",
            )
            return None
        if name is None:
            return None
        agency_id = agency_id.strip()

        data: dict[str, Any] = {"id": agency_id, "name": name, "line": item_line}
        short = values.get("short")
        if isinstance(short, str) or short is None:
            data["short"] = short
        else:
            self.bad_type(lines["short"], f"{where}.short", "một tên viết tắt (một dòng chữ)")
        aliases = values.get("aliases")
        if aliases is None or isinstance(aliases, str):
            data["aliases"] = aliases
        elif isinstance(aliases, list) and all(isinstance(a, str) or a is None for a in aliases):
            data["aliases"] = [a for a in aliases if a is not None]
        else:
            self.bad_type(
                lines["aliases"], f"{where}.aliases", "một danh sách tên, ví dụ `[Phòng NV, Phòng Nội vụ TP]`"
            )
        parent = values.get("parent")
        if parent is None or (isinstance(parent, str) and not parent.strip()):
            data["parent"] = None
        elif isinstance(parent, str) and is_valid_id(parent.strip()):
            data["parent"] = parent.strip()
        else:
            fix = slugify(parent) if isinstance(parent, str) else ""
            self.error(
                lines["parent"],
                "Mã cơ quan cấp trên (parent) không hợp lệ",
                field=f"{where}.parent",
                value=parent if isinstance(parent, str) else None,
                allowed=f"mã (id) của một cơ quan trong danh mục: {_ID_ALLOWED}",
                suggestion=f"Có phải ý bạn là `{fix}`?" if fix else None,
                code="invalid-id",
            )
        kind = values.get("kind")
        if kind is None or kind in ("state", "party"):
            data["kind"] = kind
        else:
            self.error(
                lines["kind"],
                "Loại cơ quan (kind) không hợp lệ",
                field=f"{where}.kind",
                value=str(kind),
                allowed="`state` (cơ quan nhà nước) hoặc `party` (cơ quan của Đảng)",
                suggestion="Bỏ trống để lấy theo cơ quan cấp trên.",
                code="invalid",
            )
        try:
            agency = Agency.model_validate(data)
        except ValidationError as exc:  # pragma: no cover - the checks above cover the model
            self.error(item_line, f"Cơ quan không hợp lệ ({exc.error_count()} lỗi)", field=where, code="invalid")
            return None
        return _Entry(index=index, agency=agency, lines=lines)

    def bad_type(self, line: int, field_path: str, allowed: str) -> None:
        self.error(line, "Giá trị sai kiểu", field=field_path, allowed=allowed, code="invalid")

    def check_parents(self, entries: dict[str, _Entry]) -> None:
        ids = list(entries)
        for entry in entries.values():
            parent = entry.agency.parent
            if parent is None or parent in entries:
                continue
            near = closest(parent, ids, n=1)
            self.error(
                entry.lines["parent"],
                f"Cơ quan cấp trên `{parent}` không có trong danh mục",
                field=f"[{entry.index}].parent",
                value=parent,
                allowed="mã (id) của một cơ quan trong danh mục",
                suggestion=f"Có phải ý bạn là `{near[0]}`?"
                if near
                else "Thêm cơ quan cấp trên vào danh mục hoặc bỏ trường `parent`.",
                code="unknown-parent",
            )
            entry.agency = entry.agency.model_copy(update={"parent": None})

    def check_cycles(self, entries: dict[str, _Entry]) -> None:
        done: set[str] = set()
        for start in entries:
            path: list[str] = []
            on_path: dict[str, int] = {}
            current: str | None = start
            while current is not None and current not in done and current not in on_path:
                on_path[current] = len(path)
                path.append(current)
                current = entries[current].agency.parent
            if current is not None and current in on_path:
                cycle = path[on_path[current] :]
                breaker = min(cycle, key=lambda a: entries[a].agency.line or 0)
                loop = cycle[cycle.index(breaker) :] + cycle[: cycle.index(breaker)]
                shown = " → ".join([*loop, breaker])
                entry = entries[breaker]
                self.error(
                    entry.lines["parent"],
                    f"Quan hệ cấp trên (parent) tạo thành vòng lặp: {shown}",
                    field=f"[{entry.index}].parent",
                    value=entry.agency.parent,
                    suggestion="Mỗi cơ quan chỉ có một cấp trên và không được là cấp trên của chính mình; "
                    "sửa trường `parent` của một cơ quan trong vòng.",
                    code="parent-cycle",
                )
                entry.agency = entry.agency.model_copy(update={"parent": None})
            done.update(path)

    def check_names(self, entries: dict[str, _Entry]) -> None:
        claimed: dict[tuple[str | None, str], tuple[_Entry, str]] = {}
        for entry in entries.values():
            agency = entry.agency
            for field_name, value in _named_fields(agency):
                key = normalize_name(value)
                if not key or agency.parent is None:
                    # Roots are separate localities: every province has its "UBND tỉnh".
                    continue
                first = claimed.get((agency.parent, key))
                if first is None:
                    claimed[(agency.parent, key)] = (entry, value)
                    continue
                if first[0] is entry:
                    continue
                other = first[0].agency
                under = f"cùng cơ quan cấp trên `{agency.parent}`"
                self.error(
                    entry.lines.get(field_name, agency.line),
                    f"Tên «{value}» trùng với «{first[1]}» của `{other.id}` (dòng {other.line}), {under}",
                    field=f"[{entry.index}].{field_name}",
                    value=value,
                    suggestion="Hai cơ quan cùng cấp trên phải có tên khác nhau để tra cứu không nhầm; "
                    "sửa tên, tên viết tắt (`short`) hoặc bí danh (`aliases`).",
                    code="duplicate-name",
                )


# PyYAML's most frequent complaints, in Vietnamese; others are shown as PyYAML says them.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "dấu `:` không đúng chỗ"),
    ("could not find expected ':'", "thiếu dấu `:` sau khóa"),
    ("found character '\\t'", "có ký tự tab"),
    ("expected ',' or ']'", "thiếu dấu `]` đóng danh sách"),
    ("expected ',' or '}'", "thiếu dấu `}`"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng"),
    ("found undefined alias", "dùng bí danh YAML `*…` chưa khai báo"),
    ("expected <block end>", "thụt lề không khớp"),
    ("did not find expected key", "thụt lề không khớp"),
    ("did not find expected '-' indicator", "thụt lề không khớp"),
)


def _yaml_problem(problem: str) -> str:
    for english, vietnamese in _YAML_PROBLEMS:
        if english in problem:
            return vietnamese
    return problem or "không rõ"


def _named_fields(agency: Agency) -> list[tuple[str, str]]:
    out = [("name", agency.name)]
    if agency.short:
        out.append(("short", agency.short))
    out.extend(("aliases", alias) for alias in agency.aliases)
    return out


def _is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG and node.value == ""
