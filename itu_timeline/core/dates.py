"""Dates, durations and times typed by users: parsed here and nowhere else.

Day arguments name a span of days, so `--from 2027` means 1 January and `--to 2027` means
31 December: ``2027-03-15``, ``2027-03``, ``2027``, ``today``, ``tomorrow``, ``yesterday``,
and offsets from today ``+30d``, ``-2w``, ``+3m``, ``+1y``.
"""

import contextlib
import re
from calendar import monthrange
from datetime import date, datetime, time, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta

from itu_timeline.base.errors import DateInputError
from itu_timeline.base.i18n import _

MAX_OFFSET_DAYS = 100 * 366

_OFFSET = r"^([+-])(\d{1,5})([dwmy])$"
_YEAR = r"^(\d{4})$"
_MONTH = r"^(\d{4})-(\d{2})$"
_DURATION = r"^(\d{1,5})\s*(days?|weeks?|months?|years?)$"
_SHORT_DURATION = r"^(\d{1,5})([hdwm])$"
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def day_span(text: str, today: date) -> tuple[date, date]:
    """The first and last day that `text` names."""
    value = text.strip().lower()
    if value in _NAMED:
        day = today + timedelta(days=_NAMED[value])
        return day, day
    with contextlib.suppress(ValueError):  # a day, the common case: no pattern to compile
        day = date.fromisoformat(value)  # (it reads none of the forms below)
        return day, day
    if m := re.match(_OFFSET, value):
        sign = 1 if m.group(1) == "+" else -1
        try:
            day = today + _delta(_UNITS[m.group(3)], sign * int(m.group(2)))
        except (ValueError, OverflowError) as err:
            raise DateInputError(
                _("'{text}' goes beyond the dates a calendar can hold").format(text=text)
            ) from err
        return day, day
    try:
        if m := re.match(_YEAR, value):
            year = int(m.group(1))
            return date(year, 1, 1), date(year, 12, 31)
        if m := re.match(_MONTH, value):
            year, month = int(m.group(1)), int(m.group(2))
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
        day = date.fromisoformat(value)
    except ValueError as err:
        raise DateInputError(
            # TRANSLATORS: the forms are what is typed, as written; only the words between
            # them ("or") are of the language.
            _(
                "cannot read the date '{text}'; use YYYY-MM-DD, YYYY-MM, YYYY, today, tomorrow, "
                "yesterday, or +30d/-2w/+3m/+1y"
            ).format(text=text)
        ) from err
    return day, day


def _delta(unit: str, amount: int) -> relativedelta:
    """relativedelta(days=n), (weeks=n), (months=n) or (years=n), by the unit's name."""
    return relativedelta(
        days=amount if unit == "days" else 0,
        weeks=amount if unit == "weeks" else 0,
        months=amount if unit == "months" else 0,
        years=amount if unit == "years" else 0,
    )


def first_day(text: str, today: date) -> date:
    return day_span(text, today)[0]


def last_day(text: str, today: date) -> date:
    return day_span(text, today)[1]


@cache  # a calendar repeats a handful of offsets thousands of times
def parse_before(text: str) -> relativedelta:
    """A deadline offset as written in calendar files: "12 days", "8 months", "2 weeks"."""
    m = re.match(_DURATION, text.strip().lower())
    if not m:
        raise DateInputError(
            _(
                "cannot read the offset '{text}'; write a number and a unit, like '12 days', "
                "'2 weeks', '8 months' or '1 year'"
            ).format(text=text)
        )
    unit = m.group(2).rstrip("s") + "s"
    amount = int(m.group(1))
    if amount * {"days": 1, "weeks": 7, "months": 31, "years": 366}[unit] > MAX_OFFSET_DAYS:
        raise DateInputError(
            _("the offset '{text}' is longer than {n} years").format(
                text=text, n=MAX_OFFSET_DAYS // 365
            )
        )
    return _delta(unit, amount)


def day_before(day: date, before: str | None) -> date:
    """The day that the offset `before` (as in calendar files) falls ahead of `day`."""
    return day - _as_subtracted(before or "0 days")


@cache
def _as_subtracted(text: str) -> timedelta | relativedelta:
    # Days and weeks as a timedelta: the same day, at a fraction of relativedelta's cost, on
    # every deadline of every event `upcoming` looks at.
    delta = parse_before(text)
    return delta if delta.months or delta.years else timedelta(days=delta.days)


def reach_days(before: str | None) -> int:
    """An upper bound, in days, of how long before an event a `before` offset falls."""
    delta = parse_before(before or "0 days")
    return delta.years * 366 + delta.months * 31 + delta.days + 1


def parse_duration(text: str) -> timedelta:
    """A short duration typed on the command line: 12h, 1d, 2w."""
    m = re.match(_SHORT_DURATION, text.strip().lower())
    if not m or m.group(2) == "m":
        raise DateInputError(
            _("cannot read the duration '{text}'; use e.g. 12h, 1d, 7d or 2w").format(text=text)
        )
    amount = int(m.group(1))
    return {"h": timedelta(hours=amount), "d": timedelta(days=amount)}.get(
        m.group(2), timedelta(weeks=amount)
    )


def parse_time(text: str) -> time:
    """A wall-clock time "HH:MM" (seconds allowed)."""
    try:
        value = time.fromisoformat(text.strip())
    except ValueError as err:
        raise DateInputError(
            _("cannot read the time '{text}'; use HH:MM, like 23:59").format(text=text)
        ) from err
    if value.tzinfo is not None:
        raise DateInputError(
            _("the time '{text}' must not carry an offset; set a timezone").format(text=text)
        )
    return value


def parse_local_datetime(text: str) -> datetime:
    """A date with a wall-clock time and no offset, as in ``2027-03-01T23:59``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise DateInputError(
            _("cannot read '{text}'; use YYYY-MM-DDTHH:MM").format(text=text)
        ) from err
    if value.tzinfo is not None:
        raise DateInputError(
            _("'{text}' must not carry an offset; set a timezone instead").format(text=text)
        )
    return value


# A pinned today needs room around it: windows, charts and deadlines reach years from it.
TODAY_YEARS = (1000, 9000)


def pinned_today(text: str, today: date) -> date:
    """The day `--today` names, within the years a calendar can hold around it."""
    day = first_day(text, today)
    low, high = TODAY_YEARS
    if not low <= day.year <= high:
        raise DateInputError(
            _("{day} is too far from now: give a day in the years {low} to {high}").format(
                day=day.isoformat(), low=low, high=high
            )
        )
    return day
