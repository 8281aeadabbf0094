"""Where the CalDAV password comes from: never the command line.

In order: the ``SUPPLE_CALDAV_PASSWORD`` environment variable; the netrc file (``$NETRC`` or
``~/.netrc``, read with Python's :mod:`netrc`) entry for the server's host; the system keyring
through the ``keyring`` library when it is installed (service ``supple-caldav:HOST``, the
user name as the account). The user name is ``--user``, else ``SUPPLE_CALDAV_USER``, else the
netrc entry's login.

The password is only ever handed to the HTTP client: no message, log line or file supple
writes contains it, and errors from netrc (whose text can quote the file) are reported by file
and line only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from supple.errors import InputError

ENV_PASSWORD = "SUPPLE_CALDAV_PASSWORD"
ENV_USER = "SUPPLE_CALDAV_USER"
KEYRING_SERVICE = "supple-caldav:{host}"


@dataclass(frozen=True)
class Credentials:
    """A user name and password, and where the password came from (for messages). The
    password is left out of ``repr``."""

    user: str | None
    password: str | None = field(default=None, repr=False)
    source: str = "none"


def _netrc(host: str) -> tuple[str | None, str | None]:
    import netrc

    path = os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.isfile(path):
        return None, None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except netrc.NetrcParseError as exc:  # its message may quote the file: say where only
        raise InputError.at(f"cannot read this netrc file (line {exc.lineno}); fix or remove it",
                            path) from None
    except OSError as exc:
        raise InputError.at(f"cannot read this netrc file ({exc.strerror})", path) from None
    if entry is None:
        return None, None
    login, _account, password = entry
    return login or None, password or None


def _keyring(host: str, user: str | None) -> str | None:
    if user is None:
        return None
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE.format(host=host), user)
    except Exception:  # no usable keyring backend: as if it held nothing
        return None
    return value or None


def find(host: str, user: str | None) -> Credentials:
    """The credentials for ``host`` (see the module's docstring for the order)."""
    user = user or os.environ.get(ENV_USER) or None
    password = os.environ.get(ENV_PASSWORD) or None
    if password is not None:
        return Credentials(user, password, f"${ENV_PASSWORD}")
    login, from_netrc = _netrc(host)
    if from_netrc is not None and (user is None or login is None or login == user):
        return Credentials(user or login, from_netrc, "netrc")
    from_keyring = _keyring(host, user or login)
    if from_keyring is not None:
        return Credentials(user or login, from_keyring, "keyring")
    return Credentials(user or login, None, "none")
