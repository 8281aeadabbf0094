"""Where the session log lives, without importing the database code (so ``supple plan`` can
look for a log cheaply): ``sessions.sqlite3`` in ``$SUPPLE_DATA_DIR`` when set, else in
``platformdirs.user_data_dir("supple")``."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "SUPPLE_DATA_DIR"
FILENAME = "sessions.sqlite3"


def data_dir() -> Path:
    """The directory that holds the session log."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("supple", appauthor=False))


def log_path() -> Path:
    """The session log's file."""
    return data_dir() / FILENAME
