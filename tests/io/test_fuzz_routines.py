"""Property-based tests: whatever a routine document holds, loading it and running it through
the whole pipeline to every exporter either succeeds or raises supple's own error with a
located message. Never another exception, never a hang.

The number of examples is set by the hypothesis profile: ``ci`` (the default here) runs
several thousand documents in total; ``HYPOTHESIS_PROFILE=dev`` runs fewer.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.errors import InputError, SafetyRefusal
from supple.io.profile_file import profile_from_dict
from supple.io.routine_file import routine_from_dict
from supple.pipeline.orchestrator import build_plan
from supple.testing import make_registry

settings.register_profile(
    "ci", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=150, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REGISTRY = make_registry(builtins=True)
EXERCISES = sorted({e.exercise.id for e in REGISTRY.catalogue})
ZONES = ["Europe/Madrid", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Madird", "", "../etc/passwd"]

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
)
weird_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True), text,
    st.dates(min_value=dt.date(1, 1, 1)), st.times(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)), st.lists(st.integers(), max_size=3),
)
anything = st.recursive(weird_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)), max_leaves=12)


duration = st.one_of(st.integers(0, 600), st.sampled_from(["30s", "2m", "1m30s", "0s", "10m"]))
good_step = st.fixed_dictionaries(
    {"exercise": st.sampled_from(EXERCISES + ["backcare/cat-cow"])},
    optional={
        "sets": st.integers(1, 20),
        "reps": st.integers(0, 500),
        "hold": duration,
        "rest": duration,
        "per_side": st.booleans(),
        "tempo": st.floats(0.5, 60),
        "load_kg": st.floats(0, 50),
        "note": text,
        "timing": st.fixed_dictionaries({}, optional={"tempo": st.floats(0.5, 60), "rest": st.integers(0, 900)}),
        "progression": st.just({"strategy": "none"}),
    },
)
good_schedule = st.fixed_dictionaries(
    {
        "start": st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
        "weeks": st.integers(1, 156),
        "timezone": st.sampled_from(ZONES[:5]),
    },
    optional={
        "days": st.one_of(st.sampled_from(["daily", "weekdays", "weekends"]),
                          st.lists(st.sampled_from(["mon", "tue", "wed", "thursday", "sun"]), min_size=1, max_size=4)),
        "times": st.lists(st.sampled_from(["07:30", "00:00", "23:59", "02:30", "12:00", "19:00"]), min_size=1, max_size=6),
    },
)
good_routine = st.fixed_dictionaries(
    {
        "routine": st.fixed_dictionaries({"title": text.filter(str.strip)}, optional={"summary": text}),
        "steps": st.lists(good_step, min_size=1, max_size=12),
    },
    optional={
        "schedule": good_schedule,
        "timing": st.fixed_dictionaries({"strategy": st.just("steady")}, optional={"tempo": st.floats(0.5, 60)}),
        "safety": st.fixed_dictionaries({"allow": st.lists(text, max_size=3)}),
    },
)


def _paths(doc, prefix=()):
    """Every (path, value) inside a document."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield (*prefix, key), value
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield (*prefix, index), value
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated(draw, base):
    """A valid document with one subtle fault: a value replaced, a key removed, or one added."""
    import copy

    doc = copy.deepcopy(draw(base))
    paths = [path for path, _ in _paths(doc)]
    path = draw(st.sampled_from(paths))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = draw(anything)
    elif action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(text)] = draw(anything)
    return doc


routine_doc = st.one_of(good_routine, mutated(good_routine))
good_profile = st.fixed_dictionaries({"profile": st.fixed_dictionaries({}, optional={
    "conditions": st.lists(st.sampled_from(["osteoporosis", "pregnancy", "hypermobility", "disc-herniation",
                                            "acute-inflammation", "spinal-hardware"]), max_size=3, unique=True),
    "red_flags": st.lists(st.sampled_from(["fever", "night-pain", "saddle-numbness"]), max_size=1),
    "pain": st.integers(0, 10),
    "pregnancy_week": st.integers(0, 42),
    "age": st.integers(16, 100),
})})
profile_doc = st.one_of(good_profile, mutated(good_profile))


def assert_located(error: InputError) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.message and "Traceback" not in problem.message
        assert problem.file is not None or problem.key is not None


@given(doc=routine_doc)
def test_loading_any_routine_document_succeeds_or_gives_located_errors(doc):
    try:
        routine_from_dict(doc, "fuzz.toml")
    except InputError as error:
        assert_located(error)


@settings(max_examples=int(os.environ.get("SUPPLE_FUZZ_PIPELINE", "600")))
@given(doc=routine_doc, person=st.one_of(st.none(), profile_doc))
def test_whole_pipeline_to_every_exporter_succeeds_or_gives_supple_errors(doc, person):
    try:
        routine = routine_from_dict(doc, "fuzz.toml")
        profile = profile_from_dict(person, "me.toml") if person is not None else None
        plan = build_plan(routine, REGISTRY, profile)
    except SafetyRefusal as refusal:
        assert refusal.advice
        return
    except InputError as error:
        assert_located(error)
        return
    for name, exporter in REGISTRY.exporters.items():
        if exporter.needs_schedule and routine.schedule is None:
            continue
        options = None
        if exporter.options is not None:
            from supple.pipeline.resolve import options_for

            options = options_for(name, exporter.options, {}, file="fuzz.toml", key=f"export.{name}")
        data = exporter.render(plan, options)
        assert isinstance(data, bytes) and data
