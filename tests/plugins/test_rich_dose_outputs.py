"""A richer dose is shown in every output: text plan, markdown, ICS, JSON and the HTML
handout; its level is text, never markup."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from supple.cli import cli

LEVEL = "<b>*easy*</b> [x](y)"
ROUTINE = f"""\
[routine]
title = "Rich"

[schedule]
start = 2026-12-07
weeks = 1
days = "daily"
times = ["08:00"]
timezone = "UTC"

[[steps]]
exercise = "backcare/sit-to-stand"
reps = [12, 10, 8]

[[steps]]
exercise = "backcare/cat-cow"
duration = "10m"
distance_m = 1500
level = {json.dumps(LEVEL)}
"""


@pytest.fixture
def routine(tmp_path):
    path = tmp_path / "rich.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    return path


def _out(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--no-profile"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_text_plan_shows_the_pyramid_the_duration_the_distance_and_the_level(routine):
    out = _out("plan", str(routine))
    assert "12/10/8 reps" in out and "3 x 12" not in out
    assert f"10 min, 1.5 km, level {LEVEL}" in out


def test_markdown_shows_them_with_the_level_escaped(routine):
    out = _out("export", "--to", "md", str(routine))
    assert "12/10/8 reps" in out and "10 min, 1.5 km, level " in out
    assert "<b>" not in out and "*easy*" not in out and "[x](y)" not in out


def test_ics_descriptions_show_them(routine):
    out = _out("export", "--to", "ics", str(routine))
    unfolded = re.sub(r"\r?\n ", "", out).replace("\\,", ",")
    assert "12/10/8 reps" in unfolded
    assert "10 min, 1.5 km, level <b>*easy*</b> [x](y)" in unfolded  # ICS text: not markup


def test_json_has_the_new_fields(routine):
    data = json.loads(_out("export", "--to", "json", str(routine)))
    steps = data["sessions"][0]["steps"]
    assert steps[0]["set_reps"] == [12, 10, 8] and steps[0]["reps"] == 12 and steps[0]["sets"] == 3
    assert (steps[1]["duration_s"], steps[1]["distance_m"], steps[1]["level"]) == (600, 1500, LEVEL)
    assert steps[1]["set_reps"] is None and steps[0]["level"] is None and steps[0]["distance_m"] is None


def test_the_html_handout_shows_them_escaped(routine):
    out = _out("export", "--to", "html", str(routine))
    assert "12/10/8 reps" in out
    assert "level &lt;b&gt;*easy*&lt;/b&gt; [x](y)" in out and "<b>*easy*" not in out


def test_the_pdf_handout_receives_them_as_data_for_typst(routine):
    """The PDF is typeset by typst from JSON data (``sys.inputs``), shown with ``text``: never markup."""
    from supple.testing import make_registry, plan_routine
    from supple_handout.content import build
    from supple_handout.options import HandoutOptions
    from supple_handout.pdf import inputs

    plan = plan_routine(str(routine), make_registry(builtins=True))
    doc = build(plan, HandoutOptions())
    lines = [line for ex in doc["exercises"] for line in ex["dose"]]
    assert any("12/10/8 reps" in line for line in lines)
    assert any(f"10 min, 1.5 km, level {LEVEL}" in line for line in lines)
    data = json.loads(inputs(doc, HandoutOptions(), None)["doc"])
    assert data == json.loads(json.dumps(doc))
