"""Event UIDs are made without hashlib but are exactly the name-based UUIDs (RFC 4122 version 5)
the standard library makes, so every UID supple ever wrote stays the same: for any namespace
and name, with CPython's built-in SHA-1 and with hashlib's when that is missing."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from supple_ics import build

NAMESPACES = st.one_of(
    st.sampled_from([uuid.NAMESPACE_URL, uuid.NAMESPACE_DNS, uuid.NAMESPACE_OID,
                     uuid.NAMESPACE_X500, build.NAMESPACE]),
    st.uuids(),
)
NAMES = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)  # any encodable text


@settings(max_examples=500, derandomize=True, deadline=None)
@given(NAMESPACES, NAMES)
def test_uuid5_is_the_standard_librarys(namespace, name):
    made = build.uuid5(namespace, name)
    assert made == uuid.uuid5(namespace, name)
    assert str(made) == str(uuid.uuid5(namespace, name)) and made.version == 5


def test_event_uids_are_the_ones_supple_always_wrote():
    # the recipe, spelled out with the standard library
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://supple.invalid/ics/event")
    assert build.NAMESPACE == namespace
    routine = uuid.uuid5(namespace, "routine:morning-mobility")
    assert build.routine_namespace("morning-mobility") == routine
    day = dt.date(2026, 12, 7)
    expected = str(uuid.uuid5(routine, "2026-12-07#2"))
    assert build.event_uid("morning-mobility", day, 2) == expected
    assert build.event_uid(routine, day, 2) == expected
    assert build.event_uid("Ünïcödé ✓ id", day, 1) == str(uuid.uuid5(
        uuid.uuid5(namespace, "routine:Ünïcödé ✓ id"), "2026-12-07#1"))


def test_without_the_builtin_sha1_hashlib_gives_the_same_uids():
    code = (
        "import json, sys\n"
        "sys.modules['_sha1'] = None  # as on a Python built without it\n"
        "import datetime as dt\n"
        "from supple_ics import build\n"
        "print(json.dumps([build._sha1.__module__, str(build.NAMESPACE),\n"
        "                  build.event_uid('morning-mobility', dt.date(2026, 12, 7), 1)]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    module, namespace, uid = json.loads(result.stdout.splitlines()[-1])
    assert module != "_sha1"
    assert namespace == str(build.NAMESPACE)
    assert uid == build.event_uid("morning-mobility", dt.date(2026, 12, 7), 1)
