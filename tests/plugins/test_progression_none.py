"""The ``none`` progression strategy, the default: the same dose every week."""

from __future__ import annotations

import json

from click.testing import CliRunner

import supple
import supple_progression
from supple.cli import cli


def strategies():
    return {s.name: s for s in supple_progression.supple_progression_strategies()}


def test_every_week_has_the_base_dose_and_it_takes_no_options():
    none = strategies()["none"]
    assert none.options is None and none.check is None
    base = supple.Dose(sets=2, reps=10, load_kg=1)
    context = supple.ProgressionContext(
        exercise=supple.Exercise(
            id="x", name="X", summary="X.", kind="mobility", position="supine", dose=base,
            sources=(supple.Source("test"),),
        ),
        weeks=52, pain=0,
    )
    assert all(none.dose_for(base, week, None, context) is base for week in range(1, 53))


def test_the_plugin_contributes_five_strategies_each_with_a_summary():
    found = strategies()
    assert sorted(found) == ["linear", "load", "none", "phased", "responsive"]
    assert all(s.summary for s in found.values())
    assert all(s.options is not None and s.check is not None for n, s in found.items() if n != "none")


def test_a_routine_without_progression_keeps_every_weeks_dose(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        '[routine]\ntitle = "Same"\n[schedule]\nstart = 2026-12-07\nweeks = 3\ndays = ["tue"]\n'
        'timezone = "Europe/Madrid"\n[[steps]]\nexercise = "glute-bridge"\nreps = 10\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["plan", str(path), "--json"], env={"SUPPLE_CONFIG_DIR": str(tmp_path)})
    data = json.loads(result.output)
    assert data["routine"]["progression"] == "none"
    assert [s["steps"][0]["reps"] for s in data["sessions"]] == [10, 10, 10]
    assert len({s["duration_s"] for s in data["sessions"]}) == 1


def test_none_takes_no_options_and_says_so(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        '[routine]\ntitle = "x"\n[progression]\nstrategy = "none"\nreps = 2\n'
        '[[steps]]\nexercise = "cat-cow"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", str(path)], env={"SUPPLE_CONFIG_DIR": str(tmp_path)})
    assert result.exit_code == 2
    assert f"{path}: progression: 'none' takes no options; remove reps" in result.output


def test_plugins_lists_the_progression_strategies(tmp_path):
    result = CliRunner().invoke(cli, ["plugins", "--all"], env={"SUPPLE_CONFIG_DIR": str(tmp_path)})
    assert result.exit_code == 0
    assert "progression strategy: linear, load, none, phased" in result.output
    assert "timing strategy: gentle, steady, time-boxed" in result.output
