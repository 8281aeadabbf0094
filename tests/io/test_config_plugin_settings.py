"""[plugins.NAME] in config.toml: plugin-wide settings for every routine; a routine's table
overrides them key by key, and only towards stricter safety; errors located in config.toml."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.io import config
from supple.testing import make_registry

ROUTINE = '[routine]\ntitle = "T"\n[[steps]]\nexercise = "cat-cow"\n'


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path))
    config.user_config.cache_clear()
    yield tmp_path
    config.user_config.cache_clear()


def settings(routine: str, profile: str | None = None):
    from supple.pipeline.resolve import resolve
    from supple.testing import load_test_profile, load_test_routine

    registry = make_registry(builtins=True)
    return resolve(load_test_routine(routine), registry, load_test_profile(profile)).settings["safety"]


def test_config_sets_a_plugin_wide_value_and_a_routine_may_only_tighten_it(home):
    (home / "config.toml").write_text("[plugins.safety]\nfracture_risk_age = 65\ncaution_age_over = 45\n")
    config.user_config.cache_clear()
    got = settings(ROUTINE)
    assert (got.fracture_risk_age, got.caution_age_over) == (65, 45)
    stricter = settings(ROUTINE + "\n[plugins.safety]\nfracture_risk_age = 60\n")
    assert (stricter.fracture_risk_age, stricter.caution_age_over) == (60, 45)  # key by key
    from supple.errors import InputError

    with pytest.raises(InputError, match="plugins.safety.fracture_risk_age: 68 makes safety less strict than 65"):
        settings(ROUTINE + "\n[plugins.safety]\nfracture_risk_age = 68\n")
    # the person's profile overrides config.toml (it may relax: it is the person's)
    assert settings(ROUTINE, "[profile]\n[plugins.safety]\nfracture_risk_age = 75\n").fracture_risk_age == 75


def test_a_bad_value_in_config_toml_is_located_there(home, tmp_path):
    (home / "config.toml").write_text("[plugins.safety]\nfracture_risk_age = \"old\"\n[plugins.nope]\nx = 1\n")
    config.user_config.cache_clear()
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE)
    result = CliRunner().invoke(cli, ["check", str(routine)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    where = home / "config.toml"
    assert f"{where}: plugins.safety.fracture_risk_age: expected a whole number" in result.stderr
    assert f"{where}: plugins.nope: no plugin called 'nope' takes settings" in result.stderr
