"""The cache trusts only its owner: an entry in a folder, or a file, of another user (or one
that others may write) is never unpickled; an unreadable cache is a miss; a damaged feed copy
is left out with one warning. And the cache key covers all of `core` and `base`, with or
without their sources."""

import compileall
import contextlib
import os
import pickle
import pwd
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import itu_timeline
from itu_timeline.core import cache

from .conftest import Run

NOBODY = pwd.getpwnam("nobody").pw_uid
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="making files of another user needs root")


class Planted:
    """Unpickling this makes a folder: proof that a planted entry ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.marker),)


def plant(folder: Path, calendar: Path, marker: Path) -> list[Path]:
    """Entries where the cache would look for `calendar`, each a pickle that makes `marker`."""
    payload = pickle.dumps(Planted(marker))
    folder.mkdir(parents=True, exist_ok=True)
    entries = [cache.entry_path("file-", [calendar]), cache.entry_path("days-", [calendar])]
    for entry in entries:
        entry.write_bytes(len(payload).to_bytes(8, "little") + payload)
    return entries


COMMANDS = [("list",), ("upcoming",), ("show", "pp-26"), ("export",), ("remind", "--dry-run")]


@as_root
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_entries_of_another_user_are_never_unpickled(
    run: Run, sample: Path, private_cache: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    folder, marker = private_cache / "itu-timeline", tmp_path / "ran"
    for path in [folder, *plant(folder, sample, marker)]:
        os.chown(path, NOBODY, -1)
    result = run(*command)
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert "pp-26" in result.stdout or command[0] in ("upcoming", "remind")
    assert not marker.exists()  # and a second run, which finds what the first could not write


@as_root
def test_an_entry_of_another_user_in_ones_own_folder_is_not_unpickled(
    run: Run, sample: Path, private_cache: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    for entry in plant(private_cache / "itu-timeline", sample, marker):
        os.chown(entry, NOBODY, -1)
    result = run("list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()


def test_entries_others_may_write_are_not_unpickled_and_debug_says_so_once(
    run: Run, sample: Path, private_cache: Path, tmp_path: Path
) -> None:
    folder, marker = private_cache / "itu-timeline", tmp_path / "ran"
    plant(folder, sample, marker)
    folder.chmod(0o777)
    result = run("--debug", "list")
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    [line] = result.stderr.splitlines()
    assert line == f"itu-timeline: debug: {folder}: not a folder of yours, or writable by " \
        "others; the cache there is not used"  # fmt: skip
    folder.chmod(0o700)
    for entry in folder.glob("*.pickle"):
        entry.chmod(0o666)
    assert run("list").exit_code == 0
    assert not marker.exists()


@contextlib.contextmanager
def as_nobody() -> Iterator[None]:
    """Runs commands as another user, who cannot read a folder of mode 000 (root can): the
    effective uid only, given back after."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder any user may use (tmp_path is root's own)."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"itu-cache-trust-{os.getpid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        with contextlib.suppress(OSError):
            for path in folder.rglob("*"):
                path.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)


READING = [("list",), ("upcoming",), ("show", "pp-26"), ("validate",), ("export",),
           ("chart",), ("remind", "--dry-run"), ("digest",), ("feeds", "list")]  # fmt: skip


def test_an_unreadable_cache_folder_is_a_miss_in_every_command(
    run: Run, open_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = open_folder / "config" / "itu-timeline"
    config.mkdir(parents=True)
    (config / "feeds.toml").write_text('[[feeds]]\nname = "itu"\nurl = "http://127.0.0.1:9/x"\n')
    folder = open_folder / "cache" / "itu-timeline"
    (folder / "feeds").mkdir(parents=True)
    folder.chmod(0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(open_folder / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(open_folder / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(open_folder / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(open_folder / "data"))
    for command in READING:  # the bundled calendar, and the feed's copy that cannot be read
        run(*command, calendars=[])  # as root first: another user cannot import from root's home
        with as_nobody():
            result = run(*command, calendars=[])
        assert result.exit_code in (0, 1), (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit), command


def test_a_damaged_feed_copy_is_left_out_with_one_warning(
    run: Run, tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config" / "itu-timeline"
    config.mkdir(parents=True)
    (config / "feeds.toml").write_text('[[feeds]]\nname = "itu"\nurl = "http://127.0.0.1:9/x"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    copies = private_cache / "itu-timeline" / "feeds"
    copies.mkdir(parents=True)
    (copies / "itu.toml").write_text("schema = 2\n[[events]\nbroken")
    for command in [("upcoming",), ("upcoming",), ("list",), ("remind", "--dry-run")]:
        result = run(*command, calendars=[])
        assert result.exit_code == 0, result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
        [line] = result.stderr.splitlines()
        assert "copy of feed 'itu' is left out" in line
        assert line.endswith("run `itu-timeline feeds refresh`")


def test_the_cache_key_covers_the_loader_and_every_core_module() -> None:
    key = cache.code_fingerprint()
    assert key is not None
    for module in ("loader", "schema", "model", "day_index", "cache", "subscriptions", "errors"):
        assert f"{module}:" in key


def test_the_cache_key_changes_with_any_module_and_needs_no_sources(tmp_path: Path) -> None:
    package = tmp_path / "itu_timeline"
    for folder in ("core", "base"):
        shutil.copytree(Path(itu_timeline.__file__).parent / folder, package / folder)
    with_sources = cache.fingerprint_of(package)
    loader = package / "core" / "loader.py"
    loader.write_text(loader.read_text() + "\n# changed\n")
    assert cache.fingerprint_of(package) not in (None, with_sources)
    assert compileall.compile_dir(package, legacy=True, quiet=1)
    for source in package.rglob("*.py"):
        source.unlink()
    compiled = cache.fingerprint_of(package)
    assert compiled is not None
    assert "loader:" in compiled
    shutil.rmtree(package)
    assert cache.fingerprint_of(package) is None  # nothing to tell this code from another


def test_an_install_without_sources_runs_and_caches(tmp_path: Path, sample: Path) -> None:
    package = tmp_path / "site" / "itu_timeline"
    shutil.copytree(Path(itu_timeline.__file__).parent, package)
    assert compileall.compile_dir(package, legacy=True, quiet=1)
    for source in package.rglob("*.py"):
        source.unlink()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    command = [sys.executable, "-m", "itu_timeline", "--today", "2026-06-01", "-c", str(sample),
               "list"]  # fmt: skip
    for _ in range(2):  # a miss that writes, then a hit
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert "pp-26" in done.stdout
    assert list((Path(env["XDG_CACHE_HOME"]) / "itu-timeline").glob("file-*.pickle"))
