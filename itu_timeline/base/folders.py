"""A folder of files (a published site) replaced whole, so that a reader (a web server) sees
the whole old content or the whole new one, and a kill at any moment leaves one of the two in
place, never nothing.

- The new content is built in a new folder beside the place (`.NAME.build-xxxxxxxx`); the
  place becomes a symlink to it, replaced atomically by renaming a new link over the old one.
  The folder the old link pointed to is removed when it is one of ours.
- A real folder at the place (the first build there) is exchanged with the new link in one
  step (Linux `renameat2(RENAME_EXCHANGE)`); where the system cannot, the build is refused,
  with what to do, and nothing changes.
- Only what is ours is replaced: nothing, a symlink to nothing, an empty folder, or a folder
  holding the build's marker file. A file or a folder of other things is refused.
- Builds run one at a time (a lock, `.NAME.lock`, beside the place); what killed builds left
  (build folders, temporary links) is removed by the next build once it is an hour old.
"""

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from itu_timeline.base.atomic import (
    RANDOM_PART,
    discard,
    prepare_folder,
    real_target,
    remove_file,
    remove_leftovers,
    sync_folder,
    umask,
    why,
)
from itu_timeline.base.errors import WriteError
from itu_timeline.base.i18n import _
from itu_timeline.base.locks import exclusive

_AT_FDCWD = -100  # from <fcntl.h>: paths relative to the working folder
_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_CANNOT_EXCHANGE = (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP)


@contextlib.contextmanager
def building(path: Path, marker: str) -> Iterator[Path]:
    """A new, empty folder to build `path`'s content in, swapped in at `path` when the block
    ends without an error and removed otherwise. `marker` is a file every build holds: a
    folder holding it is a build, which the next one may replace."""
    place = _place_of(path)
    _check_ours(path, marker)  # before the lock, which makes a file: a refusal leaves none
    prepare_folder(place.parent, path, make_folders=True)
    with exclusive(place.parent / f".{place.name}"):
        current = Path(os.path.realpath(place)) if place.is_symlink() else None
        remove_leftovers(place.parent, _leftover_pattern(place.name), keep=current)
        folder = _new_folder(place, path)
        try:
            yield folder
            _swap_in(folder, place, path)
        except BaseException:
            discard(folder)
            raise


def copy_entries(source: Path, names: list[str], folder: Path) -> None:
    """Copy the entries `names` of `source` (files, folders, links as links) into `folder`."""
    for name in names:
        origin, copy = source / name, folder / name
        try:
            if origin.is_dir() and not origin.is_symlink():
                shutil.copytree(origin, copy, symlinks=True)
            else:
                shutil.copy2(origin, copy, follow_symlinks=False)
        except OSError as err:
            said = _("{path}: cannot copy it into the new build: {reason}")
            raise WriteError(said.format(path=origin, reason=why(err))) from err


def _check_ours(path: Path, marker: str) -> None:
    content = real_target(path)
    if not content.exists():
        return
    if not content.is_dir():
        raise WriteError(
            _("{path}: is a file, not a folder; give a folder for the site").format(path=path)
        )
    if any(content.iterdir()) and not (content / marker).is_file():
        said = _(
            "{path}: is a folder of other files, which a site would replace; give a new or "
            "empty folder (a folder of an earlier build holds {marker})"
        )
        raise WriteError(said.format(path=path, marker=marker))


def _new_folder(place: Path, path: Path) -> Path:
    try:
        folder = Path(tempfile.mkdtemp(dir=place.parent, prefix=f".{place.name}.build-"))
    except OSError as err:
        said = _("{path}: cannot make a folder in {folder}: {reason}")
        raise WriteError(said.format(path=path, folder=place.parent, reason=why(err))) from err
    os.chmod(folder, 0o777 & ~umask())  # as readable as a folder made by hand: it is served
    return folder


def _swap_in(folder: Path, place: Path, path: Path) -> None:
    """`place` becomes a link to `folder` in one step; the folder it held before is removed."""
    old = Path(os.path.realpath(place)) if place.is_symlink() else None
    new_link = place.parent / f".{place.name}.link-{folder.name}"
    try:
        os.symlink(folder.name, new_link)
        if place.is_dir() and not place.is_symlink():
            _exchange(new_link, place)  # the real folder now lives at the link's name
            old = new_link
        else:
            os.replace(new_link, place)
    except OSError as err:
        remove_file(str(new_link))
        if err.errno in _CANNOT_EXCHANGE:
            said = _(
                "{path}: is a real folder, which this system cannot exchange for a link in one "
                "step; move it away once (mv {path} {path}.old) and publish again: {path} then "
                "becomes a link to each build"
            )
            raise WriteError(said.format(path=path)) from err
        said = _("{path}: cannot put the new folder in place: {reason}")
        raise WriteError(said.format(path=path, reason=why(err))) from err
    sync_folder(place.parent, path)
    if old is not None and old.parent == place.parent and old.name.startswith(f".{place.name}."):
        discard(old)  # only a folder of ours: never what a user's link pointed to


def _exchange(one: Path, two: Path) -> None:
    """Swap the names `one` and `two` atomically (Linux 3.15+, glibc 2.28+)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    names = (os.fsencode(one), os.fsencode(two))
    if renameat2(_AT_FDCWD, names[0], _AT_FDCWD, names[1], _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _leftover_pattern(name: str) -> str:
    """Build folders; the new links (or, once exchanged, old real folders) of builds; and the
    real folders that versions before the exchange moved aside (`old-`)."""
    ours = re.escape(f".{name}.")
    return f"{ours}(?:(?:link|old)-{ours})?build-{RANDOM_PART}"


def _place_of(path: Path) -> Path:
    """Where a folder swapped in at `path` lives: its parent's symlinks followed, not its own
    (a symlink at `path` is what is swapped)."""
    return real_target(path.parent) / path.name if path.is_symlink() else real_target(path)
