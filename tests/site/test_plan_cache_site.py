"""``mkdocs build`` keeps parsed plans in ``cache_dir`` (issue 17): the next build gives the same site, and
the cache is never inside the content folder (it would be published)."""

from __future__ import annotations

import pickle

from portal_testing import build_site
from test_determinism import FILES


def site_files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_build_from_the_cache_is_the_same_site(tmp_path):
    first = build_site(tmp_path, FILES)
    assert first.error is None
    cache = tmp_path / ".cache" / "plan-portal" / "plans.pickle"
    _, items = pickle.loads(cache.read_bytes())
    assert {key[0] for key in items} == {"ke-hoach/2023/19-kh-ubnd.md", "ke-hoach/2023/48-kh-ubnd.md", "ke-hoach/2024/loi.md"}
    before = site_files(first.site_dir)
    second = build_site(tmp_path)
    assert second.error is None and second.messages == first.messages  # the same problems, said the same way
    assert site_files(second.site_dir) == before


def test_a_cache_inside_the_content_folder_is_refused(tmp_path):
    built = build_site(tmp_path, FILES, plugin_options={"cache_dir": "content/.cache"})
    assert built.error is None
    assert any("cache_dir" in m and "nội dung" in m for m in built.messages)
    assert not (tmp_path / "content" / ".cache").exists()
    assert not list(built.site_dir.rglob("*.pickle"))


def test_an_empty_cache_dir_turns_it_off(tmp_path):
    built = build_site(tmp_path, FILES, plugin_options={"cache_dir": ""})
    assert built.error is None and not (tmp_path / ".cache").exists()
