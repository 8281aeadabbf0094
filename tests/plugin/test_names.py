"""Plain names resolve by precedence (built-in, then config.toml's [names] prefer); qualified
names always work; a plain name that became ambiguous keeps working with a warning."""

from __future__ import annotations

import types

import pytest

import supple
from supple.plugin.catalogue import UnknownExercise
from supple.plugin.manager import registry_from_plugins
from supple.testing import check_routine, make_registry


def set_plugin(plugin: str, set_name: str, *ids: str) -> types.ModuleType:
    module = types.ModuleType(plugin)

    @supple.hookimpl
    def supple_exercise_sets():
        yield supple.ExerciseSet(name=set_name, title=set_name, exercises=[
            supple.Exercise(id=i, name=i, summary="s", kind="mobility", position="seated",
                            dose=supple.Dose(reps=3), sources=[supple.Source("t")]) for i in ids])

    module.supple_exercise_sets = supple_exercise_sets  # type: ignore[attr-defined]
    return module


def test_a_built_in_exercise_keeps_its_plain_name_and_the_ambiguity_is_explained():
    registry = make_registry(set_plugin("other", "other", "childs-pose"), builtins=True)
    assert registry.catalogue.get("childs-pose").ref == "backcare/childs-pose"
    assert registry.catalogue.get("other/childs-pose").set_name == "other"
    warning = registry.catalogue.ambiguity("childs-pose")
    assert warning is not None and "backcare/childs-pose is used" in warning
    assert "also other/childs-pose" in warning
    assert registry.catalogue.ambiguity("backcare/childs-pose") is None
    assert registry.catalogue.ambiguity("cat-cow") is None


def test_check_warns_once_and_passes():
    registry = make_registry(set_plugin("other", "other", "childs-pose"), builtins=True)
    routine = '[routine]\ntitle = "t"\n[[steps]]\nexercise = "childs-pose"\n'
    assert check_routine(routine, registry) == []
    assert any("steps[1].exercise" in w and "more than one set" in w for w in registry.warnings)


def test_two_third_party_sets_need_a_qualified_name_or_the_users_preference():
    plugins = {"one": set_plugin("one", "uno", "bridge"), "two": set_plugin("two", "dos", "bridge")}
    registry = registry_from_plugins(plugins)
    with pytest.raises(UnknownExercise, match=r"write one of dos/bridge, uno/bridge.*\[names\] prefer"):
        registry.catalogue.get("bridge")
    for prefer, expected in ((("dos",), "dos"), (("one",), "uno"), (("nobody", "two", "one"), "dos")):
        chosen = registry_from_plugins(plugins)
        chosen.prefer = prefer
        assert chosen.catalogue.get("bridge").set_name == expected


def test_a_qualified_strategy_name_names_its_plugin():
    registry = make_registry(builtins=True)
    assert registry.get("timing strategy", "timing:steady").name == "steady"
    with pytest.raises(supple.InputError, match="unknown timing strategy 'progression:steady'"):
        registry.get("timing strategy", "progression:steady")
