"""`supple log add | pain | edit | delete`, the listing's filters, and `run --record` per step,
through the command line on real SQLite files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.guide.clock import FakeClock


@pytest.fixture
def env(log_env):
    """The logged routine's command-line environment (tests/guide/conftest.py)."""
    return log_env


def invoke(env, *args):
    environ = {k: v for k, v in env.items() if k.startswith("SUPPLE_")}
    return CliRunner().invoke(cli, list(args), env=environ)


def listed(env, *args):
    result = invoke(env, "log", "--json", "--all", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_log_add_records_the_day_s_planned_steps_and_every_value(env):
    result = invoke(env, "log", "add", env["routine"], "--date", "2026-12-07", "--time", "07:35",
                    "--pain-before", "3", "--pain-after", "4", "--effort", "hard", "--note", "stiff",
                    "--next-day-pain", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Logged: #1    2026-12-07 07:35  Short logged test, week 1: logged by hand: done")
    (entry,) = listed(env)
    assert entry["started"] == "2026-12-07T07:35:00+01:00" and entry["date"] == "2026-12-07"
    assert (entry["pain_before"], entry["pain_after"], entry["next_day_pain"]) == (3, 4, 2)
    assert entry["effort"] == "hard" and entry["note"] == "stiff" and entry["source"] == "manual"
    assert entry["outcome"] == "done" and entry["week"] == 1
    assert Path(entry["routine"]["path"]).is_absolute()
    assert [(s["number"], s["exercise"], s["status"]) for s in entry["steps"]] == [
        (1, "backcare/cat-cow", "done"), (2, "backcare/childs-pose", "done")]
    assert entry["steps"][1]["planned"] == {"sets": 2, "reps": 0, "hold_s": 5, "per_side": False, "load_kg": 0}
    assert entry["steps"][1]["done"] == entry["steps"][1]["planned"]


def test_partial_and_skipped_sessions_and_the_week_from_the_date(env):
    assert invoke(env, "log", "add", env["routine"], "--date", "2026-12-14", "--partial").exit_code == 0
    assert invoke(env, "log", "add", env["routine"], "--date", "2026-12-16", "--skipped").exit_code == 0
    partial, skipped = listed(env)[::-1]
    assert partial["week"] == 2 and partial["outcome"] == "partial"
    assert [s["status"] for s in partial["steps"]] == ["partial", "partial"]
    assert partial["steps"][0]["done"] is None  # how much was done is not known
    assert skipped["outcome"] == "skipped" and skipped["steps"][0]["done"]["sets"] == 0


@pytest.mark.parametrize("args, option", [
    (["--pain-before", "11"], "--pain-before"),
    (["--pain-after", "-1"], "--pain-after"),
    (["--next-day-pain", "ten"], "--next-day-pain"),
    (["--date", "2026-02-30"], "--date"),
    (["--date", "7/12/2026"], "--date"),
    (["--time", "25:00"], "--time"),
    (["--time", "7h30"], "--time"),
    (["--effort", "brutal"], "--effort"),
    (["--week", "0"], "--week"),
])
def test_bad_values_are_usage_errors_naming_the_option_and_write_nothing(env, args, option):
    result = invoke(env, "log", "add", env["routine"], *args)
    assert result.exit_code == 2 and option in result.output and "Traceback" not in result.output
    assert not (env["tmp"] / "data").exists()


def test_an_unknown_routine_gets_a_did_you_mean(env):
    result = invoke(env, "log", "add", "morning-mobilty")
    assert result.exit_code == 2 and "did you mean 'morning-mobility'" in result.stderr
    invoke(env, "log", "add", env["routine"], "--date", "2026-12-07")
    result = invoke(env, "log", "--routine", "short-loged")
    assert result.exit_code == 2 and "--routine" in result.stderr and "'short-logged'" in result.stderr


def test_next_day_pain_goes_to_the_sessions_of_the_day_before(env):
    invoke(env, "log", "add", env["routine"], "--date", "2026-12-08", "--time", "07:30")
    invoke(env, "log", "add", env["routine"], "--date", "2026-12-08", "--time", "18:00")
    result = invoke(env, "log", "pain", "4")  # today is 2026-12-09: yesterday's sessions
    assert result.exit_code == 0, result.output
    assert "#1, #2 of 2026-12-08" in result.stdout
    assert [e["next_day_pain"] for e in listed(env)] == [4, 4]
    result = invoke(env, "log", "pain", "3", "--date", "2026-12-01")
    assert result.exit_code == 2 and "--date" in result.stderr and "no session" in result.stderr
    assert invoke(env, "log", "pain", "12").exit_code == 2


def test_edit_changes_values_in_one_go_and_delete_asks(env):
    invoke(env, "log", "add", env["routine"], "--date", "2026-12-07", "--pain-before", "2", "--effort", "ok")
    result = invoke(env, "log", "edit", "1", "--date", "2026-12-11", "--time", "18:05", "--skipped",
                    "--clear", "pain-before", "--note", "ill")
    assert result.exit_code == 0, result.output
    (entry,) = listed(env)
    assert entry["started"] == "2026-12-11T18:05:00+01:00" and entry["date"] == "2026-12-11"
    assert entry["pain_before"] is None and entry["note"] == "ill" and entry["outcome"] == "skipped"
    assert [s["status"] for s in entry["steps"]] == ["skipped", "skipped"]
    assert invoke(env, "log", "edit", "7", "--note", "x").exit_code == 2
    assert invoke(env, "log", "edit", "1").exit_code == 2  # nothing to change
    refused = invoke(env, "log", "delete", "1")
    assert refused.exit_code == 2 and "--yes" in refused.stderr and len(listed(env)) == 1
    assert invoke(env, "log", "delete", "1", "--yes").exit_code == 0
    assert listed(env) == []


def test_the_listing_filters_by_routine_and_dates(env, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text(Path(env["routine"]).read_text().replace('id = "short-logged"', 'id = "other"'))
    for day in ("2026-12-07", "2026-12-09", "2026-12-11"):
        invoke(env, "log", "add", env["routine"], "--date", day)
    invoke(env, "log", "add", str(other), "--date", "2026-12-09")
    assert len(listed(env)) == 4
    assert [e["date"] for e in listed(env, "--routine", "short-logged", "--from", "2026-12-08")] == [
        "2026-12-11", "2026-12-09"]
    assert [e["routine"]["id"] for e in listed(env, "--routine", str(other))] == ["other"]
    assert [e["date"] for e in listed(env, "--to", "2026-12-07")] == ["2026-12-07"]
    bad = invoke(env, "log", "--from", "2026-12-10", "--to", "2026-12-01")
    assert bad.exit_code == 2 and "--from" in bad.stderr
    text = invoke(env, "log", "--routine", "other").stdout
    assert "#4    2026-12-09 08:00  Short logged test, week 1: logged by hand: done, 2/2 done" in text


def test_run_record_stores_each_step_with_its_doses(env):
    result = invoke(env, "run", env["routine"], "--record", "--pain", "2", "--pain-after", "3",
                    "--effort", "easy")
    assert result.exit_code == 0, result.output
    (entry,) = listed(env)
    assert entry["outcome"] == "done" and entry["effort"] == "easy" and entry["pain_after"] == 3
    assert [(s["status"], s["done"]["sets"]) for s in entry["steps"]] == [("done", 1), ("done", 2)]
    assert Path(entry["routine"]["path"]).is_absolute()
    assert invoke(env, "run", env["routine"], "--effort", "meh").exit_code == 2
    assert invoke(env, "run", env["routine"], "--pain-after", "11").exit_code == 2


def test_a_step_skipped_after_one_of_two_sets_is_logged_as_partial_with_one_set(env):
    import io

    from supple.guide.keys import ScriptedKeys
    from supple.guide.record import steps_done
    from supple.guide.runner import Runner
    from supple.guide.screen import PlainScreen
    from supple.io.routine_file import load_routine
    from supple.pipeline.orchestrator import build_plan
    from supple.plugin.manager import load_registry

    plan = build_plan(load_routine(env["routine"]), load_registry(), None)
    timeline = plan.sessions[0].timeline
    # cat-cow ends at 11 s; child's pose: get ready 11-14, hold 14-19, rest 19-21, hold 21-26
    clock = FakeClock(start=0.0)
    result = Runner(timeline, clock, ScriptedKeys(clock, [(23.0, "n")]),
                    PlainScreen(timeline, io.StringIO(), keys=True)).run()
    steps = steps_done(timeline, result)
    assert [(s.status, s.done.sets) for s in steps] == [("done", 1), ("partial", 1)]
    assert (steps[1].planned.sets, steps[1].planned.hold_s) == (2, 5)
    clock = FakeClock(start=0.0)
    result = Runner(timeline, clock, ScriptedKeys(clock, [(15.0, "n")]),
                    PlainScreen(timeline, io.StringIO(), keys=True)).run()
    assert [s.status for s in steps_done(timeline, result)] == ["done", "skipped"]
    clock = FakeClock(start=0.0)
    result = Runner(timeline, clock, ScriptedKeys(clock, [(5.0, "q")]),
                    PlainScreen(timeline, io.StringIO(), keys=True)).run()
    assert [s.status for s in steps_done(timeline, result)] == ["not-reached", "not-reached"]


def test_run_record_with_the_log_locked_keeps_the_session_and_writes_it_later(env):
    path = Path(env["SUPPLE_DATA_DIR"]) / "sessions.sqlite3"
    assert invoke(env, "log", "add", env["routine"], "--date", "2026-12-07").exit_code == 0
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the log
    try:
        result = invoke(env, "run", env["routine"], "--record", "--pain", "1")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 0, result.output
    assert "locked" in result.stderr and "nothing is lost" in result.stderr
    assert "delete" not in result.output.lower()
    assert (path.parent / "sessions.pending.jsonl").exists()
    waiting = invoke(env, "log")
    assert "1 session waiting in" in waiting.stdout
    assert len(listed(env)) == 1
    assert invoke(env, "log", "add", env["routine"], "--date", "2026-12-11").exit_code == 0
    entries = listed(env)
    assert [e["source"] for e in entries] == ["manual", "run", "manual"]
    assert entries[1]["pain_before"] == 1 and entries[1]["outcome"] == "done"
    assert not (path.parent / "sessions.pending.jsonl").exists()


def test_broken_log_contents_never_crash_the_listing_or_the_report(env):
    path = Path(env["SUPPLE_DATA_DIR"]) / "sessions.sqlite3"
    invoke(env, "log", "add", env["routine"], "--date", "2026-12-07", "--pain-before", "2")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE sessions SET pain_before = 'very', week = 'x', completed = '{]', started = 42,"
                   " duration_s = 'long', effort = 'meh', routine_title = X'1b5b324a'")
        db.execute("UPDATE steps SET planned_sets = -3, done_reps = 'a', status = 'weird'")
        db.execute("INSERT INTO sessions (started, ended, routine_id, routine_title, routine_path, timing,"
                   " status, steps_total, completed, skipped, duration_s, paused_s)"
                   " VALUES ('', '', '', '', '', '', '', -5, '', '', 0, 0)")
    db.close()
    for args in (["log"], ["log", "--json"], ["report", env["routine"], "--to", "2026-12-20"],
                 ["report", "--format", "csv"], ["log", "--routine", "short-logged"]):
        result = invoke(env, *args)
        assert result.exit_code == 0, (args, result.output)
        assert "\x1b" not in result.stdout
