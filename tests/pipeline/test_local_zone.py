"""The computer's time zone for a routine that names none: $TZ, else tzlocal, else UTC (noted)."""

from __future__ import annotations

import os

import tzlocal

from supple.io.schedule_parts import local_zone
from supple.pipeline.schedule import machine_zone


def test_without_tz_the_system_zone_is_the_localtime_link_else_tzlocals(monkeypatch):
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Kolkata")
    real = os.path.realpath
    # /etc/localtime linking into a zoneinfo folder (what tzlocal reads first on Linux)
    monkeypatch.setattr(os.path, "realpath", lambda p: "/usr/share/zoneinfo/Europe/Oslo"
                        if p == "/etc/localtime" else real(p))
    assert machine_zone() == ("Europe/Oslo", True)
    assert local_zone() == ("Europe/Oslo", ("timezone",))
    # a copied /etc/localtime (no link): tzlocal's answer
    monkeypatch.setattr(os.path, "realpath", lambda p: "/etc/localtime" if p == "/etc/localtime" else real(p))
    assert machine_zone() == ("Asia/Kolkata", True)


def test_tz_wins_over_the_system_setting(monkeypatch):
    monkeypatch.setenv("TZ", "America/Chicago")
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Kolkata")
    assert machine_zone() == ("America/Chicago", True)


def test_when_nothing_names_a_zone_it_is_utc_and_marked_as_a_fallback(monkeypatch):
    def broken():
        raise LookupError("no zone configured")

    monkeypatch.setenv("TZ", "Not/AZone")
    monkeypatch.setattr(tzlocal, "get_localzone_name", broken)
    real = os.path.realpath

    monkeypatch.setattr(os.path, "realpath", lambda p: "/nowhere" if p == "/etc/localtime" else real(p))
    import builtins

    opener = builtins.open

    def no_etc_timezone(path, *args, **kwargs):
        if path == "/etc/timezone":
            raise FileNotFoundError(path)
        return opener(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_etc_timezone)
    assert machine_zone() == ("UTC", False)
    assert local_zone() == ("UTC", ("timezone", "utc"))
