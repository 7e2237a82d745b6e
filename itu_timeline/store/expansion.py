"""Recurrences expanded within bounds, whatever the file says: a 231-byte `FREQ=MINUTELY` with
no end must not take the machine down.

Before the library expands a series, its rules' instants are walked (lazily, without the
library's cache) to see what the expansion would cost, since the library computes every
instant from the series' first one on: a series is cut after SERIES_CAP occurrences in the
window, and the file's recurring series together after FILE_CAP; a series whose rules give
more than WORK_CAP instants before the window ends is cut there, or skipped when none of them
is in the window. A rule that matches almost nothing (`FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30`)
makes the rule library itself search for a minute without giving anything; a time limit for
the whole file (FILE_SECONDS) stops it, in the main thread, where the CLI runs.
"""

import contextlib
import heapq
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from itu_timeline.base.i18n import _, ngettext, number

SERIES_CAP = 2_000  # occurrences of one series imported (a daily series over four years fits)
FILE_CAP = 10_000  # occurrences of all the recurring series of one file
WORK_CAP = 50_000  # instants of one series' rules looked at, from its first one
FILE_SECONDS = 10.0  # for expanding all the recurring series of one file
HORIZON = timedelta(days=10 * 366)  # occurrences outside the window are counted this far out


class Capped(Exception):
    """This series is not imported at all; the message says why."""


@dataclass
class Bounds:
    """What the recurring series of one file have used so far."""

    occurrences: int = 0
    deadline: float | None = None  # time.monotonic() by which expanding stops


@dataclass
class Expanded:
    occurrences: list[Any] = field(default_factory=list)  # in the window, by start
    outside: int = 0  # instants outside the window, within HORIZON
    cut: str | None = None  # why and where the series was cut


@dataclass
class _Plan:
    end: date | datetime  # where to ask the library to stop
    outside: int
    cut: bool = False


def expand(components: list[Any], window: tuple[date, date], bounds: Bounds, name: str) -> Expanded:
    """The occurrences in `window` of the series made of `components` (its VTIMEZONEs, master
    and overrides), at most SERIES_CAP, and what is left of the file's FILE_CAP."""
    import icalendar
    import recurring_ical_events

    cap = min(SERIES_CAP, FILE_CAP - bounds.occurrences)
    if cap <= 0:
        raise Capped(
            _("the file's recurring events reached {n} occurrences").format(n=number(FILE_CAP))
        )
    if bounds.deadline is None:
        bounds.deadline = time.monotonic() + FILE_SECONDS
    series = icalendar.Calendar()
    for component in components:
        series.add_component(component)
    first, last = window
    with _time_limit(bounds.deadline - time.monotonic()):
        query = recurring_ical_events.of(series)
        plan = _plan(query, window, cap)
        found = query.between(first, plan.end)
    inside = sorted((o for o in found if first <= _start_day(o) <= last), key=_start_key)[:cap]
    bounds.occurrences += len(inside)
    cut = None
    if plan.cut:
        until = _start_day(inside[-1]) if inside else first
        said = ngettext(
            "'{name}' recurs more often than is imported: cut after {n} occurrence, the last "
            "on {day}",
            "'{name}' recurs more often than is imported: cut after {n} occurrences, the last "
            "on {day}",
            len(inside),
        )
        cut = said.format(name=name, n=number(len(inside)), day=until)
    return Expanded(inside, plan.outside, cut)


def _plan(query: Any, window: tuple[date, date], cap: int) -> _Plan:
    """How far to expand: the instants of the series' rules, walked up to the end of the
    horizon, counting those outside the window, stopping at the cap or at WORK_CAP."""
    first, last = window
    outside = inside = 0
    for n, instant in enumerate(_instants(query)):
        day = instant.date() if isinstance(instant, datetime) else instant
        if day > last + HORIZON or (n >= WORK_CAP and day > last):
            break
        if n >= WORK_CAP:
            if not inside:
                said = _("it recurs more than {n} times before {day}")
                raise Capped(said.format(n=number(WORK_CAP), day=first))
            return _Plan(instant, outside, cut=True)
        if first <= day <= last:
            inside += 1
            if inside > cap:
                return _Plan(instant, outside, cut=True)
        elif day >= first - HORIZON:
            outside += 1
    return _Plan(last + timedelta(days=1), outside)


def _instants(query: Any) -> Iterator[date | datetime]:
    """The instants of every rule of the series, in order, each once. The rules are the
    library's own (with its corrections of UNTIL), walked without its cache."""
    from dateutil.rrule import rrule

    rules = [
        r.replace(cache=False) if isinstance(r, rrule) else r
        for series in query.series
        for r in getattr(series.recurrence, "rrules", [])
    ]
    previous = None
    for instant in heapq.merge(*rules):
        if instant != previous:
            yield instant
        previous = instant


def _start_day(component: Any) -> date:
    start = component.decoded("dtstart")
    return start.date() if isinstance(start, datetime) else start


def _start_key(component: Any) -> tuple[date, str]:
    return _start_day(component), str(component.decoded("dtstart"))


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raises `Capped` in the block after `seconds` (only in the main thread, where signals
    are delivered; elsewhere the block runs unlimited)."""
    if seconds <= 0:
        raise Capped(_too_long())
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise Capped(_too_long())

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _too_long() -> str:
    return _("expanding the file's recurring events took {seconds} s").format(
        seconds=f"{FILE_SECONDS:g}"
    )
