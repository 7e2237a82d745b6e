"""IANA time zones: looked up once each, with errors that say what to do."""

import os
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from itu_timeline.base.errors import DateInputError


@cache
def is_valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def get_zone(name: str) -> ZoneInfo:
    if not is_valid_zone(name):
        raise DateInputError(
            f"unknown time zone '{name}'; use an IANA name such as Europe/Zurich or UTC"
        )
    return ZoneInfo(name)


def unreadable_tz() -> str | None:
    """$TZ when it is set but names no IANA zone (POSIX forms such as 'JST-9')."""
    from_env = os.environ.get("TZ", "").lstrip(":")
    return from_env if from_env and not is_valid_zone(from_env) else None


def system_zone_name() -> str:
    """The machine's IANA zone: $TZ, else where /etc/localtime points, else UTC."""
    from_env = os.environ.get("TZ", "").lstrip(":")
    if from_env and is_valid_zone(from_env):
        return from_env
    try:
        target = Path("/etc/localtime").resolve(strict=True)
    except OSError:
        return "UTC"
    parts = target.parts
    if "zoneinfo" in parts:
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        if is_valid_zone(name):
            return name
    return "UTC"
