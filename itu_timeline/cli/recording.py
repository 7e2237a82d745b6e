"""The change log as the commands use it: `recording`, which every command that changes a
calendar (`feeds refresh`, `import`, `add`, `edit`, `remove`, and any to come, such as a
letter's) wraps its change in, so that what it changed reaches the log; the one line
`feeds refresh` prints; the lines `remind` tells."""

import contextlib
from collections import Counter
from collections.abc import Iterator
from datetime import date

from itu_timeline.base.errors import TimelineError
from itu_timeline.base.i18n import N_, _, ngettext
from itu_timeline.cli.app import Settings
from itu_timeline.core.changes import Change, Source
from itu_timeline.core.model import Calendar
from itu_timeline.core.query import Filter

# TRANSLATORS: kinds of change, each followed by how many there were ('dates moved 1')
WHAT = {"added": N_("added"), "removed": N_("removed"), "status": N_("status changed"),
        "dates": N_("dates moved"), "place": N_("place changed"), "format": N_("format changed"),
        "deadline-added": N_("deadline added"), "deadline-moved": N_("deadline moved"),
        "deadline-removed": N_("deadline removed")}  # fmt: skip
SOURCES = {"feed": N_("feed {name}"), "import": N_("import {name}"), "edit": N_("edit {name}"),
           "letter": N_("letter {name}")}  # fmt: skip


def summary(found: list[Change]) -> str:
    """One line for `feeds refresh`: how many changes, from where, of which kinds:
    '5 changes from feed itu (dates moved 1, deadline added 1, deadline moved 3); ...'."""
    kinds = Counter(c.change for c in found)
    sources = ", ".join(sorted({_(SOURCES[c.source]).format(name=c.source_name) for c in found}))
    counts = ", ".join(f"{_(WHAT[kind])} {n}" for kind, n in sorted(kinds.items()))
    told = ngettext(
        "{n} change from {sources} ({counts}); run itu-timeline changes to see them",
        "{n} changes from {sources} ({counts}); run itu-timeline changes to see them",
        len(found),
    )
    return told.format(n=len(found), sources=sources, counts=counts)


def _calendar(settings: Settings) -> Calendar | None:
    try:
        return settings.calendar()
    except TimelineError:
        return None  # a calendar that cannot be read has no changes to tell; the command says why


@contextlib.contextmanager
def recording(settings: Settings, source: Source) -> Iterator[list[Change]]:
    """Around a command that changes a calendar: what it changed in the calendars in use
    goes into the change log, and into the list this yields, once the command is done."""
    from itu_timeline.store import changelog

    before = _calendar(settings)
    found: list[Change] = []
    try:
        yield found
    finally:  # what a command changed before it failed has reached the calendar all the same
        after = _calendar(settings) if before is not None else None
        if before is not None and after is not None:
            found += changelog.record(before, after, source, settings.now.utc(), settings.today)


def changes_to_tell(
    log: list[Change],
    reported: dict[str, tuple[date, set[int]]],
    settings: Settings,
    keep: Filter,
    horizon: int,
) -> list[str]:
    """`remind`'s lines for the changes it has not told yet, each remembered in `reported`
    (the reminder state) as told: `!~` and the day it matters on, then `changed`, body, id
    and what changed."""
    from itu_timeline.core.changes import to_remind
    from itu_timeline.core.text import safe

    lines = []
    for key, day, change in to_remind(log, settings.today, horizon):
        if key in reported or not keep.matches(change.as_event()):
            continue
        reported[key] = (day, set())
        # TRANSLATORS: the type column of remind's line for a change (beside 'deadline', 'event')
        changed = _("changed")
        what = f"{change.day.isoformat()}  {changed}  {change.body}  {change.event_id}"
        lines.append(f"~ {what}  {safe(change.text())}\n")
    return lines


def recently_changed(settings: Settings, keep: Filter, days: int) -> list[Change]:
    """The changes of the last `days` to events `keep` takes that are not over, newest first
    (for `digest` and the published page)."""
    from datetime import timedelta

    from itu_timeline.core.changes import read_log, recent

    first = settings.today - timedelta(days=days - 1)
    return recent(read_log(), first, settings.today, settings.now.zone, keep.matches, True)
