"""Times as the ITU states them ("2026-10-12 23:59 Geneva time (21:59 UTC)"), and the one
zone rule of the page: the day something falls on, which the chart, the lists and the
timeline all take from here.

The rule: without `--tz`, a day is the day its source states (a deadline at 00:30 Tokyo time
on 06-20 is on 06-20, wherever the page is built); with `--tz ZONE`, days are as seen in
ZONE, and each time also names ZONE's clock."""

import functools
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import N_, _, current
from itu_timeline.core.model import Deadline, Event, days_of
from itu_timeline.core.text import END_NOT_ANNOUNCED, dates_label, iso_span, local_times
from itu_timeline.core.zones import get_zone
from itu_timeline.render import page_words as words

# The ITU names the zone of its seat by the city ("23:59 hours (Geneva time)").
_CITIES = {"Europe/Zurich": N_("Geneva")}  # in each language; other cities as IANA names them
_UTC = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/GMT", "GMT", "Etc/Zulu", "Zulu", "Universal"}


def zone_name(key: str) -> str:
    """'Geneva time', 'Tokyo time', 'New York time', or 'UTC'.

    >>> zone_name("Europe/Zurich"), zone_name("America/New_York"), zone_name("Etc/UTC")
    ('Geneva time', 'New York time', 'UTC')
    """
    return _zone_name(current(), key)


@functools.cache  # a few zones, each said at every time of a page
def _zone_name(language: str, key: str) -> str:
    if key in _UTC:
        return "UTC"
    city = _(_CITIES[key]) if key in _CITIES else key.rsplit("/", 1)[-1].replace("_", " ")
    return _(words.ZONE_TIME).format(city=city)


def deadline_day(deadline: Deadline, zone: ZoneInfo | None) -> date:
    """The day a deadline is on, on every part of the page."""
    return deadline.day_in(zone) if zone is not None else deadline.day


def event_days(event: Event, zone: ZoneInfo | None) -> tuple[date, date]:
    """The first and last day an event is on: a timed event's days as seen in `zone`."""
    if zone is None or not event.is_timed:
        return event.first_day, event.last_day
    start, end = local_times(event, zone)
    return days_of(start, end)


def deadline_when(deadline: Deadline, zone: ZoneInfo | None) -> str:
    """A date alone when the source gives no time; else the time in its own zone, UTC beside."""
    if not deadline.timed:
        return deadline.day.isoformat()
    return stated(deadline.due, getattr(deadline.due.tzinfo, "key", "UTC"), zone)


def stated(instant: datetime, own: str, zone: ZoneInfo | None) -> str:
    """`instant` on the clock of `own` (an IANA key), then UTC, then `zone`'s clock where it
    is another: '2026-06-20 00:30 Tokyo time (2026-06-19 15:30 UTC)'."""
    local, utc, yours = _clocks(instant, own, zone)
    return _sentence(current(), own, zone).format(local=local, utc=utc, yours=yours)


def clocks_of(deadline: Deadline, zone: ZoneInfo | None) -> tuple[str, tuple[str, str, str]]:
    """What `stated` says of a timed deadline alike in every language: its zone's key, and
    its clocks there, in UTC and in `zone`; `sentence` puts them in words."""
    own = getattr(deadline.due.tzinfo, "key", "UTC")
    return own, _clocks(deadline.due, own, zone)


def sentence(own: str, zone: ZoneInfo | None) -> str:
    """The words of `stated` in the page's language, with blanks for the clocks: {local},
    {utc}, {yours}."""
    return _sentence(current(), own, zone)


# A page states thousands of times in few zones: the sentence for each zone, in each
# language, is made once, with blanks for the clocks.
@functools.cache
def _sentence(language: str, own: str, zone: ZoneInfo | None) -> str:
    text = _(words.AT_TIME).format(when="{local}", zone=zone_name(own))
    if zone_name(own) == "UTC":
        return text
    if zone is None or zone.key == own or zone_name(zone.key) == "UTC":
        return _(words.WITH_UTC).format(stated=text, utc="{utc}")
    yours = _(words.AT_TIME).format(when="{yours}", zone=zone_name(zone.key))
    return _(words.WITH_UTC_AND_YOURS).format(stated=text, utc="{utc}", yours=yours)


# The same in every language, and a year's page is built in each in turn: the last few
# thousand instants kept.
@functools.lru_cache(maxsize=1 << 12)
def _clocks(instant: datetime, own: str, zone: ZoneInfo | None) -> tuple[str, str, str]:
    """`instant` on the clock of `own`, and the time of day in UTC and in `zone` (with their
    dates where those are another day)."""
    local = instant.astimezone(get_zone(own))
    day = local.date()
    utc = _clock(instant.astimezone(UTC), day)
    return f"{local:%Y-%m-%d %H:%M}", utc, _clock(instant.astimezone(zone), day) if zone else ""


def _clock(moment: datetime, day: date) -> str:
    """'21:59', or with its date where that is not `day`."""
    return f"{moment:%H:%M}" if moment.date() == day else f"{moment:%Y-%m-%d %H:%M}"


def event_when(event: Event) -> str:
    """An event's dates as announced: days, or a timed span in its own zone with UTC beside."""
    if not event.is_timed:
        if event.is_approximate or not event.end_known:
            return dates_label(event, get_zone(event.timezone))
        first, last = event.first_day.isoformat(), event.last_day.isoformat()
        return first if first == last else f"{first}..{last}"  # as dates_label says them
    own = zone_name(event.timezone)
    text = _(words.AT_TIME).format(when=_span(event, get_zone(event.timezone)), zone=own)
    if own != "UTC":
        text = _(words.WITH_UTC).format(stated=text, utc=_span(event, ZoneInfo("UTC")))
    return text if event.end_known else f"{text} {_(END_NOT_ANNOUNCED)}"


def _span(event: Event, zone: ZoneInfo) -> str:
    """'2027-03-10 13:00..16:00', or '2027-03-10 13:00..' when the end is not announced."""
    return iso_span(event, zone).removesuffix("?")
