"""The pure parts of supple sync: the diff rules, where credentials come from, which addresses
are accepted, and the content hash's indifference to re-serialisation."""

from __future__ import annotations

import datetime as dt
import sys
import types

import icalendar
import pytest

from supple.errors import InputError
from supple.sync import credentials
from supple.sync.diff import Written, plan_sync, remote_from_state, to_download
from supple.sync.events import LocalEvent, RemoteEvent, content_hash, uid_key
from supple.sync.remote import check_url

UTC = dt.UTC
NOW = dt.datetime(2027, 1, 10, 12, 0, tzinfo=UTC)


def local(uid: str, day: int, text: str = "a") -> LocalEvent:
    start = dt.datetime(2027, 1, day, 7, 30, tzinfo=UTC)
    return LocalEvent(uid, start, f"session {uid}", f"hash-{text}", 0, None)


def remote(uid: str, day: int, text: str = "a", *, owned=True, edited=False, seq=0) -> RemoteEvent:
    start = dt.datetime(2027, 1, day, 7, 30, tzinfo=UTC)
    return RemoteEvent(f"/c/{uid}.ics", f'"e-{uid}"', uid, owned, uid_key(uid), seq, start,
                       f"hash-{text}" if owned else None, edited)


def test_missing_changed_unchanged_removed_and_past():
    plan = plan_sync(
        [local("new", 12), local("same", 13), local("changed", 14, "b"), local("past", 9, "b")],
        [remote("same", 13), remote("changed", 14, seq=3), remote("gone", 15), remote("oldgone", 8),
         remote("past", 9)],
        {}, NOW)
    assert [a.uid for a in plan.add] == ["new"]
    assert [(a.uid, a.sequence, a.etag) for a in plan.change] == [("changed", 4, '"e-changed"')]
    assert [a.uid for a in plan.remove] == ["gone"]
    assert plan.unchanged == 1 and plan.past == 2 and plan.writes == 3
    assert [a.uid for a in plan.actions] == ["new", "changed", "gone"]  # time order


def test_edited_deleted_and_foreign_are_kept_unless_forced():
    written = {"deleted": Written("/c/deleted.ics", '"x"', "hash-a", 0, NOW + dt.timedelta(days=2))}
    events = [local("edited", 12, "b"), local("deleted", 13), local("imported", 14)]
    there = [remote("edited", 12, edited=True, seq=2), remote("imported", 14, owned=False, seq=5),
             remote("edited-gone", 20, edited=True), remote("foreign", 16, owned=False)]
    plan = plan_sync(events, there, written, NOW)
    assert {(k.uid, k.reason) for k in plan.kept} == {
        ("edited", "edited"), ("deleted", "deleted"), ("imported", "not-supple"), ("edited-gone", "edited")}
    assert plan.writes == 0

    forced = plan_sync(events, there, written, NOW, force=True)
    assert {(a.uid, a.sequence) for a in forced.change} == {("edited", 3), ("imported", 6)}
    assert [a.href for a in forced.change if a.uid == "imported"] == ["/c/imported.ics"]
    assert [(a.uid, a.sequence) for a in forced.add] == [("deleted", 1)]
    assert [a.uid for a in forced.remove] == ["edited-gone"]  # foreign never removed


def test_only_changed_etags_are_downloaded_and_the_rest_comes_from_the_state():
    written = {"a": Written("/c/a.ics", '"1"', "h", 2, NOW), "b": Written("/c/b.ics", '"2"', "h", 0, NOW)}
    listing = {"/c/a.ics": '"1"', "/c/b.ics": '"changed"', "/c/f.ics": '"f"', "/c/new.ics": None}
    assert to_download(listing, written, {"/c/f.ics": '"f"'}) == ["/c/b.ics", "/c/new.ics"]
    rebuilt = remote_from_state(listing, written, {"/c/f.ics": ("key", '"f"')}, [])
    assert {(e.uid, e.owned, e.sequence) for e in rebuilt} == {("a", True, 2), ("", False, 0)}


def test_content_hash_ignores_order_folding_and_server_stamps_but_not_content():
    event = icalendar.Event.from_ical(
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270101T073000Z\r\n"
        "SUMMARY:Stretch\\, gently\r\nSEQUENCE:0\r\nEND:VEVENT\r\n")
    shuffled = icalendar.Event.from_ical(
        "BEGIN:VEVENT\r\nSUMMARY:Stretch\\, gen\r\n tly\r\nDTSTART:20270101T073000Z\r\nUID:1\r\n"
        "DTSTAMP:20270505T000000Z\r\nSEQUENCE:7\r\nLAST-MODIFIED:20270505T000000Z\r\n"
        "X-SUPPLE-HASH:abc\r\nEND:VEVENT\r\n")
    moved = icalendar.Event.from_ical(
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270101T083000Z\r\n"
        "SUMMARY:Stretch\\, gently\r\nEND:VEVENT\r\n")
    assert content_hash(event) == content_hash(shuffled)
    assert content_hash(event) != content_hash(moved)


@pytest.fixture
def no_sources(monkeypatch, tmp_path):
    monkeypatch.delenv(credentials.ENV_PASSWORD, raising=False)
    monkeypatch.delenv(credentials.ENV_USER, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "netrc"))
    monkeypatch.setitem(sys.modules, "keyring", None)
    return tmp_path / "netrc"


def test_password_from_the_environment_first(no_sources, monkeypatch):
    no_sources.write_text("machine cal.example.org login bob password from-netrc\n")
    monkeypatch.setenv(credentials.ENV_PASSWORD, "from-env")
    found = credentials.find("cal.example.org", "alice")
    assert (found.user, found.password, found.source) == ("alice", "from-env", "$SUPPLE_CALDAV_PASSWORD")
    assert "from-env" not in repr(found)


def test_password_and_login_from_netrc(no_sources):
    no_sources.write_text("machine other.example login x password y\n"
                          "machine cal.example.org login bob password from-netrc\n")
    found = credentials.find("cal.example.org", None)
    assert (found.user, found.password, found.source) == ("bob", "from-netrc", "netrc")
    # a netrc entry for another user is not used
    assert credentials.find("cal.example.org", "alice").password is None


def test_a_broken_netrc_is_reported_by_line_without_quoting_it(no_sources):
    no_sources.write_text("machine cal.example.org login bob password hunter2 bogus-token\n")
    with pytest.raises(InputError) as caught:
        credentials.find("cal.example.org", None)
    message = str(caught.value)
    assert "(line " in message and "hunter2" not in message and "bogus" not in message


def test_password_from_the_keyring(no_sources, monkeypatch):
    asked = []

    def get_password(service, user):
        asked.append((service, user))
        return "from-keyring"

    monkeypatch.setitem(sys.modules, "keyring", types.SimpleNamespace(get_password=get_password))
    found = credentials.find("cal.example.org", "alice")
    assert (found.password, found.source) == ("from-keyring", "keyring")
    assert asked == [("supple-caldav:cal.example.org", "alice")]


def test_no_password_anywhere(no_sources):
    found = credentials.find("cal.example.org", "alice")
    assert found.password is None and found.source == "none"


@pytest.mark.parametrize("url", ["http://127.0.0.1:5232/a/b", "http://localhost/x/", "http://[::1]/x/",
                                 "https://cal.example.org/dav/cal"])
def test_https_and_loopback_http_are_accepted_silently(url):
    normal, warning = check_url(url, allow_insecure_http=False)
    assert normal.endswith("/") and warning is None


def test_plain_http_elsewhere_needs_the_flag_and_warns():
    with pytest.raises(InputError, match="--allow-insecure-http"):
        check_url("http://cal.example.org/dav/", allow_insecure_http=False)
    _url, warning = check_url("http://cal.example.org/dav/", allow_insecure_http=True)
    assert warning and "unencrypted" in warning


@pytest.mark.parametrize("url", ["ftp://cal.example.org/", "cal.example.org/dav", "https:///nohost"])
def test_addresses_that_are_not_http(url):
    with pytest.raises(InputError, match="is not an http"):
        check_url(url, allow_insecure_http=False)
