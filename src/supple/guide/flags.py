"""Red flags reported between sessions (`supple log flag RED_FLAG`): kept beside the session
log, in ``red-flags.json`` in the same data directory, and read by every later plan as if the
profile listed them, so the red-flags safety filter stops the programme until a clinician has
checked them and the person clears them (`supple log flag --clear RED_FLAG`).

The file is a JSON list of ``{"flag", "reported", "cleared"}`` objects (dates ``YYYY-MM-DD``,
``cleared`` ``null`` while active); it is replaced atomically on every change. An unreadable
file is an input error naming it, and is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from supple.errors import InputError
from supple.guide.log_paths import data_dir

FLAGS_FILE = "red-flags.json"


def flags_path() -> Path:
    """The red flags' file."""
    return data_dir() / FLAGS_FILE


def read_flags(path: Path | None = None) -> list[dict[str, Any]]:
    """Every red flag reported, oldest first (``[]`` when there is no file)."""
    path = path or flags_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise InputError.at(f"the red flags file cannot be read: {exc.strerror}", str(path)) from None
    try:
        data = json.loads(text)
        if not isinstance(data, list):
            raise ValueError("not a list")
        for index, item in enumerate(data):
            if not (isinstance(item, dict) and isinstance(item.get("flag"), str)
                    and isinstance(item.get("reported"), str)
                    and (item.get("cleared") is None or isinstance(item.get("cleared"), str))):
                raise ValueError(f"entry {index + 1} is not a red flag entry")
    except ValueError as exc:
        raise InputError.at(f"the red flags file is not what supple wrote ({exc}); it is left unchanged: "
                            "fix or remove it", str(path)) from None
    return data


def active_flags(path: Path | None = None) -> tuple[str, ...]:
    """The red flags reported and not cleared, sorted, each once."""
    return tuple(sorted({item["flag"] for item in read_flags(path) if item.get("cleared") is None}))


def report_flag(flag: str, day: dt.date, path: Path | None = None) -> bool:
    """Record ``flag`` as reported on ``day``; ``False`` when it is already active."""
    path = path or flags_path()
    items = read_flags(path)
    if any(item["flag"] == flag and item.get("cleared") is None for item in items):
        return False
    items.append({"flag": flag, "reported": day.isoformat(), "cleared": None})
    _write(path, items)
    return True


def clear_flag(flag: str, day: dt.date, path: Path | None = None) -> bool:
    """Mark ``flag`` cleared on ``day`` (after a clinician's check); ``False`` when not active."""
    path = path or flags_path()
    items = read_flags(path)
    found = False
    for item in items:
        if item["flag"] == flag and item.get("cleared") is None:
            item["cleared"] = day.isoformat()
            found = True
    if found:
        _write(path, items)
    return found


def _write(path: Path, items: list[dict[str, Any]]) -> None:
    from supple.io.files import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(items, indent=1) + "\n").encode("utf-8"))
