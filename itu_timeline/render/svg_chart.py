"""The Gantt chart as an SVG drawing for the published page: a bar per event in its row, a
grid line per month with the month's name, deadlines as small diamonds, today as a line.
Text stays text (screen readers and the browser's search find it); each bar has a <title>."""

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from html import escape
from zoneinfo import ZoneInfo

from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.text import MONTHS, dates_label, safe

ROW = 18
LABEL = 260
TOP = 34
COLOURS = {  # one per body, each with at least 3:1 contrast on white and on the dark theme
    "ITU": "#1f5fbf",
    "ITU-T": "#1b7a3a",
    "ITU-R": "#8a2be2",
    "ITU-D": "#a15c00",
    "UN": "#00798c",
}
OTHER = "#5f5f5f"
Column = Callable[[date], float]


def chart_svg(
    events: Sequence[Event],
    deadlines: Iterable[Deadline],
    first: date,
    last: date,
    today: date,
    zone: ZoneInfo,
    width: int = 960,
) -> str:
    days = (last - first).days + 1
    span = width - LABEL - 10

    def x(day: date) -> float:
        return LABEL + round((day - first).days * span / days, 1)

    height = TOP + ROW * len(events) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="chart-title"><title id="chart-title">Meetings from '
        f"{first.isoformat()} to {last.isoformat()}, one row each</title>"
    ]
    parts += _months(first, last, x, height)
    marks: dict[str, list[date]] = {}
    for deadline in deadlines:
        marks.setdefault(deadline.event.id, []).append(deadline.day)
    for row, event in enumerate(events):
        parts += _row(event, marks.get(event.id, []), row, (first, last), x, zone)
    if first <= today <= last:
        parts.append(f'<line class="today" x1="{x(today)}" x2="{x(today)}" y1="{TOP - 6}" '
                     f'y2="{height}"><title>today, {today.isoformat()}</title></line>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def _months(first: date, last: date, place: Column, height: int) -> list[str]:
    parts = []
    day = first.replace(day=1)
    while day <= last:
        left = place(max(day, first))
        label = MONTHS[day.month - 1][:3] + (
            f" {day.year}" if day.month == 1 or day <= first else ""
        )
        parts.append(f'<line class="grid" x1="{left}" x2="{left}" y1="{TOP - 16}" '
                     f'y2="{height}"/><text class="month" x="{left + 3}" y="{TOP - 20}">'
                     f"{label}</text>")  # fmt: skip
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return parts


def _row(
    event: Event,
    marks: list[date],
    row: int,
    span: tuple[date, date],
    place: Column,
    zone: ZoneInfo,
) -> list[str]:
    first, last = span
    top = TOP + row * ROW
    title = escape(safe(event.title))
    colour = COLOURS.get(event.body.value, OTHER)
    start, end = max(event.first_day, first), min(event.last_day, last)
    left, right = place(start), place(end + timedelta(days=1))
    kind = "approximate" if event.is_approximate else "bar"
    parts = [
        f'<a href="#{escape(event.id)}"><text class="label" x="4" y="{top + 12}">'
        f"{title[:44]}{'…' if len(title) > 44 else ''}</text></a>",
        f'<rect class="{kind}" x="{left}" y="{top + 3}" width="{max(right - left, 2)}" '
        f'height="{ROW - 6}" fill="{colour}"><title>{title}: '
        f"{escape(dates_label(event, zone))}</title></rect>",  # the dates as far as known
    ]
    for day in marks:
        if first <= day <= last:
            mid = place(day)
            parts.append(f'<path class="deadline" d="M{mid} {top + 2}l5 7l-5 7l-5 -7z">'
                         f"<title>deadline, {day.isoformat()}</title></path>")  # fmt: skip
    return parts
