"""One agency of the registry (one entry of ``content/co-quan.yml``)."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..text import clean, slugify, squash_spaces
from .names import UNREGISTERED_PREFIX, _ID_ALLOWED, is_valid_id


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
