"""Failure is safe: a sync interrupted by the server going away, by Ctrl-C or by a server that
refuses to write leaves a calendar the next run repairs, without duplicates; bad addresses,
bad credentials, a timeout and servers without CalDAV stop before anything is written, with one
clear line and exit status 2 (real Radicale server, real sockets)."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import http.server
import logging
import socket
import sys
import threading

import caldav
import pytest
from supple_test_radicale import PASSWORD, USER, free_port


@contextlib.contextmanager
def _after_puts(count: int, then):
    """Let ``count`` PUT requests through the caldav client, then call ``then()`` before the
    next one goes out (the request then meets whatever ``then`` left: a stopped server...)."""
    original = caldav.DAVClient.request
    seen = {"puts": 0}

    def request(self, url, method="GET", body="", headers=None, *args, **kwargs):
        if method == "PUT":
            if seen["puts"] == count:
                then()
            seen["puts"] += 1
        return original(self, url, method, body, headers, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(caldav.DAVClient, "request", request)
        yield


def _one_error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("supple: error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_server_gone_mid_sync_then_the_next_run_repairs_without_duplicates(cal, today):
    routine = cal.routine(start=today + dt.timedelta(days=3))
    with _after_puts(10, cal.server.stop):
        result = cal.sync(routine)
    assert result.exit_code == 1, result.output
    line = _one_error_line(result)
    assert "connection refused" in line and "10 of 14 changes were made" in line
    assert "run the same command again" in line

    cal.server.start()
    assert len(cal.events()) == 10
    puts = cal.server.requests().get("PUT", 0)
    report = cal.sync_json(routine)
    assert report["counts"]["added"] == 4 and report["counts"]["unchanged"] == 10
    assert cal.server.requests().get("PUT", 0) == puts + 4  # only the missing four
    assert len(cal.events()) == 14  # events() also asserts there is no duplicate UID
    assert cal.sync_json(routine)["counts"]["writes"] == 0


def test_ctrl_c_mid_sync_then_the_next_run_finishes(cal, today):
    routine = cal.routine(start=today + dt.timedelta(days=3))

    def interrupt():
        raise KeyboardInterrupt

    with _after_puts(5, interrupt):
        result = cal.sync(routine)
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output and "Traceback" not in result.output
    assert len(cal.events()) == 5
    report = cal.sync_json(routine)
    assert report["counts"]["added"] == 9 and report["counts"]["writes"] == 9
    assert len(cal.events()) == 14


def test_an_update_cut_off_mid_sync_is_finished_next_time(cal, today):
    start = today + dt.timedelta(days=3)
    cal.sync_json(cal.routine(start=start))
    changed = cal.routine(start=start, reps=13)
    with _after_puts(6, cal.server.stop):
        assert cal.sync(changed).exit_code == 1
    cal.server.start()
    report = cal.sync_json(changed)
    assert report["counts"]["changed"] == 8 and report["counts"]["unchanged"] == 6
    events = cal.events()
    assert len(events) == 14 and all("13 reps" in str(e["DESCRIPTION"]) for e in events.values())
    assert all(int(e["SEQUENCE"]) == 1 for e in events.values())


def test_a_server_that_refuses_writes_stops_the_sync_with_its_answer(cal, today):
    routine = cal.routine(start=today + dt.timedelta(days=3))
    cal.server.stop()
    cal.server.read_only()
    cal.server.start()
    result = cal.sync(routine)
    assert result.exit_code == 1, result.output
    line = _one_error_line(result)
    assert "HTTP 403" in line and "0 of 14 changes were made" in line
    assert cal.events() == {}


# -- bad input: exit 2, one line, nothing written ------------------------------------------

def _nothing_written(cal, env, writes_before: int) -> None:
    assert cal.server.writes() == writes_before
    assert not (env / "sync").exists()


@pytest.mark.parametrize("where, expected", [
    ("/alice/", "is not a calendar (a CalDAV calendar collection); the calendars this user has "
                "there: http://127.0.0.1:{port}/alice/exercise/ ('exercise')"),
    ("/alice/no-such-calendar/", "nothing at"),
])
def test_an_address_that_is_not_a_calendar(cal, env, today, where, expected):
    writes = cal.server.writes()
    result = cal.sync(cal.routine(start=today + dt.timedelta(days=3)), url=cal.server.base + where)
    assert result.exit_code == 2, result.output
    assert expected.format(port=cal.server.port) in _one_error_line(result)
    _nothing_written(cal, env, writes)


def test_nothing_listening_at_the_address(cal, env, today):
    result = cal.sync(cal.routine(start=today), url=f"http://127.0.0.1:{free_port()}/cal/")
    assert result.exit_code == 2
    assert "connection refused" in _one_error_line(result)
    assert not (env / "sync").exists()


def test_a_server_that_never_answers_times_out(cal, env, today):
    with socket.socket() as silent:  # accepts connections (the backlog) and says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        result = cal.sync(cal.routine(start=today), "--timeout", "1", url=f"http://127.0.0.1:{port}/cal/")
    assert result.exit_code == 2
    assert "timed out" in _one_error_line(result)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_a_web_server_without_caldav(cal, env, tmp_path, today):
    web = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    thread = threading.Thread(target=web.serve_forever, daemon=True)
    thread.start()
    try:
        result = cal.sync(cal.routine(start=today), url=f"http://127.0.0.1:{web.server_port}/")
    finally:
        web.shutdown()
        web.server_close()
    assert result.exit_code == 2
    assert "does not speak CalDAV" in _one_error_line(result)


def test_bad_credentials_never_show_the_password(cal, env, today, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "Wr0ng-Pass-Word-31337"
    monkeypatch.setenv("SUPPLE_CALDAV_PASSWORD", wrong)
    writes = cal.server.writes()
    result = cal.sync(cal.routine(start=today + dt.timedelta(days=3)))
    assert result.exit_code == 2, result.output
    assert "refused the user name or password (HTTP 401)" in _one_error_line(result)
    _nothing_written(cal, env, writes)
    seen = result.output + caplog.text
    for secret in (wrong, PASSWORD):
        assert secret not in seen
        assert base64.b64encode(f"{USER}:{secret}".encode()).decode() not in seen


def test_no_password_found_says_where_to_put_one(cal, env, today, monkeypatch):
    monkeypatch.delenv("SUPPLE_CALDAV_PASSWORD")
    monkeypatch.setitem(sys.modules, "keyring", None)
    result = cal.sync(cal.routine(start=today + dt.timedelta(days=3)))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "asks for a user name and password (HTTP 401), and none was found" in line
    assert "$SUPPLE_CALDAV_PASSWORD, ~/.netrc or the keyring" in line


def test_the_password_is_in_no_output_log_or_state_file(cal, env, today, caplog):
    caplog.set_level(logging.DEBUG)
    routine = cal.routine(start=today + dt.timedelta(days=3))
    outputs = [cal.sync(routine, "--dry-run").output, cal.sync(routine).output,
               cal.sync(routine, "--json").output]
    files = [p.read_text() for p in (env / "sync").glob("*.json")]
    assert len(files) == 1
    seen = "".join(outputs + files) + caplog.text
    assert PASSWORD not in seen
    assert base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode() not in seen
    import json

    state = json.loads(files[0])  # the URL (which may name the user), hashes, ETags: no secret
    assert set(state) == {"version", "calendar", "token", "written", "foreign"}
    assert {key for entry in state["written"].values() for key in entry} == {
        "href", "etag", "hash", "sequence", "start", "summary"}


def test_plain_http_to_another_machine_needs_a_flag(cal, env, today):
    result = cal.sync(cal.routine(start=today), url="http://calendar.example.org/dav/cal/")
    assert result.exit_code == 2
    assert "--allow-insecure-http" in _one_error_line(result)


def test_credentials_in_the_address_are_refused_and_not_echoed(cal, env, today):
    result = cal.sync(cal.routine(start=today), url=f"https://{USER}:{PASSWORD}@127.0.0.1/cal/")
    assert result.exit_code == 2
    assert "never in the URL" in _one_error_line(result)
    assert PASSWORD not in result.output


def test_without_the_caldav_library_the_message_names_the_extra(cal, env, today, monkeypatch):
    for name in [n for n in sys.modules if n == "caldav" or n.startswith("caldav.")] + ["caldav"]:
        monkeypatch.setitem(sys.modules, name, None)  # as if it were not installed
    result = cal.sync(cal.routine(start=today + dt.timedelta(days=3)))
    assert result.exit_code == 2
    assert "pip install 'supple[caldav]'" in _one_error_line(result)
