"""IANA time zones: looked up once each, with errors that say what to do; the system's zone."""

import os
from functools import cache
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError

from itu_timeline.base.errors import DateInputError
from itu_timeline.base.i18n import _


@cache
def is_valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def get_zone(name: str) -> ZoneInfo:
    if not is_valid_zone(name):
        raise DateInputError(unknown_zone(name))
    return ZoneInfo(name)


def unknown_zone(name: str) -> str:
    """What to say of a name that is no IANA zone: the one it most likely meant, if any."""
    guess = zone_guess(name)
    if guess:
        return _("unknown time zone '{name}'; did you mean {guess}?").format(name=name, guess=guess)
    return _("unknown time zone '{name}'; use an IANA name such as Europe/Zurich or UTC").format(
        name=name
    )


def zone_guess(name: str) -> str | None:
    """The IANA zone a mistyped name most likely meant: the same in another case
    ('europe/zurich'), else the closest spelling ('Europe/Zurik'). Only on the error path:
    listing every zone reads the whole database."""
    from difflib import get_close_matches
    from zoneinfo import available_timezones

    zones = available_timezones()
    by_case = {z.casefold(): z for z in zones}
    if name.casefold() in by_case:
        return by_case[name.casefold()]
    close = get_close_matches(name.casefold(), list(by_case), n=1, cutoff=0.8)
    return by_case[close[0]] if close else None


def unreadable_tz() -> str | None:
    """$TZ when it is set but names no IANA zone (POSIX forms such as 'JST-9')."""
    from_env = os.environ.get("TZ", "").lstrip(":")
    return from_env if from_env and not is_valid_zone(from_env) else None


def system_zone_name() -> str | None:
    """The machine's IANA zone, or None when nothing names one. In order: $TZ; where
    /etc/localtime links to (the common case, read without importing anything); what tzlocal
    reads (/etc/timezone, the distributions' clock files, a TZ naming a file); and, for an
    /etc/localtime that is a copy (common in containers), the zone whose file it equals."""
    from_env = os.environ.get("TZ", "").lstrip(":")
    if from_env and is_valid_zone(from_env):
        return from_env
    localtime = Path("/etc/localtime")
    linked = None if from_env else _linked_zone(localtime)  # a TZ=/path/to/zone is tzlocal's
    if linked is not None:
        return linked
    import tzlocal  # only off the common path: it loads the tz database resources

    try:
        named: str | None = tzlocal.get_localzone_name()
    except ZoneInfoNotFoundError:  # conflicting settings: none of them is trusted
        named = None
    if named and is_valid_zone(named):
        return named
    return zone_of_copy(localtime)


def _linked_zone(link: Path) -> str | None:
    """The zone a symlink such as /etc/localtime -> /usr/share/zoneinfo/Europe/Zurich names."""
    if not link.is_symlink():
        return None
    try:
        parts = link.resolve(strict=True).parts
    except OSError:
        return None
    if "zoneinfo" not in parts:
        return None
    name = "/".join(parts[parts.index("zoneinfo") + 1 :])
    return name if is_valid_zone(name) else None


def zone_of_copy(path: Path) -> str | None:
    """The IANA name of the zone whose tz database file has the same bytes as `path` (an
    /etc/localtime copied rather than linked); a file in the database proper is preferred to
    a link to it (Europe/Zurich, not Europe/Busingen). None when no file matches."""
    try:
        wanted = path.read_bytes()
    except OSError:
        return None
    for folder in (Path(p) for p in TZPATH):
        matches = sorted(_same_bytes(folder, wanted), key=lambda f: (f.is_symlink(), f))
        names = ["/".join(f.relative_to(folder).parts) for f in matches]
        found = next((n for n in names if is_valid_zone(n)), None)
        if found is not None:
            return found
    return None


def _same_bytes(folder: Path, wanted: bytes) -> list[Path]:
    """The files under `folder` whose bytes are `wanted` (the size compared first)."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f not in ("posix", "right")]  # copies, leap seconds
        for name in files:
            candidate = Path(root, name)
            try:
                if candidate.stat().st_size == len(wanted) and candidate.read_bytes() == wanted:
                    found.append(candidate)
            except OSError:
                continue
    return found
