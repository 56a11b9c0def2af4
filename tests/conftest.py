"""Fixtures shared by every test folder; the helpers live in :mod:`portal_testing`."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_testing import build_site


@pytest.fixture
def site(tmp_path: Path):
    """``site(files, **options)`` builds a small site in a temporary folder."""

    def _build(files: dict[str, str], **kwargs) -> BuiltSite:
        return build_site(tmp_path, files, **kwargs)

    return _build
