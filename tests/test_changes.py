"""What changed, with a feed served by a web server on 127.0.0.1: a refresh in which a
meeting's dates move and a deadline is added is one line from `feeds refresh`, two entries of
`changes` (old and new values, the feed), told once by `remind`, listed by `digest` and on
the published page, and the exported event's SEQUENCE rises."""

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from .conftest import as_user, static_server
from .test_letter_cli import CORRIGENDUM, LETTER

COUNCIL = """schema = 2
name = "ITU governance"
timezone = "Europe/Zurich"

[[events]]
id = "council-2027"
title = "ITU Council 2027"
body = "ITU"
kind = "council"
start = {start}
end = {end}
location = "Geneva"
source = "https://council.itu.int/2027/"
{deadline}"""
DEADLINE = """
[[events.deadlines]]
name = "Contributions from Member States"
at = 2027-05-28
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "site"
    folder.mkdir()
    serve(folder, start="2027-06-10", end="2027-06-18")
    with static_server(folder) as url:
        yield folder, url


def serve(folder: Path, start: str, end: str, deadline: str = "") -> None:
    path = folder / "itu.toml"
    stamp = path.stat().st_mtime + 10 if path.exists() else None
    path.write_text(COUNCIL.format(start=start, end=end, deadline=deadline))
    if stamp:
        os.utime(path, (stamp, stamp))  # a later Last-Modified than the last fetch saw


cli = as_user


@pytest.fixture
def moved(site: tuple[Path, str], home: dict[str, str]) -> Result:
    """Subscribed on 19 May, refreshed on 20 May with the dates moved and a deadline added."""
    folder, url = site
    assert (
        cli(home, "2027-05-19", "feeds", "add", f"{url}/itu.toml", "--name", "itu").exit_code == 0
    )
    assert cli(home, "2027-05-19", "feeds", "refresh").stdout == ""  # nothing changed: silent
    serve(folder, start="2027-06-17", end="2027-06-25", deadline=DEADLINE)
    return cli(home, "2027-05-20", "feeds", "refresh")


def test_a_refresh_that_changed_something_says_so_in_one_line(moved: Result) -> None:
    assert moved.exit_code == 0, moved.stderr
    [line] = moved.stdout.splitlines()
    assert line == (
        "6 changes from feed itu (dates moved 1, deadline added 1, deadline moved 3,"
        " deadline removed 1); run itu-timeline changes to see them"
    )  # three deadlines of the bundled rules for Council sessions moved with it, and the
    # rule's contributions deadline gave way to the one the feed now prints


def test_changes_lists_the_moved_dates_and_the_new_deadline(
    moved: Result, home: dict[str, str]
) -> None:
    records = json.loads(cli(home, "2027-05-20", "changes", "--format", "json").stdout)
    by_change = {r["change"]: r for r in records}
    dates, deadline = by_change["dates"], by_change["deadline-added"]
    assert (dates["old"], dates["new"]) == ("2027-06-10..2027-06-18", "2027-06-17..2027-06-25")
    assert (deadline["deadline"], deadline["old"], deadline["new"]) == (
        "Contributions from Member States",
        None,
        "2027-05-28",
    )
    assert {(r["feed"], r["event_id"], r["recorded"]) for r in records} == {
        ("itu", "council-2027", "2027-05-20T00:00:00+00:00")
    }
    assert dates["text"] == (
        "ITU Council 2027: dates 2027-06-10..2027-06-18 → 2027-06-17..2027-06-25"
        " (feed itu, refreshed 2027-05-20)"
    )
    plain = cli(home, "2027-05-20", "changes", "--format", "plain").stdout
    assert "council-2027  ITU Council 2027: dates 2027-06-10..2027-06-18 →" in plain
    assert cli(home, "2027-05-20", "changes", "--body", "ITU-T", "-f", "json").stdout == "[]\n"
    assert cli(home, "2027-07-30", "changes", "-f", "json").stdout == "[]\n"  # beyond 30 days
    since = cli(home, "2027-07-30", "changes", "--since", "2027-05", "-f", "json").stdout
    assert len(json.loads(since)) == len(records)


def test_remind_tells_a_change_once(moved: Result, home: dict[str, str], tmp_path: Path) -> None:
    state = str(tmp_path / "remind.toml")
    told = cli(home, "2027-05-20", "remind", "--state", state).stdout
    changed = [line for line in told.splitlines() if line.startswith("~ ")]
    assert any("dates 2027-06-10..2027-06-18 → 2027-06-17..2027-06-25" in c for c in changed)
    assert any("deadline added: Contributions from Member States, 2027-05-28" in c for c in changed)
    assert cli(home, "2027-05-20", "remind", "--state", state).stdout == ""
    later = cli(home, "2027-05-21", "remind", "--state", state).stdout
    assert "~ " not in later  # the deadline's own 7-day threshold may speak; the change does not


def test_digest_and_the_page_show_what_changed(
    moved: Result, home: dict[str, str], tmp_path: Path
) -> None:
    digest = cli(home, "2027-05-20", "digest").stdout
    assert "## Changed this week" in digest
    assert "ITU Council 2027: dates 2027-06-10..2027-06-18 → 2027-06-17..2027-06-25" in digest
    assert cli(home, "2027-05-20", "publish", str(tmp_path / "site-out")).exit_code == 0
    page = (tmp_path / "site-out" / "index.html").read_text()
    assert "Recently changed" in page
    assert "deadline added: Contributions from Member States, 2027-05-28" in page
    french = (tmp_path / "site-out" / "fr" / "index.html").read_text()
    assert "échéance ajoutée : Contributions from Member States, 2027-05-28" in french
    assert "deadline added" not in french  # each page tells the changes in its own language


def test_the_exported_sequence_of_a_changed_event_rises(
    site: tuple[Path, str], home: dict[str, str]
) -> None:
    folder, url = site
    assert (
        cli(home, "2027-05-19", "feeds", "add", f"{url}/itu.toml", "--name", "itu").exit_code == 0
    )
    first = cli(home, "2027-05-19", "export", "--feed", "itu").stdout.splitlines()
    serve(folder, start="2027-06-17", end="2027-06-25")
    assert cli(home, "2027-05-20", "feeds", "refresh").exit_code == 0
    second = cli(home, "2027-05-20", "export", "--feed", "itu").stdout.splitlines()
    assert "SEQUENCE:0" in first
    assert "SEQUENCE:1" in second


def test_an_edit_and_an_import_are_recorded_with_their_file(
    home: dict[str, str], tmp_path: Path
) -> None:
    added = cli(home, "2027-05-19", "add", "--id", "consult", "--title", "National consultation",
                "--start", "2027-06-01", "--body", "other", "--kind", "preparatory")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert (
        cli(
            home, "2027-05-20", "edit", "consult", "--start", "2027-06-08", "--end", "2027-06-08"
        ).exit_code
        == 0
    )
    ics = tmp_path / "apg.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:a@apt.int\r\n"
        "DTSTART;VALUE=DATE:20270801\r\nSUMMARY:APG27-6\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert cli(home, "2027-05-21", "import", str(ics)).exit_code == 0
    records = json.loads(cli(home, "2027-05-21", "changes", "-f", "json").stdout)
    mine = str(Path(home["XDG_DATA_HOME"]) / "itu-timeline" / "events.toml")
    assert records[1]["text"] == (
        f"National consultation: dates 2027-06-01 → 2027-06-08 (edited in {mine}, 2027-05-20)"
    )
    assert [(r["change"], r["source"], r["file"], r["old"], r["new"]) for r in records] == [
        ("added", "import", str(ics), None, "2027-08-01"),
        ("dates", "edit", mine, "2027-06-01", "2027-06-08"),
        ("added", "edit", mine, None, "2027-06-01"),
    ]


def test_a_hostile_title_stays_text_in_every_telling(
    site: tuple[Path, str], home: dict[str, str], tmp_path: Path
) -> None:
    folder, url = site
    assert (
        cli(home, "2027-05-19", "feeds", "add", f"{url}/itu.toml", "--name", "itu").exit_code == 0
    )
    hostile = (
        (folder / "itu.toml")
        .read_text()
        .replace('title = "ITU Council 2027"', 'title = "Council \\u001b[2J[bold]<b>x</b>"')
    )
    (folder / "itu.toml").write_text(hostile.replace("2027-06-10", "2027-06-11"))
    os.utime(folder / "itu.toml", (2e9, 2e9))
    assert cli(home, "2027-05-20", "feeds", "refresh").exit_code == 0
    for args in (["changes", "-f", "plain"], ["changes", "-f", "table"], ["digest", "-f", "text"],
                 ["remind", "--state", str(tmp_path / "r.toml")]):  # fmt: skip
        out = cli(home, "2027-05-20", *args).stdout
        assert "Council" in out
        assert "\x1b" not in out
    assert cli(home, "2027-05-20", "publish", str(tmp_path / "out")).exit_code == 0
    assert "&lt;b&gt;x&lt;/b&gt;" in (tmp_path / "out" / "index.html").read_text()


def test_a_letter_added_and_its_corrigendum_are_recorded(
    home: dict[str, str], tmp_path: Path
) -> None:
    letter, corrigendum = tmp_path / "letter.txt", tmp_path / "corrigendum.txt"
    letter.write_text(LETTER)
    corrigendum.write_text(CORRIGENDUM)
    assert cli(home, "2018-01-01", "letter", str(letter), "--add").exit_code == 0
    assert cli(home, "2018-01-02", "letter", str(corrigendum), "--add").exit_code == 0
    records = json.loads(cli(home, "2018-01-02", "changes", "-f", "json").stdout)
    told = [(r["change"], r["source"], r["old"], r["new"]) for r in records]
    assert told[0] == ("dates", "letter", "2018-04-09..2018-04-18", "2018-04-16..2018-04-25")
    assert told[-1] == ("added", "letter", None, "2018-04-09..2018-04-18")
    assert {c for c, *_ in told[1:-1]} == {"deadline-moved"}  # the deadlines before the dates
    assert records[0]["text"].endswith(
        "(from the letter Corrigendum 1 to TSB Collective letter 2/3, 2018-01-02)"
    )


def test_what_changed_is_told_in_the_language_and_its_json_stays_english(
    moved: Result, site: tuple[Path, str], home: dict[str, str], tmp_path: Path
) -> None:
    """The sentences (and the refresh's line, `remind`'s lines, the headers) in French and
    Russian; the log's values, the event's title and the feed's name as they are; JSON and
    CSV the same bytes in every language."""
    for fmt in ("json", "csv"):
        english = cli(home, "2027-05-20", "changes", "--format", fmt).stdout
        for lang in ("ar", "es", "fr", "ru", "zh"):
            said = cli(home, "2027-05-20", "--lang", lang, "changes", "--format", fmt).stdout
            assert said == english, (lang, fmt)
    french = cli(home, "2027-05-20", "--lang", "fr", "changes", "--format", "plain").stdout
    assert (
        "council-2027  ITU Council 2027 : dates 2027-06-10..2027-06-18 → 2027-06-17..2027-06-25"
        " (flux itu, actualisé le 2027-05-20)"
    ) in french
    table = cli(home, "2027-05-20", "--lang", "fr", "changes", "--format", "table").stdout
    assert "Jour" in table
    assert "Modification" in table
    state = str(tmp_path / "remind.toml")
    russian = cli(home, "2027-05-20", "--lang", "ru", "remind", "--state", state).stdout
    assert (
        "~ 2027-05-28  изменено  ITU  council-2027  ITU Council 2027: добавлен срок: "
        "Contributions from Member States, 2027-05-28 (подписка itu, обновлено 2027-05-20)"
    ) in russian.splitlines()
    serve(site[0], start="2027-06-24", end="2027-07-02", deadline=DEADLINE)
    refreshed = cli(home, "2027-05-21", "--lang", "fr", "feeds", "refresh").stdout
    assert refreshed.startswith("4 modifications venant de flux itu (dates déplacées 1, ")
    assert refreshed.endswith("; lancez itu-timeline changes pour les voir\n")
    assert "déplacées" not in cli(home, "2027-05-21", "changes", "-f", "json").stdout


def test_feeds_list_speaks_the_language_and_its_json_stays_english(
    moved: Result, home: dict[str, str]
) -> None:
    english = cli(home, "2027-05-20", "feeds", "list", "--format", "json").stdout
    assert '"age": "0 days ago"' in english or '"age": "just now"' in english
    for lang in ("ar", "es", "fr", "ru", "zh"):
        said = cli(home, "2027-05-20", "--lang", lang, "feeds", "list", "--format", "json")
        assert said.stdout == english, lang
    table = cli(home, "2027-05-20", "--lang", "fr", "feeds", "list", "--format", "table").stdout
    assert "Nom" in table
    assert "Dernière" in table  # "Dernière erreur", folded to fit 80 columns
    plain = cli(home, "2027-05-20", "--lang", "es", "feeds", "list", "--format", "plain").stdout
    assert plain.startswith("itu  ")
    assert "  1 evento  descargado " in plain
