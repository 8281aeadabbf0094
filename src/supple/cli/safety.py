"""`supple safety`: what a profile may say, and the safety rules that act on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from supple.cli._common import dump_json, registry

if TYPE_CHECKING:
    from supple.plugin.registry import Registry

#: Red-flag tiers in the order they are shown, with the heading for each.
TIERS = {
    "emergency": "Seek emergency care now (the plan is refused)",
    "see-clinician": "See a clinician before starting (the plan is refused)",
    "caution": "Caution (a warning only)",
    "": "Other red flags (see the filter's documentation)",
}


#: The profile keys besides conditions and red flags, with what they take.
PROFILE_KEYS = {
    "pain": "today's pain, a whole number from 0 (none) to 10 (worst)",
    "pregnancy_week": "the week of pregnancy, 0-45, when pregnant",
    "age": "age in years, 0-120",
    "cleared_by_surgeon": "true once a surgeon has cleared you to exercise after spinal surgery "
    "or with spinal implants",
}


def safety_info(reg: Registry) -> dict[str, Any]:
    """Conditions, red flags and rules of every loaded safety filter, as plain data."""
    conditions: dict[str, dict[str, Any]] = {}
    red_flags: dict[str, dict[str, Any]] = {}
    rules: list[dict[str, Any]] = []
    for name, flt in reg.safety_filters.items():
        plugin = reg.provider("safety filter", name)
        for ident, meaning in sorted(flt.conditions.items()):
            entry = conditions.setdefault(ident, {"id": ident, "meaning": meaning, "filters": []})
            entry["filters"].append(name)
        for ident, meaning in sorted(flt.red_flags.items()):
            entry = red_flags.setdefault(ident, {
                "id": ident, "meaning": meaning, "tier": flt.red_flag_tiers.get(ident, ""), "filters": [],
            })
            entry["filters"].append(name)
        declared = flt.rules or {name: flt.summary}
        for rule, meaning in declared.items():
            rules.append({
                "name": rule, "meaning": meaning, "filter": name, "plugin": plugin,
                "waivable": rule not in flt.fixed_rules, "order": flt.order,
            })
    tier_rank = {tier: index for index, tier in enumerate(TIERS)}
    return {
        "conditions": [conditions[k] for k in sorted(conditions)],
        "red_flags": sorted(red_flags.values(), key=lambda e: (tier_rank.get(e["tier"], len(TIERS)), e["id"])),
        "rules": rules,
        "profile_keys": dict(PROFILE_KEYS),
    }


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def safety(ctx: click.Context, as_json: bool) -> None:
    """List the conditions and red flags a profile may name, and the safety rules.

    Write a profile (profile.toml in your configuration directory, or --profile FILE) with the
    ids shown here; waive a rule by name with `[safety] allow` in a routine or `--allow NAME`.
    """
    from supple.model.plan import DISCLAIMER

    info = safety_info(registry(ctx))
    if as_json:
        dump_json({**info, "disclaimer": DISCLAIMER})
        return
    from supple.text import safe, wrap

    out: list[str] = []

    def heading(text: str) -> None:
        out.extend(wrap(text, "", hanging="  "))

    def table(rows: list[tuple[str, str]], indent: str, width: int = 0) -> None:
        width = width or max((len(key) for key, _ in rows), default=0)
        for key, text in rows:
            head = f"{indent}{safe(key):<{width}}  "
            out.extend(wrap(text, head, hanging=" " * len(head)))

    if not info["conditions"] and not info["red_flags"] and not info["rules"]:
        out.append("No safety filter is loaded: plans are made without any safety checks.")
    if info["conditions"]:
        heading('Conditions (in a profile: conditions = ["osteoporosis", ...]):')
        table([(c["id"], c["meaning"]) for c in info["conditions"]], "  ")
        out.append("")
    if info["red_flags"]:
        heading('Red flags (in a profile: red_flags = ["fever", ...]); list a sign only while it '
                "is present and not yet checked by a clinician:")
        width = max(len(f["id"]) for f in info["red_flags"])
        for tier, title in TIERS.items():
            rows = [(f["id"], f["meaning"]) for f in info["red_flags"] if f["tier"] == tier]
            if rows:
                out.append(f"  {title}:")
                table(rows, "    ", width)
        out.append("")
    out.append("Other profile keys:")
    table(list(PROFILE_KEYS.items()), "  ")
    out.append("")
    if info["rules"]:
        heading('Rules, in the order they run (waive one with [safety] allow = ["NAME"] in the '
                "routine, or --allow NAME; every output then says so):")
        width = max(len(r["name"]) for r in info["rules"])
        for filter_name in dict.fromkeys(r["filter"] for r in info["rules"]):
            rows = [(r["name"], r["meaning"] + ("" if r["waivable"] else " [cannot be waived]"))
                    for r in info["rules"] if r["filter"] == filter_name]
            out.append(f"  filter {safe(filter_name)}:")
            table(rows, "    ", width)
        out.append("")
    out.append("docs/safety.md explains each rule and its source.")
    out.extend(wrap(DISCLAIMER, ""))
    click.echo("\n".join(out))
