"""Agency names: the registry's file name and id rules, the matching key of a name (:func:`normalize_name`)
and the phrases that name no particular agency (:func:`is_generic_group`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import clean, fold


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
