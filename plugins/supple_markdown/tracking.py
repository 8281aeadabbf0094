"""The handout's tracking log: a box to tick and pain scores to fill in for every session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import supple
from supple.words import DAYS, short_date
from supple_markdown.words import week_dates

if TYPE_CHECKING:
    from supple_markdown.options import HandoutOptions


PAIN_HELP = (
    "Tick each session when you have done it, and score your pain before and after it from "
    "0 (no pain) to 10 (the worst pain you can imagine). Bring this log to your next "
    "appointment."
)


def tracking_log(plan: supple.Plan, options: HandoutOptions) -> str:
    out = ["## Tracking log", PAIN_HELP]
    scheduled = [s for s in plan.sessions if s.start is not None]
    if scheduled:
        for number in plan_weeks(plan):
            starts = [s.start for s in plan.sessions_in_week(number) if s.start is not None]
            out.append(f"### Week {number}: {week_dates(plan, number)}")
            items = []
            for local in starts:
                items.append(
                    f"- [ ] {short_date(local.date())}, {local.strftime('%H:%M')}."
                    " Pain before: ___ after: ___"
                )
            out.append("\n".join(items))
            out.append("Notes: ____________________")
    else:
        for number in range(1, options.log_weeks + 1):
            out.append(f"### Week {number}")
            out.append("\n".join(
                f"- [ ] {DAYS[d][:3]}. Date: ______ Pain before: ___ after: ___"
                for d in range(7)
            ))
    return "\n\n".join(out)


def plan_weeks(plan: supple.Plan) -> list[int]:
    return sorted({s.week for s in plan.sessions})
