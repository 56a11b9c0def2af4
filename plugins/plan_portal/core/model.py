"""The typed model of a plan: the single source of truth.

The same pydantic classes validate editors' front matter, generate the JSON
Schema given to editors (``plan-portal schema``), serialise the JSON exports and
feed the templates. Field descriptions are Vietnamese because editors read them in
their editor's completion popups.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    computed_field,
    field_validator,
)

# The field types live in fields.py; FIELD_LABELS stays importable from here too.
from .fields import FIELD_LABELS, AgencyNames, Day, PeriodField, Text, _title  # noqa: F401
from .taskids import task_keys
from .urls import file_url, task_anchor

__all__ = [
    "AUTHORITIES",
    "Attachment",
    "BasisRef",
    "Event",
    "Lifecycle",
    "Plan",
    "PlanState",
    "PeriodField",
    "Relation",
    "Signer",
    "Status",
    "Task",
    "Text",
    "Update",
    "UpdateStatus",
]

AUTHORITIES = ("KT.", "TM.", "TL.", "TUQ.", "Q.")


class Status(str, Enum):
    """Trạng thái của một nhiệm vụ."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class UpdateStatus(str, Enum):
    """Tình hình thực hiện được báo cáo: in_progress (đang thực hiện), done (hoàn thành), cancelled (dừng hoặc hủy)."""

    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class PlanState(str, Enum):
    """Tình trạng của kế hoạch: active (đang thực hiện), ended (đã kết thúc), replaced (được thay thế), annulled (bị bãi bỏ)."""

    ACTIVE = "active"
    ENDED = "ended"
    REPLACED = "replaced"
    ANNULLED = "annulled"


class Relation(str, Enum):
    """Quan hệ với văn bản căn cứ."""

    IMPLEMENTS = "implements"
    BASED_ON = "based_on"


class _Model(BaseModel):
    """(Properties below read private attributes from ``__pydantic_private__`` directly: ``self._x`` goes through
    ``BaseModel.__getattr__``, ~1 µs, and they are read hundreds of thousands of times a build; issue 17.)"""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, field_title_generator=_title)


class Signer(_Model):
    """Người ký văn bản."""

    authority: Text | None = Field(
        None,
        description="Dòng thẩm quyền ký, bắt đầu bằng KT. (ký thay), TM. (thay mặt), TL. (thừa lệnh), "
        "TUQ. (thừa ủy quyền) hoặc Q. (quyền), ví dụ «KT. Chủ tịch».",
        json_schema_extra={"pattern": "^([Kk][Tt]|[Tt][Mm]|[Tt][Ll]|[Tt][Uu][Qq]|[Qq])\\.?\\s"},
    )
    title: Text = Field(description="Chức vụ người ký, ví dụ «Phó Chủ tịch».")
    name: Text = Field(description="Họ và tên người ký.")

    @field_validator("authority", mode="after")
    @classmethod
    def _authority(cls, value: str | None) -> str | None:
        if value is None:
            return value
        head, _, rest = value.partition(" ")
        prefix = head.rstrip(".").upper() + "."
        if prefix not in AUTHORITIES or not rest.strip():
            raise ValueError("dòng thẩm quyền phải bắt đầu bằng KT., TM., TL., TUQ. hoặc Q. rồi đến chức vụ, ví dụ «KT. Chủ tịch»")
        return f"{prefix} {rest.strip()}"

    @property
    def authority_prefix(self) -> str:
        return self.authority.split(" ", 1)[0] if self.authority else ""


class BasisRef(_Model):
    """Một văn bản mà kế hoạch này căn cứ hoặc thực hiện."""

    number: Text | None = Field(None, description="Số, ký hiệu của văn bản căn cứ, ví dụ «19/KH-UBND».")
    issued: PeriodField | None = Field(None, description="Ngày ban hành văn bản căn cứ.")
    issuer: Text | None = Field(None, description="Cơ quan ban hành văn bản căn cứ.")
    relation: Relation = Field(
        Relation.BASED_ON, description="implements: kế hoạch này thực hiện văn bản đó; based_on: căn cứ vào văn bản đó."
    )
    title: Text | None = Field(None, description="Tên hoặc trích yếu của văn bản căn cứ.")


class Update(_Model):
    """Một lần cập nhật kết quả thực hiện nhiệm vụ (ghi ngày, tình hình, văn bản nguồn)."""

    date: Day = Field(description="Ngày của thông tin: ngày hoàn thành, ngày báo cáo hoặc ngày gia hạn, ví dụ 2024-03-15.")
    status: UpdateStatus | None = Field(
        None, description="in_progress (đang thực hiện) | done (hoàn thành) | cancelled (dừng hoặc hủy; ghi lý do ở «note»)."
    )
    percent: int | None = Field(None, ge=0, le=100, description="Tỷ lệ hoàn thành, từ 0 đến 100 (nếu có).")
    note: Text | None = Field(None, description="Ghi chú ngắn: kết quả đạt được, lý do dừng hoặc hủy, lý do gia hạn.")
    source: Text | None = Field(None, description="Văn bản nguồn của thông tin, ví dụ «Báo cáo số 12/BC-UBND ngày 15/3/2024».")
    due: PeriodField | None = Field(
        None, description="Gia hạn: thời hạn mới của nhiệm vụ (thời hạn ban đầu vẫn được hiển thị). Ghi rõ văn bản gia hạn ở «source»."
    )


class Lifecycle(_Model):
    """Tình trạng của kế hoạch sau khi ban hành."""

    state: PlanState = Field(
        PlanState.ACTIVE,
        description="active (đang thực hiện) | ended (đã kết thúc) | replaced (được thay thế) | annulled (bị bãi bỏ).",
    )
    date: Day | None = Field(None, description="Ngày kết thúc, thay thế hoặc bãi bỏ.")
    report: Text | None = Field(None, description="Số, ký hiệu của báo cáo tổng kết (nếu có), ví dụ «25/BC-UBND».")
    replaced_by: Text | None = Field(None, description="Số, ký hiệu của kế hoạch thay thế, ví dụ «12/KH-UBND».")
    note: Text | None = Field(None, description="Lý do hoặc căn cứ: vì sao kế hoạch kết thúc, bị thay thế hoặc bãi bỏ.")


class Task(_Model):
    """Một nhiệm vụ được giao."""

    id: Text | None = Field(
        None,
        description="Số hiệu của nhiệm vụ theo văn bản, ví dụ «II.3.1». Bỏ trống thì cổng tự tạo mã từ nội dung nhiệm vụ.",
    )
    title: Text = Field(description="Nội dung nhiệm vụ.")
    lead: AgencyNames = Field(default_factory=list, description="Cơ quan chủ trì: một tên hoặc danh sách.")
    support: AgencyNames = Field(default_factory=list, description="Cơ quan phối hợp.")
    due: PeriodField | None = Field(None, description="Thời hạn, ghi như văn bản: «trước 25/3/2023», «Quý III/2024».")
    status: Status = Field(Status.PLANNED, description="planned | in_progress | done | cancelled")
    updates: list[Update] = Field(
        default_factory=list, description="Các lần cập nhật kết quả, theo thứ tự ngày: tình hình, tỷ lệ, gia hạn, văn bản nguồn."
    )

    _index: int = PrivateAttr(0)
    _key: str = PrivateAttr("")

    @property
    def index(self) -> int:
        """0-based position in its plan."""
        return self.__pydantic_private__["_index"]  # type: ignore[index]

    @property
    def key(self) -> str:
        """Stable id within its plan, safe in URLs: ``ii-3-1`` or one made from the task's words."""
        return self.__pydantic_private__["_key"]  # type: ignore[index]

    @property
    def anchor(self) -> str:
        """The task's anchor on its plan page: ``nv-ii-3-1``."""
        return task_anchor(self.__pydantic_private__["_key"])  # type: ignore[index]

    @property
    def label_id(self) -> str:
        """The id as shown: the document's own numbering, else the generated key."""
        return self.id or self.__pydantic_private__["_key"]  # type: ignore[index]

    @property
    def done(self) -> bool:
        return self.status is Status.DONE


class Event(_Model):
    """Một sự kiện: lễ kỷ niệm, hội nghị…"""

    title: Text = Field(description="Tên sự kiện.")
    start: PeriodField = Field(description="Thời gian bắt đầu: «2024-10-29 07:30» hoặc «29/10/2024».")
    end: PeriodField | None = Field(None, description="Thời gian kết thúc (nếu có).")
    place: Text | None = Field(None, description="Địa điểm.")
    attendees: int | None = Field(None, ge=1, description="Số đại biểu dự kiến.")

    _index: int = PrivateAttr(0)

    @property
    def index(self) -> int:
        return self.__pydantic_private__["_index"]  # type: ignore[index]


class Attachment(_Model):
    """Một tệp đính kèm của kế hoạch: bản ký số, bản Word, phụ lục… Được đăng nguyên văn để tải về."""

    file: Text = Field(
        description="Đường dẫn tệp tính từ thư mục nội dung, ví dụ «ke-hoach/2023/48-kh-ubnd.pdf». Tệp phải nằm "
        "trong thư mục nội dung; chỉ nhận PDF, Word, Excel, OpenDocument, ZIP và ảnh JPEG, PNG.",
    )
    title: Text | None = Field(None, description="Tên hiển thị, ví dụ «Văn bản có chữ ký số». Bỏ trống thì dùng tên tệp.")
    kind: Text | None = Field(None, description="Loại tệp đính kèm, ví dụ «bản ký số», «dự thảo», «phụ lục».")

    # Set when the file is found in the content folder (core/attachments.py); else the file is not linked.
    _rel: str | None = PrivateAttr(None)
    _size: int | None = PrivateAttr(None)

    @computed_field(title="Địa chỉ tải về", description="Địa chỉ của tệp, tương đối với gốc trang web.")  # type: ignore[prop-decorator]
    @property
    def url(self) -> str | None:
        return file_url(self._rel) if self._rel is not None else None

    @computed_field(title="Tên", description="Tên hiển thị của tệp.")  # type: ignore[prop-decorator]
    @property
    def name(self) -> str:
        return self.title or self.file.rsplit("/", 1)[-1]

    @computed_field(title="Định dạng", description="Định dạng tệp theo đuôi tệp, ví dụ «PDF», «Word».")  # type: ignore[prop-decorator]
    @property
    def type(self) -> str:
        from .attachments import file_type

        return file_type(self.file) or ""

    @computed_field(title="Dung lượng (byte)", description="Dung lượng tệp, tính bằng byte.")  # type: ignore[prop-decorator]
    @property
    def size(self) -> int | None:
        return self._size

    @property
    def published(self) -> bool:
        """Whether the file was found, safe, and is linked."""
        return self._rel is not None

    @property
    def size_label(self) -> str:
        from .attachments import human_size

        return human_size(self._size) if self._size is not None else ""


class _Document(_Model):
    """A signed document published as a page of its own (a plan, a report): where its source is, where its
    page goes, and its page title. ``doc_type``, ``number`` and ``summary`` are the subclasses' fields."""

    # Set by the loaders; not part of the front matter.
    _path: str = PrivateAttr("")
    _url: str = PrivateAttr("")

    @property
    def path(self) -> str:
        """Source file relative to the content folder."""
        return self.__pydantic_private__["_path"]  # type: ignore[index]

    @property
    def url(self) -> str:
        """Site-relative URL of the document's page, e.g. ``ke-hoach/2023/48-kh-ubnd/``."""
        return self.__pydantic_private__["_url"]  # type: ignore[index]

    @property
    def title(self) -> str:
        """A page title: "Kế hoạch 48/KH-UBND" or the doc type and summary when there is no number."""
        number, doc_type = getattr(self, "number", None), getattr(self, "doc_type", "")
        return f"{doc_type} {number}" if number else f"{doc_type} {getattr(self, 'summary', '')}"


class Plan(_Document):
    """Phần khai báo (front matter) của một kế hoạch."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        field_title_generator=_title,
        title="Kế hoạch",
        json_schema_extra={"description": "Phần khai báo đầu tệp của một kế hoạch trên Cổng kế hoạch."},
    )

    doc_type: Text = Field("Kế hoạch", description="Tên loại văn bản.")
    number: Text | None = Field(None, description="Số, ký hiệu, ví dụ «48/KH-UBND». Bỏ trống nếu văn bản không có số.")
    issued: PeriodField = Field(description="Ngày ban hành, ví dụ 2023-02-20.")
    place: Text | None = Field(None, description="Địa danh, ví dụ «Cẩm Phả».")
    issuer: Text = Field(description="Cơ quan ban hành: mã (id) hoặc tên trong danh mục cơ quan.")
    summary: Text = Field(description="Trích yếu nội dung.")
    signer: Signer | None = Field(None, description="Người ký.")
    special: AgencyNames = Field(
        default_factory=list, description="Chuyên trang mà kế hoạch thuộc về (mã thư mục trong content/chuyen-trang/)."
    )
    basis: list[BasisRef] = Field(default_factory=list, description="Căn cứ / thực hiện.")
    recipients: list[Text] = Field(default_factory=list, description="Nơi nhận.")
    tasks: list[Task] = Field(default_factory=list, description="Các nhiệm vụ.")
    events: list[Event] = Field(default_factory=list, description="Các sự kiện.")
    issuer_kind: Literal["state", "party"] | None = Field(
        None,
        description="Loại cơ quan ban hành, quyết định phần đầu văn bản: «state» (cơ quan nhà nước: Quốc hiệu, "
        "Tiêu ngữ) hoặc «party» (cơ quan của Đảng: «ĐẢNG CỘNG SẢN VIỆT NAM»). Bỏ trống để lấy theo danh mục cơ quan.",
    )
    lifecycle: Lifecycle | None = Field(
        None,
        description="Tình trạng sau khi ban hành: đã kết thúc, được thay thế hoặc bị bãi bỏ. Bỏ trống khi kế hoạch "
        "đang được thực hiện.",
    )
    attachments: list[Attachment] = Field(
        default_factory=list,
        description="Tệp đính kèm để người đọc tải về: văn bản có chữ ký số (PDF), bản Word, phụ lục.",
    )

    # Set by the loader and the catalog; not part of the front matter.
    _slug: str = PrivateAttr("")

    def model_post_init(self, __context: Any) -> None:
        for i, task in enumerate(self.tasks):
            task._index = i
        for task, key in zip(self.tasks, task_keys(self.tasks)):
            task._key = key
        for i, event in enumerate(self.events):
            event._index = i

    @property
    def slug(self) -> str:
        return self.__pydantic_private__["_slug"]  # type: ignore[index]

    @property
    def year(self) -> int | None:
        day = self.issued.start or self.issued.end
        return day.year if day else None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Newest first when sorted in reverse: by issue date, then number and path for stability."""
        day = self.issued.start or self.issued.end or date.min
        return (day, self.number or "", self._path)
