"""The pdf and html handouts: what they say (tailored cautions, stop signs, programme table),
their options, determinism and the missing-typst message."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import export_routine, load_test_profile, make_registry, plan_routine
from supple_handout.content import build
from supple_handout.options import HandoutOptions
from supple_handout.tailor import applies, groups_named

ROOT = Path(__file__).parents[2]
ROUTINES = ROOT / "routines"
PROFILES = ROOT / "tests" / "profiles"


@pytest.fixture(scope="module")
def registry():
    return make_registry(builtins=True)


def _doc(registry, routine="morning-mobility", profile=None, **options):
    plan = plan_routine(str(ROUTINES / f"{routine}.toml"), registry,
                        str(PROFILES / f"{profile}.toml") if profile else None)
    return build(plan, HandoutOptions(**options))


def _cautions(doc) -> str:
    return json.dumps([ex["cautions"] for ex in doc["exercises"]])


def test_caution_groups_are_read_from_the_words():
    assert groups_named("After the first trimester of pregnancy, lying flat ...") == {"pregnancy"}
    assert groups_named("If you have osteoporosis or have had a spinal fracture") == {"bone"}
    assert groups_named("Stop if pain spreads down a leg.") == set()
    older = load_test_profile(str(PROFILES / "over-seventy.toml"))
    assert applies("With osteoporosis keep the rounding small.", older)


def test_healthy_person_gets_no_pregnancy_or_bone_caution_but_every_general_one(registry):
    doc = _doc(registry, profile="healthy")
    text = _cautions(doc)
    assert "pregnan" not in text and "osteoporosis" not in text
    assert "Stop if pain spreads down a leg" in text
    assert any("left out" in ex["omitted"] for ex in doc["exercises"])
    assert "Pregnan" not in json.dumps(doc["stop_signs"]) and "Bleeding" not in json.dumps(doc["stop_signs"])


def test_pregnant_person_gets_pregnancy_cautions_and_stop_signs_not_bone_ones(registry):
    doc = _doc(registry, "stretch-and-strengthen", profile="pregnancy-week-22")
    text = _cautions(doc)
    assert "osteoporosis" not in text
    assert any("Bleeding" in s for s in doc["stop_signs"])


def test_osteoporosis_gets_bone_cautions_not_pregnancy_ones(registry):
    doc = _doc(registry, profile="osteoporosis")
    text = _cautions(doc)
    assert "pregnan" not in text.lower()
    assert "osteoporosis" in text


def test_without_a_profile_every_caution_is_shown(registry):
    doc = _doc(registry)
    plan = plan_routine(str(ROUTINES / "morning-mobility.toml"), registry)
    for ex, step in zip(doc["exercises"], plan.sessions[0].steps):
        assert ex["cautions"] == list(step.exercise.cautions) and ex["omitted"] == ""
    assert "No profile was given" in doc["safety"]["intro"]


def test_programme_table_has_a_picture_dose_and_how_often_per_exercise(registry):
    doc = _doc(registry, prepared_for="Ana", prepared_by="Clinic")
    assert [r["name"] for r in doc["programme"]] == [e["name"] for e in doc["exercises"]]
    assert len(doc["programme"]) == 5
    for row in doc["programme"]:
        assert row["picture"].startswith("<svg") and 0 < row["width"] <= 100
        assert row["often"] == "Every day at 07:30" and row["dose"]
    assert ["For", "Ana"] in doc["who"] and ["Prepared by", "Clinic"] in doc["who"]
    assert max(r["width"] for r in doc["programme"]) == 100
    assert [len(w["days"]) for w in doc["log"]["weeks"]] == [7] * 6
    no_pictures = _doc(registry, pictures=False, log=False)
    assert all(r["picture"] == "" for r in no_pictures["programme"]) and no_pictures["log"] is None


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_same_inputs_give_the_same_bytes(registry, fmt):
    routine = str(ROUTINES / "morning-mobility.toml")
    one = export_routine(routine, registry, fmt)
    two = export_routine(routine, make_registry(builtins=True), fmt)
    assert one == two
    if fmt == "pdf":
        assert one.startswith(b"%PDF-") and b"D:20261101" in one  # the routine's revised date


def test_missing_typst_names_the_install_command(registry, monkeypatch):
    monkeypatch.setitem(sys.modules, "typst", None)
    with pytest.raises(supple.InputError, match=r"pip install 'supple\[pdf\]'"):
        export_routine(str(ROUTINES / "morning-mobility.toml"), registry, "pdf")


def test_missing_typst_on_the_command_line_exits_2_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "typst", None)
    out = tmp_path / "h.pdf"
    result = CliRunner().invoke(cli, ["export", "morning-mobility", "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 2
    assert "supple[pdf]" in result.output and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("option, word", [("paper=a3", "paper"), ("large_print=maybe", "large_print"),
                                          ("font=comic", "font"), ("lang=x", "lang")])
def test_bad_options_name_the_option_and_exit_2(tmp_path, option, word):
    out = tmp_path / "h.html"
    result = CliRunner().invoke(cli, ["export", "morning-mobility", "--to", "html", "-O", option,
                                      "-o", str(out)])
    assert result.exit_code == 2
    assert word in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_large_print_and_sans_change_the_page(registry):
    routine = str(ROUTINES / "morning-mobility.toml")
    html = export_routine(routine, registry, "html", options={"large_print": True, "font": "sans"})
    assert b'<body class="sans large">' in html
    plain = export_routine(routine, registry, "pdf")
    large = export_routine(routine, registry, "pdf", options={"large_print": True})
    assert plain != large


def test_sans_pdf_uses_dejavu_sans_or_says_how_to_install_it(registry, tmp_path):
    import shutil
    import subprocess

    typst = pytest.importorskip("typst")
    routine = str(ROUTINES / "morning-mobility.toml")
    if "DejaVu Sans" not in typst.Fonts(include_system_fonts=True).families():
        with pytest.raises(supple.InputError, match="fonts-dejavu-core"):
            export_routine(routine, registry, "pdf", options={"font": "sans"})
        return
    pdf = tmp_path / "sans.pdf"
    pdf.write_bytes(export_routine(routine, registry, "pdf", options={"font": "sans"}))
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, timeout=60).stdout.decode()
        assert "DejaVuSans" in fonts and "Libertinus" not in fonts
