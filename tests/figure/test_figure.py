"""The pose model, the SVG renderer, Exercise.illustration/media and `supple exercise --picture`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.figure import Arrow, Illustration, Pose, Prop, joints, natural_size, render_svg

SVG = "{http://www.w3.org/2000/svg}"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _exercise(**kw):
    return supple.Exercise(id="demo", name="Demo", summary="s", kind="mobility", position="supine",
                           dose=supple.Dose(reps=5), sources=[supple.Source("t")], **kw)


def test_standing_figure_stands_on_the_floor_and_is_about_92_units_tall():
    j = joints(Pose())
    assert j["ankle"][1] == pytest.approx(2.0)
    assert j["head"][1] + 6 == pytest.approx(92.0)


def test_directions_follow_the_documented_convention():
    j = joints(Pose(x=0, y=50, torso=180, leg=(0, 0, 0)))  # lying: head left, legs right
    assert j["neck"][0] == pytest.approx(-30.0) and j["neck"][1] == pytest.approx(50.0)
    assert j["knee"][0] == pytest.approx(22.0)


@pytest.mark.parametrize("bad", [
    lambda: Pose(torso=float("nan")),
    lambda: Pose(arm=(1, 2, 3)),
    lambda: Pose(leg=("a", 1, 2)),
    lambda: Prop("trampoline"),
    lambda: Arrow((0, 0), (1, 1), kind="zigzag"),
    lambda: Illustration(start="standing"),
    lambda: Illustration(start=Pose(), view="below"),
])
def test_model_rejects_bad_values(bad):
    with pytest.raises((ValueError, TypeError)):
        bad()


def test_render_is_deterministic_valid_svg_without_text():
    ill = Illustration(start=Pose(), end=Pose(torso=100, bend=-10), props=(Prop("chair", x=30),),
                       arrows=(Arrow((5, 80), (0, 90), bend=30), Arrow((0, 60), (12, 4), kind="turn")))
    one, two = render_svg(ill), render_svg(ill)
    assert one == two
    root = ET.fromstring(one)
    assert root.tag == SVG + "svg"
    assert not list(root.iter(SVG + "text"))
    w, h = natural_size(ill)
    assert root.get("viewBox") == f"0 0 {w:g} {h:g}" or root.get("viewBox").startswith("0 0 ")
    assert render_svg(ill, height=100).count('height="100"') == 1


def test_every_builtin_exercise_has_an_illustration_that_renders():
    from supple_backcare.exercises import EXERCISES
    from supple_backcare.poses import POSES

    assert set(POSES) == {e.id for e in EXERCISES}
    registry = supple.load_registry()
    for entry in registry.catalogue.filter(set_name=("backcare",)):
        assert entry.exercise.drawing is POSES[entry.exercise.id]
        ET.fromstring(render_svg(entry.exercise.drawing))


def test_exercise_illustration_and_media_are_checked():
    with pytest.raises(TypeError, match="illustration"):
        _exercise(illustration="a drawing")
    with pytest.raises(TypeError, match="media"):
        _exercise(media=["https://example.org/x.png"])
    with pytest.raises(ValueError, match="licence"):
        supple.Media(kind="image", path="x.png", licence=" ", attribution="me")
    with pytest.raises(ValueError, match="path or a url"):
        supple.Media(kind="video", licence="CC-BY-4.0", attribution="me")
    ex = _exercise(media=[supple.Media(kind="video", url="https://example.org/v", licence="CC-BY-4.0",
                                       attribution="A. Physio", title="Demo video")])
    assert ex.media[0].attribution == "A. Physio" and ex.illustration is None


def test_exercise_command_names_its_picture_and_writes_it(tmp_path):
    shown = run("exercise", "cat-cow")
    assert shown.exit_code == 0
    assert "Picture: start and end positions drawn by supple" in shown.output
    target = tmp_path / "cat-cow.svg"
    done = run("exercise", "cat-cow", "--picture", str(target))
    assert done.exit_code == 0, done.output
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    assert root.tag == SVG + "svg"


def test_picture_of_an_exercise_without_one_is_a_clear_error(tmp_path):
    from supple import CatalogueEntry, InputError
    from supple.cli.picture import media_lines, write_picture

    media = supple.Media(kind="image", path="img/<b>.png", licence="CC0-1.0", attribution="Me\x1b[31m")
    entry = CatalogueEntry(_exercise(media=[media]), "demo", "demo-plugin")
    with pytest.raises(InputError, match="has no picture"):
        write_picture(entry, str(tmp_path / "x.svg"))
    assert not (tmp_path / "x.svg").exists()
    lines = "\n".join(media_lines(entry.exercise))
    assert "Picture: none." in lines and "image: img/<b>.png (licence CC0-1.0" in lines
    assert "\x1b" not in lines
