"""A newcomer's afternoon: the rough edges that make people doubt the rest, each checked."""

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from itu_timeline.cli.main import whole_app
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.text import MONTHS
from itu_timeline.render.chart import Scale, label_width

from .conftest import SAMPLE, Run, WriteCalendar

app = whole_app()

BUNDLED = [bundled_path()]
NEW = ("--body", "ITU", "--kind", "other")


# --- the chart's months ---------------------------------------------------------------------


def add(
    run: Run,
    path: Path,
    *options: str,
    new: tuple[str, ...] = NEW,
    before: tuple[str, ...] = (),
) -> Result:
    """`add` into the calendar file `path` alone, with a body and kind unless `new` says."""
    return run(*before, "add", *options, *new, "--calendar", str(path), calendars=[path])


def month_day_at(scale: Scale, column: int) -> date:
    """The last day drawn in a column (a label stands over the month that column is in)."""
    day = scale.first
    while day < scale.last and scale.column(day + timedelta(days=1)) <= column:
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize("width", [60, 80, 120, 200])
@pytest.mark.parametrize("today", ["2026-11-01", "2026-11-10", "2026-11-30", "2026-06-10"])
def test_every_month_label_stands_over_its_month_and_every_year_is_named(
    run: Run, width: int, today: str
) -> None:
    result = run("chart", "--width", str(width), calendars=BUNDLED, today=today)
    years_row, months_row = result.stdout.splitlines()[:2]
    labels = label_width(width) + 1
    first = date.fromisoformat(today)
    scale = Scale(first, first.replace(year=first.year + 1) - timedelta(days=1), width - labels)
    found = [(m.start() - labels, m.group()) for m in re.finditer(r"[A-Z][a-z]*", months_row)]
    assert len(found) >= 10  # a label for (nearly) every month
    for column, label in found:
        day = month_day_at(scale, column)
        assert MONTHS[day.month - 1].startswith(label), (column, label, day)
    named = {int(y) for y in re.findall(r"\d{4}", years_row)}
    # A first year too short for its label is named by the "today" row, never in the
    # title column of the years row (that column is for titles).
    assert years_row[: labels - 1].strip() == ""
    today_row = result.stdout.splitlines()[2]
    assert named | {int(y) for y in re.findall(r"\d{4}", today_row)} >= {
        scale.first.year,
        scale.last.year,
    }


def test_december_is_labelled_when_november_has_begun(run: Run) -> None:
    result = run("chart", "--width", "80", calendars=BUNDLED, today="2026-11-29")
    assert "Dec Jan" in result.stdout.splitlines()[1]
    assert "2027" in result.stdout.splitlines()[0]


# --- dates in order -------------------------------------------------------------------------


def test_upcoming_and_remind_print_in_the_order_of_the_days_they_show(
    run: Run, tmp_path: Path
) -> None:
    for args in (("upcoming", "--days", "60"), ("remind", "--at", "60", "--dry-run")):
        lines = run(*args, calendars=BUNDLED, today="2026-11-29").stdout.splitlines()
        days = [line[2:12] for line in lines if re.match(r"..\d{4}-\d\d-\d\d", line)]
        assert days == sorted(days), args
    records = json.loads(
        run("upcoming", "--days", "60", "-f", "json", calendars=BUNDLED, today="2026-11-29").stdout
    )
    dated = [r["date"] for r in records if r["date"]]
    assert dated == sorted(dated)


def test_a_deadline_shown_a_day_earlier_comes_first(
    run: Run, write_calendar: WriteCalendar
) -> None:
    calendar = write_calendar(
        SAMPLE + '\n[[events]]\nid = "nairobi"\ntitle = "In Nairobi"\n'
        'body = "UN"\nkind = "forum"\nstart = 2026-12-14\nend = 2026-12-18\n'
        'timezone = "Africa/Nairobi"\n\n[[events]]\nid = "zurich"\n'
        'title = "Z"\nbody = "ITU"\nkind = "other"\nstart = 2026-12-20\n'
        '\n[[events.deadlines]]\nname = "Due"\nat = 2026-12-13T23:59:00\n'
    )
    lines = run(
        "--tz", "Europe/Zurich", "upcoming", calendars=[calendar], today="2026-11-29"
    ).stdout.splitlines()
    order = [line[2:12] for line in lines]
    assert order.index("2026-12-13") < order.index("2026-12-14")


# --- narrow terminals -----------------------------------------------------------------------


@pytest.mark.parametrize("command", [("upcoming", "--days", "60"), ("list", "--from", "2026-11")])
def test_at_60_columns_nothing_is_cut(command: tuple[str, ...]) -> None:
    args = ["--today", "2026-10-01", "-c", str(bundled_path()), *command, "-f", "table"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "60"}, terminal_width=60)
    lines = result.stdout.splitlines()
    assert lines
    assert all(len(line) <= 60 for line in lines)
    assert all(line.endswith(("┓", "┃", "┩", "│", "┤", "┘")) for line in lines if line)
    if command[0] == "list":
        assert "Where" in "\n".join(lines[:4])


# --- options where people put them ----------------------------------------------------------


def test_global_options_after_the_command(run: Run) -> None:
    after = run("upcoming", "--tz", "Asia/Tokyo", "--today", "2026-10-01", calendars=BUNDLED)
    before = run("--tz", "Asia/Tokyo", "--today", "2026-10-01", "upcoming", calendars=BUNDLED)
    assert after.exit_code == 0
    assert after.stdout == before.stdout
    assert "JST" in after.stdout


def test_a_bad_choice_is_one_line_with_the_choices(run: Run) -> None:
    result = run("list", "--body", "FOO")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "'FOO' is not one of" in result.stderr
    assert "itu-t" in result.stderr.casefold()


# --- add and edit -----------------------------------------------------------------------------


def test_month_and_year_precision_need_no_end(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    month = add(run, path, "--title", "Consultation", "--start", "2027-06", "--precision", "month")
    year = add(run, path, "--title", "Summit", "--start", "2028", "--precision", "year")
    assert (month.exit_code, year.exit_code) == (0, 0), month.stderr + year.stderr
    events = {e.id: e for e in load([path]).events}
    assert (events["consultation-2027"].first_day, events["consultation-2027"].last_day) == (
        date(2027, 6, 1),
        date(2027, 6, 30),
    )
    assert events["summit-2028"].last_day == date(2028, 12, 31)


def test_choices_in_any_case(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    result = add(run, path, "--title", "T", "--start", "2027-01-05", "--body", "itu-t",
                 "--kind", "Council", new=())  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [event] = load([path]).events
    assert (event.body.value, event.kind.value) == ("ITU-T", "council")


def test_a_deadline_without_its_minus_sign_names_the_relative_form(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "mine.toml"
    result = add(run, path, "--title", "T", "--start", "2027-01-05", "--deadline", "Comments@14d")
    assert result.exit_code == 2
    assert "a deadline before the start is -14d" in result.stderr


def test_edit_deadline_replaces_and_remove_deadline_removes(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(SAMPLE.replace("schema = 1", "schema = 2"))
    for when in ("-3d", "-5d"):
        result = run("edit", "c26", "--deadline", f"Skipped@{when}", calendars=[path])
        assert result.exit_code == 0, result.stderr
    [c26] = [e for e in load([path]).events if e.id == "c26"]
    assert [(d.name, d.before) for d in c26.deadlines] == [("Skipped", "5 days")]
    assert run("edit", "c26", "--remove-deadline", "skipped", calendars=[path]).exit_code == 0
    [c26] = [e for e in load([path]).events if e.id == "c26"]
    assert c26.deadlines == ()
    missing = run("edit", "c26", "--remove-deadline", "nothing", calendars=[path])
    assert missing.exit_code == 2
    assert (
        "--remove-deadline: the event has no deadline of its own called 'nothing'" in missing.stderr
    )


def test_the_same_add_twice_is_refused(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    args = ("--title", "Twice", "--start", "2029-01-05")
    assert add(run, path, *args).exit_code == 0
    again = add(run, path, *args)
    assert again.exit_code == 2
    assert "'twice-2029' in" in again.stderr
    assert "has the same title and start" in again.stderr


def test_every_bad_value_is_reported_and_a_url_must_be_one(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    result = add(run, path, "--title", "T", "--start", "someday", "--body", "nobody",
                 "--kind", "other", "--url", "not a url", new=())  # fmt: skip
    assert result.exit_code == 2
    assert "--start: cannot read the date 'someday'" in result.stderr
    assert "--body: 'nobody' is not one of" in result.stderr
    assert "--url: 'not a url' is not a web address" in result.stderr
    assert "isoformat" not in result.stderr
    assert not path.exists()


def test_a_new_event_takes_the_display_zone_not_utc(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    result = add(run, path, "--title", "T", "--start", "2029-11-03",
                 "--deadline", "Comments@-14d", before=("--tz", "Europe/Zurich"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [event] = load([path]).events
    assert event.timezone == "Europe/Zurich"


# --- small things ---------------------------------------------------------------------------


def test_small_things(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("show", "PP-26", calendars=BUNDLED).exit_code == 0
    found = run("list", "-s", "lillestrom", calendars=BUNDLED).stdout
    assert "igf-2025" in found
    backwards = run("list", "--from", "2027-03", "--to", "2027-02")
    assert backwards.exit_code == 2
    assert "--to 2027-02-28 is before --from 2027-03-01" in backwards.stderr
    alarm = run("export", "--alarm-events")
    assert alarm.exit_code == 2
    assert "give --alarm too" in alarm.stderr
    bad_date = run("list", "--from", "2027-13")
    assert "isoformat" not in bad_date.stderr
    assert "cannot read the date '2027-13'" in bad_date.stderr


def test_an_empty_no_color_does_not_count_and_urgency_is_also_text(run: Run) -> None:
    colored = run(
        "upcoming", "-f", "table", env={"NO_COLOR": ""}, calendars=BUNDLED, today="2026-10-10"
    )
    plain = run("--no-color", "upcoming", "-f", "table", calendars=BUNDLED, today="2026-10-10")
    assert "!!" in plain.stdout or "! " in plain.stdout
    assert colored.exit_code == 0


def test_a_posix_tz_is_named_in_a_note(run: Run) -> None:
    result = CliRunner().invoke(
        app, ["--today", "2026-10-01", "-c", str(bundled_path()), "upcoming"], env={"TZ": "JST-9"}
    )
    assert "TZ='JST-9' is not an IANA zone name" in result.stderr


def test_fmt_writes_tables_and_warns_about_comments(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "one.toml"
    path.write_text(
        'schema = 2\n# a comment\n[[events]]\nid = "a"\ntitle = "A"\nbody = "ITU"\n'
        'kind = "other"\nstart = 2027-01-01\nend = 2027-01-01\n'
    )
    result = run("fmt", str(path), calendars=[path])
    assert result.exit_code == 0
    assert "[[events]]" in path.read_text()
    assert "events = [" not in path.read_text()
    assert "1 comment dropped" in result.stderr


def test_an_empty_answer_at_a_terminal_says_what_comes_next(run: Run) -> None:
    result = run("upcoming", "-f", "table", "--days", "3", calendars=BUNDLED, today="2026-11-29")
    assert result.stdout == ""
    assert (
        "Nothing starts or is due in the next 3 days; next: igf-2026 in 15 days." in result.stderr
    )
