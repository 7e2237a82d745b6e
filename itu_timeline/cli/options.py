"""Options that several commands share, declared once: the filters of the reading commands,
`--format`, and the helpers that add a group of options to a command's signature and that
name the option a bad value came from."""

import functools
import inspect
import sys
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from itu_timeline.base.errors import TimelineError, UsageError
from itu_timeline.base.i18n import _
from itu_timeline.base.records import Choices, str_enum
from itu_timeline.cli.app import Settings, report
from itu_timeline.core.dates import first_day, last_day
from itu_timeline.core.model import Basis, Body, Event, Kind, Precision, Status
from itu_timeline.core.query import Filter, make_filter

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def for_option(option: str, parse: Callable[[str], T], text: str) -> T:
    """`parse(text)`, with the option's name put before any error, so the user knows which
    value to fix: the core's messages speak of the data, the CLI of its options."""
    try:
        return parse(text)
    except TimelineError as err:
        err.args = (f"{option}: {err}",)
        raise


def one_of(value: str, values: type[StrEnum]) -> str:
    """`value` as one of the choices, in any case; else one error that lists them."""
    for choice in values:
        if choice.value.casefold() == value.casefold():
            return choice.value
    raise UsageError(
        _("'{value}' is not one of: {choices}").format(value=value, choices=choices(values))
    )


def choices(values: type[StrEnum]) -> str:
    return ", ".join(v.value for v in values)


def keyword_options(annotations: dict[str, Any]) -> list[inspect.Parameter]:
    """Keyword parameters defaulting to None, from name -> Annotated[type, typer.Option(...)]."""
    return [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
        for name, annotation in annotations.items()
    ]


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


# The filters every reading command shares, added to each command's signature by
# `with_filters`, which hands the command a ready `Filter`.
_FILTER_PARAMS = keyword_options(
    {
        "body": Annotated[
            list[Body] | None,
            typer.Option(
                "--body",
                "-b",
                case_sensitive=False,
                metavar="BODY",
                help=_("Only this body (repeatable): {choices}.").format(choices=choices(Body)),
            ),
        ],
        "kind": Annotated[
            list[Kind] | None,
            typer.Option(
                "--kind",
                "-k",
                case_sensitive=False,
                metavar="KIND",
                help=_("Only this kind (repeatable): {choices}.").format(choices=choices(Kind)),
            ),
        ],
        "tag": Annotated[
            list[str] | None,
            typer.Option(
                "--tag", "-t", metavar="TAG", help=_("Only events with this tag (repeatable).")
            ),
        ],
        "status": Annotated[
            list[Status] | None,
            typer.Option(
                "--status",
                case_sensitive=False,
                metavar="STATUS",
                help=_("Only this status (repeatable): {choices}.").format(choices=choices(Status)),
            ),
        ],
        "basis": Annotated[
            list[Basis] | None,
            typer.Option(
                "--basis",
                case_sensitive=False,
                metavar="BASIS",
                help=_("Only events whose dates are known so (repeatable): {choices}.").format(
                    choices=choices(Basis)
                ),
            ),
        ],
        "feed": Annotated[
            list[str] | None,
            typer.Option(
                "--feed",
                metavar="NAME",
                help=_("Only events from this subscribed feed (repeatable)."),
            ),
        ],
        "precision": Annotated[
            list[Precision] | None,
            typer.Option(
                "--precision",
                case_sensitive=False,
                metavar="PRECISION",
                help=_(
                    "Only events whose dates are announced to the day, month or year (repeatable)."
                ),
            ),
        ],
        "search": Annotated[
            str | None,
            typer.Option(
                "--search",
                "-s",
                metavar="TEXT",
                help=_("Text in the id, title, location, notes or tags."),
            ),
        ],
        "from_": Annotated[
            str | None,
            typer.Option("--from", metavar="DATE", help=_("Events ending on or after this date.")),
        ],
        "to": Annotated[
            str | None,
            typer.Option("--to", metavar="DATE", help=_("Events starting on or before this date.")),
        ],
    }
)


def _filter_from(settings: Settings, raw: dict[str, Any]) -> Filter:
    today = settings.today
    keep = _make_filter(raw, today)
    if keep.start and keep.end and keep.end < keep.start:
        raise UsageError(
            _("--to {end} is before --from {start}").format(end=keep.end, start=keep.start)
        )
    if keep.feeds:
        _note_unknown_feeds(keep.feeds)
    return keep


def _note_unknown_feeds(names: frozenset[str]) -> None:
    """An empty answer to `--feed nosuch` would look like a quiet feed: say it is none."""
    from itu_timeline.core.subscriptions import subscriptions

    known = {s.name for s in subscriptions()}
    for name in sorted(names - known):
        listed = ", ".join(sorted(known)) or "none"
        report(
            "note",
            [
                _("--feed: no subscribed feed is named '{name}' (subscribed: {listed})").format(
                    name=name, listed=listed
                )
            ],
        )


def note_unknown_tags(keep: Filter, *sources: Callable[[], Iterable[Event]]) -> None:
    """An empty answer to `--tag nosuch` would look like no meeting: say no event has it.
    Each source of events is read only while a tag is still not found (the events of a
    window first, then all of them)."""
    unknown = set(keep.tags)
    for events in sources:
        if not unknown:
            break
        unknown -= {t.casefold() for e in events() for t in e.tags}
    for tag in sorted(unknown):
        report("note", [_("--tag: no event has the tag '{tag}'").format(tag=tag)])


def _make_filter(raw: dict[str, Any], today: date) -> Filter:
    return make_filter(
        bodies=raw["body"] or (),
        kinds=raw["kind"] or (),
        tags=raw["tag"] or (),
        statuses=raw["status"] or (),
        bases=raw["basis"] or (),
        feeds=raw["feed"] or (),
        precisions=raw["precision"] or (),
        search=raw["search"],
        start=for_option("--from", lambda t: first_day(t, today), raw["from_"])
        if raw["from_"]
        else None,
        end=for_option("--to", lambda t: last_day(t, today), raw["to"]) if raw["to"] else None,
    )


with_filters = with_options(_FILTER_PARAMS, "filters", _filter_from)


# `--base-url` of publish and digest.
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        help=_(
            "Where the published site is served (https://…): publish gives webcal:// "
            "subscription links; digest links each entry to the event on the page."
        ),
        show_default=False,
    ),
]


@str_enum
class OutputFormat(Choices):
    TABLE = "table"
    PLAIN = "plain"
    JSON = "json"
    CSV = "csv"


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="FORMAT",
        help=_("{choices} (default: table on a terminal, plain otherwise).").format(
            choices=choices(OutputFormat)
        ),
    ),
]


def chosen_format(fmt: OutputFormat | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    return OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.PLAIN
