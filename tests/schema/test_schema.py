"""`supple schema`: the JSON Schema of routine and profile files, checked with a real validator
(jsonschema) against every bundled and documented routine, the profiles, and the broken-file
corpus; the shipped schema files are kept equal to what the built-in plugins give."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.io.routine_file import ROUTINE_TABLES
from supple.render.schema import profile_schema, routine_schema
from supple.render.schema_text import DOCUMENTED
from supple.testing import make_registry

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "tests" / "corpus"
DOC = ROOT / "docs" / "routine-format.md"


def documented_keys(text: str | None = None) -> dict[tuple[str, str], str]:
    """``{("schedule", "start"): "first day of week 1 ...", ...}`` for [routine], [schedule],
    [[steps]] and the profile's table."""
    text = DOC.read_text(encoding="utf-8") if text is None else text
    rows: dict[tuple[str, str], str] = {}
    table = None
    for line in text.splitlines():
        heading = re.match(r"^## `\[+([a-z]+)\]+`", line)
        if line.startswith("## "):
            table = heading.group(1) if heading else ("profile" if line.startswith("## Profiles") else None)
        row = re.match(r"^\| `([a-z_]+)` \|(.*)\|\s*$", line)
        if row and table in ("routine", "schedule", "steps", "profile"):
            rows[(table, row.group(1))] = row.group(2).split("|")[-1].strip()
    return rows

#: broken files whose fault the schema cannot see: only `supple check` can (NaN passes every
#: range in JSON Schema; a zone's spelling and the order of two dates are not shape)
SCHEMA_BLIND = {"load-nan.toml", "schedule-bad-zone.toml", "schedule-end-before-start.toml"}
#: files that are not TOML at all, so no validator gets to see them
NOT_TOML = {"binary.toml", "latin1.toml", "syntax-error.toml", "broken-not-toml.toml", "syntax.toml"}


def plain(value):
    """A parsed TOML document as JSON data (dates as ISO text), as an editor's validator sees it."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validators():
    import jsonschema  # the test extra installs it; imported here, only by these tests
    registry = make_registry(builtins=True)
    result = {}
    for kind, build in (("routine", routine_schema), ("profile", profile_schema)):
        schema = build(registry)
        jsonschema.Draft202012Validator.check_schema(schema)
        result[kind] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return result


def errors(validator, path: Path) -> list[str]:
    with open(path, "rb") as handle:
        return [e.message for e in validator.iter_errors(plain(tomllib.load(handle)))]


@pytest.mark.parametrize("kind", ["routine", "profile"])
def test_the_shipped_schema_files_are_what_the_built_in_plugins_give(kind):
    shipped = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    build = routine_schema if kind == "routine" else profile_schema
    assert shipped == build(make_registry(builtins=True)), \
        f"regenerate: supple schema {kind} -o schema/{kind}.schema.json"


@pytest.mark.parametrize("path", sorted((ROOT / "routines").glob("*.toml")), ids=lambda p: p.stem)
def test_every_bundled_routine_is_valid(validators, path):
    assert errors(validators["routine"], path) == []


def documented_blocks():
    """Every ```toml block of the docs and the README that is a routine (or a part of one:
    completed with a title and a step) or a profile."""
    found = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        # settings of a plugin the page itself defines, not an installed one
        defined = set(re.findall(r'PluginSettings\(\s*name="([a-z0-9-]+)"', text))
        for number, block in enumerate(re.findall(r"```toml\n(.*?)```", text, re.S)):
            data = tomllib.loads(block)
            plugins = data.get("plugins", {})
            if set(plugins) & defined:
                continue
            if "profile" in data:
                found.append(pytest.param("profile", data, id=f"{doc.name}-{number}"))
            elif doc.name == "exercise-sets.md":
                continue  # its routine uses the exercise set the page defines, not an installed one
            elif set(data) <= set(ROUTINE_TABLES) and all(isinstance(v, dict) for v in plugins.values()):
                whole = {"routine": {"title": "t"}, "steps": [{"exercise": "backcare/cat-cow"}], **data}
                found.append(pytest.param("routine", whole, id=f"{doc.name}-{number}"))
    return found


@pytest.mark.parametrize("kind, data", documented_blocks())
def test_every_documented_routine_and_profile_is_valid(validators, kind, data):
    assert [e.message for e in validators[kind].iter_errors(plain(data))] == []


def test_the_docs_show_complete_routines_with_the_new_keys():
    blocks = [p.values[1] for p in documented_blocks() if p.values[0] == "routine"]
    assert len(blocks) >= 10
    assert any("skip" in b.get("schedule", {}) for b in blocks)


@pytest.mark.parametrize("path", sorted((CORPUS / "routines").glob("*.toml")), ids=lambda p: p.name)
def test_the_broken_routines_are_rejected_where_the_schema_can_see_the_fault(validators, path):
    if path.name in NOT_TOML:
        with pytest.raises((tomllib.TOMLDecodeError, UnicodeDecodeError)):
            tomllib.loads(path.read_bytes().decode("utf-8"))
        return
    found = errors(validators["routine"], path)
    if path.name in SCHEMA_BLIND:
        assert found == [], "the schema now sees this fault: move it out of SCHEMA_BLIND"
    else:
        assert found, f"{path.name} passes the schema"


@pytest.mark.parametrize("path", sorted([*(CORPUS / "profiles").glob("*.toml"),
                                         *(ROOT / "tests" / "profiles").glob("*.toml")]), ids=lambda p: p.name)
def test_profiles_broken_ones_rejected_and_the_others_accepted(validators, path):
    if path.name in NOT_TOML:
        return
    broken = path.parent.name == "profiles" and path.parent.parent.name == "corpus" or path.name.startswith("broken-")
    assert bool(errors(validators["profile"], path)) == broken


def test_schema_faults_it_sees_in_the_new_keys(validators):
    base = {"routine": {"title": "t"}, "steps": [{"exercise": "backcare/cat-cow"}]}
    check = validators["routine"]
    good = {**base, "schedule": {"weeks": 2, "skip": ["2026-12-25", {"from": "2027-04-01", "to": "2027-04-07"}]}}
    assert list(check.iter_errors(good)) == []
    for bad in ({"weeks": 2, "skip": ["christmas"]}, {"weeks": 2, "skip": [{"from": "2027-04-01"}]},
                {"weeks": 2, "days": "fryday"}, {"weeks": 2, "times": ["25:00"]}, {"start": "2026-02-30", "weeks": 2},
                {"start": "2026-12-07"}):
        assert list(check.iter_errors({**base, "schedule": bad})), bad


def test_a_strategy_option_and_the_strategy_names_come_from_the_plugins(validators):
    timing = validators["routine"].schema["properties"]["timing"]
    assert set(timing["properties"]["strategy"]["enum"]) >= {"steady", "gentle", "time-boxed"}
    base = {"routine": {"title": "t"}, "steps": [{"exercise": "backcare/cat-cow"}]}
    check = validators["routine"]
    assert not list(check.iter_errors({**base, "timing": {"strategy": "steady", "rest": "30s"}}))
    assert not list(check.iter_errors({**base, "progression": {"strategy": "linear", "reps": 1}}))
    assert list(check.iter_errors({**base, "progression": {"strategy": "none", "reps": 1}}))
    assert set(check.schema["properties"]["export"]["properties"]) >= {"ics", "md", "json"}
    assert "safety" in check.schema["properties"]["plugins"]["properties"]
    exercises = check.schema["properties"]["steps"]["items"]["properties"]["exercise"]["enum"]
    assert {"backcare/cat-cow", "cat-cow"} <= set(exercises)


def test_a_third_party_plugin_s_strategy_and_its_options_are_in_the_schema():
    @attrs.frozen
    class WaveOptions:
        """Options of wave."""

        height: int = 3

    class Plugin:
        @supple.hookimpl
        def supple_progression_strategies(self):
            return [supple.ProgressionStrategy(name="wave", summary="Up and down.",
                                               dose_for=lambda base, week, options, context: base,
                                               options=WaveOptions)]

    schema = routine_schema(make_registry(Plugin(), builtins=True))
    progression = schema["properties"]["progression"]
    assert "wave" in progression["properties"]["strategy"]["enum"]
    branch = next(b for b in progression["allOf"] if b["if"].get("properties", {}).get("strategy") == {"const": "wave"})
    assert branch["then"]["properties"]["height"] == {"type": "integer", "default": 3}


def test_descriptions_are_the_docs_and_every_documented_key_is_in_the_schema():
    assert documented_keys() == DOCUMENTED
    registry = make_registry(builtins=True)
    routine, profile = routine_schema(registry), profile_schema(registry)
    tables = {"routine": routine["properties"]["routine"], "schedule": routine["properties"]["schedule"],
              "steps": routine["properties"]["steps"]["items"], "profile": profile["properties"]["profile"]}
    for (table, key), text in DOCUMENTED.items():
        assert tables[table]["properties"][key]["description"] == text


def test_the_command_prints_either_schema_and_refuses_other_kinds():
    routine = CliRunner().invoke(cli, ["schema"])
    assert routine.exit_code == 0 and json.loads(routine.stdout)["title"] == "supple routine"
    profile = CliRunner().invoke(cli, ["schema", "profile"])
    assert json.loads(profile.stdout)["title"] == "supple profile"
    assert CliRunner().invoke(cli, ["schema", "recipe"]).exit_code == 2
