"""Every bundled routine's handout converts with a real pandoc, using the hardened command that
docs/handout.md gives, into an HTML page a person can follow: title, exercises, a check box
per session, page breaks and the disclaimer, with no warning from pandoc.

(A PDF needs a TeX installation, which the test suite does not assume; docs/handout.md shows
the PDF command, and the same Markdown goes through pandoc's LaTeX writer in
test_markdown_injection.py.)
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import make_registry

pypandoc = pytest.importorskip("pypandoc")
PANDOC = pypandoc.get_pandoc_path()
ROOT = Path(__file__).parents[2]
ROUTINES = sorted(p.stem for p in (ROOT / "routines").glob("*.toml"))
DOC = (ROOT / "docs" / "handout.md").read_text(encoding="utf-8")


def documented_reader() -> str:
    """The hardened reader from the command in docs/handout.md (so the docs cannot drift)."""
    match = re.search(r"-f (markdown(?:-\w+)+)", DOC)
    assert match, "docs/handout.md gives no hardened pandoc reader"
    return match.group(1)


def pandoc(text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PANDOC, *args], input=text.encode("utf-8"), capture_output=True, timeout=120)


def test_the_bundled_routines_are_all_covered():
    offered = sorted(make_registry(builtins=True).routines)
    assert ROUTINES and offered == ROUTINES


def test_documented_reader_switches_off_raw_code_and_math():
    reader = documented_reader()
    for extension in ("raw_tex", "raw_html", "raw_attribute", "tex_math_dollars",
                      "tex_math_single_backslash", "tex_math_double_backslash", "latex_macros"):
        assert f"-{extension}" in reader
    for hardening in ("--sandbox", "--pdf-engine-opt=-no-shell-escape", "openin_any=p", "timeout"):
        assert hardening in DOC


@pytest.mark.parametrize("name", ROUTINES)
def test_bundled_routine_handout_converts_to_html_with_the_hardened_command(name):
    from supple_markdown import PAGEBREAK_FILTER

    result = CliRunner().invoke(cli, ["export", name, "--to", "md"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    done = pandoc(text, "-f", documented_reader(), "--sandbox", "--lua-filter", PAGEBREAK_FILTER,
                  "-s", "-t", "html5")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b"", done.stderr.decode()  # not even a warning
    page = done.stdout.decode("utf-8")

    plan = json.loads(CliRunner().invoke(cli, ["export", name, "--to", "json"]).stdout)
    title = html.escape(plan["routine"]["title"], quote=False)
    assert f"<title>{title}" in page and title in page
    assert page.count('<input type="checkbox"') == len(plan["sessions"])
    assert page.count("break-after: page") == text.count("::: pagebreak\n:::") >= 2
    assert page.count("<h3") >= len(plan["sessions"][0]["steps"])
    assert " ".join(html.escape(supple.DISCLAIMER, quote=False).split()) in " ".join(page.split())
    assert "<script" not in page and "<a href" not in page


@pytest.mark.parametrize("name", ROUTINES)
def test_hardened_and_default_readers_see_the_same_document(name):
    """Nothing in a handout uses, or is changed by, the extensions the hardened reader turns
    off: the same syntax tree either way."""
    text = CliRunner().invoke(cli, ["export", name, "--to", "md"]).stdout
    hardened = pandoc(text, "-f", documented_reader(), "-t", "json")
    default = pandoc(text, "-f", "markdown", "-t", "json")
    assert hardened.returncode == default.returncode == 0
    assert json.loads(hardened.stdout) == json.loads(default.stdout)
