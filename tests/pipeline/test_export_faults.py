"""A plugin failing while an export runs: the error names the plugin and nothing is written."""

from __future__ import annotations

import os
import types

import pytest
from click.testing import CliRunner

import supple
import supple.cli
import supple.cli._common
from supple.testing import make_registry

ROUTINE = """
[routine]
title = "Faults"
[schedule]
start = 2026-12-07
weeks = 2
timezone = "Europe/Madrid"
[timing]
strategy = "{timing}"
[progression]
strategy = "{progression}"
[[steps]]
exercise = "cat-cow"
"""


def _raise(*args):
    raise RuntimeError("disk on fire")


def _faulty_module(**hooks):
    module = types.ModuleType("faulty")
    for name, fn in hooks.items():
        setattr(module, name, supple.hookimpl(fn))
    return module


FAULTS = {
    "exporter": dict(supple_exporters=lambda: [supple.Exporter(name="broken", summary="s", render=_raise)]),
    "timing": dict(supple_timing_strategies=lambda: [supple.TimingStrategy(name="broken", summary="s", build=_raise)]),
    "progression": dict(supple_progression_strategies=lambda: [supple.ProgressionStrategy(name="broken", summary="s", dose_for=_raise)]),
    "safety": dict(supple_safety_filters=lambda: [supple.SafetyFilter(name="broken", summary="s", apply=_raise)]),
}


@pytest.mark.parametrize("where", sorted(FAULTS))
def test_plugin_raising_mid_export_is_named_and_nothing_is_written(where, tmp_path, monkeypatch):
    registry = make_registry(_faulty_module(**FAULTS[where]), builtins=True)
    import supple.cli.export as export_command

    for module in (supple.cli._common, export_command):
        monkeypatch.setattr(module, "registry", lambda ctx: registry)
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE.format(
        timing="broken" if where == "timing" else "steady",
        progression="broken" if where == "progression" else "none",
    ))
    out = tmp_path / "out" / "plan.txt"
    out.parent.mkdir()
    out.write_bytes(b"the previous export")
    fmt = "broken" if where == "exporter" else "json"
    result = CliRunner().invoke(supple.cli.cli, ["export", str(routine), "--to", fmt, "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "plugin 'faulty'" in result.output and "disk on fire" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"the previous export"
    assert os.listdir(out.parent) == ["plan.txt"]
