"""`letter` on the command line: its outputs, `--add` through the import merge (twice is
nothing, a corrigendum moves the dates), the letter's deadlines over the rules', and the
one-line refusals."""

import json
import tomllib
from pathlib import Path

import pytest

from .conftest import RULED, Run

# In the shape of TSB Collective letter 2/3 (11 December 2017), in our words.
LETTER = """\
International Telecommunication Union
Telecommunication Standardization Bureau
Geneva, 11 December 2017
Ref: / TSB Collective letter 2/3
Subject: / Meeting of Study Group 3; Geneva, 9-18 April 2018
Dear Sir/Madam,
The next meeting of Study Group 3 takes place at ITU headquarters in Geneva from 9 to 18
April 2018. The opening session starts at 0930 hours on the first day.
Key deadlines:
9 February 2018 / - Submit ITU-T Member contributions for which translation is requested
26 February 2018 / - Submit requests for fellowships
9 March 2018 / - Pre-registration
27 March 2018 / - Submit ITU-T Member contributions
Yours faithfully,
"""
CORRIGENDUM = (
    LETTER.replace("Ref: / TSB", "Ref: / Corrigendum 1 to TSB")
    .replace("Geneva, 11 December 2017", "Geneva, 8 January 2018")
    .replace("9-18 April", "16-25 April")
    .replace("from 9 to 18", "from 16 to 25")
    .replace("27 March 2018", "3 April 2018")
)
CUT = LETTER.split("Key deadlines")[0]
# The same meeting in a place that is not in the table of ITU venues.
FAR = LETTER.replace("; Geneva, 9-18", "; Xanadu, Mongolia, 9-18").replace(
    "at ITU headquarters in Geneva from", "in Xanadu from"
)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "cl-2-3.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_gives_the_meeting_and_the_deadlines_as_printed(run: Run, letter: Path) -> None:
    result = run("letter", str(letter), "--format", "json")
    assert result.exit_code == 0, result.output
    (meeting,) = json.loads(result.stdout)
    assert meeting["reference"] == "TSB Collective letter 2/3"
    assert (meeting["start"], meeting["end"], meeting["opening"]) == (
        "2018-04-09", "2018-04-18", "09:30")  # fmt: skip
    assert [d["due"] for d in meeting["deadlines"]] == [
        "2018-02-09", "2018-02-26", "2018-03-09", "2018-03-27"]  # fmt: skip
    assert all(d["stated"] and not d["time_stated"] for d in meeting["deadlines"])
    assert meeting["not_stated"] == []


def test_toml_is_a_calendar_that_validates(run: Run, letter: Path, tmp_path: Path) -> None:
    result = run("letter", str(letter))
    assert result.exit_code == 0, result.output
    (event,) = tomllib.loads(result.stdout)["events"]
    assert event["basis"] == "official"
    assert event["source"] == "TSB Collective letter 2/3 of 2017-12-11"
    assert event["id"] == "itu-t-sg3-meeting-2018"
    assert len(event["deadlines"]) == 4
    calendar = write(tmp_path, "c.toml", "schema = 2\n" + result.stdout)
    assert run("validate", str(calendar), calendars=[calendar]).exit_code == 0


def test_adding_the_same_letter_twice_leaves_the_file_byte_identical(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    target = tmp_path / "mine.toml"
    first = run("letter", str(letter), "--add", "--calendar", str(target))
    assert first.exit_code == 0, first.output
    assert "1 added" in first.stdout
    before = target.read_bytes()
    again = run("letter", str(letter), "--add", "--calendar", str(target), today="2026-06-02")
    assert "1 unchanged" in again.stdout
    assert target.read_bytes() == before


def test_a_corrigendum_moves_the_dates_and_says_so(run: Run, letter: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    run("letter", str(letter), "--add", "--calendar", str(target))
    corrected = write(tmp_path, "corr.txt", CORRIGENDUM)
    result = run("letter", str(corrected), "--add", "--calendar", str(target))
    assert result.exit_code == 0, result.output
    assert "dates 2018-04-09..2018-04-18 → 2018-04-16..2018-04-25" in result.stdout
    (event,) = tomllib.loads(target.read_text(encoding="utf-8"))["events"]
    assert (event["start"].isoformat(), event["revision"]) == ("2018-04-16", 1)
    assert event["source"].startswith("Corrigendum 1 to TSB Collective letter 2/3")


def test_upcoming_shows_the_letters_deadlines_not_the_rules(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    target = write(tmp_path, "mine.toml", RULED_2)
    run("letter", str(letter), "--add", "--calendar", str(target))
    result = run("upcoming", "--days", "120", calendars=[target], today="2018-01-01")
    assert "Submit ITU-T Member contributions" in result.stdout
    assert "Contributions due" not in result.stdout
    shown = run("show", "itu-t-sg3-meeting-2018", calendars=[target], today="2018-01-01")
    assert "(printed in TSB Collective letter 2/3)" in shown.stdout


# A calendar with a rule, in schema 2, where a deadline without a time has only its day.
RULED_2 = RULED.replace("schema = 1", "schema = 2")
# Rules as the bundled calendar has them: each covers two kinds of deadline, of which the
# letter (LETTER) dates one.
TWO_KIND_RULES = RULED_2 + "".join(
    f'\n[[rules]]\nid = "{rule}"\nname = "{name}"\nbefore = "{before}"\n'
    'match = { body = "ITU-T", kind = "study-group" }\n'
    for rule, name, before in (
        ("itut-fellowships", "Fellowship and interpretation requests", "6 weeks"),
        ("itut-preregistration", "Pre-registration and visa support letter requests", "1 month"),
    )
)


def test_a_rule_the_letter_dates_in_part_is_kept_for_the_rest_only(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    """The letter dates fellowships and pre-registration: the rules' deadlines stay only for
    interpretation and visa letters, named so, and `show` says where each comes from."""
    target = write(tmp_path, "mine.toml", TWO_KIND_RULES)
    run("letter", str(letter), "--add", "--calendar", str(target))
    result = run("upcoming", "--days", "120", "--format", "plain", calendars=[target],
                 today="2018-01-01")  # fmt: skip
    assert "Submit requests for fellowships" in result.stdout
    assert "Pre-registration" in result.stdout
    assert "Interpretation requests" in result.stdout
    assert "Visa support letter requests" in result.stdout
    assert "Fellowship and interpretation" not in result.stdout
    assert "and visa support" not in result.stdout
    shown = run("show", "itu-t-sg3-meeting-2018", calendars=[target], today="2018-01-01").stdout
    assert "Interpretation requests (time not stated) (derived from rule itut-fellowships)" in shown
    assert "fellowships (time not stated) (printed in TSB Collective letter 2/3)" in shown


def test_a_letter_cut_before_its_deadlines_gives_none_and_the_rule_stays(
    run: Run, tmp_path: Path
) -> None:
    cut = write(tmp_path, "cut.txt", CUT)
    (meeting,) = json.loads(run("letter", str(cut), "--format", "json").stdout)
    assert meeting["deadlines"] == []
    assert "deadlines" in meeting["not_stated"]
    target = write(tmp_path, "mine.toml", RULED_2)
    run("letter", str(cut), "--add", "--calendar", str(target))
    result = run("upcoming", "--days", "120", calendars=[target], today="2018-01-01")
    assert "Contributions due" in result.stdout


@pytest.mark.parametrize(
    "text", ["Dear all, lunch is at noon on 3 May 2027.\n", "", "%%%\x00\n"], ids=str
)
def test_a_text_that_is_no_letter_is_one_line_and_exit_2(
    run: Run, tmp_path: Path, text: str
) -> None:
    path = write(tmp_path, "note.txt", text)
    result = run("letter", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "note.txt" in result.stderr


def test_an_unknown_place_is_kept_as_written_and_asks_for_a_zone(run: Run, tmp_path: Path) -> None:
    """The place is stated, only its zone is unknown. Printed, the event has no zone and a
    warning names the option; added, it is refused."""
    path = write(tmp_path, "far.txt", FAR)
    (meeting,) = json.loads(run("letter", str(path), "--format", "json").stdout)
    assert (meeting["location"], meeting["format"]) == ("Xanadu, Mongolia", "in-person")
    assert meeting["timezone"] is None
    assert "timezone" in meeting["not_stated"]
    assert "location" not in meeting["not_stated"]
    printed = run("letter", str(path))
    assert printed.exit_code == 0, printed.output
    assert 'location = "Xanadu, Mongolia"' in printed.stdout
    assert "timezone" not in printed.stdout
    assert "Xanadu, Mongolia is not in the table of places the ITU meets; give its zone " \
        "with --timezone ZONE" in printed.stderr  # fmt: skip
    target = tmp_path / "mine.toml"
    refused = run("letter", str(path), "--add", "--calendar", str(target))
    assert refused.exit_code == 2
    assert len(refused.stderr.splitlines()) == 1
    assert "Xanadu, Mongolia" in refused.stderr
    assert "--timezone" in refused.stderr
    assert not target.exists()
    given = run("letter", str(path), "--timezone", "Asia/Ulaanbaatar")
    assert given.exit_code == 0, given.output
    assert 'timezone = "Asia/Ulaanbaatar"' in given.stdout
    assert given.stderr == ""


def test_the_zone_given_is_the_json_zone_and_a_known_place_keeps_its_own(
    run: Run, tmp_path: Path, letter: Path
) -> None:
    path = write(tmp_path, "far.txt", FAR)
    (meeting,) = json.loads(
        run("letter", str(path), "-f", "json", "--timezone", "Asia/Tokyo").stdout
    )
    assert meeting["timezone"] == "Asia/Tokyo"
    assert "timezone" not in meeting["not_stated"]
    kept = run("letter", str(letter), "-f", "json", "--timezone", "Asia/Tokyo")
    assert json.loads(kept.stdout)[0]["timezone"] == "Europe/Zurich"
    assert "--timezone Asia/Tokyo not used: Geneva, Switzerland gives Europe/Zurich" in kept.stderr


def test_an_unknown_zone_names_the_option(run: Run, letter: Path) -> None:
    result = run("letter", str(letter), "--timezone", "Mars/X")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("itu-timeline: error: --timezone: unknown time zone 'Mars/X'")


def test_validate_strict_takes_an_added_letter_as_an_official_source(
    run: Run, tmp_path: Path
) -> None:
    """Nor are a letter's key deadlines of one day taken for one deadline twice."""
    both = LETTER.replace("fellowships\n", "fellowships - Submit requests for interpretation\n")
    path = write(tmp_path, "both.txt", both)
    target = write(tmp_path, "mine.toml", "schema = 2\n")
    assert run("letter", str(path), "--add", "--calendar", str(target)).exit_code == 0
    assert "Submit requests for interpretation" in target.read_text(encoding="utf-8")
    result = run("validate", "--strict", str(target), calendars=[target])
    assert result.exit_code == 0, result.output
    assert "official" not in result.stderr


def test_a_deadline_time_in_utc_keeps_its_zone(run: Run, tmp_path: Path) -> None:
    text = LETTER.replace("27 March 2018 / -", "27 March 2018 (1600 hours UTC) / -")
    path = write(tmp_path, "utc.txt", text)
    (meeting,) = json.loads(run("letter", str(path), "--format", "json").stdout)
    assert meeting["deadlines"][-1]["due"] == "2018-03-27T16:00+00:00"
    assert meeting["deadlines"][-1]["time_stated"] is True


def test_adding_a_letter_says_nothing_moved_of_events_it_does_not_touch(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    """A person's own events have no UID: they are not the letter's, nor one another's."""
    target = write(
        tmp_path,
        "mine.toml",
        "schema = 2\n"
        + "".join(
            f'\n[[events]]\nid = "{i}"\ntitle = "{i}"\nbody = "ITU"\nkind = "other"\n'
            f"start = {day}\nend = {day}\n"
            for i, day in (("late", "2027-09-01"), ("early", "2027-02-01"))
        ),
    )
    result = run("letter", str(letter), "--add", "--calendar", str(target))
    assert result.exit_code == 0, result.output
    assert "→" not in result.stdout
    assert "1 added" in result.stdout


def test_a_schema_1_file_is_refused_as_it_would_make_up_2359(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    """In schema 1 a deadline without a time is due at 23:59; the letter prints only days."""
    target = write(tmp_path, "mine.toml", RULED)
    result = run("letter", str(letter), "--add", "--calendar", str(target))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"upgrade it first with: itu-timeline fmt {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == RULED


def test_a_corrigendum_says_which_deadline_moved(run: Run, letter: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    run("letter", str(letter), "--add", "--calendar", str(target))
    corrected = write(tmp_path, "corr.txt", CORRIGENDUM)
    result = run("letter", str(corrected), "--add", "--calendar", str(target))
    assert "itu-t-sg3-meeting-2018: deadline Submit ITU-T Member contributions 2018-03-27 → " \
        "2018-04-03" in result.stdout  # fmt: skip
    assert result.stdout.count("→") == 2  # the dates and that deadline, nothing else


def test_the_letter_after_its_corrigendum_does_not_undo_it(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    target = tmp_path / "mine.toml"
    corrected = write(tmp_path, "corr.txt", CORRIGENDUM)
    run("letter", str(corrected), "--add", "--calendar", str(target))
    after_corrigendum = target.read_bytes()
    result = run("letter", str(letter), "--add", "--calendar", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == after_corrigendum
    assert "1 from an older letter" in result.stdout
    assert "kept as Corrigendum 1 to TSB Collective letter 2/3 of 2018-01-08 gives it" in (
        result.stderr
    )


@pytest.mark.parametrize("order", ["letter first", "corrigendum first"])
def test_a_letter_and_its_corrigendum_together_give_the_corrigendums_dates(
    run: Run, letter: Path, tmp_path: Path, order: str
) -> None:
    corrected = write(tmp_path, "corr.txt", CORRIGENDUM)
    files = [str(letter), str(corrected)]
    target = tmp_path / "mine.toml"
    result = run("letter", *(files if order == "letter first" else files[::-1]), "--add",
                 "--calendar", str(target))  # fmt: skip
    assert "1 added, 0 updated, 0 unchanged" in result.stdout
    (event,) = tomllib.loads(target.read_text(encoding="utf-8"))["events"]
    assert event["start"].isoformat() == "2018-04-16"


@pytest.mark.parametrize("option", [["--dry-run"], ["--calendar", "x.toml"]])
def test_the_options_of_add_need_add(run: Run, letter: Path, option: list[str]) -> None:
    result = run("letter", str(letter), *option)
    assert result.exit_code == 2
    assert f"{option[0]} goes with --add" in result.stderr


# Another calendar in use that already holds the letter's meeting, its dates not announced
# yet, beside a meeting of another group on the same days.
ANNOUNCED = RULED_2 + "".join(
    f'\n[[events]]\nid = "{i}"\ntitle = "{title}"\nbody = "ITU-T"\nkind = "study-group"\n'
    'start = 2018-01-01\nend = 2018-12-31\nprecision = "year"\n'
    for i, title in (("sg3-2018", "ITU-T Study Group 3 meeting"), ("sg5-2018", "ITU-T SG5"))
)


def test_a_meeting_another_calendar_holds_is_replaced_not_doubled(
    run: Run, letter: Path, tmp_path: Path
) -> None:
    other = write(tmp_path, "other.toml", ANNOUNCED)
    target = write(tmp_path, "mine.toml", "schema = 2\n")
    both = [other, target]
    added = run("letter", str(letter), "--add", "--calendar", str(target), calendars=both)
    assert added.exit_code == 0, added.output
    assert "the same meeting as sg3-2018 of " in added.stderr
    (event,) = tomllib.loads(target.read_text(encoding="utf-8"))["events"]
    assert event["id"] == "sg3-2018"
    listed = run("list", "--format", "plain", calendars=both, today="2018-01-01").stdout
    assert listed.count("sg3-2018") == 1
    assert "2018-04-09..2018-04-18" in listed
    assert "sg5-2018" in listed
    again = run("letter", str(letter), "--add", "--calendar", str(target), calendars=both)
    assert "1 unchanged" in again.stdout
