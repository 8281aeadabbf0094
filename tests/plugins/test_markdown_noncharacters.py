"""Issue 23 items 12 and 14: a noncharacter (U+FFFE) in a routine's title no longer makes
pandoc reject the handout's YAML block, and a bidirectional override (U+202E) never reaches
the handout, from a routine file or from a plugin."""

from __future__ import annotations

import json
import subprocess

import pytest

from supple.testing import export_routine, make_registry

pypandoc = pytest.importorskip("pypandoc")

ROUTINE = """
[routine]
title = "Back \\uFFFE care \\u202Eevil\\u202C \\uFDD0 \\U0010FFFF"
summary = "Twice \\uFFFF daily \\u2066isolated\\u2069"
[[steps]]
exercise = "cat-cow"
note = "slow \\uFFFE \\u202E"
"""


def test_the_handout_with_noncharacters_and_bidi_controls_reads_in_pandoc():
    data = export_routine(ROUTINE, make_registry(builtins=True), "md").decode("utf-8")
    for char in "\ufffe\uffff\ufdd0\U0010ffff\u202e\u202c\u2066\u2069":
        assert char not in data
    done = subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "json"],
                          input=data.encode(), capture_output=True, timeout=60)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()
    title = json.loads(done.stdout)["meta"]["title"]["c"]
    assert [node.get("c") for node in title if node["t"] == "Str"] == ["Back", "care", "evil"]
