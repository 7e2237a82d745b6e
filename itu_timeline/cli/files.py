"""The commands that bring in or tidy whole calendar files: import, fmt."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.event_options import TargetOption, choices_of
from itu_timeline.core.model import Body, Kind

commands = typer.Typer()  # put on the app by cli.main


@commands.command("import")
def import_ics(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.ics", help="The iCalendar file to read.")],
    body: Annotated[
        str | None,
        typer.Option(
            help="Body of the new events (default: other).", autocompletion=choices_of(Body)
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help="Kind of the new events (default: other).", autocompletion=choices_of(Kind)
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
    target = settings.target(calendar)
    update = update_file(
        target, lambda doc: merge(doc, imported, settings.today), create=True, dry_run=dry_run
    )
    counts = update.value
    summary = ", ".join(f"{counts[k]} {k}" for k in ("added", "updated", "unchanged"))
    changes = counts["added"] + counts["updated"]
    verb = ("would change" if dry_run else "changed") if changes else "left unchanged"
    sys.stdout.write(f"{summary}, {len(found) - len(imported)} skipped ({verb} {target})\n")


@commands.command()
def fmt(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The calendar (default: the one named with -c/ITU_TIMELINE_CALENDAR, else "
            "your own file)."
        ),
    ] = None,
) -> None:
    """Rewrite a calendar file in the canonical form tomli-w writes (after validating it),
    in schema 2.

    A schema 1 file is upgraded so that it means the same: what schema 1 left unsaid is
    written out (an event without an end lasts one day; a deadline without a time is due at
    23:59), as schema 2 makes up nothing.

    \b
    Examples:
      itu-timeline fmt data/events.toml
    """
    from itu_timeline.store.edits import upgrade
    from itu_timeline.store.locked import update_file

    settings: Settings = ctx.obj
    path = file or settings.target(None)
    update = update_file(path, upgrade)
    if update.value:
        report("note", [f"upgraded {path} to schema 2"])
    elif update.written:
        report("note", [f"rewrote {path} in canonical form"])
