"""`itu-timeline changes`: what changed in the calendars, newest first; and `recording`, which
the commands that change a calendar wrap their change in, so that it reaches the change log."""

from datetime import timedelta
from typing import Annotated, Any

import typer

from itu_timeline.base.i18n import _, english
from itu_timeline.cli.app import Settings
from itu_timeline.cli.options import FormatOption, for_option, with_filters
from itu_timeline.cli.output import print_records
from itu_timeline.core.changes import Change
from itu_timeline.core.query import Filter
from itu_timeline.core.text import safe

commands = typer.Typer()  # put on the app by cli.main

CHANGE_FIELDS = ("recorded", "event_id", "title", "change", "deadline", "old", "new", "source",
                 "feed", "file", "body", "kind", "text")  # fmt: skip


@commands.command()
@with_filters
def changes(
    ctx: typer.Context,
    filters: Filter,
    since: Annotated[
        str | None,
        typer.Option(help=_("Changes recorded on or after this day."), show_default=False),
    ] = None,
    days: Annotated[
        int, typer.Option(min=1, max=366, help=_("Changes of the last N days (without --since)."))
    ] = 30,
    fmt: FormatOption = None,
) -> None:
    """What changed in the calendars, newest first: events added or removed, dates moved,
    status, place or format changed, deadlines added, moved or removed; with where each
    came from (a feed's refresh, an import, an edit). Kept for a year.

    \b
    Examples:
      itu-timeline changes
      itu-timeline changes --days 7 --body ITU
      itu-timeline changes --since 2027-03-01 --format json
    """
    from itu_timeline.core.changes import read_log, recent
    from itu_timeline.core.dates import first_day

    settings: Settings = ctx.obj
    first = (
        for_option("--since", lambda v: first_day(v, settings.today), since)
        if since is not None
        else settings.today - timedelta(days=days - 1)
    )
    found = recent(read_log(), first, settings.today, settings.now.zone, filters.matches)
    records = [_record(c) for c in found]
    columns = {"day": _("Day"), "event_id": _("Event id"), "said": _("Change")}
    print_records(settings, fmt, records, CHANGE_FIELDS, _line, columns)


def _record(change: Change) -> dict[str, Any]:
    feed = change.source == "feed"
    return {
        "recorded": change.recorded.isoformat(),
        "event_id": change.event_id,
        "title": change.title,
        "change": change.change,
        "deadline": change.deadline,
        "old": change.old,
        "new": change.new,
        "source": change.source,
        "feed": change.source_name if feed else None,
        "file": None if feed else change.source_name,
        "body": change.body,
        "kind": change.kind,
        "text": _english(change),  # what programs read is the same in every language
        "said": change.text(),  # for a person: the table and the plain lines
        "day": change.recorded.date().isoformat(),
    }


def _english(change: Change) -> str:
    with english():
        return change.text()


def _line(record: dict[str, Any]) -> str:
    return f"{record['day']}  {record['event_id']}  {safe(record['said'])}"
