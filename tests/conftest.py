"""Fixtures shared by every test folder; the helpers live in :mod:`portal_testing`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from portal_testing import build_site

# Property tests check behaviour, not speed: on a busy 2-core machine an example may take longer than
# hypothesis' default 200 ms deadline, which is a false failure. Under CI the examples are also fixed
# (derandomize) so that a run is reproducible; locally each run explores new examples.
settings.register_profile("portal", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("portal-ci", deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("portal-ci" if os.environ.get("CI") else "portal")


@pytest.fixture
def site(tmp_path: Path):
    """``site(files, **options)`` builds a small site in a temporary folder."""

    def _build(files: dict[str, str], **kwargs) -> BuiltSite:
        return build_site(tmp_path, files, **kwargs)

    return _build
