"""Time `supple export morning-mobility --to pdf` and `--to html` end to end (issue 19).

    .venv/bin/python benchmarks/bench_handout.py [--runs N]

Each run is a fresh process, as a user runs the command (bytecode caching on; the first,
untimed run warms the caches). Targets: PDF under 2 s, HTML under 0.5 s, wall time. Prints the
median and the spread; nothing is asserted (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
TARGETS = {"pdf": 2.0, "html": 0.5}


def once(fmt: str, out: Path) -> float:
    """Wall seconds of one `supple export morning-mobility --to FMT -o OUT`."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "supple", "export", "morning-mobility", "--to", fmt,
                    "-o", str(out)], check=True, env=ENV, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    """Run the measurements and print one line per format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for fmt, target in TARGETS.items():
            out = Path(folder) / f"h.{fmt}"
            once(fmt, out)  # warm-up
            times = sorted(once(fmt, out) for _ in range(args.runs))
            median = statistics.median(times)
            verdict = "within" if median < target else "OVER"
            print(f"export --to {fmt:<4}  median {median * 1000:7.0f} ms  "
                  f"(min {times[0] * 1000:.0f}, max {times[-1] * 1000:.0f}; {args.runs} runs; "
                  f"{out.stat().st_size:,} bytes)  target < {target * 1000:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
