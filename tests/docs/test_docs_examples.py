"""Every TOML example in docs/ (and the README) is valid: routines check against the bundled
plugins, profiles and config files load, pyproject snippets parse.

A fragment (a `[schedule]` table on its own, a `[[steps]]` entry) is checked inside a minimal
routine, so no example can drift from what supple accepts.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from supple.io.profile_file import profile_from_dict
from supple.io.routine_file import routine_from_dict
from supple.pipeline.resolve import resolve
from supple.pipeline.safety import check_profile
from supple.testing import make_registry

ROOT = Path(__file__).parents[2]
DOCS = sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"])
BLOCK = re.compile(r"^```toml\n(.*?)^```", re.M | re.S)


def examples():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for number, match in enumerate(BLOCK.finditer(text), start=1):
            yield pytest.param(doc, match.group(1), id=f"{doc.relative_to(ROOT)}#{number}")


EXAMPLES = list(examples())


def doc_exercise_sets():
    """The exercise sets the docs show as TOML files (docs/exercise-sets.md), as a plugin."""
    import types

    import supple
    from supple.io.exercise_file import exercise_set_from_dict

    sets = [exercise_set_from_dict(tomllib.loads(block), doc.name)
            for doc, block in (p.values for p in EXAMPLES) if "set" in tomllib.loads(block)]
    module = types.ModuleType("doc_sets")
    module.supple_exercise_sets = supple.hookimpl(lambda: sets)
    return module


@pytest.fixture(scope="module")
def registry():
    return make_registry(doc_exercise_sets(), builtins=True, strict=True)


def test_docs_have_toml_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("doc, block", EXAMPLES)
def test_toml_example_in_docs_is_valid(doc, block, registry, tmp_path, monkeypatch):
    data = tomllib.loads(block)
    where = f"{doc.name} example"
    if {"project", "build-system", "tool"} & set(data):
        return  # a pyproject.toml snippet: parsing it is the check
    if "profile" in data:
        profile = profile_from_dict(data, where)
        check_profile(profile, registry)
        return
    if "set" in data:  # an exercise-set file: its shape and its vocabulary
        from supple.cli.check_sets import check_exercise_set

        path = tmp_path / "set.toml"
        path.write_text(block, encoding="utf-8")
        check_exercise_set(str(path), registry)
        return
    if set(data) <= {"plugins", "defaults", "names", "exercises"} and (
            {"defaults", "names", "exercises"} & set(data) or "disable" in data.get("plugins", {})):
        from supple.io import config

        (tmp_path / "config.toml").write_text(block, encoding="utf-8")
        monkeypatch.setenv(config.ENV_CONFIG_DIR, str(tmp_path))
        config.user_config.cache_clear()
        try:
            config.user_config()
        finally:
            config.user_config.cache_clear()
        return
    data.setdefault("routine", {"title": "Documentation example"})
    data.setdefault("steps", [{"exercise": "cat-cow"}])
    resolve(routine_from_dict(data, where), registry)
