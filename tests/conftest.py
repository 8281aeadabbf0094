"""Suite-wide set-up: supple's entry-point cache goes to a temporary folder, so tests (and the
processes they start) never write into the user's own cache."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("supple-cache")
    previous = os.environ.get("SUPPLE_CACHE_DIR")
    os.environ["SUPPLE_CACHE_DIR"] = str(folder)
    yield
    if previous is None:
        os.environ.pop("SUPPLE_CACHE_DIR", None)
    else:
        os.environ["SUPPLE_CACHE_DIR"] = previous
