"""One exclusive lock for a file that is read, changed and written back (the reminder state, a
published site), so that runs that overlap (two cron jobs) take turns instead of each
undoing the other's change. The lock is a `NAME.lock` file beside the real file (symlinks
followed), held across processes with filelock; it is left in place, empty, for the next run."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

from itu_timeline.base.atomic import real_target
from itu_timeline.base.errors import WriteError
from itu_timeline.base.i18n import _, system_words

LOCK_TIMEOUT_SECONDS = 60  # a run holds a lock for seconds; a minute means something is stuck


@contextlib.contextmanager
def exclusive(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock of `path` for the block; its folder is made if missing. Waiting longer
    than `timeout` seconds, or a lock that cannot be made, is a `WriteError`."""
    from filelock import FileLock, Timeout  # only writing runs need it

    target = real_target(path)
    lock = FileLock(f"{target}.lock", timeout=timeout)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout as err:
        said = _(
            "{path}: another itu-timeline has held its lock ({lock}) for {seconds} s; try "
            "again when it has finished"
        )
        raise WriteError(
            said.format(path=path, lock=lock.lock_file, seconds=f"{timeout:.0f}")
        ) from err
    except OSError as err:
        said = _("{path}: cannot lock it: {reason}")
        raise WriteError(said.format(path=path, reason=system_words(err))) from err
    try:
        yield
    finally:
        lock.release()
