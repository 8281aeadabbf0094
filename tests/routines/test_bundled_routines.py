"""Every bundled routine passes `supple check` and `supple plan`, by path and by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli

ROUTINES = sorted((Path(__file__).parents[2] / "routines").glob("*.toml"))


def test_there_are_five_article_routines_and_two_composed_ones():
    assert len(ROUTINES) >= 7


@pytest.mark.parametrize("path", ROUTINES, ids=[p.stem for p in ROUTINES])
def test_bundled_routine_checks_and_plans(path):
    runner = CliRunner()
    check = runner.invoke(cli, ["check", str(path)])
    assert check.exit_code == 0, check.output
    plan = runner.invoke(cli, ["plan", path.stem, "--json"])
    assert plan.exit_code == 0, plan.output
    data = json.loads(plan.output)
    assert data["sessions"] and all(s["start"] for s in data["sessions"])
    assert all(s["steps"] and s["duration_s"] > 0 for s in data["sessions"])
