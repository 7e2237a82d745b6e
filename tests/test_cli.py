"""Wiring of the CLI: formats, streams, exit codes."""

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from .conftest import Run, app

ANSI = re.compile(r"\x1b\[")


def test_list_plain_is_one_stable_line_per_event_sorted_by_start(run: Run) -> None:
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[3] for line in lines] == [
        "c26",
        "sg17-2026-06",
        "sg2-2026-09",
        "pp-26",
        "c27",
    ]
    assert lines[0].startswith("2026-04-28..2026-05-08  ITU    council")
    assert "@ Doha, Qatar" in lines[3]
    assert not ANSI.search(result.stdout)


def test_month_precision_is_shown_as_words_in_every_format(run: Run) -> None:
    label = "June–July 2027 (dates not announced)"
    plain = run("list", "--format", "plain").stdout.splitlines()[-1]
    assert plain.startswith("2027-06..2027-07        ITU    council")
    assert "(June–July 2027, dates not announced)" in plain
    assert label in run("list", "--format", "table").stdout
    record = json.loads(run("list", "--format", "json").stdout)[-1]
    assert (record["id"], record["precision"], record["dates"]) == ("c27", "month", label)


def test_json_and_csv_of_the_same_query_agree(run: Run) -> None:
    query = ("list", "--from", "2026", "--to", "2026", "--body", "ITU-T")
    records = json.loads(run(*query, "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run(*query, "--format", "csv").stdout)))
    assert [r["id"] for r in records] == ["sg17-2026-06", "sg2-2026-09"]
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for record, row in zip(records, rows, strict=True):
        assert row["start"] == record["start"]
        assert row["end"] == record["end"]
        assert row["tags"] == ";".join(record["tags"])
    assert set(records[0]) >= {
        "id",
        "title",
        "body",
        "kind",
        "start",
        "end",
        "precision",
        "location",
        "timezone",
        "status",
        "url",
        "source",
        "tags",
    }
    assert records[1]["location"] is None


def test_relative_and_partial_dates_use_the_pinned_today(run: Run) -> None:
    ids = run("list", "--from", "today", "--to", "+4m", "--format", "json").stdout
    assert [r["id"] for r in json.loads(ids)] == ["sg17-2026-06", "sg2-2026-09"]
    via_env = run(
        "list",
        "--from",
        "today",
        "--to",
        "+3m",
        "-f",
        "json",
        today="2026-01-01",
        env={"ITU_TIMELINE_TODAY": "2026-06-01"},
    )
    assert via_env.stdout != ids  # --today wins over the environment


def test_empty_result_prints_nothing_in_plain_and_an_empty_list_in_json(run: Run) -> None:
    assert run("list", "--from", "2030").stdout == ""
    assert json.loads(run("list", "--from", "2030", "-f", "json").stdout) == []


@pytest.mark.parametrize("args", [[], ["feeds"]])
def test_nothing_after_a_command_prints_its_help_as_help(args: list[str]) -> None:
    result = CliRunner().invoke(app, args, prog_name="itu-timeline")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: itu-timeline")
    assert "Commands:" in result.stderr
    assert "␊" not in result.stderr  # as lines, not as one line of escaped text


def test_a_bad_date_option_is_a_usage_error(run: Run) -> None:
    result = run("list", "--from", "next tuesday")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "cannot read the date 'next tuesday'" in result.stderr


def test_an_unknown_body_is_refused_by_the_option_parser(run: Run) -> None:
    result = run("list", "--body", "ITU-X")
    assert result.exit_code == 2
    assert "ITU-X" in result.stderr


def test_table_uses_no_markup_from_calendar_text(run: Run, write_calendar) -> None:  # type: ignore[no-untyped-def]
    path = write_calendar(
        'schema = 1\n[[events]]\nid = "x"\ntitle = "[bold red]x[/] \\u001b[31m"\n'
        'body = "ITU"\nkind = "other"\nstart = 2026-06-02\n',
        name="hostile.toml",
    )
    table = run("list", "--format", "table", calendars=[path]).stdout
    assert "[bold red]x[/]" in table
    assert "\x1b" not in run("list", calendars=[path]).stdout


def test_version_comes_from_package_metadata(run: Run) -> None:
    result = run("--version")
    assert re.fullmatch(r"itu-timeline \d+\.\d+\.\d+\S*\n", result.stdout)


def test_global_timezone_must_exist(run: Run) -> None:
    result = run("--tz", "Mars/Olympus", "list")
    assert result.exit_code == 2
    assert "unknown time zone 'Mars/Olympus'" in result.stderr


def test_debug_shows_the_real_exception_instead_of_the_message(run: Run) -> None:
    from itu_timeline.base.errors import DateInputError

    plain = run("list", "--from", "soon")
    assert plain.exit_code == 2
    assert plain.exception is None or isinstance(plain.exception, SystemExit)
    debugged = run("--debug", "list", "--from", "soon")
    assert isinstance(debugged.exception, DateInputError)
