"""Talking to the CalDAV server, with the ``caldav`` client library (``supple[caldav]``).

Every request goes through :class:`Server`, which turns the library's and the network's
failures into supple's errors with one clear line that names the server's answer (status and
reason) and never a credential: problems found before anything is written (a wrong address,
not a calendar, refused credentials, no CalDAV) are :class:`supple.InputError` (exit status
2); a failure in the middle of a sync is :class:`SyncFailed` (exit status 1), after which the
next run repairs the calendar.

Each event is one resource written by a single PUT (with ``If-None-Match: *`` when new,
``If-Match`` with the ETag supple saw when changing it) or removed by a single DELETE (with
``If-Match``): the server applies each write whole or not at all, and a resource that changed
since it was read is not overwritten (HTTP 412 is reported as a conflict, left for the next
run).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import quote, unquote, urljoin, urlsplit

from supple.errors import InputError, SuppleError
from supple.sync.credentials import Credentials

INSTALL = "pip install 'supple[caldav]'"
#: How many resources one calendar-multiget REPORT asks for.
MULTIGET_CHUNK = 200
_PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>'
)
_CALENDAR = "{urn:ietf:params:xml:ns:caldav}calendar"
_COLLECTION = "{DAV:}collection"


class SyncFailed(SuppleError):
    """The sync stopped part-way (network error, timeout, an error from the server). Exit
    status 1; what was written is consistent, and running the sync again finishes it."""

    exit_code = 1


class Conflict(Exception):
    """A write the server refused because the resource changed since it was read (412)."""


def check_url(url: str, *, allow_insecure_http: bool) -> tuple[str, str | None]:
    """The calendar URL, normalised (ending in ``/``), and a warning to show, if any.

    Refuses URLs that are not http(s), that carry a user name or password (those belong in
    ``--user`` and the password sources, never on a command line), and plain ``http://`` to
    a host that is not this machine unless ``allow_insecure_http``."""
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise InputError.at("the address contains a user name or password; give the user with "
                            "--user and the password as docs/calendar.md says, never in the URL",
                            None, "--url")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError.at(f"{url!r} is not an http:// or https:// address of a calendar", None, "--url")
    warning = None
    if parts.scheme == "http":
        if not _loopback(parts.hostname):
            if not allow_insecure_http:
                raise InputError.at(
                    f"{url} is plain http:// to another machine: the password and your programme "
                    "would cross the network unencrypted; use https://, or pass "
                    "--allow-insecure-http if you really mean it", None, "--url")
            warning = (f"supple: warning: {parts.hostname} is reached over plain http://: the "
                       "password and the events are sent unencrypted")
    if not url.endswith("/"):
        url += "/"
    return url, warning


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Stored:
    """The answer to a successful write: the resource's href and its new ETag (``None`` when
    the server gave none)."""

    href: str
    etag: str | None


class Server:
    """One calendar collection on one CalDAV server."""

    def __init__(self, url: str, credentials: Credentials, *, timeout: float = 30.0) -> None:
        try:
            from caldav.davclient import DAVClient
        except ImportError:
            raise InputError.at(f"needs the caldav library: {INSTALL}", None, "supple sync") from None
        self.url = url
        self.anonymous = credentials.password is None
        self.path = urlsplit(url).path
        self.host = urlsplit(url).netloc
        settings: dict[str, Any] = {"url": url, "username": credentials.user,
                                    "password": credentials.password, "timeout": timeout}
        try:  # no DNS discovery: the URL given is the calendar (caldav 2.1 and later)
            self.client = DAVClient(**settings, enable_rfc6764=False)
        except TypeError:  # an older caldav, which has no discovery to turn off
            self.client = DAVClient(**settings)

    def close(self) -> None:
        """Close the HTTP session."""
        self.client.close()

    # -- requests --------------------------------------------------------------------------

    def _request(self, url: str, method: str, body: str | bytes, headers: dict[str, str],
                 *, before_writes: bool) -> Any:
        """One request; every failure becomes a supple error (InputError while nothing has
        been written, SyncFailed after)."""
        from caldav.lib import error

        def fail(text: str) -> SuppleError:
            return InputError.at(text, None, "--url") if before_writes else SyncFailed(text)

        try:
            return self.client.request(url, method, body, headers)  # type: ignore[arg-type,unused-ignore]
        except error.AuthorizationError as exc:
            status = getattr(exc, "status", None) or 401
            if status == 403:
                raise fail(f"{self.host} refused access to {self.url} (HTTP 403 Forbidden): the "
                           "user may not use this calendar") from None
            if self.anonymous:
                raise fail(f"{self.host} asks for a user name and password (HTTP {status}), and "
                           "none was found: give --user, and the password in "
                           "$SUPPLE_CALDAV_PASSWORD, ~/.netrc or the keyring (docs/calendar.md)") from None
            raise fail(f"{self.host} refused the user name or password (HTTP {status}); check "
                       "--user and the password's source") from None
        except error.DAVError as exc:
            status = getattr(exc, "status", None)
            raise fail(f"{self.host} answered {method} with an error"
                       + (f" (HTTP {status})" if status else "")) from None
        except Exception as exc:  # the network: refused, unreachable, timed out, TLS...
            raise fail(f"cannot talk to {self.host}: {_network_reason(exc)}") from None

    def check(self) -> None:
        """Make sure the URL is a calendar collection this user may read (PROPFIND, depth 0);
        raise :class:`InputError` with one clear line if not."""
        response = self._request(self.url, "PROPFIND", _PROPFIND, {"Depth": "0"}, before_writes=True)
        status = response.status
        if status == 404:
            raise InputError.at(f"there is nothing at {self.url} (HTTP 404 Not Found): check the "
                                "calendar's address", None, "--url")
        if status != 207:
            raise InputError.at(f"{self.host} does not speak CalDAV at {self.url} (HTTP {status} "
                                f"{response.reason} to PROPFIND)", None, "--url")
        try:
            types = _resourcetypes(response)
        except Exception:
            raise InputError.at(f"{self.host} does not speak CalDAV at {self.url} (its answer "
                                "to PROPFIND is not WebDAV)", None, "--url") from None
        mine = types.get(_norm(self.path)) or (next(iter(types.values())) if len(types) == 1 else None)
        if mine is None or _CALENDAR not in mine:
            found = self.calendars()
            hint = ("; the calendars this user has there: " + ", ".join(found[:10])) if found else \
                "; give the address of the calendar itself (docs/calendar.md)"
            raise InputError.at(f"{self.url} is not a calendar (a CalDAV calendar collection){hint}",
                                None, "--url")

    def calendars(self) -> list[str]:
        """The addresses (and names) of the user's calendars, found from the URL given (the
        principal's calendar home); empty when the server says nothing useful."""
        try:
            found = self.client.principal().get_calendars()  # type: ignore[no-untyped-call,unused-ignore]
            out = []
            for calendar in cast("list[Any]", found):
                name = calendar.get_display_name()
                out.append(printable(str(calendar.url)) + (f" ({printable(str(name))!r})" if name else ""))
            return out
        except Exception:  # discovery is only a hint
            return []

    def listing(self) -> dict[str, str | None]:
        """Every resource in the calendar: href -> ETag (PROPFIND, depth 1)."""
        response = self._request(self.url, "PROPFIND", _PROPFIND, {"Depth": "1"}, before_writes=True)
        if response.status != 207:
            raise InputError.at(f"{self.host} answered HTTP {response.status} {response.reason} to "
                                "listing the calendar", None, "--url")
        from caldav.elements import dav

        props = response.expand_simple_props([dav.GetEtag()], [dav.ResourceType()])
        out: dict[str, str | None] = {}
        for href, values in props.items():
            kinds = values.get(dav.ResourceType.tag) or []
            if _norm(href) == _norm(self.path) or _COLLECTION in _tags(kinds):
                continue
            out[href] = values.get(dav.GetEtag.tag)
        return out

    def fetch(self, hrefs: Iterable[str]) -> list[tuple[str, str | None, str]]:
        """The data of these resources: (href, ETag, calendar data), by calendar-multiget."""
        from caldav.collection import Calendar
        from caldav.elements import dav
        from caldav.lib.url import URL

        calendar = Calendar(client=self.client, url=self.url)
        wanted = list(hrefs)
        out = []
        for first in range(0, len(wanted), MULTIGET_CHUNK):
            chunk = [URL.objectify(urljoin(self.url, h)) for h in wanted[first:first + MULTIGET_CHUNK]]
            try:
                objects = cast("list[Any]", calendar.multiget(chunk))
            except Exception as exc:
                raise InputError.at(f"{self.host} failed to send the calendar's events "
                                    f"({_network_reason(exc)})", None, "--url") from None
            for item in objects:
                etag = (item.props or {}).get(dav.GetEtag.tag)
                out.append((str(URL.objectify(item.url).path), etag, item.data))
        return out

    def href_for(self, uid: str) -> str:
        """Where a new event with this UID goes: ``<calendar path><uid>.ics``."""
        return self.path + quote(uid, safe="") + ".ics"

    def put(self, href: str, body: bytes, etag: str | None) -> Stored:
        """Write one event: a new one (``etag is None``, If-None-Match: *) or a change
        (If-Match: etag). Raises :class:`Conflict` on 412."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        headers["If-None-Match" if etag is None else "If-Match"] = "*" if etag is None else etag
        response = self._request(urljoin(self.url, href), "PUT", body, headers, before_writes=False)
        if response.status == 412:
            raise Conflict(href)
        if response.status not in (200, 201, 204):
            raise SyncFailed(f"{self.host} answered PUT with HTTP {response.status} {response.reason}")
        new = (response.headers or {}).get("ETag")
        return Stored(href, new)

    def delete(self, href: str, etag: str | None) -> None:
        """Delete one event (If-Match: etag). A resource already gone is fine; raises
        :class:`Conflict` on 412."""
        headers = {"If-Match": etag} if etag else {}
        response = self._request(urljoin(self.url, href), "DELETE", "", headers, before_writes=False)
        if response.status == 412:
            raise Conflict(href)
        if response.status not in (200, 204, 404):
            raise SyncFailed(f"{self.host} answered DELETE with HTTP {response.status} {response.reason}")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text from the server without control characters (terminal escapes, line breaks)."""
    return _CONTROL.sub("", text)


def _norm(path: str) -> str:
    path = unquote(urlsplit(path).path or path)
    return path if path.endswith("/") else path + "/"


def _tags(kinds: Any) -> set[str]:
    if isinstance(kinds, (list, tuple)):
        return {str(k) for k in kinds}
    return {child.tag for child in kinds} if hasattr(kinds, "tag") else {str(kinds)}


def _resourcetypes(response: Any) -> dict[str, set[str]]:
    from caldav.elements import dav

    props = response.expand_simple_props([], [dav.ResourceType()])
    return {_norm(href): _tags(values.get(dav.ResourceType.tag) or []) for href, values in props.items()}


_REASONS = (
    (re.compile(r"refused", re.I), "connection refused"),
    (re.compile(r"timed? ?out|timeout", re.I), "timed out"),
    (re.compile(r"Name or service not known|nodename nor servname|getaddrinfo|resolve", re.I),
     "no such host"),
    (re.compile(r"certificate|SSL|TLS", re.I), "the TLS certificate or handshake failed"),
    (re.compile(r"reset|aborted|closed|RemoteDisconnected|EOF", re.I), "the connection was cut"),
)


def _network_reason(exc: BaseException) -> str:
    """A short reason for a network failure: a fixed phrase (never the exception's text,
    which could echo a request)."""
    text = f"{type(exc).__name__} {exc}"
    for pattern, phrase in _REASONS:
        if pattern.search(text):
            return phrase
    return type(exc).__name__
