"""The Typer app and what every command shares: the global options, resolved once into
`Settings`, and the error boundary, the one place where a `TimelineError` becomes
`itu-timeline: error: ...` lines on stderr and the exit code the error carries."""

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer._click.core import ParameterSource
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as UsageProblem
from typer.core import TyperGroup

from itu_timeline.base import i18n
from itu_timeline.base.errors import (
    EXIT_ERROR,
    CalendarUnreadable,
    TimelineError,
    UsageError,
)
from itu_timeline.base.i18n import _, ngettext, system_words
from itu_timeline.base.records import record
from itu_timeline.cli.argv import global_options_first
from itu_timeline.cli.words import give_words
from itu_timeline.core import loader
from itu_timeline.core.clock import Now
from itu_timeline.core.dates import pinned_today
from itu_timeline.core.model import Calendar
from itu_timeline.core.text import safe
from itu_timeline.core.zones import get_zone, system_zone_name, unreadable_tz

T = TypeVar("T")


@record
class Settings:
    """The global options, resolved once by the app callback."""

    now: Now
    calendars: tuple[str, ...]
    no_color: bool

    @property
    def today(self) -> date:
        return self.now.today

    def target(self, own: Path | None) -> Path:
        """Where a change goes: the command's own file option; else the one calendar file named
        (by -c/--calendar or ITU_TIMELINE_CALENDAR); else the user's own file. With several
        named, the command must be told which."""
        if own is not None:
            return own
        named = loader.named_sources(self.calendars)
        if len(named) > 1:
            listed = ", ".join(str(p) for p in named)
            raise UsageError(
                ngettext(
                    "{n} calendar file is named ({listed}), so which one to change is not clear",
                    "{n} calendar files are named ({listed}), so which one to change is not clear",
                    len(named),
                ).format(n=len(named), listed=listed),
                hint=_("name it with the command's own --calendar FILE, after the command"),
            )
        return named[0] if named else loader.user_path()

    def calendar(
        self, days: int | None = None, within: tuple[date, date] | None = None
    ) -> Calendar:
        """The calendars in use; with `days`, only what matters from today to `days` ahead
        (`upcoming`, `remind`), or `within` two days (`list`), read fast from the cache."""
        window = within if days is None else (self.today, self.today + timedelta(days=days))
        try:
            return loader.load(loader.default_sources(self.calendars), window)
        except CalendarUnreadable as err:
            raise err.with_hint(_("check --calendar and ITU_TIMELINE_CALENDAR")) from err


def report(level: str, lines: list[str]) -> None:
    """Diagnostics go to stderr, one line each, with calendar text made harmless."""
    for line in lines:
        sys.stderr.write(f"itu-timeline: {level}: {safe(line)}\n")


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
    tracebacks (unless --debug asks for them); so do the parser's own usage errors, as one
    line. Global options may also come after the command's name, where people put them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        give_words(self)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, global_options_first(args, self))
        except UsageProblem as err:
            _usage_error(ctx, err)
            raise  # not reached: _usage_error exits

    def invoke(self, ctx: Any) -> Any:  # a click Context; typer.Context narrows it
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk shows here, at the latest
            return result
        except UsageProblem as err:
            _usage_error(ctx, err)
        except OSError as err:
            if err.errno not in OUTPUT_ERRORS or ctx.params.get("debug"):
                raise
            _silence_stdout()
            said = _("cannot write the output: {reason}")
            report("error", [said.format(reason=system_words(err))])
            ctx.exit(EXIT_ERROR)
        except TimelineError as err:
            if ctx.params.get("debug"):
                raise
            lines = err.lines()
            if err.hint:  # on the same line: one line per problem, for grep and cron mail
                lines = [*lines[:-1], i18n.then(lines[-1], err.hint)] if lines else [err.hint]
            report(err.level, lines)
            ctx.exit(err.exit_code)


def parse_language(value: str) -> str:
    """The language an option names, or an error saying which ones there are."""
    found = i18n.language_of(value)
    if found is None:
        raise UsageError(
            _("{value} is not one of the languages {languages}").format(
                value=repr(value), languages=", ".join(i18n.LANGUAGES)
            )
        )
    return found


def _named(ctx: Any, param: str, parse: Callable[[str], T], text: str) -> T:
    """`parse(text)`, with the option or the environment variable that gave `text` named
    before any error: a value from ITU_TIMELINE_TZ is fixed there, not on the command line."""
    try:
        return parse(text)
    except TimelineError as err:
        option = next(p for p in ctx.command.params if p.name == param)
        from_env = ctx.get_parameter_source(param) is ParameterSource.ENVIRONMENT
        err.args = (f"{option.envvar if from_env else option.opts[0]}: {err}",)
        raise


def _system_zone() -> str:
    """The system's zone, or UTC with a note saying that none could be found."""
    found = system_zone_name()
    if found is None:
        report(
            "note",
            [
                _(
                    "the system's time zone could not be found (TZ, /etc/localtime, "
                    "/etc/timezone); times are shown in UTC (use --tz or set TZ)"
                )
            ],
        )
    return found or "UTC"


def _usage_error(ctx: Any, err: UsageProblem) -> None:
    """A usage error of the parser (a bad choice, an unknown option) as our one line; a
    command run with nothing after it (`itu-timeline`, `itu-timeline feeds`) gets its help."""
    if isinstance(err, NoArgsIsHelpError):  # our own text, as --help prints it
        sys.stderr.write(err.format_message() + "\n")
        ctx.exit(EXIT_ERROR)
    from itu_timeline.cli.click_words import usage_message  # what a mistake pays for

    message = usage_message(err.format_message()).rstrip(".")
    command = _command_path(ctx, err)
    report("error", [_("{message}; see {command} --help").format(message=message, command=command)])
    ctx.exit(EXIT_ERROR)


def _command_path(ctx: Any, err: UsageProblem) -> str:
    """The command whose help answers `err`: Click leaves an option missing its value
    (`list --tag`) without a context, but the group knows which command it was invoking."""
    if err.ctx is not None:
        return str(err.ctx.command_path)
    sub = getattr(ctx, "invoked_subcommand", None)
    return f"{ctx.command_path} {sub}" if sub else str(ctx.command_path)


# Errors of writing to stdout: a full disk, a broken device, a closed pipe (when SIGPIPE is
# ignored), a file too large, a read-only file system.
OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EPIPE, errno.EFBIG, errno.EDQUOT, errno.EROFS}


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that what is still buffered is not written again (and
    does not fail again) when the interpreter exits."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


app = typer.Typer(
    cls=ErrorBoundary,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Click's own help formatter: it re-wraps paragraphs to the terminal and keeps \b blocks
    # (the examples) as written; Rich's keeps the docstrings' hard line breaks, ragged at 80.
    rich_markup_mode=None,
    help=_("ITU meetings and deadlines: timelines, alerts for cron, and iCalendar feeds."),
    # The forms dates take, in a whole sentence: its 'or' is a word of the language.
    epilog=_(
        "Dates everywhere accept YYYY-MM-DD, YYYY-MM, YYYY, today, tomorrow, yesterday, "
        "or +30d/-2w/+3m/+1y."
    ),
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
        typer.Option(envvar="ITU_TIMELINE_TODAY", help=_("Pretend today is this date.")),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz", envvar="ITU_TIMELINE_TZ", help=_("Display time zone (default: the system's).")
        ),
    ] = None,
    calendar: Annotated[
        list[str] | None,
        typer.Option(
            "--calendar",
            "-c",
            help=_(
                "Calendar file to read (repeatable; replaces the defaults). "
                "Also ITU_TIMELINE_CALENDAR, ':'-separated."
            ),
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            envvar="ITU_TIMELINE_LANG", metavar="LANG", help=_("Language: ar, en, es, fr, ru, zh.")
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help=_("No colour (also NO_COLOR)."))
    ] = False,
    debug: Annotated[bool, typer.Option(help=_("Show Python tracebacks of errors."))] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version.")),
    ] = False,
) -> None:
    i18n.choose(_named(ctx, "lang", parse_language, lang) if lang else i18n.from_locale(os.environ))
    loader.listen(report, debug)  # what reading passes over: a warning, or for --debug
    if tz is None and (odd := unreadable_tz()) is not None:
        report(
            "note",
            [
                _("TZ={value} is not an IANA zone name; it is not used (use --tz)").format(
                    value=repr(odd)
                )
            ],
        )
    zone = _named(ctx, "tz", get_zone, tz) if tz else get_zone(_system_zone())
    clock = datetime.now(zone)  # the one place the wall clock is read
    pinned = today and _named(ctx, "today", lambda t: pinned_today(t, clock.date()), today)
    now = Now.pinned_to(pinned, zone) if pinned else Now(clock, zone)
    ctx.obj = Settings(
        now=now,
        calendars=tuple(calendar or ()),
        # NO_COLOR counts when it is set and not empty (no-color.org).
        no_color=no_color or bool(os.environ.get("NO_COLOR")),
    )
