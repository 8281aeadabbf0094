"""Every file in tests/corpus/routines/ is broken in one way; each must give exit status 2 and
one clear message naming the file, the key path and what is wrong, never a traceback.

A corpus file states what it expects on its first line: ``# expect: KEY | message fragment``
(KEY empty when the problem is the whole file). Files that cannot carry a comment (empty,
binary, not UTF-8) have their expectation here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli

CORPUS = Path(__file__).parent.parent / "corpus" / "routines"
WITHOUT_HEADER = {
    "empty.toml": ("", "is empty"),
    "binary.toml": ("", "is a binary file"),
    "latin1.toml": ("", "is not UTF-8"),
}


def expectation(path: Path) -> tuple[str, str]:
    if path.name in WITHOUT_HEADER:
        return WITHOUT_HEADER[path.name]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# expect:\s*(.*?)\s*\|\s*(.*)$", first)
    assert match, f"{path.name} has no '# expect:' first line"
    return match.group(1).strip(), match.group(2).strip()


CASES = sorted(CORPUS.glob("*.toml"))


def test_corpus_is_not_empty():
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_broken_routine_is_reported_with_file_key_and_reason(path: Path, tmp_path: Path):
    key, fragment = expectation(path)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("supple: error:")]
    assert errors, result.output
    located = f"{path}: {key}: " if key else f"{path}: "
    assert any(line.startswith(f"supple: error: {located}") and fragment in line for line in errors), (
        f"expected an error at {located!r} containing {fragment!r}, got:\n{result.output}"
    )


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_broken_routine_export_writes_nothing(path: Path, tmp_path: Path):
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "json", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert not out.exists()
    assert os.listdir(tmp_path) == []


def test_missing_file_is_reported(tmp_path: Path):
    missing = tmp_path / "nope.toml"
    result = CliRunner().invoke(cli, ["check", str(missing)])
    assert result.exit_code == 2
    assert f"supple: error: {missing}: no such file" in result.output


def test_directory_given_as_routine_is_reported(tmp_path: Path):
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 2
    assert "is a directory" in result.output


def test_check_reports_every_file_and_every_problem(tmp_path: Path):
    good = Path(__file__).parents[2] / "routines" / "morning-mobility.toml"
    bad = tmp_path / "bad.toml"
    bad.write_text('[routine]\ntitle = "x"\n[[steps]]\nexercise = "cat-cow"\nreps = "1"\nsets = true\n')
    result = CliRunner().invoke(cli, ["check", str(good), str(bad)])
    assert result.exit_code == 2
    assert f"OK   {good}" in result.output
    assert "steps[1].reps" in result.output and "steps[1].sets" in result.output
