"""Issue 23 items 3, 11 and 14: broken input paths are reported, never silently skipped.

A dangling ``profile.toml`` link or a ``profile.toml`` that is a directory must stop the plan
(it would otherwise be made with no safety filter's say); a FIFO given as routine or profile is
refused at once instead of waiting forever for a writer; a typo in config.toml's ``[defaults]``
is reported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli

TESTS = Path(__file__).resolve().parents[1]
ROUTINE = str(TESTS.parent / "routines" / "morning-mobility.toml")


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    from supple.io import config

    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(folder))
    config.user_config.cache_clear()
    return folder


def _plan(*args):
    return CliRunner().invoke(cli, ["plan", ROUTINE, "--json", *args])


def test_the_config_profile_gives_findings(config_dir):
    shutil.copy(TESTS / "profiles" / "several.toml", config_dir / "profile.toml")
    result = _plan()
    assert result.exit_code == 0, result.output
    assert '"safety": []' not in result.output


def test_a_dangling_profile_link_stops_the_plan(config_dir, tmp_path):
    (config_dir / "profile.toml").symlink_to(tmp_path / "moved-away.toml")
    result = _plan()
    assert result.exit_code == 2, result.output
    assert "profile.toml" in result.output and "broken symbolic link" in result.output
    assert "moved-away.toml" in result.output


def test_a_profile_that_is_a_directory_stops_the_plan(config_dir):
    (config_dir / "profile.toml").mkdir()
    result = _plan()
    assert result.exit_code == 2, result.output
    assert "profile.toml: is a directory" in result.output


def test_a_dangling_config_link_is_reported(config_dir, tmp_path):
    (config_dir / "config.toml").symlink_to(tmp_path / "gone.toml")
    result = _plan()
    assert result.exit_code == 2, result.output
    assert "config.toml" in result.output and "broken symbolic link" in result.output


@pytest.mark.parametrize("key", ["routne", "profile"])
def test_a_typo_in_config_defaults_is_reported(config_dir, key):
    (config_dir / "config.toml").write_text(f'[defaults]\n{key} = "morning-mobility"\n')
    result = _plan()
    assert result.exit_code == 2, result.output
    assert f"config.toml: defaults.{key}: unknown key" in result.output
    if key == "routne":
        assert "did you mean 'routine'" in result.output


@pytest.mark.parametrize("which", ["routine", "profile"])
def test_a_fifo_is_refused_at_once(tmp_path, which):
    fifo = tmp_path / "input.toml"
    os.mkfifo(fifo)
    args = [str(fifo)] if which == "routine" else [ROUTINE, "--profile", str(fifo)]
    env = dict(os.environ, SUPPLE_CONFIG_DIR=str(tmp_path / "config"))
    try:
        done = subprocess.run([sys.executable, "-m", "supple", "check" if which == "routine" else "plan",
                               *args], capture_output=True, text=True, timeout=15, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"supple hung reading a FIFO as the {which}")
    assert done.returncode == 2, done.stderr
    assert f"{fifo}: is a FIFO (named pipe), not a regular file" in done.stderr
    assert "Traceback" not in done.stderr
