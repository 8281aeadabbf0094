"""The sync state: what supple last wrote to one calendar for one routine.

One small JSON file per (calendar, routine) in ``sync/`` under supple's data directory
(``platformdirs.user_data_dir("supple")``, or ``$SUPPLE_DATA_DIR``), written atomically. It
holds, for each event supple wrote, the resource's href, the ETag the server gave it, the
content hash, SEQUENCE, start and title; and for resources that are not supple's only their
href, ETag and a hash of their UID. It never holds a user name, password or anything else
from the command line but the calendar's URL. Losing it is harmless: the next sync downloads
the events once and finds supple's own by their ``X-SUPPLE-`` properties.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from supple.io.dirs import data_dir
from supple.sync.diff import Written

VERSION = 1


def state_path(calendar_url: str, token: str) -> Path:
    """The state file of routine ``token`` in the calendar at ``calendar_url``."""
    name = hashlib.sha256(f"{calendar_url}\n{token}".encode()).hexdigest()[:24]
    return data_dir() / "sync" / f"{name}.json"


@dataclass
class State:
    """The contents of a state file: ``written`` keyed by UID, ``foreign`` by href
    (UID hash, ETag)."""

    calendar: str
    token: str
    written: dict[str, Written] = field(default_factory=dict)
    foreign: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def load(calendar_url: str, token: str) -> State:
    """The state for this calendar and routine; an empty one when there is none or it cannot
    be read (it is only a cache of what the server says)."""
    path = state_path(calendar_url, token)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("version") != VERSION or raw.get("calendar") != calendar_url or raw.get("token") != token:
            raise ValueError("another state")
        written = {
            uid: Written(e["href"], e.get("etag"), e["hash"], int(e["sequence"]),
                         dt.datetime.fromisoformat(e["start"]), e.get("summary", ""))
            for uid, e in raw["written"].items()
        }
        foreign = {href: (e["uid"], e.get("etag")) for href, e in raw.get("foreign", {}).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return State(calendar_url, token)
    return State(calendar_url, token, written, foreign)


def save(state: State) -> None:
    """Write ``state`` atomically (a temporary file renamed over the old one)."""
    import supple

    path = state_path(state.calendar, state.token)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": VERSION,
        "calendar": state.calendar,
        "token": state.token,
        "written": {
            uid: {"href": w.href, "etag": w.etag, "hash": w.hash, "sequence": w.sequence,
                  "start": w.start.isoformat(), "summary": w.summary}
            for uid, w in sorted(state.written.items())
        },
        "foreign": {href: {"uid": key, "etag": etag} for href, (key, etag) in sorted(state.foreign.items())},
    }
    supple.write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8") + b"\n")
