"""Text for people: calendar strings made safe to print, and date spans as words.

Month names are our own English table, not the locale's: the C locale and some others make
Python's locale-aware calendar helpers fail or print names nobody expects.
"""

import re
from datetime import date

from itu_timeline.core.model import Event, Precision

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
NOT_ANNOUNCED = "(dates not announced)"

# C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_NEWLINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
    pattern = _UNSAFE_KEEP_NEWLINES if keep_newlines else _UNSAFE
    return pattern.sub(_visible, value)


def has_control_chars(value: str) -> bool:
    return _UNSAFE_KEEP_NEWLINES.search(value) is not None


def month_year(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def approximate_label(event: Event) -> str:
    """'June–July 2027 (dates not announced)' for an event known to the month or year."""
    start, end = event.start, event.end
    if event.precision is Precision.YEAR:
        years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        return f"{years} {NOT_ANNOUNCED}"
    if (start.year, start.month) == (end.year, end.month):
        span = month_year(start)
    elif start.year == end.year:
        span = f"{MONTHS[start.month - 1]}–{month_year(end)}"
    else:
        span = f"{month_year(start)}–{month_year(end)}"
    return f"{span} {NOT_ANNOUNCED}"


def approximate_note(event: Event) -> str:
    """'June–July 2027, dates not announced': the label for use inside parentheses."""
    return approximate_label(event).replace(f" {NOT_ANNOUNCED}", ", dates not announced")


def iso_span(event: Event) -> str:
    """'2026-11-09..2026-11-27', one date for a one-day event; for an approximate event only
    what is announced: '2027-06..2027-07' or '2027'."""
    start, end = event.start.isoformat(), event.end.isoformat()
    if event.precision is Precision.MONTH:
        start, end = start[:7], end[:7]
    elif event.precision is Precision.YEAR:
        start, end = start[:4], end[:4]
    return start if start == end else f"{start}..{end}"


def dates_label(event: Event) -> str:
    """The words a person reads for the dates: ISO dates, or 'June 2027 (dates not announced)'."""
    return approximate_label(event) if event.is_approximate else iso_span(event)


def human_span(event: Event) -> str:
    """'9–27 Nov 2026', '30 Mar – 2 Apr 2026', or the approximate label."""
    if event.is_approximate:
        return approximate_label(event)
    start, end = event.start, event.end

    def dm(d: date) -> str:
        return f"{d.day} {MONTHS[d.month - 1][:3]}"

    if start == end:
        return f"{dm(start)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{dm(end)} {end.year}"
    if start.year == end.year:
        return f"{dm(start)} – {dm(end)} {end.year}"
    return f"{dm(start)} {start.year} – {dm(end)} {end.year}"
