"""Issue 18, the first hour of three new users: items 1 (new-plugin without pytest), 8
(sources), 9 (completion) and 10 (small things). Items 2 to 7 and 11: test_first_hour.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.testing import make_registry, plan_routine

ROOT = Path(__file__).parents[2]
PROFILES = ROOT / "tests" / "profiles"
SUPPLE = str(Path(sys.executable).with_name("supple"))


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --- 1: new-plugin on the main install ---------------------------------------------------------

def test_new_plugin_works_without_pytest_and_says_its_tests_need_the_extra(tmp_path):
    code = ("import sys; sys.modules['pytest'] = None; import supple.testing; "  # no pytest installed
            "from supple.cli import main; sys.argv = ['supple', 'new-plugin', 'my-stretches']; main()")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "internal error" not in proc.stderr
    assert "tests need pytest, from the plugin's test extra" in proc.stdout
    assert (tmp_path / "supple-my-stretches" / "tests" / "test_my_stretches.py").exists()


# --- 8: sources are traceable; no internal file name in any output ----------------------------

FILE_NAME = re.compile(r"_[0-9a-f]{16}\.txt")


def test_no_internal_file_name_in_plan_export_exercise_or_safety_output(tmp_path):
    outputs = [run("exercise", ex["id"]).stdout for ex in json.loads(run("exercises", "--json").stdout)]
    outputs.append(run("exercises", "--json").stdout)
    for profile in ("osteoporosis", "pregnancy-week-22", "disc-herniation", "healthy"):
        path = str(PROFILES / f"{profile}.toml")
        for name in ("back-release-stretches", "morning-mobility", "seven-exercises", "thoracic-rotation-daily"):
            outputs += [run("plan", name, "-p", path).stdout, run("plan", name, "-p", path, "--json").stdout]
        outputs += [run("export", "back-release-stretches", "--to", fmt, "-p", path).stdout for fmt in ("md", "json")]
        outputs.append(run("exercises", "--suits", "-p", path).stdout)
    outputs += [run("safety").stdout, run("safety", "--json").stdout]
    assert sum(len(text) for text in outputs) > 100_000
    for text in outputs:
        assert not FILE_NAME.search(text), FILE_NAME.search(text)


def test_every_source_has_an_origin_and_the_clinical_ones_a_year():
    registry = make_registry(builtins=True)
    sources = {s.ref: s for entry in registry.catalogue for s in entry.exercise.sources}
    assert {"article 000", "article 001", "article 002", "article 003", "article 004"} <= set(sources)
    for source in sources.values():
        assert source.title and source.author, source
        if not source.ref.startswith("article"):
            assert source.year, source
    assert sources["article 000"].author.startswith("Vitia") and sources["article 000"].year == 2026
    assert sources["ROS 2022"].url == "https://doi.org/10.1136/bjsports-2021-104634"
    shown = run("exercise", "thoracic-foam-roll").stdout
    assert "article 001: How to crack your back alone" in shown
    assert "Bartsch 2021: Expert consensus" in shown and "https://doi.org/10.3390/jcm10225360" in shown
    assert "The article " not in shown  # which one? it names it


# --- 9: completion ------------------------------------------------------------------------------

def complete(words: str, shell: str = "bash") -> list[str]:
    incomplete = "" if words.endswith(" ") else words.split()[-1]
    # bash and zsh pass the index of the word being completed, fish the word itself
    cword = incomplete if shell == "fish" else str(len(words.split()) - (0 if words.endswith(" ") else 1))
    env = {**os.environ, "_SUPPLE_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": cword}
    proc = subprocess.run([SUPPLE], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


@pytest.mark.parametrize("words, expected", [
    ("supple ex", {"plain,exercise", "plain,exercises", "plain,export"}),
    ("supple plan --w", {"plain,--week", "plain,--weeks"}),
    ("supple plan desk", {"plain,desk-break", "file,desk"}),
    ("supple check morn", {"plain,morning-mobility", "file,morn"}),
    ("supple export desk-break --to ", {"plain,html", "plain,ics", "plain,json", "plain,md", "plain,pdf"}),
    ("supple export desk-break -o ", {"file,"}),
    ("supple plan --profile ", {"file,"}),
    ("supple exercise cat", {"plain,cat-cow"}),
    ("supple exercise backcare/cat", {"plain,backcare/cat-cow"}),
    ("supple exercises --position s", {"plain,seated", "plain,side-lying", "plain,standing", "plain,supine"}),
    ("supple exercises --kind m", {"plain,mobility", "plain,motor-control"}),
    ("supple exercises --set b", {"plain,backcare"}),
])
def test_bash_completion_offers_commands_options_files_and_names(words, expected):
    assert set(complete(words)) == expected


def test_zsh_and_fish_completion_offer_the_same_names():
    assert complete("supple exercises --kind m", "zsh") == ["plain", "mobility", "_", "plain", "motor-control", "_"]
    assert complete("supple exercises --kind m", "fish") == ["plain,mobility", "plain,motor-control"]


def test_completion_scripts_exist_for_each_shell_and_are_documented():
    for shell in ("bash", "zsh", "fish"):
        proc = subprocess.run([SUPPLE], env={**os.environ, "_SUPPLE_COMPLETE": f"{shell}_source"},
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and "_SUPPLE_COMPLETE" in proc.stdout
        assert f"_SUPPLE_COMPLETE={shell}_source supple" in (ROOT / "docs" / "completion.md").read_text()
    assert "_SUPPLE_COMPLETE=bash_source supple" in (ROOT / "README.md").read_text()


# --- 10: small things ---------------------------------------------------------------------------

def test_bare_supple_shows_the_help_and_succeeds():
    result = run()
    assert result.exit_code == 0 and "Commands:" in result.stdout


def test_one_session_is_singular(tmp_path):
    routine = tmp_path / "once.toml"
    routine.write_text('[routine]\ntitle = "Once"\n[schedule]\nstart = 2026-12-07\nweeks = 1\n'
                       'days = ["mon"]\ntimes = ["07:30"]\n[[steps]]\nexercise = "cat-cow"\n')
    result = run("export", str(routine), "--to", "json", "-o", str(tmp_path / "once.json"))
    assert result.exit_code == 0 and "1 session)" in result.stderr


def test_plan_dates_are_the_first_and_last_sessions(tmp_path):
    routine = tmp_path / "uni.toml"
    routine.write_text('[routine]\ntitle = "Uni"\n[schedule]\nstart = 2026-11-30\nweeks = 8\n'
                       'days = ["mon", "wed", "fri"]\ntimes = ["07:30"]\ntimezone = "Europe/Madrid"\n'
                       '[[steps]]\nexercise = "cat-cow"\n')
    text = " ".join(run("plan", str(routine)).stdout.split())
    assert "2026-11-30 to 2027-01-22, 24 sessions" in text


def test_no_disclaimer_under_the_log_and_the_catalogue_list(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    for args in (["log"], ["exercises"]):
        result = run(*args)
        assert result.exit_code == 0 and "not medical advice" not in result.stdout
    assert "not medical advice" in run("exercise", "cat-cow").stdout


def test_a_note_that_repeats_the_breathing_cue_is_shown_once():
    text = run("plan", "morning-mobility").stdout
    assert "Breathing: Breathe out as you open" in text and "Note: Breathe out as you open." not in text


def test_alternating_sides_take_turns_rep_by_rep():
    registry = make_registry(builtins=True)
    plan = plan_routine('[routine]\ntitle = "Turns"\n[[steps]]\nexercise = "standing-gentle-rotation"\n'
                        'reps = 3\n', registry)
    timeline = plan.sessions[0].timeline
    work = [(s.rep, s.side) for s in timeline.segments if s.kind == "work"]
    assert work == [(1, "left"), (1, "right"), (2, "left"), (2, "right"), (3, "left"), (3, "right")]
    assert not [s for s in timeline.segments if s.kind == "switch"]
    assert timeline.steps[0].dose.describe() == "3 reps, each side, alternating"
    # an exercise done side by side keeps its sets per side
    plain = plan_routine('[routine]\ntitle = "Sides"\n[[steps]]\nexercise = "side-lying-thoracic-rotation"\n',
                         registry).sessions[0].timeline
    assert [s.side for s in plain.segments if s.kind == "work"] == ["left", "right"]


def test_the_handout_docs_name_the_packages_for_a_check_mark():
    text = (ROOT / "docs" / "handout.md").read_text()
    assert "texlive-xetex" in text and "fonts-dejavu-core" in text and "--pdf-engine=xelatex" in text
    assert run("export", "morning-mobility", "--to", "md").stdout.isascii()  # what supple writes itself


@pytest.mark.slow
def test_the_readme_tour_runs_as_written(tmp_path):
    """Every command of the README's tour, as written, after the README's install (supple on the
    PATH of the activated virtual environment), in a copy of the clone's routines."""
    readme = (ROOT / "README.md").read_text()
    tour = readme[readme.index("## A short tour"):]
    block = tour[tour.index("```sh\n") + 6:]
    block = block[:block.index("```")]
    shutil.copytree(ROOT / "routines", tmp_path / "routines")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": f"{Path(SUPPLE).parent}{os.pathsep}{os.environ['PATH']}"}
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith(". .venv")]
    assert len(commands) >= 20
    for command in commands:
        proc = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 0, (command, proc.stderr)
        assert "Traceback" not in proc.stderr
