"""A plugin's own images (``supple.Media`` with a ``path``) are embedded in the HTML and PDF
handouts, credited with their licence and attribution: as ``<img>`` data addresses (the page
still loads nothing and runs nothing) and as image bytes in Typst. A file that is not a PNG,
JPEG or SVG by its first bytes, or is too big, is only listed."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser

import attrs
import pytest

import supple
from supple.testing import make_registry, plan_routine


def png(width: int = 4, height: int = 3) -> bytes:
    """A real, small RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x30\x80\xc0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)">'
       b'<script>alert(2)</script><rect width="40" height="20" fill="#36c"/></svg>')


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("media")
    (folder / "cat.png").write_bytes(png())
    (folder / "cat.svg").write_bytes(SVG)
    (folder / "notes.png").write_text("not an image <script>alert(3)</script>")
    return folder


def _plugin(folder):
    base = make_registry(builtins=True).catalogue.get("cat-cow").exercise

    def photo(ident: str, name: str, title: str) -> supple.Exercise:
        media = (supple.Media(kind="image", path=str(folder / name), licence="CC-BY-4.0",
                              attribution="A. Physio <b>", title=title),)
        return attrs.evolve(base, id=ident, name=f"Photo {ident}", illustration=None, media=media,
                            easier=(), harder=(), aliases=())

    class Photos:
        __name__ = "photos"

        @supple.hookimpl
        def supple_exercise_sets(self):
            yield supple.ExerciseSet(name="photos", title="Photos", tags_reviewed=True, exercises=[
                photo("png-cat", "cat.png", "Cat <i>pose</i>"), photo("svg-cat", "cat.svg", ""),
                photo("fake-cat", "notes.png", "Notes")])

    return Photos()


ROUTINE = """
[routine]
title = "Photos"

[schedule]
start = 2026-12-07
weeks = 1
days = ["mon"]
times = ["08:00"]

[[steps]]
exercise = "png-cat"

[[steps]]
exercise = "svg-cat"

[[steps]]
exercise = "fake-cat"
"""


@pytest.fixture(scope="module")
def plan(files):
    return plan_routine(ROUTINE, make_registry(_plugin(files), builtins=True))


class _Imgs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.imgs: list[dict[str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.imgs.append(dict(attrs))


def test_html_embeds_the_images_as_data_and_lists_the_rest(plan):
    from supple_handout.content import build
    from supple_handout.html import page
    from supple_handout.options import HandoutOptions

    html = page(build(plan, HandoutOptions()), HandoutOptions())
    parser = _Imgs()
    parser.feed(html)
    sources = [img["src"] for img in parser.imgs]
    assert sources == [f"data:image/png;base64,{base64.b64encode(png()).decode()}",
                       f"data:image/svg+xml;base64,{base64.b64encode(SVG).decode()}"]
    assert parser.imgs[0]["alt"] == "Cat <i>pose</i>"
    assert "script" not in parser.tags and "<script" not in html and "alert" not in html.replace(
        base64.b64encode(SVG).decode(), "")
    assert "Cat &lt;i&gt;pose&lt;/i&gt;. Licence CC-BY-4.0; by A. Physio &lt;b&gt;" in html
    assert "notes.png" in html  # listed as text, not embedded
    off = page(build(plan, HandoutOptions(pictures=False)), HandoutOptions(pictures=False))
    assert "<img" not in off


def test_a_file_over_the_limit_is_listed_not_embedded(plan, monkeypatch):
    import supple_handout.media as media
    from supple_handout.content import build
    from supple_handout.options import HandoutOptions

    monkeypatch.setattr(media, "MAX_BYTES", 50)
    doc = build(plan, HandoutOptions())
    assert [ex["image"] for ex in doc["exercises"]] == [None, None, None]


typst = pytest.importorskip("typst")


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils are installed by .ci/run")
def test_the_pdf_carries_the_photograph_and_its_credit(plan, tmp_path):
    from supple_handout.content import build
    from supple_handout.options import HandoutOptions
    from supple_handout.pdf import typeset

    pdf = tmp_path / "h.pdf"
    pdf.write_bytes(typeset(build(plan, HandoutOptions()), HandoutOptions(), dt.date(2026, 11, 1)))
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, check=True,
                            timeout=60, text=True).stdout.splitlines()[2:]
    sizes = sorted((int(line.split()[3]), int(line.split()[4])) for line in listed)
    assert (4, 3) in sizes  # the PNG, as an image of its own pixels
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                          timeout=60, text=True).stdout
    assert "Licence CC-BY-4.0; by A. Physio <b>" in " ".join(text.split())
