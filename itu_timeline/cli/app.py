"""The Typer app and what every command shares: the global options, resolved once into
`Settings`, and the error boundary, the one place where a `TimelineError` becomes
`itu-timeline: error: ...` lines on stderr and the exit code the error carries."""

import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from itu_timeline.base.errors import CalendarUnreadable, TimelineError, UnknownEventError
from itu_timeline.core import loader
from itu_timeline.core.clock import Now
from itu_timeline.core.dates import DATE_FORMS, first_day
from itu_timeline.core.model import Calendar, Event
from itu_timeline.core.text import safe
from itu_timeline.core.zones import get_zone, system_zone_name


@dataclass(frozen=True)
class Settings:
    """The global options, resolved once by the app callback."""

    now: Now
    calendars: tuple[str, ...]
    no_color: bool

    @property
    def today(self) -> date:
        return self.now.today

    def calendar(self) -> Calendar:
        try:
            return loader.load(loader.default_sources(self.calendars))
        except CalendarUnreadable as err:
            raise err.with_hint("check --calendar and ITU_TIMELINE_CALENDAR") from err


def report(level: str, lines: list[str]) -> None:
    """Diagnostics go to stderr, one line each, with calendar text made harmless."""
    for line in lines:
        sys.stderr.write(f"itu-timeline: {level}: {safe(line)}\n")


def find_event(calendar: Calendar, event_id: str) -> Event:
    event = calendar.event(event_id)
    if event is None:
        from difflib import get_close_matches

        close = get_close_matches(event_id, [e.id for e in calendar.events], n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else None
        raise UnknownEventError(f"no event with id '{event_id}'", hint)
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
    """Every command runs inside this: our errors become messages and their exit code, never
    tracebacks (unless --debug asks for them)."""

    def invoke(self, ctx: Any) -> Any:  # a click Context; typer.Context narrows it
        try:
            return super().invoke(ctx)
        except TimelineError as err:
            if ctx.params.get("debug"):
                raise
            lines = err.lines()
            if err.hint:  # on the same line: one line per problem, for grep and cron mail
                lines = [*lines[:-1], f"{lines[-1]}; {err.hint}"] if lines else [err.hint]
            report(err.level, lines)
            ctx.exit(err.exit_code)


app = typer.Typer(
    cls=ErrorBoundary,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Click's own help formatter: it re-wraps paragraphs to the terminal and keeps \b blocks
    # (the examples) as written; Rich's keeps the docstrings' hard line breaks, ragged at 80.
    rich_markup_mode=None,
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
    clock = datetime.now(zone)  # the one place the wall clock is read
    now = Now(clock, zone) if today is None else Now.pinned_to(first_day(today, clock.date()), zone)
    ctx.obj = Settings(
        now=now,
        calendars=tuple(calendar or ()),
        no_color=no_color or "NO_COLOR" in os.environ,
    )
