"""Every write lands where the user meant, keeps the permissions they set, and destroys
nothing: symlinks followed, special files written in place, modes kept, folders made, one
rule for which calendar file a change goes to, and output errors as one line."""

import ast
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from itu_timeline.base.atomic import write_atomically
from itu_timeline.core.loader import load

from .conftest import SAMPLE, Run, WriteCalendar, static_server

PACKAGE = Path(__file__).parent.parent / "itu_timeline"
TOOL = Path(sys.executable).parent / "itu-timeline"
ICS = Path(__file__).parent / "data" / "real-world.ics"
NEW_EVENT = ("--title", "New", "--start", "2027-02-01", "--body", "ITU", "--kind", "other")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    yield
    os.umask(old)


# --- symlinks -------------------------------------------------------------------------------


def test_a_calendar_that_is_a_symlink_stays_a_link_and_its_target_changes(
    run: Run, tmp_path: Path
) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "itu.toml"
    real.write_text(SAMPLE)
    link = tmp_path / "linked.toml"
    link.symlink_to(real)
    result = run("add", "--id", "new", *NEW_EVENT, calendars=[link])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert link.resolve() == real
    assert 'id = "new"' in real.read_text()
    assert not (tmp_path / "linked.toml.lock").exists()  # the lock lives beside the real file
    assert not list(tmp_path.glob(".linked.toml.*.tmp"))


def test_a_folder_link_and_a_dangling_link_are_followed(run: Run, tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    (tmp_path / "feeds").symlink_to(real_folder)
    assert run("export", "-o", str(tmp_path / "feeds" / "itu.ics")).exit_code == 0
    assert (real_folder / "itu.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    dangling = tmp_path / "public.ics"
    dangling.symlink_to(real_folder / "published.ics")
    assert run("export", "-o", str(dangling)).exit_code == 0
    assert dangling.is_symlink()
    assert (real_folder / "published.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


# --- special files ----------------------------------------------------------------------------


def test_a_fifo_is_written_not_replaced(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("export", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received[0].startswith(b"BEGIN:VCALENDAR")


def test_a_character_device_is_written_not_replaced(run: Run, tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD), which this run does not have")
    assert run("export", "-o", str(device)).exit_code == 0
    assert stat.S_ISCHR(device.stat().st_mode)
    assert run("export", "-o", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


# --- modes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640])
def test_every_writing_command_keeps_the_files_mode(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path, mode: int
) -> None:
    path = write_calendar(SAMPLE.replace("schema = 1", "schema = 2"))
    path.chmod(mode)
    out = tmp_path / "out.ics"
    out.write_text("old")
    out.chmod(mode)
    commands = [
        ("add", "--id", "new", *NEW_EVENT),
        ("edit", "c26", "--location", "Geneva, CICG"),
        ("remove", "new", "--yes"),
        ("import", str(ICS)),
        ("fmt",),
        ("export", "-o", str(out)),
    ]
    for command in commands:
        result = run(*command, calendars=[path], today="2027-01-01")
        assert result.exit_code == 0, (command, result.stderr)
        assert (mode_of(path), mode_of(out)) == (mode, mode), command


def test_new_files_get_the_mode_the_umask_gives(run: Run, tmp_path: Path, umask_077: None) -> None:
    calendar = tmp_path / "private" / "mine.toml"
    assert run("add", "--id", "new", *NEW_EVENT, calendars=[calendar]).exit_code == 0
    assert run("export", "-o", str(tmp_path / "out.ics")).exit_code == 0
    assert (mode_of(calendar), mode_of(tmp_path / "out.ics")) == (0o600, 0o600)


def test_a_read_only_folder_is_one_error_and_nothing_is_left(run: Run, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders, so this cannot fail when run as root")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    result = run("export", "-o", str(folder / "x.ics"))
    folder.chmod(0o700)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "Permission denied" in result.stderr
    assert list(folder.iterdir()) == []


# --- folders ----------------------------------------------------------------------------------


def test_output_folders_are_made_as_needed(run: Run, tmp_path: Path) -> None:
    feeds = tmp_path / "public" / "feeds"
    assert run("export", "--split-by", "body", "--output-dir", str(feeds)).exit_code == 0
    assert (feeds / "all.ics").exists()
    assert (feeds / "ITU-T.ics").exists()
    pictures = tmp_path / "charts" / "2026"
    result = run("chart", "--svg", str(pictures / "c.svg"), "--html", str(pictures / "c.html"))
    assert result.exit_code == 0, result.stderr
    assert (pictures / "c.svg").exists()
    assert (pictures / "c.html").exists()


def test_a_folder_that_cannot_be_made_is_one_error(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("export", "-o", str(blocker / "sub" / "x.ics"))
    assert result.exit_code == 2
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert "cannot make the folder" in errors[0]


# --- leftovers of killed runs, and durability ---------------------------------------------


def hours_ago(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then), follow_symlinks=False)


def test_a_write_removes_its_targets_temporary_files_once_they_are_an_hour_old(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar()
    old, fresh = tmp_path / ".events.toml.k1ll3d_0.tmp", tmp_path / ".events.toml.running.tmp"
    others = [
        tmp_path / ".other.toml.k1ll3d_0.tmp",  # another file's: its own next write removes it
        tmp_path / ".events.toml.backup-of-mine.tmp",  # not a name the atomic write makes
    ]
    for leftover in (old, fresh, *others):
        leftover.write_bytes(b"x" * 2048)
        hours_ago(leftover, 2)
    hours_ago(fresh, 0.5)  # a run still writing would have one this young
    assert run("add", "--id", "new", *NEW_EVENT, calendars=[path]).exit_code == 0
    assert not old.exists()
    assert fresh.exists()
    assert all(other.exists() for other in others)


KILLED_AT_RENAME = textwrap.dedent("""
    import os, signal, sys
    real_replace = os.replace
    def killed(src, dst):
        if os.path.realpath(dst) != os.path.realpath(sys.argv[1]):
            return real_replace(src, dst)  # the cache's and the change log's own writes
        os.kill(os.getpid(), signal.SIGKILL)  # kill -9 with the new file written, not renamed
    os.replace = killed
    from itu_timeline.cli.main import whole_app
    whole_app()(["--today", "2027-01-01", "add", "--id", "new", "--title", "T",
                 "--start", "2027-01-02", "--body", "ITU", "--kind", "other",
                 "--calendar", sys.argv[1]])
""")


def test_after_add_is_killed_the_next_add_leaves_no_temporary_file_over_an_hour_old(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    events = "".join(
        f'\n[[events]]\nid = "e{n}"\ntitle = "Event {n}"\nbody = "ITU"\nkind = "other"\n'
        f"start = 2027-01-{n % 28 + 1:02}\n"
        for n in range(2000)
    )
    path = write_calendar(SAMPLE + events)  # a large file: the new copy takes a while to write
    before = path.read_bytes()
    killed = subprocess.run([sys.executable, "-c", KILLED_AT_RENAME, str(path)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    [left] = tmp_path.glob(".events.toml.*.tmp")
    assert run("add", "--id", "one", *NEW_EVENT, calendars=[path]).exit_code == 0
    assert left.exists()  # as young as a running writer's: kept
    hours_ago(left, 1.5)
    assert run("add", "--id", "two", *NEW_EVENT, calendars=[path]).exit_code == 0
    assert list(tmp_path.glob(".events.toml.*.tmp")) == []


def test_the_folder_is_fsynced_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real fsync and rename run; the test only records what they were given, in order."""
    done: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(handle: int) -> None:
        info = os.fstat(handle)
        folder = stat.S_ISDIR(info.st_mode) and info.st_ino == tmp_path.stat().st_ino
        done.append("fsync folder" if folder else "fsync file")
        real_fsync(handle)

    def replace(src: str, dst: Path) -> None:
        done.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomically(tmp_path / "x.toml", b"new")
    assert done == ["fsync file", "rename", "fsync folder"]
    assert (tmp_path / "x.toml").read_bytes() == b"new"


# --- where a change goes ----------------------------------------------------------------------


def test_the_global_calendar_option_is_where_changes_go(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    team = write_calendar(SAMPLE.replace("schema = 1", "schema = 2"), name="team.toml")
    env = {"XDG_DATA_HOME": str(tmp_path / "home")}
    added = run("add", "--id", "new", *NEW_EVENT, calendars=[team], env=env)
    assert added.exit_code == 0
    assert f"added 'new' to {team}" in added.stderr
    edited = run("edit", "new", "--location", "Geneva", calendars=[team], env=env)
    assert edited.exit_code == 0
    assert f"changed 'new' in {team}" in edited.stderr
    imported = run("import", str(ICS), calendars=[team], env=env, today="2027-01-01")
    assert imported.exit_code == 0
    assert str(team) in imported.stdout
    assert run("fmt", calendars=[team], env=env).exit_code == 0
    removed = run("remove", "new", "--yes", calendars=[team], env=env)
    assert removed.exit_code == 0
    assert f"removed 'new' from {team}" in removed.stderr
    assert not (tmp_path / "home").exists()  # the user's own file was never touched
    assert "new" not in {e.id for e in load([team]).events}


def test_the_environment_variable_names_the_file_too(
    run: Run, write_calendar: WriteCalendar
) -> None:
    team = write_calendar(name="team.toml")
    result = run(
        "add", "--id", "new", *NEW_EVENT, calendars=[], env={"ITU_TIMELINE_CALENDAR": str(team)}
    )
    assert result.exit_code == 0, result.stderr
    assert "new" in {e.id for e in load([team]).events}


def test_with_several_calendars_named_a_change_asks_for_its_own_option(
    run: Run, write_calendar: WriteCalendar
) -> None:
    one, two = write_calendar(name="one.toml"), write_calendar(name="two.toml")
    before = one.read_bytes(), two.read_bytes()
    for command in (("add", "--id", "new", *NEW_EVENT), ("import", str(ICS)), ("fmt",)):
        result = run(*command, calendars=[one, two])
        assert result.exit_code == 2, command
        assert "2 calendar files are named" in result.stderr
        assert "--calendar FILE, after the command" in result.stderr
    assert (one.read_bytes(), two.read_bytes()) == before
    chosen = run("add", "--id", "new", *NEW_EVENT, "--calendar", str(two), calendars=[one, two])
    assert chosen.exit_code == 0, chosen.stderr


def test_edit_and_remove_change_the_file_the_event_lives_in(
    run: Run, write_calendar: WriteCalendar
) -> None:
    one = write_calendar(name="one.toml")
    two = write_calendar(
        SAMPLE.replace('id = "c26"', 'id = "only-in-two"').split("[[events]]", 2)[0]
        + "[[events]]"
        + SAMPLE.replace('id = "c26"', 'id = "only-in-two"').split("[[events]]", 2)[1],
        name="two.toml",
    )
    edited = run("edit", "only-in-two", "--location", "Bern", calendars=[one, two])
    assert edited.exit_code == 0
    assert f"in {two}" in edited.stderr
    removed = run("remove", "only-in-two", "--yes", calendars=[one, two])
    assert removed.exit_code == 0
    assert f"from {two}" in removed.stderr


def test_remove_leaves_the_bundled_calendar_alone_unless_it_is_named(
    run: Run, tmp_path: Path
) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "home")}
    result = run("remove", "pp-26", "--yes", calendars=[], env=env)
    assert result.exit_code == 2
    assert "is in the bundled calendar" in result.stderr


# --- remind -----------------------------------------------------------------------------------


def test_remind_on_a_pretended_day_remembers_nothing_unless_a_state_file_is_named(
    run: Run, tmp_path: Path
) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    tried = run("remind", env=env, today="2026-05-25")
    assert tried.exit_code == 0
    assert "a dry run, nothing remembered" in tried.stderr
    assert "sg17-2026-06" in tried.stdout
    assert not (tmp_path / "state").exists()
    state = tmp_path / "simulated" / "remind.toml"
    recorded = run("remind", "--state", str(state), env=env, today="2026-05-25")
    assert recorded.exit_code == 0
    assert recorded.stderr == ""
    assert state.exists()
    assert run("remind", "--state", str(state), today="2026-05-25").stdout == ""


# --- feed copies -------------------------------------------------------------------------------


def test_a_feed_refresh_waits_while_another_holds_the_feeds_lock(tmp_path: Path) -> None:
    """Two refreshes of a feed take turns, so its copy and its state come from one fetch."""
    from filelock import FileLock

    served = tmp_path / "served"
    served.mkdir()
    (served / "events.toml").write_text(SAMPLE)
    env = {**os.environ, **{f"XDG_{kind}_HOME": str(tmp_path / kind) for kind in
           ("CONFIG", "STATE", "CACHE", "DATA")}}  # fmt: skip
    copy = tmp_path / "STATE" / "itu-timeline" / "feeds" / "team.toml"
    copy.parent.mkdir(parents=True)
    with static_server(served) as url:
        config = tmp_path / "CONFIG" / "itu-timeline" / "feeds.toml"
        config.parent.mkdir(parents=True)
        config.write_text(f'[[feeds]]\nname = "team"\nurl = "{url}/events.toml"\n')
        with FileLock(f"{copy}.lock"):
            waiting = subprocess.Popen(
                [str(TOOL), "feeds", "refresh"], env=env, stderr=subprocess.PIPE, text=True
            )
            time.sleep(2)
            assert waiting.poll() is None
            assert not copy.exists()
        _, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert "Test calendar" in copy.read_text()


# --- output errors ----------------------------------------------------------------------------


def tool(*args: str, stdout: object, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    return subprocess.run(
        [str(TOOL), "--today", "2022-01-01", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )


def test_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = tool("list", "--format", "json", stdout=full, tmp_path=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "itu-timeline: error: cannot write the output: No space left on device\n"
    )


def test_a_closed_pipe_ends_quietly_as_cat_does(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        f"'{TOOL}' --today 2022-01-01 list --format json | head -1; echo \"${{PIPESTATUS[0]}}\"",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        env=env,
        check=True,
    )
    assert done.stdout.decode().splitlines() == ["[", "141"]  # 128 + SIGPIPE
    assert done.stderr == b""


def test_an_export_to_a_full_disk_leaves_no_partial_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "kept.ics"
    target.write_text("the old feed")
    with open("/dev/full", "wb") as full:
        done = tool("export", "-o", "/dev/full", stdout=full, tmp_path=tmp_path)
    assert done.returncode == 2
    assert b"/dev/full: cannot write: No space left on device" in done.stderr
    assert target.read_text() == "the old feed"


# --- one writer -------------------------------------------------------------------------------

WRITING_CALLS = {"write_text", "write_bytes", "mkstemp", "NamedTemporaryFile", "fdopen", "replace"}


def writes_outside_the_writing_modules() -> list[str]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).as_posix() in ("base/atomic.py", "base/folders.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            modes += [k.value.value for k in node.keywords if k.arg == "mode"
                      and isinstance(k.value, ast.Constant)]  # fmt: skip
            opens_to_write = name == "open" and any(set("wax+") & set(str(m)) for m in modes)
            on_os = isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) == "os"
            if (name in WRITING_CALLS and (name != "replace" or on_os)) or opens_to_write:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {name}")
    return sorted(found)


def test_nothing_but_the_two_writing_modules_opens_files_for_writing() -> None:
    assert writes_outside_the_writing_modules() == []


def test_the_check_would_see_a_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "itu_timeline"
    (copy / "core").mkdir(parents=True)
    (copy / "core" / "sneaky.py").write_text(
        "open('x', 'w').write('y')\nPath('z').write_text('')\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", copy)
    assert writes_outside_the_writing_modules() == [
        "core/sneaky.py:1: open",
        "core/sneaky.py:2: write_text",
    ]
