"""The ``json`` exporter: the plan in the documented JSON shape (docs/json.md)."""

from __future__ import annotations

import supple


def render(plan: supple.Plan, options: object) -> bytes:
    import json

    data = supple.plan_to_dict(plan)
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


@supple.hookimpl
def supple_exporters():
    yield supple.Exporter(
        name="json",
        summary="The plan as JSON, for other tools.",
        render=render,
        media_type="application/json",
        suffix=".json",
    )
