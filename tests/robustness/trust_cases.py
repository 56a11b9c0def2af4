"""Corpus cases of issue 13 (trust): files outside the content folder, markup in every page kind,
plans that used to vanish, implausible values. Added to :data:`corpus.CASES`.

Symbolic links are written with :class:`corpus.Link`; their targets in :data:`OUTSIDE` live next to
the content folder (``../ngoai/``) and each holds :data:`MARKER`, which must never reach the site.
"""

from __future__ import annotations

from corpus import Case, Link, plan

#: A string found only in files outside the content folder: grep the built site for it.
MARKER = "NGOAI-THU-MUC-NOI-DUNG-7f3a9c"

#: Files written next to the content folder (``<content>/../ngoai/…``), never published.
OUTSIDE = {
    "bi-mat.txt": f"mật khẩu {MARKER}\n",
    "bi-mat.md": f"---\nnumber: 1/KH-UBND\nissued: 2023-03-01\nissuer: UBND thành phố Cẩm Phả\nsummary: {MARKER}\n---\n"
    f"Toàn văn {MARKER}\n",
    "anh.jpg": f"JFIF {MARKER}",
    "thu-muc/ghi-chu.md": f"---\ntitle: {MARKER}\n---\n{MARKER}\n",
    "thu-muc/tep.pdf": f"%PDF {MARKER}",
}

_BANNER_SECTION = "---\ntitle: Kỷ niệm có băng rôn\nbanner: bang-ron.jpg\nanniversaries:\n" \
    "  - {label: Ngày thành lập, since: 1963-10-30, on: 2023-10-30}\n---\nGiới thiệu.\n"

CASES = [
    Case(
        "symlink-file-outside",
        "links to files outside the content folder: an attachment, a plan (.md), a chuyên trang banner",
        {
            "ke-hoach/loi/tai-lieu.pdf": Link("@bi-mat.txt"),
            "ke-hoach/loi/lien-ket.md": Link("@bi-mat.md"),
            "ke-hoach/loi/dinh-kem.md": plan(summary="Kế hoạch có tệp đính kèm", body="[Tải tệp](tai-lieu.pdf)\n"),
            "chuyen-trang/co-bang-ron/index.md": _BANNER_SECTION,
            "chuyen-trang/co-bang-ron/bang-ron.jpg": Link("@anh.jpg"),
        },
        pages=("ke-hoach/loi/dinh-kem/", "chuyen-trang/co-bang-ron/"),
        dropped=("ke-hoach/loi/lien-ket.md",),
    ),
    Case(
        "symlink-folder-outside",
        "links to a folder outside the content folder, in the plans folder and in a chuyên trang",
        {
            "ke-hoach/ngoai": Link("@thu-muc"),
            "chuyen-trang/ky-niem-60-nam/tai-lieu": Link("@thu-muc"),
        },
        dropped=("ke-hoach/ngoai",),
    ),
    Case(
        "symlink-inside",
        "links that stay inside the content folder are published like the files they point at; a loop is refused",
        {
            "ke-hoach/loi/anh-that.jpg": "JFIF ảnh thật",
            "ke-hoach/loi/anh.jpg": Link("ke-hoach/loi/anh-that.jpg"),
            "ke-hoach/loi/co-anh.md": plan(summary="Kế hoạch có ảnh", body="![Ảnh](anh.jpg)\n"),
            "ke-hoach/loi/vong": Link("ke-hoach/loi"),
            "ke-hoach/loi/hong.pdf": Link("ke-hoach/loi/khong-co.pdf"),
        },
        pages=("ke-hoach/loi/co-anh/",),
    ),
    Case(
        "dotdot-references",
        "relative links and images that climb out of the content folder with ../",
        {
            "ke-hoach/loi/leo-ra-ngoai.md": plan(
                summary="Kế hoạch có liên kết ra ngoài",
                body="![Ảnh](../../../ngoai/anh.jpg)\n\n[Mật khẩu](../../../../../../etc/passwd)\n\n"
                "<a href=\"../../../ngoai/bi-mat.txt\">tệp</a>\n\n[Đúng](../2023/48-kh-ubnd-cam-pha.md)\n"),
        },
        pages=("ke-hoach/loi/leo-ra-ngoai/",),
    ),
    Case(
        "agency-intro-markup",
        "an agency introduction (co-quan/<id>.md) with <script>, a javascript: link and an <iframe>",
        {
            "co-quan/phong-noi-vu-cam-pha.md": "Giới thiệu <script>alert('intro')</script>\n\n"
            "[Bấm](javascript:alert('intro-link'))\n\n<iframe src=\"https://example.org\"></iframe>\n",
            "index.md": "# Trang chủ\n\n<img src=x onerror=alert('home')>\n",
        },
        pages=("co-quan/phong-noi-vu-cam-pha/",),
    ),
    Case(
        "remote-resources",
        "pictures, media and styles loaded from another host; links to other sites stay",
        {
            "ke-hoach/loi/anh-ngoai.md": plan(
                summary="Kế hoạch có ảnh từ trang khác",
                body="![Ảnh](http://example.org/anh.png)\n\n<img src=\"https://example.org/b.png\" alt=\"b\">\n\n"
                "<video src=\"//example.org/v.mp4\"></video>\n\n[Cổng tỉnh](https://www.quangninh.gov.vn)\n"),
        },
        pages=("ke-hoach/loi/anh-ngoai/",),
    ),
    Case(
        "plan-as-list-index",
        "a valid plan saved as ke-hoach/index.md, a hidden plan, a plan with an upper-case suffix",
        {
            "ke-hoach/index.md": plan(summary="Kế hoạch lưu nhầm chỗ"),
            "ke-hoach/loi/.ban-nhap.md": plan(summary="Bản nháp ẩn"),
            "ke-hoach/loi/VIET-HOA.MD": plan(summary="Đuôi viết hoa"),
        },
        dropped=("ke-hoach/index.md", "ke-hoach/loi/.ban-nhap.md"),
    ),
    Case(
        "folder-named-md",
        "a folder named like a plan file (x.md/)",
        {"ke-hoach/loi/thu-muc.md/ghi-chu.txt": "ghi chú"},
        verdict="warning",
    ),
    Case(
        "implausible-values",
        "issued in the future and before 1945, an event ending before it starts, a plan citing itself, "
        "a chuyên trang listed twice",
        {
            "ke-hoach/loi/tuong-lai.md": plan(number="5/KH-UBND", issued="2031-01-05", summary="Ngày ban hành tương lai"),
            "ke-hoach/loi/xua.md": plan(number="6/KH-UBND", issued="1930-01-05", summary="Ngày ban hành quá xa"),
            "ke-hoach/loi/vo-ly.md": plan(
                "special: [ky-niem-60-nam, ky-niem-60-nam]\n"
                "basis:\n  - {number: 9/KH-UBND, issued: 2023-03-01, issuer: UBND thành phố Cẩm Phả}\n"
                "events:\n  - {title: Hội nghị, start: '2023-05-10 14:00', end: '2023-05-09 11:00'}\n",
                number="9/KH-UBND", summary="Giá trị vô lý"),
        },
        verdict="warning",
        pages=("ke-hoach/loi/tuong-lai/", "ke-hoach/loi/xua/", "ke-hoach/loi/vo-ly/"),
    ),
    Case(
        "reversed-anniversary",
        "an anniversary whose original date comes after it (printed '-7 năm'); a banner file that is missing",
        {
            "chuyen-trang/nguoc/index.md": "---\ntitle: Kỷ niệm ngược\nbanner: khong-co.jpg\nanniversaries:\n"
            "  - {label: Ngày thành lập, since: 2030-10-30, on: 2023-10-30}\n---\nGiới thiệu.\n",
        },
        pages=("chuyen-trang/nguoc/",),
    ),
    Case(
        "empty-registry",
        "an empty agency registry: one plain message, not one per agency name",
        {"co-quan.yml": ""},
        verdict="warning",
        heavy=True,  # (kept out of the all-cases runs: it empties the registry the other cases rely on)
    ),
]
