"""`-O pictures=true` puts each exercise's picture into the Markdown handout as an inline SVG
``data:`` image, which pandoc's hardened reader (docs/handout.md) keeps as an image."""

from __future__ import annotations

import base64
import json
import re
import subprocess
from pathlib import Path

import pytest

from supple.figure import render_svg
from supple.testing import export_routine, make_registry, plan_routine

pypandoc = pytest.importorskip("pypandoc")
PANDOC = pypandoc.get_pandoc_path()
ROOT = Path(__file__).parents[2]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")
DOC = (ROOT / "docs" / "handout.md").read_text(encoding="utf-8")


def _images(node, found):
    if isinstance(node, dict):
        if node.get("t") == "Image":
            found.append(node["c"])
        for value in node.values():
            _images(value, found)
    elif isinstance(node, list):
        for value in node:
            _images(value, found)
    return found


def test_pictures_are_off_by_default_and_inline_when_asked():
    registry = make_registry(builtins=True)
    plain = export_routine(ROUTINE, registry, "md").decode()
    assert "data:image" not in plain
    text = export_routine(ROUTINE, registry, "md", options={"pictures": True}).decode()
    reader = re.search(r"-f (markdown(?:-\w+)+)", DOC).group(1)
    done = subprocess.run([PANDOC, "-f", reader, "-t", "json", "--sandbox"], input=text.encode(),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    images = _images(json.loads(done.stdout), [])
    plan = plan_routine(ROUTINE, registry)
    expected = [render_svg(step.exercise.drawing) for step in plan.sessions[0].steps]
    assert len(images) == len(expected) == 5
    for (_attr, alt, (url, title)), svg in zip(images, expected):
        assert alt == [] and title == ""
        assert url.startswith("data:image/svg+xml;base64,")
        assert base64.b64decode(url.split(",", 1)[1]).decode() == svg
    assert text.replace("\n", "").count("![](data:image/svg+xml;base64,") == 5
