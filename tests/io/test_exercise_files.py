"""Exercise sets in TOML: the docs' example works end to end from the user's config folder;
mistakes are located with did-you-mean; a broken file is left out on its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.io import config

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "exercise-sets.md"


def doc_blocks() -> list[str]:
    return re.findall(r"^```toml\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    (folder / "exercises").mkdir(parents=True)
    monkeypatch.setenv(config.ENV_CONFIG_DIR, str(folder))
    config.user_config.cache_clear()
    yield folder
    config.user_config.cache_clear()


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_the_docs_example_is_what_new_exercise_set_writes(tmp_path, home):
    target = tmp_path / "my-clinic.toml"
    result = run("new-exercise-set", str(target))
    assert result.exit_code == 0, result.output
    complete = [b for b in doc_blocks() if "[set]" in b]
    assert complete == [target.read_text(encoding="utf-8")]
    assert run("check", str(target)).stdout == f"OK   {target} (exercise set)\n"
    again = run("new-exercise-set", str(target))
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_a_set_written_from_the_docs_works_end_to_end(tmp_path, home):
    (set_block,) = [b for b in doc_blocks() if "[set]" in b]
    (home / "exercises" / "my-clinic.toml").write_text(set_block, encoding="utf-8")
    (routine_block,) = [b for b in doc_blocks() if "[routine]" in b]
    routine = tmp_path / "after-first-visit.toml"
    routine.write_text(routine_block, encoding="utf-8")
    assert run("check", str(routine)).exit_code == 0
    listed = run("exercises", "--set", "my-clinic")
    assert "my-clinic/wall-slide" in listed.stdout and "my-clinic/chair-squat" in listed.stdout
    plugins = run("plugins").stdout
    assert "my-clinic.toml: active" in plugins and "set my-clinic: 2 exercises, 1 without movement tags" in plugins
    plan = json.loads(run("plan", str(routine), "--json").stdout)
    steps = plan["sessions"][0]["steps"]
    assert [(s["set"], s["exercise"], s["sets"], s["reps"], s["rest_s"]) for s in steps][0] == (
        "my-clinic", "wall-slide", 2, 8, 30)
    # for someone with osteoporosis the reviewed set is planned like any other
    profile = tmp_path / "p.toml"
    profile.write_text('[profile]\nconditions = ["osteoporosis"]\n', encoding="utf-8")
    plan = json.loads(run("plan", str(routine), "--json", "--profile", str(profile)).stdout)
    assert plan["sessions"][0]["steps"][0]["exercise"] == "wall-slide"


def test_mistakes_are_located_with_did_you_mean_and_the_file_is_left_out_alone(tmp_path, home):
    (set_block,) = [b for b in doc_blocks() if "[set]" in b]
    broken = set_block.replace("breathing =", "breathng =").replace('hold = "2s"', 'hold = "2 secs"')
    path = home / "exercises" / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    checked = run("check", str(path))
    assert checked.exit_code == 2 and "Traceback" not in checked.output
    assert f"{path}: exercises[1].breathng: unknown key; did you mean 'breathing'?" in checked.stderr
    assert f"{path}: exercises[1].dose.hold: expected whole seconds" in checked.stderr
    plugins = run("plugins").stdout
    assert "broken.toml: partial" in plugins
    assert "raised ValueError: exercises[1].dose.hold: expected whole seconds" in plugins
    assert "(and 1 more: `supple check" in plugins
    assert run("plan", "morning-mobility").exit_code == 0  # the rest keeps working


def test_unknown_terms_in_a_file_are_reported_like_a_plugins(tmp_path, home):
    (set_block,) = [b for b in doc_blocks() if "[set]" in b]
    path = tmp_path / "typo.toml"
    path.write_text(set_block.replace('tags = ["balance"]', 'tags = ["balanse"]'), encoding="utf-8")
    checked = run("check", str(path))
    assert checked.exit_code == 2
    assert f"{path}: exercises[1]: unknown tag 'balanse'; did you mean 'balance'?" in checked.stderr


def test_config_toml_lists_more_folders(tmp_path, home):
    (set_block,) = [b for b in doc_blocks() if "[set]" in b]
    extra = tmp_path / "sets"
    extra.mkdir()
    (extra / "clinic.toml").write_text(set_block, encoding="utf-8")
    (home / "config.toml").write_text(f'[exercises]\nfolders = ["{extra}"]\n', encoding="utf-8")
    config.user_config.cache_clear()
    assert "my-clinic/wall-slide" in run("exercises", "--set", "my-clinic").stdout
    (home / "config.toml").write_text('[exercises]\nfolder = "x"\n', encoding="utf-8")
    config.user_config.cache_clear()
    result = run("exercises")
    assert result.exit_code == 2 and "exercises: expected a table with only the key folders" in result.stderr
