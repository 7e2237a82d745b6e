"""add, edit, remove, import, fmt: every change locked, validated and atomic; nothing lost."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest

from itu_timeline.core.deadlines import all_deadlines
from itu_timeline.core.loader import bundled_path, load

from .conftest import HEADER, RULED, SAMPLE, Run, WriteCalendar

DATA = Path(__file__).parent / "data"
NEW_EVENT = (
    "add",
    "--id",
    "rpm-2027",
    "--title",
    "Regional preparatory meeting",
    "--start",
    "2027-02-08",
    "--end",
    "2027-02-10",
    "--body",
    "ATU",
    "--kind",
    "preparatory",
    "--location",
    "Nairobi",
    "--tag",
    "radio-spectrum",
    "--deadline",
    "Proposals@-3w",
)


def canonical(write_calendar: WriteCalendar) -> Path:
    """The sample calendar in tomli-w form, as the editing commands keep files."""
    from itu_timeline.store import toml_text

    path = write_calendar()
    path.write_text(toml_text.dumps(tomllib.loads(path.read_text())))
    return path


def test_add_appends_only_the_new_events_lines_and_list_shows_it(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = canonical(write_calendar)
    before = path.read_text()
    result = run(*NEW_EVENT, "--calendar", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "rpm-2027\n"
    after = path.read_text()
    assert after.startswith(before)
    added = after[len(before) :]
    assert added.startswith('\n[[events]]\nid = "rpm-2027"\n')
    assert "updated = 2026-06-01" in added
    listed = json.loads(run("list", "--body", "ATU", "-f", "json", calendars=[path]).stdout)
    assert [e["id"] for e in listed] == ["rpm-2027"]


def test_edit_changes_only_that_events_lines_and_bumps_revision(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = canonical(write_calendar)
    before = path.read_text().split("\n[[events]]\n")
    result = run(
        "edit",
        "sg2-2026-09",
        "--location",
        "Geneva",
        "--clear",
        "end",
        "--calendar",
        str(path),
        calendars=[path],
    )
    assert result.exit_code == 0, result.stderr
    after = path.read_text().split("\n[[events]]\n")
    changed = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [3]  # the header, c26, sg17, then sg2
    assert after[3] == before[3].replace("end = 2026-09-18\n", "") + (
        'location = "Geneva"\nrevision = 1\nupdated = 2026-06-01\n'
    )
    again = run(
        "edit", "sg2-2026-09", "--status", "tentative", "--calendar", str(path), calendars=[path]
    )
    assert again.exit_code == 0
    assert "revision = 2" in path.read_text()


def test_remove_then_add_of_the_same_data_gives_back_the_same_file(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = canonical(write_calendar)
    assert run(*NEW_EVENT, "--calendar", str(path)).exit_code == 0
    with_event = path.read_bytes()
    removed = run("remove", "rpm-2027", "--yes", "--calendar", str(path))
    assert removed.exit_code == 0, removed.stderr
    assert b"rpm-2027" not in path.read_bytes()
    assert run(*NEW_EVENT, "--calendar", str(path)).exit_code == 0
    assert path.read_bytes() == with_event


def test_add_without_id_makes_one_and_the_user_file_is_created(run: Run, tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    result = run(
        "add",
        "--title",
        "Réunion nationale: PP-30",
        "--start",
        "+1m",
        "--body",
        "other",
        "--kind",
        "preparatory",
        env=env,
        calendars=[],  # no calendar named: the change goes into the user's own file
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "reunion-nationale-pp-30-2026\n"
    assert "id made from the title and start" in result.stderr
    created = tmp_path / "data" / "itu-timeline" / "events.toml"
    assert tomllib.loads(created.read_text())["events"][0]["start"].isoformat() == "2026-07-01"


def test_editing_a_bundled_event_writes_an_override_into_the_user_file(
    run: Run, tmp_path: Path
) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path)}
    bundled_before = bundled_path().read_bytes()
    result = run("edit", "igf-2026", "--status", "confirmed", calendars=[], env=env)
    assert result.exit_code == 0, result.stderr
    assert bundled_path().read_bytes() == bundled_before
    user = tmp_path / "itu-timeline" / "events.toml"
    shown = run("list", "-s", "igf-2026", "-f", "json", calendars=[], env=env)
    [event] = json.loads(shown.stdout)
    assert (event["status"], event["revision"]) == ("confirmed", 1)
    assert 'id = "igf-2026"' in user.read_text()


ADD_X = "add --id x --title T --body ITU"
BAD_ARGUMENTS = [
    (f"{ADD_X} --start 2027-01-01 --kind meeting", "--kind: 'meeting' is not one of"),
    (
        f"{ADD_X} --start 2027-01-05 --end 2027-01-01 --kind other",
        "--end: 2027-01-01 is before --start",
    ),
    (f"{ADD_X} --start soon --kind other", "cannot read the date 'soon'"),
    (f"{ADD_X} --start 2027-01-05 --kind other --timezone Mars/Base", "unknown time zone"),
    ("add --id c26 --title T --start 2027-01-05 --body ITU --kind other", "already in this file"),
    ("add --title T", "add needs --start, --body, --kind"),
    ("edit nope --title T", "no event with id 'nope'"),
    ("edit c26 --clear title", "--clear: 'title' cannot be cleared"),
    ("remove nope --yes", "'nope' is not in"),
    ("remove c26", "elsewhere pass --yes"),
]


@pytest.mark.parametrize(("command", "message"), BAD_ARGUMENTS)
def test_bad_arguments_are_one_line_errors_and_leave_the_file_byte_for_byte(
    run: Run, write_calendar: WriteCalendar, command: str, message: str
) -> None:
    path = canonical(write_calendar)
    before = path.read_bytes()
    result = run(*command.split(), "--calendar", str(path), calendars=[path])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(".lock")) == [
        "events.toml"
    ]


ADDER = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from itu_timeline.store.edits import add_event
    from itu_timeline.store.locked import update_file
    path, worker = Path(sys.argv[1]), sys.argv[2]
    for i in range(50):
        fields = {"id": f"w{worker}-{i}", "title": "T", "body": "ITU", "kind": "other",
                  "start": date(2027, 1, 1)}
        update_file(path, lambda doc: add_event(doc, fields), create=True)
""")


def test_two_processes_adding_fifty_events_each_end_with_a_hundred(tmp_path: Path) -> None:
    path = tmp_path / "shared.toml"
    workers = [subprocess.Popen([sys.executable, "-c", ADDER, str(path), str(n)]) for n in (1, 2)]
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    calendar = load([path])
    assert len(calendar.events) == 100
    assert len({e.id for e in calendar.events}) == 100


KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import itu_timeline.base.atomic as atomic
    real_replace = os.replace
    def stop_before_rename(src, dst):
        Path(sys.argv[2]).write_text("written, not renamed")
        time.sleep(60)
    atomic.os.replace = stop_before_rename
    from itu_timeline.cli.main import whole_app
    app = whole_app()
    app(["--today", "2027-01-01", "add", "--id", "new", "--title", "T", "--start", "2027-01-02",
         "--body", "ITU", "--kind", "other", "--calendar", sys.argv[1]])
""")


def test_a_writer_killed_between_write_and_rename_leaves_the_old_file(
    write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = canonical(write_calendar)
    before = path.read_bytes()
    marker = tmp_path / "marker"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path), str(marker)])
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the writer never reached the rename"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert path.read_bytes() == before
    assert len(load([path]).events) == 5


def test_importing_a_real_world_file_twice_is_the_same_as_once(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    ics = DATA / "real-world.ics"
    first = run(
        "--tz", "Europe/Zurich", "import", str(ics), "--calendar", str(target), today="2027-01-01"
    )
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("7 added, 0 updated, 0 unchanged, 0 skipped")
    once = target.read_bytes()
    second = run(
        "--tz", "Europe/Zurich", "import", str(ics), "--calendar", str(target), today="2027-01-02"
    )
    assert second.stdout.startswith("0 added, 0 updated, 7 unchanged")
    assert target.read_bytes() == once
    events = {e.uid: e for e in load([target]).events}
    allday = events["allday-1@example.org"]
    assert (allday.start.isoformat(), allday.end.isoformat()) == ("2027-02-08", "2027-02-10")
    assert (allday.title, allday.location) == (
        "Regional preparatory meeting, Africa (ATU)",
        "Nairobi, Kenya",
    )
    assert (allday.body.value, allday.kind.value) == ("ATU", "preparatory")
    assert events["timed-tzid@example.org"].timezone == "Europe/Zurich"
    assert events["timed-tzid@example.org"].title.endswith(
        "the ITRs and the Internet-related public policy issues"
    )
    late = events["utc-late@example.org"]  # a timed call stays timed, across midnight
    assert (late.timezone, late.start.isoformat(), late.end.isoformat()) == (
        "UTC",
        "2027-04-01T23:00:00",
        "2027-04-02T01:00:00",
    )
    assert events["floating@example.org"].timezone == "Europe/Zurich"
    weekly = sorted(e.first_day.isoformat() for u, e in events.items() if u.startswith("weekly@"))
    assert weekly == ["2027-01-04", "2027-01-11", "2027-01-18"]


def test_an_updated_ics_updates_the_changed_event_only(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    ics = tmp_path / "feed.ics"
    original = (DATA / "real-world.ics").read_bytes()
    ics.write_bytes(original)
    run("import", str(ics), "--calendar", str(target), today="2027-01-01")
    ics.write_bytes(original.replace(b"DTEND;VALUE=DATE:20270211", b"DTEND;VALUE=DATE:20270212"))
    result = run("import", str(ics), "--calendar", str(target), today="2027-01-05")
    assert result.stdout.startswith("0 added, 1 updated, 6 unchanged")
    [event] = [e for e in load([target]).events if e.uid == "allday-1@example.org"]
    assert (event.end.isoformat(), event.revision) == ("2027-02-11", 1)


def test_import_dry_run_changes_nothing_and_a_broken_ics_is_an_error(
    run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "mine.toml"
    result = run("import", str(DATA / "real-world.ics"), "--calendar", str(target), "--dry-run")
    assert result.stdout.startswith("7 added")
    assert not target.exists()
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nthis is not")
    bad = run("import", str(broken), "--calendar", str(target))
    assert bad.exit_code == 2
    assert "not a valid iCalendar file" in bad.stderr


def test_fmt_rewrites_in_canonical_form_and_refuses_invalid_files(
    run: Run, write_calendar: WriteCalendar
) -> None:
    from itu_timeline.store import toml_text

    path = write_calendar(SAMPLE.replace("schema = 1", "schema = 2"))
    assert run("fmt", str(path)).exit_code == 0
    assert path.read_text() == toml_text.dumps(tomllib.loads(SAMPLE.replace("= 1", "= 2", 1)))
    broken = write_calendar(HEADER + '[[events]]\nid = "x"\n', name="broken.toml")
    before = broken.read_bytes()
    assert run("fmt", str(broken)).exit_code == 2
    assert broken.read_bytes() == before


def test_fmt_upgrades_a_schema_1_file_to_schema_2_that_means_the_same(
    run: Run, write_calendar: WriteCalendar
) -> None:
    """What schema 1 left unsaid (one-day events, 23:59 deadlines) is written out."""
    one_day = (
        '[[events]]\nid = "d"\ntitle = "D"\nbody = "ITU"\nkind = "other"\nstart = 2027-05-01\n'
    )
    own = '[[events.deadlines]]\nname = "Own"\nat = 2027-04-01\n'
    path = write_calendar(RULED + one_day + own)
    before = load([path])
    result = run("fmt", str(path), calendars=[path])
    assert result.exit_code == 0
    assert f"upgraded {path} to schema 2" in result.stderr
    text = path.read_text()
    assert text.startswith("schema = 2\n")
    assert 'time = "23:59"' in text or "time = 23:59:00" in text
    after = load([path])
    assert after.events == before.events
    assert all_deadlines(after) == all_deadlines(before)
    again = run("fmt", str(path), calendars=[path])
    assert (again.exit_code, again.stderr, path.read_text()) == (0, "", text)


def test_the_bundled_file_is_in_the_form_fmt_writes(run: Run, tmp_path: Path) -> None:
    copy = tmp_path / "events.toml"
    copy.write_bytes(bundled_path().read_bytes())
    assert run("fmt", str(copy)).exit_code == 0
    assert copy.read_bytes() == bundled_path().read_bytes()


def test_edit_changes_an_event_in_the_file_named_even_when_no_calendar_in_use_has_it(
    run: Run, tmp_path: Path
) -> None:
    """`--calendar FILE` is the file to change: an event only there is found there."""
    path = tmp_path / "elsewhere.toml"
    run(
        *("add", "--id", "wp5d-2027-02", "--title", "WP 5D", "--body", "ITU-R"),
        *("--kind", "working-group", "--start", "2027-02-01", "--end", "2027-02-10"),
        *("--calendar", str(path)),
    )
    result = run("edit", "wp5d-2027-02", "--end", "2027-02-11", "--calendar", str(path))
    assert result.exit_code == 0, result.stderr
    assert "end = 2027-02-11" in path.read_text()
