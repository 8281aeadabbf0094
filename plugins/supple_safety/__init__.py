"""supple's first-party safety filters, in the order they run:

1. ``red-flags`` (order 0): emergency signs and signs that need a clinician's review refuse the
   plan (exit status 3) with the right advice; weak signs (age) warn. Never waivable.
2. ``surgery-clearance`` (2): no plan after spinal surgery or with implants until the profile
   says ``cleared_by_surgeon = true``.
3. ``pain-gate`` (10): pain 4-5 today makes the session gentle and weight-free; 6-10 postpones it.
4. ``no-forced-manipulation`` (20): no step meant to make the spine crack, no push-until-it-pops
   text; on by default; the neck part is never waivable.
5. ``unreviewed-tags`` (25): for a person with a condition, no exercise from a set that does
   not declare its movement tags reviewed.
6. ``conditions`` (30): osteoporosis, pregnancy, surgery, disc herniation, inflammation,
   hypermobility and foam-roller contraindications act on movement tags.
7. ``dose-caps`` (40): the maximum doses the sources state, and the hour between repeats.

The plugin's settings (``[plugins.safety]``: the age thresholds) are declared with the
``supple_settings`` hook. docs/safety.md describes every rule and its source. Importing this
module is cheap: the rule modules load when a hook is called.
"""

from __future__ import annotations

from collections.abc import Iterator

import supple

#: The settings' name, and so the table: ``[plugins.safety]``.
SETTINGS = "safety"


@supple.hookimpl
def supple_safety_filters() -> Iterator[supple.SafetyFilter]:
    from supple_safety import conditions, dosecaps, manipulation, pain, redflags, review

    yield redflags.safety_filter()
    yield from conditions.safety_filters()
    yield pain.safety_filter()
    yield manipulation.safety_filter()
    yield review.safety_filter()
    yield dosecaps.safety_filter()


@supple.hookimpl
def supple_settings() -> Iterator[supple.PluginSettings]:
    # a reference: the options module is imported only when a routine has [plugins.safety] or
    # a safety filter reads the settings, so `supple check` never builds the class
    yield supple.PluginSettings(
        name=SETTINGS, options="supple_safety.options:SafetyOptions",
        summary="Age thresholds of the caution-tier signs and of the bone-fragility rules.",
        relaxes=_relaxes,
    )


def _relaxes(chosen: object, baseline: object) -> list[str]:
    from supple_safety.options import relaxes

    return relaxes(chosen, baseline)  # type: ignore[arg-type]
