"""Writing output files safely: whole or not at all, only to regular files, and never over the
user's inputs (docs/robustness.md states the guarantees)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from supple.errors import InputError, Problem


def write_atomic(path: str | os.PathLike[str], data: bytes, *, protect: Iterable[str] = (),
                 option: str | None = None) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same directory, flushed
    and renamed over the target, so readers see the old file or the new one, never half.

    Only regular files are written. A symlink is followed: its target is written and the link
    stays. ``protect`` names input files (routines, profiles) that must never be overwritten;
    writing to one of them, to a directory, a device, a FIFO or a socket, to a read-only file,
    or into a missing directory is an :class:`InputError` (naming ``option``, such as ``-o``,
    when given). A termination signal (SIGTERM, SIGHUP) during the write leaves the previous
    file and no temporary file.
    """
    import tempfile  # only a command that writes a file pays for it

    from supple.io.interrupts import terminate_raises

    name = os.fspath(path)

    def refuse(message: str) -> InputError:
        if option:
            return InputError(Problem(message, None, f"{option} {name}"))
        return InputError.at(message, name)

    target = Path(path)
    for item in protect:
        if _same_file(target, Path(item)):
            raise refuse("refusing to overwrite an input file; choose another output path")
    try:
        status: os.stat_result | None = os.stat(target)  # of the link's target, for a link
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise refuse(f"cannot be examined ({exc.strerror}); nothing was written") from None
    if status is not None:
        kind = file_kind(status.st_mode)
        if kind == "directory":
            raise refuse("is a directory; give a file name to write")
        if kind:
            raise refuse(f"is a {kind}, not a regular file; supple writes only regular files "
                         "(or standard output, without -o); nothing was written")
        if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise refuse("is a read-only file; make it writable or choose another output path; "
                         "nothing was written")
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise refuse(f"the folder {os.fspath(directory)!r} does not exist")
    with terminate_raises():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise refuse(f"cannot be written ({exc.strerror}); nothing was written") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if status is not None:
                try:
                    os.chmod(tmp, status.st_mode & 0o777)
                except OSError:
                    pass
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
        except BaseException as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            if isinstance(exc, OSError):
                raise refuse(f"cannot be written ({exc.strerror}); nothing was written") from None
            raise


def file_kind(mode: int) -> str:
    """What a non-regular file is (empty for a regular file)."""
    for test, kind in ((stat.S_ISDIR, "directory"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISFIFO, "FIFO (named pipe)"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "" if stat.S_ISREG(mode) else "special file"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()
