"""Plain lines for pipes, cron mail and grep: no colour, no box drawing, stable columns.

A `list` line is: dates (ISO `start..end`; `2027-06..2027-07` or `2027` when only the months
or the year are announced), body, kind, id, title, then `(June–July 2027, dates not announced)`,
`@ location` and `[status]` when they apply. Columns are separated by two spaces and the
first three are padded to fixed widths.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING
from unicodedata import combining, east_asian_width
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import N_, _, current, ngettext
from itu_timeline.core.deadline_names import deadline_name
from itu_timeline.core.model import Deadline, Event, Status
from itu_timeline.core.subscriptions import feed_of
from itu_timeline.core.text import (
    BASIS_WORDS,
    END_NOT_ANNOUNCED,
    TIME_NOT_STATED,
    approximate_note,
    dates_label,
    iso_span,
    safe,
)
from itu_timeline.core.titles import shown_title
from itu_timeline.core.upcoming import Item, countdown

if TYPE_CHECKING:
    from itu_timeline.core.glossary import Named

DATE_WIDTH = len("2026-11-09..2026-11-27")
BODY_WIDTH = 5
KIND_WIDTH = len("plenipotentiary")
# What `status` answers: does the meeting take place as its organiser last announced it?
STATUS_WORDS = {
    Status.CONFIRMED: N_("as the organiser last announced it"),
    Status.TENTATIVE: N_("no firm announcement by the organiser seen"),
    Status.POSTPONED: N_("postponed, as the organiser announced"),
    Status.CANCELLED: N_("cancelled, as the organiser announced"),
}
# The values of `status` as a reader sees them ('[tentative]'); --status takes the English.
STATUS_NAMES = {
    Status.CONFIRMED: N_("confirmed"),
    Status.TENTATIVE: N_("tentative"),
    Status.POSTPONED: N_("postponed"),
    Status.CANCELLED: N_("cancelled"),
}
# TRANSLATORS: the type column of `upcoming`'s plain lines: a meeting, or a deadline before one
ITEM_TYPES = {"deadline": N_("deadline"), "event": N_("event")}


def status_name(status: Status) -> str:
    return _(STATUS_NAMES[status])


def columns(text: str) -> int:
    """How many columns of a terminal `text` takes: two for a Chinese character, none for
    a combining mark (the tanwin of 'يومًا')."""
    if text.isascii():  # one column each, without a look-up per character
        return len(text)
    return sum(0 if combining(c) else 2 if east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """`text` with spaces after it up to `width` columns, as `:<width` pads ASCII."""
    return text + " " * max(0, width - columns(text))


def event_line(event: Event, zone: ZoneInfo) -> str:
    dates = (
        dates_label(event, zone).removesuffix(" " + _(END_NOT_ANNOUNCED))
        if event.is_timed
        else iso_span(event, zone)
    )
    line = (
        f"{dates:<{DATE_WIDTH}}  {event.body.value:<{BODY_WIDTH}}  "
        f"{event.kind.value:<{KIND_WIDTH}}  {event.id}  {safe(shown_title(event))}"
    )
    if event.is_approximate:
        line += f" ({approximate_note(event)})"
    elif not event.end_known:
        line += f" {_(END_NOT_ANNOUNCED)}"
    if event.location:
        line += f" @ {safe(event.location)}"
    if event.status is not Status.CONFIRMED:
        line += f" [{status_name(event.status)}]"
    return line


def event_lines(events: Iterable[Event], zone: ZoneInfo) -> str:
    """One line per event; nothing at all (not even a newline) when there are none."""
    return "".join(event_line(e, zone) + "\n" for e in events)


URGENCY_MARKS = {"now": "!!", "soon": "! ", "later": "  ", "past": "x "}
WHEN_WIDTH = len("2026-10-12 23:59 CEST")
COUNTDOWN_WIDTH = len("ongoing: day 10 of 19")


def item_when(item: Item, zone: ZoneInfo) -> str:
    """When, in the display zone: a deadline's due time (or only its day, when no time is
    stated); an event's start time or first day; the months of an event without days."""
    if item.deadline is not None and item.deadline.timed:
        return item.deadline.due.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if item.deadline is None and item.event.is_timed and item.instant is not None:
        return item.instant.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if item.day is not None:
        return item.day.isoformat()
    return iso_span(item.event, zone)


def local_close(deadline: Deadline, zone: ZoneInfo) -> str:
    """' (until 2026-10-09 11:59 your time)' where the reader's zone is not the deadline's
    own: the moment it closes for the reader, which the date the source states hides (a
    deadline of 8 October in Geneva is still open on the 9th in Kiribati)."""
    local = deadline.due.astimezone(zone)
    if local.utcoffset() == deadline.due.utcoffset():
        return ""
    return " " + _("(until {time} your time)").format(time=f"{local:%Y-%m-%d %H:%M}")


def item_text(item: Item, zone: ZoneInfo) -> str:
    event = item.event
    if item.deadline is None:
        # An event without announced days: its months stand in the when column and the
        # countdown says the days are not announced, so the title needs no note.
        text = safe(shown_title(event))
        if not event.is_approximate and not event.end_known:
            text += f" {_(END_NOT_ANNOUNCED)}"
    else:
        text = _("Deadline: {name} — {title}").format(
            name=safe(deadline_name(item.deadline)), title=safe(shown_title(event))
        )
        if not item.deadline.timed:
            text += f" {_(TIME_NOT_STATED)}"
        text += local_close(item.deadline, zone)
    if event.status is not Status.CONFIRMED:
        text += f" [{status_name(event.status)}]"
    return text


def item_line(item: Item, zone: ZoneInfo) -> str:
    mark = URGENCY_MARKS[item.urgency.value]
    kind = pad(_(ITEM_TYPES[item.type]), 8)
    return (
        f"{mark}{item_when(item, zone):<{WHEN_WIDTH}}  {pad(countdown(item), COUNTDOWN_WIDTH)}  "
        f"{kind}  {item.event.body.value:<{BODY_WIDTH}}  {item.event.id}  "
        f"{item_text(item, zone)}"
    )


def item_lines(items: Iterable[Item], zone: ZoneInfo) -> str:
    return "".join(item_line(i, zone) + "\n" for i in items)


def nothing_soon(days: int, dated: Item | None) -> str:
    """What a terminal is told when `upcoming` has nothing: what comes next, if anything."""
    if dated is None:
        text = ngettext(
            "Nothing starts or is due in the next {n} day.",
            "Nothing starts or is due in the next {n} days.",
            days,
        )
        return text.format(n=days) + "\n"
    text = ngettext(
        "Nothing starts or is due in the next {n} day; next: {id} {countdown}.",
        "Nothing starts or is due in the next {n} days; next: {id} {countdown}.",
        days,
    )
    return text.format(n=days, id=dated.event.id, countdown=countdown(dated)) + "\n"


def show_text(event: Event, deadlines: list[Item], zone: ZoneInfo) -> str:
    """One event in full, as labelled lines; its deadlines with countdowns."""
    from itu_timeline.core.glossary import body_name, kind_name  # not for a cron run's lines

    basis = event.basis
    rows = [
        (_("Event"), safe(event.title)),
        *(
            (f"  {lang}", f"{safe(name.title)}  ({safe(name.source)})")
            for lang, name in event.titles.items()
        ),
        (_("ID"), event.id),
        (_("Dates"), dates_label(event, zone) + _day_count(event)),
        # TRANSLATORS: the organisation holding the meeting (ITU-T, ITU-R, CEPT...)
        (_("Body"), _named(event.body.value, body_name(event, current()))),
        # TRANSLATORS: the kind of meeting (council, study-group, assembly...)
        (_("Kind"), _named(event.kind.value, kind_name(event, current()))),
        (_("Format"), event.format.value if event.format else ""),
        (_("Status"), f"{event.status.value} ({_(STATUS_WORDS[event.status])})"),
        # TRANSLATORS: how the dates are known (official, reported, derived, expected)
        (_("Known"), f"{basis.value} ({_(BASIS_WORDS[basis])})" if basis else ""),
        (_("Where"), safe(event.location or "")),
        (_("Time zone"), event.timezone),
        (_("Tags"), ", ".join(safe(t) for t in event.tags)),
        (_("URL"), safe(event.url or "")),
        (_("Source"), safe(event.source or "")),
        (
            _("Outcome"),
            _("took place: {text}").format(text=safe(event.outcome)) if event.outcome else "",
        ),
        (_("Revision"), str(event.revision) if event.revision else ""),
        (_("Updated"), event.updated.isoformat() if event.updated else ""),
        (_("UID"), safe(event.uid or "")),
        (_("Imported"), _imported(event)),
        (_("Feed"), feed_of(event.origin) or ""),
        (_("File"), str(event.origin or "")),
    ]
    # TRANSLATORS: a label of `show` and its colon, as the language writes it ("{label} :")
    labelled = [(_("{label}:").format(label=label), value) for label, value in rows]
    width = max(columns(label) for label, _value in labelled) + 1  # 11 in English
    lines = [pad(label, width) + value for label, value in labelled if value]
    if event.notes:
        lines += [_("Notes:"), *("  " + line for line in safe(event.notes, True).splitlines())]
    if deadlines:
        lines.append(_("Deadlines (times in {zone}):").format(zone=zone.key))
        lettered = any(_printed_in(event, item) for item in deadlines)
        for item in deadlines:
            name = safe(deadline_name(item.deadline)) if item.deadline else ""
            if item.deadline and not item.deadline.timed:
                name += f" {_(TIME_NOT_STATED)}"
            name += _origin(event, item, lettered)
            lines.append(
                f"  {item_when(item, zone):<{WHEN_WIDTH}}  {pad(countdown(item), 12)}  {name}"
            )
    elif event.is_approximate:
        lines.append(_("Deadlines: none derived until the dates are announced."))
    return "\n".join(lines) + "\n"


def _named(value: str, named: "Named | None") -> str:
    """'conference (Conférence mondiale des radiocommunications)': the ITU's own name beside
    the value, where the glossary has one in the reader's language."""
    return f"{value} ({named.text})" if named and named.lang != "en" else value


def _printed_in(event: Event, item: Item) -> str:
    """' (printed in TSB Collective letter 2/3)' for a deadline the event's letter dates."""
    deadline = item.deadline
    if deadline is None or deadline.rule_id or not deadline.source or not event.source:
        return ""
    if not event.source.startswith(deadline.source):
        return ""
    return " " + _("(printed in {source})").format(source=safe(deadline.source))


def _origin(event: Event, item: Item, lettered: bool) -> str:
    """Where a deadline comes from, for an event whose letter dates some (`lettered`): the
    letter, or ' (derived from rule itut-contributions)' for what it leaves to a rule."""
    if lettered and item.deadline and item.deadline.rule_id:
        return " " + _("(derived from rule {rule})").format(rule=safe(item.deadline.rule_id))
    return _printed_in(event, item)


def _day_count(event: Event) -> str:
    """' (19 days)' where the days are announced and more than one."""
    if event.is_approximate or not event.end_known or event.days == 1:
        return ""
    return " " + ngettext("({n} day)", "({n} days)", event.days).format(n=event.days)


def _imported(event: Event) -> str:
    if not event.imported:
        return ""
    count = len(event.imported)
    return ngettext(
        "{n} field remembered as the source gave it (import merges)",
        "{n} fields remembered as the source gave them (import merges)",
        count,
    ).format(n=count)
