"""The public page: what is coming up, a chart, the timeline by year and month, and the feeds
to subscribe to. Static HTML5 with no script; every text from a calendar goes through
`_text` (control characters made visible, then HTML-escaped) and every link through `_link`
(only http and https)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from itertools import groupby
from zoneinfo import ZoneInfo

from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.text import (
    BASIS_WORDS,
    MONTHS,
    TIME_NOT_STATED,
    dates_label,
    is_web_address,
    safe,
)
from itu_timeline.core.upcoming import Item, countdown, days_text
from itu_timeline.render.plain import item_when
from itu_timeline.render.svg_chart import chart_svg


@dataclass(frozen=True)
class Feed:
    file: str  # its name in the site's folder
    label: str
    calendar: bool  # an iCalendar feed, which a calendar app can subscribe to


@dataclass(frozen=True)
class Page:
    title: str
    today: date
    zone: ZoneInfo
    days: int
    upcoming: Sequence[Item]
    events: Sequence[Event]  # the timeline, sorted
    deadlines: Sequence[Deadline]
    chart: tuple[date, date]
    feeds: Sequence[Feed]
    base_url: str | None
    changed: Sequence[str] = ()  # what changed recently, newest first, as sentences


def page_html(page: Page) -> str:
    title = _text(page.title)
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="color-scheme" content="light dark">\n<link rel="icon" href="data:,">\n',
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            f"<header>\n<h1>{title}</h1>\n<p>Built on <time datetime="
            f'"{page.today.isoformat()}">{page.today.isoformat()}</time>; countdowns are as of '
            f"that day, times are in {escape(page.zone.key)}.</p>\n",
            '<nav aria-label="Sections"><ul><li><a href="#upcoming">Coming up</a></li>'
            '<li><a href="#chart">Chart</a></li><li><a href="#timeline">Timeline</a></li>'
            '<li><a href="#subscribe">Subscribe</a></li></ul></nav>\n</header>\n<main>\n',
            _upcoming(page),
            _changed(page),
            _chart(page),
            _timeline(page),
            _subscribe(page),
            "</main>\n<footer><p>Made with itu-timeline. Check every date against its source "
            "before you rely on it.</p></footer>\n</body>\n</html>\n",
        ]
    )


def _changed(page: Page) -> str:
    if not page.changed:
        return ""
    entries = "".join(f"<li>{_text(text)}</li>\n" for text in page.changed)
    return f'<section id="changed">\n<h2>Recently changed</h2>\n<ul>\n{entries}</ul>\n</section>\n'


def _upcoming(page: Page) -> str:
    head = f'<section id="upcoming">\n<h2>Coming up in the next {page.days} days</h2>\n'
    if not page.upcoming:
        return head + "<p>Nothing starts or is due in this time.</p>\n</section>\n"
    rows = "".join(
        f"<tr><td>{_text(item_when(i, page.zone))}</td><td>{escape(countdown(i))}</td>"
        f"<td>{'Deadline' if i.deadline else 'Meeting'}</td>"
        f'<td><a href="#{escape(i.event.id)}">{_item_text(i)}</a></td></tr>\n'
        for i in page.upcoming
    )
    return (
        f'{head}<div class="wide"><table>\n<caption>Meetings starting and deadlines due, '
        'soonest first</caption>\n<thead><tr><th scope="col">When</th>'
        '<th scope="col">Countdown</th><th scope="col">Type</th><th scope="col">What</th>'
        f"</tr></thead>\n<tbody>\n{rows}</tbody>\n</table></div>\n</section>\n"
    )


def _item_text(item: Item) -> str:
    title = _text(item.event.title)
    if item.deadline is None:
        return title
    stated = "" if item.deadline.timed else f" {TIME_NOT_STATED}"
    return f"{_text(item.deadline.name)}{stated} — {title}"


def _chart(page: Page) -> str:
    first, last = page.chart
    shown = [e for e in page.events if e.first_day <= last and e.last_day >= first]
    body = (
        chart_svg(shown, page.deadlines, first, last, page.today, page.zone)
        if shown
        else "<p>No meetings in this time.</p>"
    )
    return (
        f'<section id="chart">\n<h2>Chart, {first.isoformat()} to {last.isoformat()}</h2>\n'
        "<p>One bar per meeting; a diamond marks a deadline, the vertical line today. Pale "
        "bars with a dashed outline are meetings whose days are not announced.</p>\n"
        f'<div class="wide">{body}</div>\n</section>\n'
    )


def _timeline(page: Page) -> str:
    deadlines: dict[str, list[Deadline]] = {}
    for deadline in page.deadlines:
        deadlines.setdefault(deadline.event.id, []).append(deadline)
    parts = ['<section id="timeline">\n<h2>Timeline</h2>\n']
    for year, in_year in groupby(page.events, key=lambda e: e.first_day.year):
        parts.append(f"<h3>{year}</h3>\n")
        for month, in_month in groupby(in_year, key=lambda e: e.first_day.month):
            parts.append(f"<h4>{MONTHS[month - 1]} {year}</h4>\n")
            parts += (_event(e, deadlines.get(e.id, []), page) for e in in_month)
    parts.append("</section>\n")
    return "".join(parts)


def _event(event: Event, deadlines: list[Deadline], page: Page) -> str:
    rows = [
        ("Dates", escape(dates_label(event, page.zone))),
        ("Where", _text(event.location or "not given")),
        ("Body", escape(event.body.value)),
        ("Status", escape(event.status.value)),
        ("Dates known", escape(BASIS_WORDS[event.basis]) if event.basis else "not said"),
        ("Source", _link(event.source) if event.source else "not given"),
    ]
    if event.outcome:  # only where a source says it took place: silence is no news
        rows.append(("Seen to take place", _link(event.outcome)))
    if event.url and event.url != event.source:
        rows.append(("Page", _link(event.url)))
    if event.notes:
        rows.append(("Notes", _text(event.notes)))
    facts = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    listed = "".join(
        f"<li>{_deadline_when(d, page)}: {_text(d.name)} "
        f"({days_text((d.day_in(page.zone) - page.today).days)})</li>"
        for d in sorted(deadlines, key=lambda d: d.due)
    )
    return (
        f'<article id="{escape(event.id)}">\n<h5>{_text(event.title)}</h5>\n<dl>{facts}</dl>\n'
        + (f"<p>Deadlines:</p><ul>{listed}</ul>\n" if listed else "")
        + "</article>\n"
    )


def _deadline_when(deadline: Deadline, page: Page) -> str:
    if deadline.timed:
        return escape(deadline.due.astimezone(page.zone).strftime("%Y-%m-%d %H:%M %Z"))
    return f"{deadline.day.isoformat()} {TIME_NOT_STATED}"


def _subscribe(page: Page) -> str:
    rows = []
    for feed in page.feeds:
        links = [f'<a href="{escape(feed.file)}">download {escape(feed.file)}</a>']
        if feed.calendar and page.base_url:
            webcal = "webcal://" + page.base_url.split("://", 1)[1].rstrip("/") + "/" + feed.file
            links.insert(0, f'<a href="{escape(webcal)}">subscribe</a>')
        rows.append(f"<li>{escape(feed.label)}: {' · '.join(links)}</li>")
    return (
        '<section id="subscribe">\n<h2>Subscribe</h2>\n<p>A calendar app that subscribes to a '
        ".ics feed keeps it current by itself. The TOML calendar is for "
        "<code>itu-timeline feeds add</code>; the JSON has the keys of "
        f"<code>itu-timeline list --format json</code>.</p>\n<ul>{''.join(rows)}</ul>\n"
        "</section>\n"
    )


def _text(value: str) -> str:
    return escape(safe(value))


def _link(url: str) -> str:
    """A link for an http(s) address; anything else (javascript:, data:, a file) as text."""
    if not is_web_address(url):
        return _text(url)
    return f'<a href="{escape(url)}">{_text(url)}</a>'


CSS = """
:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#ffffff;--muted:#4a4a4a;--link:#0645ad;
--line:#c8c8c8}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#121212;--muted:#c0c0c0;
--link:#8ab4f8;--line:#555}}
html{background:var(--bg);color:var(--fg)}
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem;
overflow-wrap:break-word}
@media (min-width:40rem){td:nth-child(-n+3){white-space:nowrap}}
@media (max-width:40rem){#upcoming thead{position:absolute;width:1px;height:1px;overflow:hidden;
clip-path:inset(50%)}#upcoming tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
#upcoming td{display:inline;border:0;padding:0 .5rem 0 0}#upcoming td:last-child{display:block}}
a{color:var(--link)}
header p,caption,.chart .month{color:var(--muted)}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.wide{overflow-x:auto}
table{border-collapse:collapse;width:100%}
caption{text-align:left}
th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid var(--line)}
article{border-top:1px solid var(--line);padding:.5rem 0}
h5{font-size:1.1rem;margin:.25rem 0}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 1rem;margin:0}
dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
.chart{min-width:40rem;width:100%;height:auto;font-size:11px}
.chart text{fill:currentColor}
.chart .grid{stroke:var(--line)}
.chart .today{stroke:#d0021b;stroke-width:2}
.chart .approximate{fill-opacity:.35;stroke:currentColor;stroke-dasharray:3 2}
.chart .deadline{fill:currentColor}
@media print{nav,#subscribe{display:none}:root{--fg:#000;--bg:#fff;--link:#000}
body{max-width:none}.wide{overflow:visible}article{break-inside:avoid}}
"""
