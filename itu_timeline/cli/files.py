"""The commands that bring in or tidy whole calendar files: import, fmt."""

import functools
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer

from itu_timeline.base.errors import UsageError
from itu_timeline.base.i18n import _, ngettext, number, then
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.event_options import TargetOption, choices_of
from itu_timeline.cli.options import for_option, one_of
from itu_timeline.cli.output import merged_line
from itu_timeline.cli.recording import recording
from itu_timeline.core.changes import Source
from itu_timeline.core.dates import first_day, last_day
from itu_timeline.core.model import Body, Kind

commands = typer.Typer()  # put on the app by cli.main


@commands.command("import")
def import_ics(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE.ics", help=_("The iCalendar file to read."))
    ],
    body: Annotated[
        str | None,
        typer.Option(
            help=_("Body of the new events (default: other)."), autocompletion=choices_of(Body)
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help=_("Kind of the new events (default: other)."), autocompletion=choices_of(Kind)
        ),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option(help=_("Tag the new events (repeatable)."))
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from", help=_("Expand recurring events from this day (default: a year ago).")
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(help=_("Expand recurring events up to this day (default: in three years).")),
    ] = None,
    calendar: TargetOption = None,
    dry_run: Annotated[bool, typer.Option(help=_("Count, but change nothing."))] = False,
) -> None:
    """Bring events from an .ics file into a calendar file, without duplicates, and without
    undoing your own edits.

    Each event remembers its UID and what the source said: importing the same file again
    changes nothing; importing an updated file changes only the fields the source changed
    (where you changed one too, the source wins and the event is named as a conflict). Single
    events are imported whatever their date; recurring ones are expanded between --from and
    --to. A VEVENT that cannot be read is skipped with its reason; VTODO and VJOURNAL are
    counted, not imported. Times, all-day days and time zones are kept.

    \b
    Examples:
      itu-timeline import apg27.ics --body APT --kind preparatory \\
          --tag radio-spectrum
      itu-timeline import colleague.ics --dry-run
      itu-timeline import weekly.ics --from 2027-01 --to 2027-06
    """
    from itu_timeline.store.importer import EXPORTED_DEADLINE, ImportOptions, collect
    from itu_timeline.store.locked import update_file
    from itu_timeline.store.merging import FROM_SOURCE, merge

    settings: Settings = ctx.obj
    today = settings.today
    first = for_option("--from", lambda t: first_day(t, today), from_) if from_ else None
    last = for_option("--to", lambda t: last_day(t, today), to) if to else None
    first = first or today - timedelta(days=366)
    last = last or today + timedelta(days=3 * 366)
    if last < first:
        raise UsageError(_("--to {last} is before --from {first}").format(last=last, first=first))
    options = ImportOptions(
        body=for_option("--body", lambda v: one_of(v, Body), body) if body else None,
        kind=for_option("--kind", lambda v: one_of(v, Kind), kind) if kind else None,
        tags=tuple(tag or ()),
        zone=settings.now.zone.key,
    )
    batch = collect(file, options, first, last)
    target = settings.target(calendar)
    with recording(settings, Source("import", str(file))):
        update = update_file(
            target,
            # An export of ours gives each event's deadlines too.
            lambda doc: merge(
                doc, batch.events, options.tags, today, fields=(*FROM_SOURCE, "deadlines")
            ),
            create=True,
            dry_run=dry_run,
        )
    report("warning", update.warnings())
    reading, merged = batch.reading, update.value
    report(
        "warning",
        _skip_lines(file, [s for s in reading.skipped if s.reason != _(EXPORTED_DEADLINE)]),
    )
    report("warning", [f"{file}: {line}" for line in reading.capped])
    report("note", [f"{file}: {note}" for note in batch.notes])
    both = _("{fields} (changed both here and in the source; the source's value was taken)")
    report("note", [both.format(fields=c) for c in merged.conflicts])
    if update.written:
        report("note", _masked(batch.events, target))
    sys.stdout.write(_summary(batch, merged, (first, last), update.written, dry_run, target))


def _masked(tables: list[dict[str, Any]], target: Path) -> list[str]:
    """A note when imported events (from an export of ours) have the ids of bundled events:
    the copies override them, so later corrections to those events would not show."""
    from itu_timeline.core.loader import bundled_path, load
    from itu_timeline.store.importer import OUR_UID

    if target.resolve() == bundled_path().resolve():
        return []
    ids = {m.group(1) for t in tables if (m := OUR_UID.match(t["uid"]))}
    masked = sorted(ids & {e.id for e in load([bundled_path()]).events})
    if not masked:
        return []
    shown = ", ".join(masked[:5])
    if len(masked) > 5:
        shown = _("{ids} and {n} more").format(ids=shown, n=len(masked) - 5)
    said = ngettext(
        "{n} imported event has the id of a bundled event ({ids}): where {file} is read, its "
        "copy overrides it, and later corrections to it will not show; remove the copy to "
        "follow the bundled calendar",
        "{n} imported events have the ids of bundled events ({ids}): where {file} is read, its "
        "copies override them, and later corrections to them will not show; remove the copies "
        "to follow the bundled calendar",
        len(masked),
    )
    return [said.format(n=len(masked), ids=shown, file=target)]


def _comments_in(path: Path) -> int:
    """The comments in a file, full-line and trailing (the canonical form keeps none)."""
    from itu_timeline.store.toml_text import comment_count

    try:
        return comment_count(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return 0  # the update reports what is wrong with the file


def _summary(
    batch: Any, merged: Any, window: tuple[date, date], written: bool, dry_run: bool, target: Path
) -> str:
    reading = batch.reading
    reasons = Counter(_kind(s.reason) for s in reading.skipped)
    skipped = _("{n} skipped").format(n=len(reading.skipped))
    if reasons:  # why, as the reader of the .ics says it
        said = [f"{n}: {r}" for r, n in reasons.most_common()]
        skipped += f" ({functools.reduce(then, said)})"
    parts = [skipped]
    if merged.conflicts:
        n = len(merged.conflicts)
        parts.append(ngettext("{n} conflict", "{n} conflicts", n).format(n=n))
    if reading.not_imported:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(reading.not_imported.items()))
        parts.append(_("not imported: {kinds}").format(kinds=kinds))
    if reading.outside:
        first, last = window
        outside = ngettext(
            "{n} occurrence outside {first}..{last} left out",
            "{n} occurrences outside {first}..{last} left out",
            reading.outside,
        )
        parts.append(outside.format(n=reading.outside, first=first, last=last))
    return merged_line(merged.counts, parts, written, dry_run, target)


@commands.command()
def fmt(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help=_(
                "The calendar (default: the one named with -c/ITU_TIMELINE_CALENDAR, else "
                "your own file)."
            )
        ),
    ] = None,
) -> None:
    """Rewrite a calendar file in canonical form (tomli-w's TOML, every event a [[events]]
    table), after validating it, in schema 2. Comments are not kept: a warning says so.

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
    comments = _comments_in(path)
    update = update_file(path, upgrade, canonical=True)
    if comments and update.written:
        dropped = ngettext(
            "{path}: {n} comment dropped: say it in values",
            "{path}: {n} comments dropped: say it in values",
            comments,
        )
        report("warning", [dropped.format(path=path, n=comments)])
    if update.value:
        report("note", [_("upgraded {path} to schema 2").format(path=path)])
    elif update.written:
        report("note", [_("rewrote {path} in canonical form").format(path=path)])


_MOMENT = re.compile(r"\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?")


def _kind(reason: str) -> str:
    """A reason without its dates and asides, so that the occurrences of one series skipped
    for one cause count as one kind ('end: … is not after start …')."""
    return _MOMENT.sub("…", reason.split(" (")[0])


def _skip_lines(file: Path, skipped: list[Any]) -> list[str]:
    """One warning per VEVENT skipped; a series whose occurrences are skipped for one cause
    is one line with their count, not a line each (an endless rule would print thousands)."""
    by_series: dict[tuple[str, str], list[Any]] = {}
    for s in skipped:
        by_series.setdefault((s.name, _kind(s.reason)), []).append(s)
    return [_skipped(file, name, group) for (name, _kind_of), group in by_series.items()]


def _skipped(file: Path, name: str, group: list[Any]) -> str:
    if len(group) == 1:
        said = _("{file}: VEVENT '{name}' skipped: {reason}")
    else:
        said = ngettext(
            "{file}: VEVENT '{name}' skipped: {reason} (and {n} more occurrence, for the same "
            "cause)",
            "{file}: VEVENT '{name}' skipped: {reason} (and {n} more occurrences, for the same "
            "cause)",
            len(group) - 1,
        )
    return said.format(file=file, name=name, reason=group[0].reason, n=number(len(group) - 1))
