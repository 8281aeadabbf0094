"""Every file in tests/corpus/profiles/ is a broken profile: `supple plan --profile FILE` and
`supple export` must exit 2 with one clear message naming the file and key, write nothing,
and never print a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli

CORPUS = Path(__file__).parent.parent / "corpus" / "profiles"
CASES = sorted(CORPUS.glob("*.toml"))


def expectation(path: Path) -> tuple[str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# expect:\s*(.*?)\s*\|\s*(.*)$", first)
    assert match, f"{path.name} has no '# expect:' first line"
    return match.group(1).strip(), match.group(2).strip()


def test_profile_corpus_is_not_empty():
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_broken_profile_is_reported_with_file_key_and_reason(path: Path, tmp_path: Path):
    key, fragment = expectation(path)
    out = tmp_path / "plan.ics"
    for args in (["plan", "morning-mobility"], ["export", "morning-mobility", "--to", "json", "-o", str(out)]):
        result = CliRunner().invoke(cli, [*args, "--profile", str(path)])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        located = f"{path}: {key}: " if key else f"{path}: "
        assert any(line.startswith(f"supple: error: {located}") and fragment in line
                   for line in result.output.splitlines()), result.output
    assert os.listdir(tmp_path) == []
