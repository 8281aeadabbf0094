"""Reading a TOML file with clear errors: missing, a directory, a FIFO or device, too large, not
UTF-8, not TOML."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from supple import limits
from supple.errors import InputError

if TYPE_CHECKING:
    pass


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a TOML file with clear errors: missing, a directory, too large, not UTF-8, not TOML."""
    import tomllib

    name = os.fspath(path)
    try:
        if os.path.isdir(name):
            raise InputError.at("is a directory, not a file", name)
        _regular_file(name)
        size = os.path.getsize(name)
        if size > limits.MAX_FILE_BYTES:
            raise InputError.at(
                f"is {size:,} bytes; the limit is {limits.MAX_FILE_BYTES:,} bytes", name
            )
        with open(name, "rb") as handle:
            raw = handle.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError.at("no such file", name) from None
    except PermissionError:
        raise InputError.at("permission denied", name) from None
    except OSError as exc:
        raise InputError.at(f"cannot be read ({exc.strerror or exc})", name) from None
    if b"\x00" in raw:
        raise InputError.at("is a binary file, not a TOML text file", name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.at(f"is not UTF-8 text (bad byte at offset {exc.start})", name) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError.at("is empty", name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError.at(f"is not valid TOML: {exc}", name) from None
    except RecursionError:
        raise InputError.at("is nested too deeply", name) from None


def _regular_file(name: str) -> None:
    """Refuse anything but a regular file (a FIFO would block the read forever, a device
    never end it) and name a broken symbolic link as one."""
    import stat

    from supple.io.files import file_kind

    if os.path.islink(name) and not os.path.exists(name):
        raise InputError.at(f"is a broken symbolic link (to {os.readlink(name)!r})", name)
    mode = os.stat(name).st_mode
    if not stat.S_ISREG(mode):
        raise InputError.at(f"is a {file_kind(mode)}, not a regular file", name)
