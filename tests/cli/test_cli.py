"""The command line as a user meets it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from supple.cli import cli

ROOT = Path(__file__).parents[2]


def run(*args, **kw):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)


def test_plan_without_arguments_plans_the_default_bundled_routine():
    result = run("plan")
    assert result.exit_code == 0, result.output
    assert "Morning back mobility" in result.output
    assert "not medical advice" in result.output


def test_python_dash_m_supple_works():
    proc = subprocess.run([sys.executable, "-m", "supple", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "supple" in proc.stdout


def test_plan_json_has_the_documented_shape():
    data = json.loads(run("plan", "morning-mobility", "--json", "--start", "2026-12-07", "--timezone", "Europe/Madrid").output)
    assert data["routine"]["title"] == "Morning back mobility"
    session = data["sessions"][0]
    assert session["start"] == "2026-12-07T07:30:00+01:00"
    assert session["week"] == 1 and session["duration_s"] > 0
    step = session["steps"][0]
    assert {"exercise", "sets", "reps", "hold_s", "per_side", "rest_s", "load_kg"} <= set(step)
    assert isinstance(data["safety"], list)


def test_bundled_routine_name_typo_gets_a_suggestion():
    result = CliRunner().invoke(cli, ["plan", "morning-mobilty"])
    assert result.exit_code == 2
    assert "did you mean 'morning-mobility'" in result.output


def test_routines_lists_the_bundled_routines_with_the_default():
    result = run("routines")
    assert "morning-mobility" in result.output and "(default)" in result.output
    assert len(json.loads(run("routines", "--json").output)) >= 7


def test_exercises_json_cites_every_source_article():
    data = json.loads(run("exercises", "--json").output)
    refs = {source["ref"] for item in data for source in item["sources"]}
    for article in sorted((ROOT.parent / "shared" / "seeds").glob("0*.txt")) or []:
        assert f"article {article.name[:3]}" in refs  # cited by a readable name, not the file
    assert {"id", "name", "set", "plugin", "kind", "position", "regions", "tags", "dose", "sources"} <= set(data[0])


def test_exercises_filters_narrow_the_list():
    seated = json.loads(run("exercises", "--json", "--position", "seated").output)
    assert seated and all(item["position"] == "seated" for item in seated)
    assert run("exercises", "--kind", "strength", "--search", "no such text").output.startswith(
        "No exercise matches")


def test_exercise_shows_one_in_full_and_unknown_gets_did_you_mean():
    assert "How to do it:" in run("exercise", "cat-cow").output
    result = CliRunner().invoke(cli, ["exercise", "cat-cwo"])
    assert result.exit_code == 2 and "did you mean 'cat-cow'" in result.output


def test_unknown_exporter_is_a_usage_error_with_suggestion():
    result = CliRunner().invoke(cli, ["export", "morning-mobility", "--to", "jsn"])
    assert result.exit_code == 2
    assert "unknown exporter 'jsn'; did you mean 'json'" in result.output


def test_plan_week_beyond_the_programme_is_an_error():
    result = CliRunner().invoke(cli, ["plan", "morning-mobility", "--week", "99"])
    assert result.exit_code == 2 and "no week 99" in result.output


def test_export_json_to_file_is_atomic_and_refuses_the_routine_itself(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text((ROOT / "routines" / "morning-mobility.toml").read_text())
    out = tmp_path / "plan.json"
    assert run("export", str(routine), "--to", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["routine"]["title"]
    result = CliRunner().invoke(cli, ["export", str(routine), "--to", "json", "-o", str(routine)])
    assert result.exit_code == 2 and "refusing to overwrite an input file" in result.output
    assert routine.read_text().startswith("#") or "[routine]" in routine.read_text()


def test_internal_errors_give_a_message_not_a_traceback(monkeypatch):
    import supple.cli.catalogue as catalogue

    def broken(*a, **k):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(catalogue, "dump_json", broken)
    result = CliRunner().invoke(cli, ["exercises", "--json"])
    assert result.exit_code == 1
    assert "internal error: ZeroDivisionError: oops" in result.output
    assert "Traceback" not in result.output
