"""`supple report --format html|pdf -o FILE`: the printable report with SVG charts drawn by
supple, from a real SQLite log; its figures are the logged ones, user text stays text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from supple.cli import cli

ROUTINE = """
[routine]
title = "Printable report"
id = "printable"

[schedule]
start = 2026-12-07
weeks = 2
days = ["mon", "wed", "fri"]
times = ["07:30"]
timezone = "UTC"

[[steps]]
exercise = "cat-cow"
reps = 8
"""

NOTE = '<script>alert(1)</script> #set text(red) $x$ [link](http://x.invalid) =SUM(A1)'


@pytest.fixture
def env(tmp_path):
    routine = tmp_path / "print.toml"
    routine.write_text(ROUTINE)
    (tmp_path / "config").mkdir()
    environ = {"SUPPLE_DATA_DIR": str(tmp_path / "data"), "SUPPLE_CONFIG_DIR": str(tmp_path / "config")}
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, list(args), env=environ)

    for day, after, nxt, extra in (("2026-12-07", "2", "1", ["--effort", "easy"]),
                                   ("2026-12-09", "3", "2", ["--partial", "--note", NOTE]),
                                   ("2026-12-14", "1", "1", ["--skipped"])):
        result = invoke("log", "add", str(routine), "--date", day, "--time", "07:30", "--pain-before", "1",
                        "--pain-after", after, "--next-day-pain", nxt, *extra)
        assert result.exit_code == 0, result.output
    return invoke, routine, tmp_path


def test_the_html_report_is_self_contained_and_shows_the_logged_figures(env):
    invoke, routine, tmp = env
    out = tmp / "report.html"
    result = invoke("report", str(routine), "--to", "2026-12-20", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text()
    data = json.loads(invoke("report", str(routine), "--to", "2026-12-20", "--json").stdout)["reports"][0]
    assert (data["planned"], data["done"], data["partial"], data["skipped"]) == (6, 1, 1, 1)
    assert "Sessions: 1 done, 1 partly done, 1 skipped, of 6 planned (adherence 17%)." in page
    assert f"before {data['pain_before']:.1f}, after {data['pain_after']:.1f}" in page
    assert page.count("<svg ") == 2 and page.count("<polyline") >= 2
    # self-contained: no script, no external resource (the only URL is the SVG namespace)
    assert "<script" not in page and "src=" not in page and "href=" not in page and "url(" not in page
    assert set(re.findall(r"https?://[^\s\"'<)]+", page)) == {"http://www.w3.org/2000/svg", "http://x.invalid"}
    # the note is text, escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # the pain chart has one point per logged value: 3 sessions x 3 series
    assert page.count("<circle") == 9


def test_html_goes_to_standard_output_without_a_file(env):
    invoke, routine, _ = env
    result = invoke("report", str(routine), "--to", "2026-12-20", "--format", "html")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_the_pdf_report_needs_a_file_and_is_deterministic(env):
    invoke, routine, tmp = env
    refused = invoke("report", str(routine), "--format", "pdf")
    assert refused.exit_code == 2 and "--output" in refused.output and "Traceback" not in refused.output
    first, second = tmp / "a.pdf", tmp / "b.pdf"
    for out in (first, second):
        result = invoke("report", str(routine), "--to", "2026-12-20", "--format", "pdf", "-o", str(out))
        assert result.exit_code == 0, result.output
    assert first.read_bytes().startswith(b"%PDF") and first.read_bytes() == second.read_bytes()
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed; .ci/run installs it")
    text = subprocess.run(["pdftotext", "-layout", str(first), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert "Sessions: 1 done, 1 partly done, 1 skipped, of 6 planned (adherence 17%)." in text
    assert "<script>alert(1)</script>" in re.sub(r"\s+", " ", text) or "<script>alert(1)</script>" in text
    assert "Pain over time" in text and "Adherence by week" in text
