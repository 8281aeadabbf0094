"""Finding the ``supple`` entry points, with a cache that spares every command the import of
:mod:`importlib.metadata` (about a tenth of supple's start-up).

The cache is keyed on what decides the answer: the Python version, ``sys.path``, and the
name and modification time of every ``*.dist-info`` / ``*.egg-info`` directory on it, with the
modification time and size of its ``entry_points.txt``. Installing, upgrading or removing any distribution changes the
key, so a stale answer is never used. Any problem with the cache (unreadable, corrupt, a
folder that cannot be written) falls back to :mod:`importlib.metadata`; the cache can never make
discovery fail. ``SUPPLE_NO_CACHE=1`` turns it off; ``SUPPLE_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NamedTuple

from supple.io.dirs import ENV_CACHE_DIR as ENV_CACHE_DIR  # where the cache goes (tests set it)

#: what the cache is keyed on (see :func:`_key`)
_Key = tuple[tuple[str | int | None, ...], ...]

ENV_NO_CACHE = "SUPPLE_NO_CACHE"



_FORMAT = 1


class Found(NamedTuple):
    """One entry point: its name, its ``module:attr`` value and its distribution."""

    name: str
    value: str
    distribution: str | None
    version: str | None

    def load(self) -> Any:
        """Import the entry point's object (what ``EntryPoint.load`` does)."""
        import importlib

        module, _, attr = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def find(group: str) -> list[Found]:
    """Every entry point of ``group`` (unsorted), from the cache when it is fresh."""
    if os.environ.get(ENV_NO_CACHE, "").strip() not in ("", "0"):
        return _scan(group)
    try:
        key = _key()
        path = _cache_file(group, key)
    except Exception:
        return _scan(group)
    cached = _read(path, key) if key is not None else None
    if cached is not None:
        return cached
    found = _scan(group)
    if key is not None:
        _write(path, key, found)
    return found


def _key() -> _Key | None:
    """What the answer depends on; ``None`` when ``sys.path`` holds something the key cannot
    describe (a zip file), so no cache is used."""
    parts: list[tuple[str | int | None, ...]] = [(sys.version, _FORMAT)]
    for entry in sys.path:
        entry = entry or "."
        try:
            if not os.path.isdir(entry):
                if os.path.exists(entry):
                    return None  # a zip or egg file: let importlib.metadata handle it
                parts.append((entry, None))
                continue
            parts.append((entry, True))
            with os.scandir(entry) as items:
                for item in items:
                    if item.name.endswith((".dist-info", ".egg-info")):
                        info = item.stat()
                        try:
                            eps = os.stat(os.path.join(item.path, "entry_points.txt"))
                            parts.append((item.name, info.st_mtime_ns, eps.st_mtime_ns, eps.st_size))
                        except OSError:
                            parts.append((item.name, info.st_mtime_ns))
        except OSError:
            parts.append((entry, "?"))
    return tuple(parts)


def _cache_file(group: str, key: _Key | None) -> str:
    """One file per group and set-up (a console script and ``python -m`` see different
    ``sys.path`` heads), named by a checksum of the key; the file holds the whole key too."""
    import marshal
    import zlib

    from supple.io.dirs import cache_dir

    folder = cache_dir()
    tag = zlib.crc32(marshal.dumps(key)) if key is not None else 0
    return os.path.join(folder, f"entry-points-{group}-{tag:08x}.marshal")


def _read(path: str, key: _Key) -> list[Found] | None:
    import marshal

    try:
        with open(path, "rb") as handle:
            stored_key, rows = marshal.load(handle)
        if stored_key != key:
            return None
        return [Found(*row) for row in rows]
    except Exception:  # missing, corrupt, from another Python: rebuild it
        return None


def _write(path: str, key: _Key, found: list[Found]) -> None:
    import marshal
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        rows = tuple((f.name, f.value, f.distribution, f.version) for f in found)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".entry-points.")
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump((key, rows), handle)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only home or a full disk: carry on without a cache
        pass


def _scan(group: str) -> list[Found]:
    """Every entry point of ``group``, read with :mod:`importlib.metadata`."""
    from importlib.metadata import entry_points

    headers: dict[int, tuple[str | None, str | None]] = {}
    return [
        Found(ep.name, ep.value, *_header(getattr(ep, "dist", None), headers))
        for ep in entry_points(group=group)
    ]


def _header(dist: Any, cache: dict[int, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """A distribution's name and version, read from the head of its metadata file.

    Cheaper than ``dist.metadata`` (no e-mail parser), and read once per distribution.
    """
    if dist is None:
        return None, None
    key = id(dist)
    if key not in cache:
        name = version = None
        try:
            text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
        except Exception:  # an unreadable distribution must not stop discovery
            text = ""
        for line in text.splitlines():
            if not line.strip():
                break
            field, sep, value = line.partition(":")
            if sep and field == "Name" and name is None:
                name = value.strip()
            elif sep and field == "Version" and version is None:
                version = value.strip()
        cache[key] = (name, version)
    return cache[key]
