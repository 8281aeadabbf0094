"""Line illustrations of exercises: a small pose model and an SVG renderer written in Python.

:mod:`supple.figure.model` describes a figure's key positions (segment directions), props and
movement arrows; :mod:`supple.figure.render` draws them as deterministic SVG. The package knows
nothing about particular exercises: exercise plugins attach an :class:`Illustration` to their
:class:`supple.Exercise` objects (``illustration=``). See docs/plugins/pictures.md.
"""

from __future__ import annotations

from supple.figure.model import ARROWS, LENGTHS, PROPS, Arrow, Illustration, Pose, Prop
from supple.figure.render import joints, natural_size, render_svg

__all__ = [
    "ARROWS", "LENGTHS", "PROPS", "Arrow", "Illustration", "Pose", "Prop", "joints", "natural_size",
    "render_svg",
]
