"""Plain lines for pipes, cron mail and grep: no colour, no box drawing, stable columns.

A `list` line is: dates (ISO `start..end`; `2027-06..2027-07` or `2027` when only the months
or the year are announced), body, kind, id, title, then `(June–July 2027, dates not announced)`,
`@ location` and `[status]` when they apply. Columns are separated by two spaces and the
first three are padded to fixed widths.
"""

from collections.abc import Iterable

from itu_timeline.model import Event, Status
from itu_timeline.text import approximate_label, iso_span, safe

DATE_WIDTH = len("2026-11-09..2026-11-27")
BODY_WIDTH = 5
KIND_WIDTH = len("plenipotentiary")


def event_line(event: Event) -> str:
    line = (
        f"{iso_span(event):<{DATE_WIDTH}}  {event.body.value:<{BODY_WIDTH}}  "
        f"{event.kind.value:<{KIND_WIDTH}}  {event.id}  {safe(event.title)}"
    )
    if event.is_approximate:
        line += f" ({approximate_label(event).replace(' (', ', ').rstrip(')')})"
    if event.location:
        line += f" @ {safe(event.location)}"
    if event.status is not Status.CONFIRMED:
        line += f" [{event.status.value}]"
    return line


def event_lines(events: Iterable[Event]) -> str:
    """One line per event; nothing at all (not even a newline) when there are none."""
    return "".join(event_line(e) + "\n" for e in events)
