"""The session log's schema, migrations, locking and pending file, on real SQLite files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from supple.guide import log, log_pending, log_store
from supple.guide.log_store import LogError

V1_ROWS = [
    ("2026-12-07T07:30:05+01:00", "2026-12-07T07:40:00+01:00", "morning-mobility", "Morning back mobility",
     "routines/morning-mobility.toml", 1, "steady", "finished", 3,
     '[[1, "backcare/pelvic-tilt"], [2, "backcare/cat-cow"], [3, "backcare/childs-pose"]]', "[]",
     3, 2, 595.25, 12.5),
    ("2026-12-08T07:31:00+01:00", "2026-12-08T07:35:00+01:00", "morning-mobility", "Morning back mobility",
     "routines/morning-mobility.toml", 1, "steady", "stopped", 3,
     '[[1, "backcare/pelvic-tilt"]]', '[[2, "backcare/cat-cow"]]', None, None, 240.0, 0.0),
]


def _v1_log(path, rows=V1_ROWS):
    """A log exactly as supple 0.1 wrote it, with its SQL."""
    with sqlite3.connect(path) as db:
        db.executescript(log_store.SCHEMA_V1)
        db.execute("INSERT INTO schema_version (version) VALUES (1)")
        db.executemany(
            "INSERT INTO sessions (started, ended, routine_id, routine_title, routine_path, week, timing,"
            " status, steps_total, completed, skipped, pain_before, pain_after, duration_s, paused_s)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.close()


def _entry(**changes):
    values = dict(started="2026-12-09T07:30:00+01:00", ended="2026-12-09T07:40:00+01:00",
                  routine_id="r", routine_title="R", routine_path="/r.toml", week=1, timing="steady",
                  status="finished", steps_total=1,
                  steps=(log.LoggedStep(1, "backcare/cat-cow", "done"),))
    values.update(changes)
    return log.LoggedSession(**values)


def test_a_version_1_log_is_migrated_with_every_session_kept(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    _v1_log(path)
    items = log.entries(path=path, oldest_first=True)
    assert [e.started for e in items] == [r[0] for r in V1_ROWS]
    first, second = items
    assert first.pain_before == 3 and first.pain_after == 2 and first.duration_s == 595.25
    assert first.outcome == "done" and second.outcome == "partial"
    assert [(s.number, s.exercise, s.status) for s in second.steps] == [
        (1, "backcare/pelvic-tilt", "done"), (2, "backcare/cat-cow", "skipped")]
    assert all(s.planned is None and s.done is None for s in first.steps)  # 0.1 kept no doses
    assert first.day == "2026-12-07" and first.source == "run" and first.effort is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(2,)]
        assert db.execute("SELECT day FROM sessions ORDER BY id").fetchall() == [("2026-12-07",), ("2026-12-08",)]
    db.close()
    new = log.record(_entry(), path)  # and it takes new sessions
    assert new == 3 and len(log.entries(path=path)) == 3


def test_a_creation_interrupted_by_supple_0_1_repairs_itself(tmp_path):
    """0.1 created the tables, then wrote the version row: killed in between, the log had no
    version and every later run failed."""
    path = tmp_path / "sessions.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(log_store.SCHEMA_V1)  # no version row
    db.close()
    assert log.record(_entry(), path) == 1
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(2,)]
    db.close()


KILLER = """
import os, signal, sys
from pathlib import Path
from supple.guide import log, log_store
count = 0
real = log_store._execute
def execute(connection, sql):
    global count
    real(connection, sql)
    count += 1
    if count == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
log_store._execute = execute
log.record(log.LoggedSession(started="2026-12-09T07:30:00+01:00", ended="2026-12-09T07:40:00+01:00",
           routine_id="r", routine_title="R", routine_path="/r.toml", week=1, timing="steady",
           status="finished", steps_total=0), Path(sys.argv[1]))
"""


@pytest.mark.parametrize("after", [1, 2, 5, 12])
def test_a_process_killed_between_schema_statements_leaves_a_log_the_next_one_repairs(tmp_path, after):
    path = tmp_path / "sessions.sqlite3"
    done = subprocess.run([sys.executable, "-c", KILLER, str(path), str(after)], timeout=60)
    assert done.returncode == -9  # killed mid-creation
    assert log.entries(path=path) == []  # readable: the creation was rolled back, or is redone
    assert log.record(_entry(), path) == 1
    assert len(log.entries(path=path)) == 1


def test_a_log_from_a_newer_supple_is_refused_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    log.record(_entry(), path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 3")
    db.close()
    before = path.read_bytes()
    for action in (lambda: log.entries(path=path), lambda: log.record(_entry(), path)):
        with pytest.raises(LogError) as err:
            action()
        assert err.value.kind == "newer" and str(path) in str(err.value)
        assert "upgrade supple" in str(err.value) and "delete" not in str(err.value)
    assert path.read_bytes() == before


def test_a_corrupt_log_is_never_changed_and_the_message_does_not_say_delete(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    before = path.read_bytes()
    with pytest.raises(LogError) as err:
        log.entries(path=path)
    assert err.value.kind == "corrupt" and "delete" not in str(err.value).lower()
    assert "SUPPLE_DATA_DIR" in str(err.value)
    kept = log.record_or_keep(_entry(), path)  # a session to record is kept, not lost
    assert kept.id is None and kept.pending == log_pending.pending_path(path)
    assert path.read_bytes() == before


def test_a_locked_log_keeps_the_session_pending_and_the_next_write_adds_it(tmp_path, monkeypatch):
    monkeypatch.setenv(log_store.ENV_LOCK_WAIT, "0.3")
    monkeypatch.setattr(log_store, "BUSY_TIMEOUT_S", 0.1)
    path = tmp_path / "sessions.sqlite3"
    log.record(_entry(note="first"), path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    kept = log.record_or_keep(_entry(note="while locked"), path)
    assert kept.id is None and kept.error.kind == "locked" and "delete" not in str(kept.error)
    line = json.loads(log_pending.pending_path(path).read_text())
    assert line["note"] == "while locked" and line["uid"]
    holder.execute("ROLLBACK")
    holder.close()
    assert [e.note for e in log.entries(path=path, oldest_first=True)] == ["first"]
    log.record(_entry(note="next"), path)
    assert [e.note for e in log.entries(path=path, oldest_first=True)] == ["first", "while locked", "next"]
    assert not log_pending.pending_path(path).exists()


def test_a_pending_session_written_twice_is_stored_once(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    entry = log.normalized(_entry(note="once"))
    log.record(entry, path)
    log_pending.keep(path, entry.to_record())  # as if the process died before clearing it
    log.record(_entry(note="later"), path)
    assert [e.note for e in log.entries(path=path, oldest_first=True)] == ["once", "later"]


def test_a_read_only_log_keeps_the_session_pending(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    path = tmp_path / "sessions.sqlite3"
    log.record(_entry(), path)
    path.chmod(0o400)
    kept = log.record_or_keep(_entry(note="ro"), path)
    assert kept.id is None and kept.error.kind == "readonly" and kept.pending is not None


def test_someone_else_s_database_is_not_taken_over(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE other (x)")
    db.close()
    with pytest.raises(LogError) as err:
        log.record(_entry(), path)
    assert err.value.kind == "foreign"


def test_every_write_is_one_transaction(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    log.record(_entry(), path)
    bad = _entry(steps=(log.LoggedStep(1, "a", "done"), log.LoggedStep(2, "b", "done")))

    class Boom(Exception):
        pass

    def work(connection):
        log._insert(connection, log.normalized(bad))
        raise Boom

    with pytest.raises(Boom):
        log.transaction(work, "testing", path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM sessions").fetchone() == (1,)
        assert db.execute("SELECT COUNT(*) FROM steps").fetchone() == (1,)
    db.close()


ADDER = """
import sys, time
from pathlib import Path
from supple.cli import main
import supple.cli.log, supple.guide.log  # imported before the start line, like a warm start
ready, go = Path(sys.argv[3]), Path(sys.argv[4])
ready.touch()
while not go.exists():  # all twenty start writing at once
    time.sleep(0.001)
sys.argv = ["supple", "log", "add", sys.argv[1], "--date", "2026-12-09", "--time", "07:30",
            "--note", sys.argv[2]]
main()
"""


@pytest.mark.slow
def test_twenty_concurrent_log_adds_into_a_fresh_log_lose_nothing_over_ten_trials(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text('[routine]\ntitle = "R"\nid = "r"\n\n[[steps]]\nexercise = "cat-cow"\nreps = 2\n')
    lost, failures = 0, []
    for trial in range(10):
        data = tmp_path / f"data{trial}"
        env = {**os.environ, "SUPPLE_DATA_DIR": str(data), "SUPPLE_CONFIG_DIR": str(tmp_path / "cfg")}
        gate = tmp_path / f"gate{trial}"
        gate.mkdir()
        procs = [subprocess.Popen([sys.executable, "-c", ADDER, str(routine), f"{trial}-{i}",
                                   str(gate / f"ready{i}"), str(gate / "go")], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(20)]
        deadline = time.monotonic() + 120
        while len(list(gate.glob("ready*"))) < 20 and time.monotonic() < deadline:
            time.sleep(0.01)
        (gate / "go").touch()
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            if proc.returncode != 0:
                failures.append(err.decode())
        notes = {e.note for e in log.entries(path=data / "sessions.sqlite3", limit=None)}
        lost += 20 - len(notes)
        assert not (data / "sessions.pending.jsonl").exists()
    assert failures == [] and lost == 0
