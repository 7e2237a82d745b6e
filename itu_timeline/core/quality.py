"""Data-quality checks that warn without failing (unless `validate --strict`): things a loader
must accept but a curated calendar should not contain."""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from itu_timeline.base.errors import Problem
from itu_timeline.base.i18n import _, ngettext
from itu_timeline.core.deadlines import rule_matches, topics
from itu_timeline.core.model import Basis, Calendar, Deadline, Event
from itu_timeline.core.text import events_count, has_control_chars
from itu_timeline.core.zones import get_zone

# Where the fact sheets count dates as verified: official ITU, UN, IGF and APT pages.
OFFICIAL = re.compile(r"(^|[/.\s(])(itu\.int|un\.org|intgovforum\.org|apt\.int)\b", re.IGNORECASE)
LONGEST_DAYS = 60
SIMILAR_TITLES = 0.85
TWIN_DAYS = 3
SIMILAR_NAMES = 0.7  # deadline names are short: "Register" and "Registration" say the same
SHARED_WORDS = 2  # "Preparatory documents published" and "All secretariat documents published"
_NUMBERS = re.compile(r"\d+")
_ASIDE = re.compile(r"\([^)]*\)")  # "(Rule 20)", "(last day)": where a name comes from
_WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: no "of", "and", "for"
_STEM = 5  # "documents"/"document", "translated"/"translation" compare alike
_EMPTY_WORDS = frozenset({"with", "from", "last", "days", "date", "deadline", "meeting", "before"})


@dataclass(frozen=True)
class Summary:
    events: int
    rules: int
    deadlines: int
    by_body: dict[str, int]
    by_kind: dict[str, int]

    def text(self, files: int, warnings: int) -> str:
        """What `validate` prints: the counts, then the events by body and by kind (their
        names as the data writes them)."""
        # TRANSLATORS: validate's summary: files, events, rules, deadlines, warnings (each counted)
        counts = _("{files}: {events}, {rules}, {deadlines}; {warnings}").format(
            files=ngettext("{n} file", "{n} files", files).format(n=files),
            events=events_count(self.events),
            rules=ngettext("{n} rule", "{n} rules", self.rules).format(n=self.rules),
            deadlines=ngettext("{n} deadline", "{n} deadlines", self.deadlines).format(
                n=self.deadlines
            ),
            warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        )
        by_body = _("by body: {counts}").format(counts=_counts(self.by_body))
        by_kind = _("by kind: {counts}").format(counts=_counts(self.by_kind))
        return f"{counts}\n  {by_body}\n  {by_kind}\n"


def summarize(calendar: Calendar, deadlines: list[Deadline]) -> Summary:
    return Summary(
        events=len(calendar.events),
        rules=len(calendar.rules),
        deadlines=len(deadlines),
        by_body=dict(Counter(e.body.value for e in calendar.events).most_common()),
        by_kind=dict(Counter(e.kind.value for e in calendar.events).most_common()),
    )


def warnings(calendar: Calendar, deadlines: list[Deadline]) -> list[Problem]:
    found = [w for event in calendar.events for w in event_warnings(event)]
    late = _("'{name}' falls after the event starts")
    found += [_warn(d.event, "deadlines", late.format(name=d.name))
              for d in deadlines if _after_start(d)]  # fmt: skip
    found += duplicate_warnings(calendar.events)
    found += idle_rule_warnings(calendar)
    found += twin_deadline_warnings(deadlines)
    return found


def idle_rule_warnings(calendar: Calendar) -> list[Problem]:
    """A rule that gives no event a deadline is probably matched wrongly (or not needed)."""
    return [
        Problem(
            str(rule.origin or "?"),
            _("rule '{id}'").format(id=rule.id),
            "match",
            _("matches no event"),
        )
        for rule in calendar.rules
        if not any(rule_matches(rule, event) for event in calendar.events)
    ]


def twin_deadline_warnings(deadlines: list[Deadline]) -> list[Problem]:
    """Two deadlines of one event, within 3 days of each other, whose names say the same
    thing (`same_thing`): probably one deadline from two sources (two rules, or a rule and
    the event's own)."""
    by_event: dict[str, list[Deadline]] = defaultdict(list)
    for deadline in deadlines:
        by_event[deadline.event.id].append(deadline)
    found = []
    for group in by_event.values():
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                close = abs((first.day - second.day).days) <= TWIN_DAYS
                if close and same_thing(first.name, second.name):
                    message = _("'{name}' looks like '{other}' ({day}, {other_day})").format(
                        name=second.name, other=first.name, day=first.day, other_day=second.day
                    )
                    found.append(_warn(first.event, "deadlines", message))
    return found


def same_thing(first: str, second: str) -> bool:
    """Two deadline names say the same thing when they are spelt alike ("Register",
    "Registration"), or when, leaving out what stands in parentheses, they share two words
    of substance compared by their first letters ("Preparatory documents published (Rule
    20)", "All secretariat documents published"). One shared word is not enough:
    "Contributions due" and "Contributions to be translated" are two deadlines, and
    names of different kinds of deadline ("Submit requests for fellowships", "Submit requests
    for interpretation", a letter's key deadlines on one day) never say the same thing."""
    if topics(first).isdisjoint(topics(second)) and topics(first) and topics(second):
        return False
    shared = _key_words(first) & _key_words(second)
    return len(shared) >= SHARED_WORDS or _similar(first, second, SIMILAR_NAMES)


def _key_words(name: str) -> set[str]:
    words = _WORD.findall(_ASIDE.sub(" ", name).casefold())
    return {word[:_STEM] for word in words if word not in _EMPTY_WORDS}


def event_warnings(event: Event) -> list[Problem]:
    found = []
    if not event.source:
        found.append(_warn(event, "source", _("no source: say where the dates were read")))
    elif event.basis is Basis.OFFICIAL and not official_source(event.source):
        message = _("official, but the source is not an official page or an ITU letter's reference")
        found.append(_warn(event, "basis", message))
    if not event.is_approximate and event.days > LONGEST_DAYS:
        lasts = ngettext(
            "lasts {n} day (over {limit})", "lasts {n} days (over {limit})", event.days
        )
        message = lasts.format(n=event.days, limit=LONGEST_DAYS)
        found.append(_warn(event, "end", message))
    for field in ("title", "location", "notes", "url", "source"):
        value = getattr(event, field)
        if value and has_control_chars(value):
            found.append(_warn(event, field, _("contains control characters")))
    return found


def official_source(source: str) -> bool:
    """An official page, or an ITU letter named by its reference ("TSB Collective letter
    3/13, 12 March 2027", as `letter --add` writes it): the letter is the organiser's own."""
    if OFFICIAL.search(source):
        return True
    from itu_timeline.core.letter_head import find_reference  # only for a source that is no page

    found = find_reference(source.strip())
    return found is not None and found.pos == 0


def duplicate_warnings(events: tuple[Event, ...]) -> list[Problem]:
    """Same body and kind, overlapping days and similar titles: probably one event twice."""
    groups: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        groups[(event.body.value, event.kind.value)].append(event)
    found = []
    for group in groups.values():
        group.sort(key=lambda e: e.first_day)
        for i, event in enumerate(group):
            for other in group[i + 1 :]:
                if other.first_day > event.last_day:
                    break  # sorted by start: no later event overlaps this one
                if _similar(event.title, other.title):
                    message = _("looks like a duplicate of '{id}'").format(id=event.id)
                    found.append(_warn(other, "id", message))
    return found


def _similar(a: str, b: str, threshold: float = SIMILAR_TITLES) -> bool:
    # Titles that differ in a number ("Study Group 12" / "Study Group 20") name different things.
    if _NUMBERS.findall(a) != _NUMBERS.findall(b):
        return False
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= threshold


def _after_start(deadline: Deadline) -> bool:
    return deadline.day_in(get_zone(deadline.event.timezone)) > deadline.event.first_day


def _warn(event: Event, field: str, message: str) -> Problem:
    return Problem(str(event.origin or "?"), _("event '{id}'").format(id=event.id), field, message)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())
