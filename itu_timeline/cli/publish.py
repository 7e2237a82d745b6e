"""The commands that publish: export (iCalendar feeds) and chart (terminal, SVG, HTML)."""

import io
import sys
from collections.abc import Iterable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from dateutil.relativedelta import relativedelta

from itu_timeline.base import i18n
from itu_timeline.base.errors import NegativeCheck, UsageError
from itu_timeline.base.i18n import _, ngettext
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.options import for_option, with_filters
from itu_timeline.cli.output import print_chart
from itu_timeline.core.query import Filter, select

commands = typer.Typer()  # put on the app by cli.main


class SplitBy(StrEnum):
    BODY = "body"


@commands.command()
@with_filters
def export(
    ctx: typer.Context,
    filters: Filter,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_("Write to FILE (atomically), not stdout.")),
    ] = None,
    alarm: Annotated[
        list[str] | None,
        typer.Option(help=_("Add a reminder this long before each deadline: 12h, 1d, 7d, 2w.")),
    ] = None,
    alarm_events: Annotated[
        bool, typer.Option(help=_("Also put the --alarm reminders before each event."))
    ] = False,
    no_deadlines: Annotated[
        bool, typer.Option("--no-deadlines", help=_("Leave the deadline events out."))
    ] = False,
    name: Annotated[
        str | None, typer.Option(help=_("Calendar name (default: the calendar's `name`)."))
    ] = None,
    split_by: Annotated[
        SplitBy | None, typer.Option(help=_("Write one feed per body into --output-dir."))
    ] = None,
    output_dir: Annotated[
        Path | None, typer.Option(help=_("Folder for --split-by feeds (and all.ics)."))
    ] = None,
) -> None:
    """An iCalendar (.ics) file of the filtered events and their deadlines.

    An event with dates is an all-day event; one with times is timed (in UTC). Each deadline
    is an event of its own, related to its meeting: timed (in UTC) where its source gives a
    time, all-day on its date where it gives none (no time is made up). UIDs are stable, so
    importing again or refreshing a subscription updates instead of duplicating. Events whose
    days are not announced are left out (a note says how many). Titles are the ITU's names in
    the language of the run (--lang), English where it gives none in that language.

    \b
    Examples:
      itu-timeline export -o itu.ics
      itu-timeline export --body ITU-T --alarm 7d --alarm 1d -o itu-t.ics
      itu-timeline export --split-by body --output-dir public/feeds
      itu-timeline export --lang fr -o itu-fr.ics
    """
    from itu_timeline.cli.site_files import write_feeds
    from itu_timeline.core.dates import parse_duration
    from itu_timeline.core.titles import in_language
    from itu_timeline.render.ics import ExportOptions, chunks

    settings: Settings = ctx.obj
    if (split_by is None) != (output_dir is None):
        raise UsageError(_("--split-by and --output-dir go together"))
    if alarm_events and not alarm:
        raise UsageError(
            _("--alarm-events puts the --alarm reminders before events: give --alarm too")
        )
    calendar = settings.calendar()
    chosen = select(calendar.events, filters)
    events = [in_language(e, i18n.current()) for e in chosen if not e.is_approximate]
    if len(events) < len(chosen):
        left_out = ", ".join(e.id for e in chosen if e.is_approximate)
        report("note", [_("left out, their days are not announced: {ids}").format(ids=left_out)])
    if not events:  # RFC 5545 wants a component in a VCALENDAR; an old file stays as it was
        raise NegativeCheck(_("nothing to export: no event with announced days matches"))
    options = ExportOptions(
        name=name or calendar.name,
        stamp=settings.now.utc(),
        alarms=tuple(for_option("--alarm", parse_duration, a) for a in alarm or ()),
        alarm_events=alarm_events,
        deadlines=not no_deadlines,
    )
    if output_dir is not None:
        feeds = write_feeds(output_dir, events, calendar.rules, options, make_folders=True)
        wrote = ngettext(
            "wrote {n} feed into {folder}", "wrote {n} feeds into {folder}", len(feeds)
        )
        report("note", [wrote.format(n=len(feeds), folder=output_dir)])
    elif output is not None:
        write_chunks(output, chunks(events, calendar.rules, options))
    else:
        for chunk in chunks(events, calendar.rules, options):
            sys.stdout.buffer.write(chunk)


def write_chunks(path: Path, pieces: Iterable[bytes]) -> None:
    from itu_timeline.base.atomic import open_atomically

    with open_atomically(path, make_folders=True) as out:
        for piece in pieces:
            out.write(piece)


class GroupBy(StrEnum):
    BODY = "body"
    KIND = "kind"


@commands.command()
@with_filters
def chart(
    ctx: typer.Context,
    filters: Filter,
    by: Annotated[
        GroupBy, typer.Option(help=_("Group the rows by body or by kind."))
    ] = GroupBy.BODY,
    width: Annotated[
        int | None,
        typer.Option(min=40, help=_("Columns to use (default: the terminal's, else 80).")),
    ] = None,
    svg: Annotated[
        Path | None, typer.Option(help=_("Also save the chart as an SVG picture."))
    ] = None,
    html: Annotated[
        Path | None, typer.Option(help=_("Also save the chart as an HTML page."))
    ] = None,
) -> None:
    """A Gantt chart of the filtered events, with deadlines as markers and a line for today.

    The range is --from and --to, by default today to twelve months ahead. On a terminal it
    is drawn in colour; when piped, in plain ASCII.

    \b
    Examples:
      itu-timeline chart
      itu-timeline chart --from 2027-01 --to 2027-12 --by kind --width 160
      itu-timeline chart --body ITU --svg itu-2027.svg
    """
    from itu_timeline.core.deadlines import all_deadlines
    from itu_timeline.render.chart import UNICODE, chart_lines

    settings: Settings = ctx.obj
    first = filters.start or settings.today
    last = filters.end or first + relativedelta(months=12, days=-1)
    if last < first:
        raise UsageError(_("--to {last} is before --from {first}").format(last=last, first=first))
    calendar = settings.calendar()
    events = select(calendar.events, replace(filters, start=first, end=last))
    deadlines = all_deadlines(calendar, events)

    def draw(glyphs: Any, columns: int, full_titles: bool = False) -> list[Any]:
        return chart_lines(
            events,
            deadlines,
            first,
            last,
            settings.today,
            columns,
            settings.now.zone,
            by.value,
            glyphs,
            full_titles=full_titles,
        )

    if svg or html:
        # A picture has no terminal to fit: a wide timeline and whole titles.
        save_pictures(draw(UNICODE, width or 160, full_titles=True), svg, html)
    print_chart(settings, draw, width)


def save_pictures(lines: list[Any], svg: Path | None, html: Path | None) -> None:

    from rich.console import Console

    from itu_timeline.base.atomic import write_atomically

    width = max(line.cell_len for line in lines)
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True)
    for line in lines:
        console.print(line, no_wrap=True, overflow="crop")
    if svg:
        svg_text = console.export_svg(title="itu-timeline", clear=False)
        write_atomically(svg, svg_text.encode(), make_folders=True)
    if html:
        write_atomically(html, console.export_html(clear=False).encode(), make_folders=True)
