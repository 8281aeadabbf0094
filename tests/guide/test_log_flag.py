"""`supple log flag RED_FLAG`: a red flag reported between sessions stops later plans, runs and
exports as a profile red flag does, until it is cleared after a clinician's check."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from supple.cli import cli

ROUTINE = """
[routine]
title = "Flagged"
id = "flagged"

[schedule]
start = 2026-12-07
weeks = 1
days = ["mon"]
times = ["07:30"]
timezone = "UTC"

[[steps]]
exercise = "cat-cow"
reps = 8
"""


@pytest.fixture
def env(tmp_path):
    routine = tmp_path / "flagged.toml"
    routine.write_text(ROUTINE)
    (tmp_path / "config").mkdir()
    environ = {"SUPPLE_DATA_DIR": str(tmp_path / "data"), "SUPPLE_CONFIG_DIR": str(tmp_path / "config")}

    def invoke(*args):
        return CliRunner().invoke(cli, list(args), env=environ)

    return invoke, str(routine), tmp_path / "data" / "red-flags.json"


def test_a_reported_red_flag_stops_plan_export_and_run_until_cleared(env, tmp_path):
    invoke, routine, flags = env
    assert invoke("plan", routine).exit_code == 0
    result = invoke("log", "flag", "fever", "--date", "2026-12-08")
    assert result.exit_code == 0, result.output
    assert json.loads(flags.read_text()) == [{"flag": "fever", "reported": "2026-12-08", "cleared": None}]
    refused = invoke("plan", routine)
    assert refused.exit_code == 3 and "(fever)" in refused.output and "red-flag-review" in refused.output
    assert invoke("export", routine, "--to", "ics", "-o", str(tmp_path / "x.ics")).exit_code == 3
    assert not (tmp_path / "x.ics").exists()
    assert invoke("run", routine, "--week", "1", "--pain", "1", "--no-record").exit_code == 3
    assert invoke("log", "flag", "fever").output.startswith("The red flag fever is already recorded.")
    cleared = invoke("log", "flag", "--clear", "fever", "--date", "2026-12-10")
    assert cleared.exit_code == 0 and json.loads(flags.read_text())[0]["cleared"] == "2026-12-10"
    assert invoke("plan", routine).exit_code == 0


def test_an_unknown_flag_and_a_broken_file_are_input_errors(env):
    invoke, routine, flags = env
    unknown = invoke("log", "flag", "saddle-numbnes")
    assert unknown.exit_code == 2 and "did you mean 'saddle-numbness'" in unknown.output
    assert not flags.exists()
    flags.parent.mkdir(parents=True)
    flags.write_text("{not json")
    broken = invoke("plan", routine)
    assert broken.exit_code == 2 and str(flags) in broken.output and "Traceback" not in broken.output
    assert invoke("log", "flag", "fever").exit_code == 2
    assert flags.read_text() == "{not json"  # never overwritten
