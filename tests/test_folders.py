"""`publish`'s folder (base/folders.py): DIR is never missing, whatever moment a run is killed
at; a real folder becomes the link in one step; what no build wrote (a CNAME) is kept; what
killed builds left is removed after an hour; builds take turns; the swap is flushed to disk."""

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from filelock import FileLock

import itu_timeline.base.folders as folders

from .conftest import Run

TOOL = Path(sys.executable).parent / "itu-timeline"


def publish(run: Run, site: Path, *args: str) -> str:
    result = run("publish", str(site), *args)
    assert result.exit_code == 0, result.output
    return result.stderr


def hours_ago(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then), follow_symlinks=False)


def beside(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


# --- what publish did not write ---------------------------------------------------------------


def test_a_cname_and_other_files_of_the_user_are_kept_and_said(run: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(run, site)
    (site / "CNAME").write_text("itu.example.org\n")
    (site / ".htaccess").write_text("Options -Indexes\n")
    (site / ".well-known").mkdir()
    (site / ".well-known" / "security.txt").write_text("Contact: me\n")
    (site / "thesis.pdf").symlink_to(tmp_path / "elsewhere.pdf")  # a link stays a link
    said = publish(run, site, "--body", "ITU")
    assert (site / "CNAME").read_text() == "itu.example.org\n"
    assert (site / ".htaccess").read_text() == "Options -Indexes\n"
    assert (site / ".well-known" / "security.txt").read_text() == "Contact: me\n"
    assert os.readlink(site / "thesis.pdf") == str(tmp_path / "elsewhere.pdf")
    assert not (site / "itu-t.ics").exists()  # the first build wrote it; this one does not
    assert (
        "itu-timeline: note: kept what publish did not write, as it was: "
        ".htaccess, .well-known, CNAME, thesis.pdf\n"
    ) in said
    marker = (site / ".itu-timeline-site").read_text().splitlines()
    assert "CNAME" not in marker
    assert "index.html" in marker
    assert "CNAME" in os.listdir(site)  # and kept by the build after that, too
    publish(run, site)
    assert (site / "CNAME").read_text() == "itu.example.org\n"


def test_a_file_of_the_user_with_a_name_the_build_writes_is_refused(
    run: Run, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    publish(run, site, "--body", "ITU")
    (site / "itu-t.ics").write_text("my own feed")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = run("publish", str(site))
    assert result.exit_code == 2
    assert "itu-t.ics: publish did not write it, and this build writes a file" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [n for n in beside(site) if ".build-" in n] == [os.readlink(site)]


def test_a_site_of_an_earlier_version_keeps_only_what_no_build_could_write(
    run: Run, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / ".itu-timeline-site").write_text(
        "A site written by itu-timeline publish; the next build replaces it.\n"
    )
    for name in ("index.html", "itu-d.ics", "CNAME"):
        (site / name).write_text("old")
    publish(run, site)
    assert sorted(p.name for p in site.iterdir() if not p.name.endswith(".ics")) == [
        ".itu-timeline-site", "2026.html", "2027.html", "CNAME", "ar", "es", "events.json",
        "events.toml", "fr", "index.html", "ru", "zh",
    ]  # fmt: skip
    assert not (site / "itu-d.ics").exists()  # the sample calendar has no ITU-D event


# --- DIR is never missing ---------------------------------------------------------------------

KILLED_AT_SWAP = textwrap.dedent("""
    import os, signal, sys
    import itu_timeline.base.folders as folders
    site, moment = sys.argv[1], sys.argv[2]

    def killed_at(step):
        def swap(one, two):
            touches_site = site in (str(one), str(two))
            if touches_site and moment == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            step(one, two)
            if touches_site:
                os.kill(os.getpid(), signal.SIGKILL)
        return swap

    os.rename, os.replace = killed_at(os.rename), killed_at(os.replace)
    folders._exchange = killed_at(folders._exchange)
    from itu_timeline.cli.main import whole_app
    whole_app()(["--today", "2026-06-01", "--calendar", sys.argv[3], "publish", site])
""")


@pytest.mark.parametrize("moment", ["before", "after"])
@pytest.mark.parametrize("was", ["a real folder", "a link"])
def test_a_publish_killed_at_the_swap_leaves_a_whole_site_at_dir(
    run: Run, tmp_path: Path, sample: Path, moment: str, was: str
) -> None:
    """kill -9 just before and just after the step that changes DIR: DIR is the old site or
    the new one, never missing (a move aside, then a rename, left it missing)."""
    site = tmp_path / "site"
    publish(run, site)
    if was == "a real folder":
        built = site.resolve()
        site.unlink()
        built.rename(site)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_SWAP, str(site), moment, str(sample)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert site.is_dir()
    assert (site / "index.html").is_file()
    assert site.is_symlink() == (was == "a link" or moment == "after")
    for leftover in beside(site):
        hours_ago(tmp_path / leftover, 2)
    hours_ago(site.resolve(), 2)  # the build in use is kept however old
    publish(run, site)
    left = [n for n in beside(site) if n != ".site.lock"]
    assert left == [os.readlink(site)]


def test_leftovers_of_killed_builds_go_after_an_hour_and_a_running_builds_stay(
    run: Run, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    publish(run, site)
    in_use = os.readlink(site)
    hours_ago(tmp_path / in_use, 5)
    old, fresh = tmp_path / ".site.build-k1ll3d_0", tmp_path / ".site.build-running"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "index.html").write_text("half a build")
    link = tmp_path / ".site.link-.site.build-k1ll3d_1"
    link.symlink_to(".site.build-k1ll3d_1")
    moved = tmp_path / ".site.old-.site.build-k1ll3d_2"  # left by an earlier version's kill
    moved.mkdir()
    mine = tmp_path / ".site.build-notes"  # not a name a build makes
    mine.mkdir()
    for path in (old, link, moved, mine):
        hours_ago(path, 2)
    publish(run, site)
    assert not old.exists()
    assert not link.is_symlink()
    assert not moved.exists()
    assert fresh.exists()
    assert mine.exists()
    assert not (tmp_path / in_use).exists()  # the build replaced, removed by this one


# --- one step or none -------------------------------------------------------------------------


def test_where_a_real_folder_cannot_be_exchanged_the_build_is_refused_with_what_to_do(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a file system without RENAME_EXCHANGE (this machine's have it)."""

    def unsupported(one: Path, two: Path) -> None:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))

    monkeypatch.setattr(folders, "_exchange", unsupported)
    site = tmp_path / "site"
    site.mkdir()
    result = run("publish", str(site))
    assert result.exit_code == 2
    assert f"move it away once (mv {site} {site}.old) and publish again" in result.stderr
    assert site.is_dir()
    assert not site.is_symlink()
    assert list(site.iterdir()) == []
    assert beside(site) == [".site.lock"]


def test_the_swap_is_flushed_to_disk(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real fsync runs; the test records which folders it was given."""
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            synced.append(info.st_ino)
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    publish(run, tmp_path / "site")
    assert synced[-1] == tmp_path.stat().st_ino  # the folder holding the link, last


def test_a_build_waits_while_another_holds_the_sites_lock(tmp_path: Path, sample: Path) -> None:
    site = tmp_path / "site"
    command = [str(TOOL), "--today", "2026-06-01", "--calendar", str(sample), "publish", str(site)]
    with FileLock(tmp_path / ".site.lock"):
        waiting = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(2)
        assert waiting.poll() is None
        assert not site.exists()
    _, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert (site / "index.html").is_file()
