"""supple's public API type-checks for plugin authors: a small third-party plugin written only
against ``from supple import ...`` passes ``mypy --strict`` with the installed supple (its
``py.typed`` marker, the re-exports in ``supple/__init__.py``, the typed registry lookups),
and mistakes in using the API are caught."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# An exercise set, a timing strategy with options and an exporter, as a third-party author
# would write them.
PLUGIN = '''
from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from supple import (
    Dose,
    Exercise,
    ExerciseSet,
    Exporter,
    Plan,
    PlannedStep,
    Registry,
    Segment,
    Source,
    Timeline,
    TimingStrategy,
    evolve,
    hookimpl,
    json_text,
    plan_to_dict,
)

SOURCE = Source(ref="typing-demo", title="A made-up source for a type-checking test")


@attrs.frozen
class BriskOptions:
    tempo: float = 2.0
    rest: int = 5


@hookimpl
def supple_exercise_sets() -> Iterator[ExerciseSet]:
    easy = Dose(sets=2, reps=8, hold_s=2, rest_s=20)
    yield ExerciseSet(
        name="typing-demo",
        title="Typing demo",
        exercises=[
            Exercise(
                id="shoulder-roll",
                name="Shoulder roll",
                summary="Roll the shoulders back slowly.",
                kind="mobility",
                position="seated",
                dose=easy,
                instructions=["Sit tall.", "Roll the shoulders back."],
                tags=["shoulder"],
                sources=[SOURCE],
            ),
            Exercise(
                id="neck-tilt",
                name="Neck tilt",
                summary="Tilt the head to one side.",
                kind="stretch",
                position="seated",
                dose=evolve(easy, reps=0, hold_s=20, per_side=True),
                sources=(SOURCE,),
            ),
        ],
    )


def lay_out(steps: Sequence[PlannedStep], options: BriskOptions) -> Timeline:
    segments: list[Segment] = []
    for position, step in enumerate(steps):
        tempo = step.dose.tempo_s or options.tempo
        for set_number in range(1, step.dose.sets + 1):
            segments.append(Segment("work", tempo * step.dose.reps_per_set, position,
                                    step.exercise.name, set=set_number))
            if set_number < step.dose.sets:
                segments.append(Segment("rest", options.rest, position, "Rest", set=set_number))
    return Timeline(segments=tuple(segments), steps=tuple(steps))


@hookimpl
def supple_timing_strategies() -> Iterator[TimingStrategy]:
    yield TimingStrategy(name="brisk", summary="Quick.", build=lay_out, options=BriskOptions)


def render(plan: Plan, options: None) -> bytes:
    return json_text(plan_to_dict(plan)).encode("utf-8")


@hookimpl
def supple_exporters() -> Iterator[Exporter]:
    yield Exporter(name="demo-json", summary="The plan as JSON.", render=render, suffix=".json")


def suffixes(registry: Registry) -> dict[str, str]:
    """Typed lookups: the registry's mappings hold contribution objects, not Any."""
    out = {name: exporter.suffix for name, exporter in registry.exporters.items()}
    steady: TimingStrategy = registry.get("timing strategy", "steady")
    out["steady"] = steady.name
    return out
'''

# Each line is a mistake mypy must report (the comment names the error code).
MISTAKES = '''
from __future__ import annotations

from supple import Dose, Registry

too_many = Dose(sets="2")  # arg-type
suffix: int = Registry([]).exporters["json"].suffix  # assignment
build = Registry([]).timing_strategies["steady"].no_such_field  # attr-defined
exporter_name: int = Registry([]).get("exporter", "json").name  # assignment
'''


def _mypy(folder: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("MYPYPATH", "MYPY_CACHE_DIR")}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.11",
         "--no-error-summary", "--show-error-codes", *files],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the plugin package and the mistakes module (and no mypy config, so
    only the command line's ``--strict`` applies)."""
    folder = tmp_path_factory.mktemp("typed-plugin")
    package = folder / "supple_typingdemo"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    (folder / "mistakes.py").write_text(textwrap.dedent(MISTAKES), encoding="utf-8")
    return folder


def test_a_third_party_plugin_passes_mypy_strict(project: Path) -> None:
    result = _mypy(project, "supple_typingdemo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout


def test_mypy_catches_mistakes_in_using_the_api(project: Path) -> None:
    result = _mypy(project, "mistakes.py")
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    lines = textwrap.dedent(MISTAKES).splitlines()
    expected = {
        number: line.rpartition("# ")[2]
        for number, line in enumerate(lines, start=1)
        if "  # " in line
    }
    found = {int(line.split(":")[1]): line.rpartition("[")[2].rstrip("]") for line in errors}
    assert found == expected, result.stdout
    assert 'incompatible type "str"; expected "int"' in result.stdout
