"""The options of `add` and `edit`: one per field of an event, turned into the event's TOML
table, and the options that name the event and the file to change."""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from itu_timeline.base.errors import UsageError
from itu_timeline.cli.app import Settings, complete_ids
from itu_timeline.cli.options import for_option, keyword_options, with_options
from itu_timeline.core.dates import first_day, last_day, parse_local_datetime
from itu_timeline.core.model import Body, Kind, Precision, Status
from itu_timeline.core.schema import EVENT_KEYS

REQUIRED_TO_ADD = ("title", "start", "body", "kind")
# Every field of a file is an option of add and edit, but those the program keeps itself.
MANAGED = ("revision", "updated", "uid")
EDITABLE = tuple(key for key in EVENT_KEYS if key not in MANAGED)
OPTION_OF = {"tags": "tag", "deadlines": "deadline"}  # repeatable: one value each time


def choices_of(values: type[Body] | type[Kind] | type[Status] | type[Precision]) -> Any:
    return lambda incomplete: [v.value for v in values if v.value.startswith(incomplete)]


# Body, kind and status are taken as text and checked by the calendar validator, so a wrong
# value is the same one-line error as in a file; completion still offers the allowed values.
_EVENT_PARAMS = keyword_options(
    {
        "id": Annotated[str | None, typer.Option(help="Event id (default: from title and start).")],
        "title": Annotated[str | None, typer.Option(help="Title.")],
        "start": Annotated[str | None, typer.Option(help="First day.")],
        "end": Annotated[str | None, typer.Option(help="Last day (default: the first).")],
        "precision": Annotated[
            str | None,
            typer.Option(help="day, month or year.", autocompletion=choices_of(Precision)),
        ],
        "body": Annotated[str | None, typer.Option(help="Body.", autocompletion=choices_of(Body))],
        "kind": Annotated[str | None, typer.Option(help="Kind.", autocompletion=choices_of(Kind))],
        "location": Annotated[str | None, typer.Option(help="Place, or 'online'.")],
        "timezone": Annotated[str | None, typer.Option(help="IANA time zone of the venue.")],
        "status": Annotated[
            str | None, typer.Option(help="Status.", autocompletion=choices_of(Status))
        ],
        "url": Annotated[str | None, typer.Option(help="The meeting's page.")],
        "source": Annotated[str | None, typer.Option(help="Where the dates were read.")],
        "tag": Annotated[list[str] | None, typer.Option(help="A tag (repeatable).")],
        "notes": Annotated[str | None, typer.Option(help="Free text.")],
        "deadline": Annotated[
            list[str] | None,
            typer.Option(help="A deadline, NAME@-12d or NAME@2027-03-01T23:59 (repeatable)."),
        ],
    }
)


_SHORT_BEFORE = re.compile(r"^-(\d{1,5})([dwmy])$")
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def deadline_table(text: str) -> dict[str, Any]:
    """'Contributions due@-12d' or 'Register@2027-03-01T23:59' (or a date) -> a deadline table."""
    name, sep, when = text.rpartition("@")
    if not sep or not name.strip():
        raise UsageError(f"cannot read '{text}': write NAME@-12d or NAME@2027-03-01T23:59")
    if m := _SHORT_BEFORE.match(when.strip()):
        return {"name": name.strip(), "before": f"{m.group(1)} {_UNITS[m.group(2)]}"}
    value = parse_local_datetime(when)
    at: date = value if "T" in when or " " in when.strip() else value.date()
    return {"name": name.strip(), "at": at}


def _event_fields(settings: Settings, raw: dict[str, Any]) -> dict[str, Any]:
    """The given options as an event table (only those given)."""
    today = settings.today
    parsers: dict[str, Callable[[str], Any]] = {
        "start": lambda text: first_day(text, today),
        "end": lambda text: last_day(text, today),
        "deadlines": deadline_table,
    }
    fields: dict[str, Any] = {}
    for key in EDITABLE:
        option = OPTION_OF.get(key, key)
        value, parse = raw[option], parsers.get(key)
        if value is None or value == []:
            continue
        if parse is None:
            fields[key] = value
        elif isinstance(value, list):
            fields[key] = [for_option(f"--{option}", parse, v) for v in value]
        else:
            fields[key] = for_option(f"--{option}", parse, value)
    return fields


with_event_fields = with_options(_EVENT_PARAMS, "fields", _event_fields)

TargetOption = Annotated[
    Path | None,
    typer.Option(
        "--calendar",
        help="The file to change (default: your calendar in ~/.local/share/itu-timeline).",
        show_default=False,
    ),
]
EventId = Annotated[
    str, typer.Argument(metavar="ID", help="The event's id.", autocompletion=complete_ids)
]
