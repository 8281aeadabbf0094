"""Profiles: read from --profile or the user's configuration directory, checked like a routine
(located errors, exit status 2, nothing written), ids checked against the loaded filters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.io.profile_file import load_profile, profile_from_dict

PROFILES = Path(__file__).resolve().parents[1] / "profiles"


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(folder))
    return folder


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_a_full_profile_loads_every_key():
    person = profile_from_dict({"profile": {
        "conditions": [" Osteoporosis", "pregnancy", "osteoporosis"], "red_flags": [], "pain": 3,
        "pregnancy_week": 22, "age": 54, "cleared_by_surgeon": True}}, "p.toml")
    assert person.conditions == ("osteoporosis", "pregnancy")  # trimmed, lower case, no repeats
    assert (person.pain, person.pregnancy_week, person.age) == (3, 22, 54)
    assert person.cleared_by_surgeon is True and person.path == "p.toml"
    assert person.has("pregnancy") and not person.has("hypermobility")


def test_every_key_is_optional():
    person = profile_from_dict({"profile": {}}, "p.toml")
    assert person == supple.Profile(path="p.toml")
    assert person.cleared_by_surgeon is False


def test_every_matrix_profile_file_loads():
    for path in sorted(PROFILES.glob("*.toml")):
        if not path.name.startswith("broken-"):
            assert load_profile(path).path == str(path)


BROKEN = {
    "broken-unknown-key.toml": ["profile.pian: unknown key; did you mean 'pain'?"],
    "broken-out-of-range.toml": ["profile.pain: must be between 0 and 10; got 11",
                                 "profile.age: must be between 0 and 120; got -1",
                                 "profile.pregnancy_week: must be between 0 and 45; got 50"],
    "broken-types.toml": ["profile.pain: expected a whole number, got text '3'",
                          "profile.conditions: expected a list",
                          "profile.cleared_by_surgeon: expected true or false",
                          "profile.age: expected a whole number"],
    "broken-list-item.toml": ["profile.conditions[2]: expected a text string"],
    "broken-unknown-ids.toml": ["profile.conditions[2]: unknown condition 'osteoporsis'; did you mean 'osteoporosis'?",
                                "profile.red_flags[1]: unknown red flag 'saddle-numb'; did you mean 'saddle-numbness'?"],
    "broken-no-profile-table.toml": ["person: unknown table", "profile: a profile file needs a [profile] table"],
    "broken-not-toml.toml": ["is not valid TOML"],
}


def test_every_broken_profile_file_has_an_expectation():
    assert {p.name for p in PROFILES.glob("broken-*.toml")} == set(BROKEN)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_profile_is_a_located_error_with_exit_2_and_nothing_written(name, tmp_path):
    path = str(PROFILES / name)
    result = run("plan", "morning-mobility", "--profile", path)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    for message in BROKEN[name]:
        assert f"supple: error: {path}: {message}" in result.stderr
    out = tmp_path / "plan.ics"
    result = run("export", "morning-mobility", "--to", "ics", "-o", str(out), "--profile", path)
    assert result.exit_code == 2 and not out.exists()


def test_a_missing_profile_file_is_named():
    result = run("plan", "morning-mobility", "--profile", "no-such-profile.toml")
    assert result.exit_code == 2
    assert "no-such-profile.toml: no such file" in result.stderr


def test_the_profile_in_the_config_directory_is_used_when_none_is_given(config_dir):
    result = run("plan", "morning-mobility")
    assert result.exit_code == 0 and "Profile:" not in result.stdout
    config_dir.mkdir()
    shutil.copy(PROFILES / "pregnancy-week-22.toml", config_dir / "profile.toml")
    result = run("plan", "morning-mobility")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert f"Profile:{config_dir / 'profile.toml'}" in "".join(result.stdout.split())  # may be wrapped
    assert "[pregnancy-supine] replaced pelvic-tilt" in flat
    # --profile wins over the configuration directory.
    result = run("plan", "morning-mobility", "--profile", str(PROFILES / "healthy.toml"))
    assert "pregnancy-supine" not in result.stdout


def test_a_red_flag_in_the_config_directory_profile_refuses(config_dir):
    config_dir.mkdir()
    shutil.copy(PROFILES / "red-flag-emergency.toml", config_dir / "profile.toml")
    result = run("plan", "morning-mobility")
    assert result.exit_code == 3 and "Seek emergency care now" in result.stderr


def test_a_broken_profile_in_the_config_directory_is_named(config_dir):
    config_dir.mkdir()
    (config_dir / "profile.toml").write_text("[profile]\npain = 12\n", encoding="utf-8")
    result = run("plan", "morning-mobility")
    assert result.exit_code == 2
    assert f"{config_dir / 'profile.toml'}: profile.pain: must be between 0 and 10" in result.stderr
