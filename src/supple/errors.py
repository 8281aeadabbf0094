"""supple's own exceptions.

Every failure a user can cause is one of these, so the command line can print a located
message and exit with the documented status instead of a traceback:

* :class:`InputError` (exit status 2): a file, a key in it, or a command-line value is wrong.
* :class:`PluginError` (exit status 2): a plugin failed while doing work the user asked for.
* :class:`SafetyRefusal` (exit status 3): a red flag stops planning; carries advice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import attrs

if TYPE_CHECKING:
    from supple.model.plan import SafetyFinding


P = ParamSpec("P")
R = TypeVar("R")


@attrs.frozen
class Problem:
    """One thing wrong with an input: where it is and what is wrong.

    ``file`` is the path as the user gave it (or ``None`` for command-line values), ``key`` a key
    path such as ``steps[3].reps`` (steps count from 1, as they appear in the file) or ``None``
    for the whole file.
    """

    message: str
    file: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        from supple.sanitise import terminal  # a file or key name is shown, never obeyed

        where = ": ".join(terminal(part) for part in (self.file, self.key) if part)
        return f"{where}: {self.message}" if where else self.message


class SuppleError(Exception):
    """Base class of every error supple raises on purpose."""

    exit_code = 1


class InputError(SuppleError):
    """Bad input: one or more located problems. Exit status 2."""

    exit_code = 2

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems: tuple[Problem, ...] = (
            (problems,) if isinstance(problems, Problem) else tuple(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, message: str, file: str | None = None, key: str | None = None) -> InputError:
        """Shorthand for an error with a single problem."""
        return cls(Problem(message, file, key))


class PluginError(SuppleError):
    """A plugin failed while doing work the user asked for. Exit status 2.

    The message always names the plugin, so the user knows whom to blame and what to disable.
    """

    exit_code = 2

    def __init__(self, plugin: str, message: str):
        self.plugin = plugin
        super().__init__(f"plugin {plugin!r}: {message}")


class SafetyRefusal(SuppleError):
    """A safety filter refused to plan (a red flag). Exit status 3.

    ``advice`` is what to tell the person, ``findings`` the safety findings that led here.
    """

    exit_code = 3

    def __init__(self, advice: str, findings: tuple[SafetyFinding, ...] = ()) -> None:
        self.advice = advice
        self.findings = findings
        super().__init__(advice)


class Problems(list[Problem]):
    """The one accumulator of located problems: every check of a file adds to it, and it
    raises them all together (so a file with six mistakes shows six, not one a run).

    >>> problems = Problems()
    >>> problems.attempt(int, "7")
    7
    >>> problems.add("must be positive", "r.toml", "steps[1].reps")
    >>> len(problems)
    1
    """

    def add(self, message: str, file: str | None = None, key: str | None = None) -> None:
        """Add one problem."""
        self.append(Problem(message, file, key))

    def attempt(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | None:
        """``fn(*args, **kwargs)``; when it raises :class:`InputError`, its problems are kept
        and the result is ``None``."""
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            self.extend(exc.problems)
            return None

    def raise_if_any(self, *, unique: bool = False) -> None:
        """Raise :class:`InputError` with every problem collected (each once if ``unique``)."""
        if self:
            raise InputError(list(dict.fromkeys(self)) if unique else list(self))
