"""Same routine and profile, same bytes: in different processes, with a different clock, time
zone, locale and hash seed, every exporter writes byte-identical output."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
ROUTINES = ["morning-mobility", "gentle-lower-back", "back-release-stretches"]
FORMATS = ["json", "ics", "md"]

# Moves the process's clock ten years ahead (time.time, datetime.now/today/utcnow).
FAKE_CLOCK = textwrap.dedent(
    """
    import datetime as _dt, time as _time
    _OFFSET = 10 * 365 * 86400
    _real = _time.time
    _time.time = lambda: _real() + _OFFSET
    class _Shifted(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return _dt.datetime.fromtimestamp(_time.time(), tz)
        @classmethod
        def utcnow(cls):
            return _dt.datetime.utcfromtimestamp(_time.time())
        @classmethod
        def today(cls):
            return cls.now()
    class _ShiftedDate(_dt.date):
        @classmethod
        def today(cls):
            return _dt.date.fromtimestamp(_time.time())
    _dt.datetime = _Shifted
    _dt.date = _ShiftedDate
    """
)


def export(routine: str, fmt: str, env_extra: dict[str, str], tmp_path: Path, profile: Path) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUPPLE_", "LC_", "LANG"))}
    env.update(env_extra)
    proc = subprocess.run(
        # the bundled routines are templates: explicit inputs are a start date and a zone
        [sys.executable, "-m", "supple", "export", routine, "--to", fmt, "--profile", str(profile),
         "--start", "2026-12-07", "--timezone", "Europe/Madrid"],
        capture_output=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"note:" not in proc.stderr  # nothing came from the clock
    return proc.stdout


@pytest.fixture(scope="module")
def shifted_clock(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clock")
    (folder / "sitecustomize.py").write_text(FAKE_CLOCK)
    return folder


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "me.toml"
    path.write_text('[profile]\nconditions = ["osteoporosis"]\npain = 2\nage = 61\n')
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("routine", ROUTINES)
def test_exports_are_byte_identical_across_processes_clocks_zones_locales(routine, fmt, tmp_path, shifted_clock, profile):
    first = export(routine, fmt, {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"}, tmp_path, profile)
    second = export(
        routine, fmt,
        {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8",
         "PYTHONPATH": str(shifted_clock), "SUPPLE_CONFIG_DIR": str(tmp_path)},
        tmp_path, profile,
    )
    assert first, "empty export"
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_the_fake_clock_really_moves_the_clock(shifted_clock, tmp_path):
    code = "import time, datetime; print(int(time.time()), datetime.datetime.now().year)"
    env = dict(os.environ, PYTHONPATH=str(shifted_clock))
    shifted = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout.split()
    real = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split()
    assert int(shifted[0]) - int(real[0]) > 9 * 365 * 86400
    assert int(shifted[1]) >= int(real[1]) + 9
