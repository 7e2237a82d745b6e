"""The reading commands: list, upcoming, remind, show, validate."""

import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from itu_timeline.base.errors import NegativeCheck, StateError, TimelineError, ValidationFailed
from itu_timeline.base.i18n import _, ngettext
from itu_timeline.cli.app import Settings, complete_ids, report
from itu_timeline.cli.options import (
    FormatOption,
    OutputFormat,
    chosen_format,
    for_option,
    note_unknown_tags,
    with_filters,
)
from itu_timeline.core import loader
from itu_timeline.core.query import Filter, find_event, select

commands = typer.Typer()  # put on the app by cli.main
ID_HELP = _("The event's id, a unique start of it, or its UID in its source.")
DRY_RUN_HELP = _("Print, but remember nothing (the default with --today and no --state).")
FILES_HELP = _("Calendar files (default: the calendars in use).")


@commands.command("list")
@with_filters
def list_events(ctx: typer.Context, filters: Filter, fmt: FormatOption = None) -> None:
    """The timeline of events, sorted by first day.

    \b
    Examples:
      itu-timeline list --from 2026 --to 2026 --body ITU-T
      itu-timeline list --tag elections --format json
      itu-timeline list -s "study group 17" --from today
    """
    settings: Settings = ctx.obj
    if filters == Filter() and chosen_format(fmt) is OutputFormat.JSON:  # rows from the cache
        from itu_timeline.render.json_rows import whole_json

        sys.stdout.writelines(whole_json(settings.calendars, settings.now.zone, settings.calendar))
        return
    window = (filters.start, filters.end) if filters.start and filters.end else None  # day index
    calendar = settings.calendar(within=window)
    everything = [lambda: settings.calendar().events] if window else []
    note_unknown_tags(filters, lambda: calendar.events, *everything)
    events = select(calendar.events, filters)
    match chosen_format(fmt):
        case OutputFormat.TABLE:
            from itu_timeline.cli.output import print_rich, terminal_width
            from itu_timeline.render.table import events_table

            print_rich(settings, events_table(events, settings.now.zone, terminal_width()))
        case OutputFormat.PLAIN:
            from itu_timeline.render.plain import event_lines

            sys.stdout.write(event_lines(events, settings.now.zone))
        case OutputFormat.JSON:
            from itu_timeline.render.json_csv import events_json

            sys.stdout.writelines(events_json(events, settings.now.zone))
        case OutputFormat.CSV:
            from itu_timeline.render.json_csv import EVENT_FIELDS, event_records, to_csv

            sys.stdout.write(to_csv(event_records(events, settings.now.zone), EVENT_FIELDS))


@commands.command()
@with_filters
def upcoming(
    ctx: typer.Context,
    filters: Filter,
    days: Annotated[
        int, typer.Option(min=0, max=36600, help=_("How many days ahead to look."))
    ] = 30,
    overdue: Annotated[
        bool, typer.Option(help=_("Also deadlines already past whose event has not ended."))
    ] = False,
    check: Annotated[
        bool, typer.Option(help=_("Print nothing; exit 0 if anything is due, 1 if nothing is."))
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Events starting or ongoing, and deadlines due, within the next --days, soonest first.

    Quiet when nothing is new, so a cron job mails only when there is something to say: an
    event without announced days only in the window its month or year begins in. Plain lines
    start with an urgency mark: '!!' today or tomorrow, '! ' within 7 days, 'x ' overdue.

    \b
    Examples:
      itu-timeline upcoming
      itu-timeline --tz America/New_York upcoming --days 90 --body ITU-T
      itu-timeline upcoming --check --days 7 && echo "something is due this week"
    """
    from itu_timeline.core.upcoming import news
    from itu_timeline.core.upcoming import upcoming as find_upcoming

    settings: Settings = ctx.obj
    # A past deadline can be of any age: --overdue reads every event, not only the window's.
    calendar = settings.calendar(None if overdue else days)
    items = find_upcoming(calendar, filters, settings.now, days, overdue)
    if check:
        if not news(items):
            raise NegativeCheck()
        return
    match chosen_format(fmt):
        case OutputFormat.TABLE:
            from itu_timeline.cli.output import print_rich, terminal_width
            from itu_timeline.render.table import items_table, undated_footer

            if shown := news(items):
                print_rich(settings, items_table(shown, settings.now.zone, terminal_width()))
            else:
                sys.stderr.write(_nothing_soon(settings, filters, days))
            if footer := undated_footer([i for i in items if not i.is_news]):
                print_rich(settings, footer)
        case OutputFormat.PLAIN:
            from itu_timeline.render.plain import item_lines

            sys.stdout.write(item_lines(news(items), settings.now.zone))
        case OutputFormat.JSON:
            from itu_timeline.render.json_csv import item_record, to_json

            sys.stdout.writelines(to_json(item_record(i, settings.now.zone) for i in items))
        case OutputFormat.CSV:
            from itu_timeline.render.json_csv import ITEM_FIELDS, item_record, to_csv

            records = (item_record(i, settings.now.zone) for i in items)
            sys.stdout.write(to_csv(records, ITEM_FIELDS))


@commands.command()
@with_filters
def remind(
    ctx: typer.Context,
    filters: Filter,
    at: Annotated[
        str, typer.Option(help=_("Days-left thresholds to remind at, comma-separated."))
    ] = "30,7,1,0",
    state: Annotated[
        Path | None,
        typer.Option(
            help=_("State file (default: $XDG_STATE_HOME/itu-timeline/remind.toml)."),
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option(help=DRY_RUN_HELP)] = False,
) -> None:
    """For a daily cron job: one line per item whose days left just fell to a threshold, and
    one per change (`changes`) to an event or deadline within the largest threshold.

    Each item is reported once per threshold, and only the tightest threshold crossed since
    the last run is printed, so a day the machine was off is caught up without repeats. The
    lines have the format of `upcoming`'s plain output. Each change is told once. Prints
    nothing when nothing is new.

    \b
    Examples:
      itu-timeline remind
      itu-timeline remind --at 60,14,2 --body ITU-T --state ~/itu-t.toml
      itu-timeline remind --dry-run
    """
    from itu_timeline.cli.recording import changes_to_tell
    from itu_timeline.core.changes import read_log
    from itu_timeline.core.reminders import (
        default_state_path,
        due_reminders,
        parse_thresholds,
        remembered,
    )
    from itu_timeline.core.upcoming import upcoming as find_upcoming
    from itu_timeline.render.plain import item_line

    settings: Settings = ctx.obj
    thresholds = for_option("--at", parse_thresholds, at)
    path = state or default_state_path()
    if settings.now.pinned and state is None and not dry_run:
        # A pretended day must not use up the real reminders of the days to come.
        dry_run = True
        report("note", [_("--today is set and no --state is given: a dry run, nothing remembered")])
    calendar = settings.calendar(thresholds[0])
    log = read_log()  # before the lock: a damaged log is not the reminder state's fault
    try:
        with remembered(path, dry_run) as memory:  # written back before anything is printed
            items = find_upcoming(calendar, filters, settings.now, days=thresholds[0])
            reminders = due_reminders(items, thresholds, memory)
            changed = changes_to_tell(log, memory.reported, settings, filters, thresholds[0])
            memory.prune(settings.today)
    except StateError as err:
        raise err.with_hint(_("move it away to start afresh, or point --state elsewhere")) from err
    sys.stdout.write("".join(item_line(r.item, settings.now.zone) + "\n" for r in reminders))
    sys.stdout.writelines(changed)


@commands.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help=ID_HELP, autocompletion=complete_ids)
    ],
) -> None:
    """One event in full: dates, place, status, source, and its deadlines with countdowns.

    \b
    Examples:
      itu-timeline show pp-26
      itu-timeline show apt-apg27     # a unique start of an id, or its UID
      itu-timeline --today 2026-06-01 --tz Asia/Tokyo show pp-26
    """
    from itu_timeline.cli.output import print_chart
    from itu_timeline.core.upcoming import deadline_items
    from itu_timeline.render.chart import chart_lines
    from itu_timeline.render.plain import show_text

    settings: Settings = ctx.obj
    calendar = settings.calendar()
    event = find_event(calendar, event_id, loose=True)
    items = deadline_items(event, calendar.rules, settings.now)
    sys.stdout.write(show_text(event, items, settings.now.zone))
    if calendar.curated and event.origin == calendar.curated[0]:
        sys.stdout.write(loader.curated_notes(calendar)[0] + "\n")
    # A small chart: the event and its deadlines, with a week either side.
    deadlines = [i.deadline for i in items if i.deadline]
    days = [event.first_day, event.last_day, *(d.day_in(settings.now.zone) for d in deadlines)]
    first, last = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
    sys.stdout.write("\n")
    print_chart(
        settings,
        lambda glyphs, columns: chart_lines(
            [event],
            deadlines,
            first,
            last,
            settings.today,
            columns,
            settings.now.zone,
            glyphs=glyphs,
            groups=False,
        ),
    )


@commands.command()
def validate(
    ctx: typer.Context,
    files: Annotated[list[Path] | None, typer.Argument(help=FILES_HELP, show_default=False)] = None,
    strict: Annotated[bool, typer.Option(help=_("Fail on warnings too."))] = False,
) -> None:
    """Check calendar files: every problem listed on stderr, a summary on stdout.

    Errors are what the loader refuses. Warnings are data-quality findings: an event without a
    source, an official event whose source is no official page or letter, a deadline after its
    event starts, two deadlines of one event that say the same thing, a rule that matches no
    event, an event longer than 60 days, control characters.
    Exit 1 when there is any error (or any warning with --strict).

    \b
    Examples:
      itu-timeline validate
      itu-timeline validate --strict data/events.toml
    """
    from itu_timeline.core.deadlines import all_deadlines
    from itu_timeline.core.quality import summarize, warnings

    settings: Settings = ctx.obj
    paths = list(files) if files else loader.default_sources(settings.calendars)
    try:
        calendar = loader.load(paths)
    except TimelineError as err:  # what the loader refuses is what validate reports
        raise ValidationFailed(err.lines()) from err
    deadlines = all_deadlines(calendar)
    found = warnings(calendar, deadlines)
    report("warning", [str(w) for w in found])
    summary = summarize(calendar, deadlines)
    sys.stdout.writelines(f"{note}\n" for note in loader.curated_notes(calendar))
    sys.stdout.write(summary.text(len(paths), len(found)))
    if found and strict:
        message = ngettext(
            "{n} warning, and --strict fails on warnings",
            "{n} warnings, and --strict fails on warnings",
            len(found),
        )
        raise NegativeCheck(message.format(n=len(found)))


def _nothing_soon(settings: Settings, filters: Filter, days: int) -> str:
    """At a terminal, an empty answer says what comes next (cron sees nothing: it is piped)."""
    from itu_timeline.core.upcoming import upcoming as find_upcoming

    later = find_upcoming(settings.calendar(), filters, settings.now, days=36600)
    dated = next((i for i in later if i.days_left is not None and i.days_left > days), None)
    from itu_timeline.render.plain import nothing_soon

    return nothing_soon(days, dated)
