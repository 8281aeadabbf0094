"""Standard output that fails with a clear message instead of an internal error.

The console script (:mod:`supple.console`) runs every command inside :func:`guarded`, which
puts a stream in front of file descriptor 1 that turns each way writing can fail into a
:class:`StdoutError` (exit status 2, a one-line message): a full device (``> /dev/full``), a
closed descriptor (``>&-``, where Python would silently drop every write and exit 0), and a
character the stream's encoding cannot show (a latin-1 locale and a title with an emoji). A
closed pipe (``supple plan | head``) still ends quietly with :class:`BrokenPipeError`.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from supple.errors import SuppleError


class StdoutError(SuppleError):
    """Standard output cannot be written. Exit status 2."""

    exit_code = 2


class _Raw(io.RawIOBase):
    """File descriptor ``fd`` (or none: standard output was closed); a failure becomes a
    :class:`StdoutError` once, and later writes (Python's own flush at exit) are dropped."""

    def __init__(self, fd: int | None):
        super().__init__()
        self._fd = fd
        self.failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        if self._fd is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self._fd

    def isatty(self) -> bool:
        return self._fd is not None and os.isatty(self._fd)

    def write(self, data: Any) -> int:
        size = len(memoryview(data))
        if self.failed:
            return size
        if self._fd is None:
            self.failed = True
            raise StdoutError("standard output is closed, so nothing can be shown; "
                              "run without >&- (or write to a file with -o, where there is one)")
        try:
            return self._write(data)
        except BrokenPipeError:
            self.failed = True
            raise
        except OSError as exc:
            self.failed = True
            raise StdoutError(f"cannot write to standard output ({exc.strerror})") from None


    def _write(self, data: Any) -> int:
        """``os.write``, waiting when the descriptor is non-blocking and full (a terminal or
        pipe some other program set to O_NONBLOCK) instead of failing."""
        assert self._fd is not None
        while True:
            try:
                return os.write(self._fd, data)
            except BlockingIOError:
                import select

                select.select([], [self._fd], [])


class _Text(io.TextIOWrapper):
    """A text stream whose encoding failures name the character and the fix."""

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except UnicodeEncodeError as exc:
            char = exc.object[exc.start]
            raise StdoutError(
                f"standard output's encoding ({self.encoding}) cannot show {ascii(char)} "
                f"(U+{ord(char):04X}); set PYTHONIOENCODING=utf-8 or use a UTF-8 locale"
            ) from None


def _guard(stream: Any) -> _Text:
    fd: int | None = None
    encoding, errors, line = "utf-8", "strict", False
    if stream is not None:
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):
            fd = None
        encoding = getattr(stream, "encoding", None) or encoding
        errors = getattr(stream, "errors", None) or errors
        line = bool(getattr(stream, "line_buffering", False))
    return _Text(io.BufferedWriter(_Raw(fd)), encoding=encoding, errors=errors,
                 line_buffering=line)


@contextmanager
def guarded() -> Iterator[None]:
    """Run a command with the guarded standard output (see the module's docstring); what is
    still buffered at the end is written, and a failure then is reported too (exit 2)."""
    original = sys.stdout
    if original is not None and original is not sys.__stdout__:
        yield  # someone (a test runner) already replaced standard output: leave it be
        return
    if original is not None:
        original.flush()
    sys.stdout = _guard(original)
    try:
        yield
    finally:
        try:
            sys.stdout.flush()
        except StdoutError as exc:
            from supple.sanitise import terminal

            sys.stderr.write(f"supple: error: {terminal(str(exc))}\n")
            raise SystemExit(2) from None
        except BrokenPipeError:
            pass
