"""Phase 4: where the body ends, «Nơi nhận» and the signature block."""

from __future__ import annotations

import re
from typing import Any

from plan_portal.core.text import fold, squash_spaces

from .. import names as nm
from ..structure import is_upper
from .base import Base
from .patterns import (
    _AUTHORITY,
    _NOI_NHAN,
    _SIGN_NOISE,
    _closing,
)


# A signer's title written in title case ("Phó Thủ Tướng", "Giám Đốc").
_TITLE_WORDS = re.compile(
    r"^(?:pho\s+)?(?:thu tuong|chu tich|giam doc|tong giam doc|bo truong|thu truong|bi thu|truong ban|"
    r"chanh van phong|truong phong|cuc truong|vu truong|chu nhiem|vien truong|hieu truong)\b"
)


class TailMixin(Base):
    """Reads the end of the document."""

    def _body_end(self, start: int, end: int) -> tuple[int, int]:
        """Where the body stops (Nơi nhận or the signature) and where the tail starts."""
        items = self.items
        # An annex ("PHỤ LỤC II / DANH MỤC CÁC NHIỆM VỤ …") is never body, even after an unsigned plan.
        end = next((it.index for it in items[start + 1:end] if it.table is None and not it.numbered
                    and re.match(r"^PHỤ LỤC\b", it.plain) and is_upper(it.plain)), end)
        for it in items[start:end]:
            if it.table is None and _NOI_NHAN.match(fold(it.plain).replace("ơ", "o")):
                # The signature may come before "Nơi nhận" in flattened text: stop at the closing line.
                return self._trim_signature(start, it.index), it.index
        closing = None
        for it in items[start:end]:
            if _closing(it):
                closing = it.index
        if closing is not None:
            return closing + 1, closing + 1
        trimmed = self._trim_signature(start, end)
        return trimmed, trimmed

    def _trim_signature(self, start: int, end: int) -> int:
        """Move ``end`` back over a signature block (authority, title in capitals, a name)."""
        index = end
        while index - 1 > start:
            it = self.items[index - 1]
            text = it.plain
            if it.table is None and (
                _AUTHORITY.match(text) or (is_upper(text) and len(text) < 60 and not it.numbered)
                or _SIGN_NOISE.match(text) or self._looks_like_person(text)
            ) and not _closing(it):
                index -= 1
                continue
            break
        return index

    @staticmethod
    def _looks_like_person(text: str) -> bool:
        words = text.split()
        return (
            2 <= len(words) <= 5
            and all(w[:1].isupper() for w in words)
            and not re.search(r"[\d:;,.()]", text)
            and not nm.starts_with_agency(text)
        )

    def _has_tail(self, indexes: list[int]) -> bool:
        """A "Nơi nhận" list or a signature ("KT. CHỦ TỊCH") among ``indexes``."""
        return any(
            _NOI_NHAN.match(fold(self.items[i].plain)) or _AUTHORITY.match(self.items[i].plain)
            for i in indexes if self.items[i].table is None
        )

    def _tail(self, indexes: list[int]) -> tuple[list[str], dict[str, Any] | None]:
        recipients: list[str] = []
        signer_lines: list[str] = []
        in_list = False
        for i in indexes:
            it = self.items[i]
            if it.table is not None:
                continue
            text = it.plain.strip()
            folded = fold(text)
            if _NOI_NHAN.match(folded):
                in_list = True
                rest = re.sub(r"^[^:]*:\s*", "", text) if ":" in text else ""
                if rest:
                    recipients.append(rest)
                continue
            if in_list:
                is_signature = bool(_AUTHORITY.match(text)) or (is_upper(text) and not it.is_bullet) or (
                    not it.is_bullet and self._looks_like_person(text)
                )
                if not is_signature and (it.is_bullet or text.endswith((";", ",", ".")) or not recipients
                                         or text[:1].islower()):
                    recipients.append(it.body_plain if it.is_bullet else text)
                    continue
                in_list = False
            if _closing(it):
                continue
            signer_lines.append(text)
        recipients = [squash_spaces(r).rstrip(" ;,.") for r in recipients]
        recipients = [r for r in recipients if r]
        if not recipients:
            self.note(("recipients",), "Không tìm thấy danh sách «Nơi nhận».")
        return recipients, self._signer(signer_lines)

    def _signer(self, lines: list[str]) -> dict[str, Any] | None:
        authority = None
        title = None
        name = None
        on_behalf = None
        for raw in lines:
            text = raw.strip(" *")
            if not text or _SIGN_NOISE.match(text) or re.fullmatch(r"[-_=*. ]+", text):
                continue
            if is_upper(text) and len(text) > 60 or text.startswith("(") or re.match(r"^(?:\d+|[IVX]+)\.\s", text):
                break  # past the signature: an attached plan's title, its "(Ban hành kèm theo …)", its parts
            match = _AUTHORITY.match(text)
            if match and is_upper(match.group(2) or match.group(4) or "XX"):
                letters = re.sub(r"[^A-Z]", "", (match.group(1) or match.group(3)).upper())
                authority = {"KT": "KT.", "TM": "TM.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}.get(letters)
                on_behalf = (match.group(2) or match.group(4) or "").strip()
                title = None
                continue
            if is_upper(text) and name is None and not (title and self._looks_like_person(text.title())):
                title = text
                continue
            if name is None and _TITLE_WORDS.match(fold(text)) and len(text.split()) <= 6:
                title = text  # "Phó Thủ Tướng" in title case is the title, not the signer's name
                continue
            if name is None and (self._looks_like_person(text) or is_upper(text)):
                name = nm.case_person(text)
        if title is None and on_behalf and authority not in ("KT.", "TM."):
            title = on_behalf  # "TL. CHỦ TỊCH" alone; after "KT." the signer is a deputy, after "TM." unknown
        if authority is None and title is None and name is None:
            self.note(("signer",), "Không tìm thấy phần chữ ký (chức vụ, họ tên người ký).")
            return None
        signer: dict[str, Any] = {}
        if authority:
            # The model's form: the prefix and the office signed for, "KT. Chủ tịch".
            signer["authority"] = f"{authority} {nm.case_title(on_behalf)}" if on_behalf else authority
            if not on_behalf:
                self.note(("signer",), f"Dòng thẩm quyền «{authority}» không ghi chức vụ được ký thay.")
        if title:
            signer["title"] = nm.case_title(title)
        else:
            self.note(("signer",), "Không thấy chức vụ người ký.")
        if name:
            signer["name"] = name
        else:
            self.note(("signer",), "Không thấy họ tên người ký (văn bản chỉ có chức vụ) — cần điền.")
        return signer
