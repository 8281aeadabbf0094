"""A generated stand-in for the free-exercise-db data set (873 exercises, no movement tags),
written against the public API as a third-party plugin would map it: every position
``unknown``, no tags, a kind from the data set's category, and ids that include the built-in
``childs-pose`` (the real data set has a "Child's Pose" too). Used by the tests of the content
contract and by the catalogue benchmarks. Nothing here reads the real data set."""

from __future__ import annotations

from collections.abc import Iterator

import supple

SIZE = 873

#: (kind, share of the data set): free-exercise-db's categories mapped onto supple's kinds
_KINDS = [("strength", 581 + 61 + 38 + 35 + 21), ("stretch", 123), ("mobility", 14)]
_WORDS = ["barbell", "cable", "dumbbell", "incline", "decline", "seated", "standing", "lying",
          "reverse", "alternating", "single-arm", "wide-grip", "close-grip", "kettlebell"]
_MOVES = ["curl", "press", "row", "raise", "extension", "fly", "crunch", "squat", "lunge",
          "deadlift", "twist", "pulldown", "shrug", "sit-up", "stretch", "bridge", "roll"]
#: ids the real data set shares in spirit with supple's own set, and some it warns about
SPECIAL = ["childs-pose", "sit-up", "weighted-crunch", "russian-twist", "lumbar-foam-roll"]


def ids(size: int = SIZE) -> list[str]:
    """``size`` distinct, stable exercise ids, the special ones first."""
    out = list(SPECIAL)
    n = 0
    while len(out) < size:
        word, move = _WORDS[n % len(_WORDS)], _MOVES[(n // len(_WORDS)) % len(_MOVES)]
        out.append(f"{word}-{move}-{n // (len(_WORDS) * len(_MOVES)) + 1}")
        n += 1
    return out[:size]


def kinds(size: int = SIZE) -> list[str]:
    """The kind of each exercise, in the data set's proportions."""
    out = [kind for kind, count in _KINDS for _ in range(count)]
    return (out * (size // len(out) + 1))[:size]


def exercise_set(name: str = "freedb", size: int = SIZE) -> supple.ExerciseSet:
    """The generated set: untagged, positions unknown, tags not reviewed."""
    source = supple.Source("free-exercise-db", "Free Exercise DB (public domain)")
    return supple.ExerciseSet(
        name=name,
        title="Free exercise DB (generated stand-in)",
        exercises=[
            supple.Exercise(
                id=ident,
                name=ident.replace("-", " ").capitalize(),
                summary="An exercise mapped from a public data set.",
                kind=kind,
                position="unknown",
                dose=supple.Dose(sets=3, reps=10) if kind == "strength" else supple.Dose(hold_s=30),
                instructions=["Set up as the data set describes.", "Move slowly and with control."],
                sources=[source],
            )
            for ident, kind in zip(ids(size), kinds(size), strict=True)
        ],
    )


@supple.hookimpl
def supple_exercise_sets() -> Iterator[supple.ExerciseSet]:
    """The hook, as the plugin module implements it."""
    yield exercise_set()
