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

from itu_timeline.base.errors import TimelineError, UnknownEventError
from itu_timeline.core import loader
from itu_timeline.core.dates import DATE_FORMS, first_day, last_day
from itu_timeline.core.model import Body, Calendar, Event, Kind, Status
from itu_timeline.core.query import Filter, make_filter
from itu_timeline.core.text import safe
from itu_timeline.core.zones import get_zone, system_zone_name

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


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def print_chart(
    settings: Settings, draw: Callable[[Any, int], list[Any]], width: int | None = None
) -> None:
    """A chart drawn by `draw(glyphs, columns)`: in colour to fit a terminal, or in plain ASCII
    (80 columns unless `width` says otherwise) for a pipe."""
    from itu_timeline.render.chart import ASCII, UNICODE

    if sys.stdout.isatty():
        print_rich(settings, *draw(UNICODE, width or terminal_width()))
    else:
        sys.stdout.write("".join(line.plain + "\n" for line in draw(ASCII, width or 80)))


def main() -> None:
    app(prog_name="itu-timeline")
