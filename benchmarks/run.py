"""supple's benchmark suite: every performance figure in docs/performance.md, in one run.

    .venv/bin/python benchmarks/run.py [--runs N] [--quick]

Measures, side by side in the same run (medians of N runs; peak memory is the largest resident
set of the process, from the operating system):

1. cold start of `supple check`, `supple plan` and `supple export --to ics` on a bundled
   routine, against the bare import floor of the libraries each command really needs, and the
   ratio between them;
2. in-process planning and each exporter for 4, 12 and 52 weeks, twice daily, 12 steps, with
   the cost per session (flat when the cost grows linearly);
3. a catalogue of 10,000 generated exercises from an installed-looking plugin: `supple exercises`
   with a filter, end to end, and `supple check` of a routine resolved against it.

Nothing here is part of the test suite's pass/fail: the machine is shared and noisy, so the
figures are read, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
SUPPLE = [PYTHON, "-m", "supple"]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")

# The floors: Python plus the libraries each command must import (the definition), and
# the same with importlib.metadata, which discovery needs whenever the entry-point cache is cold.
FLOOR_CHECK = "import pluggy, attrs, cattrs, tomllib, click"
FLOOR_PLAN = FLOOR_CHECK + ", zoneinfo"
FLOOR_ICS = FLOOR_PLAN + ", icalendar"
WITH_METADATA = ", importlib.metadata"


def without_collector(floor: str) -> str:
    """The floor run as the console script runs a command: the cyclic garbage collector off,
    and what is alive at exit frozen (the like-for-like comparison; docs/performance.md)."""
    return f"import gc; gc.disable(); {floor}; gc.freeze()"

# Children run as a user's would: with bytecode caching on (PYTHONDONTWRITEBYTECODE off), and
# with the user's own entry-point cache (warmed by the first, untimed run).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time (ms) and peak resident memory (MiB) of one child process."""
    env = {**CHILD_ENV, **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def measure(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    run_child(cmd, env)  # warm the file cache and the bytecode cache
    samples = [run_child(cmd, env) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def measure_together(cmds: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median wall time and peak memory of each command, their runs interleaved (A B C A B C
    ...), so that a change in the machine's load during the measurement touches all alike and
    the ratios between them stay fair."""
    for cmd in cmds:
        run_child(cmd)  # warm the file cache and the bytecode cache
    samples: list[list[tuple[float, float]]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, into in zip(cmds, samples):
            into.append(run_child(cmd))
    return [(statistics.median(s[0] for s in got), max(s[1] for s in got)) for got in samples]


def cold_start(runs: int) -> None:
    print(f"\n1. Cold start, median of {runs} runs (wall ms), peak memory (MiB)")
    rows = [
        ("supple check", FLOOR_CHECK, ["check", ROUTINE]),
        ("supple plan", FLOOR_PLAN, ["plan", ROUTINE]),
        ("supple export --to ics", FLOOR_ICS, ["export", ROUTINE, "--to", "ics"]),
    ]
    print(f"   {'command':<24} {'median':>8} {'floor':>8} {'ratio':>6} {'floor-gc':>9} {'ratio':>6} "
          f"{'floor+md':>9} {'ratio':>6} {'peak MiB':>9}")
    script = str(Path(PYTHON).with_name("supple"))
    for name, floor, args in rows:
        (floor_ms, _), (nogc_ms, _), (meta_ms, _), (cmd_ms, peak) = measure_together(
            [[PYTHON, "-c", floor], [PYTHON, "-c", without_collector(floor)],
             [PYTHON, "-c", floor + WITH_METADATA], [script, *args]], runs
        )
        print(
            f"   {name:<24} {cmd_ms:>6.1f}ms {floor_ms:>6.1f}ms {cmd_ms / floor_ms:>5.2f}x "
            f"{nogc_ms:>7.1f}ms {cmd_ms / nogc_ms:>5.2f}x "
            f"{meta_ms:>7.1f}ms {cmd_ms / meta_ms:>5.2f}x {peak:>8.1f}"
        )
    print(f"   floor: python -c '{FLOOR_CHECK}' (+ zoneinfo for plan, + icalendar for ics);")
    print("   floor-gc: the same with the garbage collector off and frozen at exit, as the console")
    print("   script runs a command (like for like); floor+md: the floor plus importlib.metadata;")
    print("   commands run as the installed `supple` script; each command's runs are interleaved")
    print("   with its floors' runs")


IN_PROCESS = textwrap.dedent(
    """
    import resource, statistics, sys, time, tomllib
    sys.path.insert(0, {here!r})
    import supple
    from bench_plan import BenchContent, routine_text
    from supple.io.routine_file import routine_from_dict
    from supple.testing import make_registry

    weeks, runs = {weeks}, {runs}
    registry = make_registry(BenchContent(), builtins=True)
    routine = routine_from_dict(tomllib.loads(routine_text(weeks)), "bench.toml")
    def timed(fn):
        fn()
        samples = []
        for _ in range(runs):
            start = time.perf_counter(); fn(); samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)
    plan = supple.build_plan(routine, registry)
    out = {{"plan": timed(lambda: supple.build_plan(routine, registry))}}
    for name in ("ics", "md", "json"):
        exporter = registry.exporters[name]
        options = exporter.options() if exporter.options else None
        out[name] = timed(lambda: exporter.render(plan, options))
    def everything():
        p = supple.build_plan(routine, registry)
        for name in ("ics", "md"):
            e = registry.exporters[name]
            e.render(p, e.options() if e.options else None)
    out["plan+ics+md"] = timed(everything)
    out["sessions"] = len(plan.sessions)
    out["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(repr(out))
    """
)


def in_process(runs: int) -> None:
    print(f"\n2. In-process, twice daily, 12 steps, median of {runs} runs (ms); per session in us")
    print(f"   {'weeks':>5} {'sessions':>8} {'plan':>8} {'ics':>8} {'md':>8} {'json':>8} "
          f"{'plan+ics+md':>12} {'per session':>12} {'peak MiB':>9}")
    for weeks in (4, 12, 52):
        code = IN_PROCESS.format(here=str(HERE), weeks=weeks, runs=runs)
        proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
        out = eval(proc.stdout.strip().splitlines()[-1])  # our own child's repr of a dict of numbers
        per = out["plan+ics+md"] / out["sessions"] * 1000
        print(
            f"   {weeks:>5} {out['sessions']:>8} {out['plan']:>6.1f}ms {out['ics']:>6.1f}ms {out['md']:>6.1f}ms "
            f"{out['json']:>6.1f}ms {out['plan+ics+md']:>10.1f}ms {per:>9.1f} us {out['peak']:>8.1f}"
        )


BIG_PLUGIN = textwrap.dedent(
    '''
    """A generated catalogue of 10,000 exercises, for benchmarks."""
    import supple

    POSITIONS = ("supine", "prone", "side-lying", "quadruped", "kneeling", "seated", "standing")
    KINDS = ("mobility", "stretch", "strength", "motor-control")

    @supple.hookimpl
    def supple_exercise_sets():
        source = (supple.Source("generated"),)
        dose = supple.Dose(reps=10)
        yield supple.ExerciseSet(name="big", title="Ten thousand exercises", exercises=[
            supple.Exercise(
                id=f"big-{n:05d}", name=f"Generated exercise {n}", summary="Generated.",
                kind=KINDS[n % 4], position=POSITIONS[n % 7], dose=dose, sources=source,
                instructions=("Start.", "Move slowly.", "Return."), cues=("Breathe.",),
                regions=("lumbar",), tags=("spinal-flexion",) if n % 2 else ("spinal-extension",),
            )
            for n in range(10_000)
        ])
    '''
)


def big_catalogue(runs: int) -> None:
    print(f"\n3. 10,000 generated exercises from a plugin, median of {runs} runs (wall ms), peak memory (MiB)")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "supple_big.py").write_text(BIG_PLUGIN)
        info = site / "supple_big-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: supple-big\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text("[supple]\nbig = supple_big\n")
        routine = site / "big.toml"
        routine.write_text(
            '[routine]\ntitle = "Big"\n'
            + "".join(f'[[steps]]\nexercise = "big-{n:05d}"\n' for n in range(0, 10_000, 1000))
        )
        env = dict(os.environ, PYTHONPATH=str(site))
        for name, args in (
            ("supple exercises --position seated", ["exercises", "--position", "seated"]),
            ("supple exercises --json --kind stretch", ["exercises", "--json", "--kind", "stretch"]),
            ("supple check (10 steps, 10k catalogue)", ["check", str(routine)]),
        ):
            ms, peak = measure([*SUPPLE, *args], runs, env)
            print(f"   {name:<40} {ms:>7.1f}ms {peak:>8.1f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs per measurement (default 21)")
    parser.add_argument("--quick", action="store_true", help="5 runs each, for a fast look")
    args = parser.parse_args(argv)
    runs = 5 if args.quick else args.runs
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    cold_start(runs)
    in_process(runs)
    big_catalogue(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
