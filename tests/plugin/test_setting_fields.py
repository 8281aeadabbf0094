"""Fields a plugin declares with ``supple.setting``: what each means (shown by `supple plugins`
and in `supple schema`) and, with ``person=True``, fields that describe the person, which only
the person's profile (or config.toml) may set: a routine that sets one is refused, located."""

from __future__ import annotations

import json

import attrs
import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.plugin.setting_fields import person_keys, setting_fields

PLUGIN = '''
import attrs
import supple

SUPPLE_HOOK_API = (1, 1)


@attrs.frozen
class WristSettings:
    """Wrist care."""

    wrist_pain: bool = supple.setting(False, doc="weight through the hands hurts", person=True)
    max_kneeling_min: int = supple.setting(
        10, doc="longest time on the knees", validator=attrs.validators.ge(0))


def no_hands(steps, context):
    settings = context.settings["wrist"]
    if not settings.wrist_pain:
        return supple.SafetyResult(steps=list(steps))
    rule = supple.Exclusion(rule="wrist-pain", why="your wrists hurt under load",
                            effect="it puts weight through the hands",
                            source="the person's profile", positions=["quadruped"])
    kept, findings = supple.exclude_steps(steps, context, [rule], [rule])
    return supple.SafetyResult(steps=kept, findings=findings)


@supple.hookimpl
def supple_settings():
    yield supple.PluginSettings(name="wrist", options=WristSettings, summary="Wrist care.")


@supple.hookimpl
def supple_safety_filters():
    yield supple.SafetyFilter(name="wrist-pain", summary="No weight on painful wrists.", apply=no_hands)
'''

ROUTINE = """
[routine]
title = "Wrists"

[[steps]]
exercise = "cat-cow"

[[steps]]
exercise = "pelvic-tilt"
"""


@pytest.fixture
def installed(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "supple_wrist.py").write_text(PLUGIN)
    info = site / "supple_wrist-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: supple-wrist\nVersion: 1.0\n\n")
    (info / "entry_points.txt").write_text("[supple]\nwrist = supple_wrist\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SUPPLE_STRICT_PLUGINS", "1")
    return tmp_path


def test_setting_records_the_meaning_and_whether_only_the_person_sets_it():
    @attrs.frozen
    class Settings:
        pain: bool = supple.setting(False, doc="it hurts", person=True)
        limit: int = supple.setting(3, validator=attrs.validators.ge(0))
        plain: str = "x"

    fields = setting_fields(Settings)
    assert [(f.key, f.type, f.default, f.doc, f.person) for f in fields] == [
        ("pain", "bool", False, "it hurts", True), ("limit", "int", 3, "", False),
        ("plain", "str", "x", "", False)]
    assert person_keys(Settings) == {"pain"}
    with pytest.raises(ValueError):
        Settings(limit=-1)  # the validator is kept


def test_a_routine_that_sets_a_persons_field_is_refused_with_the_key(installed):
    routine = installed / "r.toml"
    routine.write_text(ROUTINE + "\n[plugins.wrist]\nwrist_pain = false\nmax_kneeling_min = 5\n")
    result = CliRunner().invoke(cli, ["check", "--no-profile", str(routine)])
    assert result.exit_code == 2, result.output
    assert (f"{routine}: plugins.wrist.wrist_pain: describes the person, so only the person sets "
            "it: in their profile's [plugins.wrist] table") in result.stderr
    assert "max_kneeling_min" not in result.stderr and "Traceback" not in result.output


def test_the_persons_profile_sets_it_and_the_filter_acts_on_it(installed):
    routine = installed / "r.toml"
    routine.write_text(ROUTINE + "\n[plugins.wrist]\nmax_kneeling_min = 5\n")
    profile = installed / "profile.toml"
    profile.write_text("[profile]\nconditions = []\n\n[plugins.wrist]\nwrist_pain = true\n")
    result = CliRunner().invoke(cli, ["export", "--to", "json", "--profile", str(profile), str(routine)])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    planned = {step["exercise"] for session in plan["sessions"] for step in session["steps"]}
    assert "cat-cow" not in planned and "pelvic-tilt" in planned
    without = CliRunner().invoke(cli, ["export", "--to", "json", "--no-profile", str(routine)])
    assert without.exit_code == 0, without.output
    assert "cat-cow" in {s["exercise"] for x in json.loads(without.stdout)["sessions"] for s in x["steps"]}
    bad = installed / "bad.toml"
    bad.write_text('[profile]\nconditions = []\n\n[plugins.wrist]\nwrist_pain = "yes"\n')
    result = CliRunner().invoke(cli, ["check", "--profile", str(bad), str(routine)])
    assert result.exit_code == 2 and f"{bad}: plugins.wrist.wrist_pain" in result.stderr


def test_supple_plugins_lists_each_field_with_its_meaning(installed):
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0, result.output
    assert ("    setting plugins.wrist.wrist_pain: bool = false; weight through the hands hurts "
            "(the person's profile only)") in result.stdout
    assert "    setting plugins.wrist.max_kneeling_min: int = 10; longest time on the knees\n" in result.stdout
    listed = json.loads(CliRunner().invoke(cli, ["plugins", "--json"]).stdout)
    (wrist,) = [p for p in listed if p["name"] == "wrist"]
    assert wrist["settings"][0] == {"key": "plugins.wrist.wrist_pain", "type": "bool", "default": False,
                                    "doc": "weight through the hands hurts", "person": True}


def test_the_schemas_carry_the_meanings_and_keep_persons_fields_out_of_routines(installed):
    routine = json.loads(CliRunner().invoke(cli, ["schema", "routine"]).stdout)
    profile = json.loads(CliRunner().invoke(cli, ["schema", "profile"]).stdout)
    in_routine = routine["properties"]["plugins"]["properties"]["wrist"]["properties"]
    in_profile = profile["properties"]["plugins"]["properties"]["wrist"]["properties"]
    assert "wrist_pain" not in in_routine
    assert in_routine["max_kneeling_min"]["description"] == "longest time on the knees"
    assert in_profile["wrist_pain"] == {"type": "boolean", "default": False,
                                        "description": "weight through the hands hurts"}


def test_the_docstring_example_runs():
    import doctest

    import supple.plugin.setting_fields as module

    result = doctest.testmod(module)
    assert result.attempted >= 3 and result.failed == 0
