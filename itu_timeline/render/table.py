"""Rich tables for a terminal. Calendar text always enters Rich as `Text`, never as markup."""

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from rich.table import Table
from rich.text import Text

from itu_timeline.base.i18n import _, current
from itu_timeline.core.model import Event, Precision, Status
from itu_timeline.core.text import announced_span, events_count, human_span, month_year, safe
from itu_timeline.core.titles import shown_title
from itu_timeline.core.upcoming import Item, Urgency, countdown
from itu_timeline.render.plain import URGENCY_MARKS, item_text, item_when, status_name
from itu_timeline.render.styles import body_style

STATUS_STYLES = {
    Status.TENTATIVE: "yellow",
    Status.POSTPONED: "red",
    Status.CANCELLED: "strike dim",
}


# From this many columns on, dates and times stay on one line; below, they wrap too.
ROOMY = 80


def events_table(events: Iterable[Event], zone: ZoneInfo, width: int = ROOMY) -> Table:
    """The timeline grouped by the month each event starts in; an event known only to the
    year under its year, never under a January it may not be in. Below 80 columns the kind
    moves under the title, beside the id, so that no column is too narrow for its words."""
    shown = list(events)
    roomy = width >= ROOMY
    # Every column may wrap, at spaces: a word is split only when it is longer than its
    # column, which is as wide as the longest title word (up to 16) allows.
    longest = max((len(w) for e in shown for w in shown_title(e).split()), default=8)
    table = Table(header_style="bold", pad_edge=False)
    table.add_column(_("Dates"), min_width=8, max_width=None if roomy else 11, no_wrap=roomy)
    table.add_column(_("Body"), no_wrap=True)
    if roomy:
        table.add_column(_("Kind"), no_wrap=True)
    table.add_column(_("Event (id)"), ratio=3, min_width=min(longest, 15), overflow="fold")
    table.add_column(_("Where"), ratio=1, min_width=5, overflow="fold")
    for heading, group in groupby(shown, key=_heading):
        table.add_row(Text(heading, style="bold underline"))
        for event in group:
            table.add_row(*_cells(event, zone, roomy))
        table.add_section()
    return table


def _heading(event: Event) -> str:
    return (
        str(event.first_day.year)
        if event.precision is Precision.YEAR
        else month_year(event.first_day)
    )


def _cells(event: Event, zone: ZoneInfo, roomy: bool) -> list[Text]:
    title = Text(safe(shown_title(event)))
    if event.status is not Status.CONFIRMED:
        title.append(f" [{status_name(event.status)}]", style=STATUS_STYLES[event.status])
    # the id to pass to `show`, `edit`, `remove`
    title.append(f"\n{event.id}" if roomy else f"\n{event.id} · {event.kind.value}", style="dim")
    kind = [Text(event.kind.value)] if roomy else []
    return [
        Text(human_span(event, zone)),
        Text(event.body.value, style=body_style(event.body.value)),
        *kind,
        title,
        Text(safe(event.location or "")),
    ]


URGENCY_STYLES = {
    Urgency.NOW: "bold red",
    Urgency.SOON: "yellow",
    Urgency.LATER: "",
    Urgency.PAST: "dim red",
}


def items_table(items: Iterable[Item], zone: ZoneInfo, width: int = ROOMY) -> Table:
    """Upcoming events and deadlines, coloured by urgency."""
    table = Table(header_style="bold", pad_edge=False)
    table.add_column(_("When ({zone})").format(zone=zone.key), min_width=10, no_wrap=width >= ROOMY)
    table.add_column(_("Countdown"), min_width=8, no_wrap=width >= ROOMY)
    table.add_column(_("Body"), no_wrap=True)
    table.add_column(_("What (event id)"), ratio=1, min_width=12, overflow="fold")
    for item in items:
        style = URGENCY_STYLES[item.urgency]
        mark = URGENCY_MARKS[item.urgency.value]  # said in text too: never by colour alone
        what = Text(item_text(item, zone), style="bold" if item.deadline else "")
        what.append(f"\n{item.event.id}", style="dim")
        table.add_row(
            Text(mark + _when_in_words(item, zone), style=style),
            Text(countdown(item), style=style),
            Text(item.event.body.value, style=body_style(item.event.body.value)),
            what,
        )
    return table


def _when_in_words(item: Item, zone: ZoneInfo) -> str:
    """When, as `item_when` says it; in a language other than English, in its own words
    ('10 déc. 2026 23:59 CET'), since a table is read by a person, not by a script."""
    if current() == "en":
        return item_when(item, zone)
    from itu_timeline.core import local_dates as words

    if item.day is None:
        return announced_span(item.event)
    timed = item.deadline.timed if item.deadline else item.event.is_timed
    if timed and item.instant is not None:
        local = item.instant.astimezone(zone)
        return f"{words.day(local)} {words.clock(local)} {local:%Z}"
    return words.day(item.day)


def records_table(records: Iterable[dict[str, Any]], columns: Mapping[str, str]) -> Table:
    """Records (of `feeds list`, `changes`) as a table with a column per key of `columns`,
    headed by its value; every cell text, never markup; an empty value is an empty cell."""
    table = Table(header_style="bold", pad_edge=False)
    for header in columns.values():
        table.add_column(header, overflow="fold")
    fields = list(columns)
    for record in records:
        table.add_row(*(Text(safe("" if record[f] is None else str(record[f]))) for f in fields))
    return table


def undated_footer(items: Sequence[Item]) -> Text | None:
    """One line for the events whose days are not announced and whose period began before
    the window: they are not news today, but a reader at a terminal may want to know."""
    if not items:
        return None
    events = [i.event for i in items]
    years = sorted({e.first_day.year for e in events} | {e.last_day.year for e in events})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    precisions = sorted({e.precision.value for e in events})
    command = f"itu-timeline list --from {years[0]} --to {years[-1]}" + "".join(
        f" --precision {p}" for p in precisions
    )
    return Text(
        _("Also in {span}, dates not announced: {count} — {command}").format(
            span=span, count=events_count(len(events)), command=command
        )
    )
