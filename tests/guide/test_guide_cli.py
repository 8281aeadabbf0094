"""`supple run` and `supple log` through the command line, on a fake clock."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.guide.clock import FakeClock

SHORT = """
[routine]
title = "Short guided test"
id = "short-guided"

[timing]
strategy = "steady"
tempo = 1
rest = 2
transition = 3
switch = 1

[[steps]]
exercise = "cat-cow"
reps = 2

[[steps]]
exercise = "childs-pose"
hold = 5
sets = 2

[[steps]]
exercise = "side-lying-thoracic-rotation"
reps = 2
per_side = true
"""


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A private data and config directory, a fake clock and a fixed 'now'."""
    import supple.cli.run as run_module

    clocks: list[FakeClock] = []

    def make_clock():
        clocks.append(FakeClock(start=100.0))
        return clocks[-1]

    monkeypatch.setattr(run_module, "make_clock", make_clock)
    monkeypatch.setattr(run_module, "wall_now",
                        lambda: dt.datetime(2026, 12, 9, 8, 0, tzinfo=ZoneInfo("Europe/Madrid")))
    routine = tmp_path / "short.toml"
    routine.write_text(SHORT)
    (tmp_path / "config").mkdir()
    return {
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
        "NO_COLOR": None,
        "routine": str(routine),
        "tmp": tmp_path,
        "clocks": clocks,
    }


def invoke(env, *args):
    environ = {k: v for k, v in env.items() if k.startswith(("SUPPLE_", "NO_COLOR"))}
    return CliRunner().invoke(cli, list(args), env=environ)


def test_run_guides_the_whole_session_as_plain_lines_when_not_a_terminal(env):
    result = invoke(env, "run", env["routine"], "--pain", "2")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\r" not in out and "\x1b" not in out and "\x07" not in out
    assert out.startswith("Short guided test\nSession: week 1; 3 exercises, about 34 s (timing: steady).")
    assert "Pain before the session: 2/10." in out
    assert "Keys are not read (standard input is not a terminal)" in out
    assert "[00:00] Step 1 of 3: Cat-cow (2 reps, hold 3 s)" in out
    assert "[00:03]   rep 1/2" in out
    assert "Switch sides (now the right side): 1 s" in out
    assert "Session complete: 3 of 3 exercises done in 34 s." in out
    assert out.rstrip().endswith("weakness in the legs).")  # the disclaimer comes last
    assert "Save this session" not in out  # no questions when not interactive
    assert not (env["tmp"] / "data").exists()  # and nothing recorded without --record
    assert env["clocks"][0].now() == pytest.approx(134.0)


def test_record_saves_the_session_and_log_lists_it(env):
    result = invoke(env, "run", env["routine"], "--pain", "3", "--record")
    assert result.exit_code == 0, result.output
    assert "Saved in your session log" in result.stdout
    listing = invoke(env, "log")
    assert listing.exit_code == 0, listing.output
    assert "Short guided test, week 1: finished, 3/3 done, 34 s, pain 3 -> ?" in listing.stdout
    assert str(Path(env["SUPPLE_DATA_DIR"]) / "sessions.sqlite3") in listing.stdout
    assert "not medical advice" not in listing.stdout  # a list of records, not advice (issue 18)
    data = json.loads(invoke(env, "log", "--json").stdout)
    assert len(data) == 1
    entry = data[0]
    assert entry["routine"]["id"] == "short-guided" and entry["routine"]["path"] == env["routine"]
    assert entry["status"] == "finished" and entry["week"] == 1 and entry["timing"] == "steady"
    assert [c["number"] for c in entry["completed"]] == [1, 2, 3]
    assert entry["completed"][0]["exercise"] == "backcare/cat-cow"
    assert entry["pain_before"] == 3 and entry["pain_after"] is None
    assert entry["duration_s"] == 34.0 and entry["paused_s"] == 0.0
    assert entry["started"] == "2026-12-09T08:00:00+01:00"


def test_log_limit_shows_the_most_recent(env):
    for _ in range(3):
        assert invoke(env, "run", env["routine"], "--record").exit_code == 0
    assert len(json.loads(invoke(env, "log", "--json", "--limit", "2").stdout)) == 2
    assert len(json.loads(invoke(env, "log", "--json", "--all").stdout)) == 3
    assert invoke(env, "log", "--limit", "0").exit_code == 2


def test_log_without_sessions_says_how_to_record_one(env):
    result = invoke(env, "log")
    assert result.exit_code == 0
    assert "No sessions recorded yet" in result.stdout and "not medical advice" not in result.stdout
    assert json.loads(invoke(env, "log", "--json").stdout) == []


def test_a_broken_log_file_is_a_clear_error_not_a_traceback(env):
    data = Path(env["SUPPLE_DATA_DIR"])
    data.mkdir()
    (data / "sessions.sqlite3").write_text("garbage " * 200)
    result = invoke(env, "log")
    assert result.exit_code == 2
    assert "sessions.sqlite3" in result.stderr and "Traceback" not in result.output


def test_a_bundled_routine_runs_from_start_to_end(env):
    result = invoke(env, "run", "desk-break", "--start", "2026-12-07", "--timezone", "Europe/Madrid", "--week", "2", "--no-prompt")
    assert result.exit_code == 0, result.output
    assert "Session: week 2, Mon 2026-12-14 11:00 CET; 5 exercises" in result.stdout
    assert "Session complete: 5 of 5 exercises done" in result.stdout


def test_today_s_session_is_chosen_from_the_clock(env):
    result = invoke(env, "run", "desk-break", "--start", "2026-12-07", "--timezone", "Europe/Madrid", "--no-prompt")
    assert "Session: week 1, Wed 2026-12-09 11:00 CET" in result.stdout  # 08:00: the first of today


def test_a_week_past_the_programme_is_a_usage_error(env):
    result = invoke(env, "run", "desk-break", "--week", "9")
    assert result.exit_code == 2
    assert "--week: the programme has 6 week(s); there is no week 9" in result.stderr


def test_a_broken_routine_is_reported_with_its_key_path_and_nothing_runs(env):
    bad = env["tmp"] / "bad.toml"
    bad.write_text(SHORT.replace('hold = 5', 'hold = "ten"'))
    result = invoke(env, "run", str(bad), "--record")
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "steps[2].hold" in result.stderr
    assert "Step 1" not in result.stdout and "Traceback" not in result.output
    assert not (env["tmp"] / "data").exists()


def test_a_red_flag_refuses_the_plan_and_nothing_runs(env):
    profile = env["tmp"] / "profile.toml"
    profile.write_text('[profile]\nred_flags = ["saddle-numbness"]\n')
    result = invoke(env, "run", env["routine"], "--profile", str(profile), "--record")
    assert result.exit_code == 3
    assert "not made, for your safety" in result.stderr
    assert "Step 1" not in result.stdout
    assert not (env["tmp"] / "data").exists()


def test_high_pain_stated_for_today_stops_the_session_through_the_pain_gate(env):
    result = invoke(env, "run", env["routine"], "--pain", "8", "--record")
    assert result.exit_code == 3
    assert "[pain-gate]" in result.stderr and "8/10" in result.stderr
    assert "Step 1" not in result.stdout


def test_moderate_pain_switches_the_session_to_the_gentle_timing(env):
    calm = invoke(env, "run", env["routine"], "--pain", "1")
    sore = invoke(env, "run", env["routine"], "--pain", "4")
    assert sore.exit_code == 0, sore.output
    assert "(timing: steady)" in calm.stdout
    assert "(timing: gentle)" in sore.stdout and "[pain-gate]" in sore.stdout
    assert "Session complete" in sore.stdout


def test_pain_given_overrides_the_profile_s(env):
    profile = env["tmp"] / "profile.toml"
    profile.write_text("[profile]\npain = 7\n")
    result = invoke(env, "run", env["routine"], "--profile", str(profile), "--pain", "2")
    assert result.exit_code == 0, result.output
    assert "Pain before the session: 2/10." in result.stdout
    assert invoke(env, "run", env["routine"], "--profile", str(profile)).exit_code == 3


def test_pain_out_of_range_is_a_usage_error(env):
    result = invoke(env, "run", env["routine"], "--pain", "11")
    assert result.exit_code == 2 and "--pain" in result.stderr


def test_control_characters_in_the_routine_never_reach_the_terminal(env):
    sneaky = env["tmp"] / "sneaky.toml"
    sneaky.write_text(SHORT.replace('title = "Short guided test"', 'title = "Sneaky\\u001b[2J\\u009b31m title"')
                      .replace('reps = 2\n\n[[steps]]\nexercise = "childs-pose"',
                               'reps = 2\nnote = "Slowly\\u001b]0;x\\u0007 now"\n\n[[steps]]\nexercise = "childs-pose"'))
    result = invoke(env, "run", str(sneaky))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout
    assert "Sneaky[2J31m title" in result.stdout and "Note: Slowly]0;x now" in result.stdout


def test_ctrl_c_during_the_session_stops_it_records_it_as_stopped_and_exits_130(env, monkeypatch):
    import supple.cli.run as run_module

    class InterruptedClock(FakeClock):
        def sleep(self, seconds):
            if self.now() >= 112.0:  # 12 s in: during the second exercise
                raise KeyboardInterrupt
            super().sleep(seconds)

    monkeypatch.setattr(run_module, "make_clock", lambda: InterruptedClock(start=100.0))
    result = invoke(env, "run", env["routine"], "--record")
    assert result.exit_code == 130
    assert "Session stopped: 1 of 3 exercises done in 12 s." in result.stdout
    assert "Stopped during: Child's pose." in result.stdout
    (entry,) = json.loads(invoke(env, "log", "--json").stdout)
    assert entry["status"] == "stopped" and [c["number"] for c in entry["completed"]] == [1]


class RemoveEverything:
    """A safety filter that removes every step, saying why."""

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            findings = [supple.SafetyFinding(rule="test-remove-all", action="removed", reason="Test rule.",
                                             source="test", exercise=s.exercise.id, step=s.number)
                        for s in steps]
            return supple.SafetyResult(steps=(), findings=findings)

        yield supple.SafetyFilter(name="test-remove-all", summary="Removes everything.", apply=apply)


def test_a_session_safety_empties_is_not_run(env, monkeypatch):
    import supple.cli.run as run_module
    from supple.testing import make_registry

    monkeypatch.setattr(run_module, "registry", lambda ctx: make_registry(RemoveEverything(), builtins=True))
    result = invoke(env, "run", env["routine"], "--record")
    assert result.exit_code == 3
    assert "[test-remove-all] removed cat-cow (step 1): Test rule." in result.stderr.replace("\n    ", " ")
    assert "nothing is left to do" in result.stderr and "not medical advice" in result.stderr
    assert "Step 1" not in result.stdout
    assert not (env["tmp"] / "data").exists()


def test_pain_after_the_session_is_read_on_the_pain_monitoring_traffic_light():
    from supple.cli.run import _pain_after_advice

    assert _pain_after_advice(3, None) == [] and _pain_after_advice(3, 3) == [] and _pain_after_advice(4, 2) == []
    assert "a little higher" in _pain_after_advice(2, 4)[0] and "settled by the next morning" in _pain_after_advice(2, 4)[0]
    assert "high after the session" in _pain_after_advice(None, 6)[0]
    assert "high after the session" in _pain_after_advice(7, 7)[0]


def test_run_turns_the_garbage_collector_back_on_for_a_session_that_lasts_minutes(env):
    import gc

    gc.disable()  # as the console script leaves it
    try:
        result = invoke(env, "run", env["routine"], "--pain", "2")
        assert result.exit_code == 0, result.output
        assert gc.isenabled()
    finally:
        gc.enable()
