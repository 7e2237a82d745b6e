"""The command line: parses options, calls the core, picks a renderer, and turns every
`TimelineError` into `itu-timeline: error: ...` lines on stderr and exit code 2, in one place."""

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

import typer
from dateutil.relativedelta import relativedelta
from typer.core import TyperGroup

from itu_timeline import loader
from itu_timeline.dates import DATE_FORMS, first_day, last_day
from itu_timeline.errors import TimelineError, UnknownEventError, UsageError
from itu_timeline.model import Body, Calendar, Event, Kind, Status
from itu_timeline.query import Filter, make_filter, select
from itu_timeline.text import safe
from itu_timeline.zones import get_zone, system_zone_name

EXIT_NEGATIVE = 1  # a check came out negative
EXIT_ERROR = 2  # usage or data error

F = TypeVar("F", bound=Callable[..., Any])


class OutputFormat(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    JSON = "json"
    CSV = "csv"


@dataclass(frozen=True)
class Settings:
    """The global options, resolved once by the app callback."""

    today: date
    now: datetime
    pinned: bool  # --today or ITU_TIMELINE_TODAY was given
    zone: ZoneInfo
    calendars: tuple[str, ...]
    no_color: bool
    debug: bool

    def calendar(self) -> Calendar:
        return loader.load(loader.default_sources(self.calendars))


def report(level: str, lines: list[str]) -> None:
    """Diagnostics go to stderr, one line each, with calendar text made harmless."""
    for line in lines:
        sys.stderr.write(f"itu-timeline: {level}: {safe(line)}\n")


def find_event(calendar: Calendar, event_id: str) -> Event:
    event = calendar.event(event_id)
    if event is None:
        from difflib import get_close_matches

        close = get_close_matches(event_id, [e.id for e in calendar.events], n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownEventError(f"no event with id '{event_id}'{hint}")
    return event


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of event ids from the calendars in use."""
    try:
        given = ctx.parent.params.get("calendar") if ctx.parent else None
        calendar = loader.load(loader.default_sources(given or ()))
    except TimelineError:
        return []
    return [e.id for e in calendar.events if e.id.startswith(incomplete)]


class ErrorBoundary(TyperGroup):
    """Every command runs inside this: our errors become messages and exit 2, never tracebacks."""

    def invoke(self, ctx: Any) -> Any:  # a click Context; typer.Context narrows it
        try:
            return super().invoke(ctx)
        except TimelineError as err:
            if ctx.params.get("debug"):
                raise
            report("error", err.lines())
            ctx.exit(EXIT_ERROR)


app = typer.Typer(
    cls=ErrorBoundary,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="ITU meetings and deadlines: timelines, alerts for cron, and iCalendar feeds.",
    epilog="Dates everywhere accept " + DATE_FORMS + ".",
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"itu-timeline {version('itu-timeline')}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    today: Annotated[
        str | None,
        typer.Option(envvar="ITU_TIMELINE_TODAY", help="Pretend today is this date."),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz", envvar="ITU_TIMELINE_TZ", help="Display time zone (default: the system's)."
        ),
    ] = None,
    calendar: Annotated[
        list[str] | None,
        typer.Option(
            "--calendar",
            "-c",
            help="Calendar file to read (repeatable; replaces the defaults). "
            "Also ITU_TIMELINE_CALENDAR, ':'-separated.",
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour (also NO_COLOR).")
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show Python tracebacks of errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    zone = get_zone(tz or system_zone_name())
    if today is None:
        now = datetime.now(zone)
        pinned = now.date()
    else:
        pinned = first_day(today, datetime.now(zone).date())
        now = datetime.combine(pinned, time(0), zone)
    ctx.obj = Settings(
        today=pinned,
        now=now,
        pinned=today is not None,
        zone=zone,
        calendars=tuple(calendar or ()),
        no_color=no_color or "NO_COLOR" in os.environ,
        debug=debug,
    )


def keyword_options(annotations: dict[str, Any]) -> list[inspect.Parameter]:
    """Keyword parameters defaulting to None, from name -> Annotated[type, typer.Option(...)]."""
    return [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
        for name, annotation in annotations.items()
    ]


# The filters every reading command shares, declared once and added to each command's
# signature by `with_filters`, which hands the command a ready `Filter`.
_FILTER_PARAMS = keyword_options(
    {
        "body": Annotated[
            list[Body] | None,
            typer.Option("--body", "-b", case_sensitive=False, help="Only this body (repeatable)."),
        ],
        "kind": Annotated[
            list[Kind] | None,
            typer.Option("--kind", "-k", case_sensitive=False, help="Only this kind (repeatable)."),
        ],
        "tag": Annotated[
            list[str] | None, typer.Option("--tag", "-t", help="Only events with this tag.")
        ],
        "status": Annotated[
            list[Status] | None,
            typer.Option("--status", case_sensitive=False, help="Only this status (repeatable)."),
        ],
        "search": Annotated[
            str | None,
            typer.Option("--search", "-s", help="Text in the id, title, location, notes or tags."),
        ],
        "from_": Annotated[
            str | None, typer.Option("--from", help="Events ending on or after this date.")
        ],
        "to": Annotated[
            str | None, typer.Option("--to", help="Events starting on or before this date.")
        ],
    }
)


def with_options(
    params: list[inspect.Parameter], name: str, build: Callable[[Settings, dict[str, Any]], Any]
) -> Callable[[F], F]:
    """Add `params` to a command's signature (Typer reads options from it) and hand the command
    one value, `build(settings, values)`, as its argument `name`."""

    def decorate(command: F) -> F:
        signature = inspect.signature(command)
        kept = [p for p in signature.parameters.values() if p.name != name]

        @functools.wraps(command)
        def wrapper(ctx: typer.Context, **kwargs: Any) -> Any:
            values = {p.name: kwargs.pop(p.name) for p in params}
            kwargs[name] = build(ctx.obj, values)
            return command(ctx, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=kept + params)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def _filter_from(settings: Settings, raw: dict[str, Any]) -> Filter:
    return make_filter(
        bodies=raw["body"] or (),
        kinds=raw["kind"] or (),
        tags=raw["tag"] or (),
        statuses=raw["status"] or (),
        search=raw["search"],
        start=first_day(raw["from_"], settings.today) if raw["from_"] else None,
        end=last_day(raw["to"], settings.today) if raw["to"] else None,
    )


with_filters = with_options(_FILTER_PARAMS, "filters", _filter_from)


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", help="Output format (default: table on a terminal, plain otherwise)."
    ),
]


def chosen_format(fmt: OutputFormat | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    return OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.PLAIN


def print_rich(settings: Settings, *renderables: Any) -> None:
    from rich.console import Console

    console = Console(file=sys.stdout, no_color=settings.no_color, highlight=False)
    for renderable in renderables:
        console.print(renderable, no_wrap=True, overflow="crop")


@app.command("list")
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
    events = select(settings.calendar().events, filters)
    match chosen_format(fmt):
        case OutputFormat.TABLE:
            from itu_timeline.render.table import events_table

            print_rich(settings, events_table(events))
        case OutputFormat.PLAIN:
            from itu_timeline.render.plain import event_lines

            sys.stdout.write(event_lines(events))
        case OutputFormat.JSON:
            from itu_timeline.render.json_csv import event_record, to_json

            sys.stdout.writelines(to_json(event_record(e) for e in events))
        case OutputFormat.CSV:
            from itu_timeline.render.json_csv import EVENT_FIELDS, event_record, to_csv

            sys.stdout.write(to_csv((event_record(e) for e in events), EVENT_FIELDS))


@app.command()
@with_filters
def upcoming(
    ctx: typer.Context,
    filters: Filter,
    days: Annotated[int, typer.Option(min=0, max=36600, help="How many days ahead to look.")] = 30,
    overdue: Annotated[
        bool, typer.Option(help="Also deadlines already past whose event has not ended.")
    ] = False,
    check: Annotated[
        bool, typer.Option(help="Print nothing; exit 0 if anything is due, 1 if nothing is.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Events starting or ongoing, and deadlines due, within the next --days, soonest first.

    Quiet when nothing is due, so a cron job mails only when there is something to say.
    Plain lines start with an urgency mark: '!!' due within 24 hours, '! ' within 7 days.

    \b
    Examples:
      itu-timeline upcoming
      itu-timeline --tz America/New_York upcoming --days 90 --body ITU-T
      itu-timeline upcoming --check --days 7 && echo "something is due this week"
    """
    from itu_timeline.deadlines import upcoming as find_upcoming

    settings: Settings = ctx.obj
    items = find_upcoming(settings.calendar(), filters, settings.now, settings.zone, days, overdue)
    if check:
        raise typer.Exit(0 if items else EXIT_NEGATIVE)
    match chosen_format(fmt):
        case OutputFormat.TABLE:
            from itu_timeline.render.table import items_table

            if items:
                print_rich(settings, items_table(items, settings.zone))
            else:
                sys.stderr.write(f"Nothing starts or is due in the next {days} days.\n")
        case OutputFormat.PLAIN:
            from itu_timeline.render.plain import item_lines

            sys.stdout.write(item_lines(items, settings.zone))
        case OutputFormat.JSON:
            from itu_timeline.render.json_csv import item_record, to_json

            sys.stdout.writelines(to_json(item_record(i, settings.zone) for i in items))
        case OutputFormat.CSV:
            from itu_timeline.render.json_csv import ITEM_FIELDS, item_record, to_csv

            records = (item_record(i, settings.zone) for i in items)
            sys.stdout.write(to_csv(records, ITEM_FIELDS))


@app.command()
@with_filters
def remind(
    ctx: typer.Context,
    filters: Filter,
    at: Annotated[
        str, typer.Option(help="Days-left thresholds to remind at, comma-separated.")
    ] = "30,7,1,0",
    state: Annotated[
        Path | None,
        typer.Option(
            help="State file (default: $XDG_STATE_HOME/itu-timeline/remind.toml).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Print, but remember nothing.")] = False,
) -> None:
    """For a daily cron job: one line per item whose days left just fell to a threshold.

    Each item is reported once per threshold, and only the tightest threshold crossed since
    the last run is printed, so a day the machine was off is caught up without repeats. The
    lines have the format of `upcoming`'s plain output. Prints nothing when nothing is new.

    \b
    Examples:
      itu-timeline remind
      itu-timeline remind --at 60,14,2 --body ITU-T --state ~/itu-t.toml
      itu-timeline remind --dry-run
    """
    from itu_timeline.deadlines import upcoming as find_upcoming
    from itu_timeline.reminders import State, default_state_path, due_reminders, parse_thresholds
    from itu_timeline.render.plain import item_line

    settings: Settings = ctx.obj
    thresholds = parse_thresholds(at)
    path = state or default_state_path()
    memory = State.read(path)
    items = find_upcoming(
        settings.calendar(), filters, settings.now, settings.zone, days=thresholds[0]
    )
    reminders = due_reminders(items, thresholds, memory)
    memory.prune(settings.today)
    if not dry_run:
        memory.write(path)  # before printing: a failed write must not lose a reminder
    sys.stdout.write("".join(item_line(r.item, settings.zone) + "\n" for r in reminders))


class SplitBy(StrEnum):
    BODY = "body"


@app.command()
@with_filters
def export(
    ctx: typer.Context,
    filters: Filter,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically), not stdout.")
    ] = None,
    alarm: Annotated[
        list[str] | None,
        typer.Option(help="Add a reminder this long before each deadline: 12h, 1d, 7d, 2w."),
    ] = None,
    alarm_events: Annotated[
        bool, typer.Option(help="Also put the --alarm reminders before each event.")
    ] = False,
    no_deadlines: Annotated[
        bool, typer.Option("--no-deadlines", help="Leave the deadline events out.")
    ] = False,
    name: Annotated[
        str | None, typer.Option(help="Calendar name (default: the calendar's `name`).")
    ] = None,
    split_by: Annotated[
        SplitBy | None, typer.Option(help="Write one feed per body into --output-dir.")
    ] = None,
    output_dir: Annotated[
        Path | None, typer.Option(help="Folder for --split-by feeds (and all.ics).")
    ] = None,
) -> None:
    """An iCalendar (.ics) file of the filtered events and their deadlines.

    Events are all-day; each deadline is its own timed event (in UTC) related to its event.
    UIDs are stable, so importing again or refreshing a subscription updates instead of
    duplicating. Events whose days are not announced are left out (a note says which).

    \b
    Examples:
      itu-timeline export -o itu.ics
      itu-timeline export --body ITU-T --alarm 7d --alarm 1d -o itu-t.ics
      itu-timeline export --split-by body --output-dir public/feeds
    """
    from itu_timeline.dates import parse_duration
    from itu_timeline.render.ics import ExportOptions, chunks

    settings: Settings = ctx.obj
    if (split_by is None) != (output_dir is None):
        raise UsageError("--split-by and --output-dir go together")
    calendar = settings.calendar()
    chosen = select(calendar.events, filters)
    events = [e for e in chosen if not e.is_approximate]
    if len(events) < len(chosen):
        left_out = ", ".join(e.id for e in chosen if e.is_approximate)
        report("note", [f"left out, their days are not announced: {left_out}"])
    stamp = settings.now.astimezone(UTC).replace(microsecond=0)
    options = ExportOptions(
        name=name or calendar.name,
        stamp=datetime.combine(settings.today, time(0), UTC) if settings.pinned else stamp,
        alarms=tuple(parse_duration(a) for a in alarm or ()),
        alarm_events=alarm_events,
        deadlines=not no_deadlines,
    )
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if output_dir is not None:
        feeds = {"all": events}
        for event in events:
            feeds.setdefault(event.body.value, []).append(event)
        for feed, members in feeds.items():
            named = replace(
                options, name=options.name if feed == "all" else f"{options.name}: {feed}"
            )
            write_chunks(output_dir / f"{feed}.ics", chunks(members, calendar.rules, named, cpus))
        report("note", [f"wrote {len(feeds)} feeds into {output_dir}"])
    elif output is not None:
        write_chunks(output, chunks(events, calendar.rules, options, cpus))
    else:
        for chunk in chunks(events, calendar.rules, options, cpus):
            sys.stdout.buffer.write(chunk)


def write_chunks(path: Path, pieces: Iterable[bytes]) -> None:
    from itu_timeline.atomic import open_atomically

    with open_atomically(path) as out:
        for piece in pieces:
            out.write(piece)


class GroupBy(StrEnum):
    BODY = "body"
    KIND = "kind"


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


@app.command()
@with_filters
def chart(
    ctx: typer.Context,
    filters: Filter,
    by: Annotated[GroupBy, typer.Option(help="Group the rows by body or by kind.")] = GroupBy.BODY,
    width: Annotated[
        int | None, typer.Option(min=40, help="Columns to use (default: the terminal's, else 80).")
    ] = None,
    svg: Annotated[Path | None, typer.Option(help="Also save the chart as an SVG picture.")] = None,
    html: Annotated[Path | None, typer.Option(help="Also save the chart as an HTML page.")] = None,
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
    from itu_timeline.deadlines import all_deadlines
    from itu_timeline.render.chart import ASCII, UNICODE, chart_lines

    settings: Settings = ctx.obj
    first = filters.start or settings.today
    last = filters.end or first + relativedelta(months=12, days=-1)
    if last < first:
        raise UsageError(f"--to {last} is before --from {first}")
    calendar = settings.calendar()
    events = select(calendar.events, replace(filters, start=first, end=last))
    on_terminal = sys.stdout.isatty()
    deadlines = all_deadlines(calendar, events)

    def draw(glyphs: Any, columns: int, full_titles: bool = False) -> list[Any]:
        return chart_lines(
            events,
            deadlines,
            first,
            last,
            settings.today,
            columns,
            settings.zone,
            by.value,
            glyphs,
            full_titles=full_titles,
        )

    if svg or html:
        # A picture has no terminal to fit: a wide timeline and whole titles.
        save_pictures(draw(UNICODE, width or 160, full_titles=True), svg, html)
    if on_terminal:
        print_rich(settings, *draw(UNICODE, width or terminal_width()))
    else:
        sys.stdout.write("".join(line.plain + "\n" for line in draw(ASCII, width or 80)))


def save_pictures(lines: list[Any], svg: Path | None, html: Path | None) -> None:
    import io

    from rich.console import Console

    from itu_timeline.atomic import write_atomically

    width = max(line.cell_len for line in lines)
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True)
    for line in lines:
        console.print(line, no_wrap=True, overflow="crop")
    if svg:
        write_atomically(svg, console.export_svg(title="itu-timeline", clear=False).encode())
    if html:
        write_atomically(html, console.export_html(clear=False).encode())


@app.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="The event's id.", autocompletion=complete_ids)
    ],
) -> None:
    """One event in full: dates, place, status, source, and its deadlines with countdowns.

    \b
    Examples:
      itu-timeline show pp-26
      itu-timeline --today 2026-06-01 --tz Asia/Tokyo show pp-26
    """
    from itu_timeline.deadlines import deadline_items
    from itu_timeline.render.chart import ASCII, UNICODE, chart_lines
    from itu_timeline.render.plain import show_text

    settings: Settings = ctx.obj
    calendar = settings.calendar()
    event = find_event(calendar, event_id)
    items = deadline_items(event, calendar.rules, settings.now, settings.zone)
    sys.stdout.write(show_text(event, items, settings.zone))
    # A small chart: the event and its deadlines, with a week either side.
    days = [event.start, event.end, *(i.deadline.due.date() for i in items if i.deadline)]
    first, last = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
    on_terminal = sys.stdout.isatty()
    lines = chart_lines(
        [event],
        [i.deadline for i in items if i.deadline],
        first,
        last,
        settings.today,
        terminal_width() if on_terminal else 80,
        settings.zone,
        glyphs=UNICODE if on_terminal else ASCII,
        groups=False,
    )
    sys.stdout.write("\n")
    if on_terminal:
        print_rich(settings, *lines)
    else:
        sys.stdout.write("".join(line.plain + "\n" for line in lines))


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Calendar files (default: the calendars in use).", show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check calendar files: every problem listed on stderr, a summary on stdout.

    Errors are what the loader refuses. Warnings are data-quality findings: an event without a
    source, a confirmed event whose source is not an official page, likely duplicates, a
    deadline after its event starts, an event longer than 60 days, control characters.
    Exit 1 when there is any error (or any warning with --strict).

    \b
    Examples:
      itu-timeline validate
      itu-timeline validate --strict data/events.toml
    """
    from itu_timeline.deadlines import all_deadlines
    from itu_timeline.quality import summarize, warnings

    settings: Settings = ctx.obj
    paths = list(files) if files else loader.default_sources(settings.calendars)
    try:
        calendar = loader.load(paths)
    except TimelineError as err:
        report("error", err.lines())
        raise typer.Exit(EXIT_NEGATIVE) from err
    deadlines = all_deadlines(calendar)
    found = warnings(calendar, deadlines)
    report("warning", [str(w) for w in found])
    summary = summarize(calendar, deadlines)
    sys.stdout.write(
        f"{len(paths)} file(s): {summary.events} events, {summary.rules} rules, "
        f"{summary.deadlines} deadlines; {len(found)} warning(s)\n"
        f"  by body: {_counts(summary.by_body)}\n  by kind: {_counts(summary.by_kind)}\n"
    )
    if found and strict:
        raise typer.Exit(EXIT_NEGATIVE)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def main() -> None:
    app(prog_name="itu-timeline")


# The editing commands live in their own module and register themselves on `app`.
from itu_timeline import cli_edit  # noqa: E402, F401
