"""Line illustrations of every built-in exercise: start and end positions, props and arrows.

Pose data for :mod:`supple.figure` (segment directions in degrees: 0 right, 90 up, 180 left,
-90 down; the hip is the root). Side views face right, with the head to the left when lying;
twists are seen from the ceiling (``view="above"``), where a side view would hide the
movement. Every drawing was judged by eye at handout size (docs/handout.md).
"""

from __future__ import annotations

from supple import Arrow, Illustration, Pose, Prop

# --- base positions ---------------------------------------------------------------------------

LYING_Y = 5.5  # hip height of a figure lying on the mat
SEAT_Y = 25.5  # hip height of a figure sitting on the chair
MAT = Prop("mat", x=-50)
MAT_SHORT = Prop("mat", x=-45, size=95)

STANDING = Pose(y=46.0, arm=(-92, -88))
SUPINE = Pose(y=LYING_Y, torso=180, head=180, arm=(0, 0), leg=(0, 0, 90))
HOOK = Pose(y=LYING_Y, torso=180, head=180, arm=(0, 0), leg=(50, -60, 0))
QUADRUPED = Pose(x=0, y=27, torso=178, head=185, arm=(-92, -90), leg=(-90, 0, 0))
SEATED = Pose(x=-6, y=SEAT_Y, arm=(-70, -10), leg=(0, -90, 0))
CHAIR = Prop("chair", x=8)
#: from the ceiling: lying on the back, head to the left, arms out to the sides
ABOVE = Pose(y=30, torso=180, head=180, arm=(90, 90), far_arm=(-90, -90),
             leg=(3, 0, 0), far_leg=(-3, 0, 0))
RUG = Prop("rug", x=-50, y=5, size=110)


def _lying(start: Pose, end: Pose, *arrows: Arrow, props: tuple[Prop, ...] = (MAT,)) -> Illustration:
    return Illustration(start=start, end=end, props=props, arrows=arrows)


def _pose(base: Pose, **changes: object) -> Pose:
    import attrs

    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


# --- one illustration per exercise id ---------------------------------------------------------

_SIDE_START = Pose(y=30, torso=180, head=180, arm=(90, 90), far_arm=(45, 40),
                   leg=(90, 0, 0), far_leg=(0, 0, 0))
_SIDE_END = _pose(_SIDE_START, arm=(-95, -95))
_SIDE_ROTATION = Illustration(
    start=_SIDE_START, end=_SIDE_END, props=(RUG, Prop("pillow", x=-45, y=30)), view="above",
    arrows=(Arrow((-38, 58), (-38, 2), bend=-70),),
)

POSES: dict[str, Illustration] = {
    "side-lying-thoracic-rotation": _SIDE_ROTATION,
    "side-lying-thoracic-rotation-weighted": Illustration(
        start=_SIDE_START, end=_SIDE_END, view="above",
        props=(RUG, Prop("pillow", x=-45, y=30), Prop("weight")),
        arrows=(Arrow((-38, 58), (-38, 2), bend=-70),),
    ),
    "supine-full-body-stretch": _lying(
        SUPINE, _pose(SUPINE, arm=(180, 180), leg=(0, 0, 0)),
        Arrow((-58, 14), (-70, 14)), Arrow((50, 14), (62, 14)),
    ),
    "double-knee-to-chest": _lying(
        HOOK, _pose(HOOK, leg=(118, -5, 0), arm=(58, 35)),
        Arrow((18, 30), (-2, 36), bend=35),
    ),
    "cat-cow": _lying(
        _pose(QUADRUPED, bend=-40, head=235),
        _pose(QUADRUPED, bend=28, head=160),
        Arrow((-14, 44), (-14, 28), kind="both"),
        props=(MAT_SHORT,),
    ),
    "bed-edge-back-extension": Illustration(
        start=Pose(x=28, y=29.5, torso=180, head=180, arm=(0, 0), leg=(0, 0, 90)),
        end=Pose(x=28, y=29.5, torso=180, head=235, arm=(215, 235), leg=(0, 0, 90)),
        props=(Prop("bed", x=5, flip=True),),
        arrows=(Arrow((-14, 36), (-14, 14), bend=45),),
    ),
    "standing-back-extension": Illustration(
        start=STANDING,
        end=_pose(STANDING, torso=100, bend=-14, head=104, arm=(-108, -102)),
        arrows=(Arrow((10, 80), (6, 90), bend=40),),
    ),
    "standing-rotation-release": Illustration(
        start=_pose(STANDING, arm=(-60, 80)),
        end=_pose(STANDING, arm=(0, 0), far_arm=(175, 175)),
        arrows=(Arrow((0, 66), (13, 4), kind="turn"),),
    ),
    "supine-crossover-twist": Illustration(
        start=ABOVE, end=_pose(ABOVE, leg=(-45, -45, -45)), props=(RUG,), view="above",
        arrows=(Arrow((58, 26), (36, -8), bend=-35),), ),
    "standing-overhead-arch-release": Illustration(
        start=_pose(STANDING, arm=(55, 165)),
        end=_pose(STANDING, torso=104, bend=-22, head=140, arm=(75, 190)),
        arrows=(Arrow((8, 96), (-14, 100), bend=40),),
    ),
    "chair-backrest-extension-release": Illustration(
        start=_pose(SEATED, torso=100, bend=18, head=60),
        end=_pose(SEATED, torso=112, bend=-25, head=165, arm=(-120, -100)),
        props=(CHAIR,),
        arrows=(Arrow((-4, 70), (-24, 66), bend=40),),
    ),
    "childs-pose": _lying(
        _pose(QUADRUPED, x=0, y=26.5, torso=178),
        Pose(x=19.9, y=13.8, torso=190, bend=-14, head=205, arm=(183, 180), leg=(205, 0, 0)),
        Arrow((2, 32), (18, 22), bend=-35),
        props=(MAT_SHORT,),
    ),
    "thoracic-foam-roll": _lying(
        Pose(y=LYING_Y, torso=160, head=170, arm=(115, 215), leg=(50, -60, 0)),
        Pose(x=-7, y=9, torso=167, head=172, arm=(115, 215), leg=(42, -62, 0)),
        Arrow((-34, 34), (-12, 34), kind="both"),
        props=(MAT, Prop("roller", x=-21, y=6.5, size=4.5)),
    ),
    "lying-knee-across-twist": Illustration(
        start=ABOVE, end=_pose(ABOVE, leg=(-75, -10, -10)), props=(RUG,), view="above",
        arrows=(Arrow((50, 26), (14, -2), bend=-40),),
    ),
    "pelvic-tilt": _lying(
        _pose(HOOK, bend=-18), _pose(HOOK, bend=6),
        Arrow((6, 17), (-8, 17), bend=50, kind="both"),
    ),
    "lying-spinal-twist": Illustration(
        start=_pose(ABOVE, leg=(20, -20, 0), far_leg=(20, -20, 0)),
        end=_pose(ABOVE, leg=(-60, 0, 0), far_leg=(-50, 5, 0)),
        props=(RUG,), view="above",
        arrows=(Arrow((28, 22), (10, -6), bend=-40),),
    ),
    "single-knee-to-chest": _lying(
        HOOK, _pose(HOOK, leg=(118, -5, 0), far_leg=(50, -60, 0), arm=(58, 35)),
        Arrow((18, 30), (-2, 36), bend=35),
    ),
    "glute-bridge": _lying(
        HOOK, Pose(x=2, y=18, torso=202.5, head=190, arm=(-2, 0), leg=(25, -80, 0)),
        Arrow((2, 10), (2, 27)),
    ),
    "pelvic-lift": _lying(
        HOOK, Pose(x=1, y=10, torso=191, head=183, arm=(-2, 0), leg=(38, -68, 0)),
        Arrow((1, 3), (1, 20)),
    ),
    "piriformis-stretch": _lying(
        Pose(y=LYING_Y, torso=180, head=180, arm=(0, 0), leg=(20, 140, 0), far_leg=(50, -60, 0)),
        Pose(y=LYING_Y, torso=180, head=180, arm=(55, 50), leg=(55, 170, 0), far_leg=(95, 5, 90)),
        Arrow((24, 24), (12, 36), bend=30),
    ),
    "supine-hamstring-stretch": _lying(
        _pose(HOOK, leg=(0, 0, 90), far_leg=(50, -60, 0)),
        _pose(HOOK, leg=(80, 80, 170), far_leg=(50, -60, 0), arm=(30, 18)),
        Arrow((48, 12), (18, 46), bend=35),
    ),
    "seated-hamstring-stretch": _lying(
        Pose(x=-20, y=5, torso=95, head=92, arm=(-10, -5), leg=(0, 0, 90)),
        Pose(x=-20, y=5, torso=35, bend=18, head=25, arm=(-5, -5), leg=(0, 0, 90)),
        Arrow((-6, 42), (14, 30), bend=-30),
    ),
    "hip-flexion-lunge": Illustration(
        start=Pose(y=30, arm=(-90, -85), leg=(-20, -100, 0), far_leg=(-140, -150, -160)),
        end=Pose(y=30, torso=25, bend=12, head=15, arm=(-70, -80), leg=(-20, -100, 0),
                 far_leg=(-140, -150, -160)),
        arrows=(Arrow((8, 68), (30, 44), bend=-30),),
    ),
    "deep-squat": Illustration(
        start=STANDING,
        end=Pose(x=-8, y=14, torso=70, bend=6, head=75, arm=(5, 5), leg=(22, -100, 0)),
        arrows=(Arrow((-16, 44), (-16, 18)),),
    ),
    "standing-gentle-rotation": Illustration(
        start=_pose(STANDING, arm=(-60, 80)),
        end=_pose(STANDING, arm=(-30, 140), far_arm=(-150, 40)),
        arrows=(Arrow((0, 66), (12, 4), kind="turn"),),
    ),
    "seated-gentle-rotation": Illustration(
        start=_pose(SEATED, arm=(-60, 80)),
        end=_pose(SEATED, arm=(-30, 140), far_arm=(-150, 40)),
        props=(CHAIR,),
        arrows=(Arrow((-6, 45), (12, 4), kind="turn"),),
    ),
    "standing-gentle-back-extension": Illustration(
        start=_pose(STANDING, arm=(-135, -15)),
        end=_pose(STANDING, torso=100, bend=-10, head=97, arm=(-140, -15)),
        arrows=(Arrow((8, 82), (2, 90), bend=40),),
    ),
    "seated-gentle-back-extension": Illustration(
        start=_pose(SEATED, torso=88, head=88),
        end=_pose(SEATED, torso=96, bend=-12, head=95),
        props=(CHAIR,),
        arrows=(Arrow((6, 60), (2, 68), bend=40),),
    ),
    "seated-pelvic-tilt": Illustration(
        start=_pose(SEATED, torso=94, bend=-12, head=90),
        end=_pose(SEATED, torso=84, bend=14, head=85),
        props=(CHAIR,),
        arrows=(Arrow((2, 34), (-14, 34), bend=50, kind="both"),),
    ),
    "seated-figure-4-stretch": Illustration(
        start=_pose(SEATED, arm=(-40, 0), leg=(15, 190, 0), far_leg=(0, -90, 0)),
        end=_pose(SEATED, torso=62, head=55, arm=(-50, -10), leg=(15, 190, 0), far_leg=(0, -90, 0)),
        props=(CHAIR,),
        arrows=(Arrow((-4, 62), (14, 52), bend=-30),),
    ),
    "standing-hip-flexor-stretch": Illustration(
        start=Pose(y=43, arm=(-40, -30), leg=(-70, -95, 0), far_leg=(-115, -105, -20)),
        end=Pose(y=41, arm=(-40, -25), leg=(-70, -100, 0), far_leg=(-110, -115, -20), bend=-4),
        props=(Prop("chair", x=52),),
        arrows=(Arrow((-10, 36), (-8, 50), bend=-50),),
    ),
    "sit-to-stand": Illustration(
        start=_pose(SEATED, torso=80, arm=(-20, 0)),
        end=Pose(x=6, y=46, arm=(-80, -70), leg=(-88, -92, 0)),
        props=(CHAIR,),
        arrows=(Arrow((16, 64), (22, 86), bend=-30),),
    ),
}
