"""A Gantt chart of events across months: a row per event (grouped by body or kind), each a
bar in its body's colour, deadlines as markers on their event's row, today as a vertical line.

Columns map days linearly: with the chart's first day F, last day L and a timeline W columns
wide, day d is column floor((d - F) * W / (L - F + 1)). The same grid is drawn as Rich `Text`
for a terminal, SVG and HTML, or as plain ASCII for pipes. Month names are our own English
ones, or in another language CLDR's (Babel), never the locale's: 'janv.', 'янв.', '1月'.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from rich.text import Text

from itu_timeline.base.i18n import _, current
from itu_timeline.core.model import Body, Deadline, Event, Kind, days_of
from itu_timeline.core.text import MONTHS, local_times, safe
from itu_timeline.render.styles import body_style

MIN_TIMELINE = 24


@dataclass(frozen=True)
class Glyphs:
    bar: str
    approximate: str
    marker: str
    today: str
    ellipsis: str
    open_end: str
    coloured: bool = True  # without colour, a bar's body cannot be told from its glyph


UNICODE = Glyphs(bar="█", approximate="░", marker="◆", today="│", ellipsis="…", open_end="?")
MONOCHROME = replace(UNICODE, coloured=False)  # NO_COLOR or --no-color at a terminal
ASCII = Glyphs(
    bar="=", approximate="~", marker="*", today="|", ellipsis="...", open_end="?", coloured=False
)


@dataclass(frozen=True)
class Scale:
    first: date
    last: date
    width: int  # columns of the timeline

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def column(self, day: date) -> int:
        offset = (day - self.first).days
        return min(max(offset * self.width // self.days, 0), self.width - 1)

    def span(self, start: date, end: date) -> tuple[int, int] | None:
        """First and last column of the days start..end, or None if none is in the chart."""
        if end < self.first or start > self.last:
            return None
        first = self.column(max(start, self.first))
        after = (min(end, self.last) - self.first).days + 1
        last = max(first, min(after * self.width // self.days - 1, self.width - 1))
        return first, last


def label_width(width: int) -> int:
    """Columns for the titles: a third of the width, between 12 and 32."""
    return max(12, min(32, width // 3))


def chart_lines(
    events: Sequence[Event],
    deadlines: Iterable[Deadline],
    first: date,
    last: date,
    today: date,
    width: int,
    zone: ZoneInfo,
    by: str = "body",
    glyphs: Glyphs = UNICODE,
    legend: bool = True,
    full_titles: bool = False,
    groups: bool = True,
) -> list[Text]:
    """The chart as lines of `width` columns or fewer, never wrapped. With `full_titles` (for
    pictures, which have no terminal to fit) the title column grows to the longest title and
    the lines grow with it."""
    if not events:  # a frame with no row in it says less than a sentence
        said = _("No events from {first} to {last}.")
        return [Text(said.format(first=first.isoformat(), last=last.isoformat()))]
    labels = label_width(width)
    timeline = max(MIN_TIMELINE, width - labels - 1)
    if full_titles:
        labels = max([labels, *(len(safe(e.title)) for e in events)])
    scale = Scale(first, last, timeline)
    markers: dict[str, list[date]] = {}
    for deadline in deadlines:
        markers.setdefault(deadline.event.id, []).append(deadline.day_in(zone))
    lines = _header(scale, labels, today, glyphs)
    order = list(Body) if by == "body" else list(Kind)
    ranked = sorted(events, key=lambda e: (order.index(getattr(e, by)), e.first_day, e.id))
    for group, members in groupby(ranked, key=lambda e: getattr(e, by)):
        if groups:
            lines.append(_group_row(str(group.value), scale, labels, today, glyphs))
        for event in members:
            days = _days_shown(event, zone)
            lines.append(
                _event_row(event, days, markers.get(event.id, []), scale, labels, today, glyphs)
            )
    if legend:
        bodies = sorted({e.body for e in events}, key=list(Body).index)
        open_end = any(not e.end_known for e in events)
        lines += _legend(bodies, glyphs, labels + 1 + timeline, by, open_end)
    return lines


def _header(scale: Scale, labels: int, today: date, glyphs: Glyphs) -> list[Text]:
    """A row of years, a row of months (their short names where they fit, else a letter),
    and for short ranges a row of Monday dates."""
    names, letters = month_names()
    short = scale.width * 28 // scale.days < 1 + max(map(cell_len, names))
    year_marks, month_marks = [], []
    day = scale.first.replace(day=1)
    while day <= scale.last:
        column, partial = scale.column(max(day, scale.first)), day < scale.first
        if day.month == 1 or day <= scale.first:
            year_marks.append((column, str(day.year), partial or day.month != 1))
        month_marks.append((column, (letters if short else names)[day.month - 1], partial))
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    # A first year with too few columns for its label gives way to the next year's: the
    # title column is for titles, and "Dec" before "2027 Jan" needs no year to be read.
    years = _labels(scale.width, year_marks)[0]
    months = _labels(scale.width, month_marks)[0]
    pad = Text(" " * labels + " ")
    rows = [
        pad + Text("".join(years), style="bold"),
        pad + Text("".join(months), style="bold"),
    ]
    if scale.days <= 92:  # short ranges get a row of day numbers, every Monday
        days = [" "] * scale.width
        day = scale.first + timedelta(days=(7 - scale.first.weekday()) % 7)
        while day <= scale.last:
            _place(days, scale.column(day), str(day.day))
            day += timedelta(days=7)
        rows.append(pad + Text("".join(days), style="dim"))
    rows.append(
        _row(
            Text(_("today") + " " + today.isoformat(), style="dim"),
            [],
            scale,
            labels,
            today,
            glyphs,
        )
    )
    return rows


def month_names() -> tuple[list[str], list[str]]:
    """The months' short names and letters in the run's language: 'Jan' and 'J', 'janv.' and
    'J', 'янв.' and 'Я', '1月' and '1'."""
    if current() == "en":
        return [m[:3] for m in MONTHS], [m[:1] for m in MONTHS]
    from itu_timeline.core.local_dates import month_names as cldr_names  # Babel: not in English

    return cldr_names()


def _labels(width: int, marks: list[tuple[int, str, bool]]) -> tuple[list[str], list[str]]:
    """A row of labels at their columns, each with a space before the next. Where the label
    of a partial first month (or year) leaves no room for the next one, it gives way: a
    label must never stand over the wrong month. Returns the row and the labels dropped."""
    cells, placed, dropped = [" "] * width, list[tuple[int, str, bool]](), []
    for column, text, partial in marks:
        if placed and column <= placed[-1][0] + cell_len(placed[-1][1]) and placed[-1][2]:
            gone = placed.pop()
            cells[gone[0] : gone[0] + cell_len(gone[1])] = " " * cell_len(gone[1])
            dropped.append(gone[1])
        if _place(cells, column, text):
            placed.append((column, text, partial))
    return cells, dropped


def _place(cells: list[str], column: int, text: str) -> bool:
    """Write `text` at `column` if it fits and does not touch what is already written: a
    wide character (Chinese) takes two cells, the second of them empty."""
    end = column + cell_len(text)
    if end <= len(cells) and all(c == " " for c in cells[max(column - 1, 0) : end + 1]):
        cells[column:end] = [part for char in text for part in (char, "")[: cell_len(char)]]
        return True
    return False


def _group_row(name: str, scale: Scale, labels: int, today: date, glyphs: Glyphs) -> Text:
    return _row(Text(safe(name), style="bold underline"), [], scale, labels, today, glyphs)


def _days_shown(event: Event, zone: ZoneInfo) -> tuple[date, date]:
    """The days a bar covers: a timed event's days in the display zone; an event whose end is
    not announced, its first day only (the title says the rest)."""
    if not event.is_timed:
        return event.first_day, event.last_day
    start, end = local_times(event, zone)
    return days_of(start, end)


def _event_row(
    event: Event,
    days: tuple[date, date],
    markers: list[date],
    scale: Scale,
    labels: int,
    today: date,
    glyphs: Glyphs,
) -> Text:
    cells: list[tuple[int, str, str]] = []
    span = scale.span(*days)
    if span is not None:
        glyph = glyphs.approximate if event.is_approximate else glyphs.bar
        style = body_style(event.body.value)
        if not event.end_known:  # its first day's column, then a mark: no length made up
            span = (span[0], span[0])
            if span[0] + 1 < scale.width:
                cells.append((span[0] + 1, glyphs.open_end, "bold"))
        cells += [(c, glyph, style) for c in range(span[0], span[1] + 1)]
    cells += [
        (scale.column(d), glyphs.marker, "bold yellow")
        for d in markers
        if scale.first <= d <= scale.last
    ]
    title = safe(event.title)
    if len(title) > labels:
        title = title[: labels - len(glyphs.ellipsis)] + glyphs.ellipsis
    return _row(Text(title), cells, scale, labels, today, glyphs)


def _row(
    label: Text,
    cells: list[tuple[int, str, str]],
    scale: Scale,
    labels: int,
    today: date,
    glyphs: Glyphs,
) -> Text:
    grid: list[tuple[str, str]] = [(" ", "")] * scale.width
    if scale.first <= today <= scale.last:
        grid[scale.column(today)] = (glyphs.today, "red")
    for column, glyph, style in cells:
        grid[column] = (glyph, style)
    line = label.copy()
    line.truncate(labels, pad=True)
    line.append(" ")
    for glyph, style in grid:
        line.append(glyph, style=style)
    return line


def _legend(bodies: list[Body], glyphs: Glyphs, width: int, by: str, open_end: bool) -> list[Text]:
    """The keys to the chart, packed into lines no wider than `width`. Without colour every
    body's bar is the same glyph: the key names no colour it cannot show, and says how to
    tell the bodies apart."""
    if glyphs.coloured:
        keys = [Text(glyphs.bar, style=body_style(b.value)) + Text(f" {b.value}") for b in bodies]
    else:
        keys = [Text(glyphs.bar + " " + _("meeting"))]
        keys += [] if by == "body" else [Text(_("(no colour: --by body groups rows by body)"))]
    keys += [Text(glyphs.open_end + " " + _("end not announced"))] if open_end else []
    keys += [
        Text(glyphs.approximate + " " + _("dates not announced")),
        Text(glyphs.marker, style="bold yellow") + Text(" " + _("deadline")),
        Text(glyphs.today, style="red") + Text(" " + _("today")),
    ]
    lines = [Text()]
    for key in keys:
        if lines[-1].cell_len and lines[-1].cell_len + 2 + key.cell_len > width:
            lines.append(Text())
        if lines[-1].cell_len:
            lines[-1].append("  ")
        lines[-1].append_text(key)
    return lines
