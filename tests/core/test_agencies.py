"""Tests for the agency registry, name normalisation and resolution (issue 4)."""

from __future__ import annotations

import textwrap
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from plan_portal.core.agencies import (
    Agency,
    Registry,
    Resolution,
    is_generic_group,
    is_valid_id,
    normalize_name,
)
from plan_portal.core.diagnostics import Severity

CONTENT_REGISTRY = Path(__file__).resolve().parents[2] / "content" / "co-quan.yml"

# A small registry shaped like the demo one: two provinces with a locality root each
# (Quảng Ninh > Cẩm Phả, Lai Châu > Phong Thổ, where Huyện ủy and UBND huyện sit under
# different parents), and Bắc Giang without a locality root. "Phòng Nội vụ" and
# "Văn phòng UBND tỉnh" are short names in several localities.
REGISTRY_YAML = textwrap.dedent(
    """\
    - id: tinh-quang-ninh
      name: Tỉnh Quảng Ninh
    - id: ubnd-tinh-quang-ninh
      name: Ủy ban nhân dân tỉnh Quảng Ninh
      short: UBND tỉnh
      parent: tinh-quang-ninh
    - id: vp-ubnd-tinh-quang-ninh
      name: Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh
      short: Văn phòng UBND tỉnh
      parent: ubnd-tinh-quang-ninh
    - id: tp-cam-pha
      name: Thành phố Cẩm Phả
      parent: tinh-quang-ninh
    - id: ubnd-tp-cam-pha
      name: Ủy ban nhân dân thành phố Cẩm Phả
      short: UBND thành phố
      parent: tp-cam-pha
    - id: phong-noi-vu-cam-pha
      name: Phòng Nội vụ thành phố Cẩm Phả
      short: Phòng Nội vụ
      aliases: [Phòng NV]
      parent: ubnd-tp-cam-pha
    - id: phong-vhtt-cam-pha
      name: Phòng Văn hóa và Thông tin thành phố Cẩm Phả
      short: Phòng Văn hóa và Thông tin
      parent: ubnd-tp-cam-pha
    - id: vp-hdnd-ubnd-cam-pha
      name: Văn phòng HĐND và UBND thành phố Cẩm Phả
      short: Văn phòng HĐND và UBND
      parent: ubnd-tp-cam-pha
    - id: phong-ldtbxh-cam-pha
      name: Phòng Lao động, Thương binh và Xã hội thành phố Cẩm Phả
      short: Phòng Lao động, Thương binh và Xã hội
      parent: ubnd-tp-cam-pha
    - id: thanh-uy-cam-pha
      name: Thành ủy Cẩm Phả
      parent: tp-cam-pha
    - id: ban-tuyen-giao-thanh-uy-cam-pha
      name: Ban Tuyên giáo Thành ủy Cẩm Phả
      short: Ban Tuyên giáo Thành ủy
      parent: thanh-uy-cam-pha
    - id: tinh-lai-chau
      name: Tỉnh Lai Châu
    - id: ubnd-tinh-lai-chau
      name: Ủy ban nhân dân tỉnh Lai Châu
      short: UBND tỉnh
      parent: tinh-lai-chau
    - id: vp-ubnd-tinh-lai-chau
      name: Văn phòng Ủy ban nhân dân tỉnh Lai Châu
      short: Văn phòng UBND tỉnh
      parent: ubnd-tinh-lai-chau
    - id: huyen-phong-tho
      name: Huyện Phong Thổ
      parent: tinh-lai-chau
    - id: huyen-uy-phong-tho
      name: Huyện ủy Phong Thổ
      short: Huyện ủy
      parent: huyen-phong-tho
    - id: ban-tuyen-giao-huyen-uy-phong-tho
      name: Ban Tuyên giáo Huyện ủy Phong Thổ
      short: Ban Tuyên giáo Huyện ủy
      parent: huyen-uy-phong-tho
    - id: van-phong-huyen-uy-phong-tho
      name: Văn phòng Huyện ủy Phong Thổ
      short: Văn phòng Huyện ủy
      parent: huyen-uy-phong-tho
    - id: ubnd-huyen-phong-tho
      name: Ủy ban nhân dân huyện Phong Thổ
      short: UBND huyện
      parent: huyen-phong-tho
    - id: phong-noi-vu-phong-tho
      name: Phòng Nội vụ huyện Phong Thổ
      short: Phòng Nội vụ
      parent: ubnd-huyen-phong-tho
    - id: phong-ldtbxh-phong-tho
      name: Phòng Lao động - Thương binh và Xã hội huyện Phong Thổ
      short: Phòng LĐTB&XH
      parent: ubnd-huyen-phong-tho
    - id: vp-hdnd-ubnd-phong-tho
      name: Văn phòng HĐND và UBND huyện Phong Thổ
      short: Văn phòng HĐND - UBND
      parent: ubnd-huyen-phong-tho
    - id: trung-tam-vhttt-phong-tho
      name: Trung tâm Văn hóa, Thể thao và Truyền thông huyện Phong Thổ
      short: Trung tâm Văn hóa, Thể thao và Truyền thông
      aliases:
        - "Trung tâm VH, TT và TT"
      parent: ubnd-huyen-phong-tho
    - id: ubnd-tinh-bac-giang
      name: Ủy ban nhân dân tỉnh Bắc Giang
      short: UBND tỉnh
    - id: vp-ubnd-tinh-bac-giang
      name: Văn phòng Ủy ban nhân dân tỉnh Bắc Giang
      short: Văn phòng UBND tỉnh
      parent: ubnd-tinh-bac-giang
    - id: so-noi-vu-bac-giang
      name: Sở Nội vụ tỉnh Bắc Giang
      short: Sở Nội vụ
      parent: ubnd-tinh-bac-giang
    - id: so-khdt-bac-giang
      name: Sở Kế hoạch và Đầu tư tỉnh Bắc Giang
      short: Sở Kế hoạch và Đầu tư
      parent: ubnd-tinh-bac-giang
    - id: dai-ptth-bac-giang
      name: Đài Phát thanh và Truyền hình tỉnh Bắc Giang
      short: Đài Phát thanh và Truyền hình
      parent: ubnd-tinh-bac-giang
    """
)


@pytest.fixture(scope="module")
def registry() -> Registry:
    loaded, diagnostics = Registry.loads(REGISTRY_YAML)
    assert [d.format() for d in diagnostics] == []
    return loaded


def load_text(tmp_path: Path, text: str) -> tuple[Registry, list]:
    path = tmp_path / "co-quan.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return Registry.load(path)


# --------------------------------------------------------------------------- normalize_name

# Each row: two spellings from the seed plans (left) that must match (right).
SAME = [
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
    ("Sở KHĐT", "Sở Kế hoạch và Đầu tư"),
    ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("VPUBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("VPUB", "Văn phòng Ủy ban nhân dân"),
    ("Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("Đài PT&TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Đài PTTH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Đài Phát thanh Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Phòng LĐTB & XH", "Phòng Lao động, Thương binh và Xã hội"),
    ("Phòng LĐTB&XH", "Phòng Lao động, Thương binh và Xã hội"),
    ("Phòng LĐ-TB&XH", "Phòng Lao động, Thương binh và Xã hội"),
    ("Phòng Lao động Thương binh và xã hội", "Phòng Lao động, Thương binh và Xã hội"),
    ("Văn phòng HĐND- UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"),
    ("Văn phòng HĐND - UBND", "Văn phòng HĐND và UBND"),
    ("Văn Phòng HĐND- UBND huyện,", "Văn phòng HĐND và UBND huyện"),
    ("Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("UBND TP", "Ủy ban nhân dân thành phố"),
    ("UBND Thành phố", "Ủy ban nhân dân thành phố"),
    ("Phòng Tài Chính - Kế hoạch", "Phòng Tài chính - Kế hoạch"),
    ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Phòng Văn hóa, Thông tin", "Phòng Văn hóa và Thông tin"),
    ("TT Tỉnh ủy", "Thường trực Tỉnh ủy"),
    ("TT.Thành ủy", "Thường trực Thành ủy"),
    ("TT HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
    ("TT VH", "Trung tâm Văn hóa"),
    ("Hội đồng TĐKT tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("HĐTĐKT tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("Phòng KT-HT", "Phòng Kinh tế - Hạ tầng"),
    ("phòng QTTV", "Phòng Quản trị - Tài vụ"),
    ("Phòng HCTC", "Phòng Hành chính Tổ chức"),
    ("Ban TVĐU", "Ban Thường vụ Đảng ủy"),
    ("VPHU", "Văn phòng Huyện ủy"),
    ("Đề nghị Ban Tuyên giáo Thành ủy", "Ban Tuyên giáo Thành ủy"),
    ("So Noi vu", "Sở Nội vụ"),
    ("SỞ NỘI VỤ", "Sở Nội vụ"),
    ("  Sở\u00a0Nội   vụ ", "Sở Nội vụ"),
    (unicodedata.normalize("NFD", "Sở Nội vụ"), "Sở Nội vụ"),
    ("Ðài Phát thanh", "Đài Phát thanh"),  # Icelandic Eth from legacy fonts
    ("Nghĩa trang Liệt sỹ", "Nghĩa trang Liệt sĩ"),
    ("Ban Quản lí dự án", "Ban Quản lý dự án"),
    ("Ủy ban", "Uỷ ban"),
    ("Thuỷ lợi", "Thủy lợi"),
]


@pytest.mark.parametrize(("variant", "canonical"), SAME)
def test_normalize_name_unifies_spellings(variant: str, canonical: str) -> None:
    assert normalize_name(variant) == normalize_name(canonical)


# Names that must stay apart.
DIFFERENT = [
    ("UBND tỉnh", "UBND huyện"),
    ("Văn phòng UBND tỉnh", "Văn phòng Tỉnh ủy"),
    ("TT Tỉnh ủy", "Tỉnh ủy"),
    ("TT VH", "Thường trực"),
    ("Phòng Nội vụ", "Sở Nội vụ"),
    ("Sở KH&ĐT", "Sở KH&CN"),
    ("Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa"),
    ("Trung tâm VH, TT và TT", "Trung tâm Văn hóa, Thể thao và Truyền thông"),  # ambiguous "TT": alias it
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_normalize_name_keeps_different_names_apart(left: str, right: str) -> None:
    assert normalize_name(left) != normalize_name(right)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sở KH&ĐT", "so ke hoach dau tu"),
        ("VP UBND tỉnh", "van phong uy ban nhan dan tinh"),
        ("Phòng LĐTB & XH huyện", "phong lao dong thuong binh xa hoi huyen"),
        ("Văn phòng HĐND- UBND", "van phong hoi dong nhan dan uy ban nhan dan"),
        ("TT.Thành ủy", "thuong truc thanh uy"),
        ("Trung tâm VH, TT và TT huyện", "trung tam van hoa tt tt huyen"),
        ("Đài PT&TH tỉnh", "dai phat thanh truyen hinh tinh"),
        ("", ""),
        (" – & , ", ""),
    ],
)
def test_normalize_name_keys(name: str, key: str) -> None:
    assert normalize_name(name) == key


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
vietnamese_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " &-,./()", max_size=40)


@given(vietnamese_text)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_normalize_name_ignores_case_nfc_and_spacing(text: str) -> None:
    key = normalize_name(text)
    assert key == key.strip() and "  " not in key
    assert normalize_name(text.upper()) == key
    assert normalize_name(unicodedata.normalize("NFD", text)) == key
    assert normalize_name("  " + text.replace(" ", "\u00a0 ") + "\t") == key


@given(st.text(max_size=60))
def test_normalize_name_never_raises(text: str) -> None:
    assert isinstance(normalize_name(text), str)


# --------------------------------------------------------------------------- generic groups


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Các đơn vị có liên quan", True),
        ("Các cơ quan, đơn vị có liên quan", True),
        ("các phòng, ban, đơn vị liên quan", True),
        ("Các sở, ban, ngành tỉnh", True),
        ("Các chi, đảng bộ cơ sở", True),
        ("Các phòng, Ban, Trung tâm thuộc Văn phòng", True),
        ("Đơn vị liên quan", True),
        ("Cơ quan, đơn vị liên quan", True),
        ("Tất cả các đơn vị", True),
        ("UBND các phường, xã", False),
        ("Ủy ban nhân dân các phường, xã", False),
        ("MTTQ và các đoàn thể huyện", False),
        ("Phòng Nội vụ", False),
        ("Cà Mau", False),
        ("", False),
    ],
)
def test_is_generic_group(name: str, generic: bool) -> None:
    assert is_generic_group(name) is generic


# --------------------------------------------------------------------------- Agency model


@pytest.mark.parametrize(
    "bad_id", ["../../etc", "Phong-Noi-Vu", "phong noi vu", "", "-a", "a-", "a--b", "phòng", "a_b", "a" * 121]
)
def test_agency_rejects_bad_ids(bad_id: str) -> None:
    assert not is_valid_id(bad_id)
    with pytest.raises(ValidationError):
        Agency(id=bad_id, name="X")


def test_agency_model() -> None:
    agency = Agency(
        id="phong-noi-vu-cam-pha",
        name=" Phòng  Nội vụ thành phố Cẩm Phả ",
        short="Phòng Nội vụ",
        aliases="Phòng NV",  # type: ignore[arg-type]  # one string is accepted as a list
        parent="ubnd-tp-cam-pha",
        line=7,
    )
    assert agency.name == "Phòng Nội vụ thành phố Cẩm Phả"
    assert agency.aliases == ["Phòng NV"]
    assert agency.names == ["Phòng Nội vụ thành phố Cẩm Phả", "Phòng Nội vụ", "Phòng NV"]
    assert agency.registered is True
    dumped = agency.model_dump()
    assert "line" not in dumped and dumped["registered"] is True
    assert "line" not in agency.model_dump_json()
    with pytest.raises(ValidationError):
        Agency(id="a", name="X", nmae="Y")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Agency(id="a", name="  ")
    with pytest.raises(ValidationError):
        Agency(id="a", name="X", parent="../../etc")


def test_unregistered_agency_id() -> None:
    agency = Agency.unregistered("Công ty Điện lực Bắc Giang")
    assert agency.id == "chua-dang-ky-cong-ty-dien-luc-bac-giang"
    assert agency.registered is False and agency.name == "Công ty Điện lực Bắc Giang"
    assert is_valid_id(Agency.unregistered("中文").id)
    assert is_valid_id(Agency.unregistered("").id)


# --------------------------------------------------------------------------- registry navigation


def test_registry_navigation(registry: Registry) -> None:
    assert len(registry) == len(list(registry)) == 28
    assert registry.get("phong-noi-vu-cam-pha").line == 18  # type: ignore[union-attr]
    assert registry.get("nope") is None
    assert "tp-cam-pha" in registry
    assert [a.id for a in registry.children("huyen-phong-tho")] == ["huyen-uy-phong-tho", "ubnd-huyen-phong-tho"]
    assert [a.id for a in registry.ancestors("phong-noi-vu-phong-tho")] == [
        "ubnd-huyen-phong-tho",
        "huyen-phong-tho",
        "tinh-lai-chau",
    ]
    assert registry.ancestors("tinh-lai-chau") == []
    assert registry.root_of("phong-noi-vu-cam-pha").id == "tinh-quang-ninh"  # type: ignore[union-attr]
    assert registry.root_of("tinh-quang-ninh").id == "tinh-quang-ninh"  # type: ignore[union-attr]
    assert [a.id for a in registry.roots()] == ["tinh-quang-ninh", "tinh-lai-chau", "ubnd-tinh-bac-giang"]
    assert [a.id for a in registry.descendants("huyen-uy-phong-tho")] == [
        "ban-tuyen-giao-huyen-uy-phong-tho",
        "van-phong-huyen-uy-phong-tho",
    ]


def test_from_agencies_is_cycle_safe_and_rejects_duplicate_ids() -> None:
    a = Agency(id="a", name="A", parent="b")
    b = Agency(id="b", name="B", parent="a")
    registry = Registry.from_agencies([a, b, Agency(id="c", name="C", parent="missing")])
    assert [x.id for x in registry.ancestors("a")] == ["b"]
    assert registry.root_of("c").id == "c"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        Registry.from_agencies([a, a])


# --------------------------------------------------------------------------- resolution

CAM_PHA = "ubnd-tp-cam-pha"
PHONG_THO = "huyen-uy-phong-tho"  # the Phong Thổ plan is issued by the Huyện ủy
BAC_GIANG = "ubnd-tinh-bac-giang"

RESOLVED = [
    # same short name, different localities
    ("Phòng Nội vụ", CAM_PHA, "phong-noi-vu-cam-pha"),
    ("Phòng Nội vụ", PHONG_THO, "phong-noi-vu-phong-tho"),
    ("Phòng Nội vụ", "phong-vhtt-cam-pha", "phong-noi-vu-cam-pha"),
    ("Phòng Nội vụ", "Ủy ban nhân dân thành phố Cẩm Phả", "phong-noi-vu-cam-pha"),  # issuer given by name
    ("Phòng Nội vụ huyện", PHONG_THO, "phong-noi-vu-phong-tho"),
    ("Phòng Nội vụ huyện", None, "phong-noi-vu-phong-tho"),  # level word "huyện" decides
    ("Phòng NV", None, "phong-noi-vu-cam-pha"),
    ("Văn phòng UBND tỉnh", CAM_PHA, "vp-ubnd-tinh-quang-ninh"),
    ("VP UBND tỉnh", BAC_GIANG, "vp-ubnd-tinh-bac-giang"),
    ("Văn phòng Ủy ban nhân dân tỉnh", PHONG_THO, "vp-ubnd-tinh-lai-chau"),
    ("UBND tỉnh", PHONG_THO, "ubnd-tinh-lai-chau"),
    ("UBND thành phố", "phong-noi-vu-cam-pha", "ubnd-tp-cam-pha"),
    ("Ủy ban nhân dân Thành phố", CAM_PHA, "ubnd-tp-cam-pha"),
    # exact id and full name beat locality
    ("phong-noi-vu-cam-pha", PHONG_THO, "phong-noi-vu-cam-pha"),
    ("Phòng Nội vụ thành phố Cẩm Phả", PHONG_THO, "phong-noi-vu-cam-pha"),
    ("PHÒNG NỘI VỤ HUYỆN PHONG THỔ", CAM_PHA, "phong-noi-vu-phong-tho"),
    # abbreviations and spelling from the seeds
    ("Sở KH&ĐT", BAC_GIANG, "so-khdt-bac-giang"),
    ("Sở kế hoạch và Đầu tư", BAC_GIANG, "so-khdt-bac-giang"),
    ("So Noi vu", BAC_GIANG, "so-noi-vu-bac-giang"),
    ("Đài PT&TH tỉnh", BAC_GIANG, "dai-ptth-bac-giang"),
    ("Đài Phát thanh Truyền hình tỉnh", BAC_GIANG, "dai-ptth-bac-giang"),
    ("Đài Phát thanh và Truyền hình", BAC_GIANG, "dai-ptth-bac-giang"),
    ("Phòng LĐTB & XH huyện", PHONG_THO, "phong-ldtbxh-phong-tho"),
    ("Phòng Lao động, Thương binh và Xã hội", CAM_PHA, "phong-ldtbxh-cam-pha"),
    ("Phòng Lao động Thương binh và xã hội Thành phố", CAM_PHA, "phong-ldtbxh-cam-pha"),
    ("Văn phòng HĐND- UBND", PHONG_THO, "vp-hdnd-ubnd-phong-tho"),
    ("Văn phòng HĐND - UBND huyện", PHONG_THO, "vp-hdnd-ubnd-phong-tho"),
    ("Văn phòng HĐND và UBND Thành phố", CAM_PHA, "vp-hdnd-ubnd-cam-pha"),
    ("Phòng Văn hóa, Thông tin huyện", CAM_PHA, None),  # Cẩm Phả's is not a "huyện" one
    ("Phòng Văn hóa và Thông tin Thành phố", CAM_PHA, "phong-vhtt-cam-pha"),
    ("Trung tâm VH, TT và TT huyện", PHONG_THO, "trung-tam-vhttt-phong-tho"),
    ("Trung tâm văn hóa, thể thao và truyền thông huyện", PHONG_THO, "trung-tam-vhttt-phong-tho"),
    ("Văn phòng Huyện ủy", PHONG_THO, "van-phong-huyen-uy-phong-tho"),
    ("Ban Tuyên giáo Huyện ủy", PHONG_THO, "ban-tuyen-giao-huyen-uy-phong-tho"),
    ("Đề nghị Ban Tuyên giáo Thành ủy", CAM_PHA, "ban-tuyen-giao-thanh-uy-cam-pha"),
    ("Huyện ủy", "ubnd-huyen-phong-tho", "huyen-uy-phong-tho"),
]


@pytest.mark.parametrize(("name", "context", "expected"), RESOLVED)
def test_resolve(registry: Registry, name: str, context: str | None, expected: str | None) -> None:
    result = registry.resolve(name, context)
    if expected is None:
        assert result.status == "unknown"
    else:
        assert (result.status, result.agency.id if result.agency else None) == ("ok", expected)
        diagnostic = result.diagnostic("ke-hoach/a.md", 3, "tasks[0].lead")
        if name == "So Noi vu":  # found, and told to write the diacritics citizens will read
            assert diagnostic is not None and diagnostic.code == "agency-spelling"
        else:
            assert diagnostic is None


def test_resolve_is_cached(registry: Registry) -> None:
    first = registry.resolve("Phòng Nội vụ", CAM_PHA)
    assert registry.resolve("Phòng Nội vụ", CAM_PHA) is first
    assert registry.resolve("Phòng Nội vụ", PHONG_THO) is not first


@pytest.mark.parametrize(
    ("name", "context", "ids"),
    [
        ("Phòng Nội vụ", None, ["phong-noi-vu-cam-pha", "phong-noi-vu-phong-tho"]),
        ("Phòng Nội vụ", BAC_GIANG, ["phong-noi-vu-cam-pha", "phong-noi-vu-phong-tho"]),
        ("Văn phòng UBND tỉnh", None, ["vp-ubnd-tinh-quang-ninh", "vp-ubnd-tinh-lai-chau", "vp-ubnd-tinh-bac-giang"]),
        ("UBND tỉnh", "chua-dang-ky-cong-ty-x", ["ubnd-tinh-quang-ninh", "ubnd-tinh-lai-chau", "ubnd-tinh-bac-giang"]),
    ],
)
def test_resolve_ambiguous(registry: Registry, name: str, context: str | None, ids: list[str]) -> None:
    result = registry.resolve(name, context)
    assert result.status == "ambiguous" and result.agency is None
    assert [a.id for a in result.candidates] == ids


def test_ambiguous_diagnostic(registry: Registry) -> None:
    diagnostic = registry.resolve("Phòng Nội vụ").diagnostic("ke-hoach/2024/a.md", 12, "tasks[3].lead")
    assert diagnostic is not None
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.code == "ambiguous-agency"
    assert (diagnostic.path, diagnostic.line, diagnostic.field, diagnostic.value) == (
        "ke-hoach/2024/a.md",
        12,
        "tasks[3].lead",
        "Phòng Nội vụ",
    )
    assert diagnostic.message == (
        "Tên cơ quan «Phòng Nội vụ» ứng với 2 cơ quan: «Phòng Nội vụ thành phố Cẩm Phả» (phong-noi-vu-cam-pha), "
        "«Phòng Nội vụ huyện Phong Thổ» (phong-noi-vu-phong-tho)"
    )
    assert diagnostic.allowed == "một mã (id) hoặc tên đầy đủ đã đăng ký trong content/co-quan.yml"
    assert diagnostic.suggestion == (
        "Ghi rõ mã (id) hoặc tên đầy đủ, ví dụ `phong-noi-vu-cam-pha` hoặc «Phòng Nội vụ thành phố Cẩm Phả»."
    )


@pytest.mark.parametrize(
    ("context", "suggestion"),
    [
        (
            CAM_PHA,
            "Có phải ý bạn là «Phòng Nội vụ thành phố Cẩm Phả» (phong-noi-vu-cam-pha) hay "
            "«Phòng Nội vụ huyện Phong Thổ» (phong-noi-vu-phong-tho)? Hoặc thêm cơ quan này vào content/co-quan.yml.",
        ),
        (
            PHONG_THO,
            "Có phải ý bạn là «Phòng Nội vụ huyện Phong Thổ» (phong-noi-vu-phong-tho) hay "
            "«Phòng Nội vụ thành phố Cẩm Phả» (phong-noi-vu-cam-pha)? Hoặc thêm cơ quan này vào content/co-quan.yml.",
        ),
    ],
)
def test_unknown_suggests_nearest_locality_first(registry: Registry, context: str, suggestion: str) -> None:
    result = registry.resolve("Phòng Nộivụ", context)
    assert result.status == "unknown"
    assert result.suggestions[:2] == [a.name for a in result.suggested[:2]]
    diagnostic = result.diagnostic("ke-hoach/a.md", 5, "tasks[0].lead")
    assert diagnostic is not None
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.code == "unknown-agency"
    assert diagnostic.message == "Cơ quan «Phòng Nộivụ» chưa có trong danh mục co-quan.yml"
    assert diagnostic.allowed == "một mã (id) hoặc tên đã đăng ký trong content/co-quan.yml"
    assert diagnostic.suggestion == suggestion


def test_unknown_gets_a_page_and_a_warning(registry: Registry) -> None:
    result = registry.resolve("Công ty Điện lực Bắc Giang", BAC_GIANG)
    assert result.status == "unknown" and result.candidates == []
    assert result.agency is not None
    assert (result.agency.id, result.agency.name, result.agency.registered) == (
        "chua-dang-ky-cong-ty-dien-luc-bac-giang",
        "Công ty Điện lực Bắc Giang",
        False,
    )
    diagnostic = result.diagnostic("ke-hoach/bg.md", None, "tasks[4].lead")
    assert diagnostic is not None and diagnostic.severity is Severity.WARNING
    assert diagnostic.format() == (
        "ke-hoach/bg.md: cảnh báo: trường `tasks[4].lead`: Cơ quan «Công ty Điện lực Bắc Giang» chưa có trong "
        "danh mục co-quan.yml — giá trị «Công ty Điện lực Bắc Giang». Cho phép: một mã (id) hoặc tên đã đăng ký "
        "trong content/co-quan.yml. Gợi ý: Thêm cơ quan này vào content/co-quan.yml hoặc ghi đúng tên đã đăng ký."
    )


def test_generic_group_is_not_reported(registry: Registry) -> None:
    result = registry.resolve("Các cơ quan, đơn vị có liên quan", PHONG_THO)
    assert result.status == "unknown" and result.is_generic
    assert result.diagnostic("ke-hoach/pt.md", 9, "tasks[1].support[0]") is None


def test_registered_name_beats_generic_rule() -> None:
    registry = Registry.from_agencies([Agency(id="cac-ban-xd-dang", name="Các Ban Xây dựng Đảng Thành ủy")])
    result = registry.resolve("Các Ban xây dựng Đảng Thành ủy")
    assert result.ok and not result.is_generic


def test_party_and_state_roots_of_one_place_are_one_locality() -> None:
    """The demo registry's shape: Tỉnh ủy and UBND tỉnh are separate roots of one province."""
    registry = Registry.from_agencies(
        [
            Agency(id="ubnd-tinh-lai-chau", name="UBND tỉnh Lai Châu", short="UBND tỉnh"),
            Agency(id="ubnd-huyen-phong-tho", name="UBND huyện Phong Thổ", parent="ubnd-tinh-lai-chau"),
            Agency(
                id="phong-noi-vu-phong-tho",
                name="Phòng Nội vụ huyện Phong Thổ",
                short="Phòng Nội vụ",
                parent="ubnd-huyen-phong-tho",
            ),
            Agency(id="tinh-uy-lai-chau", name="Tỉnh ủy Lai Châu", short="Tỉnh ủy"),
            Agency(id="huyen-uy-phong-tho", name="Huyện ủy Phong Thổ", parent="tinh-uy-lai-chau"),
            Agency(id="ubnd-tinh-quang-ninh", name="UBND tỉnh Quảng Ninh", short="UBND tỉnh"),
            Agency(id="ubnd-tp-cam-pha", name="UBND thành phố Cẩm Phả", parent="ubnd-tinh-quang-ninh"),
            Agency(
                id="phong-noi-vu-cam-pha",
                name="Phòng Nội vụ thành phố Cẩm Phả",
                short="Phòng Nội vụ",
                parent="ubnd-tp-cam-pha",
            ),
        ]
    )
    assert registry.resolve("Phòng Nội vụ", "huyen-uy-phong-tho").agency.id == "phong-noi-vu-phong-tho"  # type: ignore[union-attr]
    assert registry.resolve("UBND tỉnh", "huyen-uy-phong-tho").agency.id == "ubnd-tinh-lai-chau"  # type: ignore[union-attr]
    assert registry.resolve("Phòng Nội vụ", "ubnd-tp-cam-pha").agency.id == "phong-noi-vu-cam-pha"  # type: ignore[union-attr]
    assert registry.resolve("Phòng Nội vụ").status == "ambiguous"


ids = st.sampled_from(
    ["phong-noi-vu-cam-pha", CAM_PHA, PHONG_THO, BAC_GIANG, "tinh-lai-chau", "nope", "chua-dang-ky-x", ""]
)


@given(
    name=st.one_of(st.text(max_size=50), vietnamese_text, st.sampled_from([r[0] for r in RESOLVED])),
    context=st.one_of(st.none(), ids, st.text(max_size=20)),
)
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_resolve_never_raises(registry: Registry, name: str, context: str | None) -> None:
    result = registry.resolve(name, context)
    assert isinstance(result, Resolution)
    assert result.status in {"ok", "unknown", "ambiguous"}
    if result.status == "ambiguous":
        assert result.agency is None and len(result.candidates) >= 2
    else:
        assert result.agency is not None and is_valid_id(result.agency.id)
        assert result.agency.registered is (result.status == "ok")
    result.diagnostic("a.md", 1, "tasks[0].lead")


def test_resolution_scales(registry: Registry) -> None:
    """10,000 plans × 20 tasks against 300 agencies: cached lookups, no scans."""
    agencies = [Agency(id=f"ubnd-huyen-{n}", name=f"Ủy ban nhân dân huyện {n}", short="UBND huyện") for n in range(100)]
    agencies += [
        Agency(id=f"phong-noi-vu-{n}", name=f"Phòng Nội vụ huyện {n}", short="Phòng Nội vụ", parent=f"ubnd-huyen-{n}")
        for n in range(100)
    ]
    agencies += [
        Agency(
            id=f"phong-tckh-{n}",
            name=f"Phòng Tài chính - Kế hoạch huyện {n}",
            short="Phòng TC-KH",
            parent=f"ubnd-huyen-{n}",
        )
        for n in range(100)
    ]
    big = Registry.from_agencies(agencies)
    names = ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "UBND huyện", "Phòng Nọi vụ huyện", "Công ty X"]
    start = time.perf_counter()
    for plan in range(10_000):
        context = f"ubnd-huyen-{plan % 100}"
        for task in range(20):
            big.resolve(names[task % len(names)], context)
    elapsed = time.perf_counter() - start
    assert big.resolve("Phòng Nội vụ", "ubnd-huyen-7").agency.id == "phong-noi-vu-7"  # type: ignore[union-attr]
    assert elapsed < 10, elapsed


# --------------------------------------------------------------------------- Registry.load errors


def codes(diagnostics: list) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in diagnostics]


def test_load_valid_file_with_bom_and_norway_values(tmp_path: Path) -> None:
    path = tmp_path / "co-quan.yml"
    path.write_bytes(
        "\ufeff- id: no\n  name: 2024\n  short: yes\n"
        "- id: b\n  name: Sở Nội vụ\n  parent: no\n  aliases: Sở NV\n".encode()
    )
    registry, diagnostics = Registry.load(path)
    assert diagnostics == []
    assert registry.get("no").name == "2024"  # type: ignore[union-attr]
    assert registry.get("no").short == "yes"  # type: ignore[union-attr]
    assert registry.get("b").aliases == ["Sở NV"]  # type: ignore[union-attr]
    assert registry.get("b").line == 4  # type: ignore[union-attr]


def test_load_missing_file(tmp_path: Path) -> None:
    registry, diagnostics = Registry.load(tmp_path / "co-quan.yml")
    assert len(registry) == 0
    assert [(d.code, d.severity) for d in diagnostics] == [("registry-missing", Severity.WARNING)]


def test_load_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "co-quan.yml"
    path.write_bytes(b"- id: a\n  name: S\xf4\n")
    _, diagnostics = Registry.load(path)
    assert codes(diagnostics) == [("encoding", 2)]


def test_load_empty_file(tmp_path: Path) -> None:
    registry, diagnostics = load_text(tmp_path, "")
    assert len(registry) == 0 and diagnostics == []


def test_load_bad_yaml(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - id: a
          name: A
        - id: b
          name: [Sở Nội vụ
        """,
    )
    assert len(registry) == 0
    assert [d.code for d in diagnostics] == ["yaml"]
    assert diagnostics[0].severity is Severity.ERROR
    assert diagnostics[0].line is not None and diagnostics[0].line >= 4
    assert diagnostics[0].message.startswith("Tệp danh mục cơ quan không đúng cú pháp YAML")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        # the one table of YAML explanations (core/diagnostics.py), shared with the front matter
        ("- id: a\n  name: [x\n", 3, "danh sách mở bằng «[» chưa được đóng bằng «]»"),
        ("- id: a\n\tname: b\n", 2, "có ký tự Tab dùng để thụt lề; YAML chỉ chấp nhận dấu cách"),
        ("- id: a\n  name: a: b\n", 2,
         "dấu «:» xuất hiện ở chỗ không được phép (giá trị có dấu hai chấm cần đặt trong ngoặc kép)"),
        ("- id: a\n  name: \"x\n", 3, "thiếu dấu ngoặc kép đóng"),
        ("- id: a\n name: b\n", 2, "thụt lề không đều"),
    ],
)
def test_load_yaml_problems_in_vietnamese(text: str, line: int, problem: str) -> None:
    _, diagnostics = Registry.loads(text)
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("yaml", line, f"Tệp danh mục cơ quan không đúng cú pháp YAML ({problem})")
    ]


yaml_like = st.lists(
    st.sampled_from(
        ["- ", "  ", "id: ", "name: ", "parent: ", "aliases: ", "a", "b", "[", "]", ":"]
        + ["\n", "\t", "&x ", "*x", '"', "Sở"]
    ),
    max_size=30,
).map("".join)


@given(st.one_of(st.text(max_size=80), yaml_like))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_loads_never_raises(text: str) -> None:
    registry, diagnostics = Registry.loads(text)
    assert all(d.path == "co-quan.yml" for d in diagnostics)
    for agency in registry:
        registry.ancestors(agency.id)


def test_load_top_level_must_be_a_list(tmp_path: Path) -> None:
    _, diagnostics = load_text(tmp_path, "agencies:\n  - id: a\n")
    assert codes(diagnostics) == [("invalid", 1)]


def test_load_duplicate_id(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - id: so-noi-vu
          name: Sở Nội vụ
        - id: so-noi-vu
          name: Sở Nội vụ tỉnh Bắc Giang
        """,
    )
    assert codes(diagnostics) == [("duplicate-id", 3)]
    assert "đã dùng cho «Sở Nội vụ» ở dòng 1" in diagnostics[0].message
    assert registry.get("so-noi-vu").name == "Sở Nội vụ"  # type: ignore[union-attr]


def test_load_unknown_parent(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - id: ubnd-tp-cam-pha
          name: UBND thành phố Cẩm Phả
        - id: phong-noi-vu-cam-pha
          name: Phòng Nội vụ thành phố Cẩm Phả
          parent: ubnd-tp-campha
        """,
    )
    assert codes(diagnostics) == [("unknown-parent", 5)]
    assert diagnostics[0].message == "Cơ quan cấp trên `ubnd-tp-campha` không có trong danh mục"
    assert diagnostics[0].suggestion == "Có phải ý bạn là `ubnd-tp-cam-pha`?"
    assert diagnostics[0].field == "[1].parent"
    assert registry.get("phong-noi-vu-cam-pha").parent is None  # type: ignore[union-attr]


def test_load_cycle(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - id: a
          name: A
          parent: c
        - id: b
          name: B
          parent: a
        - id: c
          name: C
          parent: b
        - id: d
          name: D
          parent: d
        - id: e
          name: E
          parent: a
        """,
    )
    assert codes(diagnostics) == [("parent-cycle", 3), ("parent-cycle", 12)]
    assert diagnostics[0].message == "Quan hệ cấp trên (parent) tạo thành vòng lặp: a → c → b → a"
    assert diagnostics[1].message == "Quan hệ cấp trên (parent) tạo thành vòng lặp: d → d"
    assert [x.id for x in registry.ancestors("e")] == ["a"]
    assert [x.id for x in registry.ancestors("b")] == ["a"]


@pytest.mark.parametrize(
    ("bad", "suggestion"),
    [
        ("../../etc", "Có phải ý bạn là `etc`?"),
        ("Phong-Noi-Vu", "Có phải ý bạn là `phong-noi-vu`?"),
        ('"phòng nội vụ"', "Có phải ý bạn là `phong-noi-vu`?"),
        ("[a, b]", None),
    ],
)
def test_load_bad_id(tmp_path: Path, bad: str, suggestion: str | None) -> None:
    registry, diagnostics = load_text(tmp_path, f"- id: {bad}\n  name: Phòng Nội vụ\n- id: ok\n  name: OK\n")
    assert codes(diagnostics) == [("invalid-id", 1)]
    assert diagnostics[0].suggestion == suggestion
    assert list(registry.agencies) == ["ok"]


def test_load_unknown_key_suggests(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - id: a
          nmae: Sở Nội vụ
        - id: b
          name: Sở Tài chính
          alias: [STC]
          parrent: a
        """,
    )
    assert [(d.code, d.line, d.suggestion) for d in diagnostics] == [
        ("unknown-key", 2, "Có phải ý bạn là `name`?"),
        ("missing", 1, None),
        ("unknown-key", 5, "Có phải ý bạn là `aliases`?"),
        ("unknown-key", 6, "Có phải ý bạn là `parent`?"),
    ]
    assert diagnostics[0].field == "[0].nmae" and diagnostics[0].value == "nmae"
    assert list(registry.agencies) == ["b"]


def test_load_missing_and_wrong_fields(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - name: Sở Nội vụ
        - id: b
        - just a string
        - id: c
          name: C
          name: C2
          short: [x, y]
          aliases: {a: 1}
          parent: ../x
        """,
    )
    assert [(d.code, d.line, d.field) for d in diagnostics] == [
        ("missing", 1, "[0].id"),
        ("missing", 2, "[1].name"),
        ("invalid", 3, "[2]"),
        ("duplicate-key", 6, "[3].name"),
        ("invalid", 7, "[3].short"),
        ("invalid", 8, "[3].aliases"),
        ("invalid-id", 9, "[3].parent"),
    ]
    assert diagnostics[0].suggestion == "Thêm `id: so-noi-vu`."
    agency = registry.get("c")
    assert agency is not None and (agency.name, agency.short, agency.aliases, agency.parent) == ("C", None, [], None)


def test_load_same_name_in_same_parent(tmp_path: Path) -> None:
    registry, diagnostics = load_text(
        tmp_path,
        """\
        - id: ubnd-a
          name: UBND huyện A
          short: UBND huyện
        - id: ubnd-b
          name: UBND huyện B
          short: UBND huyện
        - id: noi-vu-a
          name: Phòng Nội vụ huyện A
          short: Phòng Nội vụ
          parent: ubnd-a
        - id: noi-vu-b
          name: Phòng Nội vụ huyện B
          short: Phòng Nội vụ
          parent: ubnd-b
        - id: noi-vu-a2
          name: Phòng Tổ chức huyện A
          aliases:
            - PHÒNG NỘI VỤ
          parent: ubnd-a
        """,
    )
    # Roots are separate localities: two "UBND huyện" roots are fine.
    assert codes(diagnostics) == [("duplicate-name", 18)]
    assert diagnostics[0].message == (
        "Tên «PHÒNG NỘI VỤ» trùng với «Phòng Nội vụ» của `noi-vu-a` (dòng 7), cùng cơ quan cấp trên `ubnd-a`"
    )
    assert registry.resolve("Phòng Nội vụ", "ubnd-a").status == "ambiguous"
    assert registry.resolve("Phòng Nội vụ", "ubnd-b").agency.id == "noi-vu-b"  # type: ignore[union-attr]


def test_load_every_diagnostic_formats(tmp_path: Path) -> None:
    _, diagnostics = load_text(tmp_path, "- id: ../x\n  nmae: y\n  parent: q\n")
    for diagnostic in diagnostics:
        assert diagnostic.format().startswith("co-quan.yml:")


# --------------------------------------------------------------------------- the demo registry


needs_content_registry = pytest.mark.skipif(not CONTENT_REGISTRY.exists(), reason="no content/co-quan.yml")


@needs_content_registry
def test_content_registry_loads_cleanly() -> None:
    registry, diagnostics = Registry.load(CONTENT_REGISTRY, "co-quan.yml")
    assert [d.format() for d in diagnostics] == []
    assert len(registry) > 0


# The cases issue 4 names, against the demo registry: (name as written, issuer as written, id).
DEMO_CASES = [
    ("Phòng Nội vụ", "UBND thành phố Cẩm Phả", "phong-noi-vu-cam-pha"),
    ("Phòng Nội vụ", "Huyện ủy Phong Thổ", "phong-noi-vu-phong-tho"),
    ("Phòng Nội vụ huyện", "Huyện ủy Phong Thổ", "phong-noi-vu-phong-tho"),
    ("UBND huyện", "Huyện ủy Phong Thổ", "ubnd-huyen-phong-tho"),
    ("Sở VHTTDL", "Văn phòng UBND tỉnh Hưng Yên", "so-vhttdl-hung-yen"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Văn phòng UBND tỉnh Hưng Yên", "so-vhttdl-hung-yen"),
    ("VP UBND tỉnh", "UBND tỉnh Bắc Giang", "van-phong-ubnd-tinh-bac-giang"),
    ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh Hưng Yên", "van-phong-ubnd-tinh-hung-yen"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh Quảng Ngãi", "van-phong-ubnd-tinh-quang-ngai"),
    ("Sở KH&ĐT", "UBND tỉnh Bắc Giang", "so-khdt-bac-giang"),
    ("Đài PT&TH tỉnh", "UBND tỉnh Bắc Giang", "dai-ptth-bac-giang"),
    ("Phòng LĐTB & XH huyện", "Huyện ủy Phong Thổ", "phong-ldtbxh-phong-tho"),
    ("Văn phòng HĐND- UBND", "Huyện ủy Phong Thổ", "van-phong-hdnd-ubnd-phong-tho"),
    ("Văn phòng HĐND và UBND Thành phố", "UBND thành phố Cẩm Phả", "van-phong-hdnd-ubnd-cam-pha"),
    ("Trung tâm VH, TT và TT huyện", "Huyện ủy Phong Thổ", "trung-tam-vh-tt-tt-phong-tho"),
    ("phòng QTTV", "Văn phòng UBND tỉnh Quảng Ngãi", "phong-qttv-vpub-quang-ngai"),
]


@needs_content_registry
@pytest.mark.parametrize(("name", "issuer", "expected"), DEMO_CASES)
def test_content_registry_resolves_issue_cases(name: str, issuer: str, expected: str) -> None:
    registry, _ = Registry.load(CONTENT_REGISTRY, "co-quan.yml")
    context = registry.resolve(issuer)
    assert context.ok, issuer
    result = registry.resolve(name, context.agency.id)  # type: ignore[union-attr]
    assert (result.status, result.agency.id if result.agency else None) == ("ok", expected)


# --------------------------------------------------------------------------- spelling of matched names

from plan_portal.core.agencies import misspelled_words, respell  # noqa: E402

_PNV = Agency(id="pnv", name="Phòng Nội vụ thành phố Cẩm Phả", short="Phòng Nội vụ", aliases=["Phòng NV"])
_SVH = Agency(id="svh", name="Sở Văn hóa, Thể thao và Du lịch tỉnh Hưng Yên", short="Sở Văn hoá, Thể thao và Du lịch")
_UB = Agency(id="ub", name="Ủy ban nhân dân tỉnh Quảng Ninh", short="UBND tỉnh Quảng Ninh")


@pytest.mark.parametrize(
    ("written", "agency", "expected", "fixed"),
    [
        ("Phòng Nội vụ", _PNV, [], None),
        ("phòng nội vụ", _PNV, [], None),  # case is not spelling
        ("PHÒNG NỘI VỤ", _PNV, [], None),
        ("Phòng NV", _PNV, [], None),  # abbreviations are left alone
        ("Phòng Nội vụ TP Cẩm Phả", _PNV, [], None),
        ("Phòng Nọi vụ", _PNV, [("Nọi", "Nội")], "Phòng Nội vụ"),
        ("Phong Noi vu", _PNV, [("Phong", "Phòng"), ("Noi", "Nội"), ("vu", "vụ")], "Phòng Nội vụ"),
        ("Phòng Nội vụ thành phố Cẩm Pha", _PNV, [("Pha", "Phả")], "Phòng Nội vụ thành phố Cẩm Phả"),
        ("Sở Văn hoá, Thể thao và Du lịch", _SVH, [], None),  # new tone placement: both are right
        ("Sở Văn hóa, Thể thao và Du lịch", _SVH, [], None),
        ("Sở VHTTDL", _SVH, [], None),
        ("Sở Văn hoa, Thể thao và Du lich", _SVH, [("hoa", "hóa"), ("lich", "lịch")], "Sở Văn hóa, Thể thao và Du lịch"),
        ("Uỷ ban nhân dân tỉnh Quảng Ninh", _UB, [], None),  # "Uỷ"/"Ủy"
        ("UBND tinh Quang Ninh", _UB, [("tinh", "tỉnh"), ("Quang", "Quảng")], "UBND tỉnh Quảng Ninh"),
        ("Ủy ban nhân dân tỉnh Quảng Ninh".replace("Ủ", "U\u0309"), _UB, [], None),  # NFD
    ],
)
def test_misspelled_words_of_a_matched_name(written, agency, expected, fixed):
    found = misspelled_words(written, agency)
    assert found == expected
    if fixed is not None:
        assert respell(written, found) == fixed


def test_a_misspelt_name_resolves_and_is_reported_once_per_place():
    registry = Registry.from_agencies([_UB.model_copy(update={"id": "ubnd-qn"}), _PNV.model_copy(update={"parent": "ubnd-qn"})])
    resolution = registry.resolve("Phòng Nọi vụ", "ubnd-qn")
    assert resolution.ok and resolution.agency.id == "pnv"
    diagnostic = resolution.diagnostic("a.md", 7, "tasks[0].lead[0]")
    assert diagnostic.severity is Severity.WARNING and diagnostic.code == "agency-spelling"
    assert "«Nọi» (danh mục viết «Nội»)" in diagnostic.message and "Sửa thành «Phòng Nội vụ»" in diagnostic.suggestion
    assert registry.resolve("Phòng Nội vụ", "ubnd-qn").diagnostic("a.md", 7, "x") is None
