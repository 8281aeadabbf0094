"""The ``responsive`` progression strategy and re-planning from the session log, end to end:
sessions logged with `supple log add` on a real SQLite log, then `supple plan --json`
(issue 20; clinical-rules.md section 4)."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple_progression.responsive import ResponsiveOptions, decide

ROUTINE = """
[routine]
title = "Responsive test"
id = "responsive-test"

[schedule]
start = 2026-12-07
weeks = 6
days = ["mon", "wed", "fri"]
times = ["07:30"]
timezone = "UTC"

[progression]
strategy = "responsive"

[[steps]]
exercise = "cat-cow"
reps = 10
"""

MONDAY = dt.date(2026, 12, 7)


def week_days(week):
    """The session days (mon, wed, fri) of programme week ``week``."""
    first = MONDAY + dt.timedelta(weeks=week - 1)
    return [first + dt.timedelta(days=d) for d in (0, 2, 4)]


@pytest.fixture
def env(tmp_path, monkeypatch):
    import supple.cli.log_options as options

    now = dt.datetime(2027, 3, 1, 8, 0, tzinfo=ZoneInfo("UTC"))
    monkeypatch.setattr(options, "wall_now", lambda: now)
    routine = tmp_path / "responsive.toml"
    routine.write_text(ROUTINE)
    (tmp_path / "config").mkdir()
    return {"SUPPLE_DATA_DIR": str(tmp_path / "data"), "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
            "routine": str(routine)}


def invoke(env, *args):
    environ = {k: v for k, v in env.items() if k.startswith("SUPPLE_")}
    return CliRunner().invoke(cli, list(args), env=environ)


def log(env, day, *values):
    result = invoke(env, "log", "add", env["routine"], "--date", day.isoformat(), "--time", "07:30", *values)
    assert result.exit_code == 0, result.output


COMFORTABLE = ("--pain-before", "1", "--pain-after", "2", "--next-day-pain", "1", "--effort", "easy")


def plan_json(env, *args):
    result = invoke(env, "plan", env["routine"], "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def reps_by_week(data):
    weeks = {}
    for session in data["sessions"]:
        weeks.setdefault(session["week"], session["steps"][0]["reps"])
    return [weeks[w] for w in sorted(weeks)]


def test_three_comfortable_weeks_progress_one_variable_at_a_time(env):
    for week in (1, 2, 3):
        for day in week_days(week):
            log(env, day, *COMFORTABLE)
    data = plan_json(env)
    # each comfortable week earns 2 reps more; the future is planned from the latest evidence
    assert reps_by_week(data) == [10, 12, 14, 16, 16, 16]
    assert {s["steps"][0]["sets"] for s in data["sessions"]} == {1}  # one variable only
    assert [s["status"] for s in data["sessions"]] == ["done"] * 9 + ["planned"] * 9
    assert data["today"] == "2026-12-26"  # the day after the last logged session
    week2 = next(s for s in data["sessions"] if s["week"] == 2)
    assert any("progressed to 12 reps: 3 comfortable sessions in a row at 10 reps" in n for n in week2["notes"])
    # the log recorded the doses planned then: week 3's sessions were logged at 14 reps
    listed = json.loads(invoke(env, "log", "--json", "--all").stdout)
    assert sorted({e["steps"][0]["planned"]["reps"] for e in listed}) == [10, 12, 14]


def test_exports_carry_the_updated_future(env, tmp_path):
    for day in week_days(1):
        log(env, day, *COMFORTABLE)
    out = tmp_path / "plan.json"
    result = invoke(env, "export", env["routine"], "--to", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert reps_by_week(json.loads(out.read_text())) == [10, 12, 12, 12, 12, 12]
    ics = tmp_path / "plan.ics"
    assert invoke(env, "export", env["routine"], "--to", "ics", "-o", str(ics)).exit_code == 0
    assert "12 reps" in ics.read_text().replace("\r\n ", "")


def test_past_sessions_never_change_when_more_is_logged(env):
    for day in week_days(1):
        log(env, day, *COMFORTABLE)
    before = plan_json(env)
    for day in week_days(2):
        log(env, day, *COMFORTABLE)
    after = plan_json(env)
    for old, new in zip(before["sessions"][:6], after["sessions"][:6]):
        assert old["steps"] == new["steps"] and old["start"] == new["start"]
    assert reps_by_week(before) == [10, 12, 12, 12, 12, 12]
    assert reps_by_week(after) == [10, 12, 14, 14, 14, 14]


def test_a_painful_session_that_had_not_settled_holds_the_dose(env):
    monday, wednesday, friday = week_days(1)
    log(env, monday, *COMFORTABLE)
    log(env, wednesday, *COMFORTABLE)
    log(env, friday, "--pain-before", "1", "--pain-after", "5", "--next-day-pain", "5", "--effort", "ok")
    data = plan_json(env)
    assert reps_by_week(data) == [10] * 6
    week2 = next(s for s in data["sessions"] if s["week"] == 2)
    assert ("Cat-cow held at 10 reps: pain 5 after Friday's session (2026-12-11) had not settled "
            "next morning (5/10).") in week2["notes"]
    assert not data["postponed"]  # amber pain holds; it does not pause
    # the same pain that had settled by the morning does not hold on its own account
    text = invoke(env, "plan", env["routine"]).stdout
    assert "held at 10 reps: pain 5 after Friday's session" in text


def test_rising_pain_raises_an_alert_and_pauses_the_programme(env):
    for day, pain in zip(week_days(1), ("2", "3", "4")):
        log(env, day, "--pain-before", "1", "--pain-after", pain, "--next-day-pain", "2")
    data = plan_json(env)
    (alert,) = [f for f in data["safety"] if f["rule"] == "log-pain-rising"]
    assert alert["action"] == "postponed" and "Silbernagel 2007" in alert["source"]
    assert "rose over your last 3 sessions (2, 3, 4/10" in alert["reason"]
    # past sessions stay; every session to come is paused, with the advice to see a clinician
    assert [s["status"] for s in data["sessions"]] == ["done"] * 3
    assert len(data["postponed"]) == 15
    assert all("physiotherapist or doctor" in p["advice"] for p in data["postponed"])
    assert alert["weeks"] == [2, 3, 4, 5, 6]
    text = " ".join(invoke(env, "plan", env["routine"]).stdout.split())
    assert "pain after the session rose over your last 3 sessions" in text
    # the paused sessions are one line, not fifteen
    assert "Mon 14 Dec 2026 07:30 to Fri 15 Jan 2027 07:30 (15 sessions): pain after" in text
    # the report shows the same alert, with its source and advice
    report = invoke(env, "report", env["routine"], "--to", "2026-12-12", "--json")
    assert report.exit_code == 0, report.output
    (data,) = json.loads(report.stdout)["reports"]
    assert [a["rule"] for a in data["alerts"]] == ["log-pain-rising"]
    assert data["planned"] == 3 and data["done"] == 3  # past sessions still count as planned
    text = invoke(env, "report", env["routine"], "--to", "2026-12-12").stdout
    assert "ALERT [log-pain-rising]: pain after the session rose" in text and "Silbernagel 2007" in text


def test_next_day_pain_of_six_pauses_and_run_refuses_the_day(env, monkeypatch):
    import supple.cli.run as run_module

    monday, wednesday, _ = week_days(1)
    log(env, monday, "--pain-before", "1", "--pain-after", "3", "--next-day-pain", "6")
    data = plan_json(env)
    assert [f["rule"] for f in data["safety"] if f["rule"].startswith("log-")] == ["log-next-day-pain"]
    monkeypatch.setattr(run_module, "wall_now",
                        lambda: dt.datetime.combine(wednesday, dt.time(7, 0), ZoneInfo("UTC")))
    result = invoke(env, "run", env["routine"], "--pain", "2", "--no-record")
    assert result.exit_code == 3, result.output
    assert "6/10 (6 or more): the programme is paused" in result.output


def test_missed_sessions_raise_an_alert(env):
    log(env, week_days(1)[0], *COMFORTABLE)
    data = plan_json(env, "--today", "2026-12-15")
    assert [s.get("status") for s in data["sessions"][:5]] == ["done", "missed", "missed", "missed", "planned"]
    (alert,) = [f for f in data["safety"] if f["rule"] == "log-missed-sessions"]
    assert alert["action"] == "warned" and "last 3 planned sessions were missed" in alert["reason"]
    assert not data["postponed"]


def test_planning_with_a_history_is_deterministic():
    from supple.testing import load_test_routine, make_registry

    routine = load_test_routine(ROUTINE)
    registry = make_registry(builtins=True)
    records = tuple(_record(i, day, pain_after=2 + (i % 2)) for i, day in
                    enumerate(d for w in (1, 2) for d in week_days(w)))
    first = supple.json_text(supple.plan_to_dict(supple.build_plan(routine, registry, history=records)))
    again = supple.json_text(supple.plan_to_dict(supple.build_plan(routine, registry, history=list(records))))
    assert first == again
    assert supple.build_plan(routine, registry).today is None  # no history: no statuses


def _record(i, day, *, pain_after=2, next_day=1, status="done", reps=10, hold=0, effort="easy",
            routine="responsive-test"):
    planned = supple.Dose(reps=reps, hold_s=hold)
    done = planned if status == "done" else None
    step = supple.StepHistory(
        date=day, routine_id=routine, step=1, exercise="backcare/cat-cow", planned=planned, done=done,
        status=status, pain_before=1, pain_after=pain_after, next_day_pain=next_day, effort=effort,
        session_outcome=status, session_id=i + 1, started=f"{day.isoformat()}T07:30:00+00:00")
    return supple.SessionRecord(
        id=i + 1, date=day, started=step.started, routine_id=routine, routine_title="t", routine_path="",
        week=None, outcome=status, source="manual", pain_before=1, pain_after=pain_after,
        next_day_pain=next_day, effort=effort, note="", steps=(step,))


DAYS = [MONDAY + dt.timedelta(days=2 * i) for i in range(6)]


def steps(*records):
    return tuple(r.steps[0] for r in records)


def test_three_sessions_below_target_regress():
    history = steps(*(_record(i, DAYS[i], status="partial") for i in range(3)))
    decision = decide(supple.Dose(reps=10), history, ResponsiveOptions(), "X")
    assert decision.dose.reps == 8 and "the last 3 sessions were below target" in decision.note


def test_rising_next_day_pain_regresses_and_red_pain_regresses():
    history = steps(_record(0, DAYS[0], next_day=1), _record(1, DAYS[1], next_day=2),
                    _record(2, DAYS[2], next_day=4))
    decision = decide(supple.Dose(reps=10), history, ResponsiveOptions(), "X")
    assert decision.dose.reps == 8 and "next-day pain rose from 1 to 2 to 4" in decision.note
    raised = decide(supple.Dose(reps=10, hold_s=5), steps(*(
        _record(i, DAYS[i], next_day=n, reps=12, hold=5) for i, n in enumerate((1, 2, 4)))), ResponsiveOptions(), "X")
    assert (raised.dose.reps, raised.dose.hold_s) == (10, 5)  # the raised variable comes back first
    red = decide(supple.Dose(reps=10), steps(_record(0, DAYS[0], pain_after=7)), ResponsiveOptions(), "X")
    assert red.dose.reps == 8 and "pain 7 after" in red.note


def test_hard_sessions_do_not_count_as_comfortable_and_caps_hold():
    hard = steps(*(_record(i, DAYS[i], effort="hard") for i in range(3)))
    assert decide(supple.Dose(reps=10), hard, ResponsiveOptions(), "X").dose.reps == 10
    capped = steps(*(_record(i, DAYS[i], reps=20) for i in range(3)))
    decision = decide(supple.Dose(reps=10), capped, ResponsiveOptions(order=["reps"]), "X")
    assert decision.dose.reps == 20 and "at its cap" in decision.note
    # with the default order, sets come next once the reps reach their cap (twice the written 10)
    decision = decide(supple.Dose(reps=10), capped, ResponsiveOptions(), "X")
    assert (decision.dose.reps, decision.dose.sets) == (20, 2) and "progressed to 2 sets" in decision.note


def test_holds_progress_after_reps_reach_their_cap():
    history = steps(*(_record(i, DAYS[i], reps=12, hold=5) for i in range(3)))
    options = ResponsiveOptions(max_reps=12)
    decision = decide(supple.Dose(reps=10, hold_s=5), history, options, "X")
    assert (decision.dose.reps, decision.dose.hold_s) == (12, 10)


def test_bad_options_are_refused_with_the_key():
    with pytest.raises(ValueError, match="order"):
        ResponsiveOptions(order=["reps", "speed"])
    with pytest.raises(ValueError, match="sessions: must be between 1 and 20"):
        ResponsiveOptions(sessions=0)
