"""The front page: what is next. Coming up (dated meetings and deadlines of the next days),
the meetings expected without announced dates, the chart of the next twelve months, the
timeline of the last 30 days and the next twelve months, the year pages, the feeds.
Nothing older is on it: every meeting's full record is on its year's page."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from itertools import groupby

from dateutil.relativedelta import relativedelta

from itu_timeline.base.i18n import _
from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.text import approximate_label, month_year
from itu_timeline.core.upcoming import days_text
from itu_timeline.render import page_words as words
from itu_timeline.render.html import Site, frame
from itu_timeline.render.page_chart import chart_section
from itu_timeline.render.page_event import entry
from itu_timeline.render.page_languages import root
from itu_timeline.render.page_links import deadline_of, record_href, text, title_of, year_file
from itu_timeline.render.page_times import deadline_day, deadline_when, event_days, event_when

PAST_DAYS = 30


@dataclass(frozen=True)
class Row:
    """A row of Coming up."""

    day: date
    order: tuple[int, str, str]  # deadlines before meetings of the same day, then by id
    when: str
    countdown: str
    type: str
    what: str  # HTML


def front_page(site: Site) -> Iterator[str]:
    span = (site.today, site.today + relativedelta(months=12, days=-1))
    events, deadlines = site.near or (site.events, site.deadlines)
    dated = [e for e in events if not e.is_approximate]
    main = "".join(
        [
            _coming_up(site, dated, deadlines),
            _expected(site, events),
            _changed(site),
            chart_section(dated, deadlines, span, site.today, site.zone),
            _timeline(site, dated, span[1]),
            _years(site),
            _subscribe(site),
        ]
    )
    nav = [
        ("#upcoming", words.coming_up(site.days)),
        ("#expected", _(words.EXPECTED)),
        ("#chart", _(words.CHART)),
        ("#timeline", _(words.TIMELINE)),
        ("#years", _(words.NAV_YEARS)),
        ("#subscribe", _(words.SUBSCRIBE)),
    ]
    return frame(site, ("index.html", site.title), nav, [main])


def near(site: Site) -> tuple[list[Event], list[Deadline]]:
    """The events and deadlines that the front page may show (each of its parts then chooses
    its own among them, as among all): at 100,000 events, six front pages looked at every
    one of them four times."""
    today, zone = site.today, site.zone
    first = today - timedelta(days=PAST_DAYS)
    last = max(today + timedelta(days=site.days), today + relativedelta(months=12, days=-1))
    events = []
    for event in site.events:
        if event.is_approximate:
            if event.last_day >= today:  # expected
                events.append(event)
            continue
        start, end = event_days(event, zone)
        if start <= last and (end >= first or start >= today):
            events.append(event)
    deadlines = [d for d in site.deadlines if today <= deadline_day(d, zone) <= last]
    return events, deadlines


def _rows(site: Site, dated: list[Event], deadlines: Sequence[Deadline]) -> list[Row]:
    today, last = site.today, site.today + timedelta(days=site.days)
    rows = []
    for event in dated:
        start, end = event_days(event, site.zone)
        if today <= start <= last or start < today <= end:
            rows.append(_event_row(event, (start, end), today))
    for deadline in deadlines:
        day = deadline_day(deadline, site.zone)
        if today <= day <= last:
            what = text(_(words.DEADLINE_OF)).format(
                name=deadline_of(deadline), title=title_of(deadline.event)
            )
            link = f'<a href="{record_href(deadline.event)}">{what}</a>'
            when = deadline_when(deadline, site.zone)
            countdown = days_text((day - today).days)
            order = (0, deadline.event.id, deadline.name)
            rows.append(Row(day, order, when, countdown, _(words.DEADLINE), link))
    return sorted(rows, key=lambda r: (r.day, r.order))


def _event_row(event: Event, days: tuple[date, date], today: date) -> Row:
    """A meeting starting in the window, or under way (its day of how many)."""
    start, end = days
    left = (start - today).days
    if left >= 0:
        countdown = days_text(left)
    else:
        countdown = _(words.ONGOING).format(day=1 - left, days=(end - start).days + 1)
    link = f'<a href="{record_href(event)}">{title_of(event)}</a>'
    kind = words.kind_word(event.kind)
    return Row(start, (1, event.id, ""), event_when(event), countdown, kind, link)


def _coming_up(site: Site, dated: list[Event], deadlines: Sequence[Deadline]) -> str:
    head = f'<section id="upcoming">\n<h2>{text(words.coming_up(site.days))}</h2>\n'
    rows = _rows(site, dated, deadlines)
    if not rows:
        return f"{head}<p>{text(_(words.COMING_UP_NONE))}</p>\n</section>\n"
    body = "".join(
        f"<tr><td>{text(r.when)}</td><td>{text(r.countdown)}</td><td>{text(r.type)}</td>"
        f"<td>{r.what}</td></tr>\n"
        for r in rows
    )
    columns = "".join(f'<th scope="col">{text(_(c))}</th>' for c in words.COLUMNS)
    return (
        f"{head}<table>\n<caption>{text(_(words.COMING_UP_CAPTION))}</caption>\n"
        f"<thead><tr>{columns}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</section>\n"
    )


def _expected(site: Site, events: Sequence[Event]) -> str:
    """Meetings not over whose dates are known to the month or year only: a short list."""
    expected = [e for e in events if e.is_approximate and e.last_day >= site.today]
    items = "".join(
        f'<li><a href="{record_href(e)}">{title_of(e)}</a> — '
        f"{text(approximate_label(e))} · {text(words.body_text(e.body))}</li>\n"
        for e in sorted(expected, key=lambda e: (e.first_day, e.id))
    )
    listed = f"<ul>\n{items}</ul>\n" if items else f"<p>{text(_(words.EXPECTED_NONE))}</p>\n"
    return f'<section id="expected">\n<h2>{text(_(words.EXPECTED))}</h2>\n{listed}</section>\n'


def _changed(site: Site) -> str:
    if not site.changed:
        return ""
    entries = "".join(f"<li>{text(say())}</li>\n" for say in site.changed)
    heading = text(_(words.RECENTLY_CHANGED))
    return f'<section id="changed">\n<h2>{heading}</h2>\n<ul>\n{entries}</ul>\n</section>\n'


def _timeline(site: Site, dated: list[Event], last: date) -> str:
    """Meetings from 30 days ago to the chart's end, by the month they begin in (or the
    window's first month for one begun before it)."""
    first = site.today - timedelta(days=PAST_DAYS)
    shown = []
    for event in dated:
        start, end = event_days(event, site.zone)
        if start <= last and end >= first:
            shown.append((max(start, first), event))
    deadlines = site.deadlines_of()
    parts = [f'<section id="timeline">\n<h2>{text(_(words.TIMELINE))}</h2>\n']
    if not shown:
        parts.append(f"<p>{text(_(words.TIMELINE_NONE))}</p>\n")
    for (year, month), in_month in groupby(shown, key=lambda s: (s[0].year, s[0].month)):
        parts.append(f'<h3>{text(month_year(date(year, month, 1)))}</h3>\n<ul class="entries">\n')
        parts += (entry(e, deadlines.get(e.id, []), site.today, site.zone) for _, e in in_month)
        parts.append("</ul>\n")
    return "".join(parts) + "</section>\n"


def _years(site: Site) -> str:
    links = "".join(f'<li><a href="{year_file(year)}">{year}</a></li>' for year in site.years())
    return (
        f'<section id="years">\n<h2>{text(_(words.YEARS))}</h2>\n<ul class="years">{links}</ul>\n'
        f'<p class="note">{text(_(words.YEARS_NOTE))}</p>\n</section>\n'
    )


def _subscribe(site: Site) -> str:
    rows = []
    for feed in site.feeds:
        download = text(_(words.DOWNLOAD_LINK).format(file=feed.file))
        links = [f'<a href="{escape(root(site.language) + feed.file)}">{download}</a>']
        if feed.calendar and site.base_url:
            webcal = "webcal://" + site.base_url.split("://", 1)[1].rstrip("/") + "/" + feed.file
            links.insert(0, f'<a href="{escape(webcal)}">{text(_(words.SUBSCRIBE_LINK))}</a>')
        label = _(feed.label).format(body=feed.body)
        rows.append(f"<li>{text(label)}: {' · '.join(links)}</li>")
    return (
        f'<section id="subscribe">\n<h2>{text(_(words.SUBSCRIBE))}</h2>\n'
        f"<p>{_(words.SUBSCRIBE_NOTE)}</p>\n<ul>{''.join(rows)}</ul>\n</section>\n"
    )
