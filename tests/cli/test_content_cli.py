"""End to end, in a real process: the generated untagged 873-exercise set (benchmarks/bigset.py)
installed as a third-party distribution beside the built-in set."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.fixture
def installed(tmp_path):
    """Run ``python -m supple ARGS`` with the freedb plugin installed; returns the runner."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(ROOT / "benchmarks" / "bigset.py", site / "supple_freedb.py")
    info = site / "supple_freedb-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: supple-freedb\nVersion: 1.0\n\n")
    (info / "entry_points.txt").write_text("[supple]\nfreedb = supple_freedb\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPLE_")}
    env.update(PYTHONPATH=str(site), SUPPLE_CONFIG_DIR=str(tmp_path / "config"),
               SUPPLE_CACHE_DIR=str(tmp_path / "cache"), PYTHONDONTWRITEBYTECODE="1")

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "supple", *args], capture_output=True,
                              text=True, env={**env, **extra}, timeout=120, cwd=tmp_path)

    return run


def test_supple_plugins_says_how_many_exercises_lack_movement_tags(installed):
    listed = installed("plugins")
    assert listed.returncode == 0, listed.stderr
    assert ("set freedb: 873 exercises, 873 without movement tags, 873 of unknown position; "
            "tags NOT reviewed") in listed.stdout
    data = {p["name"]: p for p in json.loads(installed("plugins", "--json", "--all").stdout)}
    assert data["freedb"]["exercise_sets"] == [{
        "name": "freedb", "exercises": 873, "untagged": 873, "unknown_position": 873,
        "tags_reviewed": False}]
    (builtin,) = data["backcare"]["exercise_sets"]
    assert builtin["tags_reviewed"] is True and builtin["untagged"] < builtin["exercises"]
