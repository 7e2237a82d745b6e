"""`letter`: ITU announcement letters read into events with their official deadlines."""

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from itu_timeline.base.errors import UsageError
from itu_timeline.base.i18n import _, system_words
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.event_options import TargetOption
from itu_timeline.cli.options import for_option
from itu_timeline.cli.output import merged_line
from itu_timeline.core.letter_model import Meeting

commands = typer.Typer()  # put on the app by cli.main


class LetterFormat(StrEnum):
    TOML = "toml"
    JSON = "json"


@commands.command()
def letter(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...", help=_("Letters: text, HTML, PDF, DOCX or .eml; '-' reads stdin.")
        ),
    ],
    format_: Annotated[
        LetterFormat, typer.Option("--format", "-f", help=_("What to print."))
    ] = LetterFormat.TOML,
    add: Annotated[
        bool, typer.Option("--add", help=_("Write the events into your calendar instead."))
    ] = False,
    timezone: Annotated[
        str | None,
        typer.Option(help=_("Zone of a meeting whose place is not in the table of ITU venues.")),
    ] = None,
    calendar: TargetOption = None,
    dry_run: Annotated[bool, typer.Option(help=_("With --add: say what, change nothing."))] = False,
) -> None:
    """Read ITU letters (TSB Collective letters and Circulars, BR Circular letters and
    Administrative circulars, BDT circulars, DM letters) into events: dates, place or
    virtual, opening time and every deadline the letter dates, as printed.

    Nothing is made up: what a letter does not say is listed as not stated, and a deadline
    the letter gives only as a rule ("12 days before") is left to the calendar's rules. With
    --add the events go into your calendar through the same merge as import: the same letter
    again changes nothing; a corrigendum updates the event and says what changed.

    A meeting in a place not in the table of ITU venues keeps the place as written; give its
    zone with --timezone. An older letter never undoes a later one (a corrigendum) already added.

    \b
    Examples:
      itu-timeline letter tsb-cl-3-13.pdf
      itu-timeline letter 5-LCCE-91.docx --format json
      itu-timeline letter circular.eml --add
      itu-timeline letter - --add --calendar team.toml < letter.txt
      itu-timeline letter cl-4-17.txt corrigendum-1.txt --add
      itu-timeline letter far-away.txt --add --timezone Asia/Ulaanbaatar
      itu-timeline upcoming --days 120      # then: its deadlines, with countdowns
    """
    from itu_timeline.core.letter import read_letter
    from itu_timeline.core.zones import get_zone
    from itu_timeline.store.letter_files import letter_text

    settings: Settings = ctx.obj
    if not add and (dry_run or calendar is not None):
        message = _("--dry-run goes with --add") if dry_run else _("--calendar goes with --add")
        raise UsageError(message)
    if timezone is not None:  # an unknown zone is refused before anything is read
        for_option("--timezone", get_zone, timezone)
    meetings = []
    for name in files:
        text = letter_text(_read(name), name)
        meetings += read_letter(text, "standard input" if name == "-" else name, settings.today)
    _give_zone(meetings, timezone)
    noted = _("{meeting}: {note}")  # a note of the letter's reader on one of its meetings
    report("note", [noted.format(meeting=_named(m), note=_(n.message).format(**dict(n.values)))
                    for m in meetings for n in m.notes])  # fmt: skip
    unzoned = [_no_zone(m) for m in meetings if m.timezone is None]
    if add:
        if unzoned:
            raise UsageError(unzoned[0])
        _add(settings, meetings, calendar, dry_run)
        return
    report("warning", unzoned)
    if format_ is LetterFormat.JSON:
        sys.stdout.write(json.dumps([m.record() for m in meetings], indent=2, ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        from itu_timeline.store.edits import make_id, normalize, unique_id
        from itu_timeline.store.toml_text import dumps

        taken: set[str] = set()
        tables = []
        for table in _tables(meetings):
            event_id = unique_id(make_id(table["title"], table["start"]), taken)
            taken.add(event_id)
            tables.append(normalize({"id": event_id, **table}))
        sys.stdout.write(dumps({"events": tables}))


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as err:
        message = _("{path}: cannot read: {reason}")
        raise UsageError(message.format(path=name, reason=system_words(err))) from err


def _give_zone(meetings: list[Meeting], zone: str | None) -> None:
    """`--timezone` for the meetings whose zone the letter leaves unknown; a meeting whose
    place gives another zone keeps it, and a note says so."""
    if zone is None:
        return
    for meeting in meetings:
        if meeting.timezone is None:
            meeting.timezone = zone
        elif meeting.timezone != zone:
            said = (
                _("{meeting}: --timezone {zone} not used: {place} gives {its_zone}")
                if meeting.location
                else _("{meeting}: --timezone {zone} not used: the letter gives {its_zone}")
            )
            said = said.format(meeting=_named(meeting), zone=zone, place=meeting.location,
                               its_zone=meeting.timezone)  # fmt: skip
            report("note", [said])


def _no_zone(meeting: Meeting) -> str:
    said = (
        _("{meeting}: {place} is not in the table of places the ITU meets; give its zone with "
          "--timezone ZONE")
        if meeting.location
        else _("{meeting}: the letter names no place and no time zone; give its zone with "
               "--timezone ZONE")
    )  # fmt: skip
    return said.format(meeting=_named(meeting), place=meeting.location)


def _named(meeting: Meeting) -> str:
    reference = meeting.reference or _("letter")
    return f"{reference}: {meeting.title} ({meeting.start})"


def _tables(meetings: list[Meeting]) -> list[dict[str, Any]]:
    """The event tables, each with its UID (the same group twice in one letter numbered)."""
    from itu_timeline.store.letter_events import event_table, uid_of

    tables: list[dict[str, Any]] = []
    seen: list[tuple[str | None, str]] = []
    for meeting in meetings:
        key = (meeting.reference, meeting.group or meeting.title)
        tables.append(event_table(meeting, uid_of(meeting, seen.count(key))))
        seen.append(key)
    return [{k: v for k, v in t.items() if v not in (None, [])} for t in tables]


def _add(settings: Settings, meetings: list[Meeting], calendar: Path | None, dry_run: bool) -> None:
    from itu_timeline.cli.recording import recording
    from itu_timeline.core.changes import Source
    from itu_timeline.store.letter_events import (
        newest,
        not_older,
        require_schema_2,
        what_moved,
    )
    from itu_timeline.store.locked import update_file
    from itu_timeline.store.merging import FROM_SOURCE, merge

    target = settings.target(calendar)
    incoming = newest(_tables(meetings))
    held = _held(settings, meetings, target)
    moved: list[str] = []
    older: list[str] = []
    replaced: list[str] = []

    def change(document: dict[str, Any]) -> Any:
        require_schema_2(document, incoming, target)
        events = document.get("events", [])
        # Only events with a UID can be the letter's: the others (a person's own, without one)
        # must not be compared with one another under a shared key of None.
        before = {e["uid"]: dict(e) for e in events if isinstance(e, dict) and e.get("uid")}
        fresh, stale = not_older(incoming, before)
        older.extend(stale)
        merged = merge(document, fresh, (), settings.today, fields=(*FROM_SOURCE, "deadlines"))
        _take_over(document, held, set(before), replaced)
        for event in document.get("events", []):
            old = before.get(event["uid"]) if event.get("uid") else None
            moved.extend(f"{event['id']}: {said}" for said in what_moved(old or event, event))
        return merged

    letter = next((m.reference for m in meetings if m.reference), str(target))
    with recording(settings, Source("letter", letter)):  # what it changed, in `changes`
        update = update_file(target, change, create=True, dry_run=dry_run)
    sys.stdout.writelines(f"{line}\n" for line in moved)
    report("note", [*older, *replaced])
    both = _("{fields} (changed both here and in the letter; the letter's value was taken)")
    report("note", [both.format(fields=c) for c in update.value.conflicts])
    more = [_("{n} from an older letter").format(n=len(older))] if older else []
    sys.stdout.write(merged_line(update.value.counts, more, update.written, dry_run, target))


def _held(settings: Settings, meetings: list[Meeting], target: Path) -> dict[str, Any]:
    """For each UID of the letter, the event of the other calendars in use that is the same
    meeting, if one is."""
    from itu_timeline.base.errors import TimelineError
    from itu_timeline.store.letter_takeover import held_by

    try:
        events = settings.calendar().events
    except TimelineError:
        return {}  # calendars that cannot be read hold nothing to take over; --add goes on
    tables = _tables(meetings)
    found = {t["uid"]: held_by(m, events, target) for m, t in zip(meetings, tables, strict=True)}
    return {uid: event for uid, event in found.items() if event is not None}


def _take_over(
    document: dict[str, Any], held: dict[str, Any], known: set[str], said: list[str]
) -> None:
    """A letter's new event takes the id of the event of another calendar it is (the user's
    file is read after it, so it replaces that event), where the file has no such id yet."""
    events = document.get("events", [])
    taken = {e.get("id") for e in events}
    for event in events:
        other = held.get(event.get("uid", ""))
        if other is None or event["uid"] in known or other.id in taken:
            continue
        same = _("{id}: the same meeting as {other} of {calendar} ({title}): written as "
                 "{other}, to replace it")  # fmt: skip
        said.append(same.format(id=event["id"], other=other.id,
                                calendar=_calendar_of(other), title=other.title))  # fmt: skip
        event["id"] = other.id


def _calendar_of(event: Any) -> str:
    from itu_timeline.core.loader import bundled_path
    from itu_timeline.core.subscriptions import feed_of

    if event.origin == bundled_path():
        return _("the bundled calendar")
    feed = feed_of(event.origin)
    return _("feed {name}").format(name=feed) if feed else str(event.origin)
