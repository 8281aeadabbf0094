"""Benchmark: `supple sync` of a 52-week, twice-daily programme (728 events) to a local
Radicale CalDAV server, run as the console script in a fresh process each time.

    .venv/bin/python benchmarks/bench_sync.py [--repeat N]

Starts Radicale on 127.0.0.1 (a random port, a temporary storage folder; the helper is
tests/sync/radicale_server.py), then times:

1. the first sync (728 events written; goal: under 60 s);
2. a re-sync with nothing changed, N times (goal: under 3 s and zero write requests);
3. a re-sync after one week's doses changed (week 11 of 52, through a phased progression):
   it must write exactly that week's 14 events.

Write requests are counted from the server's own log (PUT, DELETE, ...), not by the client.
Prints wall-clock times (and the median of the N re-syncs) and the CPU time of the `supple`
process itself and of the Radicale process, which shows how much of the wall-clock time is supple's and how much the
server's. ``--mtime-cache`` runs Radicale with its file-time item cache check. Unset PYTHONDONTWRITEBYTECODE
for timing runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUPPLE = [sys.executable, "-m", "supple"]


def _server_module():
    spec = importlib.util.spec_from_file_location("radicale_server", ROOT / "tests" / "sync" / "radicale_server.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def routine(start: dt.date, week_11_reps: int) -> str:
    """52 weeks, twice daily, five steps; week 11's pelvic tilts come from a phase of their own."""
    text = (ROOT / "routines" / "morning-mobility.toml").read_text(encoding="utf-8")
    text = text.replace("start = 2026-12-07", f"start = {start.isoformat()}")
    text = text.replace("weeks = 6", "weeks = 52").replace('times = ["07:30"]', 'times = ["07:30", "19:00"]')
    text = text.replace('id = "morning-mobility"', 'id = "bench-sync"')
    marker = 'exercise = "backcare/pelvic-tilt"\nreps = 8\nhold = "3s"\n'
    assert marker in text
    phases = (f"[steps.progression]\nstrategy = \"phased\"\nphases = [{{ weeks = 10, reps = 8 }}, "
              f"{{ weeks = 1, reps = {week_11_reps} }}, {{ weeks = 41, reps = 8 }}]\n")
    return text.replace(marker, marker + phases)


def server_cpu(server) -> float:
    """CPU seconds the Radicale process has used so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="re-syncs with nothing changed")
    parser.add_argument("--mtime-cache", action="store_true",
                        help="run Radicale with use_mtime_and_size_for_item_cache = True (its "
                             "item cache checked by file time and size instead of a hash of the file)")
    args = parser.parse_args(argv)
    radicale = _server_module()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "radicale").mkdir()
        options = ("use_mtime_and_size_for_item_cache = True",) if args.mtime_cache else ()
        server = radicale.RadicaleServer(work / "radicale", storage_options=options)
        server.start()
        try:
            url = server.make_calendar()
            path = work / "bench-sync.toml"
            start = dt.date.today() + dt.timedelta(days=7)
            env = dict(os.environ, SUPPLE_CALDAV_PASSWORD=radicale.PASSWORD,
                       SUPPLE_DATA_DIR=str(work / "data"), SUPPLE_CACHE_DIR=str(work / "cache"),
                       SUPPLE_CONFIG_DIR=str(work / "config"), NETRC=str(work / "no-netrc"))

            def sync(label: str) -> tuple[float, int, dict]:
                before = server.writes()
                cpu_before = os.times()
                server_before = server_cpu(server)
                begin = time.perf_counter()
                done = subprocess.run([*SUPPLE, "sync", str(path), "--url", url, "--user", radicale.USER,
                                       "--json"], env=env, capture_output=True, text=True, check=False)
                elapsed = time.perf_counter() - begin
                cpu_after = os.times()
                served = server_cpu(server) - server_before
                cpu = (cpu_after.children_user + cpu_after.children_system
                       - cpu_before.children_user - cpu_before.children_system)
                if done.returncode != 0:
                    raise SystemExit(f"{label}: exit {done.returncode}: {done.stderr}")
                writes = server.writes() - before
                counts = json.loads(done.stdout)["counts"]
                print(f"{label:38s} {elapsed:7.2f} s (CPU: supple {cpu:5.2f} s, Radicale {served:5.2f} s)   "
              f"write requests {writes:4d}   "
                      f"added {counts['added']} changed {counts['changed']} removed {counts['removed']} "
                      f"unchanged {counts['unchanged']}")
                return elapsed, writes, counts

            path.write_text(routine(start, 8), encoding="utf-8")
            subprocess.run([*SUPPLE, "check", str(path)], env=env, check=True, capture_output=True)  # warm caches
            first, writes, counts = sync("first sync (728 events)")
            assert counts["added"] == 728 and writes == 728, (counts, writes)
            again = []
            for n in range(args.repeat):
                elapsed, writes, counts = sync(f"re-sync, nothing changed ({n + 1})")
                assert writes == 0 and counts["unchanged"] == 728
                again.append(elapsed)
            path.write_text(routine(start, 9), encoding="utf-8")
            week, writes, counts = sync("re-sync, week 11's doses changed")
            assert writes == 14 and counts["changed"] == 14, (writes, counts)
            print(f"\nfirst sync {first:.2f} s (goal < 60 s); re-sync with nothing changed median "
                  f"{statistics.median(again):.2f} s, max {max(again):.2f} s (goal < 3 s), 0 writes; "
                  f"one week changed {week:.2f} s, {writes} writes (that week's 14 events)")
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
