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


def readme_routine() -> str:
    """The routine the README shows (the ```toml block that uses childs-pose)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    (routine,) = [b for b in blocks if 'exercise = "childs-pose"' in b]
    return routine


def test_the_readme_routine_still_checks_with_a_warning_and_plans_the_built_in_childs_pose(
        installed, tmp_path):
    routine = tmp_path / "readme.toml"
    routine.write_text("# my morning routine\n" + readme_routine(), encoding="utf-8")
    checked = installed("check", str(routine))
    assert checked.returncode == 0, checked.stderr
    assert "OK" in checked.stdout
    assert ("exercise 'childs-pose' is in more than one set: backcare/childs-pose is used"
            in checked.stderr)
    assert "also freedb/childs-pose" in checked.stderr
    planned = installed("plan", str(routine), "--json", "--week", "1")
    assert planned.returncode == 0, planned.stderr
    steps = json.loads(planned.stdout)["sessions"][0]["steps"]
    assert [(s["set"], s["exercise"]) for s in steps] == [
        ("backcare", "cat-cow"), ("backcare", "childs-pose")]


def test_check_fix_qualifies_the_names_in_place_and_keeps_comments(installed, tmp_path):
    routine = tmp_path / "readme.toml"
    original = "# my morning routine\n" + readme_routine().replace(
        'exercise = "cat-cow"', 'exercise = "cat-cow"  # my favourite')
    routine.write_text(original, encoding="utf-8")
    fixed = installed("check", "--fix", str(routine))
    assert fixed.returncode == 0, fixed.stderr
    assert "steps[2].exercise: childs-pose -> backcare/childs-pose" in fixed.stdout
    text = routine.read_text(encoding="utf-8")
    assert 'exercise = "backcare/cat-cow"  # my favourite' in text
    assert 'exercise = "backcare/childs-pose"' in text
    assert text.startswith("# my morning routine\n")
    assert text.replace("backcare/", "") == original
    again = installed("check", str(routine))
    assert again.returncode == 0 and "more than one set" not in again.stderr
    assert installed("check", "--fix", str(routine)).stdout.strip() == f"OK   {routine}"


def test_an_osteoporosis_profile_gets_no_untagged_exercise_without_a_finding(installed, tmp_path):
    routine = tmp_path / "mixed.toml"
    routine.write_text(readme_routine() + '\n[[steps]]\nexercise = "freedb/sit-up"\n\n'
                       '[[steps]]\nexercise = "freedb/childs-pose"\n', encoding="utf-8")
    profile = tmp_path / "profile.toml"
    profile.write_text('[profile]\nconditions = ["osteoporosis"]\n', encoding="utf-8")
    planned = installed("plan", str(routine), "--json", "--profile", str(profile))
    assert planned.returncode == 0, planned.stderr
    plan = json.loads(planned.stdout)
    sets = {s["set"] for session in plan["sessions"] for s in session["steps"]}
    assert sets == {"backcare"}
    findings = [f for f in plan["safety"] if f["rule"] == "unreviewed-tags"]
    assert {f["exercise"] for f in findings} == {"sit-up", "childs-pose"}
    assert all(f["action"] == "removed" and "'freedb'" in f["reason"] for f in findings)
