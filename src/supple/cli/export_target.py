"""Where ``supple export -o FILE`` may write: the format inferred from the file's suffix when
``--to`` is not given, and no overwriting of a file that is not this exporter's own output
(a routine, a profile, another format) unless ``--force``."""

from __future__ import annotations

import os

from supple.errors import InputError
from supple.plugin.registry import Registry


def suffix_of(path: str) -> str:
    """The file's suffix in lower case (``.ics``), or ``""``."""
    return os.path.splitext(path)[1].lower()


def infer_format(registry: Registry, output: str | None) -> str:
    """The exporter whose usual suffix ``output`` ends with (``--to`` was not given)."""
    names = registry.names("exporter")
    known = ", ".join(names)
    if output is None or output == "-":
        raise InputError.at(f"name a format (one of {known}), or give -o FILE ending in its suffix",
                            None, "--to")
    suffix = suffix_of(output)
    matching = [n for n in names if registry.get("exporter", n).suffix.lower() == suffix]
    if len(matching) == 1:
        return matching[0]
    if matching:
        raise InputError.at(f"{output!r} could be {' or '.join(matching)}; choose with --to", None, "--to")
    suffixes = ", ".join(f"{n} ({registry.get('exporter', n).suffix})" for n in names)
    raise InputError.at(f"cannot tell the format from {output!r}; give --to (exporters: {suffixes})",
                        None, "--to")


def _kind(data: bytes) -> str:
    """A rough kind of file content: pdf, ics, html, svg, json, toml (a routine or profile) or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = head[:64].lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if lower.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lower.startswith((b"<svg", b"<?xml")):
        return "svg"
    if head[:1] in (b"{", b"["):
        import json

        try:
            json.loads(data)
            return "json"
        except ValueError:
            pass
    import tomllib

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "text" if b"\0" not in data[:4096] else "binary"
    return "toml" if parsed else "text"


def check_target(registry: Registry, fmt: str, output: str, data: bytes, force: bool,
                 inputs: list[str]) -> None:
    """Refuse (an :class:`InputError` on ``-o``) to write ``fmt`` into a file named for another
    exporter, or over an existing file that does not look like ``fmt``'s own output. The
    ``inputs`` (routine, profile) are left to :func:`supple.io.files.write_atomic`, which
    always refuses them."""
    if force or any(_same(output, item) for item in inputs):
        return
    suffix = suffix_of(output)
    own = registry.get("exporter", fmt).suffix.lower()
    others = [n for n in registry.names("exporter")
              if n != fmt and registry.get("exporter", n).suffix.lower() == suffix]
    if suffix and suffix != own and others:
        raise InputError.at(
            f"ends in {suffix}, the suffix of the {others[0]!r} exporter, but this is {fmt!r} "
            f"output; use --to {others[0]}, a name ending in {own}, or --force", output)
    if not os.path.isfile(output):
        return
    try:
        with open(output, "rb") as handle:
            existing = handle.read(1 << 20)
    except OSError:
        return  # the write itself will say what is wrong
    if not existing.strip():
        return
    found, wanted = _kind(existing), _kind(data)
    first_line_differs = existing.lstrip().split(b"\n", 1)[0].strip() != data.lstrip().split(b"\n", 1)[0].strip()
    if found != wanted or (found == "text" and (first_line_differs or (suffix and suffix != own))):
        what = {"toml": "a TOML file (a routine or a profile?)", "text": "a text file"}.get(found, f"{found} content")
        raise InputError.at(
            f"exists and holds {what}, not {fmt!r} output; refusing to overwrite it "
            "(choose another name, or --force)", output)


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
