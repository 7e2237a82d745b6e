"""The command line: parses options, calls the core, picks a renderer, and turns every
`TimelineError` into `itu-timeline: error: ...` lines on stderr and exit code 2, in one place."""

import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

import typer
from typer.core import TyperGroup

from itu_timeline import calendar as calendar_files
from itu_timeline.dates import DATE_FORMS, first_day, last_day
from itu_timeline.errors import TimelineError
from itu_timeline.model import Body, Calendar, Kind, Status
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
    zone: ZoneInfo
    calendars: tuple[str, ...]
    no_color: bool
    debug: bool

    def calendar(self) -> Calendar:
        return calendar_files.load(calendar_files.default_sources(self.calendars))


class ErrorBoundary(TyperGroup):
    """Every command runs inside this: our errors become messages and exit 2, never tracebacks."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as err:
            if ctx.params.get("debug"):
                raise
            for line in err.lines():
                sys.stderr.write(f"itu-timeline: error: {safe(line)}\n")
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
            "--tz", envvar="ITU_TIMELINE_TZ", help="Display time zone [default: the system's]."
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
        zone=zone,
        calendars=tuple(calendar or ()),
        no_color=no_color or "NO_COLOR" in os.environ,
        debug=debug,
    )


# The filters every reading command shares, declared once and added to each command's
# signature by `with_filters`, which hands the command a ready `Filter`.
_FILTER_PARAMS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
    for name, annotation in {
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
    }.items()
]


def with_filters(command: F) -> F:
    signature = inspect.signature(command)
    kept = [p for p in signature.parameters.values() if p.name != "filters"]

    @functools.wraps(command)
    def wrapper(ctx: typer.Context, **kwargs: Any) -> Any:
        raw = {p.name: kwargs.pop(p.name) for p in _FILTER_PARAMS}
        settings: Settings = ctx.obj
        kwargs["filters"] = make_filter(
            bodies=raw["body"] or (),
            kinds=raw["kind"] or (),
            tags=raw["tag"] or (),
            statuses=raw["status"] or (),
            search=raw["search"],
            start=first_day(raw["from_"], settings.today) if raw["from_"] else None,
            end=last_day(raw["to"], settings.today) if raw["to"] else None,
        )
        return command(ctx, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=kept + _FILTER_PARAMS)  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", help="Output format [default: table on a terminal, plain otherwise]."
    ),
]


def chosen_format(fmt: OutputFormat | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    return OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.PLAIN


def print_rich(settings: Settings, renderable: Any) -> None:
    from rich.console import Console

    Console(file=sys.stdout, no_color=settings.no_color, highlight=False).print(renderable)


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

            sys.stdout.write(to_json(event_record(e) for e in events))
        case OutputFormat.CSV:
            from itu_timeline.render.json_csv import EVENT_FIELDS, event_record, to_csv

            sys.stdout.write(to_csv((event_record(e) for e in events), EVENT_FIELDS))


def main() -> None:
    app(prog_name="itu-timeline")
