"""itu-timeline: ITU meetings and deadlines as timelines, cron alerts and iCalendar feeds.

Use as a library: ``from itu_timeline import load_calendar, make_filter, upcoming, ...``
(see `itu_timeline.api`). The names are loaded on first use, so that importing the package
costs nothing to the command line's short runs. The version comes from package metadata
(`itu-timeline --version`), never a second literal.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itu_timeline.api import *  # noqa: F403


def __getattr__(name: str) -> Any:
    from importlib import import_module

    api = import_module("itu_timeline.api")  # not `from . import api`: that asks __getattr__
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'itu_timeline' has no attribute '{name}'")
