"""The ``deskbreak`` exercise set.

The movements come from free-exercise-db, an open exercise dataset released into the public
domain; the text is our own. Where the dataset gives no dose, the dose below is this example's
own conservative default, and says so.
"""

from __future__ import annotations

import supple


def _source(entry: str, title: str) -> supple.Source:
    return supple.Source(
        ref=f"free-exercise-db/{entry}",
        title=f"{title} (free-exercise-db, public domain)",
        url="https://github.com/yuhonas/free-exercise-db",
    )


SEATED_SIDE_BEND = supple.Exercise(
    id="seated-side-bend",
    name="Seated side bend",
    summary="Sit tall and lean to one side with one arm reaching overhead.",
    kind="stretch",
    position="seated",
    dose=supple.Dose(hold_s=10, per_side=True),  # the dataset's 10-second hold, each side
    instructions=[
        "Sit upright near the front of a steady chair with your feet flat on the floor.",
        "Raise one arm overhead and hold the chair seat with the other hand.",
        "Lean slowly towards the lowered hand until you feel a mild stretch along your side.",
        "Hold, come back to upright, and change sides.",
    ],
    cues=["Keep both sitting bones on the chair.", "Lean sideways, not forwards."],
    breathing="Breathe slowly; do not hold your breath.",
    cautions=["Stop if the stretch turns into pain, or if you feel tingling or numbness."],
    regions=["thoracic", "lumbar"],
    tags=["side-bending"],
    equipment=["chair"],
    sources=[_source("Chair_Lower_Back_Stretch", "Chair Lower Back Stretch")],
)

SEATED_NECK_SIDE_TILT = supple.Exercise(
    id="seated-neck-side-tilt",
    name="Seated neck side tilt",
    summary="Let one ear drop gently towards the shoulder, then change sides.",
    kind="stretch",
    position="seated",
    dose=supple.Dose(hold_s=15, per_side=True),  # this example's default: the dataset gives none
    instructions=[
        "Sit tall with your shoulders relaxed and low.",
        "Tilt your head slowly to bring one ear towards the shoulder on that side.",
        "Stop where you feel a mild stretch on the other side of your neck, and hold.",
        "Bring your head back to the middle and change sides.",
    ],
    cautions=[
        "Do not pull your head with your hand: the dataset suggests a gentle pull, this version "
        "leaves it out.",
        "Stop if you feel dizzy, or if pain or tingling spreads into an arm.",
    ],
    regions=["neck"],
    equipment=["chair"],
    sources=[_source("Side_Neck_Stretch", "Side Neck Stretch")],
)

STANDING_PELVIC_ROCK = supple.Exercise(
    id="standing-pelvic-rock",
    name="Standing pelvic rock",
    summary="Stand beside the desk and rock the pelvis slowly forwards and back.",
    kind="mobility",
    position="standing",
    dose=supple.Dose(reps=5),  # "a few times" in the dataset; five is this example's default
    instructions=[
        "Stand with your feet hip-width apart and your knees slightly soft.",
        "Tip the top of your pelvis slowly forwards, then back, keeping the movement small.",
        "Finish with the tailbone gently tucked under for a moment, then relax.",
    ],
    cues=["Rest a hand on the desk if you want support."],
    regions=["pelvis", "lumbar"],
    tags=["spinal-flexion", "spinal-extension"],
    sources=[_source("Standing_Pelvic_Tilt", "Standing Pelvic Tilt")],
)

DESKBREAK = supple.ExerciseSet(
    name="deskbreak",
    title="Desk breaks",
    description="Gentle moves for a short break from the screen, sitting or beside the desk.",
    exercises=[SEATED_NECK_SIDE_TILT, SEATED_SIDE_BEND, STANDING_PELVIC_ROCK],
)
