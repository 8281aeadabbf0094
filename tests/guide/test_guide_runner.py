"""The session runner, driven by a fake clock and scripted key presses."""

from __future__ import annotations

import random

import pytest

import supple
from supple.guide.clock import FakeClock
from supple.guide.keys import NoKeys, ScriptedKeys
from supple.guide.pacing import beats
from supple.guide.runner import FINISHED, STOPPED, Runner, planned_ends
from supple.testing import make_registry


def _exercise(ident: str, name: str) -> supple.Exercise:
    return supple.Exercise(
        id=ident, name=name, summary="A test exercise.", kind="mobility", position="supine",
        dose=supple.Dose(reps=5), sources=(supple.Source("test"),),
    )


def _step(number: int, dose: supple.Dose, ident: str = "") -> supple.PlannedStep:
    ident = ident or f"ex-{number}"
    return supple.PlannedStep(number=number, exercise=_exercise(ident, ident.title()), set_name="t", dose=dose)


def _timeline(*specs: tuple[str, float, int], steps: int | None = None) -> supple.Timeline:
    """Segments from ``(kind, seconds, step)``; one step per distinct step position."""
    count = steps if steps is not None else max(s[2] for s in specs) + 1
    return supple.Timeline(
        segments=tuple(supple.Segment(kind, seconds, step, f"{kind} {step}") for kind, seconds, step in specs),
        steps=tuple(_step(n + 1, supple.Dose(hold_s=10)) for n in range(count)),
    )


class Recorder:
    """A screen that records the events it is told about."""

    def __init__(self):
        self.events: list[tuple] = []

    def __getattr__(self, name):
        def record(*args):
            status = args[-1] if name != "resumed" else args[0]
            if name == "end":
                status = args[1]
            self.events.append((name, getattr(status, "index", None), round(getattr(status, "elapsed", 0.0), 6)))
        return record

    def names(self, *kinds: str) -> list[tuple]:
        return [e for e in self.events if e[0] in kinds]


THREE_STEPS = _timeline(
    ("transition", 5, 0), ("hold", 10, 0), ("rest", 5, 0), ("hold", 10, 0),
    ("transition", 5, 1), ("work", 8, 1),
    ("transition", 5, 2), ("hold", 20, 2),
)


def test_an_undisturbed_session_ends_every_segment_exactly_at_its_planned_time():
    clock = FakeClock(start=50.0)
    result = Runner(THREE_STEPS, clock, NoKeys(clock), Recorder()).run()
    assert result.status == FINISHED
    assert result.completed == (0, 1, 2) and result.skipped == ()
    ends = planned_ends(THREE_STEPS)
    assert [b.deadline - 50.0 for b in result.boundaries] == pytest.approx(ends)
    assert all(abs(b.lateness) < 1e-9 for b in result.boundaries)
    assert result.duration_s == pytest.approx(68.0)


def test_the_runner_wakes_about_once_a_second_rather_than_spinning():
    clock = FakeClock()
    Runner(THREE_STEPS, clock, NoKeys(clock), Recorder()).run()
    assert 60 <= clock.sleeps <= 80  # 68 s of countdown shown second by second


def test_pause_stops_the_countdown_and_resume_shifts_every_later_deadline():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(12.0, " "), (42.0, "p")])  # paused 30 s during the first hold
    screen = Recorder()
    result = Runner(THREE_STEPS, clock, keys, screen).run()
    assert result.status == FINISHED
    assert result.paused_s == pytest.approx(30.0)
    assert result.duration_s == pytest.approx(68.0 + 30.0)
    ends = planned_ends(THREE_STEPS)
    assert [b.deadline for b in result.boundaries] == pytest.approx([ends[0]] + [e + 30 for e in ends[1:]])
    assert screen.names("paused") == [("paused", 1, 12.0)]
    assert screen.names("resumed") == [("resumed", 1, 42.0)]


def test_a_paused_session_does_not_move_however_long_the_pause():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(7.0, "p"), (3607.0, "p")])
    screen = Recorder()
    result = Runner(THREE_STEPS, clock, keys, screen).run()
    assert result.paused_s == pytest.approx(3600.0)
    ticks_during_pause = [e for e in screen.events if e[0] == "tick" and 7.0 < e[2] < 3607.0]
    assert ticks_during_pause == []
    assert result.completed == (0, 1, 2)


def test_skip_jumps_to_the_next_exercise_and_its_timing_starts_then():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(3.0, "n")])  # during the first step's transition
    screen = Recorder()
    result = Runner(THREE_STEPS, clock, keys, screen).run()
    assert result.status == FINISHED
    assert result.skipped == (0,) and result.completed == (1, 2)
    # step 2 (index 4) starts at 3 s and its segments keep their planned lengths
    assert [b.index for b in result.boundaries] == [4, 5, 6, 7]
    assert [b.deadline for b in result.boundaries] == pytest.approx([8.0, 16.0, 21.0, 41.0])
    assert ("step_started", 4, 3.0) in screen.events


def test_skip_on_the_last_exercise_ends_the_session():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(50.0, "s")])
    result = Runner(THREE_STEPS, clock, keys, Recorder()).run()
    assert result.status == FINISHED
    assert result.completed == (0, 1) and result.skipped == (2,)
    assert result.ended == pytest.approx(50.0)


def test_skip_while_paused_moves_on_and_stays_paused_until_resumed():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(2.0, "p"), (4.0, "n"), (10.0, "p")])
    screen = Recorder()
    result = Runner(THREE_STEPS, clock, keys, screen).run()
    assert result.skipped == (0,) and result.completed == (1, 2)
    assert result.paused_s == pytest.approx(8.0)
    # the next exercise's first segment is due 5 s after resuming
    assert result.boundaries[0].index == 4 and result.boundaries[0].deadline == pytest.approx(15.0)


def test_quit_stops_at_once_and_says_where():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(33.0, "q")])
    result = Runner(THREE_STEPS, clock, keys, Recorder()).run()
    assert result.status == STOPPED and not result.interrupted
    assert result.completed == (0,) and result.stopped_at == 1
    assert result.ended == pytest.approx(33.0)


def test_quit_while_paused_stops():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(3.0, "p"), (9.0, "q")])
    result = Runner(THREE_STEPS, clock, keys, Recorder()).run()
    assert result.status == STOPPED and result.stopped_at == 0 and result.completed == ()


def test_ctrl_c_stops_the_session_and_reports_it():
    clock = FakeClock(start=0.0)

    class Interrupting(NoKeys):
        def wait(self, timeout):
            if clock.now() >= 20.0:
                raise KeyboardInterrupt
            return super().wait(timeout)

    screen = Recorder()
    result = Runner(THREE_STEPS, clock, Interrupting(clock), screen).run()
    assert result.status == STOPPED and result.interrupted
    assert result.stopped_at == 0
    assert screen.events[-1][0] == "end"


def test_unknown_keys_are_ignored():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(1.0, "x"), (2.0, "\x1b"), (3.0, "[")])
    result = Runner(THREE_STEPS, clock, keys, Recorder()).run()
    assert result.status == FINISHED and result.completed == (0, 1, 2)
    assert all(abs(b.lateness) < 1e-9 for b in result.boundaries)


def test_a_segment_of_repetitions_is_paced_rep_by_rep_at_the_strategy_tempo():
    registry = make_registry(builtins=True)
    step = supple.PlannedStep(
        number=1, exercise=registry.catalogue.get("cat-cow").exercise, set_name="backcare",
        dose=supple.Dose(reps=3, hold_s=2),
    )
    steady = registry.timing_strategies["steady"]
    timeline = steady.build((step,), steady.options(tempo=4, transition=0))
    assert [s.kind for s in timeline.segments] == ["work"]
    assert timeline.segments[0].seconds == pytest.approx(3 * (4 + 2))
    split = beats(timeline, 0)
    assert [(b.rep, b.phase, b.start, b.seconds) for b in split] == [
        (1, "move", 0, 4), (1, "hold", 4, 2), (2, "move", 6, 4), (2, "hold", 10, 2),
        (3, "move", 12, 4), (3, "hold", 16, 2),
    ]
    clock = FakeClock(start=0.0)
    screen = Recorder()
    Runner(timeline, clock, NoKeys(clock), screen).run()
    assert [e[2] for e in screen.names("beat")] == [0, 4, 6, 10, 12, 16]


def _ten_minute_timeline() -> supple.Timeline:
    rng = random.Random(10)
    specs, total, step = [], 0.0, 0
    kinds = ("transition", "work", "hold", "rest", "switch")
    while total < 600:
        seconds = round(rng.uniform(0.5, 20.0), 3)
        specs.append((kinds[len(specs) % len(kinds)], seconds, step))
        total += seconds
        if len(specs) % 5 == 0:
            step += 1
    return _timeline(*specs)


def test_drift_stays_under_50_ms_over_ten_minutes_with_late_wake_ups():
    timeline = _ten_minute_timeline()
    assert sum(s.seconds for s in timeline.segments) >= 600
    rng = random.Random(2026)
    # every wake-up is late by up to 20 ms, as on a loaded machine
    clock = FakeClock(start=0.0, latency=lambda: rng.uniform(0.0, 0.020))
    result = Runner(timeline, clock, NoKeys(clock), Recorder()).run()
    assert len(result.boundaries) == len(timeline.segments)
    ends = planned_ends(timeline)
    for boundary in result.boundaries:
        assert boundary.deadline == pytest.approx(ends[boundary.index])
        assert 0.0 <= boundary.lateness < 0.050
    assert abs(result.ended - ends[-1]) < 0.050


def test_drift_stays_under_50_ms_with_pauses_and_keys_arriving_late():
    timeline = _ten_minute_timeline()
    rng = random.Random(7)
    clock = FakeClock(start=0.0, latency=lambda: rng.uniform(0.0, 0.020))
    keys = ScriptedKeys(clock, [(100.0, "p"), (160.5, "p"), (400.25, "p"), (401.0, "p")])
    result = Runner(timeline, clock, keys, Recorder()).run()
    assert all(0.0 <= b.lateness < 0.050 for b in result.boundaries)
    planned = planned_ends(timeline)[-1]
    assert abs(result.ended - (planned + result.paused_s)) < 0.050


def test_the_drift_measure_would_catch_a_timer_that_adds_up_sleeps():
    """The same latency, applied to a naive timer (sleep each segment's length in turn),
    drifts far beyond 50 ms: the test above can fail."""
    timeline = _ten_minute_timeline()
    rng = random.Random(2026)
    clock = FakeClock(start=0.0, latency=lambda: rng.uniform(0.0, 0.020))
    ends, elapsed = planned_ends(timeline), []
    for segment in timeline.segments:
        for _ in range(int(segment.seconds)):
            clock.sleep(1.0)
        clock.sleep(segment.seconds - int(segment.seconds))
        elapsed.append(clock.now())
    assert max(abs(a - e) for a, e in zip(elapsed, ends)) > 0.050
