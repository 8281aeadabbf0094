"""The benchmarks' synthetic exercise set: twelve exercises, as a content plugin has them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import supple

EXERCISES = [f"bench-move-{n:02d}" for n in range(1, 13)]


def bench_set(
    dose: Callable[[int], supple.Dose], *, cues: Sequence[str], name: str = "Benchmark move {n}"
) -> supple.ExerciseSet:
    """The set ``bench`` with one exercise per id in :data:`EXERCISES`; ``dose(n)`` gives the
    n-th exercise's default dose (n from 1), ``name`` its name pattern."""
    return supple.ExerciseSet(
        name="bench",
        title="Benchmark moves",
        exercises=[
            supple.Exercise(
                id=ident,
                name=name.format(n=n),
                summary="A move for the benchmark.",
                kind="mobility",
                # a third of them lying on the back and every fifth held at the end of its
                # range, so that a profile's rules remove and keep some (bench_plan.py --profile)
                position=("standing", "seated", "supine")[n % 3],
                tags=("end-range-hold",) if n % 5 == 0 else (),
                dose=dose(n),
                cues=tuple(cues),
                sources=[supple.Source("benchmark")],
            )
            for n, ident in enumerate(EXERCISES, start=1)
        ],
    )
