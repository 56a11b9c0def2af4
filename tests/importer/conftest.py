"""Fixtures for the importer tests: the seed plans, their hand-written records, Word copies."""

from __future__ import annotations

import pytest
import yaml
from importer_helpers import EXPECTED_DIR, seeds_dir


@pytest.fixture(scope="session")
def seed_text():
    """``seed_text(stem)`` → the seed's text; skips when the seeds are not beside the repo."""

    def read(stem: str) -> str:
        path = seeds_dir() / f"{stem}.txt"
        if not path.exists():
            pytest.skip(f"seed {path} not available")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def expected_record():
    """``expected_record(stem)`` → the record written by hand in tests/fixtures/seeds-expected."""

    def load(stem: str) -> dict:
        return yaml.safe_load((EXPECTED_DIR / f"{stem}.yml").read_text(encoding="utf-8"))

    return load
