"""Peak memory of the largest routines supple accepts (issue 23 item 7: under 200 MiB).

    .venv/bin/python benchmarks/bench_limits.py

Each shape fills the limits in :mod:`supple.limits` a different way: many sessions and few
steps, many steps with full-length notes and few sessions, and the middle. Every command that
builds a plan (``plan``, ``plan --json``, ``export`` to ics, json and md) runs in a fresh
process whose address space is capped at 2 GiB (so a regression fails instead of swapping);
the figure is that process's peak resident set (``ru_maxrss``), in MiB. A routine one step
past a limit is also run, to show it is refused at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from supple import limits  # noqa: E402

EXERCISES = ["cat-cow", "pelvic-tilt", "glute-bridge", "childs-pose", "single-knee-to-chest",
             "supine-hamstring-stretch", "seated-pelvic-tilt", "standing-gentle-rotation",
             "piriformis-stretch", "side-lying-thoracic-rotation"]

PROBE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
sys.argv = ["supple", *sys.argv[2:]]
try:
    from supple.console import main
    main()
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
with open(sys.argv and __import__("os").environ["BENCH_OUT"], "w") as out:
    out.write(f"{code} {peak:.1f}")
"""

COMMANDS = {
    "plan": ["plan"],
    "plan --json": ["plan", "--json"],
    "export ics": ["export", "--to", "ics"],
    "export json": ["export", "--to", "json"],
    "export md": ["export", "--to", "md"],
}


def routine(days: int, times: int, steps: int, note: int, title: int) -> str:
    """A routine of ``days`` daily days, ``times`` a day, ``steps`` steps with notes of
    ``note`` characters and a title of ``title`` (mixed scripts: multi-byte text costs more
    than ASCII)."""
    text = ("Knees soft, breathe out — ümlaut 😀 ") * 200
    clock = [f"{7 + 2 * i:02d}:00" for i in range(times)]
    until = f"2026-12-{6 + days:02d}" if days <= 25 else None
    length = f"until = {until}" if until else f"weeks = {days // 7}"
    lines = ["[routine]", f'title = "{text[:title]}"', f'summary = "{text[:2000]}"',
             "[schedule]", "start = 2026-12-07", length, 'days = "daily"',
             f"times = {clock!r}".replace("'", '"'), 'timezone = "Europe/Madrid"']
    for i in range(steps):
        lines += ["[[steps]]", f'exercise = "{EXERCISES[i % len(EXERCISES)]}"',
                  f'note = "{text[:note]}"']
    return "\n".join(lines) + "\n"


def _largest(days: int, times: int, steps: int, title: int) -> tuple[str, str]:
    """The routine of that shape with the longest notes the limits accept."""
    sessions = days * times
    steps = min(steps, limits.MAX_STEPS, limits.MAX_SESSION_STEPS // sessions)
    per_session = (limits.MAX_PLAN_TEXT - 2000) // sessions
    note = min(limits.MAX_TEXT, (per_session - title) // steps)
    name = f"{sessions:,} sessions x {steps} steps, title {title}, notes {note}"
    return name, routine(days, times, steps, note, title)


def shapes() -> dict[str, str]:
    """The largest accepted routines, by shape, and the issue's routine, over the limits."""
    full = limits.MAX_WEEKS * 7
    out = dict([
        _largest(full, limits.MAX_TIMES_PER_DAY, limits.MAX_STEPS, 100),
        _largest(full, 1, limits.MAX_STEPS, 300),
        _largest(19, 1, limits.MAX_STEPS, limits.MAX_TEXT),
    ])
    out["over: 6,552 sessions x 100 steps, title and notes 2000 (the issue's shape)"] = routine(
        full, limits.MAX_TIMES_PER_DAY, limits.MAX_STEPS, limits.MAX_TEXT, limits.MAX_TEXT)
    return out


def measure(path: str, args: list[str]) -> tuple[int, float]:
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        env = dict(os.environ, BENCH_OUT=report.name)
        subprocess.run([sys.executable, "-c", PROBE, "-", *args[:1], path, *args[1:]],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=600)
        code, peak = report.read().split()
    return int(code), float(peak)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        worst = 0.0
        for name, text in shapes().items():
            path = os.path.join(folder, "r.toml")
            Path(path).write_text(text, encoding="utf-8")
            print(f"{name} ({len(text.encode()):,} bytes)")
            for label, args in COMMANDS.items():
                code, peak = measure(path, args)
                if not name.startswith("over"):
                    worst = max(worst, peak)
                print(f"  {label:<12} exit {code}  peak {peak:7.1f} MiB")
        print(f"largest peak of an accepted routine: {worst:.1f} MiB (target: under 200 MiB)")


if __name__ == "__main__":
    main()
