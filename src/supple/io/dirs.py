"""Where supple keeps its files: the user's configuration, data (the session log, calendar
sync state) and cache folders, each from platformdirs unless an environment variable names it
(``SUPPLE_CONFIG_DIR``, ``SUPPLE_DATA_DIR``, ``SUPPLE_CACHE_DIR``; tests and scripts set them)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_CONFIG_DIR = "SUPPLE_CONFIG_DIR"
ENV_DATA_DIR = "SUPPLE_DATA_DIR"
ENV_CACHE_DIR = "SUPPLE_CACHE_DIR"


def config_dir() -> Path:
    """The directory supple reads user configuration from."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("supple", appauthor=False))


def data_dir() -> Path:
    """The directory that holds the session log and the calendar sync state."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("supple", appauthor=False))


def cache_dir() -> str:
    """The directory for caches supple can always rebuild (the entry-point cache)."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return override
    from platformdirs import user_cache_dir

    return user_cache_dir("supple", appauthor=False)
