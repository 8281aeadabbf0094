"""`supple report` and the history API: the figures match the logged data exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli


@pytest.fixture
def env(log_env):
    """The logged routine's command-line environment (tests/guide/conftest.py)."""
    return log_env


def invoke(env, *args):
    environ = {k: v for k, v in env.items() if k.startswith("SUPPLE_")}
    return CliRunner().invoke(cli, list(args), env=environ)


LOGGED = [  # date, outcome, pain before, after, next day, effort
    ("2026-12-07", "--done", 2, 3, 1, "easy"),
    ("2026-12-09", "--partial", 3, 4, None, "ok"),
    ("2026-12-11", "--skipped", None, None, None, None),
    ("2026-12-14", "--done", 4, 5, 6, "hard"),
]


@pytest.fixture
def logged(env):
    for day, outcome, before, after, nextday, effort in LOGGED:
        args = ["log", "add", env["routine"], "--date", day, "--time", "07:30", outcome]
        for option, value in (("--pain-before", before), ("--pain-after", after),
                              ("--next-day-pain", nextday), ("--effort", effort)):
            if value is not None:
                args += [option, str(value)]
        assert invoke(env, *args).exit_code == 0
    entries = json.loads(invoke(env, "log", "--json", "--all").stdout)[::-1]
    return env, entries


def test_the_json_report_s_figures_are_the_logged_data(logged):
    env, entries = logged
    result = invoke(env, "report", env["routine"], "--to", "2026-12-20", "--json")
    assert result.exit_code == 0, result.output
    (data,) = json.loads(result.stdout)["reports"]
    assert data["routine"]["id"] == "short-logged" and Path(data["routine"]["path"]).is_absolute()
    assert (data["from"], data["to"]) == ("2026-12-07", "2026-12-20")  # the programme's first day
    assert (data["planned"], data["logged"], data["done"], data["partial"], data["skipped"]) == (6, 4, 2, 1, 1)
    assert data["adherence"] == round(2 / 6, 3)
    assert (data["pain_before"], data["pain_after"], data["next_day_pain"]) == (3.0, 4.0, 3.5)
    assert data["effort"] == {"easy": 1, "ok": 1, "hard": 1}
    first, second = data["weeks"]
    assert first == {"week_of": "2026-12-07", "planned": 3, "logged": 3, "done": 1, "partial": 1,
                     "skipped": 1, "adherence": 0.333, "pain_before": 2.5, "pain_after": 3.5,
                     "next_day_pain": 1.0, "effort": {"easy": 1, "ok": 1, "hard": 0}}
    assert second == {"week_of": "2026-12-14", "planned": 3, "logged": 1, "done": 1, "partial": 0,
                      "skipped": 0, "adherence": 0.333, "pain_before": 4.0, "pain_after": 5.0,
                      "next_day_pain": 6.0, "effort": {"easy": 0, "ok": 0, "hard": 1}}
    cat_cow, childs_pose = data["exercises"]
    assert (cat_cow["step"], cat_cow["exercise"], cat_cow["name"]) == (1, "backcare/cat-cow", "Cat-cow")
    assert (cat_cow["planned"], cat_cow["done"], cat_cow["partial"], cat_cow["skipped"]) == (6, 2, 1, 1)
    last_done = entries[3]["steps"]
    assert cat_cow["dose_reached"] == last_done[0]["done"] and cat_cow["reached_on"] == "2026-12-14"
    assert childs_pose["dose_reached"] == last_done[1]["done"] == {
        "sets": 2, "reps": 0, "hold_s": 5, "per_side": False, "load_kg": 0}
    assert [s["id"] for s in data["sessions"]] == [e["id"] for e in entries]
    assert [s["pain_after"] for s in data["sessions"]] == [3, 4, None, 5]


def test_the_period_limits_what_is_counted(logged):
    env, _ = logged
    (data,) = json.loads(invoke(env, "report", env["routine"], "--from", "2026-12-09", "--to", "2026-12-11",
                                "--json").stdout)["reports"]
    assert (data["planned"], data["logged"], data["done"], data["partial"], data["skipped"]) == (2, 2, 0, 1, 1)
    assert data["adherence"] == 0.0


def test_the_csv_has_one_row_per_logged_step_with_the_logged_values(logged):
    env, entries = logged
    result = invoke(env, "report", env["routine"], "--to", "2026-12-20", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    expected = [(e, s) for e in entries for s in e["steps"]]
    assert len(rows) == len(expected) == 8
    for row, (entry, step) in zip(rows, expected):
        assert row["session_id"] == str(entry["id"]) and row["date"] == entry["date"]
        assert row["session_outcome"] == entry["outcome"] and row["status"] == step["status"]
        for key in ("pain_before", "pain_after", "next_day_pain", "effort"):
            assert row[key] == ("" if entry[key] is None else str(entry[key]))
        assert (row["step"], row["exercise"]) == (str(step["number"]), step["exercise"])
        for which in ("planned", "done"):
            dose = step[which]
            for key in ("sets", "reps", "hold_s"):
                assert row[f"{which}_{key}"] == ("" if dose is None else str(dose[key]))


def test_csv_cells_cannot_become_spreadsheet_formulas(env):
    invoke(env, "log", "add", env["routine"], "--date", "2026-12-07", "--note", "=HYPERLINK(\"x\")")
    rows = list(csv.DictReader(io.StringIO(invoke(env, "report", "--format", "csv").stdout, newline="")))
    assert rows[0]["note"] == "'=HYPERLINK(\"x\")"


def test_the_text_report_shows_the_same_figures_with_charts(logged):
    env, _ = logged
    text = invoke(env, "report", env["routine"], "--to", "2026-12-20").stdout
    assert "Sessions: 2 done, 1 partly done, 1 skipped, of 6 planned (adherence 33%)." in text
    assert "Pain (mean, 0-10): before 3.0, after 4.0, next day 3.5. Effort: easy 1, ok 1, hard 1." in text
    assert "2026-12-07     3     1     1     1   33% [###.......]     2.5    3.5   1.0  [####......]  1/1/0" in text
    assert "Cat-cow" in text and text.rstrip().endswith("weakness in the legs).")


def test_report_of_every_logged_routine_and_bad_options(logged):
    env, _ = logged
    data = json.loads(invoke(env, "report", "--to", "2026-12-20", "--json").stdout)
    assert [r["routine"]["id"] for r in data["reports"]] == ["short-logged"]
    assert data["reports"][0]["planned"] == 6
    for args, option in ((["--from", "2026-12-10", "--to", "2026-12-01"], "--from"),
                         (["--to", "someday"], "--to"), (["--format", "docx"], "--format"),
                         (["--format", "pdf"], "--output"),
                         (["--json", "--format", "csv"], "--format")):
        result = invoke(env, "report", env["routine"], *args)
        assert result.exit_code == 2 and option in result.output, (args, result.output)
    result = invoke(env, "report", "short-loged")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_the_history_api_reads_what_was_logged(logged):
    env, entries = logged
    from supple.guide.history import load_history, step_history

    path = Path(env["SUPPLE_DATA_DIR"]) / "sessions.sqlite3"
    sessions = load_history("short-logged", path=path)
    assert [s.id for s in sessions] == [e["id"] for e in entries]
    assert sessions[0].date == dt.date(2026, 12, 7) and sessions[0].time == "07:30"
    history = step_history(sessions, 2)
    assert [h.status for h in history] == ["done", "partial", "skipped", "done"]
    assert [h.pain_after for h in history] == [3, 4, None, 5]
    assert [h.next_day_pain for h in history] == [1, None, None, 6]
    assert [h.effort for h in history] == ["easy", "ok", None, "hard"]
    assert history[0].planned.hold_s == 5 and history[0].done == history[0].planned
    assert history[1].done is None and history[2].done.sets == 0
    assert load_history("short-logged", since=dt.date(2026, 12, 10), path=path)[0].date == dt.date(2026, 12, 11)
    assert load_history("nothing", path=path) == ()
