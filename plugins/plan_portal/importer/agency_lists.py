"""Lists of bodies written in one field or cell: where one body ends and the next begins.

``"Phòng LĐTB & XH huyện, UBND các xã, thị trấn"`` is two bodies, ``"Sở Văn hóa, Thể thao và Du
lịch"`` one; a task annex's cells add initials (``"VTV, VOV, TTXVN"``), ministries run together by a
copy and a body's description after "là". Reached through :func:`.names.split_agencies`.
"""

from __future__ import annotations

import re

from plan_portal.core.text import squash_spaces

from .names import _lower, starts_with_agency

__all__ = ["split_agencies"]


def _is_bare_head(fragment: str) -> bool:
    return _lower(fragment) in {"ban", "phòng", "văn phòng", "trung tâm", "sở", "ngành", "đơn vị", "cơ quan", "hội"}


_STRONG_AFTER_VA = ("tổ ", "ban ", "sở ", "phòng ", "trung tâm ", "công an ", "đài ", "huyện đoàn", "tỉnh đoàn",
                    "thành đoàn", "chi đoàn", "văn phòng ", "các địa phương ", "các tổ chức ")
# "VTV, VOV, TTXVN": broadcasters and agencies named by their initials, each a body.
_ACRONYM = re.compile(r"[A-ZĐ]{2,6}")
# "Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ": two ministries run together by a copy.
_RUN_TOGETHER = re.compile(r"(?<=\w)\s+(?=(?:Bộ|Sở)\s+[A-ZĐ])")
# "Các bộ, ngành, địa phương là chủ quản CSDLQG …": what follows "là" describes the body.
_DESCRIBED = re.compile(r"\s+là\s+.*$")


def split_agencies(text: str) -> list[str]:
    """Split a list of agencies written in one field.

    ``"Phòng LĐTB & XH huyện, UBND các xã, thị trấn"`` → two names;
    ``"Phòng Lao động, Thương binh và Xã hội"`` → one name;
    ``"Trưởng phòng HCTC; Kế toán VPUBND tỉnh"`` → two names;
    ``"CVP, Ban Thường vụ Đảng ủy và Tổ biên soạn"`` → three names.
    A list that starts with "Các …" is one collective name.
    """
    text = squash_spaces(text).strip(" .;,")
    text = re.sub(r"\s*(?:\.\.\.|…)+$", "", text).strip(" .;,")
    if not text:
        return []
    names: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        part = part.strip(" .,-–")
        if not part:
            continue
        if _lower(part).startswith("các "):
            names.append(_DESCRIBED.sub("", part))
            continue
        pieces: list[str] = []
        for fragment in re.split(r"\s*,\s*", part):
            fragment = fragment.strip()
            if not fragment:
                continue
            acronyms = bool(pieces) and _ACRONYM.fullmatch(fragment) is not None and (
                _ACRONYM.fullmatch(pieces[-1]) is not None or starts_with_agency(pieces[-1]))
            if pieces and not acronyms and (not starts_with_agency(fragment) or _is_bare_head(fragment)
                                            or _is_bare_head(pieces[-1])):
                pieces[-1] = f"{pieces[-1]}, {fragment}"
            else:
                pieces.append(fragment)
        for piece in pieces:
            if starts_with_agency(piece):
                piece = _DESCRIBED.sub("", piece)
            for run in (_RUN_TOGETHER.split(piece) if re.match(r"(?:Bộ|Sở)\s", piece) else [piece]):
                names.extend(_split_va(run))
    return [re.sub(r"\s*(?:\.\.\.|…)+$", "", n).strip(" .,") for n in names if n.strip(" .,")]


def _split_va(name: str) -> list[str]:
    """Split "A và B" when B is a separate unit ("Ban Thường vụ Đảng ủy và Tổ biên soạn")."""
    parts = re.split(r"\s+và\s+", name)
    if len(parts) == 1:
        return [name]
    out = [parts[0]]
    for part in parts[1:]:
        low = _lower(part) + " "
        prev_low = _lower(out[-1])
        # "Ủy ban MTTQ và các tổ chức chính trị - xã hội thành phố": the place belongs to both, one group.
        shared_place = low.startswith("các tổ chức ") and re.search(
            r"\b(?:thành phố|tỉnh|huyện|thị xã|quận|xã(?!\s+hội)|phường|thị trấn)(?:\s+\S+){0,3}\s*$", low.strip()) is not None
        if (
            not shared_place
            and any(low.startswith(w) for w in _STRONG_AFTER_VA)
            and starts_with_agency(out[-1])
            and not prev_low.endswith(("hđnd", "hội đồng nhân dân"))
            and len(out[-1].split()) >= 2
        ):
            out.append(part)
        else:
            out[-1] = f"{out[-1]} và {part}"
    return out
