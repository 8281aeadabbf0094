"""Guided sessions: follow a planned session in the terminal with a live timer (``supple run``).

* :mod:`supple.guide.clock`: the monotonic clock the runner reads, and a fake one for tests.
* :mod:`supple.guide.keys`: key presses from a terminal (cbreak mode, restored on exit), or
  from a script in tests.
* :mod:`supple.guide.runner`: the engine that walks a session's timeline by absolute deadlines.
* :mod:`supple.guide.screen`: what the person sees, on a terminal or as plain lines.
* :mod:`supple.guide.sessions`: which session of a plan is today's.
* :mod:`supple.guide.log`: the local SQLite log of sessions done (``supple log``).
"""
