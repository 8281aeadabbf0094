"""Sessions waiting to be written to the log: ``sessions.pending.jsonl`` beside it.

When a finished session cannot be written to the log (locked for too long, read-only, corrupt,
from a newer supple...), it is kept here, one JSON object per line, and written to the log by
the next command that writes to it. The file is replaced atomically (a temporary file renamed
over it) under an advisory lock (``sessions.pending.lock``, POSIX ``flock``), so two processes
never lose each other's lines. Every entry carries a unique ``uid``: writing it twice is
harmless (the log ignores a uid it already has), so a crash between the two steps loses nothing
and duplicates nothing. Lines that cannot be read are kept as they are.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PENDING_NAME = "sessions.pending.jsonl"
LOCK_NAME = "sessions.pending.lock"


def pending_path(log: Path) -> Path:
    """The pending file beside the log file ``log``."""
    return log.parent / PENDING_NAME


@contextlib.contextmanager
def locked(log: Path) -> Iterator[None]:
    """Hold the pending file's lock (a no-op where ``fcntl`` is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(log.parent / LOCK_NAME, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if line.strip()]


def _replace(path: Path, lines: list[str]) -> None:
    """Write ``lines`` as the whole file, atomically; remove the file when there are none."""
    if not lines:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write("".join(line + "\n" for line in lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def keep(log: Path, record: dict[str, Any]) -> Path:
    """Add ``record`` (a JSON-able dict with a ``uid``) to the pending file; returns its path.
    Raises ``OSError`` when the file cannot be written either."""
    path = pending_path(log)
    line = json.dumps(record, ensure_ascii=True, sort_keys=True)
    with locked(log):
        _replace(path, [*_lines(path), line])
    return path


def waiting(log: Path) -> list[dict[str, Any]]:
    """The readable pending records (without taking the lock: for display)."""
    return [record for _, record in _parsed(_lines(pending_path(log)))]


def _parsed(lines: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("uid"), str):
            yield line, record


def take(log: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The pending records and every line as read; call with :func:`locked` held."""
    lines = _lines(pending_path(log))
    return [record for _, record in _parsed(lines)], lines


def forget(log: Path, lines: list[str], written: set[str]) -> None:
    """Remove the lines whose record's uid is in ``written``; call with :func:`locked` held."""
    keep_lines = []
    for line in lines:
        try:
            record = json.loads(line)
            uid = record.get("uid") if isinstance(record, dict) else None
        except ValueError:
            uid = None
        if uid not in written:
            keep_lines.append(line)
    _replace(pending_path(log), keep_lines)
