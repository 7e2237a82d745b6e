"""Deadlines derived for events from their rules and their own deadline specifications.

An event gets the deadlines of every rule whose `match` fits it, plus its own. Its own deadline
replaces a rule's deadline for the same thing: of the same name, or, told by their words, of
the same kinds (contributions, translation, fellowships, interpretation, registration, visa
letters), so that a date printed in the meeting's letter or page is not shown beside the
general rule's. Cancelled events and events whose days are not announced get none.
"""

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from itu_timeline.core.dates import day_before
from itu_timeline.core.model import (
    Calendar,
    Deadline,
    DeadlineSpec,
    Event,
    Rule,
    Status,
)
from itu_timeline.core.zones import get_zone


def rule_matches(rule: Rule, event: Event) -> bool:
    """Every key of `match` must fit (an event whose format is not known fits no `format`);
    several values for one key are alternatives. Ids in `exclude` never fit, nor, for a feed's
    rule, the ids of other files' events."""
    match = rule.match
    return (
        event.id not in rule.exclude
        and (rule.within is None or event.id in rule.within)
        and (
            "format" not in match or (event.format is not None and event.format in match["format"])
        )
        # A StrEnum is equal to its text: no `.value` look-up, which costs on every event.
        and ("body" not in match or event.body in match["body"])
        and ("kind" not in match or event.kind in match["kind"])
        and ("id" not in match or event.id in match["id"])
        and ("tags" not in match or not set(match["tags"]).isdisjoint(event.tags))
    )


def derive(event: Event, spec: DeadlineSpec | Rule) -> Deadline:
    """The deadline that `spec` gives `event`: its day and the instant it falls due, aware of
    its own time zone. Without a stated time it falls due at the end of its day there.

    A wall-clock time that does not exist (skipped by a daylight-saving jump) is read with the
    offset in force before the jump, so 02:30 on a spring-forward night is 03:30 summer time.
    """
    zone = get_zone(spec.timezone or event.timezone)
    at = getattr(spec, "at", None)
    if isinstance(at, datetime):
        local = at.replace(tzinfo=zone)
    else:
        day = at if isinstance(at, date) else day_before(event.first_day, spec.before)
        moment = spec.time or time(0)
        local = datetime.combine(day + timedelta(days=0 if spec.time else 1), moment, zone)
    # Through UTC and back: converting to the same zone object is a no-op in Python, and this
    # is what turns a skipped wall-clock time into the real one.
    due = local.astimezone(UTC).astimezone(zone)
    timed = isinstance(at, datetime) or spec.time is not None
    rule_id = spec.id if isinstance(spec, Rule) else None
    return Deadline(
        event,
        spec.name,
        due.date() if timed else day,
        due,
        timed,
        rule_id,
        spec.source,
        spec.notes,
    )


# What a deadline is for, told by its name (English, French, Spanish). A translation
# deadline is not the contributions deadline, nor captioning one of interpretation.
_TOPICS = (
    ("captioning", re.compile(r"caption|sign.language|sous-titr|subt[ií]tul", re.I)),
    ("translation", re.compile(r"translat|traduc", re.I)),
    ("fellowship", re.compile(r"fellowship|bourse|beca", re.I)),
    ("interpretation", re.compile(r"interpr[eé]t", re.I)),
    ("visa", re.compile(r"visa", re.I)),
    ("registration", re.compile(r"regist|inscri", re.I)),
    ("contributions", re.compile(r"contribution", re.I)),
)
_EXCLUDES = {"translation": "contributions", "captioning": "interpretation"}


@lru_cache(maxsize=512)
def topics(name: str) -> frozenset[str]:
    """The kinds of deadline a name speaks of: 'Pre-registration and visa support letter
    requests' -> registration, visa."""
    found = {topic for topic, words in _TOPICS if words.search(name)}
    return frozenset(found - {_EXCLUDES[t] for t in found if t in _EXCLUDES})


def _replaced(rule: Rule, own: dict[str, DeadlineSpec], covered: frozenset[str]) -> bool:
    spoken = topics(rule.name)
    return rule.name.casefold() in own or bool(spoken and spoken <= covered)


def event_deadlines(event: Event, rules: Iterable[Rule]) -> list[Deadline]:
    """The deadlines of one event, soonest first."""
    if event.status is Status.CANCELLED or event.is_approximate:
        return []
    own = {spec.name.casefold(): spec for spec in event.deadlines}
    covered = frozenset().union(*(topics(s.name) for s in event.deadlines)) if own else frozenset()
    found = [
        derive(event, rule)
        for rule in rules
        if rule_matches(rule, event) and not _replaced(rule, own, covered)
    ]
    found += [derive(event, spec) for spec in event.deadlines]
    return sorted(found, key=lambda d: (d.due, d.name))


def all_deadlines(calendar: Calendar, events: Iterable[Event] | None = None) -> list[Deadline]:
    chosen = calendar.events if events is None else events
    return [d for event in chosen for d in event_deadlines(event, calendar.rules)]
