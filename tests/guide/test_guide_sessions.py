"""Which session `supple run` guides."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from supple.errors import InputError
from supple.guide.sessions import choose_session, describe_session
from supple.testing import make_registry, plan_routine

MADRID = ZoneInfo("Europe/Madrid")

SCHEDULED = """
[routine]
title = "Three weeks"
[schedule]
start = 2026-12-07
weeks = 3
days = ["mon", "wed", "fri"]
times = ["07:30", "18:00"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "cat-cow"
reps = 8
"""

UNSCHEDULED = """
[routine]
title = "Whenever"
[[steps]]
exercise = "cat-cow"
reps = 8
"""


@pytest.fixture(scope="module")
def plan():
    return plan_routine(SCHEDULED, make_registry(builtins=True))


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=MADRID)


def test_week_option_picks_the_first_session_of_that_week(plan):
    session = choose_session(plan, at(2030, 1, 1), week=2)
    assert session.week == 2 and session.start == at(2026, 12, 14, 7, 30)


def test_a_week_past_the_programme_is_a_located_input_error(plan):
    with pytest.raises(InputError) as err:
        choose_session(plan, at(2026, 12, 7), week=4)
    assert err.value.problems[0].key == "--week" and "3 week(s)" in str(err.value)


def test_on_a_session_day_the_latest_session_already_begun_is_today_s(plan):
    assert choose_session(plan, at(2026, 12, 9, 6, 0)).start == at(2026, 12, 9, 7, 30)
    assert choose_session(plan, at(2026, 12, 9, 12, 0)).start == at(2026, 12, 9, 7, 30)
    assert choose_session(plan, at(2026, 12, 9, 19, 0)).start == at(2026, 12, 9, 18, 0)


def test_now_is_read_in_the_routine_s_time_zone(plan):
    utc = dt.datetime(2026, 12, 9, 17, 30, tzinfo=dt.UTC)  # 18:30 in Madrid
    assert choose_session(plan, utc).start == at(2026, 12, 9, 18, 0)


def test_a_day_without_a_session_takes_the_current_week_s_first(plan):
    session = choose_session(plan, at(2026, 12, 17, 10, 0))  # a Thursday in week 2
    assert session.week == 2 and session.start == at(2026, 12, 14, 7, 30)


def test_before_the_start_the_first_session_and_after_the_end_the_last_week(plan):
    assert choose_session(plan, at(2026, 11, 1)).start == at(2026, 12, 7, 7, 30)
    last = choose_session(plan, at(2027, 6, 1))
    assert last.week == 3 and last.start == at(2026, 12, 21, 7, 30)


def test_a_routine_without_a_schedule_has_one_session():
    plan = plan_routine(UNSCHEDULED, make_registry(builtins=True))
    session = choose_session(plan, at(2026, 12, 7))
    assert session is plan.sessions[0] and session.start is None
    assert describe_session(session) == "week 1"


def test_session_description_names_week_and_local_time(plan):
    assert describe_session(plan.sessions[0]) == "week 1, Mon 2026-12-07 07:30 CET"
