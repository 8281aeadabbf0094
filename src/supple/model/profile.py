"""The personal profile that safety filters read (``[profile]`` in a TOML file), and how it
stands on a given day.

A profile is dated: age and pregnancy week move on with the calendar, and a pain score is an
observation of one day. Planning judges every session with :meth:`Profile.on` for that
session's date, so a 12-week programme that crosses the end of the first trimester, or a
70th birthday, changes from that week on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

#: How long a pain score governs the plan: the day it was scored and the next day. Pain during
#: exercise is judged by whether it has settled by the next morning (Silbernagel 2007, the
#: 24-hour rule of pain monitoring), so a score says nothing reliable about later days: after
#: the window the plan asks for a new score instead of assuming one (docs/safety.md).
PAIN_WINDOW_DAYS = 1

#: Days in a pregnancy from the first day of the last period to the due date.
TERM_DAYS = 280


@attrs.frozen
class Profile:
    """What a person states about themselves, and when.

    ``conditions`` and ``red_flags`` are ids that safety plugins define (``supple safety`` lists
    them). ``pain`` is a pain score from 0 to 10 taken on ``pain_date`` (``None`` when not
    given). ``age`` and ``pregnancy_week`` are as of ``as_of``; ``birth_year`` and
    ``due_date`` give them for any day instead. Without ``as_of`` (or ``pain_date``) the
    values hold on the programme's first day. ``cleared_by_surgeon`` says a surgeon or
    clinician has cleared the person to exercise after spinal surgery or with spinal implants.

    ``allow`` names safety rules the person waives; ``allowed_by`` and ``allowed_on`` say who
    agreed and when (shown with every waiver). ``plugins`` holds the profile's
    ``[plugins.NAME]`` tables: settings only the person may relax. ``path`` is the file it
    came from, ``None`` for a profile built in code or an empty one.
    """

    conditions: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    pain: int | None = None
    pregnancy_week: int | None = None
    age: int | None = None
    cleared_by_surgeon: bool = False
    path: str | None = attrs.field(default=None, eq=False)
    as_of: dt.date | None = None
    pain_date: dt.date | None = None
    due_date: dt.date | None = None
    birth_year: int | None = None
    allow: tuple[str, ...] = ()
    allowed_by: str = ""
    allowed_on: dt.date | None = None
    plugins: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, eq=False)
    #: in a profile of the day (:meth:`on`): the lowest age the person can be that day (a
    #: birthday later in the year), for rules about the young; ``age`` is the highest
    minimum_age: int | None = None

    def has(self, condition: str) -> bool:
        """True when the person has stated ``condition``."""
        return condition in self.conditions

    @property
    def pregnant(self) -> bool:
        """True when the profile says the person is pregnant (by condition, week or due date)."""
        return self.has("pregnancy") or bool(self.pregnancy_week) or self.due_date is not None

    def pregnancy_week_on(self, day: dt.date | None, first_day: dt.date | None = None) -> int | None:
        """Completed weeks of pregnancy on ``day`` (from ``due_date``, else ``pregnancy_week``
        counted on from ``as_of``, else from ``first_day``)."""
        if day is None:
            return self.pregnancy_week
        if self.due_date is not None:
            return max(0, (TERM_DAYS - (self.due_date - day).days) // 7)
        if self.pregnancy_week is None:
            return None
        since = self.as_of or first_day or day
        return self.pregnancy_week + max(0, (day - since).days) // 7

    def age_on(self, day: dt.date | None, first_day: dt.date | None = None) -> int | None:
        """Age in whole years on ``day``: from ``birth_year`` (the age reached that year, which
        is never below the true age), else ``age`` counted on from ``as_of``."""
        if day is None:
            return self.age if self.age is not None else None
        if self.birth_year is not None:
            return day.year - self.birth_year
        if self.age is None:
            return None
        since = self.as_of or first_day or day
        return self.age + int(max(0, (day - since).days) / 365.25)

    def youngest_age_on(self, day: dt.date | None, first_day: dt.date | None = None) -> int | None:
        """The lowest age the person can be on ``day`` (a birthday later in the year counts)."""
        if self.minimum_age is not None and day is None:
            return self.minimum_age
        if self.birth_year is not None and day is not None:
            return day.year - self.birth_year - 1
        return self.age_on(day, first_day)

    def pain_on(self, day: dt.date | None, first_day: dt.date | None = None) -> int | None:
        """The pain score that governs ``day``: the score within :data:`PAIN_WINDOW_DAYS` after
        it was taken, else ``None`` (no score: the plan asks for one)."""
        if self.pain is None or day is None:
            return self.pain
        scored = self.pain_date or self.as_of or first_day or day
        return self.pain if 0 <= (day - scored).days <= PAIN_WINDOW_DAYS else None

    def pain_scored_on(self, first_day: dt.date | None) -> dt.date | None:
        """The day the pain score was taken (``None`` without a score or a date)."""
        if self.pain is None:
            return None
        return self.pain_date or self.as_of or first_day

    def on(self, day: dt.date | None, first_day: dt.date | None = None) -> Profile:
        """The profile as it stands on ``day``: age, pregnancy week and pain for that day, the
        dates that produced them dropped (so equal days compare equal, for caching)."""
        if day is None:
            return self
        return attrs.evolve(
            self,
            age=self.age_on(day, first_day),
            minimum_age=self.youngest_age_on(day, first_day),
            pregnancy_week=self.pregnancy_week_on(day, first_day),
            pain=self.pain_on(day, first_day),
            as_of=None, pain_date=None, due_date=None, birth_year=None,
            conditions=self.conditions if not self.due_date or self.has("pregnancy")
            else (*self.conditions, "pregnancy"),
        )

    @property
    def waiver_source(self) -> str:
        """Who waived the profile's ``allow`` rules, in words."""
        who = "your profile"
        if self.allowed_by:
            who += f", agreed with {self.allowed_by}"
        if self.allowed_on is not None:
            who += f" on {self.allowed_on.isoformat()}"
        return who


#: No profile given: safety filters still run with what the routine says.
EMPTY_PROFILE = Profile()
