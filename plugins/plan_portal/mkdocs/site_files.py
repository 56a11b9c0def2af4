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


def keep_site_files(files: Files, config: MkDocsConfig) -> None:
    """A robots.txt of the content wins over the template; a theme's sitemap.xml template is not
    copied as a file when it is not rendered (MkDocs copies theme files that are not templates)."""
    robots = files.get_file_from_path("robots.txt")
    if robots is not None and robots.abs_src_path and Path(robots.abs_src_path).is_relative_to(Path(config.docs_dir)):
        config.theme.static_templates.discard("robots.txt")
    sitemap = files.get_file_from_path("sitemap.xml")
    if not config.site_url and sitemap is not None and sitemap.abs_src_path and any(
        Path(sitemap.abs_src_path).is_relative_to(Path(d)) for d in config.theme.dirs
    ):
        files.remove(sitemap)


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
