"""One sync, from reading the calendar to the report.

:func:`sync` lists the calendar (one PROPFIND), downloads only the resources whose ETag is not
the one supple wrote or last saw (one calendar-multiget REPORT per 200), works out the actions
with :func:`supple.sync.diff.plan_sync` and, unless it is a dry run, writes them one at a time
in time order. The state file is saved after the writes, and also when the sync stops
part-way (a network error, a refusal, Ctrl-C), so it always describes what is on the server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from supple.sync import state as state_file
from supple.sync.diff import Action, SyncPlan, Written, plan_sync, remote_from_state, to_download
from supple.sync.events import LocalEvent, RemoteEvent, body, remote_event
from supple.sync.remote import Conflict, Server, SyncFailed

PRODID = "-//supple//supple calendar sync//EN"


@dataclass
class Report:
    """What a sync did (or, for a dry run, would do). ``done`` are the writes made,
    ``conflicts`` those the server refused because the event changed meanwhile."""

    plan: SyncPlan
    dry_run: bool
    done: list[Action] = field(default_factory=list)
    conflicts: list[Action] = field(default_factory=list)


def _current(remote: Sequence[RemoteEvent], old: dict[str, Written],
             local: dict[str, LocalEvent]) -> tuple[dict[str, Written], dict[str, tuple[str, str | None]]]:
    """The state as the server stands before any write."""
    written: dict[str, Written] = {}
    foreign: dict[str, tuple[str, str | None]] = {}
    for event in remote:
        if not event.owned:
            foreign[event.href] = (event.uid_hash, event.etag)
            continue
        if event.edited:  # keep what supple wrote, so the edit is found again next time
            written[event.uid] = old.get(event.uid) or Written(
                event.href, None, event.written_hash or "", event.sequence,
                event.start or dt.datetime.min.replace(tzinfo=dt.UTC))
            continue
        mine = local.get(event.uid)
        summary = mine.summary if mine else (old[event.uid].summary if event.uid in old else "")
        written[event.uid] = Written(event.href, event.etag, event.written_hash or "", event.sequence,
                                     event.start or dt.datetime.min.replace(tzinfo=dt.UTC), summary)
    on_server = {event.uid for event in remote if event.owned}
    for uid, entry in old.items():  # deleted in the calendar: remembered, so not put back
        if uid not in on_server:
            written[uid] = entry
    return written, foreign


def sync(server: Server, local: Sequence[LocalEvent], token: str, now: dt.datetime, *,
         dry_run: bool = False, force: bool = False,
         progress: Callable[[Action], None] | None = None) -> Report:
    """Bring the calendar at ``server`` in step with ``local`` (the routine's events, whose
    routine has the ``X-SUPPLE-ROUTINE`` value ``token``), or only work out how (``dry_run``)."""
    saved = state_file.load(server.url, token)
    server.check()
    listing = server.listing()
    foreign_etags = {href: etag for href, (_key, etag) in saved.foreign.items()}
    wanted = to_download(listing, saved.written, foreign_etags)
    downloaded: list[RemoteEvent] = []
    for href, etag, data in server.fetch(wanted) if wanted else []:
        found = remote_event(href, etag, data, token)
        # a resource without a VEVENT (a task) is remembered as foreign, so not fetched again
        downloaded.append(found or RemoteEvent(href=href, etag=etag, uid="", owned=False, uid_hash=""))
    remote = remote_from_state(listing, saved.written, saved.foreign, downloaded)
    by_uid = {event.uid: event for event in local}
    plan = plan_sync(local, remote, saved.written, now, force=force)
    report = Report(plan, dry_run)
    if dry_run:
        return report
    written, foreign = _current(remote, saved.written, by_uid)
    current = state_file.State(server.url, token, written, foreign)
    try:
        for action in plan.actions:
            try:
                if action.kind == "remove":
                    assert action.href is not None
                    server.delete(action.href, action.etag)
                    current.written.pop(action.uid, None)
                else:
                    event = action.event
                    assert event is not None
                    href = action.href or server.href_for(action.uid)
                    stored = server.put(href, body(event, token, action.sequence, PRODID), action.etag)
                    current.written[action.uid] = Written(href, stored.etag, event.hash, action.sequence,
                                                          event.start, event.summary)
                    if action.href is not None:  # a foreign event taken over (--force)
                        current.foreign.pop(action.href, None)
            except Conflict:
                report.conflicts.append(action)
                continue
            except SyncFailed as exc:
                raise SyncFailed(f"{exc}; {len(report.done)} of {plan.writes} changes were made "
                                 "before it stopped, each one whole; run the same command again "
                                 "to finish") from None
            report.done.append(action)
            if progress is not None:
                progress(action)
    finally:
        state_file.save(current)
    return report


