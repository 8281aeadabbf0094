"""The ``md`` exporter's handout: what it contains, its options, and how it is written.

Golden files: tests/plugins/golden/morning-mobility.md is the handout of the bundled routine
``morning-mobility`` exactly as ``supple export morning-mobility --to md --start 2026-12-07
--timezone Europe/Madrid`` writes it (the routine is a template: the golden file fixes its dates). When a
deliberate change (to the handout, the content or the planning) alters it, regenerate every
golden file with one command and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/plugins/test_markdown_handout.py tests/plugins/test_json_export.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import make_registry, plan_routine

ROOT = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    assert data == path.read_bytes(), f"{name} differs from its golden file (UPDATE_GOLDEN=1 regenerates)"


# --- test plugins -----------------------------------------------------------------------------


class StepUp:
    """A progression that adds two repetitions in week 3 and two more from week 5."""

    @supple.hookimpl
    def supple_progression_strategies(self):
        def dose_for(base, week, options, context):
            extra = 0 if week < 3 else (2 if week < 5 else 4)
            return attrs.evolve(base, reps=base.reps + extra) if base.reps else base

        yield supple.ProgressionStrategy(name="test-step-up", summary="test", dose_for=dose_for)


class KneeFilter:
    """A safety filter for the condition ``test-knee``: the pelvic tilt is replaced by its
    seated variant and child's pose is removed."""

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            if not context.profile.has("test-knee"):
                return supple.SafetyResult(steps=steps)
            kept, findings = [], []
            for step in steps:
                if step.exercise.id == "childs-pose":
                    findings.append(supple.SafetyFinding(
                        rule="test-knee-kneeling", action="removed", exercise=step.exercise.id,
                        step=step.number, reason="Kneeling loads the knee.", source="Test source 1"))
                    continue
                if step.exercise.id == "pelvic-tilt":
                    seated = context.catalogue.get("backcare/seated-pelvic-tilt").exercise
                    findings.append(supple.SafetyFinding(
                        rule="test-knee-floor", action="replaced", exercise=step.exercise.id,
                        step=step.number, replacement=seated.id,
                        reason="Getting down to the floor is hard.", source="Test source 2"))
                    step = attrs.evolve(step, exercise=seated)
                kept.append(step)
            return supple.SafetyResult(steps=kept, findings=findings)

        yield supple.SafetyFilter(
            name="test-knee-filter", summary="test", apply=apply,
            conditions={"test-knee": "A sore knee (test)."},
        )


ROUTINE = """\
[routine]
title = "Test programme"
summary = "A short programme for the tests."
revised = 2026-11-01

[schedule]
start = 2026-12-07
weeks = 6
days = ["mon", "wed", "fri"]
times = ["07:30", "18:00"]
timezone = "Europe/Madrid"

[progression]
strategy = "test-step-up"

[[steps]]
exercise = "pelvic-tilt"
reps = 8

[[steps]]
exercise = "childs-pose"
hold = "30s"
sets = 2

[[steps]]
exercise = "cat-cow"
reps = 10
note = "Go gently in the morning."
"""


def handout(routine: str, *plugins, profile=None, **options) -> str:
    from supple_markdown import render
    from supple_markdown.options import HandoutOptions

    registry = make_registry(StepUp(), KneeFilter(), *plugins, builtins=True)
    plan = plan_routine(routine, registry, profile)
    return render(plan, HandoutOptions(**options)).decode("utf-8")


def section(text: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.index(f"\n{heading}\n")
    rest = text[start + len(heading) + 2:]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


# --- the bundled routine ----------------------------------------------------------------------


def test_morning_mobility_handout_matches_its_golden_file():
    result = run("export", "morning-mobility", "--to", "md", "--start", "2026-12-07", "--timezone", "Europe/Madrid")
    assert result.exit_code == 0, result.output
    check_golden("morning-mobility.md", result.stdout_bytes)


def test_handout_is_deterministic_and_the_same_on_stdout_and_in_a_file(tmp_path):
    first = run("export", "morning-mobility", "--to", "md").stdout_bytes
    second = run("export", "morning-mobility", "--to", "md").stdout_bytes
    assert first == second
    out = tmp_path / "handout.md"
    result = run("export", "morning-mobility", "--to", "md", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == first
    assert "Wrote" in result.stderr


def test_output_refuses_to_overwrite_the_routine_or_the_profile(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE.replace('strategy = "test-step-up"', 'strategy = "none"'), encoding="utf-8")
    before = routine.read_bytes()
    result = run("export", routine, "--to", "md", "-o", routine)
    assert result.exit_code == 2
    assert "refusing to overwrite an input file" in result.stderr
    assert routine.read_bytes() == before
    profile = tmp_path / "p.toml"
    profile.write_text("[profile]\npain = 2\n", encoding="utf-8")
    result = run("export", routine, "--to", "md", "--profile", profile, "-o", profile)
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr
    assert profile.read_text(encoding="utf-8") == "[profile]\npain = 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml", "r.toml"]  # no temp files left


# --- what the handout contains ----------------------------------------------------------------


def test_metadata_block_sets_title_subtitle_date_language_paper_font_and_margins():
    text = handout(ROUTINE, paper="letter", font_size=12, margin_mm=25, lang="en-US",
                   subtitle="For Ana", prepared_by="Dr Ruiz")
    assert text.startswith("---\n")
    meta = text.split("\n---\n", 1)[0]
    assert 'title: "Test programme"' in meta
    assert 'subtitle: "For Ana"' in meta and 'author: "Dr Ruiz"' in meta
    assert 'date: "Revised 1 November 2026"' in meta
    assert 'lang: "en-US"' in meta and 'papersize: "letter"' in meta and 'fontsize: "12pt"' in meta
    assert 'geometry:\n- "margin=25mm"' in meta


def test_overview_says_what_how_long_when_and_how_the_dose_grows():
    text = handout(ROUTINE)
    about = section(text, "## About this programme")
    assert "A short programme for the tests." in about
    assert "**Each session:** 3 exercises, about " in about
    assert "**When:** on Monday, Wednesday and Friday at 07:30 and 18:00 (Europe/Madrid time)." in about
    assert "**Dates:** Monday 7 December 2026 to Friday 15 January 2027: 6 weeks, 36 sessions." in about
    assert "the dose changes from week to week" in about
    table = section(text, "### Week by week")
    assert "| 1 | 7 to 13 December 2026 | 6 |" in table
    assert "| 2 | 14 to 20 December 2026 | 6 | " in table and "| no change |" in table
    rows = {line.split(" | ")[0]: line for line in table.splitlines() if line.startswith("| ")}
    assert rows["| 3"].endswith("| Pelvic tilt: 10 reps, hold 5 s; Cat-cow: 12 reps, hold 3 s |")
    assert rows["| 4"].endswith("| no change |")
    assert rows["| 5"].endswith("| Pelvic tilt: 12 reps, hold 5 s; Cat-cow: 14 reps, hold 3 s |")


def test_each_exercise_has_steps_dose_by_phase_cues_breathing_cautions_and_easier_option():
    text = handout(ROUTINE)
    cat = section(text, "### 3. Cat-cow")
    assert (
        "**Dose by phase:**\n\n- Weeks 1 to 2: 10 reps, hold 3 s\n- Weeks 3 to 4: 12 reps, hold 3 s\n"
        "- Weeks 5 to 6: 14 reps, hold 3 s\n"
    ) in cat
    assert re.search(r"\*\*How to do it:\*\*\n\n1\. .+\n2\. ", cat)
    assert "**Cues:**\n\n- " in cat and "**Breathing:** " in cat and "**Take care:**\n\n- " in cat
    assert "**Note for you:** Go gently in the morning." in cat
    assert "*Sources:* " in cat
    tilt = section(text, "### 1. Pelvic tilt")
    assert "**Easier option:** Seated pelvic tilt. Sitting on a chair" in tilt
    assert "\n1. Sit near the front of a firm chair" in tilt
    child = section(text, "### 2. Child's pose")
    assert "**Dose:** 2 x hold 30 s" in child and "every week." in child


def test_tracking_log_has_a_check_box_and_pain_scores_for_every_session():
    text = handout(ROUTINE)
    log = text[text.index("## Tracking log"):]
    boxes = re.findall(r"^- \[ \] (\w{3} \d+ \w{3}), (\d\d:\d\d)\. Pain before: ___ after: ___$", log, re.M)
    assert len(boxes) == 36
    assert boxes[:3] == [("Mon 7 Dec", "07:30"), ("Mon 7 Dec", "18:00"), ("Wed 9 Dec", "07:30")]
    assert re.findall(r"^### Week (\d+)", log, re.M) == [str(n) for n in range(1, 7)]
    assert "0 (no pain) to 10" in log


def test_routine_without_schedule_gets_a_blank_log_by_week_and_day():
    routine = ROUTINE.split("[schedule]")[0] + "[[steps]]\nexercise = \"cat-cow\"\n"
    text = handout(routine, log_weeks=2)
    assert "**When:** whenever suits you" in text
    log = text[text.index("## Tracking log"):]
    assert re.findall(r"^### Week (\d+)$", log, re.M) == ["1", "2"]
    days = re.findall(r"^- \[ \] (\w{3})\. Date: ______ Pain before: ___ after: ___$", log, re.M)
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] * 2
    assert "Week by week" not in text


def test_safety_section_says_what_changed_why_and_on_whose_authority(tmp_path):
    profile = tmp_path / "profile.toml"
    profile.write_text('[profile]\nconditions = ["test-knee"]\npain = 3\n', encoding="utf-8")
    text = handout(ROUTINE, profile=profile)
    safety = section(text, "## Safety: what was changed, and why")
    assert "against your profile (conditions: test-knee; pain today: 3 out of 10)" in safety
    assert ("- **Replaced:** Pelvic tilt (step 1), replaced by Seated pelvic tilt. Getting down "
            "to the floor is hard. Source: Test source 2. (Rule: test-knee-floor)") in safety
    assert "- **Removed:** Child's pose (step 2)." in safety
    assert "Kneeling loads the knee. Source: Test source 1." in safety
    # the replaced and removed exercises are described no more; the seated tilt is
    assert "### 1. Seated pelvic tilt" in text and "Child's pose" not in section(text, "## The exercises")


def test_no_profile_and_waived_rules_are_said_plainly():
    text = handout(ROUTINE)
    safety = section(text, "## Safety: what was changed, and why")
    assert "No profile was given" in safety
    assert "made no changes" in safety
    person = supple.Profile(path="p.toml", allow=("test-knee-filter",), allowed_by="Dr Roe")
    waived = handout(ROUTINE, profile=person)
    assert "**Safety rules waived:** test-knee-filter (by your profile, agreed with Dr Roe). The changes" in waived


def test_disclaimer_opens_and_closes_the_handout():
    text = handout(ROUTINE)
    assert text.count(supple.DISCLAIMER) == 2
    assert text.split("\n---\n", 1)[1].lstrip().startswith("> **Please read first.** " + supple.DISCLAIMER)
    assert text.rstrip().endswith(supple.DISCLAIMER)


def test_page_breaks_follow_the_option():
    breaks = "::: pagebreak\n:::"
    assert handout(ROUTINE).count(breaks) == 2  # before the exercises, before the log
    assert handout(ROUTINE, page_breaks="exercises").count(breaks) == 4  # and between exercises
    assert handout(ROUTINE, page_breaks="none").count(breaks) == 0
    assert handout(ROUTINE, log=False).count(breaks) == 1
    assert "Tracking log" not in handout(ROUTINE, log=False)


def test_generated_text_is_plain_ascii_for_pdflatex():
    text = handout(ROUTINE)
    content = set()
    for ex in ("pelvic-tilt", "childs-pose", "cat-cow", "seated-pelvic-tilt"):
        entry = make_registry(builtins=True).catalogue.get(ex).exercise
        for value in (entry.name, entry.summary, entry.breathing, *entry.instructions, *entry.cues,
                      *entry.cautions, *(s.title for s in entry.sources)):
            content.update(value)
    stray = {c for c in text if ord(c) > 127} - content
    assert stray == set()


# --- options through the command line ---------------------------------------------------------


def test_options_come_from_the_routine_and_from_dash_o(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(
        ROUTINE.replace('strategy = "test-step-up"', 'strategy = "none"')
        + '\n[export.md]\npaper = "a5"\nprepared_for = "Ana"\n',
        encoding="utf-8",
    )
    result = run("export", routine, "--to", "md", "-O", "font_size=10", "-O", "log=false")
    assert result.exit_code == 0, result.output
    assert 'papersize: "a5"' in result.stdout and 'fontsize: "10pt"' in result.stdout
    assert "- **For:** Ana" in result.stdout and "Tracking log" not in result.stdout


@pytest.mark.parametrize("option, message", [
    ("font_size=13", "--option font_size: must be one of 10, 11, 12; got 13"),
    ("font_size=big", "--option font_size"),
    ("paper=b5", "--option paper: must be one of a4, a5, letter, legal; got 'b5'"),
    ("margin_mm=2", "--option margin_mm: must be between 10 and 40; got 2"),
    ("lang=en GB", "--option lang: must be a language tag"),
    ("page_breaks=always", "--option page_breaks: must be one of sections, exercises, none"),
    ("colour=red", "--option colour: unknown key"),
    ("log_weeks=0", "--option log_weeks: must be between 1 and 52"),
])
def test_bad_options_are_located_errors_and_nothing_is_written(tmp_path, option, message):
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE.replace('strategy = "test-step-up"', 'strategy = "none"'), encoding="utf-8")
    out = tmp_path / "out.md"
    result = run("export", routine, "--to", "md", "-O", option, "-o", out)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_bad_option_in_the_routine_file_names_the_file_and_key(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(
        ROUTINE.replace('strategy = "test-step-up"', 'strategy = "none"') + "\n[export.md]\nfont_size = 13\n",
        encoding="utf-8",
    )
    result = run("export", routine, "--to", "md")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{routine}: export.md.font_size: must be one of 10, 11, 12; got 13" in result.stderr


def test_importing_the_plugin_does_not_build_anything():
    code = textwrap.dedent("""
        import sys, supple_markdown
        assert "supple_markdown.handout" not in sys.modules
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


def test_python_dash_m_prints_the_page_break_filter_path():
    done = subprocess.run([sys.executable, "-m", "supple_markdown"], capture_output=True, text=True)
    path = Path(done.stdout.strip())
    assert done.returncode == 0 and path.name == "pagebreak.lua" and path.is_file()
    assert 'classes:includes("pagebreak")' in path.read_text(encoding="utf-8")
