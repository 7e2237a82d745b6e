"""Deadlines derived for events from their rules and their own deadline specifications.

An event gets the deadlines of every rule whose `match` fits it, plus its own. Its own deadline
replaces a rule's deadline of the same name: a date read from the meeting's own page wins over
the general rule. Cancelled events and events whose days are not announced get none.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime

from itu_timeline.core.dates import parse_before
from itu_timeline.core.model import (
    DEFAULT_DEADLINE_TIME,
    Calendar,
    Deadline,
    DeadlineSpec,
    Event,
    Rule,
    Status,
)
from itu_timeline.core.zones import get_zone


def rule_matches(rule: Rule, event: Event) -> bool:
    """Every key of `match` must fit; several values for one key are alternatives."""
    match = rule.match
    return (
        ("body" not in match or event.body.value in match["body"])
        and ("kind" not in match or event.kind.value in match["kind"])
        and ("id" not in match or event.id in match["id"])
        and ("tags" not in match or not set(match["tags"]).isdisjoint(event.tags))
    )


def due_instant(event: Event, spec: DeadlineSpec | Rule) -> datetime:
    """When a deadline falls due, as an aware datetime in its own time zone.

    A wall-clock time that does not exist (skipped by a daylight-saving jump) is read with the
    offset in force before the jump, so 02:30 on a spring-forward night is 03:30 summer time.
    """
    zone = get_zone(spec.timezone or event.timezone)
    at = getattr(spec, "at", None)
    if isinstance(at, datetime):
        local = at.replace(tzinfo=zone)
    else:
        day = at if isinstance(at, date) else event.start - parse_before(spec.before or "0 days")
        local = datetime.combine(day, spec.time or DEFAULT_DEADLINE_TIME, tzinfo=zone)
    # Through UTC and back: converting to the same zone object is a no-op in Python, and this
    # is what turns a skipped wall-clock time into the real one.
    return local.astimezone(UTC).astimezone(zone)


def event_deadlines(event: Event, rules: Iterable[Rule]) -> list[Deadline]:
    """The deadlines of one event, soonest first."""
    if event.status is Status.CANCELLED or event.is_approximate:
        return []
    own = {spec.name.casefold(): spec for spec in event.deadlines}
    found = [
        Deadline(event, rule.name, due_instant(event, rule), rule.id, rule.source, rule.notes)
        for rule in rules
        if rule_matches(rule, event) and rule.name.casefold() not in own
    ]
    found += [
        Deadline(event, spec.name, due_instant(event, spec), None, spec.source, spec.notes)
        for spec in event.deadlines
    ]
    return sorted(found, key=lambda d: (d.due, d.name))


def all_deadlines(calendar: Calendar, events: Iterable[Event] | None = None) -> list[Deadline]:
    chosen = calendar.events if events is None else events
    return [d for event in chosen for d in event_deadlines(event, calendar.rules)]
