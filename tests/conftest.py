"""Suite-wide set-up: supple's entry-point cache goes to a temporary folder, so tests (and the
processes they start) never write into the user's own cache; and no test reads the config or
profile of the machine running it, nor its session log (a test that needs a config directory
or a log sets its own)."""

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


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    """An empty configuration directory for every test."""
    from supple.io import config

    monkeypatch.setenv(config.ENV_CONFIG_DIR, str(tmp_path / "no-config"))
    # nor the session log of the machine: plans read it (a test that needs a log sets its own)
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(tmp_path / "no-data"))
    config.user_config.cache_clear()
    yield
    config.user_config.cache_clear()
