"""The words of an exported .ics that a person reads in a calendar app: the DESCRIPTION of an
event and of a deadline, and the text of their alarms, in the run's language (`export --lang
fr`). In English they are the words the export always wrote, byte for byte. Property names,
and the X- properties that `import` reads back, are never translated: what a program reads is
the same in every language.
"""

from itu_timeline.base.i18n import _
from itu_timeline.core.deadline_names import deadline_name
from itu_timeline.core.model import Deadline, Event, Status
from itu_timeline.core.text import BASIS_WORDS, TIME_NOT_STATED, dates_label
from itu_timeline.core.zones import get_zone
from itu_timeline.render.plain import status_name


def event_description(event: Event, deadlines: list[Deadline]) -> str:
    """The event's notes, then what the calendar knows of it, then its deadlines."""
    lines = [event.notes, ""] if event.notes else []
    if event.status is Status.POSTPONED:
        lines.append(_("Postponed: the dates shown are the last announced."))
    lines.append(_("Status: {status}.").format(status=status_name(event.status)))
    if event.basis:
        basis = _(BASIS_WORDS[event.basis])
        lines.append(_("Dates: {basis} ({words}).").format(basis=event.basis.value, words=basis))
    if event.format:
        lines.append(_("Format: {format}.").format(format=event.format.value))
    if event.is_timed:
        local = dates_label(event, get_zone(event.timezone))
        lines.append(_("Local time: {dates} ({zone}).").format(dates=local, zone=event.timezone))
    if event.source:
        lines.append(_("Source: {source}").format(source=event.source))
    if event.outcome:
        lines.append(_("Seen to take place: {outcome}").format(outcome=event.outcome))
    if deadlines:
        due = _("- {name}: {due}")
        lines += ["", _("Deadlines:")]
        lines += [due.format(name=deadline_name(d), due=due_text(d)) for d in deadlines]
    return "\n".join(lines)


def deadline_description(deadline: Deadline) -> str:
    """When it is due, the event it is due for, its source and notes."""
    event = deadline.event
    lines = [
        _("Due {due}.").format(due=due_text(deadline)),
        _("Event: {title} ({id}).").format(title=event.title, id=event.id),
    ]
    lines += [_("Source: {source}").format(source=deadline.source)] if deadline.source else []
    lines += [deadline.notes] if deadline.notes else []
    return "\n".join(lines)


def deadline_alarm(deadline: Deadline) -> str:
    # TRANSLATORS: what a calendar app shows when an alarm before a deadline goes off
    return _("Deadline: {name}").format(name=deadline_name(deadline))


def event_alarm(event: Event) -> str:
    # TRANSLATORS: what a calendar app shows when an alarm before a meeting goes off
    return _("{title} begins").format(title=event.title)


def due_text(deadline: Deadline) -> str:
    """'2027-03-01 (time not stated)', or '2027-03-01 23:59 CET (Europe/Zurich)': ISO digits,
    which every language of the ITU prints as they are."""
    if not deadline.timed:
        return f"{deadline.day.isoformat()} {_(TIME_NOT_STATED)}"
    return f"{deadline.due.strftime('%Y-%m-%d %H:%M %Z')} ({deadline.due.tzinfo})"
