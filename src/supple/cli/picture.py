"""`supple exercise ID --picture FILE` and the media lines of `supple exercise ID`."""

from __future__ import annotations

import re
from typing import Any

import click

from supple.errors import InputError

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def safe(text: str) -> str:
    """``text`` for a terminal: control characters (escape sequences) dropped."""
    return _CONTROL.sub("", text)


def media_lines(ex: Any) -> list[str]:
    """What pictures and media an exercise has, as lines of text (user text made safe)."""
    out = [""]
    if ex.drawing is not None:
        out.append("Picture: start and end positions drawn by supple "
                   "(`--picture FILE` writes it as SVG).")
    else:
        out.append("Picture: none.")
    if ex.media:
        out.append("Media:")
        for item in ex.media:
            where = item.url or item.path
            title = f"{safe(item.title)}: " if item.title else ""
            out.append(f"  - {item.kind}: {title}{safe(where)} (licence {safe(item.licence)}; "
                       f"by {safe(item.attribution)})")
    return out


def write_picture(entry: Any, path: str) -> None:
    """Write the exercise's illustration to ``path`` as SVG (exit 2 when it has none)."""
    ex = entry.exercise
    drawing = ex.drawing
    if drawing is None:
        raise InputError.at(f"exercise {entry.ref!r} has no picture (its plugin gives no "
                            "illustration)", None, "--picture")
    from supple import write_atomic
    from supple.figure.render import render_svg

    data = render_svg(drawing).encode("utf-8")
    if path == "-":
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(path, data)
    click.echo(f"Wrote {path} ({len(data):,} bytes)", err=True)
