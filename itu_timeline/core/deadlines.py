"""Deadlines derived for events from their rules and their own deadline specifications.

An event gets the deadlines of every rule whose `match` fits it, plus its own. Its own deadlines
replace a rule's deadline for the same thing: of the same name, or, told by their words, of the
same kinds (contributions, translation, fellowships, interpretation, captioning, registration,
visa letters, candidatures, proposals), so that a date printed in the meeting's letter or page
is not shown beside the general rule's. Cancelled events and events whose days are not
announced get none.
"""

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from itu_timeline.base.i18n import N_
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


# What a deadline is for, told by its name (English, French, Spanish), and what a rule's
# deadline is called when an event's own deadlines date only some of what it covers (each
# such name a message: core/deadline_names.py says it in the reader's language). A
# translation deadline is not the contributions deadline, captioning not interpretation, nor
# proposals to amend the Constitution the other proposals.
_TOPICS = (
    (
        "captioning",
        N_("captioning requests"),
        r"caption|sign.language|sous-titr|subt[ií]tul",
    ),
    ("translation", N_("contributions to be translated"), r"translat|traduc"),
    ("fellowship", N_("fellowship requests"), r"fellowship|bourse|beca"),
    ("interpretation", N_("interpretation requests"), r"interpr[eé]t"),
    ("visa", N_("visa support letter requests"), r"visa"),
    ("registration", N_("registration"), r"regist|inscri"),
    ("contributions", N_("contributions"), r"contribution"),
    ("candidatures", N_("candidatures"), r"candida"),
    ("amendments", N_("proposals to amend"), r"amend|enmienda"),
    ("proposals", N_("proposals"), r"\bpropos(?:al|ition)|propuesta"),
)
_EXCLUDES = {"translation": "contributions", "captioning": "interpretation",
             "amendments": "proposals"}  # fmt: skip


@lru_cache(maxsize=512)
def topics(name: str) -> frozenset[str]:
    """The kinds of deadline a name speaks of: 'Pre-registration and visa support letter
    requests' -> registration, visa."""
    found = {topic for topic, _, words in _TOPICS if re.search(words, name, re.I)}
    return frozenset(found - {_EXCLUDES[t] for t in found if t in _EXCLUDES})


def topic_labels(name: str, chosen: frozenset[str]) -> list[str]:
    """The labels of `chosen` topics of `name`, in the order `name` speaks of them."""
    spoken = sorted(
        (m.start(), label)
        for topic, label, words in _TOPICS
        if topic in chosen and (m := re.search(words, name, re.I))
    )
    return [label for _, label in spoken]


def topic_words(name: str, chosen: frozenset[str]) -> str:
    """`chosen` topics of `name` in words, in the order `name` speaks of them:
    'Registration and visa support letter requests'."""
    labels = topic_labels(name, chosen)
    text = " and ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)
    return text[:1].upper() + text[1:]


def event_deadlines(event: Event, rules: Iterable[Rule]) -> list[Deadline]:
    """The deadlines of one event, soonest first. Its own deadlines (those of its letter)
    win over a rule's for the same thing: a rule's deadline of the same name, or whose kinds
    they all date, is left out; one whose kinds they date in part is kept for the rest, and
    named for it ('Fellowship and interpretation requests' is 'Interpretation requests' when
    the letter dates fellowships)."""
    if event.status is Status.CANCELLED or event.is_approximate:
        return []
    own = {spec.name.casefold() for spec in event.deadlines}
    covered = frozenset().union(*(topics(s.name) for s in event.deadlines)) if own else frozenset()
    found = [derive(event, spec) for spec in event.deadlines]
    for rule in rules:
        if not rule_matches(rule, event) or rule.name.casefold() in own:
            continue
        spoken = topics(rule.name)
        if not spoken & covered:
            found.append(derive(event, rule))
        elif spoken - covered:
            found.append(_narrowed(derive(event, rule), spoken - covered, spoken & covered))
    return sorted(found, key=lambda d: (d.due, d.name))


# How a renamed rule's deadline says so in its notes, and how it is told apart.
_LESS_START, _LESS_MIDDLE = "Rule '", "' less "


def is_narrowed(deadline: Deadline) -> bool:
    """Whether a rule's deadline was renamed for what the event's own deadlines left of it."""
    notes = deadline.notes or ""
    return deadline.rule_id is not None and notes.startswith(_LESS_START) and _LESS_MIDDLE in notes


def _narrowed(deadline: Deadline, left: frozenset[str], dated: frozenset[str]) -> Deadline:
    rule = deadline.name
    dated_words = topic_words(rule, dated).lower()
    why = f"{_LESS_START}{rule}{_LESS_MIDDLE}{dated_words}, which the event dates itself."
    notes = f"{why} {deadline.notes}" if deadline.notes else why
    return replace(deadline, name=topic_words(rule, left), notes=notes)


def all_deadlines(calendar: Calendar, events: Iterable[Event] | None = None) -> list[Deadline]:
    chosen = calendar.events if events is None else events
    return [d for event in chosen for d in _deadlines_of(event, calendar)]


def _deadlines_of(event: Event, calendar: Calendar) -> Iterable[Deadline]:
    """As stored by the day index, if it stored them for this very event; else derived."""
    stored = calendar.derived.get(event.id) if calendar.derived is not None else None
    if stored is not None and stored[0] is event:
        return stored[1]
    return event_deadlines(event, calendar.rules)
