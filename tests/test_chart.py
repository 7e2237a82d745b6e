"""The chart's structure: bars, markers and today where the dates put them, at any width."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from itu_timeline.core.loader import bundled_path
from itu_timeline.render.chart import label_width

from .conftest import HEADER, Run, WriteCalendar

YEAR = (
    HEADER
    + """
[[events]]
id = "march"
title = "A meeting for all of March"
body = "ITU-T"
kind = "study-group"
start = 2027-03-01
end = 2027-03-31

[[events.deadlines]]
name = "Contributions"
at = 2027-02-15

[[events]]
id = "one-day"
title = "One day in October"
body = "ITU"
kind = "council"
start = 2027-10-20
"""
)
FIRST, LAST = date(2027, 1, 1), date(2027, 12, 31)


def column(day: date, width: int) -> int:
    """Where the README says day `day` goes: after the titles, floor(offset * W / days)."""
    labels = label_width(width)
    timeline = width - labels - 1
    return labels + 1 + (day - FIRST).days * timeline // ((LAST - FIRST).days + 1)


def chart(run: Run, path: Path, width: int) -> list[str]:
    result = run(
        "chart",
        "--from",
        "2027-01",
        "--to",
        "2027-12",
        "--width",
        str(width),
        calendars=[path],
        today="2027-01-15",
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def row(lines: list[str], title_start: str) -> str:
    return next(line for line in lines if line.startswith(title_start))


@pytest.mark.parametrize("width", [80, 100, 160])
def test_bars_markers_and_today_sit_in_the_columns_their_dates_imply(
    run: Run, write_calendar: WriteCalendar, width: int
) -> None:
    lines = chart(run, write_calendar(YEAR), width)
    march = row(lines, "A meeting for all")
    assert march.index("=") == column(date(2027, 3, 1), width)
    assert march.rindex("=") == column(date(2027, 4, 1), width) - 1
    assert march.index("*") == column(date(2027, 2, 15), width)
    one_day = row(lines, "One day in October")
    assert one_day.index("=") == one_day.rindex("=") == column(date(2027, 10, 20), width)
    today = row(lines, "today 2027-01-15")
    assert today.index("|") == column(date(2027, 1, 15), width)
    months = lines[1]
    if width >= 100:
        assert months.index("Mar") == column(date(2027, 3, 1), width)
        assert months.index("Oct") == column(date(2027, 10, 1), width)
    assert all(len(line) <= width for line in lines)


def test_groups_have_headers_and_the_legend_names_the_bodies(
    run: Run, write_calendar: WriteCalendar
) -> None:
    lines = chart(run, write_calendar(YEAR), 100)
    labels = label_width(100)
    names = [line[:labels].rstrip() for line in lines]
    assert names.index("ITU") < names.index("One day in October") < names.index("ITU-T")
    assert names.index("ITU-T") + 1 == names.index("A meeting for all of March")
    # plain text has no colour to tell bodies apart: the group headings name them
    assert lines[-1].startswith("= meeting  ~ dates not announced  * deadline  | today")
    by_kind = run(
        "chart",
        "--by",
        "kind",
        "--from",
        "2027",
        "--width",
        "100",
        calendars=[write_calendar(YEAR)],
        today="2027-01-15",
    ).stdout
    assert "council " in by_kind
    assert "study-group " in by_kind


def test_the_bundled_year_fits_80_columns_with_no_escape_codes_when_piped(run: Run) -> None:
    result = run("chart", "--width", "80", calendars=[bundled_path()], today="2026-11-28")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert result.stdout.isascii()


@pytest.mark.parametrize("lang", ["C", "C.UTF-8", "tr_TR.UTF-8", "POSIX"])
def test_the_chart_works_under_any_locale(write_calendar: WriteCalendar, lang: str) -> None:
    path = write_calendar(YEAR)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "LANG": lang,
        "LC_ALL": lang,
        "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "itu_timeline",
            "--calendar",
            str(path),
            "--today",
            "2027-01-15",
            "chart",
            "--from",
            "2027-01",
            "--to",
            "2027-12",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Mar" in done.stdout.splitlines()[1]


def test_saved_svg_parses_and_holds_every_title(run: Run, tmp_path: Path) -> None:
    svg = tmp_path / "year.svg"
    html = tmp_path / "year.html"
    result = run(
        "chart",
        "--from",
        "2026-01",
        "--to",
        "2027-12",
        "--svg",
        str(svg),
        "--html",
        str(html),
        calendars=[bundled_path()],
        today="2026-11-28",
    )
    assert result.exit_code == 0, result.stderr
    root = ET.parse(svg).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    text = text.replace("\xa0", " ")
    for title in (
        "Plenipotentiary Conference 2026 (PP-26)",
        "ITU Council 2027 (ordinary session)",
        "Internet Governance Forum 2026 (21st IGF)",
    ):
        assert title in text
    assert "deadline" in text  # the legend
    assert "<html" in html.read_text().lower()


def test_show_ends_with_a_small_chart_of_the_event_and_its_deadlines(
    run: Run, write_calendar: WriteCalendar
) -> None:
    lines = run(
        "show", "march", calendars=[write_calendar(YEAR)], today="2027-01-15"
    ).stdout.splitlines()
    bar = row(lines, "A meeting for all")
    assert bar.count("*") == 1
    assert bar.index("*") < bar.index("=")
