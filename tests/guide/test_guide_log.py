"""The local SQLite session log."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from supple.errors import InputError
from supple.guide import log


def _entry(**changes) -> log.LoggedSession:
    values = dict(
        started="2026-12-07T07:30:05+01:00", ended="2026-12-07T07:40:00+01:00",
        routine_id="morning-mobility", routine_title="Morning back mobility",
        routine_path="/r/morning-mobility.toml", week=1, timing="steady", status="finished",
        steps_total=3, completed=((1, "backcare/pelvic-tilt"), (3, "backcare/cat-cow")),
        skipped=((2, "backcare/childs-pose"),), pain_before=3, pain_after=2,
        duration_s=595.25, paused_s=12.5,
    )
    values.update(changes)
    return log.LoggedSession(**values)


def test_the_log_lives_in_the_data_directory_or_the_override(monkeypatch, tmp_path):
    monkeypatch.setenv(log.ENV_DATA_DIR, str(tmp_path / "data"))
    assert log.log_path() == tmp_path / "data" / "sessions.sqlite3"
    monkeypatch.delenv(log.ENV_DATA_DIR)
    assert log.log_path().name == "sessions.sqlite3" and "supple" in str(log.log_path())


def test_no_log_yet_lists_nothing_and_creates_nothing(tmp_path):
    path = tmp_path / "none" / "sessions.sqlite3"
    assert log.entries(path=path) == []
    assert not path.exists()


def test_a_recorded_session_reads_back_whole_and_newest_first(tmp_path):
    path = tmp_path / "d" / "sessions.sqlite3"
    first = log.record(_entry(), path)
    second = log.record(_entry(status="stopped", pain_after=None, started="2026-12-08T07:30:00+01:00"), path)
    assert second > first
    items = log.entries(path=path)
    assert [e.id for e in items] == [second, first]
    assert items[1] == log.normalized(_entry(id=first, uid=items[1].uid))
    assert items[1].outcome == "partial" and [s.status for s in items[1].steps] == ["done", "skipped", "done"]
    assert items[0].status == "stopped" and items[0].pain_after is None
    assert [e.id for e in log.entries(limit=1, path=path)] == [second]
    data = items[1].to_dict()
    assert data["routine"] == {"id": "morning-mobility", "title": "Morning back mobility",
                               "path": "/r/morning-mobility.toml"}
    assert data["completed"] == [{"number": 1, "exercise": "backcare/pelvic-tilt"},
                                 {"number": 3, "exercise": "backcare/cat-cow"}]
    assert data["pain_before"] == 3 and data["duration_s"] == 595.25


def test_the_log_file_is_private_to_the_user_and_has_a_schema_version(tmp_path):
    path = tmp_path / "d" / "sessions.sqlite3"
    log.record(_entry(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(log.SCHEMA_VERSION,)]


def test_a_log_from_a_newer_supple_is_refused_with_the_file_named(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    log.record(_entry(), path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(InputError) as err:
        log.entries(path=path)
    assert str(path) in str(err.value) and "newer supple" in str(err.value)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    path.write_text("not a database, just text " * 100)
    with pytest.raises(InputError) as err:
        log.entries(path=path)
    assert str(path) in str(err.value) and "cannot be read" in str(err.value)
    with pytest.raises(InputError):
        log.record(_entry(), path)
    assert path.read_text().startswith("not a database")  # left as it was


def test_someone_else_s_database_is_not_taken_over(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE other (x)")
    with pytest.raises(InputError) as err:
        log.record(_entry(), path)
    assert "not a supple session log" in str(err.value)
