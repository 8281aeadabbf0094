"""Every bundled routine passes `supple check` and `supple plan`, by path and by name."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

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
    # a template: without --start it plans from tomorrow in the local zone, and says so
    plan = runner.invoke(cli, ["plan", path.stem, "--json"], env={"TZ": "America/New_York"})
    assert plan.exit_code == 0, plan.output
    data = json.loads(plan.stdout)
    assert data["sessions"] and all(s["start"] for s in data["sessions"])
    tomorrow = dt.datetime.now(ZoneInfo("America/New_York")).date() + dt.timedelta(days=1)
    assert data["routine"]["timezone"] == "America/New_York"
    assert data["sessions"][0]["start"][:10] >= tomorrow.isoformat()
    assert data["sessions"][0]["start"][:10] < (tomorrow + dt.timedelta(days=7)).isoformat()
    assert plan.stderr.count("\n") == 1
    assert f"planning starting tomorrow, {tomorrow.isoformat()}, in this computer's time zone, " \
           "America/New_York" in plan.stderr
    assert all(s["steps"] and s["duration_s"] > 0 for s in data["sessions"])
