"""Keeping a CalDAV calendar in step with a routine's programme (``supple sync``).

The events are exactly those of the ``ics`` exporter (same UIDs, same content), run through
the public exporter API and read back with icalendar, so this package depends on no plugin's
internals. The modules, smallest first:

* :mod:`supple.sync.events`: the exporter's VEVENTs as :class:`LocalEvent`, a server's
  resources as :class:`RemoteEvent`, content hashes and the body written for each event;
* :mod:`supple.sync.diff`: pure functions from (local events, remote events with ETags, what
  supple last wrote) to the actions a sync takes;
* :mod:`supple.sync.state`: the small local file of the ETags and hashes supple last wrote;
* :mod:`supple.sync.credentials`: the password, from the environment, netrc or the keyring;
* :mod:`supple.sync.remote`: talking to the server with the ``caldav`` library;
* :mod:`supple.sync.run`: one sync, from start to report.

Nothing here is imported by ``import supple``: ``supple sync`` imports it when it runs.
"""
