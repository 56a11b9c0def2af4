"""The web editor at ``/bien-tap/`` (issue 19): the files the plugin adds to the built site.

Decap CMS comes from ``node_modules`` (``npm ci``), never from a CDN; its configuration is generated
by :func:`plan_portal.core.editor_config.editor_config` from the model, the registry and the chuyên
trang. Nothing is downloaded at build time.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from ..core.agencies import Registry
from ..core.catalog import Catalog
from ..core.editor_config import EditorSite, check_report, editor_config
from ..core.sections import SectionEntry

EDITOR_DIR = Path(__file__).resolve().parent.parent / "editor"
PROJECT_ROOT = Path(__file__).resolve().parents[3]  # a source checkout (pip install -e .)
_CHUNK = re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$")


def find_node_modules(config: MkDocsConfig, option: str | None) -> Path | None:
    """``node_modules`` holding decap-cms: the option, else next to mkdocs.yml, else the project's."""
    config_dir = Path(config.config_file_path or ".").resolve().parent
    candidates = [config_dir / option] if option else [config_dir / "node_modules", PROJECT_ROOT / "node_modules"]
    for folder in candidates:
        if (folder / "decap-cms" / "dist" / "decap-cms.js").is_file() and (folder / "js-yaml" / "dist").is_dir():
            return folder
    return None


def default_backend(config: MkDocsConfig) -> dict[str, Any]:
    """GitHub with the repository of ``repo_url`` (``https://github.com/owner/name``), branch main."""
    match = re.match(r"^https?://github\.com/([^/]+/[^/#?]+?)(?:\.git)?/?$", config.repo_url or "")
    return {"name": "github", "repo": match.group(1) if match else "", "branch": "main"}


def editor_files(config: MkDocsConfig, options: Any, catalog: Catalog, registry: Registry,
                 sections: list[SectionEntry], node_modules: Path, revision: int | None = None) -> list[File]:
    """Every file of ``/<editor_dir>/``: the page, its script, the generated configuration, the CMS bundle."""
    base = options.editor_dir.strip("/")
    config_dir = Path(config.config_file_path or ".").resolve().parent
    content_dir = Path(os.path.relpath(Path(config.docs_dir).resolve(), config_dir)).as_posix()
    site = EditorSite(
        content_dir=content_dir,
        plans_dir=options.plans_dir.strip("/"),
        sections=[(s.slug, s.title, s.path) for s in sorted(sections, key=lambda s: s.slug) if s.section is not None],
        plans=sorted({(e.plan.number or e.path, f"{e.plan.number or e.path}: {e.plan.summary}")
                      for e in catalog.entries if e.plan is not None}),
        registry_file=options.registry,
        site_url=config.site_url or "",
        backend=dict(options.editor_backend) or default_backend(config),
        proxy_port=int(options.editor_proxy_port),
        inbox_dir=options.editor_inbox,
        publish_mode=options.editor_publish_mode,
    )
    out = []

    def add(name: str, *, path: Path | None = None, content: str | None = None) -> None:
        if path is not None:
            out.append(File.generated(config, f"{base}/{name}", abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV))
        else:
            out.append(File.generated(config, f"{base}/{name}", content=content, inclusion=InclusionLevel.NOT_IN_NAV))

    for asset in sorted(EDITOR_DIR.iterdir()):
        if asset.is_file():
            add(asset.name, path=asset)
    dumps = lambda data: json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"  # noqa: E731
    add("config.json", content=dumps(editor_config(registry, site)))
    add("kiem-tra.json", content=dumps(check_report(catalog.diagnostics, content_dir, revision)))
    dist = node_modules / "decap-cms" / "dist"
    for chunk in sorted(dist.iterdir()):
        if _CHUNK.match(chunk.name):
            add(chunk.name, path=chunk)
    add("js-yaml.min.js", path=node_modules / "js-yaml" / "dist" / "js-yaml.min.js")
    return out
