"""Draw an :class:`~supple.figure.model.Illustration` as SVG, in pure Python.

The start position is drawn on the left, the end position on the right with the start shown
faintly behind it and the movement arrows on top; a chevron between the panels reads "then".
The output depends only on the illustration (numbers rounded to one decimal), so the same
illustration always gives the same bytes. No text from anywhere is written into the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from supple.figure.model import LENGTHS, Arrow, Illustration, Pose, Prop

INK = "#1f2937"        # near limbs, torso, head
FAR = "#8b95a3"        # far limbs
GHOST = "#d5dae1"      # the start position behind the end position
ACCENT = "#d9480f"     # arrows
PROP_FILL = "#e4edf5"
PROP_LINE = "#7b8794"
FLOOR = "#9aa5b1"

Point = tuple[float, float]


def _dir(degrees: float) -> Point:
    rad = math.radians(degrees)
    return math.cos(rad), math.sin(rad)


def _add(p: Point, length: float, degrees: float) -> Point:
    dx, dy = _dir(degrees)
    return p[0] + length * dx, p[1] + length * dy


def joints(pose: Pose) -> dict[str, Point]:
    """Every joint of ``pose`` in figure units (y up): hip, neck, head (centre), shoulder,
    elbow, hand, knee, ankle, toe and the same with a ``far_`` prefix."""
    hip = (pose.x, pose.y)
    neck = _add(hip, LENGTHS["torso"], pose.torso)
    out = {"hip": hip, "neck": neck,
           "head": _add(neck, LENGTHS["neck"] + LENGTHS["head"], pose.head)}
    shoulder = _add(neck, -3.0, pose.torso)
    for prefix, arm, leg in (("", pose.arm, pose.leg),
                             ("far_", pose.far_arm or pose.arm, pose.far_leg or pose.leg)):
        elbow = _add(shoulder, LENGTHS["upper_arm"], arm[0])
        knee = _add(hip, LENGTHS["thigh"], leg[0])
        ankle = _add(knee, LENGTHS["shin"], leg[1])
        out.update({
            prefix + "shoulder": shoulder,
            prefix + "elbow": elbow,
            prefix + "hand": _add(elbow, LENGTHS["forearm"], arm[1]),
            prefix + "knee": knee,
            prefix + "ankle": ankle,
            prefix + "toe": _add(ankle, LENGTHS["foot"], leg[2]),
        })
    return out


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Canvas:
    """Maps figure units to one panel's SVG coordinates (y down) and collects elements."""

    def __init__(self, left: float, top: float, offset_x: float) -> None:
        self.left, self.top, self.offset_x = left, top, offset_x
        self.parts: list[str] = []

    def pt(self, p: Point) -> str:
        return f"{_num(p[0] - self.left + self.offset_x)},{_num(self.top - p[1])}"

    def line(self, points: Iterable[Point], colour: str, width: float) -> None:
        coords = " ".join(self.pt(p) for p in points)
        self.parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                          f'stroke-width="{_num(width)}" stroke-linecap="round" stroke-linejoin="round"/>')

    def curve(self, a: Point, control: Point, b: Point, colour: str, width: float,
              dash: str = "") -> None:
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<path d="M{self.pt(a)} Q{self.pt(control)} {self.pt(b)}" fill="none" '
                          f'stroke="{colour}" stroke-width="{_num(width)}" stroke-linecap="round"{extra}/>')

    def circle(self, c: Point, r: float, fill: str, stroke: str = "none", width: float = 0) -> None:
        self.parts.append(f'<circle cx="{self.pt(c).split(",")[0]}" cy="{self.pt(c).split(",")[1]}" '
                          f'r="{_num(r)}" fill="{fill}" stroke="{stroke}" stroke-width="{_num(width)}"/>')

    def ellipse(self, c: Point, rx: float, ry: float, fill: str, stroke: str, width: float) -> None:
        x, y = self.pt(c).split(",")
        self.parts.append(f'<ellipse cx="{x}" cy="{y}" rx="{_num(rx)}" ry="{_num(ry)}" fill="{fill}" '
                          f'stroke="{stroke}" stroke-width="{_num(width)}"/>')

    def polygon(self, points: Iterable[Point], fill: str, stroke: str = "none", width: float = 0) -> None:
        coords = " ".join(self.pt(p) for p in points)
        self.parts.append(f'<polygon points="{coords}" fill="{fill}" stroke="{stroke}" '
                          f'stroke-width="{_num(width)}" stroke-linejoin="round"/>')


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _prop_box(prop: Prop) -> list[Point]:
    """Points a prop reaches, for the frame."""
    side = 1 if prop.flip else -1
    if prop.kind == "mat":
        return [(prop.x, 0), (prop.x + (prop.size or 110), 2)]
    if prop.kind == "chair":
        return [(prop.x, 0), (prop.x + side * 22, 58)]
    if prop.kind == "bed":
        return [(prop.x, 0), (prop.x + side * 45, 26)]
    if prop.kind == "wall":
        return [(prop.x - 2, 0), (prop.x + 2, 70)]
    if prop.kind == "rug":
        return [(prop.x, prop.y), (prop.x + (prop.size or 110), prop.y + 50)]
    if prop.kind in ("weight", "strap"):
        return []
    r = prop.size or {"roller": 5.0, "pillow": 6.0}[prop.kind]
    return [(prop.x - r, prop.y - r), (prop.x + r, prop.y + r)]


def _draw_prop(c: _Canvas, prop: Prop, pose: Pose) -> None:
    side = 1 if prop.flip else -1
    x = prop.x
    if prop.kind == "mat":
        c.polygon(_rect(x, 0, x + (prop.size or 110), 2), PROP_FILL, PROP_LINE, 0.8)
    elif prop.kind == "chair":
        back = x + side * 20
        c.line([(x, 0), (x, 20)], PROP_LINE, 2)
        c.line([(back, 0), (back, 54)], PROP_LINE, 2)
        c.polygon(_rect(min(x, back), 20, max(x, back), 23), PROP_FILL, PROP_LINE, 1)
        c.polygon(_rect(back - side * 1.5, 36, back + side * 0.5, 54), PROP_FILL, PROP_LINE, 1)
    elif prop.kind == "bed":
        far = x + side * 80
        c.polygon(_rect(min(x, far), 4, max(x, far), 26), PROP_FILL, PROP_LINE, 1)
        c.line([(x + side * 3, 0), (x + side * 3, 4)], PROP_LINE, 2.5)
    elif prop.kind == "wall":
        c.polygon(_rect(x - 2, 0, x + 2, 70), PROP_FILL, PROP_LINE, 1)
    elif prop.kind == "roller":
        r = prop.size or 5.0
        c.circle((x, prop.y), r, PROP_FILL, PROP_LINE, 1)
        c.circle((x, prop.y), r * 0.35, "none", PROP_LINE, 0.6)
    elif prop.kind == "pillow":
        r = prop.size or 6.0
        c.ellipse((x, prop.y), r, r * 0.45, PROP_FILL, PROP_LINE, 0.8)
    elif prop.kind == "rug":
        c.polygon(_rect(x, prop.y, x + (prop.size or 110), prop.y + 50), PROP_FILL, PROP_LINE, 0.8)
    elif prop.kind == "weight":
        c.circle(joints(pose)["hand"], prop.size or 3.5, PROP_LINE, INK, 0.8)
    elif prop.kind == "strap":
        j = joints(pose)
        c.line([j["hand"], j["toe"]], "#5b7083", 1.6)


def _draw_pose(c: _Canvas, pose: Pose, ghost: bool = False) -> None:
    j = joints(pose)
    near, far = (GHOST, GHOST) if ghost else (INK, FAR)
    c.line([j["far_shoulder"], j["far_elbow"], j["far_hand"]], far, 4.2)
    c.line([j["hip"], j["far_knee"], j["far_ankle"], j["far_toe"]], far, 5)
    hip, neck = j["hip"], j["neck"]
    length = LENGTHS["torso"]
    nx, ny = -(neck[1] - hip[1]) / length, (neck[0] - hip[0]) / length
    sag = length * math.tan(math.radians(max(-60.0, min(60.0, pose.bend)))) / 2
    mid = ((hip[0] + neck[0]) / 2 + nx * sag, (hip[1] + neck[1]) / 2 + ny * sag)
    c.curve(hip, mid, neck, near, 7.5)
    head_neck = _add(neck, LENGTHS["neck"], pose.head)
    c.line([neck, head_neck], near, 4.5)
    c.circle(j["head"], LENGTHS["head"], near)
    c.line([hip, j["knee"], j["ankle"], j["toe"]], near, 5.5)
    c.line([j["shoulder"], j["elbow"], j["hand"]], near, 4.5)


def _draw_arrow(c: _Canvas, arrow: Arrow) -> None:
    width = 1.8
    if arrow.kind == "turn":
        cx, cy = arrow.start
        rx, ry = arrow.end
        steps = [math.radians(a) for a in range(200, 520, 10)]
        pts = [(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in steps]
        c.line(pts, ACCENT, width)
        _head(c, pts[-2], pts[-1])
        return
    a, b = (arrow.start[0], arrow.start[1]), (arrow.end[0], arrow.end[1])
    dx, dy = b[0] - a[0], b[1] - a[1]
    sag = math.hypot(dx, dy) * math.tan(math.radians(max(-80.0, min(80.0, arrow.bend)))) / 2
    chord = math.hypot(dx, dy) or 1.0
    control = ((a[0] + b[0]) / 2 - dy / chord * sag, (a[1] + b[1]) / 2 + dx / chord * sag)
    c.curve(a, control, b, ACCENT, width)
    _head(c, control, b)
    if arrow.kind == "both":
        _head(c, control, a)


def _head(c: _Canvas, before: Point, tip: Point) -> None:
    angle = math.degrees(math.atan2(tip[1] - before[1], tip[0] - before[0]))
    c.polygon([tip, _add(tip, 5.0, angle + 155), _add(tip, 5.0, angle - 155)], ACCENT)


def _frame(illustration: Illustration) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = [0.0] if illustration.view == "side" else []
    for pose in illustration.poses:
        for name, (x, y) in joints(pose).items():
            r = LENGTHS["head"] if name == "head" else 3.0
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    for prop in illustration.props:
        for x, y in _prop_box(prop):
            xs.append(x)
            ys.append(y)
    for arrow in illustration.arrows:
        if arrow.kind == "turn":
            xs += [arrow.start[0] - arrow.end[0], arrow.start[0] + arrow.end[0]]
            ys += [arrow.start[1] - arrow.end[1], arrow.start[1] + arrow.end[1]]
        else:
            xs += [arrow.start[0], arrow.end[0]]
            ys += [arrow.start[1], arrow.end[1]]
    pad = 5.0
    return min(xs) - pad, max(xs) + pad, min(ys) - 2.0, max(ys) + pad


def natural_size(illustration: Illustration) -> tuple[float, float]:
    """The drawing's width and height in figure units (both panels), for laying pictures out
    at one common scale."""
    left, right, bottom, top = _frame(illustration)
    gap = 14.0 if illustration.end is not None else 0.0
    return (right - left) * len(illustration.poses) + gap, top - bottom


def render_svg(illustration: Illustration, *, height: float = 0.0) -> str:
    """The illustration as a standalone SVG document (start and end side by side).

    ``height`` sets the ``height`` attribute in pixels (``0``: the natural size, two pixels
    per figure unit); the width follows from the drawing's proportions.
    """
    left, right, bottom, top = _frame(illustration)
    panel_w, panel_h = right - left, top - bottom
    gap = 14.0 if illustration.end is not None else 0.0
    total_w = panel_w * len(illustration.poses) + gap
    parts: list[str] = []
    for index, pose in enumerate(illustration.poses):
        c = _Canvas(left, top, index * (panel_w + gap))
        if illustration.view == "side":
            c.line([(left, 0), (right, 0)], FLOOR, 1.2)
        front = [p for p in illustration.props if p.kind in ("weight", "strap")]
        for prop in illustration.props:
            if prop not in front:
                _draw_prop(c, prop, pose)
        if index == 1:
            _draw_pose(c, illustration.start, ghost=True)
        _draw_pose(c, pose)
        for prop in front:
            _draw_prop(c, prop, pose)
        if index == 1 or illustration.end is None:
            for arrow in illustration.arrows:
                _draw_arrow(c, arrow)
        parts.extend(c.parts)
    if gap:
        mx, my = panel_w + gap / 2, panel_h / 2
        parts.append(f'<polyline points="{_num(mx - 2.5)},{_num(my - 6)} {_num(mx + 2.5)},{_num(my)} '
                     f'{_num(mx - 2.5)},{_num(my + 6)}" fill="none" stroke="{FLOOR}" stroke-width="2" '
                     'stroke-linecap="round" stroke-linejoin="round"/>')
    h = height or panel_h * 2
    w = h * total_w / panel_h
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(w)}" height="{_num(h)}" '
            f'viewBox="0 0 {_num(total_w)} {_num(panel_h)}">' + "".join(parts) + "</svg>\n")
