"""The options of `add` and `edit`: one per field of an event, turned into the event's TOML
table, and the options that name the event and the file to change."""

import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from itu_timeline.base.errors import TimelineError, UsageError, UsageErrors
from itu_timeline.base.i18n import _
from itu_timeline.cli.app import Settings, complete_ids, parse_language
from itu_timeline.cli.options import for_option, keyword_options, one_of, with_options
from itu_timeline.core.dates import first_day, last_day, parse_local_datetime
from itu_timeline.core.model import Basis, Body, Format, Kind, Precision, Status
from itu_timeline.core.schema import EVENT_KEYS
from itu_timeline.core.text import is_web_address
from itu_timeline.core.zones import get_zone

REQUIRED_TO_ADD = ("title", "start", "body", "kind")
# Every field of a file is an option of add and edit, but those the program keeps itself.
MANAGED = ("revision", "updated", "uid", "imported")
EDITABLE = tuple(key for key in EVENT_KEYS if key not in MANAGED)
# Repeatable options take one value each time; `--format` is the output format elsewhere.
OPTION_OF = {
    "tags": "tag",
    "deadlines": "deadline",
    "format": "meeting_format",
    "titles": "title_in",
}
UNKNOWN = "unknown"  # `--end unknown`: the end is not announced


def choices_of(values: type[StrEnum]) -> Any:
    return lambda incomplete: [v.value for v in values if v.value.startswith(incomplete)]


# Body, kind and status are taken as text and checked by the calendar validator, so a wrong
# value is the same one-line error as in a file; completion still offers the allowed values.
_EVENT_PARAMS = keyword_options(
    {
        "id": Annotated[
            str | None, typer.Option(help=_("Event id (default: from title and start)."))
        ],
        "title": Annotated[str | None, typer.Option(help=_("Title."))],
        "start": Annotated[
            str | None,
            typer.Option(help=_("First day, or a local start time: 2027-03-10T13:00.")),
        ],
        "end": Annotated[
            str | None,
            typer.Option(
                help=_(
                    "Last day, or a local end time; 'unknown' when it is not announced "
                    "(add: default the first day, for a day; unknown for a start time)."
                )
            ),
        ],
        "precision": Annotated[
            str | None,
            typer.Option(help=_("day, month or year."), autocompletion=choices_of(Precision)),
        ],
        "body": Annotated[
            str | None, typer.Option(help=_("Body."), autocompletion=choices_of(Body))
        ],
        "kind": Annotated[
            str | None, typer.Option(help=_("Kind."), autocompletion=choices_of(Kind))
        ],
        "location": Annotated[str | None, typer.Option(help=_("Place, or 'online'."))],
        "timezone": Annotated[str | None, typer.Option(help=_("IANA time zone of the venue."))],
        "meeting_format": Annotated[
            str | None,
            typer.Option(
                "--meeting-format",
                help=_("in-person, hybrid or online."),
                autocompletion=choices_of(Format),
            ),
        ],
        "status": Annotated[
            str | None,
            typer.Option(
                help=_(
                    "As the organiser last announced? confirmed, tentative, postponed, cancelled."
                ),
                autocompletion=choices_of(Status),
            ),
        ],
        "basis": Annotated[
            str | None,
            typer.Option(
                help=_("How the dates are known: official, reported, derived, expected."),
                autocompletion=choices_of(Basis),
            ),
        ],
        "url": Annotated[str | None, typer.Option(help=_("The meeting's page."))],
        "source": Annotated[str | None, typer.Option(help=_("Where the dates were read."))],
        "outcome": Annotated[
            str | None, typer.Option(help=_("Where the meeting was seen to take place."))
        ],
        "title_in": Annotated[
            list[str] | None,
            typer.Option(
                metavar="LANG=TITLE@SOURCE",
                help=_(
                    "The ITU's name in ar, es, fr, ru or zh, and the page it was read on: "
                    "'fr=Conseil de l'UIT@https://www.itu.int/fr/...' (repeatable)."
                ),
            ),
        ],
        "tag": Annotated[list[str] | None, typer.Option(help=_("A tag (repeatable)."))],
        "notes": Annotated[str | None, typer.Option(help=_("Free text."))],
        "deadline": Annotated[
            list[str] | None,
            typer.Option(
                metavar="NAME@WHEN",
                help=_(
                    "A deadline, NAME@-12d or NAME@2027-03-01T23:59, optionally followed by "
                    "its zone: 'Candidatures@2026-10-12T23:59 Europe/Zurich' (repeatable)."
                ),
            ),
        ],
    }
)


_SHORT_BEFORE = re.compile(r"^-(\d{1,5})([dwmy])$")
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def _unreadable_deadline(text: str) -> UsageError:
    return UsageError(
        _(
            "cannot read '{text}': write NAME@-14d (14 days before the start; also -2w, -1m), "
            "NAME@2027-03-01 (a date, no time), or NAME@2027-03-01T23:59, each optionally "
            "followed by a zone (Europe/Zurich)"
        ).format(text=text)
    )


def deadline_table(text: str) -> dict[str, Any]:
    """'Contributions due@-12d' or 'Register@2027-03-01T23:59' (or a date), optionally with
    its zone after a space ('… Europe/Zurich'; else the event's) -> a deadline table."""
    name, sep, when = text.rpartition("@")
    if not sep or not name.strip():
        raise _unreadable_deadline(text)
    when, zone = _zone_after(when)
    table = _deadline_when(text, name.strip(), when)
    return table | {"timezone": zone} if zone else table


def _zone_after(when: str) -> tuple[str, str | None]:
    """'2026-10-12T23:59 Europe/Zurich' -> the moment and the zone; a last word that is a
    time ('2027-03-01 23:59') is no zone."""
    words = when.split()
    if len(words) < 2 or ":" in words[-1]:
        return when, None
    return " ".join(words[:-1]), get_zone(words[-1]).key


def _deadline_when(text: str, name: str, when: str) -> dict[str, Any]:
    if m := _SHORT_BEFORE.match(when.strip()):
        return {"name": name, "before": f"{m.group(1)} {_UNITS[m.group(2)]}"}
    if re.match(r"^\+?\d{1,5}[dwmy]$", when.strip()):
        before = "-" + when.strip().lstrip("+")
        message = _("cannot read '{text}': a deadline before the start is {before}")
        raise UsageError(message.format(text=text, before=before))
    try:
        value = parse_local_datetime(when)
    except TimelineError as err:
        raise _unreadable_deadline(text) from err
    at: date = value if "T" in when or " " in when.strip() else value.date()
    return {"name": name, "at": at}


def title_entry(text: str) -> tuple[str, dict[str, str]]:
    """'fr=Conseil de l'UIT@https://…' -> ('fr', its title table); the source is what follows
    the last '@', as a title may have one and a web address seldom does."""
    lang, _equals, rest = text.partition("=")
    title, at, source = rest.rpartition("@")
    if not at or not title.strip() or not source.strip():
        message = _("cannot read '{text}': write LANG=TITLE@SOURCE, like fr=Conseil@https://…")
        raise UsageError(message.format(text=text))
    return parse_language(lang.strip()), {"title": title.strip(), "source": source.strip()}


# Choices are read in any case (`--body itu-t`, `--kind Council`), as the filters read them.
CHOICES = {"body": Body, "kind": Kind, "status": Status, "precision": Precision,
           "basis": Basis, "format": Format}  # fmt: skip


def _event_fields(settings: Settings, raw: dict[str, Any]) -> dict[str, Any]:
    """The given options as an event table (only those given); every bad value is reported,
    one line each, not only the first."""
    today = settings.today
    parsers: dict[str, Callable[[str], Any]] = {
        "start": lambda text: _moment(text, today, first_day),
        "end": lambda text: None if text == UNKNOWN else _moment(text, today, last_day),
        "deadlines": deadline_table,
        "titles": title_entry,
        "url": _web_address,
        "timezone": lambda text: get_zone(text).key,
        **{key: functools.partial(_choice, values=enum) for key, enum in CHOICES.items()},
    }
    fields: dict[str, Any] = {}
    problems: list[str] = []
    for key in EDITABLE:
        option = OPTION_OF.get(key, key)
        value, parse = raw[option], parsers.get(key)
        if value is None or value == []:
            continue
        try:
            if parse is None:
                fields[key] = value
            elif isinstance(value, list):
                fields[key] = [for_option(_flag(option), parse, v) for v in value]
            else:
                fields[key] = for_option(_flag(option), parse, value)
        except TimelineError as err:
            problems += err.lines()
    if "titles" in fields:
        fields["titles"] = dict(fields["titles"])
    problems += _span_problems(fields)
    if problems:
        raise UsageErrors(problems)
    return fields


def _span_problems(fields: dict[str, Any]) -> list[str]:
    """An --end before the --start, said of the options (the file's check would say it of
    the field, after the other options were fixed)."""
    start, end = fields.get("start"), fields.get("end")
    if start is None or end is None or type(start) is not type(end) or end >= start:
        return []
    message = _("--end: {end} is before --start {start}")
    return [message.format(end=end.isoformat(), start=start.isoformat())]


def _choice(text: str, values: type[StrEnum]) -> str:
    return one_of(text, values)


def _web_address(text: str) -> str:
    if not is_web_address(text.strip()):
        message = _("'{text}' is not a web address; give one like https://www.itu.int/...")
        raise UsageError(message.format(text=text))
    return text.strip()


def _flag(option: str) -> str:
    return "--" + option.replace("_", "-")


def _moment(text: str, today: date, day: Callable[[str, date], date]) -> date | datetime:
    """A day in any form the filters take, or a local date-time (2027-03-10T13:00)."""
    if "T" in text.upper() and text[:1].isdigit():
        return parse_local_datetime(text)
    return day(text, today)


with_event_fields = with_options(_EVENT_PARAMS, "fields", _event_fields)

TargetOption = Annotated[
    Path | None,
    typer.Option(
        "--calendar",
        help=_(
            "The file to change. Default: the one calendar named with -c/--calendar or "
            "ITU_TIMELINE_CALENDAR, else your own file (~/.local/share/itu-timeline/events.toml)."
        ),
        show_default=False,
    ),
]
EventId = Annotated[
    str, typer.Argument(metavar="ID", help=_("The event's id."), autocompletion=complete_ids)
]
