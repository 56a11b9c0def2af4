"""Patterns and small helpers shared by the extraction phases."""

from __future__ import annotations

import re

from plan_portal.core.text import fold, squash_spaces

from .. import names as nm
from ..reader import strip_inline
from ..structure import Item

# ---------------------------------------------------------------- patterns

_NATIONAL = re.compile(r"^cong hoa\b|cong hoa xa hoi chu nghia|chu nghia viet nam|doc lap\s*-\s*tu do|"
                       r"tu do\s*-\s*hanh phuc|dang cong san viet nam|^viet nam$")
_DATE_LINE = re.compile(r"(?:^|\s)([A-ZĐÂÊÔƠƯ][^\d,;:()]{1,40}?)\s*,\s*(ngày\b.*)$")
_NUMBER_START = re.compile(r"(?:^|\s)(?:Số\s*[:.]?\s*(?=[\d/.…_ ]|$)|SỐ\s*:?\s*(?=\d))")
_NOI_NHAN = re.compile(r"^n[oơ]i\s*nhan\b", re.IGNORECASE)
_BASIS_START = re.compile(r"^(Căn cứ|Thực hiện|Triển khai thực hiện|Triển khai|Theo|Thực hiện chỉ đạo)\b")
_DOC_KINDS = (
    "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Thông tư", "Thông tư liên tịch",
    "Kế hoạch", "Thông báo", "Công văn", "Văn bản", "Hướng dẫn", "Chương trình", "Kết luận", "Đề án", "Tờ trình",
    "Báo cáo", "Công điện", "Điều lệ", "Quy chế", "Quy định", "Thông báo kết luận", "Phương án",
)
_ISSUER_SENTENCE = re.compile(
    r"(?:^|[,.;:]\s+|\)\s*,?\s*)([^,.;:()]{3,140}?)\s+(?:(?:xây dựng và ban hành|xây dựng|ban hành|triển khai|lập|"
    r"thống nhất xây dựng)\s+(?:(?:bản|các)\s+)?(?:kế hoạch|chương trình|hướng dẫn|phương án)\b|giao\s*:)",
    re.IGNORECASE,
)
_PERSON_PREFIX = re.compile(r"^(?:Chủ tịch|Phó Chủ tịch|Thường trực|Giám đốc|Phó Giám đốc|Bí thư|Trưởng ban)\s+",
                            re.IGNORECASE)
_AUTHORITY = re.compile(
    r"^(K\s*\.?\s*T|K/T|T\s*\.?\s*M|T/M|T\s*\.?\s*L|T/L|T\s*\.?\s*U\s*\.?\s*Q|TUQ|Q)\s*\.\s*(.*)$|"
    r"^(KT|TM|TL|TUQ|T/M|K/T|T/L)\s+(.*)$"
)
_SIGN_NOISE = re.compile(r"^\(?\s*(?:đã ký|da ky|ký,?\s*(?:ghi rõ họ tên,?\s*)?đóng dấu|ký tên.*|\[?daky\]?|"
                         r"chữ ký.*|signed)\s*\)?\.?$", re.IGNORECASE)

_LEAD_LABEL = re.compile(
    r"^(?:đơn vị|cơ quan|bộ phận)\s+(?:chủ trì|thực hiện chính|thực hiện|chịu trách nhiệm)(?:[\s,]+[^:]{0,40})?\s*:\s*(.*)$|"
    r"^(?:chủ trì|trách nhiệm thực hiện|trách nhiệm chính|trách nhiệm|người thực hiện)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SUPPORT_LABEL = re.compile(
    r"^(?:đơn vị|cơ quan)\s+phối hợp[^:]{0,30}:\s*(.*)$|^phối hợp(?: thực hiện)?\s*:\s*(.*)$", re.IGNORECASE
)
_TIME_LABEL = re.compile(
    r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:hoàn thành|thực hiện|triển khai|trình|báo cáo|hoàn thành kế hoạch))?"
    r"[^:]{0,25}:\s*(.*)$",
    re.IGNORECASE,
)
_EVENT_TIME_LABEL = re.compile(r"^thời gian(?:\s+(?:tổ chức|khai mạc|dự kiến))?\s*:\s*(.*)$", re.IGNORECASE)
_PLACE_LABEL = re.compile(r"^địa điểm(?:\s+tổ chức)?\s*:\s*(.*)$", re.IGNORECASE)
_DEADLINE_ONLY = re.compile(r"^(?:thời gian|thời hạn|hạn|hoàn thành)\b", re.IGNORECASE)
_INLINE_TIME_LABEL = re.compile(
    r"thời (?:gian|hạn)(?:\s+(?:hoàn thành|thực hiện))?[^:.;]{0,25}:\s*([^.;]+)", re.IGNORECASE
)
_ATTENDEES = re.compile(
    r"(?:tổng số|dự kiến|khoảng|gồm|số lượng)[^\d]{0,20}?(\d{2,5})\s*(?:đại biểu|người|khách|đồng chí)", re.IGNORECASE
)
_EVENT_NOUN = r"(?:Lễ|Hội nghị|Hội thảo|Tọa đàm|Toạ đàm|Lễ hội|Hội diễn|Liên hoan|Mít tinh|Chương trình nghệ thuật|Đêm nghệ thuật|Buổi lễ)"
_EVENT_MENTION = re.compile(
    _EVENT_NOUN + r"(?:\s+[a-zà-ỹđ0-9][\wÀ-ỹ]*){0,8}?\s*\(?\s*(?:dự kiến\s+)?(?:sẽ\s+)?(?:diễn ra|được tổ chức|tổ chức|"
    r"khai mạc)\s+(?:vào\s+)?(?:lúc\s+[^,()]{1,30},\s*)?(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})",
)

_SECTION_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("purpose", re.compile(r"^(?:mục đích|mục tiêu|yêu cầu\b|quan điểm|mục đích, yêu cầu)", re.IGNORECASE)),
    ("report", re.compile(r"chế độ (?:thông tin,? )?báo cáo|^báo cáo (?:kết quả|định kỳ)", re.IGNORECASE)),
    ("funding", re.compile(r"kinh phí", re.IGNORECASE)),
    (
        "event",
        re.compile(
            r"thời gian,? địa điểm|^thành phần|chương trình (?:hội nghị|buổi lễ|lễ|kỷ niệm)|"
            r"^(?:tổ chức )?(?:lễ|hội nghị|buổi lễ|lễ mít tinh|mít tinh|hội thảo|tọa đàm)\b|^thời gian\b|^địa điểm\b",
            re.IGNORECASE,
        ),
    ),
    ("implementation", re.compile(r"tổ chức thực hiện|phân công|trách nhiệm|nhiệm vụ của các|giao nhiệm vụ",
                                  re.IGNORECASE)),
]


# ---------------------------------------------------------------- small helpers


def _plain(item: Item) -> str:
    return item.plain if item.table is None else ""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _closing(item: Item) -> bool:
    """The closing paragraph of a plan ("Yêu cầu các cơ quan … ./."), or a decision's last article ending in "./."."""
    if item.table is not None or item.is_bullet:
        return False
    if item.numbered:
        return item.kind == "article" and item.plain.rstrip().endswith(("./.", ". /."))
    text = item.plain.rstrip()
    return text.endswith(("./.", "/.", ". /.")) or bool(
        re.match(r"^(?:Trên đây là|Căn cứ (?:Kế hoạch|nội dung Kế hoạch) này|Yêu cầu các|Trong quá trình thực hiện)",
                 text)
    )


def _strip_parens(text: str) -> str:
    return squash_spaces(re.sub(r"\([^()]*\)", " ", text))


def _has_verb(text: str) -> bool:
    return nm._verb_at(text, nm.SUBJECT_VERBS) is not None


def _loose_support(text: str) -> list[str]:
    match = re.search(r"phối hợp (?:với|cùng)\s+(.+)$", text)
    return nm.split_agencies(nm._cut_list(match.group(1))) if match else []


def _before_time_label(text: str) -> str:
    return re.split(r"\.?\s*Thời (?:gian|hạn)[^:]{0,25}:", text)[0]


def _table_columns(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = fold(strip_inline(cell))
        if not key:
            continue
        if "content" not in found and re.search(r"noi dung|cong viec|nhiem vu|hoat dong", key):
            found["content"] = i
        elif "support" not in found and re.search(r"phoi hop", key) and "chu tri" not in key:
            found["support"] = i
        elif "time" not in found and re.search(r"tien do|thoi gian|thoi han|hoan thanh", key):
            found["time"] = i
        elif "lead" not in found and re.search(r"trach nhiem|chu tri|thuc hien|don vi|co quan|phan cong", key):
            found["lead"] = i
        elif "marker" not in found and re.fullmatch(r"s?tt|so tt|stt\.?", key):
            found["marker"] = i
    if "marker" not in found and row and fold(strip_inline(row[0])) in ("tt", "stt"):
        found["marker"] = 0
    return found
# A unit in brackets after its ministry or department does the work: "Bộ Văn hóa, Thể thao và Du lịch (Vụ Gia đình):".
_UNIT_IN_BRACKETS = re.compile(r"^[^()]+\(\s*((?:Vụ|Cục|Phòng|Văn phòng|Ban|Trung tâm|Viện|Chi cục)\s[^()]+?)\s*\)\s*:?\s*$")
_NOT_A_DUTY = re.compile(r"^(?:Lưu ý|Ghi chú|Chú ý|Trong đó|Phụ lục)\b|"
                         r"^(?:Nghị quyết|Kế hoạch|Chỉ thị|Quyết định|Chương trình|Công văn|Thông báo) này\b",
                         re.IGNORECASE)  # "Nghị quyết này phổ biến đến chi bộ.": the document itself
# Items of a list of papers ("Hồ sơ gồm: + Biên bản …; + Tờ trình …"): what to send, not what to do.
_CHECKLIST = re.compile(r"^(?:Biên bản|Tờ trình|Danh sách|Bản sao|Bản chính|Giấy|Phiếu|Sơ yếu|Đơn|Bảng|Trích ngang|"
                        r"Báo cáo thành tích|Báo cáo tóm tắt)\b")
