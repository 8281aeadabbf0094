"""Where the session log lives, without importing the database code (so ``supple plan`` can
look for a log cheaply): ``sessions.sqlite3`` in ``$SUPPLE_DATA_DIR`` when set, else in
``platformdirs.user_data_dir("supple")``."""

from __future__ import annotations

from pathlib import Path

from supple.io.dirs import ENV_DATA_DIR, data_dir

__all__ = ["ENV_DATA_DIR", "FILENAME", "data_dir", "log_path"]

FILENAME = "sessions.sqlite3"


def log_path() -> Path:
    """The session log's file."""
    return data_dir() / FILENAME
