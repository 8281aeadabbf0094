"""Sizes that would hang or exhaust memory are refused early, with a message saying the limit."""

from __future__ import annotations

from click.testing import CliRunner

from supple import limits
from supple.cli import cli

HEAD = '[routine]\ntitle = "Huge"\n'


def check(path):
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output


def test_a_50_megabyte_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.write(HEAD.encode())
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB actually written
    out = check(path)
    assert f"the limit is {limits.MAX_FILE_BYTES:,} bytes" in out


def test_100000_steps_are_refused(tmp_path):
    path = tmp_path / "steps.toml"
    path.write_text(HEAD + "steps = [" + ", ".join(['{exercise="cat-cow"}'] * 100_000) + "]\n")
    out = check(path)
    assert "the limit is" in out


def test_more_steps_than_the_limit_are_refused_with_the_limit(tmp_path):
    path = tmp_path / "steps.toml"
    path.write_text(HEAD + '[[steps]]\nexercise = "cat-cow"\n' * (limits.MAX_STEPS + 1))
    assert f"has {limits.MAX_STEPS + 1:,} steps; the limit is {limits.MAX_STEPS}" in check(path)


def test_a_billion_repetitions_and_a_200_year_schedule_are_refused(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(
        HEAD + "[schedule]\nstart = 2026-12-07\nuntil = 2226-12-07\n"
        '[[steps]]\nexercise = "cat-cow"\nreps = 1000000000\n'
    )
    out = check(path)
    assert f"must be between 0 and {limits.MAX_REPS}" in out
    assert f"more than {limits.MAX_WEEKS} weeks" in out
