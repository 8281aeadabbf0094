"""Fixtures for the sync tests: a real Radicale server per test (tests/sync/radicale_server.py),
a calendar on it, the password in the environment, a private data directory for the state file,
and routine files whose programme starts in the future (or the past) relative to today."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("supple_test_radicale", _HERE / "radicale_server.py")
assert _spec and _spec.loader
radicale_server = importlib.util.module_from_spec(_spec)
sys.modules["supple_test_radicale"] = radicale_server
_spec.loader.exec_module(radicale_server)

USER = radicale_server.USER
PASSWORD = radicale_server.PASSWORD

STEPS = """
[[steps]]
exercise = "backcare/pelvic-tilt"
reps = {reps}
hold = "3s"

[[steps]]
exercise = "backcare/cat-cow"
reps = 10
"""


def routine_text(start: dt.date, weeks: int = 2, reps: int = 8, times: str = '["07:30"]',
                 routine_id: str = "sync-test") -> str:
    """A small routine: daily sessions from ``start`` for ``weeks`` weeks."""
    return "\n".join([
        "[routine]",
        f'id = "{routine_id}"',
        'title = "Sync test routine"',
        "revised = 2026-11-01",
        "[schedule]",
        f"start = {start.isoformat()}",
        f"weeks = {weeks}",
        'days = "daily"',
        f"times = {times}",
        'timezone = "Europe/Madrid"',
    ]) + STEPS.format(reps=reps)


@pytest.fixture
def server(tmp_path):
    """A running Radicale server with an empty calendar; stopped after the test."""
    folder = tmp_path / "radicale"
    folder.mkdir()
    instance = radicale_server.RadicaleServer(folder)
    instance.start()
    try:
        instance.url = instance.make_calendar()
        yield instance
    finally:
        instance.stop()


@pytest.fixture
def env(tmp_path, monkeypatch):
    """The password in the environment, the state in a private data directory, no netrc."""
    monkeypatch.setenv("SUPPLE_CALDAV_PASSWORD", PASSWORD)
    monkeypatch.delenv("SUPPLE_CALDAV_USER", raising=False)
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    return tmp_path / "data"


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


class Calendar:
    """The test's view of the calendar on the server, through the caldav library (as another
    client would see it), and a way to run ``supple sync`` on it in-process."""

    def __init__(self, server, tmp_path: Path) -> None:
        self.server = server
        self.url = server.url
        self.tmp_path = tmp_path

    def routine(self, name: str = "routine.toml", **kwargs) -> Path:
        path = self.tmp_path / name
        path.write_text(routine_text(**kwargs), encoding="utf-8")
        return path

    def sync(self, routine: Path, *args: str, url: str | None = None):
        from click.testing import CliRunner

        from supple.cli import cli

        return CliRunner().invoke(cli, ["sync", str(routine), "--url", url or self.url,
                                        "--user", USER, *args])

    def sync_json(self, routine: Path, *args: str) -> dict:
        import json

        result = self.sync(routine, "--json", *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def export(self, routine: Path) -> bytes:
        from click.testing import CliRunner

        from supple.cli import cli

        result = CliRunner().invoke(cli, ["export", str(routine), "--to", "ics"])
        assert result.exit_code == 0, result.output
        return result.stdout_bytes

    def client(self):
        import caldav

        return caldav.DAVClient(url=self.url, username=USER, password=PASSWORD)

    def resources(self) -> dict[str, tuple[str, object]]:
        """Every resource in the calendar: href -> (ETag, icalendar VEVENT), read with plain
        WebDAV requests (PROPFIND, then GET each one)."""
        import icalendar
        from caldav.elements import dav

        body = ('<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/>'
                '</d:prop></d:propfind>')
        out = {}
        with self.client() as client:
            listing = client.request(self.url, "PROPFIND", body, {"Depth": "1"})
            assert listing.status == 207
            for href, props in listing.expand_simple_props([dav.GetEtag()]).items():
                if href.endswith("/"):
                    continue
                got = client.request(self.server.base + href, "GET", "", {})
                assert got.status == 200, href
                event = next(iter(icalendar.Calendar.from_ical(got._raw).walk("VEVENT")))
                out[href] = (props.get(dav.GetEtag.tag), event)
        return out

    def events(self) -> dict[str, object]:
        """UID -> VEVENT of every event in the calendar (asserting UIDs are unique)."""
        found = [event for _etag, event in self.resources().values()]
        uids = [str(e["UID"]) for e in found]
        assert len(uids) == len(set(uids)), "duplicate UIDs in the calendar"
        return dict(zip(uids, found))

    def put(self, name: str, ics: str | bytes, etag: str | None = None) -> int:
        """Write a resource as another client would; returns the HTTP status."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        if etag:
            headers["If-Match"] = etag
        with self.client() as client:
            body = ics.decode("utf-8") if isinstance(ics, bytes) else ics
            return client.request(self.url + name, "PUT", body, headers).status

    def delete(self, href: str) -> int:
        with self.client() as client:
            return client.request(self.server.base + href, "DELETE", "", {}).status


@pytest.fixture
def cal(server, env, tmp_path) -> Calendar:
    return Calendar(server, tmp_path)
