"""The commands that change one event: add, edit, remove. Each goes through
`store.locked.update_file`: locked, validated as a whole, written atomically, or not written
at all."""

import functools
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from itu_timeline.base.errors import NegativeCheck, UsageError
from itu_timeline.base.i18n import _
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.event_options import (
    REQUIRED_TO_ADD,
    EventId,
    TargetOption,
    with_event_fields,
)
from itu_timeline.cli.options import for_option
from itu_timeline.cli.recording import recording
from itu_timeline.core import loader
from itu_timeline.core.changes import Source
from itu_timeline.core.query import find_event
from itu_timeline.core.subscriptions import feed_of
from itu_timeline.core.text import safe

commands = typer.Typer()  # put on the app by cli.main
EXIT_INTERRUPTED = 130


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
    from itu_timeline.store.edits import (
        add_event,
        make_id,
        require_schema_2,
        same_event,
        unique_id,
    )
    from itu_timeline.store.locked import update_file

    settings: Settings = ctx.obj
    missing = [f"--{name}" for name in REQUIRED_TO_ADD if name not in fields]
    if missing:
        raise UsageError(_("add needs {options}").format(options=", ".join(missing)))
    target = settings.target(calendar)
    fields["updated"] = settings.today
    derived = "id" not in fields
    one_day = not isinstance(fields["start"], datetime) and fields.get("precision", "day") == "day"
    if "end" not in fields and one_day:
        fields["end"] = fields["start"]  # a day, unless --end unknown says it is not known

    def change(document: dict[str, Any]) -> str:
        require_schema_2(document, fields, target)
        twin = same_event(document, fields)
        if twin is not None and derived:
            raise UsageError(
                _("'{id}' in {file} has the same title and start").format(id=twin, file=target),
                hint=_("change it with edit, or give --id to add another event all the same"),
            )
        if "timezone" not in fields and "timezone" not in document:
            fields["timezone"] = settings.now.zone.key  # --tz or the system's, never UTC unasked
        if derived:
            taken = {e.get("id") for e in document.get("events", [])}
            fields["id"] = unique_id(make_id(fields["title"], fields["start"]), taken)
        add_event(document, fields)
        return str(fields["id"])

    with recording(settings, Source("edit", str(target))):
        update = update_file(target, change, create=True)
    report("warning", update.warnings())
    report("note", [_added(update.value, target, update.created, derived)])
    sys.stdout.write(update.value + "\n")


@commands.command()
@with_event_fields
def edit(
    ctx: typer.Context,
    event_id: EventId,
    fields: dict[str, Any],
    clear: Annotated[
        list[str] | None, typer.Option(help=_("Remove this field (repeatable), e.g. --clear url."))
    ] = None,
    remove_deadline: Annotated[
        list[str] | None,
        typer.Option(help=_("Remove the event's own deadline of this name (repeatable).")),
    ] = None,
    calendar: TargetOption = None,
) -> None:
    """Change an event; bumps its revision and sets updated (the .ics SEQUENCE and LAST-MODIFIED).

    An event that lives only in the bundled calendar is copied, changed, into your calendar,
    where it overrides the bundled one; name the bundled file with --calendar to change it there.
    A --deadline replaces the event's own deadline of the same name, or is added;
    --remove-deadline NAME removes one.

    \b
    Examples:
      itu-timeline edit igf-2026 --status confirmed \\
          --source https://intgovforum.org/...
      itu-timeline edit c27 --start 2027-06-15 --end 2027-06-25 \\
          --precision day --clear notes
    """
    from itu_timeline.store.edits import (
        clearable,
        edit_event,
        find,
        require_schema_2,
        upsert_copy,
    )
    from itu_timeline.store.edits import remove_deadline as remove_deadline_of
    from itu_timeline.store.locked import update_file

    settings: Settings = ctx.obj
    cleared = [for_option("--clear", clearable, name) for name in clear or ()]
    if "id" in fields:
        raise UsageError(
            _("an id cannot be edited; add the event under the new id and remove this")
        )
    if not fields and not clear and not remove_deadline:
        raise UsageError(_("nothing to change: give options such as --start or --clear"))
    if calendar is not None and _holds(calendar, event_id):  # the file named is the one
        origin = target = calendar
    else:
        event = find_event(settings.calendar(), event_id)
        origin = event.origin or loader.user_path()
        target = calendar or (settings.target(None) if _replaced(origin) else origin)
    original = None if _same(origin, target) else find(loader.read_document(origin), event_id)

    def change(document: dict[str, Any]) -> None:
        table = upsert_copy(document, original) if original else find(document, event_id)
        if table is None:
            raise UsageError(_("'{id}' is not in {file}").format(id=event_id, file=target))
        require_schema_2(document, fields, target)
        for name in remove_deadline or ():
            for_option("--remove-deadline", functools.partial(remove_deadline_of, table), name)
        edit_event(table, fields, cleared, settings.today)

    with recording(settings, Source("edit", str(target))):
        update = update_file(target, change, create=True)
    report("warning", update.warnings())
    said = (
        _("changed '{id}' in {file} (a copy of the event in {origin}, which it now overrides)")
        if original
        else _("changed '{id}' in {file}")
    )
    report("note", [said.format(id=event_id, file=target, origin=origin)])


@commands.command()
def remove(
    ctx: typer.Context,
    event_id: EventId,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))
    ] = False,
    calendar: TargetOption = None,
) -> None:
    """Remove an event from the calendar file it lives in (or from --calendar FILE).

    The bundled calendar changes only when it is named. On a terminal it asks first; elsewhere
    --yes is required.

    \b
    Examples:
      itu-timeline remove national-consultation-2029 --yes
    """
    from itu_timeline.store.edits import find, remove_event
    from itu_timeline.store.locked import read_valid, update_file

    settings: Settings = ctx.obj
    target = calendar or _home_of(settings, event_id)
    table = find(read_valid(target), event_id)
    if table is None:
        message = _("'{id}' is not in {file}; name its file with --calendar")
        raise UsageError(message.format(id=event_id, file=target))
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(_("remove asks for confirmation on a terminal; elsewhere pass --yes"))
        title = safe(str(table.get("title")))
        question = _("Remove '{id}' ({title}) from {file}?")
        if not _confirmed(question.format(id=safe(event_id), title=title, file=target)):
            raise NegativeCheck(_("nothing removed"))
    with recording(settings, Source("edit", str(target))):
        update = update_file(target, lambda document: remove_event(document, event_id))
    report("warning", update.warnings())
    report("note", [_("removed '{id}' from {file}").format(id=event_id, file=target)])


def _confirmed(question: str) -> bool:
    """The answer typed at the terminal; end of input is a no. Ctrl-C ends the command at once
    and quietly, with the status a shell gives an interrupted program (128 + SIGINT)."""
    try:
        return typer.confirm(question)
    except typer.Abort as err:  # click turns both Ctrl-C and Ctrl-D into Abort
        sys.stderr.write("\n")  # the prompt's line ends; nothing else is said
        if isinstance(err.__context__, EOFError):
            return False
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _home_of(settings: Settings, event_id: str) -> Path:
    """The file an event lives in; the bundled calendar only when it is named."""
    origin = find_event(settings.calendar(), event_id).origin or loader.user_path()
    named = loader.named_sources(settings.calendars)
    if _replaced(origin) and not any(_same(origin, n) for n in named):
        feed = feed_of(origin)
        message = (
            _("'{id}' is in feed '{feed}', which a refresh or a new version replaces")
            if feed
            else _("'{id}' is in the bundled calendar, which a refresh or a new version replaces")
        )
        raise UsageError(
            message.format(id=event_id, feed=feed),
            hint=_("to hide or correct it, edit it (the change goes into your own file)"),
        )
    return origin


def _holds(path: Path, event_id: str) -> bool:
    """Whether the file named with --calendar has the event itself: then it is edited there,
    whatever the calendars in use say (the file may not be one of them)."""
    from itu_timeline.store.edits import find
    from itu_timeline.store.locked import read_valid  # a malformed file: its one-line error

    return path.is_file() and find(read_valid(path), event_id) is not None


def _replaced(origin: Path) -> bool:
    """Files that are replaced whole (the bundled calendar, a feed's copy): an edit goes into
    the user's own file instead, where it overrides them and survives."""
    return _same(origin, loader.bundled_path()) or feed_of(origin) is not None


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _added(event_id: str, target: Path, created: bool, derived: bool) -> str:
    if created and derived:
        said = _("added '{id}' to {file} (a new file) (id made from the title and start)")
    elif created:
        said = _("added '{id}' to {file} (a new file)")
    elif derived:
        said = _("added '{id}' to {file} (id made from the title and start)")
    else:
        said = _("added '{id}' to {file}")
    return said.format(id=event_id, file=target)
