"""Text for people: calendar strings made safe to print, slugs, and date spans as words.

Month names are our own English table, not the locale's: the C locale and some others make
Python's locale-aware calendar helpers fail or print names nobody expects. In the other
languages of the ITU, dates in words come from Babel (core/local_dates.py), chosen by
--lang, never by the locale's own settings.
"""

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import N_, _, current, ngettext
from itu_timeline.core.model import Basis, Event, Precision
from itu_timeline.core.zones import get_zone

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# In English, as .ics files and the importer read them; `_` them where a person reads them.
NOT_ANNOUNCED = N_("(dates not announced)")
END_NOT_ANNOUNCED = N_("(end not announced)")
TIME_NOT_STATED = N_("(time not stated)")
BASIS_WORDS = {
    Basis.OFFICIAL: N_("stated by the organiser: an official page or letter"),
    Basis.REPORTED: N_("reported by a secondary source"),
    Basis.DERIVED: N_("computed from a rule"),
    Basis.EXPECTED: N_("expected from the usual cycle, or marked provisional by the organiser"),
}

# C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text. The
# patterns of this module are compiled by `re` on first use (and kept), not at import:
# compiling them cost every run 1 ms, and most text has none of these characters.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_UNSAFE_KEEP_NEWLINES = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


# What the JSON and TOML writers escape as \uXXXX, beyond the C0 controls they escape anyway:
# DEL, the C1 controls (U+009B starts a terminal command on its own), the marks, embeddings,
# overrides and isolates of bidirectional text, and the line and paragraph separators (which
# end a line in JavaScript). Escaped, they read back as the same text.
_INVISIBLE = "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


def escape_invisible(encoded: str) -> str:
    """JSON or TOML text with the characters above as \\uXXXX escapes: only for text in which
    they can stand nowhere but inside a quoted string, where that escape means them."""
    if encoded.isascii():  # all of them are beyond ASCII; and this look costs nothing
        return encoded
    return re.sub(_INVISIBLE, lambda m: f"\\u{ord(m.group()):04x}", encoded)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def safe(value: str, keep_newlines: bool = False) -> str:
    """`value` with every control character replaced by a visible stand-in."""
    if value.isprintable():  # every character above is unprintable: none is here
        return value
    return re.sub(_UNSAFE_KEEP_NEWLINES if keep_newlines else _UNSAFE, _visible, value)


def is_web_address(url: str) -> bool:
    """An http(s) address with a host, and nothing in it that could end a quoted attribute,
    a Markdown link or a line: what may become a link on a page, in a digest, in a file."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[x": an address urlsplit cannot take apart is none
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.hostname)
        and safe(url) == url
        and not any(c in url for c in "\"'<> ")
    )


def slug(text: str, limit: int = 48) -> str:
    """`text` as lowercase ASCII words joined by '-', for ids, feed names and UIDs. Letters of
    every script are kept in a readable form (anyascii transliterates; marks are folded), never
    dropped; a slug longer than `limit` is cut at a word's end where it can be. Empty when
    `text` has no letters or digits.

    >>> slug("WTSA-28 prep (Genève)")
    'wtsa-28-prep-geneve'
    >>> slug("Lillestrøm Straße")
    'lillestrom-strasse'
    >>> slug("Москва 2027")
    'moskva-2027'
    >>> slug("Αθήνα")
    'athina'
    >>> slug("مجلس")
    'mjls'
    >>> slug("理事会")
    'lishihui'
    >>> slug("a long title " * 9, limit=20)
    'a-long-title-a-long'
    """
    from anyascii import anyascii  # only commands that make ids pay for its tables

    words = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    if len(words) <= limit:
        return words
    cut = words[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def has_control_chars(value: str) -> bool:
    return re.search(_UNSAFE_KEEP_NEWLINES, value) is not None


def events_count(count: int) -> str:
    """'1 event', '12 events'."""
    return ngettext("{n} event", "{n} events", count).format(n=count)


def month_year(day: date) -> str:
    if current() != "en":
        from itu_timeline.core import local_dates

        return local_dates.month_year(day)
    return f"{MONTHS[day.month - 1]} {day.year}"


def approximate_label(event: Event) -> str:
    """'June–July 2027 (dates not announced)' for an event known to the month or year."""
    return _("{span} (dates not announced)").format(span=announced_span(event))


def approximate_note(event: Event) -> str:
    """'June–July 2027, dates not announced': the label for use inside parentheses."""
    return _("{span}, dates not announced").format(span=announced_span(event))


def announced_span(event: Event) -> str:
    """'June–July 2027', '2027': the months or years an approximate event is known to."""
    start, end = event.first_day, event.last_day
    if current() != "en":
        from itu_timeline.core import local_dates

        if event.precision is Precision.YEAR:
            return local_dates.years(start.year, end.year)
        return local_dates.months(start, end)
    if event.precision is Precision.YEAR:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return month_year(start)
    if start.year == end.year:
        return f"{MONTHS[start.month - 1]}–{month_year(end)}"
    return f"{month_year(start)}–{month_year(end)}"


def local_times(event: Event, zone: ZoneInfo) -> tuple[datetime, datetime | None]:
    """A timed event's start and end in `zone` (the end None when it is not announced)."""
    own = get_zone(event.timezone)
    start = event.start if isinstance(event.start, datetime) else None
    end = event.end if isinstance(event.end, datetime) else None
    if start is None:
        raise ValueError(f"event '{event.id}' has no time of day")
    shown = start.replace(tzinfo=own).astimezone(zone)
    return shown, end.replace(tzinfo=own).astimezone(zone) if end else None


def iso_span(event: Event, zone: ZoneInfo) -> str:
    """'2026-11-09..2026-11-27', one date for a one-day event, '2025-07-08..?' when the end is
    not announced, '2027-03-10 13:00..16:00' for a timed event (in `zone`); for an
    approximate event only what is announced: '2027-06..2027-07' or '2027'."""
    if event.is_timed:
        start, end = local_times(event, zone)
        first = start.strftime("%Y-%m-%d %H:%M")
        if end is None:
            return f"{first}..?"
        same_day = end.date() == start.date()
        return f"{first}..{end.strftime('%H:%M' if same_day else '%Y-%m-%d %H:%M')}"
    first, last = event.first_day.isoformat(), event.last_day.isoformat()
    if event.precision is Precision.MONTH:
        first, last = first[:7], last[:7]
    elif event.precision is Precision.YEAR:
        first, last = first[:4], last[:4]
    if not event.end_known:
        return f"{first}..?"
    return first if first == last else f"{first}..{last}"


def dates_label(event: Event, zone: ZoneInfo) -> str:
    """The words a person reads for the dates: 'June 2027 (dates not announced)', ISO dates,
    '2025-07-08.. (end not announced)', or a timed span with its zone's abbreviation."""
    if event.is_approximate:
        return approximate_label(event)
    span = iso_span(event, zone)
    if event.is_timed:
        span += " " + local_times(event, zone)[0].strftime("%Z")
    return span.replace("..?", "..") + (f" {_(END_NOT_ANNOUNCED)}" if not event.end_known else "")


def human_span(event: Event, zone: ZoneInfo) -> str:
    """'9–27 Nov 2026', '30 Mar – 2 Apr 2026', 'from 8 Jul 2025 (end not announced)',
    '10 Mar 2027, 13:00–16:00 CET', or the approximate label."""
    if event.is_approximate:
        return approximate_label(event)
    if current() != "en":
        return _local_span(event, zone)
    if event.is_timed:
        return _timed_span(event, zone, lambda d: f"{_day_month(d)} {d.year}", "{:%H:%M}".format)
    first, last = event.first_day, event.last_day
    if not event.end_known:
        return _("from {date} (end not announced)").format(date=f"{_day_month(first)} {first.year}")
    if first == last:
        return f"{_day_month(first)} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_day_month(last)} {last.year}"
    if first.year == last.year:
        return f"{_day_month(first)} – {_day_month(last)} {last.year}"
    return f"{_day_month(first)} {first.year} – {_day_month(last)} {last.year}"


def _day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def _local_span(event: Event, zone: ZoneInfo) -> str:
    """`human_span` in a language other than English, in its own forms."""
    from itu_timeline.core import local_dates as words

    if event.is_timed:
        return _timed_span(event, zone, words.day, words.clock)
    if not event.end_known:
        return _("from {date} (end not announced)").format(date=words.day(event.first_day))
    return words.days(event.first_day, event.last_day)


def _timed_span(
    event: Event, zone: ZoneInfo, day: Callable[[datetime], str], clock: Callable[[datetime], str]
) -> str:
    """A timed event's span in `zone`, its days and times written by `day` and `clock`."""
    start, end = local_times(event, zone)
    text = f"{day(start)}, {clock(start)}"
    if end is None:
        return _("from {date} (end not announced)").format(date=f"{text} {start:%Z}")
    if end.date() == start.date():
        return f"{text}–{clock(end)} {end:%Z}"
    return f"{text} – {day(end)}, {clock(end)} {end:%Z}"


def ago(since: timedelta | None) -> str:
    """How long ago something happened, in the words every command uses for it:

    >>> ago(timedelta(seconds=59)), ago(timedelta(minutes=90)), ago(timedelta(days=3))
    ('just now', '1 h ago', '3 days ago')
    """
    if since is None:
        return _("never")
    if since < timedelta(minutes=1):
        return _("just now")
    if since < timedelta(hours=1):
        return _("{n} min ago").format(n=int(since.total_seconds() // 60))
    if since < timedelta(days=2):
        return _("{n} h ago").format(n=int(since.total_seconds() // 3600))
    return ngettext("{n} day ago", "{n} days ago", since.days).format(n=since.days)
