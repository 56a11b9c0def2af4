"""Agency names in Vietnamese administrative text: spotting, splitting, casing.

The rules here are about the genre, not about any one document:

* an agency name starts with a unit word (Sở, Phòng, Ban, Văn phòng, UBND,
  Trung tâm, Huyện ủy, Đài, Công ty, "Các cơ quan"…) — "Tổ chức", "Ban hành",
  "Báo cáo" and "Hội nghị" are not agencies although they start the same way;
* a list of agencies is separated by ";" and ","; a comma fragment that does not
  start with a unit word belongs to the name before it ("Phòng Lao động,
  Thương binh và Xã hội", "UBND các phường, xã");
* the subject of a duty sentence ends at its verb ("Phòng Quản trị - Tài vụ
  phối hợp với …"), unless the verb is part of the name ("Ban Quản lý dự án đầu tư
  xây dựng Thành phố");
* headers are in capitals ("ỦY BAN NHÂN DÂN" / "TỈNH SƠN LA") and are turned back
  into the usual spelling ("UBND tỉnh Sơn La").
"""

from __future__ import annotations

import re

from plan_portal.core.text import fold, squash_spaces

__all__ = [
    "abbreviate",
    "agency_subject",
    "case_agency",
    "case_person",
    "case_title",
    "find_support",
    "split_agencies",
    "starts_with_agency",
    "strip_request",
]

# Unit words that start an agency name (lower case, with diacritics: "đội" is not "đối").
_HEADS = (
    "sở", "phòng", "ban", "văn phòng", "vp", "vpub", "vpubnd", "trung tâm", "ubnd", "ubmttq", "ủy ban", "uỷ ban",
    "hđnd", "hội đồng", "đài", "công ty", "tổng công ty", "huyện đoàn", "thành đoàn", "tỉnh đoàn", "đoàn thanh niên",
    "hội", "liên đoàn", "mttq", "mặt trận", "đảng ủy", "đảng uỷ", "huyện ủy", "huyện uỷ", "tỉnh ủy", "tỉnh uỷ",
    "thành ủy", "thành uỷ", "thị ủy", "thị uỷ", "chi cục", "cục", "tổ", "trường", "bệnh viện", "báo", "bộ chỉ huy",
    "ban chỉ huy", "bchqs", "công an", "kho bạc", "bưu điện", "viện", "chi nhánh", "bảo hiểm", "bhxh", "thanh tra",
    "tòa án", "toà án", "bộ", "tổng cục", "học viện", "đội", "chi đoàn", "chi bộ", "đảng bộ", "thường trực",
    "lãnh đạo", "chủ tịch", "phó chủ tịch", "chánh văn phòng", "phó chánh văn phòng", "giám đốc", "phó giám đốc",
    "thủ trưởng", "trưởng phòng", "phó trưởng phòng", "trưởng ban", "kế toán", "cvp", "đồng chí", "đ/c",
    "trang thông tin", "cổng thông tin", "ngân hàng", "điện lực", "hợp tác xã", "tiểu ban", "ban tổ chức",
    "ban thường vụ", "ban chấp hành", "cơ quan", "đơn vị", "ủy viên", "bí thư", "phó bí thư", "tập đoàn",
    "đảng đoàn",
)
# Words that look like a unit word but start something else.
_NOT_HEADS = (
    "tổ chức", "tổ quốc", "ban hành", "báo cáo", "bảo đảm", "hội nghị", "hội thảo", "hội diễn", "hội thi", "hội trường",
    "hội viên", "trường hợp", "phòng, chống", "phòng chống", "đội ngũ", "bộ máy", "văn phòng phẩm", "cục bộ",
    "đơn vị tính", "cơ quan báo chí đưa tin", "sở dĩ", "bộ phận", "lãnh đạo,", "đài phun",
)
# After "Các": the plural of an agency ("Các cơ quan, đơn vị", "Các chi, đảng bộ cơ sở").
_PLURAL_NOUNS = (
    "cơ quan", "đơn vị", "sở", "bộ", "ban", "ngành", "phòng", "địa phương", "xã", "phường", "huyện", "thị xã", "thành phố",
    "tổ chức", "đoàn thể", "chi", "đảng bộ", "đồng chí", "đ/c", "trường", "doanh nghiệp", "cơ sở", "hội", "thành viên",
    "chuyên viên", "trung tâm", "tiểu ban", "ủy viên", "lực lượng", "chủ đầu tư", "tổ", "đài", "báo", "công ty",
    "hợp tác xã", "thôn", "bản", "khu phố", "tổ dân phố",
)
# Verbs that end the subject of a duty sentence (lower case only: names are capitalised).
SUBJECT_VERBS = (
    "chủ trì", "phối hợp", "xây dựng", "tổ chức", "tham mưu", "chỉ đạo", "thực hiện", "triển khai", "chuẩn bị",
    "hướng dẫn", "báo cáo", "chủ động", "là cơ quan", "là đơn vị", "là đầu mối", "có trách nhiệm", "chịu trách nhiệm",
    "căn cứ", "lập", "đôn đốc", "giúp", "biên soạn", "phát động", "tuyên truyền", "rà soát", "bố trí", "đảm bảo",
    "bảo đảm", "kiểm tra", "nghiên cứu", "cung cấp", "thẩm định", "tổng hợp", "huy động", "vận động", "ban hành",
    "đề xuất", "trình", "gửi", "tiếp nhận", "viết", "cử", "tăng cường", "đẩy mạnh", "quan tâm", "theo chức năng",
    "tích cực", "khẩn trương", "nghiêm túc", "phụ trách", "lựa chọn", "tiếp tục", "căn cứ vào", "dự toán", "tổ chức",
    "hỗ trợ", "mời", "đón", "trang trí", "duyệt", "làm", "thông báo", "xem xét", "phê duyệt", "giám sát",
    "có nhiệm vụ", "sẽ", "khi", "vừa", "dự kiến", "định kỳ", "hoàn chỉnh", "tiến hành", "quán triệt",
    "lãnh đạo", "xác định", "tập trung",
)
# Verbs and words that end an agency list inside a sentence ("phối hợp với X lựa chọn …").
LIST_END_WORDS = SUBJECT_VERBS + (
    "lên", "để", "nhằm", "trong", "tại", "theo", "về", "đón tiếp", "phục vụ", "thực hiện", "và tổ chức", "cho",
    "hoàn thành", "khi", "sau khi", "trước", "chậm nhất", "đối với", "đăng", "phát", "in", "treo", "công bố",
)
_UPPER_TOKENS = {"ubnd", "hđnd", "mttq", "ubmttq", "vp", "vpub", "tw", "hcm", "bchqs", "bhxh", "cvp", "tđkt", "kt-xh"}
# "Căn cứ nội dung Kế hoạch, …", "Để thể chế hoá …, Đảng đoàn … xác định …", "Định kỳ, Thường trực …":
# a clause before the subject.
LEAD_IN = re.compile(r"^(?:(?:Căn cứ|Để|Nhằm|Trên cơ sở) [^,:;]{3,160}|Định kỳ|Hằng năm|Hàng năm),\s*(?=\S)")
_REQUEST = re.compile(r"^(?:đề nghị|giao(?: cho)?|yêu cầu|kính đề nghị|phân công)\s+", re.IGNORECASE)


def strip_request(text: str) -> str:
    """Drop a leading "Đề nghị" / "Giao" / "Yêu cầu" before an agency name."""
    return _REQUEST.sub("", squash_spaces(text))


def _lower(text: str) -> str:
    return squash_spaces(text).lower().replace("uỷ", "ủy")


def starts_with_agency(text: str) -> bool:
    """Whether ``text`` begins with an agency name ("Sở Nội vụ …", "Các cơ quan, đơn vị …")."""
    low = _lower(strip_request(text).lstrip("-–+•* "))
    if not low:
        return False
    if low.startswith("các "):
        rest = low[4:]
        return any(rest.startswith(noun) and (len(rest) == len(noun) or not rest[len(noun)].isalpha())
                   for noun in _PLURAL_NOUNS)
    for bad in _NOT_HEADS:
        if low.startswith(bad):
            return False
    for head in _HEADS:
        if low.startswith(head) and (len(low) == len(head) or not low[len(head)].isalpha()):
            return True
    return False


def _verb_at(text: str, words: tuple[str, ...], start: int = 1) -> int | None:
    """Index where the first of ``words`` (lower case, whole words) occurs after ``start``."""
    best: int | None = None
    for word in words:
        for match in re.finditer(r"(?<![\wÀ-ỹ])" + re.escape(word) + r"(?![\wÀ-ỹ])", text):
            pos = match.start()
            if pos < start:
                continue
            # "Ban Quản lý dự án đầu tư xây dựng Thành phố", "Ban Tổ chức", "các tổ chức chính trị - xã hội":
            # the word is part of a name, not the verb.
            before = text[:pos].rstrip().lower()
            after = text[match.end():].lstrip()
            if word == "kiểm tra" and before.endswith("ủy ban"):
                continue  # "Ủy ban kiểm tra Huyện ủy": a name
            if word in ("xây dựng", "tổ chức", "báo cáo", "thông báo") and (
                before.endswith(("đầu tư", "ban", "phòng", "sở", "các", "những", "ban quản lý dự án"))
                or after[:1].isupper() and not after.lower().startswith(("ubnd", "kế hoạch", "hội nghị", "lễ"))
            ):
                continue
            if best is None or pos < best:
                best = pos
            break
    return best


def after_lead_in(text: str) -> str:
    """The text from the subject on, past a lead-in clause that may hold commas itself.

    "Trên cơ sở nội dung Nghị quyết …, Chương trình hành động …, các bộ, … xây dựng …" → "các bộ, …".
    """
    lead_in = LEAD_IN.match(text)
    if not lead_in:
        return text
    if starts_with_agency(text[lead_in.end():]):
        return text[lead_in.end():]
    for comma in re.finditer(r",\s*", text[lead_in.end(): 240]):
        rest = text[lead_in.end() + comma.end():]
        if starts_with_agency(rest):
            return rest
    return text


def agency_subject(text: str) -> str | None:
    """The agency that is the subject of a duty sentence, or ``None``.

    ``"Phòng Quản trị - Tài vụ phối hợp với Tổ Biên tập …"`` → ``"Phòng Quản trị - Tài vụ"``;
    ``"Căn cứ …, yêu cầu các phòng, ban, đơn vị chủ động …"`` → ``"các phòng, ban, đơn vị"``;
    ``"Giao đồng chí Lê Anh Tuấn, Phó Chánh Văn phòng UBND tỉnh giúp …"`` →
    ``"Lê Anh Tuấn, Phó Chánh Văn phòng UBND tỉnh"``.
    """
    text = squash_spaces(text).lstrip("-–+•* ")
    # "Căn cứ nội dung Kế hoạch, các địa phương … chỉ đạo …": the subject follows the clause.
    text = after_lead_in(text)
    candidate = strip_request(text)
    if not starts_with_agency(candidate):
        match = re.search(r"(?:^|[,;]\s*)(?:yêu cầu|giao(?: cho)?|đề nghị)\s+(.+)$", text, re.IGNORECASE)
        if not match or not starts_with_agency(match.group(1)):
            return None
        candidate = match.group(1)
    cut = len(candidate)
    for stop in (":", "(", ".", ";"):
        pos = candidate.find(stop)
        if 0 < pos < cut:
            cut = pos
    verb = _verb_at(candidate[:cut], SUBJECT_VERBS)
    if verb is not None:
        cut = min(cut, verb)
    subject = candidate[:cut].strip(" ,-–")
    subject = re.sub(r"^(?:đồng chí|đ/c)\s+", "", subject, flags=re.IGNORECASE)
    # "Sở Kế hoạch và Đầu tư - cơ quan thường trực Ban …": the name, not its description.
    subject = re.split(r"\s+[-–]\s*(?=(?:cơ ?quan|đơn vị|là)\b)", subject)[0]
    if not subject or len(subject.split()) > 30:  # "Bộ trưởng, Thủ trưởng …, Chủ tịch Ủy ban nhân dân các tỉnh, …"
        return None
    return subject


def find_support(text: str) -> list[str]:
    """Agencies named after "phối hợp với" in a duty sentence (the supporting agencies).

    Only the lead's own "Chủ trì, phối hợp với X, Y …" (or "X chủ trì, phối hợp với Y")
    counts; a bare "Phối hợp với X …" says the lead supports X, not the reverse.
    """
    match = re.search(r"chủ trì\s*,?\s*(?:và\s+)?phối hợp\s+(?:với|cùng)\s+(.+)$", text, re.IGNORECASE)
    if not match:
        return []
    return split_agencies(_cut_list(match.group(1)))


def _cut_list(text: str) -> str:
    cut = len(text)
    for stop in (";", ".", ":", "("):
        pos = text.find(stop)
        if 0 <= pos < cut:
            cut = pos
    verb = _verb_at(text[:cut], LIST_END_WORDS, start=1)
    if verb is not None:
        cut = min(cut, verb)
    return text[:cut]


def split_agencies(text: str) -> list[str]:
    """Split a list of agencies written in one field (see :mod:`.agency_lists`)."""
    from .agency_lists import split_agencies as split

    return split(text)


# ---------------------------------------------------------------- casing


def abbreviate(name: str) -> str:
    """"Ủy ban nhân dân tỉnh Quảng Ninh" → "UBND tỉnh Quảng Ninh" (likewise HĐND)."""
    name = re.sub(r"\b[UuỦủ][ỷỶyY]?\s*ban nhân dân\b|Ủy ban nhân dân|Uỷ ban nhân dân|ủy ban nhân dân|uỷ ban nhân dân",
                  "UBND", name)
    name = re.sub(r"Hội đồng nhân dân|hội đồng nhân dân", "HĐND", name)
    return squash_spaces(name)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def case_agency(text: str) -> str:
    """Turn an agency name written in capitals into its usual spelling.

    ``"ỦY BAN NHÂN DÂN TỈNH SƠN LA"`` → ``"Ủy ban nhân dân tỉnh Sơn La"``;
    ``"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"`` → ``"Sở Văn hóa, Thể thao và Du lịch"``;
    ``"HUYỆN ỦY PHONG THỔ"`` → ``"Huyện ủy Phong Thổ"``.
    """
    text = squash_spaces(text)
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = text.lower().replace("uỷ", "ủy").split(" ")
    out: list[str] = []
    proper = False  # inside a place name: capitalise every word
    field_next = False  # after a unit word: capitalise the next word (its field)
    for i, word in enumerate(words):
        bare = word.strip(",.;:()")
        raw_prev = words[i - 1] if i else ""
        prev = raw_prev.strip(",.;:()")
        nxt = words[i + 1].strip(",.;:()") if i + 1 < len(words) else ""
        if bare in _UPPER_TOKENS:
            out.append(word.upper())
            field_next = False
            continue
        if bare == "ủy" and prev in ("tỉnh", "huyện", "thành", "thị", "đảng"):
            # "Tỉnh ủy", "Huyện ủy": the unit, then a place name follows.
            if out:
                out[-1] = _cap(out[-1])
            out.append(word)
            proper = True
            continue
        if i == 0 or proper or field_next:
            out.append(_cap(word))
        elif (raw_prev.endswith(",") or prev in ("và", "-")) and _field_context(out):
            out.append(_cap(word))
        else:
            out.append(word)
        field_next = bare in ("sở", "phòng", "đài", "cục") or (bare == "ban" and prev != "ủy")
        if bare in ("tỉnh", "huyện", "phường", "quận") or bare == "xã" and nxt != "hội" and prev != "thị":
            proper = True
        if prev == "thành" and bare == "phố" or prev == "thị" and bare in ("xã", "trấn"):
            proper = True
    result = " ".join(out)
    result = re.sub(r"\bỦy Ban\b", "Ủy ban", result)
    # Names of the central bodies keep their capital: "Thủ tướng Chính phủ", "Bộ Chính trị", "Ban Chấp hành Trung ương".
    result = re.sub(r"\bchính phủ\b", "Chính phủ", result)
    result = re.sub(r"\b(Bộ|Ban) chính trị\b", r"\1 Chính trị", result)
    result = re.sub(r"\btrung ương\b", "Trung ương", result)
    result = re.sub(r"\bquốc hội\b", "Quốc hội", result)
    return result


def _field_context(out: list[str]) -> bool:
    return bool(out) and out[0].lower() in ("sở", "ban", "phòng", "đài", "trung", "cục")


_TITLES = {
    "thủ tướng": "Thủ tướng",
    "phó thủ tướng": "Phó Thủ tướng",
    "bộ trưởng": "Bộ trưởng",
    "thứ trưởng": "Thứ trưởng",
    "chủ tịch": "Chủ tịch",
    "phó chủ tịch": "Phó Chủ tịch",
    "chánh văn phòng": "Chánh Văn phòng",
    "phó chánh văn phòng": "Phó Chánh Văn phòng",
    "bí thư": "Bí thư",
    "phó bí thư": "Phó Bí thư",
    "phó bí thư thường trực": "Phó Bí thư Thường trực",
    "giám đốc": "Giám đốc",
    "phó giám đốc": "Phó Giám đốc",
    "trưởng ban": "Trưởng ban",
    "phó trưởng ban": "Phó Trưởng ban",
    "trưởng phòng": "Trưởng phòng",
    "phó trưởng phòng": "Phó Trưởng phòng",
    "chánh thanh tra": "Chánh Thanh tra",
    "cục trưởng": "Cục trưởng",
    "chi cục trưởng": "Chi cục trưởng",
    "viện trưởng": "Viện trưởng",
    "hiệu trưởng": "Hiệu trưởng",
    "tổng giám đốc": "Tổng Giám đốc",
    "ủy ban nhân dân": "Ủy ban nhân dân",
    "ban thường vụ": "Ban Thường vụ",
    "ban chấp hành": "Ban Chấp hành",
    "thường trực": "Thường trực",
    "ban tổ chức": "Ban Tổ chức",
}


def case_title(text: str) -> str:
    """A signer's title from capitals: "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng"."""
    text = squash_spaces(text)
    low = _lower(text)
    if low in _TITLES:
        return _TITLES[low]
    for key, value in sorted(_TITLES.items(), key=lambda kv: -len(kv[0])):
        if low.startswith(key + " "):
            return value + " " + case_agency(text[len(key) + 1 :].upper()) if text.isupper() else value + text[len(key):]
    if text.isupper():
        return case_agency(text)
    return text


def case_person(text: str) -> str:
    """A person's name: "NGUYỄN VĂN A" → "Nguyễn Văn A"; already cased names are kept."""
    text = squash_spaces(text)
    if text.isupper():
        return " ".join(_cap(w.lower()) for w in text.split())
    return text


def same_name(a: str, b: str) -> bool:
    """Loose equality of two agency names (diacritics, case, punctuation, "Ủy ban nhân dân" = "UBND")."""
    return name_key(a) == name_key(b)


def name_key(name: str) -> str:
    """A comparison key for an agency name."""
    key = fold(abbreviate(strip_request(name)))
    key = re.sub(r"[^a-z0-9&]+", " ", key)
    return squash_spaces(key)
