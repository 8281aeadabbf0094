"""Writing output files safely: whole or not at all, and never over the user's inputs."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from supple.errors import InputError


def write_atomic(path: str | os.PathLike[str], data: bytes, *, protect: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same directory, flushed
    and renamed over the target, so readers see the old file or the new one, never half.

    ``protect`` names input files (routines, profiles) that must never be overwritten; writing
    to one of them, to a directory, or into a missing directory is an :class:`InputError`.
    """
    target = Path(path)
    name = os.fspath(path)
    for item in protect:
        if _same_file(target, Path(item)):
            raise InputError.at("refusing to overwrite an input file; choose another output path", name)
    if target.is_dir():
        raise InputError.at("is a directory; give a file name to write", name)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError.at(f"the folder {os.fspath(directory)!r} does not exist", name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            try:
                os.chmod(tmp, target.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()
