"""Plain lines for pipes, cron mail and grep: no colour, no box drawing, stable columns.

A `list` line is: dates (ISO `start..end`; `2027-06..2027-07` or `2027` when only the months
or the year are announced), body, kind, id, title, then `(June–July 2027, dates not announced)`,
`@ location` and `[status]` when they apply. Columns are separated by two spaces and the
first three are padded to fixed widths.
"""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from itu_timeline.core.model import Deadline, Event, Status
from itu_timeline.core.subscriptions import feed_of
from itu_timeline.core.text import (
    BASIS_WORDS,
    END_NOT_ANNOUNCED,
    TIME_NOT_STATED,
    approximate_note,
    dates_label,
    iso_span,
    safe,
)
from itu_timeline.core.upcoming import Item, countdown

DATE_WIDTH = len("2026-11-09..2026-11-27")
BODY_WIDTH = 5
KIND_WIDTH = len("plenipotentiary")
# What `status` answers: does the meeting take place as its organiser last announced it?
STATUS_WORDS = {
    Status.CONFIRMED: "as the organiser last announced it",
    Status.TENTATIVE: "no firm announcement by the organiser seen",
    Status.POSTPONED: "postponed, as the organiser announced",
    Status.CANCELLED: "cancelled, as the organiser announced",
}


def event_line(event: Event, zone: ZoneInfo) -> str:
    dates = (
        dates_label(event, zone).removesuffix(" " + END_NOT_ANNOUNCED)
        if event.is_timed
        else iso_span(event, zone)
    )
    line = (
        f"{dates:<{DATE_WIDTH}}  {event.body.value:<{BODY_WIDTH}}  "
        f"{event.kind.value:<{KIND_WIDTH}}  {event.id}  {safe(event.title)}"
    )
    if event.is_approximate:
        line += f" ({approximate_note(event)})"
    elif not event.end_known:
        line += f" {END_NOT_ANNOUNCED}"
    if event.location:
        line += f" @ {safe(event.location)}"
    if event.status is not Status.CONFIRMED:
        line += f" [{event.status.value}]"
    return line


def event_lines(events: Iterable[Event], zone: ZoneInfo) -> str:
    """One line per event; nothing at all (not even a newline) when there are none."""
    return "".join(event_line(e, zone) + "\n" for e in events)


URGENCY_MARKS = {"now": "!!", "soon": "! ", "later": "  ", "past": "x "}
WHEN_WIDTH = len("2026-10-12 23:59 CEST")
COUNTDOWN_WIDTH = len("ongoing: day 10 of 19")


def item_when(item: Item, zone: ZoneInfo) -> str:
    """When, in the display zone: a deadline's due time (or only its day, when no time is
    stated); an event's start time or first day; the months of an event without days."""
    if item.deadline is not None and item.deadline.timed:
        return item.deadline.due.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if item.deadline is None and item.event.is_timed and item.instant is not None:
        return item.instant.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if item.day is not None:
        return item.day.isoformat()
    return iso_span(item.event, zone)


def local_close(deadline: Deadline, zone: ZoneInfo) -> str:
    """' (until 2026-10-09 11:59 your time)' where the reader's zone is not the deadline's
    own: the moment it closes for the reader, which the date the source states hides (a
    deadline of 8 October in Geneva is still open on the 9th in Kiribati)."""
    local = deadline.due.astimezone(zone)
    if local.utcoffset() == deadline.due.utcoffset():
        return ""
    return f" (until {local:%Y-%m-%d %H:%M} your time)"


def item_text(item: Item, zone: ZoneInfo) -> str:
    event = item.event
    if item.deadline is None:
        # An event without announced days: its months stand in the when column and the
        # countdown says the days are not announced, so the title needs no note.
        text = safe(event.title)
        if not event.is_approximate and not event.end_known:
            text += f" {END_NOT_ANNOUNCED}"
    else:
        text = f"Deadline: {safe(item.deadline.name)} — {safe(event.title)}"
        if not item.deadline.timed:
            text += f" {TIME_NOT_STATED}"
        text += local_close(item.deadline, zone)
    if event.status is not Status.CONFIRMED:
        text += f" [{event.status.value}]"
    return text


def item_line(item: Item, zone: ZoneInfo) -> str:
    mark = URGENCY_MARKS[item.urgency.value]
    return (
        f"{mark}{item_when(item, zone):<{WHEN_WIDTH}}  {countdown(item):<{COUNTDOWN_WIDTH}}  "
        f"{item.type:<8}  {item.event.body.value:<{BODY_WIDTH}}  {item.event.id}  "
        f"{item_text(item, zone)}"
    )


def item_lines(items: Iterable[Item], zone: ZoneInfo) -> str:
    return "".join(item_line(i, zone) + "\n" for i in items)


def show_text(event: Event, deadlines: list[Item], zone: ZoneInfo) -> str:
    """One event in full, as labelled lines; its deadlines with countdowns."""
    rows = [
        ("Event", safe(event.title)),
        ("ID", event.id),
        ("Dates", dates_label(event, zone) + _day_count(event)),
        ("Body", event.body.value),
        ("Kind", event.kind.value),
        ("Format", event.format.value if event.format else ""),
        ("Status", f"{event.status.value} ({STATUS_WORDS[event.status]})"),
        ("Known", f"{event.basis.value} ({BASIS_WORDS[event.basis]})" if event.basis else ""),
        ("Where", safe(event.location or "")),
        ("Time zone", event.timezone),
        ("Tags", ", ".join(safe(t) for t in event.tags)),
        ("URL", safe(event.url or "")),
        ("Source", safe(event.source or "")),
        ("Outcome", f"took place: {safe(event.outcome)}" if event.outcome else ""),
        ("Revision", str(event.revision) if event.revision else ""),
        ("Updated", event.updated.isoformat() if event.updated else ""),
        ("UID", safe(event.uid or "")),
        ("Imported", _imported(event)),
        ("Feed", feed_of(event.origin) or ""),
        ("File", str(event.origin or "")),
    ]
    lines = [f"{label + ':':<11}{value}" for label, value in rows if value]
    if event.notes:
        lines += ["Notes:", *("  " + line for line in safe(event.notes, True).splitlines())]
    if deadlines:
        lines.append(f"Deadlines (times in {zone.key}):")
        for item in deadlines:
            name = safe(item.deadline.name) if item.deadline else ""
            if item.deadline and not item.deadline.timed:
                name += f" {TIME_NOT_STATED}"
            name += _printed_in(event, item)
            lines.append(f"  {item_when(item, zone):<{WHEN_WIDTH}}  {countdown(item):<12}  {name}")
    elif event.is_approximate:
        lines.append("Deadlines: none derived until the dates are announced.")
    return "\n".join(lines) + "\n"


def _printed_in(event: Event, item: Item) -> str:
    """' (printed in TSB Collective letter 2/3)' for a deadline the event's letter dates."""
    deadline = item.deadline
    if deadline is None or deadline.rule_id or not deadline.source or not event.source:
        return ""
    if not event.source.startswith(deadline.source):
        return ""
    return f" (printed in {safe(deadline.source)})"


def _day_count(event: Event) -> str:
    """' (19 days)' where the days are announced and more than one."""
    if event.is_approximate or not event.end_known or event.days == 1:
        return ""
    return f" ({event.days} days)"


def _imported(event: Event) -> str:
    if not event.imported:
        return ""
    return f"{len(event.imported)} fields remembered as the source gave them (import merges)"
