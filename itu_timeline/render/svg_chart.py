"""The Gantt chart of the front page as SVG: a row per meeting with its title, a bar in its
body's colour, deadlines as diamonds, today as a line; a row of years and a row of months.
Text stays text (screen readers and the browser's search find it); each bar has a <title>.

No label may collide with another or run off the drawing: widths are estimated from the
widest common sans-serif (DejaVu Sans) with room to spare, a title is cut to its column, and
a month or year label that does not fit before the next one (or the edge) is left out.
Text is cut first and escaped after, so an entity is never cut in two."""

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from html import escape
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _, current
from itu_timeline.core.deadline_names import deadline_name
from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.text import MONTHS, safe
from itu_timeline.core.titles import title_in
from itu_timeline.render import page_words as words
from itu_timeline.render.page_css import body_class
from itu_timeline.render.page_links import record_href
from itu_timeline.render.page_times import deadline_day, event_days, event_when

WIDTH = 960
FONT = 13  # px in the drawing's units (the style sheet sets the same)
ROW = 22
LABEL = 300  # the titles' column
GAP = 8
TOP = 44  # below the rows of years and months
RIGHT = WIDTH - 10
ELLIPSIS = "…"
_NARROW = set("fijlrtI.,;:!|'()[] -")
_WIDE = set("mwMW@%")
Column = Callable[[date], float]


def text_width(text: str) -> float:
    """An upper estimate of `text`'s width in px at FONT (DejaVu Sans, a little over)."""
    # Added up one by one, in order, as a loop over the characters would (C's loop, not ours:
    # at 100,000 events the chart's titles were half the cost of the six front pages).
    return functools.reduce(operator.add, map(_WIDTHS.__getitem__, text), 0.0) * FONT


class _Widths(dict[str, float]):
    """Each character's width in ems, worked out once."""

    def __missing__(self, char: str) -> float:
        width = self[char] = _ems(char)
        return width


_WIDTHS = _Widths()


def _ems(char: str) -> float:
    if char in _NARROW:
        return 0.42
    if char in _WIDE:
        return 1.02
    if char.isupper() or char.isdigit():
        return 0.78
    if ord(char) < 0x250 or 0x400 <= ord(char) < 0x530:  # Latin, Cyrillic lower case
        return 0.66 if ord(char) < 0x250 else 0.72
    if 0x600 <= ord(char) < 0x700:  # Arabic letters, joined as words
        return 0.62
    return 1.05  # other scripts, symbols: as wide as a square


# A title is cut for the chart of each of the six languages' front pages, most of them the
# same English title: each cut once (the chart of 100,000 events has some 6,300 titles).
@functools.lru_cache(maxsize=1 << 14)
def cut(text: str, room: float) -> str:
    """`text` whole if it fits in `room` px, else its longest start that fits with '…'."""
    if text_width(text) <= room:
        return text
    # The width of each start, added up in the order text_width adds: the same sums.
    starts = [0.0, *itertools.accumulate(map(_WIDTHS.__getitem__, text))]
    end, ellipsis = len(text), _ems(ELLIPSIS)
    while end and (starts[end] + ellipsis) * FONT > room:
        end -= 1
    return text[:end].rstrip() + ELLIPSIS


def chart_svg(
    events: Sequence[Event],
    deadlines: Iterable[Deadline],
    span: tuple[date, date],
    today: date,
    zone: ZoneInfo | None,
) -> str:
    """The chart of `events` (dated ones) across `span`, days placed by the page's zone rule."""
    first, last = span
    days = (last - first).days + 1

    def x(day: date) -> float:
        return LABEL + GAP + round((day - first).days * (RIGHT - LABEL - GAP) / days, 1)

    height = TOP + ROW * len(events) + 6
    title = escape(_(words.CHART_TITLE).format(first=first.isoformat(), last=last.isoformat()))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="chart-title"><title id="chart-title">{title}</title>'
    ]
    parts += _header(first, last, x, height)
    marks: dict[str, list[Deadline]] = {}
    for deadline in deadlines:
        marks.setdefault(deadline.event.id, []).append(deadline)
    for row, event in enumerate(events):
        parts += _row(event, marks.get(event.id, []), TOP + row * ROW, span, x, zone)
    if first <= today <= last:
        mark = escape(_(words.TODAY_MARK).format(day=today.isoformat()))
        parts.append(f'<line class="today" x1="{x(today)}" x2="{x(today)}" y1="{TOP - 8}" '
                     f'y2="{height}"><title>{mark}</title></line>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def _header(first: date, last: date, place: Column, height: int) -> list[str]:
    """The years on the top row, the months' short names below, a grid line per month."""
    months, years = [], []
    day = first.replace(day=1)
    while day <= last:
        left = place(max(day, first))
        months.append((left, _short_month(day)))
        if day.month == 1 or day <= first:
            years.append((left, str(day.year)))
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    parts = [
        f'<line class="grid" x1="{left}" x2="{left}" y1="{TOP - 22}" y2="{height}"/>'
        for left, _ in months
    ]
    for y, labels in ((16, years), (36, months)):
        parts += (
            f'<text class="month" x="{left + 3}" y="{y}">{escape(label)}</text>'
            for left, label in fitting(labels)
        )
    return parts


def _short_month(day: date) -> str:
    if current() == "en":
        return MONTHS[day.month - 1][:3]
    from itu_timeline.core.local_dates import short_month

    return short_month(day)


def fitting(labels: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """The labels that fit: each before the next one's place and the drawing's edge. Where
    the first (a month begun before the chart) leaves no room, it gives way to the next."""
    kept = []
    for i, (left, label) in enumerate(labels):
        end = labels[i + 1][0] if i + 1 < len(labels) else RIGHT
        if left + 3 + text_width(label) + 4 <= end:
            kept.append((left, label))
    return kept


def _row(
    event: Event,
    marks: list[Deadline],
    top: int,
    span: tuple[date, date],
    place: Column,
    zone: ZoneInfo | None,
) -> list[str]:
    first, last = span
    start, end = event_days(event, zone)
    start, end = max(start, first), min(end, last)
    left, right = place(start), place(end + timedelta(days=1))
    shown = title_in(event, current())
    lang = ' lang="en"' if shown.fallback else ""  # the English title on another language's page
    label = escape(cut(safe(shown.text), LABEL - 6))
    whole = escape(safe(shown.text))
    bar = _(words.CHART_BAR).format(title=safe(shown.text), when=event_when(event))
    parts = [
        f'<a href="{record_href(event)}"{lang}><title>{whole}</title>'
        f'<text class="label" x="2" y="{top + 15}">{label}</text></a>',
        f'<rect class="{body_class(event.body)}" x="{left}" y="{top + 4}" '
        f'width="{round(max(right - left, 3), 1)}" height="{ROW - 8}"><title>{escape(bar)}'
        "</title></rect>",
    ]
    for deadline in marks:
        day = deadline_day(deadline, zone)
        if first <= day <= last:
            mid = place(day) + round((place(day + timedelta(days=1)) - place(day)) / 2, 1)
            what = _(words.DEADLINE_MARK).format(
                day=day.isoformat(), name=safe(deadline_name(deadline))
            )
            parts.append(f'<path class="deadline" d="M{mid} {top + 3}l6 8l-6 8l-6 -8z">'
                         f"<title>{escape(what)}</title></path>")  # fmt: skip
    return parts
