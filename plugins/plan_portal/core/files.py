"""The content folder as a safe set of files: nothing outside it is ever read, copied or linked.

MkDocs walks ``docs_dir`` following symbolic links (``os.walk(followlinks=True)``) and copies
every file it finds into the site, so a link inside the content folder that points at
``/etc/passwd``, at a home folder or at the repository's ``.git`` would publish it. This module
is the one place that decides which files of the content folder the portal may read:

* :func:`scan_content` walks the folder the way MkDocs does and returns a :class:`ContentScan`:
  the files that may be read, and one located Vietnamese problem per link that leads outside the
  folder, per link loop, per broken link, per special file (FIFO, device) and per directory named
  like a Markdown file. ``plan-portal check`` and the MkDocs adapter both use it, so they agree.
* :meth:`ContentScan.refuses` tells the adapter which of MkDocs' files to drop before anything
  reads them (``on_files``).
* :func:`resolve_reference` is the one helper for "a content file names another file": a banner,
  an attachment, a relative link or image in a body. It refuses absolute paths, ``..`` that climbs
  out of the folder, and anything the scan refused, and says so in Vietnamese.

No MkDocs import here: the CLI uses it too.
"""

from __future__ import annotations

import os
import posixpath
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .diagnostics import Diagnostic, Severity

__all__ = ["MARKDOWN_SUFFIXES", "ContentScan", "Reference", "is_hidden", "resolve_reference", "scan_content"]

#: What MkDocs reads as Markdown (``mkdocs.utils.markdown_extensions``; case-sensitive, like MkDocs).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")

_OUTSIDE = (
    "là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung; cổng không đọc, không sao chép và không "
    "đăng nó"
)
_MESSAGES = {
    "outside-file": (f"Tệp này {_OUTSIDE}.",
                     "Sao chép tệp thật vào thư mục nội dung thay cho liên kết, hoặc xóa liên kết."),
    "outside-folder": (f"Thư mục này {_OUTSIDE}, kể cả mọi tệp bên trong.",
                       "Sao chép các tệp cần đăng vào thư mục nội dung thay cho liên kết, hoặc xóa liên kết."),
    "link-loop": ("Thư mục này là liên kết tượng trưng (symlink) trỏ về chính thư mục chứa nó (vòng lặp); "
                  "không được đọc.", "Xóa liên kết này."),
    "broken-link": ("Tệp này là liên kết tượng trưng (symlink) hỏng: nơi nó trỏ tới không tồn tại.",
                    "Xóa liên kết hoặc thay bằng tệp thật."),
    "special-file": ("Đây không phải tệp thường (ống dẫn, thiết bị…); cổng không đọc nó.", "Xóa tệp này."),
    "md-folder": ("Đây là một thư mục nhưng tên lại có đuôi của tệp Markdown; nó không được đọc như một trang.",
                  "Đổi tên thư mục (bỏ đuôi .md), hoặc nếu muốn một trang, tạo tệp cùng tên thay cho thư mục."),
}
_ALLOWED = "tệp và thư mục thật nằm trong thư mục nội dung"


def is_hidden(rel: str) -> bool:
    """A path MkDocs leaves out of the site by default: one of its parts starts with a dot."""
    return any(part.startswith(".") for part in rel.split("/"))


@dataclass
class ContentScan:
    """The files of a content folder that the portal may read, and why the others may not.

    Attributes:
        root: The content folder as given.
        files: Every readable regular file, relative (``ke-hoach/2023/a.md``), sorted, hidden ones included.
        folders: Every folder walked, relative, sorted (``""`` is the root).
        refused: Relative path of each refused link or file -> problem code; a refused folder refuses
            everything below it.
        problems: One Vietnamese diagnostic per refused path and per folder named like a Markdown file.
    """

    root: Path
    files: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._files = set(self.files)

    def has_file(self, rel: str) -> bool:
        return rel in self._files

    def refuses(self, rel: str) -> bool:
        """Whether ``rel`` (a path MkDocs lists) is, or lies below, a refused link or file."""
        if rel in self.refused:
            return True
        parts = rel.split("/")
        return any("/".join(parts[:i]) in self.refused for i in range(1, len(parts)))

    def markdown(self, under: str = "") -> list[str]:
        """The Markdown files below the folder ``under`` (MkDocs' suffixes), hidden ones excluded."""
        prefix = under.strip("/") + "/" if under.strip("/") else ""
        return [f for f in self.files if f.startswith(prefix) and f.endswith(MARKDOWN_SUFFIXES) and not is_hidden(f)]


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def scan_content(content_dir: Path) -> ContentScan:
    """Walk ``content_dir`` as MkDocs does (links followed) without ever leaving it.

    Never raises on bad content: an unreadable folder is skipped with no problem of its own
    (MkDocs skips it too).
    """
    scan = ContentScan(Path(content_dir))
    root_real = os.path.realpath(content_dir)
    if not os.path.isdir(root_real):
        scan.__post_init__()
        return scan

    def refuse(rel: str, code: str) -> None:
        message, suggestion = _MESSAGES[code]
        scan.refused[rel] = code
        scan.problems.append(Diagnostic(rel, None, message, allowed=_ALLOWED, suggestion=suggestion,
                                        code="outside-content" if code.startswith("outside") else code))

    # Depth-first, like os.walk; ``stack`` holds the real paths of the folders being walked (loops).
    def walk(abs_dir: str, rel_dir: str, stack: tuple[str, ...]) -> None:
        scan.folders.append(rel_dir)
        try:
            with os.scandir(abs_dir) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            is_link = entry.is_symlink()
            try:
                info = os.stat(entry.path)  # follows links
            except OSError:
                if is_link:
                    refuse(rel, "broken-link")
                continue
            real = os.path.realpath(entry.path) if is_link else None
            if real is not None and not _inside(real, root_real):
                refuse(rel, "outside-folder" if stat.S_ISDIR(info.st_mode) else "outside-file")
            elif stat.S_ISDIR(info.st_mode):
                here = real or os.path.join(stack[-1], entry.name)
                if real is not None and any(_inside(s, real) for s in stack):
                    refuse(rel, "link-loop")
                    continue
                if entry.name.endswith(MARKDOWN_SUFFIXES) and not is_hidden(rel):
                    message, suggestion = _MESSAGES["md-folder"]
                    scan.problems.append(Diagnostic(rel, None, message, allowed="tệp .md là một trang, thư mục "
                                                    "thì không mang đuôi .md", suggestion=suggestion,
                                                    severity=Severity.WARNING, code="md-folder"))
                walk(entry.path, rel, stack + (here,))
            elif stat.S_ISREG(info.st_mode):
                scan.files.append(rel)
            else:
                refuse(rel, "special-file")

    walk(str(content_dir), "", (root_real,))
    scan.folders.sort()
    scan.files.sort()
    scan.__post_init__()
    return scan


# --------------------------------------------------------------------------- references


@dataclass(frozen=True)
class Reference:
    """What a content-relative file reference resolved to.

    Attributes:
        rel: The file, relative to the content folder, when it is safe and exists.
        problem: ``None`` when ``rel`` is usable, else ``"absolute"``, ``"outside"``, ``"refused"``
            or ``"missing"``.
        message, allowed, suggestion: Vietnamese text for a diagnostic, when there is a problem.
    """

    rel: str | None
    problem: str | None = None
    message: str = ""
    allowed: str = ""
    suggestion: str = ""

    def diagnostic(self, path: str, line: int | None, *, field: str | None = None, value: str | None = None,
                   severity: Severity | None = None) -> Diagnostic | None:
        """The problem as a diagnostic of the file ``path`` that wrote the reference, or ``None``."""
        if self.problem is None:
            return None
        if severity is None:
            severity = Severity.WARNING if self.problem == "missing" else Severity.ERROR
        return Diagnostic(path, line, self.message, field=field, value=value, allowed=self.allowed,
                          suggestion=self.suggestion, severity=severity, code=f"file-{self.problem}")


_REF_ALLOWED = "đường dẫn tương đối tới một tệp trong thư mục nội dung, ví dụ anh.jpg hoặc tai-lieu/ke-hoach.pdf"


def resolve_reference(scan: ContentScan, from_rel: str, ref: str, *, what: str = "Tệp") -> Reference:
    """Resolve ``ref`` written in the content file ``from_rel`` (relative to that file's folder).

    The one helper for every file a content file names (banners, attachments, body links and
    images): call it and publish ``Reference.rel`` only when ``problem`` is ``None``. ``what``
    names the thing in the message ("Ảnh băng rôn", "Tệp đính kèm").
    ``ref`` is a path, not a URL: strip any ``#anchor`` or ``?query`` first (see
    :func:`split_link`).
    """
    text = unquote(ref.strip())
    if not text or text.startswith(("/", "\\", "~")) or "\\" in text or (len(text) > 1 and text[1] == ":") \
            or "\x00" in text:
        return Reference(None, "absolute", f"{what} phải ghi đường dẫn tương đối trong thư mục nội dung, không phải "
                         "đường dẫn trên máy.", _REF_ALLOWED, "Chép tệp vào thư mục nội dung (cạnh tệp này) rồi ghi tên tệp.")
    base = posixpath.dirname(from_rel)
    joined = posixpath.normpath(posixpath.join(base, text))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return Reference(None, "outside", f"{what} trỏ ra ngoài thư mục nội dung (dùng «..» vượt quá thư mục gốc); "
                         "cổng không đọc và không đăng tệp ngoài thư mục nội dung.", _REF_ALLOWED,
                         "Chép tệp vào thư mục nội dung rồi ghi đường dẫn tương đối tới nó.")
    if joined == ".":
        joined = ""
    if scan.refuses(joined):
        return Reference(None, "refused", f"{what} là (hoặc nằm trong) một liên kết tượng trưng trỏ ra ngoài thư mục "
                         "nội dung hoặc một tệp không đọc được; không được đăng.", _REF_ALLOWED,
                         "Thay liên kết bằng tệp thật trong thư mục nội dung.")
    if not scan.has_file(joined) and joined not in scan.folders:
        return Reference(None, "missing", f"{what} không có trong thư mục nội dung.", _REF_ALLOWED,
                         f"Kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào {posixpath.dirname(joined) or 'thư mục nội dung'}/.")
    return Reference(joined)


def split_link(url: str) -> str | None:
    """The file part of a link or image URL written in Markdown, or ``None`` for what is not a file.

    ``None`` for other sites (``https:``), e-mail, anchors (``#muc-2``) and site-absolute URLs;
    the anchor and query are removed from the rest (``../a.md#muc`` -> ``../a.md``).
    """
    text = url.strip().strip("<>")
    if not text or text.startswith(("#", "/")):
        return None  # an anchor, another site (``//host``) or a URL of this site: not a file
    head = text.split("/", 1)[0]
    if ":" in head and not (len(head) >= 2 and head[1] == ":" and head[0].isalpha()):
        return None  # a scheme: http:, mailto:, tel:… (javascript:/data: are the sanitiser's)
    for mark in "#?":
        text = text.split(mark, 1)[0]
    return text or None
