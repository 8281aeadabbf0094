"""The printable report's charts, drawn as SVG by supple itself (no script, no external
resource): pain before, after and the next day, session by session; and adherence week by
week. Only numbers and dates from the report's data are drawn; any text is XML-escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

#: (report key, legend, colour) of the pain series
PAIN_SERIES = (
    ("pain_before", "before", "#2563eb"),
    ("pain_after", "after", "#d9480f"),
    ("next_day_pain", "next morning", "#111827"),
)
FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"'


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
            f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def _text(x: float, y: float, content: str, size: int = 10, anchor: str = "start", fill: str = "#4b5563") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" {FONT} text-anchor="{anchor}" '
            f'fill="{fill}">{escape(content)}</text>')


def pain_chart(sessions: Sequence[dict[str, Any]], width: int = 640, height: int = 220) -> str:
    """Pain (0-10) before, after and the next morning of each logged session, in time order;
    a missing value breaks its line."""
    left, right, top, bottom = 34, 12, 14, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    count = len(sessions)
    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / 10)

    def x_of(index: int) -> float:
        return left + (plot_w / 2 if count == 1 else plot_w * index / (count - 1))

    for value in range(0, 11, 2):
        y = y_of(value)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        body.append(_text(left - 6, y + 3.5, str(value), anchor="end"))
    body.append(f'<rect x="{left}" y="{y_of(5):.1f}" width="{plot_w}" height="{y_of(3) - y_of(5):.1f}" '
                'fill="#fef3c7" opacity="0.6"/>')  # the amber zone, 4-5
    for key, _, colour in PAIN_SERIES:
        run: list[str] = []
        runs: list[list[str]] = [run]
        for index, session in enumerate(sessions):
            score = session.get(key)
            if score is None:
                run = []
                runs.append(run)
                continue
            x, y = x_of(index), y_of(float(score))
            run.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.2" fill="{colour}"/>')
        for points in runs:
            if len(points) > 1:
                body.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                            'stroke-width="1.4"/>')
    if count:
        body.append(_text(left, height - bottom + 14, str(sessions[0].get("date", ""))))
        if count > 1:
            body.append(_text(width - right, height - bottom + 14, str(sessions[-1].get("date", "")),
                              anchor="end"))
    else:
        body.append(_text(left + plot_w / 2, top + plot_h / 2, "no sessions logged", anchor="middle"))
    x = left
    for _, legend, colour in PAIN_SERIES:
        body.append(f'<rect x="{x}" y="{height - 14}" width="10" height="3" fill="{colour}"/>')
        body.append(_text(x + 14, height - 10, legend))
        x += 24 + 7 * len(legend)
    body.append(_text(x + 6, height - 10, "shaded: 4-5 (amber)"))
    return _svg(width, height, "Pain before, after and the next morning, 0-10, session by session", body)


def adherence_chart(weeks: Sequence[dict[str, Any]], width: int = 640, height: int = 180) -> str:
    """Each week's adherence (done / planned) as a bar, 0-100 %; weeks without planned
    sessions get no bar."""
    left, right, top, bottom = 40, 12, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']
    for percent in (0, 50, 100):
        y = top + plot_h * (1 - percent / 100)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        body.append(_text(left - 6, y + 3.5, f"{percent}%", anchor="end"))
    count = max(len(weeks), 1)
    slot = plot_w / count
    label_every = max(1, round(count / 8))
    for index, week in enumerate(weeks):
        x = left + slot * index
        value = week.get("adherence")
        if value is not None:
            share = min(float(value), 1.0)
            bar_h = plot_h * share
            body.append(f'<rect x="{x + slot * 0.15:.1f}" y="{top + plot_h - bar_h:.1f}" '
                        f'width="{slot * 0.7:.1f}" height="{bar_h:.1f}" fill="#0f766e"/>')
        if index % label_every == 0:
            body.append(_text(x + slot / 2, height - bottom + 14, str(week.get("week_of", "")), 9, "middle"))
    return _svg(width, height, "Adherence per week: sessions done in full / planned", body)
