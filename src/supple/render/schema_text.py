"""Descriptions of the engine's keys in the JSON Schema, as docs/routine-format.md gives them
(the "meaning" column of its tables, kept equal to it by tests/schema/test_schema.py)."""

from __future__ import annotations

#: (table, key) -> description
DOCUMENTED: dict[tuple[str, str], str] = {
    ('routine', 'title'): 'shown in every output',
    ('routine', 'summary'): 'what the routine is for',
    ('routine', 'id'): (
        "the routine's stable identity: calendar event UIDs derive from it, so renaming the title "
        'or editing doses does not duplicate events. Letters, digits, `.`, `_`, `-`; at most 100.'
    ),
    ('routine', 'revised'): (
        'when the routine last changed; the calendar export uses it as DTSTAMP instead of the '
        'clock, so exports are reproducible'
    ),
    ('schedule', 'start'): (
        'first day of week 1 (a TOML local date without quotes: `2026-12-07`; the text '
        '`"2026-12-07"` is refused); without it the routine is a template that plans from the next day'
    ),
    ('schedule', 'weeks'): 'programme length, 1 to 156 weeks; or give `until`',
    ('schedule', 'until'): 'last day (inclusive); give `weeks` or `until`, not both',
    ('schedule', 'days'): (
        '`"daily"`, `"weekdays"`, `"weekends"`, one day, or a list such as `["mon", "wed", "fri"]` '
        '(full names and longer abbreviations such as `"tues"`, `"thurs"` work too; anything else is '
        'refused with a did-you-mean)'
    ),
    ('schedule', 'times'): 'local times of day, at most 6; always a list (`times = "07:30"` is refused)',
    ('schedule', 'timezone'): (
        'an IANA zone name such as `"Europe/Madrid"`; misspellings get a did-you-mean'
    ),
    ('schedule', 'skip'): (
        'days with no session: dates such as `2026-12-25` and ranges such as `{from = 2027-04-01, '
        'to = 2027-04-07}` (inclusive)'
    ),
    ('steps', 'exercise'): (
        'an exercise id from the catalogue (`supple exercises`), or its qualified name `set/id` '
        '(see "Names" below; `supple check --fix` writes it for you)'
    ),
    ('steps', 'sets'): 'sets',
    ('steps', 'reps'): 'repetitions per set (a list gives each set its own count); 0 for a pure hold',
    ('steps', 'hold'): 'how long each repetition (or the pose) is held',
    ('steps', 'per_side'): 'do every set on the left and then on the right',
    ('steps', 'rest'): 'rest between sets',
    ('steps', 'tempo'): 'seconds one repetition takes (otherwise the timing strategy decides)',
    ('steps', 'load_kg'): 'a weight held',
    ('steps', 'duration'): 'continuous work in each set, such as a walk (`"10m"`); paced as one phase',
    ('steps', 'distance_m'): 'a distance to cover, shown with the dose (`1.5 km`)',
    ('steps', 'level'): 'a level or intensity, shown with the dose (`"easy"`, `"level 2"`)',
    ('steps', 'note'): 'shown with the step in every output',
    ('profile', 'conditions'): (
        'conditions the safety filters act on, such as `osteoporosis`, `pregnancy`, `disc-'
        'herniation`'
    ),
    ('profile', 'red_flags'): 'warning signs; any of them stops planning with advice (exit status 3)',
    ('profile', 'pain'): (
        'pain today; 4-5 makes the session gentle and weight-free, 6 or more postpones it'
    ),
    ('profile', 'pregnancy_week'): 'the week of pregnancy, when pregnant',
    ('profile', 'age'): 'age in years',
    ('profile', 'cleared_by_surgeon'): (
        'a surgeon or clinician has cleared exercise after spinal surgery or with spinal implants'
    ),
}
