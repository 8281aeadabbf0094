"""What a sync does, worked out without touching the network: pure functions over the local
events, the remote events (with their ETags) and what supple last wrote.

The rules (docs/calendar.md, "Syncing with a CalDAV server"):

* only events carrying this routine's ``X-SUPPLE-ROUTINE`` are ever changed or deleted;
* a session that has started (its start before ``now``, on either side) is left alone;
* a planned session missing from the calendar is added, one whose content changed is
  updated with SEQUENCE above what the server holds, and a future session no longer planned
  is removed;
* an event edited in the calendar, or deleted there after supple wrote it, is kept and
  reported, unless ``force``; an event with a planned UID that is not supple's (from an
  imported file, say) is reported too, and replaced only with ``force``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from supple.sync.events import LocalEvent, RemoteEvent, uid_key


@dataclass(frozen=True)
class Written:
    """What supple last wrote for one event (an entry of the state file)."""

    href: str
    etag: str | None
    hash: str
    sequence: int
    start: dt.datetime
    summary: str = ""


@dataclass(frozen=True)
class Action:
    """One write: ``kind`` is ``add`` (PUT with If-None-Match), ``change`` (PUT with If-Match)
    or ``remove`` (DELETE with If-Match). ``event`` is the local event to write (``None`` for
    ``remove``); ``href`` is ``None`` for an ``add``, whose place the caller chooses."""

    kind: str
    uid: str
    start: dt.datetime
    summary: str
    href: str | None = None
    etag: str | None = None
    sequence: int = 0
    event: LocalEvent | None = None


@dataclass(frozen=True)
class Kept:
    """An event left as it is and reported: ``reason`` is ``edited`` (changed in the
    calendar), ``deleted`` (deleted in the calendar) or ``not-supple`` (same UID, not written
    by supple sync)."""

    uid: str
    start: dt.datetime | None
    summary: str
    reason: str


@dataclass(frozen=True)
class SyncPlan:
    """Everything a sync will do, and what it leaves alone."""

    add: tuple[Action, ...] = ()
    change: tuple[Action, ...] = ()
    remove: tuple[Action, ...] = ()
    kept: tuple[Kept, ...] = ()
    unchanged: int = 0
    past: int = 0
    actions: tuple[Action, ...] = field(default=(), repr=False)

    @property
    def writes(self) -> int:
        """How many write requests the plan makes."""
        return len(self.add) + len(self.change) + len(self.remove)


def to_download(listing: Mapping[str, str | None], written: Mapping[str, Written],
                foreign: Mapping[str, str | None]) -> list[str]:
    """The hrefs whose data must be fetched: every resource whose ETag is not the one supple
    wrote (or last saw, for foreign ones). ``listing`` maps href to ETag; ``written`` is keyed
    by UID, ``foreign`` maps href to the ETag seen last time."""
    known = {w.href: w.etag for w in written.values() if w.etag}
    return [href for href, etag in listing.items()
            if etag is None or (known.get(href) != etag and foreign.get(href) != etag)]


def remote_from_state(listing: Mapping[str, str | None], written: Mapping[str, Written],
                      foreign_keys: Mapping[str, tuple[str, str | None]],
                      downloaded: Iterable[RemoteEvent]) -> list[RemoteEvent]:
    """The remote events: those downloaded, plus those whose ETag is unchanged since supple
    wrote them (rebuilt from ``written``) or since it last saw them (foreign:
    ``foreign_keys`` maps href to (UID hash, ETag))."""
    out = list(downloaded)
    seen = {event.href for event in out}
    for uid, entry in written.items():
        if entry.href in listing and entry.href not in seen and entry.etag == listing[entry.href]:
            out.append(RemoteEvent(href=entry.href, etag=entry.etag, uid=uid, owned=True,
                                   uid_hash=uid_key(uid), sequence=entry.sequence,
                                   start=entry.start, written_hash=entry.hash))
            seen.add(entry.href)
    for href, (key, etag) in foreign_keys.items():
        if href in listing and href not in seen and etag == listing[href]:
            out.append(RemoteEvent(href=href, etag=etag, uid="", owned=False, uid_hash=key))
    return out


def plan_sync(local: Iterable[LocalEvent], remote: Iterable[RemoteEvent],
              written: Mapping[str, Written], now: dt.datetime, *, force: bool = False) -> SyncPlan:
    """The actions that bring the calendar in step with ``local`` (see the module's rules)."""
    local = list(local)
    owned: dict[str, RemoteEvent] = {}
    foreign: dict[str, RemoteEvent] = {}
    for item in remote:
        if item.owned:
            owned.setdefault(item.uid, item)
        else:
            foreign.setdefault(item.uid_hash or uid_key(item.uid), item)
    add: list[Action] = []
    change: list[Action] = []
    remove: list[Action] = []
    kept: list[Kept] = []
    unchanged = past = 0
    planned = set()
    for event in local:
        planned.add(event.uid)
        there = owned.get(event.uid)
        if event.start < now or (there is not None and there.start is not None and there.start < now):
            past += 1
            continue
        if there is None:
            clash = foreign.get(uid_key(event.uid))
            if clash is not None:
                if force:
                    change.append(Action("change", event.uid, event.start, event.summary, clash.href,
                                         clash.etag, max(clash.sequence + 1, event.sequence), event))
                else:
                    kept.append(Kept(event.uid, event.start, event.summary, "not-supple"))
                continue
            before = written.get(event.uid)
            if before is not None and not force:
                kept.append(Kept(event.uid, event.start, event.summary, "deleted"))
                continue
            sequence = max(before.sequence + 1, event.sequence) if before else event.sequence
            add.append(Action("add", event.uid, event.start, event.summary, None, None, sequence, event))
            continue
        if there.edited and not force:
            kept.append(Kept(event.uid, event.start, event.summary, "edited"))
        elif there.edited or there.written_hash != event.hash:
            change.append(Action("change", event.uid, event.start, event.summary, there.href,
                                 there.etag, max(there.sequence + 1, event.sequence), event))
        else:
            unchanged += 1
    summaries = {uid: entry.summary for uid, entry in written.items()}
    for uid, there in owned.items():
        if uid in planned:
            continue
        if there.start is None or there.start < now:
            past += 1
        elif there.edited and not force:
            kept.append(Kept(uid, there.start, summaries.get(uid, ""), "edited"))
        else:
            remove.append(Action("remove", uid, there.start, summaries.get(uid, ""), there.href,
                                 there.etag))
    order = sorted(add + change + remove, key=lambda a: (a.start, a.uid))
    return SyncPlan(tuple(add), tuple(change), tuple(remove),
                    tuple(sorted(kept, key=lambda k: (k.start or now, k.uid))), unchanged, past,
                    tuple(order))
