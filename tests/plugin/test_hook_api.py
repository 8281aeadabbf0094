"""The hook API is versioned: supple.HOOK_API; a plugin's SUPPLE_HOOK_API is shown by
`supple plugins` and a major mismatch flagged; hooks.md says when each hook appeared."""

from __future__ import annotations

import re
import types
from pathlib import Path

import pytest

import supple
from supple.plugin import hookspecs
from supple.plugin.markers import PROJECT
from supple.testing import make_registry

DOC = Path(__file__).parents[2] / "docs" / "plugins" / "hooks.md"
HOOKS = sorted(n for n, v in vars(hookspecs).items() if callable(v) and hasattr(v, f"{PROJECT}_spec"))


def plugin(target: object) -> types.ModuleType:
    module = types.ModuleType(f"api_{abs(hash(repr(target)))}")
    module.SUPPLE_HOOK_API = target  # type: ignore[attr-defined]
    module.supple_exporters = supple.hookimpl(  # type: ignore[attr-defined]
        lambda: [supple.Exporter(name="x", summary="x", render=lambda plan, o: b"")])
    return module


def test_hook_api_is_a_pair_and_the_doc_states_it():
    major, minor = supple.HOOK_API
    assert isinstance(major, int) and isinstance(minor, int)
    assert f"this\nsupple has **{major}.{minor}**" in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_section_says_since_which_version(hook):
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"## {hook}()\n", 1)[1]
    found = re.match(r"\n\*Since hook API (\d+)\.(\d+)\.\*", section)
    assert found, f"the section on {hook} does not say since which hook API version"
    assert (int(found[1]), int(found[2])) <= supple.HOOK_API


def test_a_plugin_states_its_target_and_a_major_mismatch_is_flagged():
    same = plugin(supple.HOOK_API)
    registry = make_registry(same)
    info = registry.plugin(same.__name__)
    assert info.hook_api == supple.HOOK_API and info.notes == [] and info.status == "active"
    other = plugin((supple.HOOK_API[0] + 1, 0))
    info = make_registry(other).plugin(other.__name__)
    assert info.hook_api == (supple.HOOK_API[0] + 1, 0)
    assert info.notes and info.notes[0].startswith("MISMATCH: written for hook API")
    newer = plugin((supple.HOOK_API[0], supple.HOOK_API[1] + 1))
    assert "newer than this supple" in make_registry(newer).plugin(newer.__name__).notes[0]
    bad = plugin("1.1")
    info = make_registry(bad).plugin(bad.__name__)
    assert info.status == "partial" and "SUPPLE_HOOK_API must be a (major, minor) pair" in info.errors[0]


def test_supple_plugins_shows_it(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from supple.cli import cli

    site = tmp_path / "site"
    site.mkdir()
    (site / "supple_apiv.py").write_text(
        "import supple\nSUPPLE_HOOK_API = (9, 0)\n\n@supple.hookimpl\ndef supple_exporters():\n"
        "    yield supple.Exporter(name='apiv', summary='s', render=lambda plan, o: b'')\n")
    info = site / "supple_apiv-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: supple-apiv\nVersion: 1.0\n\n")
    (info / "entry_points.txt").write_text("[supple]\napiv = supple_apiv\n")
    monkeypatch.syspath_prepend(str(site))
    out = CliRunner().invoke(cli, ["plugins"]).stdout
    assert "apiv 1.0 (supple-apiv) [hook API 9.0]: active" in out
    assert "note: MISMATCH: written for hook API 9.0" in out


def test_a_deprecated_hook_is_noted_and_warned_through_pluggys_warn_on_impl(monkeypatch, capsys):
    """Deprecating a hook is one keyword on its specification: a plugin that implements it
    still works, `supple plugins` notes DEPRECATED on it, and the warning reaches the plugin's
    own tests. A plugin that does not implement it gets no note."""
    from supple.plugin.markers import HookDeprecation, hookspec

    @hookspec(warn_on_impl=HookDeprecation(
        "supple_old_exporters", since=(1, 1), instead="supple_exporters()"))
    def supple_old_exporters():
        """An old hook, for this test only."""

    monkeypatch.setattr(hookspecs, "supple_old_exporters", supple_old_exporters, raising=False)
    old = plugin(supple.HOOK_API)
    old.supple_old_exporters = supple.hookimpl(lambda: [])  # type: ignore[attr-defined]
    fresh = plugin(supple.HOOK_API)
    with pytest.warns(HookDeprecation, match=r"supple_old_exporters\(\) is deprecated since hook API 1\.1"):
        registry = make_registry(old=old, fresh=fresh)
    info = registry.plugin("old")
    assert info.status == "active" and "old:x" in registry.exporters
    assert info.notes[0] == ("DEPRECATED: supple_old_exporters() is deprecated since hook API 1.1 and "
                          "goes in the next major version; use supple_exporters() instead")
    assert not any("DEPRECATED" in n for n in registry.plugin("fresh").notes)
    assert supple.HookDeprecation is HookDeprecation


def test_without_the_warn_on_impl_keyword_nothing_is_noted(monkeypatch):
    @hookspec_plain
    def supple_quiet_hook():
        """A current hook, for this test only."""

    monkeypatch.setattr(hookspecs, "supple_quiet_hook", supple_quiet_hook, raising=False)
    module = plugin(supple.HOOK_API)
    module.supple_quiet_hook = supple.hookimpl(lambda: [])  # type: ignore[attr-defined]
    assert make_registry(module).plugin(module.__name__).notes == []


from supple.plugin.markers import hookspec as hookspec_plain  # noqa: E402
