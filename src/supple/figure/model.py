"""The pose model: a stick figure's segment directions, the props around it and a movement arrow.

Coordinates are figure units in a side view: ``x`` grows to the right, ``y`` upwards, the floor
is ``y = 0``; a standing adult is about 92 units tall (segment lengths in :data:`LENGTHS`).
Each body segment is given by its direction in degrees, measured as on a clock face turned to
mathematics: ``0`` points right, ``90`` up, ``180`` left, ``-90`` (or ``270``) down. The hip is
the root: ``Pose.x``/``Pose.y`` place it, and every other joint follows from the directions.
"Near" limbs are the ones on the viewer's side (drawn dark); "far" limbs are drawn lighter
behind the body and default to the near ones (hidden behind them).

>>> standing = Pose()
>>> standing.torso, standing.leg
(90.0, (-90.0, -90.0, 0.0))
"""

from __future__ import annotations

import math
from typing import Any

import attrs

#: Segment lengths in figure units.
LENGTHS: dict[str, float] = {
    "torso": 30.0,   # hip to the base of the neck
    "neck": 4.0,
    "head": 6.0,     # radius of the head
    "upper_arm": 14.0,
    "forearm": 14.0,
    "thigh": 22.0,
    "shin": 22.0,
    "foot": 7.0,
}

#: Prop kinds and what they are.
PROPS: dict[str, str] = {
    "mat": "an exercise mat on the floor (x: its left end; size: its length)",
    "chair": "a chair (x: the front edge of the seat; flip: backrest on the right)",
    "bed": "a bed or firm sofa (x: its edge; flip: the bed extends to the right)",
    "wall": "a wall (x: where it stands)",
    "roller": "a foam roller lying across the mat (x, y: its centre)",
    "pillow": "a small pillow or cushion (x, y: its centre)",
    "weight": "a light hand weight or bottle, held in the near hand (x, y unused)",
    "strap": "a strap or towel from the near hand to the near foot (x, y unused)",
    "rug": "an exercise mat seen from above, for a view from the ceiling (x, y: its lower "
    "left corner; size: its length)",
}

#: Arrow kinds: ``move`` a curved arrow from ``start`` to ``end``; ``turn`` an elliptical arrow
#: around the vertical axis through ``start`` (a rotation of the trunk); ``both`` a curved
#: arrow with a head at each end (a movement back and forth).
ARROWS = ("move", "turn", "both")


def _finite(instance: Any, attribute: Any, value: Any) -> None:
    values = value if isinstance(value, tuple) else (value,)
    for item in values:
        if item is None:
            continue
        if isinstance(item, bool) or not isinstance(item, (int, float)) or not math.isfinite(item):
            raise ValueError(f"{attribute.name} must be a finite number, got {item!r}")


def _floats(value: Any) -> tuple[float, ...]:
    return tuple(float(v) for v in value)


def _optional_floats(value: Any) -> tuple[float, ...] | None:
    return None if value is None else _floats(value)


def _length(n: int) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and len(value) != n:
            raise ValueError(f"{attribute.name} must hold {n} numbers, got {value!r}")

    return check


def _float(value: float) -> float:
    # a function, not ``float`` itself: attrs inspects a built-in's signature (start-up time)
    return float(value)


@attrs.frozen
class Pose:
    """One key position of the figure (side view), as segment directions in degrees.

    ``x``, ``y``: the hip. ``torso``: hip to neck; ``bend``: how much the back curves
    (degrees; positive bulges to the left of the hip-to-neck direction, which is the back of a
    figure facing right); ``head``: neck to the crown. ``arm``/``far_arm``: (upper arm,
    forearm); ``leg``/``far_leg``: (thigh, shin, foot). A ``far_`` limb left as ``None``
    copies the near one.
    """

    x: float = attrs.field(default=0.0, converter=_float, validator=_finite)
    y: float = attrs.field(default=46.0, converter=_float, validator=_finite)
    torso: float = attrs.field(default=90.0, converter=_float, validator=_finite)
    bend: float = attrs.field(default=0.0, converter=_float, validator=_finite)
    head: float = attrs.field(default=90.0, converter=_float, validator=_finite)
    arm: tuple[float, ...] = attrs.field(default=(-90.0, -90.0), converter=_floats,
                                         validator=[_length(2), _finite])
    far_arm: tuple[float, ...] | None = attrs.field(default=None, converter=_optional_floats,
                                                    validator=[_length(2), _finite])
    leg: tuple[float, ...] = attrs.field(default=(-90.0, -90.0, 0.0), converter=_floats,
                                         validator=[_length(3), _finite])
    far_leg: tuple[float, ...] | None = attrs.field(default=None, converter=_optional_floats,
                                                    validator=[_length(3), _finite])


def _one_of(choices: Any) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value not in choices:
            raise ValueError(f"{attribute.name} must be one of {', '.join(sorted(choices))}; got {value!r}")

    return check


@attrs.frozen
class Prop:
    """Something the figure uses: one of :data:`PROPS`, placed at ``x``, ``y`` (figure units);
    ``size`` scales it (a mat's length, a roller's radius: 0 means the default); ``flip``
    mirrors it."""

    kind: str = attrs.field(validator=_one_of(PROPS))
    x: float = attrs.field(default=0.0, converter=_float, validator=_finite)
    y: float = attrs.field(default=0.0, converter=_float, validator=_finite)
    size: float = attrs.field(default=0.0, converter=_float, validator=_finite)
    flip: bool = False


@attrs.frozen
class Arrow:
    """The direction of movement, drawn on the end position: see :data:`ARROWS`. ``start`` and
    ``end`` are points (figure units); ``bend`` curves the arrow (degrees, positive to the left
    of its direction)."""

    start: tuple[float, ...] = attrs.field(converter=_floats, validator=[_length(2), _finite])
    end: tuple[float, ...] = attrs.field(converter=_floats, validator=[_length(2), _finite])
    bend: float = attrs.field(default=0.0, converter=_float, validator=_finite)
    kind: str = attrs.field(default="move", validator=_one_of(ARROWS))


def _props(value: Any) -> tuple[Prop, ...]:
    return (value,) if isinstance(value, Prop) else tuple(value)


def _arrows(value: Any) -> tuple[Arrow, ...]:
    return (value,) if isinstance(value, Arrow) else tuple(value)


@attrs.frozen
class Illustration:
    """How an exercise looks: its ``start`` and ``end`` positions, the ``props`` it needs and
    the ``arrows`` showing the movement (drawn on the end position). ``end`` may be ``None``
    for a pure hold. Props are drawn behind the figure, except a ``weight`` or ``strap`` held
    in the near hand, which is drawn in front.

    >>> Illustration(start=Pose(), end=Pose(torso=100)).end.torso
    100.0
    """

    start: Pose = attrs.field(validator=attrs.validators.instance_of(Pose))
    end: Pose | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Pose)))
    props: tuple[Prop, ...] = attrs.field(
        default=(), converter=_props,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Prop)))
    arrows: tuple[Arrow, ...] = attrs.field(
        default=(), converter=_arrows,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Arrow)))
    #: ``side`` (the default: the floor is drawn) or ``above`` (seen from the ceiling: no
    #: floor line; used for twists, where a side view hides the movement).
    view: str = attrs.field(default="side", validator=_one_of(("side", "above")))

    @property
    def poses(self) -> tuple[Pose, ...]:
        """The positions drawn, in order (one or two)."""
        return (self.start,) if self.end is None else (self.start, self.end)
