"""The printed handouts, looked at: every bundled routine is typeset to PDF (Typst) and its HTML
printed to PDF by a real headless Chromium; the pages are turned into images (pdftoppm) and
text (pdftotext) to check the page count, that no page but the last is less than half full,
and that every exercise's block sits on one page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from supple.testing import export_routine, make_registry, plan_routine
from supple_handout.content import build
from supple_handout.options import HandoutOptions

from .handout_pages import block_pages, fill, flat, page_count, page_texts

ROOT = Path(__file__).parents[2]
ROUTINES = sorted((ROOT / "routines").glob("*.toml"))
NAMES = [p.stem for p in ROUTINES]

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                reason="poppler-utils are installed by .ci/run")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def registry():
    return make_registry(builtins=True)


def _doc(registry, name: str):
    plan = plan_routine(str(ROOT / "routines" / f"{name}.toml"), registry)
    return build(plan, HandoutOptions())


def _check(pdf: Path, doc, tmp: Path, *, footer: float) -> int:
    pages = page_count(pdf)
    fills = fill(pdf, tmp, footer=footer)
    assert len(fills) == pages
    for number, share in enumerate(fills[:-1], start=1):
        assert share >= 0.5, f"page {number} of {pages} is only {share:.0%} full"
    texts = page_texts(pdf)
    footer = flat(doc["title"])
    for heading in ("Your programme", "The exercises", "Tracking log"):
        for text in texts:
            at = text.find(flat(heading))
            if at >= 0:
                after = text[at + len(flat(heading)):]
                after = re.sub(re.escape(footer) + r"Page\d+of\d+$", "", after)
                assert len(after) > 40, f"the heading {heading!r} ends a page"
    for ex in doc["exercises"]:
        first = ex["summary"] or ex["steps"][0]
        last = f"Sources: {'; '.join(ex['sources'])}." if ex["sources"] else (ex["cautions"] or ex["steps"])[-1]
        starts, ends = block_pages(texts, first, last)
        assert starts and ends, f"exercise {ex['name']!r} not found in the text"
        assert starts & ends, f"exercise {ex['name']!r} is split: pages {starts} and {ends}"
    return pages


@pytest.mark.parametrize("name", NAMES)
def test_pdf_handout_pages(registry, tmp_path, name):
    pytest.importorskip("typst")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(export_routine(str(ROOT / "routines" / f"{name}.toml"), registry, "pdf"))
    doc = _doc(registry, name)
    assert all(row["picture"] for row in doc["programme"])
    pages = _check(pdf, doc, tmp_path, footer=0.06)
    if name == "morning-mobility":
        assert pages <= 4


def _print(html: Path, pdf: Path, profile: Path) -> None:
    """Print ``html`` to ``pdf`` with headless Chromium (its own empty profile, no network)."""
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
         html.as_uri()],
        capture_output=True, timeout=120, check=True, env={**os.environ, "HOME": str(profile)},
    )
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run")
@pytest.mark.parametrize("name", NAMES)
def test_html_handout_printed_by_chromium(registry, tmp_path, name):
    html = tmp_path / f"{name}.html"
    html.write_bytes(export_routine(str(ROOT / "routines" / f"{name}.toml"), registry, "html"))
    pdf = tmp_path / f"{name}.pdf"
    _print(html, pdf, tmp_path / "chromium")
    pages = _check(pdf, _doc(registry, name), tmp_path, footer=0.0)
    if name == "morning-mobility":
        assert pages <= 4
