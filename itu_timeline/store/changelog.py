"""The change log: every change that reached a calendar (core/changes.py says what one is),
kept in `$XDG_STATE_HOME/itu-timeline/changes.json` for the last 365 days. Written under a
lock (`changes.json.lock`), atomically, so two commands at once both land and a reader never
sees half a log.

To record what a command changed, load the calendar before and after it and call `record`
with where the change came from: `record(before, after, Source("letter", path), now, today)`.
"""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from itu_timeline.base.atomic import write_atomically
from itu_timeline.base.errors import WriteError
from itu_timeline.base.i18n import _, english, system_words
from itu_timeline.core.changes import (
    Change,
    Source,
    differences,
    feed_or,
    log_path,
    read_log,
    to_json,
)
from itu_timeline.core.model import Calendar

KEEP = timedelta(days=365)
LOCK_TIMEOUT_SECONDS = 60


def record(
    before: Calendar, after: Calendar, source: Source, now: datetime, today: date
) -> list[Change]:
    """Record the changes from `before` to `after` (an event of a feed is credited to its
    feed, any other to `source`) and return them."""
    with english():  # the log is data: its words ('June 2027 (dates not announced)') in English
        changes = differences(before, after, today, feed_or(source), now)
    if changes:
        append(changes, now)
    return changes


def append(changes: list[Change], now: datetime, path: Path | None = None) -> None:
    """Add `changes` to the log, dropping what is older than a year."""
    from filelock import FileLock, Timeout

    path = path or log_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_SECONDS):
            kept = [c for c in read_log(path) if c.recorded >= now - KEEP]
            entries = [to_json(c) for c in [*kept, *changes]]
            text = json.dumps({"schema": 1, "changes": entries}, ensure_ascii=False, indent=1)
            write_atomically(path, (text + "\n").encode("utf-8"))
    except Timeout as err:
        raise WriteError(
            _("{path}: another itu-timeline holds its lock").format(path=path)
        ) from err
    except OSError as err:
        raise WriteError(
            _("{path}: cannot write the change log: {reason}").format(
                path=path, reason=system_words(err)
            )
        ) from err
