"""The digest: "This week at the ITU", the meetings and deadlines of the next days grouped by
day, as Markdown (newsletters), HTML (mail) or plain text (cron mail). Calendar text is data
in each: Markdown's punctuation escaped, HTML escaped, control characters made visible."""

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from html import escape
from itertools import groupby
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import N_, _, current, ngettext
from itu_timeline.core.text import MONTHS, is_web_address
from itu_timeline.core.upcoming import Item, countdown
from itu_timeline.render.page_links import record_href
from itu_timeline.render.plain import item_text, item_when

CHANGED = N_("Changed this week")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# What makes markup inside a line (every entry starts with "- ", so line-start syntax such as
# '#' or '1.' cannot occur): emphasis, code, links and images, HTML, entities, tables.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>!&|~])")


def digest(
    items: Sequence[Item],
    today: date,
    days: int,
    zone: ZoneInfo,
    fmt: str,
    base_url: str | None = None,
    changed: Sequence[str] = (),
) -> str:
    """The digest of `items` (those with a day; events under way first) as `fmt`: markdown,
    html or text, ending with what `changed` this week. Empty when there is nothing to say,
    so that cron mails nothing."""
    dated = [i for i in items if i.day is not None]
    if not dated and not changed:
        return ""
    title = (
        _("This week at the ITU")
        if days == 7
        else ngettext("The next {n} day at the ITU", "The next {n} days at the ITU", days)
    ).format(n=days)
    span = _("{first} to {last}").format(
        first=_day(today), last=_day(today + timedelta(days=days - 1))
    )
    groups = [
        (_("Under way") if day < today else _day(day), list(group))
        for day, group in groupby(dated, key=lambda i: max(i.day or today, today - timedelta(1)))
    ]
    line = _LINES[fmt]
    links = [_link(i, base_url) for i in dated]
    link_of = dict(zip((id(i) for i in dated), links, strict=True))

    def entry(item: Item) -> str:
        return line(
            item_when(item, zone), countdown(item), item_text(item, zone), link_of[id(item)]
        )

    sections = [(h, [entry(i) for i in group]) for h, group in groups]
    if changed:
        sections.append((_(CHANGED), [line("", "", text, None) for text in changed]))
    match fmt:
        case "markdown":
            body = "".join(f"\n## {heading}\n\n" + "".join(e) for heading, e in sections)
            return f"# {title}\n\n{span}\n{body}"
        case "html":
            body = "".join(f"<h2>{h}</h2>\n<ul>\n{''.join(e)}</ul>\n" for h, e in sections)
            return f"<h1>{title}</h1>\n<p>{span}</p>\n{body}"
        case _:
            body = "".join(f"\n{heading}\n" + "".join(e) for heading, e in sections)
            return _("{title}, {span}").format(title=title, span=span) + f"\n{body}"


def _day(day: date) -> str:
    """'Monday 3 May 2027'; in another language, its own full date ('lundi 3 mai 2027')."""
    if current() != "en":
        from itu_timeline.core.local_dates import weekday

        return weekday(day)
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _link(item: Item, base_url: str | None) -> str | None:
    """The event on the published page when there is one, else its own page or source."""
    if base_url:
        return f"{base_url.rstrip('/')}/{record_href(item.event)}"
    for url in (item.event.url, item.event.source):
        if url and is_web_address(url):
            return url
    return None


def _markdown(when: str, left: str, text: str, link: str | None) -> str:
    what = (
        f"[{_escaped(text)}](<{link.replace('<', '%3C').replace('>', '%3E')}>)"
        if link
        else _escaped(text)
    )
    return f"- {_when(when, left)}{what}\n"


def _escaped(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)


def _html(when: str, left: str, text: str, link: str | None) -> str:
    what = f'<a href="{escape(link)}">{escape(text)}</a>' if link else escape(text)
    return f"<li>{escape(_when(when, left))}{what}</li>\n"


def _text(when: str, left: str, text: str, link: str | None) -> str:
    return f"  {_when(when, left)}{text}\n" + (f"    {link}\n" if link else "")


def _when(when: str, left: str) -> str:
    """'Monday 3 May (in 2 days): ' before an entry; nothing before a change."""
    return f"{when} ({left}): " if when else ""


_LINES: dict[str, Callable[[str, str, str, str | None], str]] = {
    "markdown": _markdown,
    "html": _html,
    "text": _text,
}
