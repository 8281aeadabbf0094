"""The hook reference stays honest: every hook in supple.plugin.hookspecs has a section in
docs/plugins/hooks.md headed by its exact signature and showing its docstring's example,
every hook is exercised by some test, and every docstring example works when pasted into a
plugin module."""

from __future__ import annotations

import inspect
import re
import textwrap
import types
from pathlib import Path

import pytest

from supple.plugin import hookspecs
from supple.plugin.markers import PROJECT
from supple.testing import make_registry, plan_routine

ROOT = Path(__file__).parents[2]
HOOKS_DOC = ROOT / "docs" / "plugins" / "hooks.md"
HOOKS = sorted(
    name for name, value in vars(hookspecs).items()
    if callable(value) and hasattr(value, f"{PROJECT}_spec")
)


def signature(hook: str) -> str:
    params = inspect.signature(getattr(hookspecs, hook)).parameters
    return f"{hook}({', '.join(params)})"


def example(hook: str) -> str:
    """The code block after ``Example::`` in the hook's docstring."""
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert "Example::" in doc, f"{hook}'s docstring has no Example:: block"
    return textwrap.dedent(doc.split("Example::", 1)[1]).strip("\n") + "\n"


def section(hook: str) -> str:
    text = HOOKS_DOC.read_text(encoding="utf-8")
    heading = f"## {signature(hook)}\n"
    assert heading in text, f"docs/plugins/hooks.md has no section headed '## {signature(hook)}'"
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def test_there_are_hooks_to_check():
    assert "supple_exercise_sets" in HOOKS and len(HOOKS) >= 7


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_under_its_exact_signature(hook):
    body = section(hook)
    assert len(body.split()) > 40, f"the section on {hook} says too little"


@pytest.mark.parametrize("hook", HOOKS)
def test_the_documented_example_is_the_docstring_example(hook):
    blocks = re.findall(r"^```python\n(.*?)^```", section(hook), re.M | re.S)
    assert example(hook) in blocks, f"docs/plugins/hooks.md shows another example for {hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_exercised_by_a_test(hook):
    here = Path(__file__).resolve()
    users = [p for p in (ROOT / "tests").rglob("test_*.py") if p.resolve() != here
             and hook in p.read_text(encoding="utf-8")]
    assert users, f"no test under tests/ mentions {hook}"


def load_example(hook: str, tmp_path: Path) -> types.ModuleType:
    module = types.ModuleType(f"example_{hook}")
    module.__file__ = str(tmp_path / f"example_{hook}.py")
    code = compile(example(hook), module.__file__, "exec")
    exec(code, module.__dict__)
    return module


#: What each docstring example says it contributes: (kind, names).
CONTRIBUTES = {
    "supple_exercise_sets": ("exercise set", ["desk"]),
    "supple_timing_strategies": ("timing strategy", ["brisk"]),
    "supple_progression_strategies": ("progression strategy", ["every-other-week"]),
    "supple_safety_filters": ("safety filter", ["no-weights-when-sore"]),
    "supple_exporters": ("exporter", ["text"]),
    "supple_routines": ("routine", ["desk-breaks"]),
    "supple_settings": ("settings", ["desk"]),
    "supple_vocabulary": ("vocabulary term", ["region:wrists", "tag:overhead-reach"]),
}


def test_every_hook_has_an_expected_contribution():
    assert sorted(CONTRIBUTES) == HOOKS


@pytest.mark.parametrize("hook", HOOKS)
def test_the_docstring_example_registers_and_contributes_what_it_says(hook, tmp_path):
    module = load_example(hook, tmp_path)
    registry = make_registry(module, strict=True)
    kind, names = CONTRIBUTES[hook]
    assert registry.names(kind) == names
    assert registry.plugin(module.__name__).contributes == {kind: names}


ROUTINE = """
[routine]
title = "Examples"

[[steps]]
exercise = "cat-cow"
reps = 6
hold = 0
load_kg = 2
"""


def test_the_timing_example_lays_a_session_out(tmp_path):
    registry = make_registry(load_example("supple_timing_strategies", tmp_path), builtins=True)
    plan = plan_routine(ROUTINE + '\n[timing]\nstrategy = "brisk"\nseconds_per_rep = 3.0\n', registry)
    assert plan.timing == "brisk"
    assert plan.sessions[0].duration_s == 6 * 3  # six reps of three seconds, no rests


def test_the_progression_example_adds_reps_every_other_week(tmp_path):
    registry = make_registry(load_example("supple_progression_strategies", tmp_path), builtins=True)
    routine = ROUTINE + """
[progression]
strategy = "every-other-week"
reps = 2

[schedule]
start = 2026-12-07
weeks = 4
days = ["mon"]
times = ["08:00"]
timezone = "UTC"
"""
    plan = plan_routine(routine, registry)
    assert [s.steps[0].dose.reps for s in plan.sessions] == [6, 6, 8, 8]


def test_the_progression_example_reads_the_history_and_explains_the_hold(tmp_path):
    import datetime as dt

    import supple

    registry = make_registry(load_example("supple_progression_strategies", tmp_path), builtins=True)
    routine = ROUTINE.replace('title = "Examples"', 'title = "Examples"\nid = "examples"') + """
[progression]
strategy = "every-other-week"
reps = 2

[schedule]
start = 2026-12-07
weeks = 4
days = ["mon"]
times = ["08:00"]
timezone = "UTC"
"""
    day = dt.date(2026, 12, 14)
    step = supple.StepHistory(
        date=day, routine_id="examples", step=1, exercise="backcare/cat-cow", planned=supple.Dose(reps=6),
        done=supple.Dose(reps=6), status="done", pain_before=2, pain_after=5, next_day_pain=None,
        effort="ok", session_outcome="done", session_id=1)
    record = supple.SessionRecord(
        id=1, date=day, started="2026-12-14T08:00:00+00:00", routine_id="examples", routine_title="Examples",
        routine_path="", week=2, outcome="done", source="manual", pain_before=2, pain_after=5,
        next_day_pain=None, effort="ok", note="", steps=(step,))
    plan = plan_routine(routine, registry, history=[record])
    assert [s.steps[0].dose.reps for s in plan.sessions] == [6, 6, 6, 6]  # week 3 held, not 8
    assert "held at 6 reps: pain 5 on 2026-12-14" in plan.sessions[2].timeline.notes
    assert plan.status == {0: "missed", 1: "done"}


def test_the_safety_example_drops_the_weight_on_a_painful_day_and_honours_a_waiver(tmp_path):
    import supple_backcare
    import supple_progression
    import supple_timing

    # without the built-in safety filters, whose pain gate would drop the weight first
    registry = make_registry(load_example("supple_safety_filters", tmp_path), supple_backcare,
                             supple_timing, supple_progression, strict=True)
    sore = "[profile]\npain = 4\n"
    plan = plan_routine(ROUTINE, registry, sore)
    assert plan.sessions[0].steps[0].dose.load_kg == 0
    assert any(f.rule == "no-weights-when-sore" and f.action == "capped" for f in plan.safety)
    waived = plan_routine(ROUTINE, registry, sore, waive=["no-weights-when-sore"])
    assert waived.sessions[0].steps[0].dose.load_kg == 2
    assert plan_routine(ROUTINE, registry, "[profile]\npain = 2\n").sessions[0].steps[0].dose.load_kg == 2


def test_the_exporter_example_writes_one_line_per_session_and_the_disclaimer(tmp_path):
    from supple import DISCLAIMER
    from supple.testing import export_routine

    registry = make_registry(load_example("supple_exporters", tmp_path), builtins=True)
    text = export_routine(ROUTINE, registry, "text").decode()
    assert text.splitlines()[0] == "Examples"
    assert text.splitlines()[1].startswith("any time: ")
    assert DISCLAIMER in text


def test_the_routines_example_points_next_to_its_module(tmp_path):
    registry = make_registry(load_example("supple_routines", tmp_path))
    assert registry.routines["desk-breaks"].path == str(tmp_path / "desk-breaks.toml")


def test_the_settings_example_is_checked_against_a_routine(tmp_path):
    from supple.testing import check_routine

    module = load_example("supple_settings", tmp_path)
    registry = make_registry(module, builtins=True)
    assert check_routine(ROUTINE + "\n[plugins.desk]\nchair_height_cm = 50\n", registry) == []
    (problem,) = check_routine(ROUTINE + "\n[plugins.desk]\nreminder = 1\n", registry)
    assert problem.key == "plugins.desk.reminder"
