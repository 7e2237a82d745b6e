"""Dates in words in each language other than English, from the CLDR data of Babel: the
names of months and days, their order, and the dash and spacing of a span, as each language
writes them ("9–27 nov. 2026", "9—27 нояб. 2026 г.", "2026年11月9日 – 27日", "9–27 نوفمبر
2026"). Digits stay Latin, as ITU texts print them in every language.

Imported only when a date is put in words in such a language: Babel's dates module takes
longer to import than a cron run of `upcoming` takes in all. English keeps its own forms
(core/text.py).
"""

from datetime import date, datetime

from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    format_time,
    get_month_names,
)

from itu_timeline.base.i18n import current


def month_year(day: date) -> str:
    """'novembre 2026', 'ноябрь 2026 г.', '2026年11月'."""
    return format_skeleton("yMMMM", day, locale=current())


def months(first: date, last: date) -> str:
    """'juin – juillet 2027', or one month."""
    if (first.year, first.month) == (last.year, last.month):
        return month_year(first)
    return format_interval(first, last, "yMMMM", locale=current())


def short_month(day: date) -> str:
    """The month's short name, as a chart's axis prints it: 'déc.', 'дек.', '12月'."""
    return format_skeleton("MMM", day, locale=current())


def month_names() -> tuple[list[str], list[str]]:
    """The months' short names and letters as they stand alone on a terminal chart's axis:
    'janv.' and 'J', 'янв.' and 'Я', '1月' and '1'."""
    short, narrow = (
        get_month_names(width, "stand-alone", locale=current())
        for width in ("abbreviated", "narrow")
    )
    return [short[m] for m in range(1, 13)], [narrow[m] for m in range(1, 13)]


def years(first: int, last: int) -> str:
    """'2027', '2027–2028' ('2027–2028年')."""
    if first == last:
        return format_skeleton("y", date(first, 1, 1), locale=current())
    return format_interval(date(first, 1, 1), date(last, 1, 1), "y", locale=current())


def day(value: date) -> str:
    """'9 nov. 2026', '9 нояб. 2026 г.', '2026年11月9日'."""
    return format_skeleton("yMMMd", value, locale=current())


def days(first: date, last: date) -> str:
    """'9–27 nov. 2026', '30 mars – 2 avr. 2026', or one day."""
    if first == last:
        return day(first)
    return format_interval(first, last, "yMMMd", locale=current())


def weekday(value: date) -> str:
    """'lundi 3 mai 2027', 'понедельник, 3 мая 2027 г.', '2027年5月3日星期一'."""
    return format_date(value, "full", locale=current())


def clock(value: datetime) -> str:
    """The time of day on the 24-hour clock ('13:05')."""
    return format_time(value, "HH:mm", locale=current())
