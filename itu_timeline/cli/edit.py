"""The commands that change calendar files: add, edit, remove, import, fmt. Each goes through
`store.update_file`: locked, validated as a whole, written atomically, or not written at all."""

import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from itu_timeline.base.errors import NegativeCheck, UsageError
from itu_timeline.cli.app import Settings, complete_ids, find_event, report
from itu_timeline.cli.options import for_option, keyword_options, with_options
from itu_timeline.core import loader
from itu_timeline.core.dates import first_day, last_day, parse_local_datetime
from itu_timeline.core.model import Body, Kind, Precision, Status
from itu_timeline.core.text import safe

REQUIRED_TO_ADD = ("title", "start", "body", "kind")


def _choices(values: type[Body] | type[Kind] | type[Status] | type[Precision]) -> Any:
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
            typer.Option(help="day, month or year.", autocompletion=_choices(Precision)),
        ],
        "body": Annotated[str | None, typer.Option(help="Body.", autocompletion=_choices(Body))],
        "kind": Annotated[str | None, typer.Option(help="Kind.", autocompletion=_choices(Kind))],
        "location": Annotated[str | None, typer.Option(help="Place, or 'online'.")],
        "timezone": Annotated[str | None, typer.Option(help="IANA time zone of the venue.")],
        "status": Annotated[
            str | None, typer.Option(help="Status.", autocompletion=_choices(Status))
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

commands = typer.Typer()  # put on the app by cli.main


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
    simple = (
        "id",
        "title",
        "precision",
        "body",
        "kind",
        "location",
        "timezone",
        "status",
        "url",
        "source",
        "notes",
    )
    fields = {key: raw[key] for key in simple if raw[key] is not None}
    if raw["start"] is not None:
        fields["start"] = for_option("--start", lambda t: first_day(t, today), raw["start"])
    if raw["end"] is not None:
        fields["end"] = for_option("--end", lambda t: last_day(t, today), raw["end"])
    if raw["tag"]:
        fields["tags"] = raw["tag"]
    if raw["deadline"]:
        fields["deadlines"] = [for_option("--deadline", deadline_table, d) for d in raw["deadline"]]
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


@commands.command()
@with_event_fields
def add(ctx: typer.Context, fields: dict[str, Any], calendar: TargetOption = None) -> None:
    """Add an event to a calendar file (your own by default, created on first use).

    \b
    Examples:
      itu-timeline add --title "National consultation on PP-30 proposals" \\
          --start 2029-11-03 --body other --kind preparatory --location Berne \\
          --deadline "Comments@-14d"
      itu-timeline add --id cwg-2027-02 --title "CWG cluster" --body ITU \\
          --kind working-group --start 2027-02-01 --end 2027-02-12 \\
          --calendar data/events.toml
    """
    from itu_timeline.store.edits import add_event, slug, unique_id
    from itu_timeline.store.locked import update_file

    settings: Settings = ctx.obj
    missing = [f"--{name}" for name in REQUIRED_TO_ADD if name not in fields]
    if missing:
        raise UsageError(f"add needs {', '.join(missing)}")
    target = calendar or loader.user_path()
    fields["updated"] = settings.today
    derived = "id" not in fields

    def change(document: dict[str, Any]) -> str:
        if derived:
            taken = {e.get("id") for e in document.get("events", [])}
            fields["id"] = unique_id(slug(fields["title"], fields["start"]), taken)
        add_event(document, fields)
        return str(fields["id"])

    event_id = update_file(target, change, create=True)
    how = " (id made from the title and start)" if derived else ""
    report("note", [f"added '{event_id}' to {target}{how}"])
    sys.stdout.write(event_id + "\n")


@commands.command()
@with_event_fields
def edit(
    ctx: typer.Context,
    event_id: EventId,
    fields: dict[str, Any],
    clear: Annotated[
        list[str] | None, typer.Option(help="Remove this field (repeatable), e.g. --clear url.")
    ] = None,
    calendar: TargetOption = None,
) -> None:
    """Change an event; bumps its revision and sets updated (the .ics SEQUENCE and LAST-MODIFIED).

    An event that lives only in the bundled calendar is copied, changed, into your calendar,
    where it overrides the bundled one; name the bundled file with --calendar to change it there.
    Deadlines given with --deadline are added to the event's own.

    \b
    Examples:
      itu-timeline edit igf-2026 --status confirmed \\
          --source https://intgovforum.org/...
      itu-timeline edit c27 --start 2027-06-15 --end 2027-06-25 \\
          --precision day --clear notes
    """
    from itu_timeline.store.edits import clearable, edit_event, find, upsert_copy
    from itu_timeline.store.locked import update_file

    settings: Settings = ctx.obj
    cleared = [for_option("--clear", clearable, name) for name in clear or ()]
    if "id" in fields:
        raise UsageError("an id cannot be edited; add the event under the new id and remove this")
    if not fields and not clear:
        raise UsageError("nothing to change: give options such as --start or --clear")
    event = find_event(settings.calendar(), event_id)
    origin = event.origin or loader.user_path()
    target = calendar or (loader.user_path() if _same(origin, loader.bundled_path()) else origin)
    original = None if _same(origin, target) else find(loader.read_document(origin), event_id)

    def change(document: dict[str, Any]) -> None:
        table = upsert_copy(document, original) if original else find(document, event_id)
        if table is None:
            raise UsageError(f"'{event_id}' is not in {target}")
        edit_event(table, fields, cleared, settings.today)

    update_file(target, change, create=True)
    report("note", [f"changed '{event_id}' in {target}"])


@commands.command()
def remove(
    ctx: typer.Context,
    event_id: EventId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    calendar: TargetOption = None,
) -> None:
    """Remove an event from a calendar file (your own by default).

    On a terminal it asks first; elsewhere --yes is required.

    \b
    Examples:
      itu-timeline remove national-consultation-2029 --yes
    """
    from itu_timeline.store.edits import find, remove_event
    from itu_timeline.store.locked import update_file

    target = calendar or loader.user_path()
    table = find(loader.read_document(target), event_id)
    if table is None:
        raise UsageError(f"'{event_id}' is not in {target}; name its file with --calendar")
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("remove asks for confirmation on a terminal; elsewhere pass --yes")
        title = safe(str(table.get("title")))
        if not typer.confirm(f"Remove '{safe(event_id)}' ({title}) from {target}?"):
            raise NegativeCheck("nothing removed")
    update_file(target, lambda document: remove_event(document, event_id))
    report("note", [f"removed '{event_id}' from {target}"])


@commands.command("import")
def import_ics(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.ics", help="The iCalendar file to read.")],
    body: Annotated[
        str | None,
        typer.Option(
            help="Body of the new events (default: other).", autocompletion=_choices(Body)
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help="Kind of the new events (default: other).", autocompletion=_choices(Kind)
        ),
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Tag the new events (repeatable).")] = None,
    calendar: TargetOption = None,
    dry_run: Annotated[bool, typer.Option(help="Count, but change nothing.")] = False,
) -> None:
    """Bring events from an .ics file into a calendar file, without duplicates.

    Each event remembers the UID it came from: importing the same file again adds nothing,
    importing an updated file updates what changed. Recurring events are expanded from a year
    before today to three years after. Deadlines written by `export` are skipped.

    \b
    Examples:
      itu-timeline import apg27.ics --body APT --kind preparatory \\
          --tag radio-spectrum
      itu-timeline import colleague.ics --dry-run
    """
    from itu_timeline.store.importer import ImportOptions, components, merge, read_ics, to_event
    from itu_timeline.store.locked import update_file

    settings: Settings = ctx.obj
    options = ImportOptions(settings.today, body, kind, tuple(tag or ()), settings.now.zone.key)
    found = components(read_ics(file), options)
    imported = [e for c, uid in found if (e := to_event(c, uid, options)) is not None]
    target = calendar or loader.user_path()
    counts = update_file(
        target, lambda doc: merge(doc, imported, settings.today), create=True, dry_run=dry_run
    )
    summary = ", ".join(f"{counts[k]} {k}" for k in ("added", "updated", "unchanged"))
    verb = "would change" if dry_run else "changed"
    sys.stdout.write(f"{summary}, {len(found) - len(imported)} skipped ({verb} {target})\n")


@commands.command()
def fmt(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="The calendar (default: your calendar).")
    ] = None,
) -> None:
    """Rewrite a calendar file in the canonical form tomli-w writes (after validating it).

    \b
    Examples:
      itu-timeline fmt data/events.toml
    """
    from itu_timeline.store.locked import update_file

    update_file(file or loader.user_path(), lambda document: None)


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()
