"""The chart section of the front page: the SVG chart of the next twelve months, its legend
(a swatch and a name for each body colour drawn, and the marks), and for narrow screens the
same months as a list, each with its meetings and deadlines (the style sheet shows one or
the other by the screen's width, without a script)."""

from collections.abc import Sequence
from datetime import date
from itertools import groupby
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _
from itu_timeline.core.model import Body, Deadline, Event
from itu_timeline.core.text import month_year
from itu_timeline.render import page_words as words
from itu_timeline.render.page_css import BODY_COLOURS, body_class
from itu_timeline.render.page_links import deadline_of, record_href, text, title_of
from itu_timeline.render.page_times import deadline_day, event_days
from itu_timeline.render.svg_chart import chart_svg


def chart_section(
    events: Sequence[Event],
    deadlines: Sequence[Deadline],
    span: tuple[date, date],
    today: date,
    zone: ZoneInfo | None,
) -> str:
    first, last = span
    shown = [e for e in events if _overlaps(e, span, zone)]
    ids = {e.id for e in shown}
    marks = [d for d in deadlines if d.event.id in ids and first <= deadline_day(d, zone) <= last]
    note = _(words.CHART_NOTE).format(first=first.isoformat(), last=last.isoformat())
    head = f'<section id="chart">\n<h2>{text(_(words.CHART))}</h2>\n<p>{text(note)}</p>\n'
    if not shown:
        return f"{head}<p>{text(_(words.CHART_NONE))}</p>\n</section>\n"
    return (
        head
        + chart_svg(shown, marks, span, today, zone)
        + _legend(shown, bool(marks))
        + _months(shown, marks, span, zone)
        + "</section>\n"
    )


def _overlaps(event: Event, span: tuple[date, date], zone: ZoneInfo | None) -> bool:
    start, end = event_days(event, zone)
    return not event.is_approximate and start <= span[1] and end >= span[0]


def _legend(events: Sequence[Event], deadlines: bool) -> str:
    """A key per colour drawn: a body's own, or one shared by the bodies named beside it."""
    used = sorted({e.body for e in events}, key=list(Body).index)
    keys = [
        f'<li><span class="swatch {body_class(b)}"></span>{text(words.body_text(b))}</li>'
        for b in used
        if b in BODY_COLOURS
    ]
    others = [words.body_text(b) for b in used if b not in BODY_COLOURS]
    if others:
        keys.append(f'<li><span class="swatch c-other"></span>{text(", ".join(others))}</li>')
    if deadlines:
        keys.append(f'<li><span class="key-mark">◆</span> {text(_(words.DEADLINE_KEY))}</li>')
    keys.append(f'<li><span class="key-today">|</span> {text(_(words.TODAY_KEY))}</li>')
    return f'<ul class="legend" aria-label="{text(_(words.LEGEND))}">{"".join(keys)}</ul>\n'


def _months(
    events: Sequence[Event],
    deadlines: Sequence[Deadline],
    span: tuple[date, date],
    zone: ZoneInfo | None,
) -> str:
    """The chart as a list of months: each meeting under the month it begins in (or the
    chart's first month), each deadline under its own."""
    entries: list[tuple[date, str]] = []
    for event in events:
        start, end = event_days(event, zone)
        days = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
        entries.append(
            (
                max(start, span[0]),
                f'<li><span class="swatch {body_class(event.body)}"></span>{days} '
                f'<a href="{record_href(event)}">{title_of(event)}</a></li>',
            )
        )
    for deadline in deadlines:
        day = deadline_day(deadline, zone)
        what = text(_(words.DEADLINE_MARK)).format(day=day.isoformat(), name=deadline_of(deadline))
        entries.append(
            (day, f'<li><span class="key-mark">◆</span> {what} — '
                  f'<a href="{record_href(deadline.event)}">{title_of(deadline.event)}</a></li>')
        )  # fmt: skip
    entries.sort(key=lambda entry: entry[0])
    parts = ['<div class="months">\n']
    for (year, month), in_month in groupby(entries, key=lambda e: (e[0].year, e[0].month)):
        parts.append(f"<h3>{text(month_year(date(year, month, 1)))}</h3>\n<ul>")
        parts += (entry for _, entry in in_month)
        parts.append("</ul>\n")
    return "".join(parts) + "</div>\n"
