"""Writing routine files: a bundled routine's text with its ``[schedule]`` filled in (comments
kept, for ``supple routines copy``), and a new routine from a few values (tomli-w, for
``supple new routine``). Both are written only to a file that does not exist yet.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from supple.errors import InputError

_HEADER = re.compile(r"^\s*\[\s*schedule\s*\]\s*(#.*)?$")
_TABLE = re.compile(r"^\s*\[")


def toml_value(value: Any) -> str:
    """A checked schedule value (date, whole number, plain text or a list of them) as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, int)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)  # a TOML basic string for this ASCII text
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def set_schedule(text: str, values: Mapping[str, Any], remove: tuple[str, ...] = ()) -> str:
    """``text`` (a routine file) with ``values`` set in its ``[schedule]`` table and the keys in
    ``remove`` taken out; other lines, comments included, are kept. A replaced key keeps its
    comment. The leading comment block of a template's table (starting ``# A template``) goes.
    """
    lines = text.splitlines()
    try:
        head = next(i for i, line in enumerate(lines) if _HEADER.match(line))
    except StopIteration:
        block = ["", "[schedule]", *(f"{k} = {toml_value(v)}" for k, v in values.items())]
        return "\n".join([*lines, *block]) + "\n"
    end = next((i for i in range(head + 1, len(lines)) if _TABLE.match(lines[i])), len(lines))
    body = lines[head + 1:end]
    if body and body[0].lstrip().startswith("# A template"):
        while body and body[0].lstrip().startswith("#"):
            body.pop(0)
    pending = dict(values)
    kept: list[str] = []
    for line in body:
        match = re.match(r"^\s*([A-Za-z_]+)\s*=", line)
        key = match.group(1) if match else None
        if key in remove and key not in pending:
            _single_line(line, key)
            continue
        if key is not None and key in pending:
            comment = _single_line(line, key)
            kept.append(f"{key} = {toml_value(pending.pop(key))}" + (f"   {comment}" if comment else ""))
            continue
        kept.append(line)
    added = [f"{k} = {toml_value(v)}" for k, v in pending.items()]
    return "\n".join([*lines[:head + 1], *added, *kept, *lines[end:]]) + "\n"


def _single_line(line: str, key: str) -> str:
    """The comment of a one-line ``key = value`` (``""`` if none); an error for a value that
    continues on the next lines, which this simple editor does not rewrite."""
    try:
        tomllib.loads(line)
    except tomllib.TOMLDecodeError:
        raise InputError.at("spreads over several lines; edit the copy by hand", None, f"schedule.{key}") from None
    code, sep, comment = _split_comment(line)
    return (sep + comment).strip()


def _split_comment(line: str) -> tuple[str, str, str]:
    in_string: str | None = None
    for index, char in enumerate(line):
        if in_string:
            if char == in_string:
                in_string = None
        elif char in "\"'":
            in_string = char
        elif char == "#":
            return line[:index], "#", line[index + 1:]
    return line, "", ""


def new_routine_toml(routine: Mapping[str, Any], schedule: Mapping[str, Any], exercises: list[str]) -> str:
    """A new routine file's text, written with tomli-w."""
    import tomli_w

    head = tomli_w.dumps({"routine": dict(routine), "schedule": dict(schedule)})
    steps = "".join(f"\n[[steps]]\n{tomli_w.dumps({'exercise': exercise})}" for exercise in exercises)
    return "# Composed with `supple new routine`; see docs/routine-format.md for every key.\n" + head + steps


def write_new(path: str, text: str) -> None:
    """Write ``text`` to ``path``, which must not exist yet (never overwritten)."""
    if os.path.isdir(path):
        raise InputError.at("is a directory; give a file name to write", path)
    directory = os.path.dirname(path) or "."
    if not os.path.isdir(directory):
        raise InputError.at(f"the folder {directory} does not exist", path)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            try:
                handle.write(text)
            except BaseException:
                handle.close()
                os.unlink(path)
                raise
    except FileExistsError:
        raise InputError.at("already exists; supple does not overwrite it (choose another name)", path) from None
