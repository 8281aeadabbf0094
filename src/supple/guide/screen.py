"""What the person sees during a guided session.

:class:`TerminalScreen` (standard output is a terminal): the exercise, its cues and what the
person did are printed as ordinary lines; below them one status line (progress bar, the current
segment, a countdown, what comes next) is redrawn in place with a carriage return. ANSI
sequences (clear to end of line, hide the cursor) are used only when ``TERM`` is not ``dumb``;
colour only when, besides, ``NO_COLOR`` is not set. A bell marks the end of holds, rests and
side switches, and of the session, unless turned off.

:class:`PlainScreen` (output is a file or a pipe): one plain line per event, no carriage
returns, no escape sequences, no bell, so the output can be read, piped and tested.

Every text that comes from a routine or a plugin passes through :func:`supple.text.safe`,
which removes control characters, so it can never become a terminal escape sequence.
"""

from __future__ import annotations

import math
import os
import shutil
from typing import TextIO

from supple.guide.pacing import Beat
from supple.guide.runner import RunResult, Status
from supple.model.durations import format_seconds
from supple.model.plan import Timeline
from supple.model.step import PlannedStep
from supple.text import repeats, safe, wrap

_DEFAULT_LABELS = {
    "work": "{name}",
    "hold": "Hold: {name}",
    "rest": "Rest",
    "switch": "Switch sides",
    "transition": "Get ready: {name}",
}
#: Segment kinds whose end rings the bell.
_BELL_KINDS = frozenset({"hold", "rest", "switch", "transition"})


def seconds_text(seconds: float) -> str:
    """A segment's length: ``4 s``, ``1.5 s``, ``2 min``."""
    if seconds < 60 and seconds != int(seconds):
        return f"{seconds:g} s"
    return format_seconds(seconds)


def countdown(seconds: float) -> str:
    """Seconds left as ``m:ss``, rounded up (a countdown shows 0:01 until the last moment)."""
    whole = max(math.ceil(seconds - 1e-9), 0)
    return f"{whole // 60}:{whole % 60:02d}"


def stamp(seconds: float) -> str:
    """Seconds since the start as ``mm:ss`` (``h:mm:ss`` past an hour)."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def _step(timeline: Timeline, position: int) -> PlannedStep | None:
    return timeline.steps[position] if 0 <= position < len(timeline.steps) else None


def step_name(timeline: Timeline, position: int) -> str:
    step = _step(timeline, position)
    return safe(step.exercise.name) if step else f"step {position + 1}"


def segment_text(timeline: Timeline, index: int, *, short: bool = False) -> str:
    """The segment in words: the strategy's label with counters (rep, set, side).

    ``short``: name a segment of repetitions by its exercise alone (the beat says the rest).
    """
    segment = timeline.segments[index]
    step = _step(timeline, segment.step)
    name = step_name(timeline, segment.step)
    label = " ".join(safe(segment.label).split()) or _DEFAULT_LABELS[segment.kind].format(name=name)
    if short and segment.kind == "work":
        label = name
    details = []
    dose = step.dose if step else None
    if segment.kind in ("work", "hold"):
        if dose and dose.reps_per_set > 1 and segment.rep:
            details.append(f"rep {segment.rep}/{dose.reps_in_set(segment.set)}")
        if dose and dose.sets > 1 and segment.set:
            details.append(f"set {segment.set}/{dose.sets}")
        if segment.side:
            details.append(f"{segment.side} side")
    elif segment.kind == "rest" and dose and dose.sets > 1 and segment.set:
        details.append(f"after set {segment.set} of {dose.sets}")
    elif segment.kind == "switch":
        for later in timeline.segments[index + 1:]:
            if later.step != segment.step:
                break
            if later.side:
                details.append(f"now the {later.side} side")
                break
    return f"{label} ({', '.join(details)})" if details else label


def beat_text(beat: Beat, remaining: float | None = None) -> str:
    """``rep 3/10`` while moving, ``rep 3/10: hold 3 s`` (or a countdown) while holding."""
    text = f"rep {beat.rep}/{beat.reps}" if beat.reps > 1 else "the movement"
    if beat.phase == "hold":
        held = countdown(remaining) if remaining is not None else seconds_text(beat.seconds)
        text += f": hold {held}"
    return text


def step_line(timeline: Timeline, position: int) -> str:
    """``Cat-cow (10 reps)``: an exercise and its dose."""
    step = _step(timeline, position)
    if step is None:
        return step_name(timeline, position)
    return f"{safe(step.exercise.name)} ({safe(step.dose.describe())})"


def next_up(timeline: Timeline, index: int) -> str:
    """What comes after segment ``index``, in words.

    During a rest, switch or transition: the very next segment. Otherwise the next rest or side
    switch in this exercise, or else the next exercise, or the end of the session.
    """
    segments = timeline.segments
    if index >= len(segments):
        return "nothing: the session is over"
    current = segments[index]
    if current.kind in ("rest", "switch", "transition") and index + 1 < len(segments):
        following = segments[index + 1]
        if following.step == current.step:
            return segment_text(timeline, index + 1)
    for later in segments[index + 1:]:
        if later.step != current.step:
            return step_line(timeline, later.step)
        if later.kind == "rest" and later.seconds > 0:
            return f"rest {seconds_text(later.seconds)}"
        if later.kind == "switch":
            return "switch sides"
    return "the end of the session"


def _after_step(timeline: Timeline, index: int) -> str:
    """The exercise after the step of segment ``index``, or the end."""
    segments = timeline.segments
    for later in segments[index + 1:]:
        if later.step != segments[index].step:
            return step_line(timeline, later.step)
    return "the end of the session"


def step_block(timeline: Timeline, position: int, index: int, width: int) -> list[str]:
    """The lines that introduce an exercise: name and dose, cues, breathing, note, next."""
    step = _step(timeline, position)
    total = len(timeline.steps)
    lines = [f"Step {position + 1} of {total}: {step_line(timeline, position)}"]
    if step is not None:
        for cue in step.exercise.cues:
            lines += wrap(cue, "  - ", width)
        if step.exercise.breathing:
            lines += wrap(f"Breathing: {step.exercise.breathing}", "  ", width)
        if step.note and not repeats(step.note, step.exercise.breathing):
            lines += wrap(f"Note: {step.note}", "  ", width)
    lines.append(f"  Next up: {_after_step(timeline, index)}")
    return lines


def _fraction(done: float, total: float) -> float:
    return min(max(done / total, 0.0), 1.0) if total > 0 else 1.0


def progress_bar(done: float, total: float, width: int = 20) -> str:
    """``[#####---------------]  25%``: plain ASCII, so it shows in any terminal."""
    fraction = _fraction(done, total)
    filled = int(fraction * width)
    return f"[{'#' * filled}{'-' * (width - filled)}] {int(fraction * 100):3d}%"


def _total(timeline: Timeline) -> float:
    return sum(segment.seconds for segment in timeline.segments)


class PlainScreen:
    """One plain line per event (output that is not a terminal)."""

    def __init__(self, timeline: Timeline, stream: TextIO, *, keys: bool = False, width: int = 88):
        self.timeline = timeline
        self.stream = stream
        self.keys = keys
        self.width = width

    def _line(self, text: str = "") -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def _at(self, status: Status, text: str) -> None:
        self._line(f"[{stamp(status.elapsed)}] {text}")

    def begin(self, status: Status) -> None:
        self._at(status, f"Start: {seconds_text(_total(self.timeline))} planned.")

    def step_started(self, position: int, status: Status) -> None:
        self._line()
        block = step_block(self.timeline, position, status.index, self.width - 8)
        percent = int(_fraction(status.done, _total(self.timeline)) * 100)
        self._at(status, f"{block[0]} [{percent}% of the session done]")
        for line in block[1:]:
            self._line(" " * 8 + line)

    def segment_started(self, status: Status) -> None:
        segment = self.timeline.segments[status.index]
        self._at(status, f"{segment_text(self.timeline, status.index)}: {seconds_text(segment.seconds)}")

    def beat(self, status: Status) -> None:
        if status.beat is not None:
            self._at(status, f"  {beat_text(status.beat)}")

    def tick(self, status: Status) -> None:
        pass

    def segment_ended(self, status: Status) -> None:
        pass

    def paused(self, status: Status) -> None:
        if status.index >= len(self.timeline.segments):
            return
        hint = " Press space or p to resume." if self.keys else ""
        self._at(status, f"Paused: {segment_text(self.timeline, status.index)}, "
                         f"{countdown(status.remaining)} left.{hint}")

    def resumed(self, status: Status, paused_for: float) -> None:
        self._at(status, f"Resumed after {seconds_text(round(paused_for))}.")

    def skipped(self, position: int, status: Status) -> None:
        self._at(status, f"Skipped: {step_name(self.timeline, position)}.")

    def end(self, result: RunResult, status: Status) -> None:
        self._line()
        if result.status == "finished":
            self._at(status, "Session complete.")
        else:
            self._at(status, "Stopped." if not result.interrupted else "Stopped (interrupted).")

    def close(self) -> None:
        pass


class TerminalScreen:
    """Lines for events and one status line redrawn in place (output is a terminal).

    ``ansi``: use escape sequences (clear the line, hide the cursor); ``colour``: use colour
    and bold; ``bell``: ring the terminal bell at the end of holds, rests, switches and the
    session.
    """

    def __init__(self, timeline: Timeline, stream: TextIO, *, ansi: bool = True, colour: bool = False,
                 bell: bool = True, keys: bool = True, columns: int | None = None):
        self.timeline = timeline
        self.stream = stream
        self.ansi = ansi
        self.colour = colour and ansi
        self.bell = bell
        self.keys = keys
        self.columns = columns
        self.total = _total(timeline)
        self.shown = ""  # the status line now on screen
        self.last: Status | None = None
        self.is_paused = False
        self.cursor_hidden = False

    # -- output helpers --
    def _width(self) -> int:
        if self.columns:
            return self.columns
        return shutil.get_terminal_size((80, 24)).columns

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def _clear(self) -> None:
        if not self.shown:
            return
        if self.ansi:
            self._write("\r\x1b[K")
        else:
            self._write("\r" + " " * len(self.shown) + "\r")
        self.shown = ""

    def _lines(self, lines: list[str]) -> None:
        """Print permanent lines above the status line."""
        self._clear()
        self._write("".join(line + "\n" for line in lines))
        if self.last is not None:
            self._draw(self.last, force=True)

    def _status_text(self, status: Status) -> str:
        if status.index >= len(self.timeline.segments):
            return ""
        bar = progress_bar(status.done, self.total)
        now = segment_text(self.timeline, status.index, short=status.beat is not None)
        if status.beat is not None:
            now = f"{beat_text(status.beat, status.beat_remaining)} - {now}"
        if self.is_paused:
            resume = "  space/p: resume, q: quit" if self.keys else ""
            return f"{bar}  PAUSED {countdown(status.remaining)}  {now}{resume}"
        return f"{bar}  {countdown(status.remaining)}  {now}  | next: {next_up(self.timeline, status.index)}"

    def _draw(self, status: Status, *, force: bool = False) -> None:
        self.last = status
        width = max(self._width() - 1, 10)
        text = self._status_text(status)[:width]
        if text == self.shown and not force:
            return
        if self.ansi:
            styled = text
            if self.is_paused and self.colour:
                styled = text.replace("PAUSED", self._style("PAUSED", "1;33"), 1)
            self._write(f"\r{styled}\x1b[K")
        else:
            self._write("\r" + text.ljust(len(self.shown)))
        self.shown = text

    # -- the runner's events --
    def begin(self, status: Status) -> None:
        if self.ansi:
            self._write("\x1b[?25l")
            self.cursor_hidden = True

    def step_started(self, position: int, status: Status) -> None:
        block = step_block(self.timeline, position, status.index, min(self._width() - 1, 88))
        block[0] = self._style(block[0], "1")
        self.last = None
        self._lines(["", *block])

    def segment_started(self, status: Status) -> None:
        self._draw(status)

    def beat(self, status: Status) -> None:
        self._draw(status)

    def tick(self, status: Status) -> None:
        self._draw(status)

    def segment_ended(self, status: Status) -> None:
        segment = self.timeline.segments[status.index]
        if self.bell and segment.kind in _BELL_KINDS and segment.seconds > 0:
            self._write("\a")

    def paused(self, status: Status) -> None:
        self.is_paused = True
        self.last = status
        self._lines([f"Paused: {segment_text(self.timeline, status.index)}"]
                    if status.index < len(self.timeline.segments) else ["Paused"])

    def resumed(self, status: Status, paused_for: float) -> None:
        self.is_paused = False
        self.last = status
        self._lines([f"Resumed after {seconds_text(round(paused_for))}."])

    def skipped(self, position: int, status: Status) -> None:
        self.last = None
        self._lines([f"Skipped: {step_name(self.timeline, position)}."])

    def end(self, result: RunResult, status: Status) -> None:
        self.last = None
        self.is_paused = False
        if result.status == "finished":
            text = self._style("Session complete.", "1;32")
        else:
            text = "Stopped."
        self._lines(["", text])
        if self.bell and result.status == "finished":
            self._write("\a")

    def close(self) -> None:
        """Leave the terminal as it was: no status line left, the cursor visible."""
        self._clear()
        if self.cursor_hidden:
            self._write("\x1b[?25h")
            self.cursor_hidden = False


def terminal_capabilities(environ: dict[str, str] | None = None) -> tuple[bool, bool]:
    """``(ansi, colour)`` for a terminal: no escape sequences when ``TERM`` is ``dumb`` (or
    unset), no colour when ``NO_COLOR`` is set to anything non-empty (https://no-color.org)."""
    env = os.environ if environ is None else environ
    term = env.get("TERM", "")
    ansi = bool(term) and term != "dumb"
    colour = ansi and not env.get("NO_COLOR")
    return ansi, colour
