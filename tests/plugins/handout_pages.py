"""Helpers for the page checks of the printed handouts: page images (pdftoppm) and page text
(pdftotext), both from Debian's poppler-utils (installed by .ci/run)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def page_count(pdf: Path) -> int:
    """Pages in ``pdf`` (pdfinfo)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, timeout=60).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5", parts[0]
    width, height = int(parts[1]), int(parts[2])
    return width, height, parts[4][-width * height:]


def fill(pdf: Path, tmp: Path, *, footer: float = 0.0) -> list[float]:
    """For each page, how far down the page its content reaches (0 = blank, 1 = to the bottom
    margin), read from a grey page image; ``footer`` is the bottom share of the page that
    holds a running footer and is ignored."""
    prefix = tmp / "page"
    subprocess.run(["pdftoppm", "-r", "24", "-gray", str(pdf), str(prefix)], check=True, timeout=120,
                   capture_output=True)
    out = []
    for image in sorted(tmp.glob("page*.pgm"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1])):
        width, height, pixels = _pgm(image.read_bytes())
        usable = int(height * (1 - footer))
        rows = [y for y in range(usable) if min(pixels[y * width:(y + 1) * width]) < 160]
        top_margin = rows[0] if rows else 0
        out.append((rows[-1] - top_margin) / (usable - 2 * top_margin) if rows else 0.0)
        image.unlink()
    return out


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, white space removed (so wrapped lines still match)."""
    texts = []
    for n in range(1, page_count(pdf) + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, check=True, timeout=60).stdout.decode("utf-8")
        texts.append(re.sub(r"\s+", "", text))
    return texts


def flat(text: str) -> str:
    """``text`` with white space removed, as :func:`page_texts` gives it."""
    return re.sub(r"\s+", "", text)


def block_pages(texts: list[str], first: str, last: str) -> tuple[set[int], set[int]]:
    """The pages on which an exercise block's first and last texts appear."""
    a, b = flat(first)[:40], flat(last)[-40:]
    return ({i for i, t in enumerate(texts) if a in t}, {i for i, t in enumerate(texts) if b in t})
