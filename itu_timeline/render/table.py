"""Rich tables for a terminal. Calendar text always enters Rich as `Text`, never as markup."""

from collections.abc import Iterable
from itertools import groupby

from rich.table import Table
from rich.text import Text

from itu_timeline.model import Event, Status
from itu_timeline.render.styles import body_style
from itu_timeline.text import human_span, month_year, safe

STATUS_STYLES = {
    Status.TENTATIVE: "yellow",
    Status.POSTPONED: "red",
    Status.CANCELLED: "strike dim",
}


def events_table(events: Iterable[Event]) -> Table:
    """The timeline grouped by the month each event starts in."""
    table = Table(header_style="bold", pad_edge=False)
    table.add_column("Dates", no_wrap=True)
    table.add_column("Body", no_wrap=True)
    table.add_column("Kind", max_width=15, overflow="ellipsis", no_wrap=True)
    table.add_column("Event (id)", ratio=3, min_width=20)
    table.add_column("Where", ratio=1, min_width=8)
    for month, group in groupby(events, key=lambda e: month_year(e.start)):
        table.add_row(Text(month, style="bold underline"))
        for event in group:
            table.add_row(*_cells(event))
        table.add_section()
    return table


def _cells(event: Event) -> list[Text]:
    title = Text(safe(event.title))
    if event.status is not Status.CONFIRMED:
        title.append(f" ({event.status.value})", style=STATUS_STYLES[event.status])
    title.append(f"\n{event.id}", style="dim")  # the id to pass to `show`, `edit`, `remove`
    return [
        Text(human_span(event)),
        Text(event.body.value, style=body_style(event.body.value)),
        Text(event.kind.value),
        title,
        Text(safe(event.location or "")),
    ]
