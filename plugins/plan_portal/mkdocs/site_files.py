"""Which files MkDocs publishes, for the ``plan-portal`` plugin: robots.txt and sitemap.xml
(templates of the theme) and the removal of every file the content scan refuses.

Moved unchanged out of :mod:`.plugin` (issue 14: no source file over about 400 lines).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..core.files import ContentScan


def keep_site_files(files: Files, config: MkDocsConfig, templates_dir: Path) -> None:
    """A robots.txt of the content wins over the template; no template is copied as a raw file.

    MkDocs copies every theme file that is not ``*.html`` nor a static template. The plugin's own
    templates folder holds only templates (``robots.txt``, the shell's ``overrides/sitemap.xml``), so none
    of its files is copied; and without a site_url the theme's sitemap.xml, left unrendered, is not
    copied either. Paths are compared once resolved (a ``custom_dir`` may be written with ``..``).
    """
    robots = files.get_file_from_path("robots.txt")
    if robots is not None and robots.abs_src_path and is_inside(robots.abs_src_path, config.docs_dir):
        config.theme.static_templates.discard("robots.txt")
    for file in list(files):
        if file.generated_by or not file.abs_src_path or is_inside(file.abs_src_path, config.docs_dir):
            continue
        if is_inside(file.abs_src_path, templates_dir) or (
            not config.site_url and file.src_uri == "sitemap.xml"
            and any(is_inside(file.abs_src_path, d) for d in config.theme.dirs)
        ):
            files.remove(file)


def is_inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def drop_refused(files: Files, scan: ContentScan, docs_dir: Path) -> None:
    """Remove from MkDocs' files every file of ``docs_dir`` the scan refuses (reported by the core).

    MkDocs walks ``docs_dir`` following links and would copy what they point at. A file the scan
    did not see is checked on its own: published only when its real path is inside ``docs_dir``.
    """
    root = os.path.realpath(docs_dir)
    for file in list(files):
        if file.generated_by or not file.abs_src_path:
            continue
        if not os.path.normpath(file.abs_src_path).startswith(os.path.normpath(docs_dir) + os.sep):
            continue  # the theme's own files
        if scan.refuses(file.src_uri) or (
            not scan.has_file(file.src_uri)
            and not os.path.realpath(file.abs_src_path).startswith(root + os.sep)
        ):
            files.remove(file)
