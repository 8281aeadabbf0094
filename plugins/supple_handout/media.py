"""A plugin's own images in the handout: the first image media item of an exercise whose
``path`` is a PNG, JPEG or SVG file of at most :data:`MAX_BYTES`, embedded as data (base64 in
the document; an ``<img>`` data address in HTML, image bytes in Typst). The format is read
from the file's first bytes, not its name, so a file that is not such an image is never
embedded (it stays listed as text, with its licence and attribution, like every media item).
An SVG is shown through ``<img>`` in HTML, where a browser runs no script and loads nothing.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

#: The largest image file embedded (larger ones are listed, not embedded).
MAX_BYTES = 2_000_000

MIME = {"png": "image/png", "jpg": "image/jpeg", "svg": "image/svg+xml"}


def _format(data: bytes, suffix: str) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if suffix == ".svg" and b"<svg" in data[:4096]:
        return "svg"
    return None


def embedded_image(media: Any) -> dict[str, str] | None:
    """``{"format", "data", "title", "licence", "attribution"}`` for the first image of
    ``media`` (an exercise's :class:`supple.Media` items) that can be embedded; else ``None``."""
    for item in media:
        if item.kind != "image" or not item.path:
            continue
        path = Path(item.path)
        try:
            if not path.is_file() or path.stat().st_size > MAX_BYTES:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        found = _format(data[: MAX_BYTES + 1], path.suffix.lower())
        if found is None:
            continue
        return {"format": found, "data": base64.b64encode(data).decode("ascii"),
                "title": item.title, "licence": item.licence, "attribution": item.attribution}
    return None
