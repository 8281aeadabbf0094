"""Sizes supple refuses early, so no file can make it hang or exhaust memory.

Each limit is far beyond any sensible routine; the message when one is exceeded names it.
"""

MAX_FILE_BYTES = 1024 * 1024  #: a routine or profile file
MAX_STEPS = 100  #: steps in one routine
MAX_SETS = 20  #: sets of one step
MAX_REPS = 500  #: repetitions in one set
MAX_HOLD_S = 600  #: seconds one hold lasts
MAX_REST_S = 900  #: seconds of rest between sets
MAX_TEMPO_S = 60  #: seconds one repetition takes
MAX_LOAD_KG = 50  #: a held weight
MAX_DURATION_S = 4 * 3600  #: seconds of one set of continuous work (a walk)
MAX_DISTANCE_M = 100_000  #: metres of one set (a distance walked)
MAX_LEVEL = 100  #: characters of a dose's level
MAX_WEEKS = 156  #: programme length (three years)
MAX_TIMES_PER_DAY = 6  #: sessions on one day
MAX_TEXT = 2000  #: characters in one text value (title, note...)
MAX_LIST = 100  #: items in one list of a profile or a safety allow-list
MAX_ERRORS_SHOWN = 50  #: problems printed for one command (then "... and N more")
MIN_YEAR = 1900  #: dates (start, until, revised) from 1900-01-01...
MAX_YEAR = 2999  #: ...to 2999-12-31: far from datetime's ends (year 1, 9999) in every zone
MAX_SESSION_STEPS = 20_000  #: sessions x steps in one plan (each a step in every export)
MAX_PLAN_TEXT = 4_000_000  #: characters of routine text the exports repeat (sessions x text)
