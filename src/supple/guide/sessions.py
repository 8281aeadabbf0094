"""Which session of a plan ``supple run`` guides.

* ``--week N``: the first session of programme week N.
* A routine without ``[schedule]``: its one session.
* Otherwise, with ``now`` in the routine's time zone: among today's sessions, the latest that
  has already started (the first of the day when none has yet); on a day without a session,
  the first session of the current programme week; before the programme starts, the first
  session; after it ends, the first session of the last week.
"""

from __future__ import annotations

import datetime as dt

from supple.errors import InputError
from supple.model.plan import Plan, Session


def choose_session(plan: Plan, now: dt.datetime, week: int | None = None) -> Session:
    """The session to run at ``now`` (time-zone aware), or the first of ``week``."""
    sessions = plan.sessions
    if not sessions:
        raise InputError.at("the plan has no session to run", plan.routine.path)
    if week is not None:
        if week > plan.weeks:
            raise InputError.at(
                f"the programme has {plan.weeks} week(s); there is no week {week}", None, "--week"
            )
        in_week = plan.sessions_in_week(week)
        if not in_week:
            raise InputError.at(f"the programme has no session in week {week}", None, "--week")
        return in_week[0]
    schedule = plan.routine.schedule
    if schedule is None or sessions[0].start is None:
        return sessions[0]
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(schedule.timezone))
    today = local.date()
    todays = [s for s in sessions if s.start is not None and s.start.date() == today]
    if todays:
        begun = [s for s in todays if s.start is not None and s.start <= local]
        return begun[-1] if begun else todays[0]
    if today < schedule.start:
        return sessions[0]
    current = min((today - schedule.start).days // 7 + 1, plan.weeks)
    for number in range(current, plan.weeks + 1):
        in_week = plan.sessions_in_week(number)
        if in_week:
            return in_week[0]
    return sessions[-1]


def describe_session(session: Session) -> str:
    """``week 2, Tue 2026-12-15 07:30 CET`` (or ``week 1`` without a schedule)."""
    if session.start is None:
        return f"week {session.week}"
    return f"week {session.week}, {session.start.strftime('%a %Y-%m-%d %H:%M %Z')}"
