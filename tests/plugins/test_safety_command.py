"""`supple safety`: everything a person needs to write a profile, without reading code."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli

# The ids product.md promises at least.
CONDITIONS = ["osteoporosis", "pregnancy", "spinal-hardware", "recent-spinal-surgery", "disc-herniation",
              "acute-inflammation", "hypermobility"]
RED_FLAGS = ["bladder-bowel-change", "saddle-numbness", "bilateral-leg-symptoms", "progressive-weakness",
             "fever", "cancer-history", "unexplained-weight-loss", "major-trauma", "night-pain"]


def run(*args):
    result = CliRunner().invoke(cli, ["safety", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_lists_conditions_red_flags_by_tier_profile_keys_and_rules_with_the_disclaimer():
    text = run()
    for ident in CONDITIONS + RED_FLAGS:
        assert f"  {ident} " in text, ident
    assert text.index("Seek emergency care now") < text.index("saddle-numbness") < text.index("See a clinician")
    assert text.index("See a clinician") < text.index("cancer-history")
    for key in ("pain", "pregnancy_week", "age", "cleared_by_surgeon"):
        assert f"  {key} " in text
    for rule in ("red-flag-emergency", "no-forced-manipulation", "pregnancy-supine", "standing-extension-cap"):
        assert rule in text
    assert "[safety] allow" in text and "--allow NAME" in text
    neck = text[text.index("    no-neck-manipulation"):].split("  filter ")[0]
    assert "[cannot be waived]" in " ".join(neck.split())
    pregnancy = text[text.index("    pregnancy-supine"):].split("\n    pregnancy-stop-signs")[0]
    assert "[cannot be waived]" not in pregnancy
    assert " ".join(supple.DISCLAIMER.split()) in " ".join(text.split())


def test_json_gives_meaning_tier_and_waivability():
    data = json.loads(run("--json"))
    conditions = {c["id"]: c for c in data["conditions"]}
    flags = {f["id"]: f for f in data["red_flags"]}
    rules = {r["name"]: r for r in data["rules"]}
    assert set(CONDITIONS) <= set(conditions) and set(RED_FLAGS) <= set(flags)
    assert all(c["meaning"] for c in conditions.values())
    assert flags["saddle-numbness"]["tier"] == "emergency" and flags["fever"]["tier"] == "see-clinician"
    assert rules["red-flag-emergency"]["waivable"] is False
    assert rules["surgery-clearance"]["waivable"] is False
    assert rules["no-neck-manipulation"]["waivable"] is False
    assert rules["no-forced-manipulation"]["waivable"] is True
    assert rules["no-forced-manipulation"]["plugin"] == "safety"
    assert data["disclaimer"] == supple.DISCLAIMER
    # The listing is what profiles are validated against: every listed id is accepted.
    assert {"pain", "age"} <= set(data["profile_keys"])


def test_text_from_a_plugin_cannot_put_escape_sequences_on_the_terminal(monkeypatch):
    from supple.cli import safety as command
    from supple.testing import make_registry

    class Evil:
        @supple.hookimpl
        def supple_safety_filters(self):
            yield supple.SafetyFilter(
                name="evil", summary="s", apply=lambda steps, context: supple.SafetyResult(steps=steps),
                conditions={"odd": "meaning \x1b[2J\x1b]0;owned\x07 here"},
                rules={"evil-rule": "does \x1b[31mred\x1b[0m things"})

    monkeypatch.setattr(command, "registry", lambda ctx: make_registry(Evil()))
    text = run()
    assert "\x1b" not in text and "\x07" not in text
    assert "odd" in text and "evil-rule" in text


@pytest.mark.parametrize("with_json", [False, True])
def test_with_no_safety_filter_loaded_it_says_so(monkeypatch, with_json):
    from supple.cli import safety as command
    from supple.testing import make_registry

    monkeypatch.setattr(command, "registry", lambda ctx: make_registry())
    out = run(*(["--json"] if with_json else []))
    if with_json:
        assert json.loads(out)["rules"] == []
    else:
        assert "No safety filter is loaded" in out
