"""Start-up of two installations of supple side by side, in one run: each command's wall time
against the library import floor, as medians of pairwise ratios (the runs of the floor and of
both installations are interleaved, so load on the machine hits them alike).

    python benchmarks/compare_startup.py BEFORE_VENV_BIN AFTER_VENV_BIN [--runs N]

Each VENV_BIN is a virtual environment's bin folder with supple installed. Run it with bytecode
caching on, as users have it (unset PYTHONDONTWRITEBYTECODE).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

#: each installation checks and exports its own bundled morning routine (the source tree beside
#: its virtual environment), as a user of that version would
ROUTINE = "{tree}/routines/morning-mobility.toml"
FLOOR = "import pluggy, attrs, cattrs, tomllib, click"
COMMANDS = {
    "check": (FLOOR, ["check", ROUTINE]),
    "export --to ics": (FLOOR + ", icalendar", ["export", ROUTINE, "--to", "ics"]),
}


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set; unset it to measure as users run supple")
    print(f"{'command':<18} {'install':<7} {'median':>9} {'floor':>8} {'ratio (median of pairs)':>24}")
    for name, (floor, argv) in COMMANDS.items():
        for label, bin_dir in (("before", args.before), ("after", args.after)):
            python = str(Path(bin_dir) / "python")
            script = str(Path(bin_dir) / "supple")
            tree = str(Path(bin_dir).resolve().parents[1])
            cmd = [script, *[a.format(tree=tree) for a in argv]]
            for _ in range(3):  # warm the caches (bytecode, entry points)
                wall(cmd), wall([python, "-c", floor])
            floors, runs = [], []
            for _ in range(args.runs):
                floors.append(wall([python, "-c", floor]))
                runs.append(wall(cmd))
            ratios = [r / f for r, f in zip(runs, floors)]
            print(f"{name:<18} {label:<7} {statistics.median(runs):>7.1f}ms {statistics.median(floors):>6.1f}ms "
                  f"{statistics.median(ratios):>23.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
