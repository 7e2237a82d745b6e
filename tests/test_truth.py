"""Saying exactly what is known (schema 2): times only where a source gives them, unknown ends
shown as unknown, events known only to the month listed without a made-up day, timed events
at their instant, how a date is known apart from whether the meeting takes place, and rules
that fit the meeting."""

import json
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import vobject

from itu_timeline.core.deadlines import all_deadlines
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Basis, Format, Status
from itu_timeline.core.quality import OFFICIAL

from .conftest import Run, WriteCalendar

BUNDLED = [bundled_path()]
TIMED_AT_THE_SOURCE = {
    "Candidatures for elected posts",  # General Rules No. 170: 23:59 Geneva time
    "Registration of non-Member-State participants (UN Indico)",  # 11:59 p.m. EST
}
SCHEMA_2 = """\
schema = 2
timezone = "Europe/Zurich"

[[rules]]
id = "visa"
name = "Visa support letters"
match = { body = "ITU-T", format = ["in-person", "hybrid"] }
before = "1 month"

[[events]]
id = "call"
title = "Online call"
body = "ITU-T"
kind = "study-group"
start = 2027-03-10T13:00:00
end = 2027-03-10T16:00:00
timezone = "UTC"
format = "online"

[[events]]
id = "open-ended"
title = "Summit"
body = "ITU"
kind = "summit"
start = 2027-03-15
location = "Geneva"
format = "in-person"

[[events.deadlines]]
name = "Register"
at = 2027-03-01
"""

TSAG_2018 = """\
schema = 2
timezone = "Europe/Zurich"

[[events]]
id = "tsag-2018-02"
title = "TSAG, second meeting of 2017-2020"
body = "ITU-T"
kind = "advisory-group"
start = 2018-02-26
end = 2018-03-02
location = "Geneva, Switzerland"
format = "in-person"
source = "https://docsbay.net/tsb-collective-letter-2-tsag"
"""


def test_no_deadline_shows_a_time_that_its_source_does_not_give(run: Run) -> None:
    result = run("upcoming", "--days", "3000", "-f", "json", calendars=BUNDLED, today="2022-01-01")
    deadlines = [i for i in json.loads(result.stdout) if i["type"] == "deadline"]
    assert len(deadlines) > 100
    timed = {i["deadline"] for i in deadlines if i["time_stated"]}
    assert timed == TIMED_AT_THE_SOURCE
    assert all(len(i["due"]) == len("2026-03-09") for i in deadlines if not i["time_stated"])


def test_a_date_only_deadline_is_a_date_everywhere(run: Run) -> None:
    name = "Proposals to amend the Constitution or Convention"
    plain = run(
        "--tz", "Europe/Zurich", "upcoming", "--days", "20", calendars=BUNDLED, today="2026-03-01"
    ).stdout
    [line] = [line for line in plain.splitlines() if name in line]
    assert line.startswith("  2026-03-09  ")
    assert line.endswith("(time not stated)")
    assert "23:59" not in line
    shown = run("show", "pp-26", calendars=BUNDLED, today="2026-03-01").stdout
    assert f"2026-03-09             in 8 days     {name} (time not stated)" in shown
    ics = run("export", "-b", "ITU", calendars=BUNDLED, today="2026-03-01").stdout
    assert "DTSTART;VALUE=DATE:20260309" in ics.replace("\r\n", "\n")


def test_a_date_only_deadline_counts_down_to_the_end_of_its_day(run: Run) -> None:
    result = run("upcoming", "--days", "0", "-f", "json", calendars=BUNDLED, today="2026-03-09")
    [item] = [i for i in json.loads(result.stdout) if i["type"] == "deadline"]
    assert (item["due"], item["days_left"], item["urgency"]) == ("2026-03-09", 0, "now")


def test_an_event_known_only_to_the_month_has_no_day_in_any_format(run: Run) -> None:
    """Listed as news in the window its month begins in; under way later, it stays in JSON
    and CSV (with "news": false) but leaves plain lines and tables alone."""
    plain = run("upcoming", calendars=BUNDLED, today="2027-03-30").stdout
    [line] = [line for line in plain.splitlines() if "  cpm27-2  " in line]
    assert "dates not announced" in line
    assert " in " not in line.split("cpm27-2")[0]  # no "in N days"
    table = run("upcoming", "-f", "table", calendars=BUNDLED, today="2027-03-30").stdout
    assert "dates not announced" in table
    for today, event_id in (("2027-04-02", "cpm27-2"), ("2027-06-15", "c27")):
        records = json.loads(run("upcoming", "-f", "json", calendars=BUNDLED, today=today).stdout)
        [record] = [r for r in records if r["event_id"] == event_id]
        assert (record["date"], record["days_left"], record["end"]) == (None, None, None)
        assert record["period"] in ("2027-04", "2027-06..2027-07", "2027")
        assert record["news"] is False
        csv = run("upcoming", "-f", "csv", calendars=BUNDLED, today=today).stdout
        [row] = [r for r in csv.splitlines() if f",{event_id}," in r]
        assert ",,," in row  # date, end and due are empty
        plain = run("upcoming", calendars=BUNDLED, today=today).stdout
        assert f"  {event_id}  " not in plain


def test_council_2027_is_known_to_the_year_only_and_never_said_to_be_under_way(run: Run) -> None:
    """Resolution 77's June-July did not hold for C26 (28 April - 8 May 2026): no month."""
    shown = run("show", "c27", calendars=BUNDLED, today="2027-01-01").stdout
    assert "Dates:     2027 (dates not announced)\n" in shown
    assert "June–July" not in shown
    june = run("upcoming", "-f", "table", calendars=BUNDLED, today="2027-06-15").stdout
    assert "under way" not in june
    records = json.loads(
        run("upcoming", "-f", "json", calendars=BUNDLED, today="2027-06-15").stdout
    )
    [record] = [r for r in records if r["event_id"] == "c27"]
    assert (record["period"], record["countdown"]) == ("2027", "dates not announced")


def test_an_end_not_announced_is_said_plainly(run: Run, write_calendar: WriteCalendar) -> None:
    path = write_calendar(SCHEMA_2)
    listed = run("list", "-s", "summit", calendars=[path]).stdout
    assert listed.startswith("2027-03-15..?")
    assert listed.rstrip().endswith("Summit (end not announced) @ Geneva")
    shown = run("show", "open-ended", calendars=[path]).stdout
    assert "Dates:     2027-03-15.. (end not announced)\n" in shown
    table = run("list", "-f", "table", calendars=[path]).stdout
    assert "from 15 Mar 2027 (end not announced)" in table
    ics = run("export", calendars=[path]).stdout.replace("\r\n ", "")
    [block] = [b for b in ics.split("BEGIN:VEVENT") if "UID:open-ended@" in b]
    assert "SUMMARY:Summit (end not announced)" in block
    assert "DTEND" not in block


def test_a_timed_event_added_on_the_command_line_is_shown_and_exported_at_its_instant(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "mine.toml"
    added = run(
        *("add", "--id", "call", "--title", "Call", "--body", "ITU-T", "--kind", "other"),
        *("--start", "2027-03-10T13:00", "--end", "2027-03-10T16:00", "--timezone", "UTC"),
        "--calendar",
        str(path),
        calendars=[path],
    )
    assert added.exit_code == 0, added.stderr
    tokyo = ["--tz", "Asia/Tokyo"]
    listed = run(*tokyo, "list", calendars=[path], today="2027-03-01").stdout
    assert listed.startswith("2027-03-10 22:00..2027-03-11 01:00 JST")
    shown = run(*tokyo, "show", "call", calendars=[path], today="2027-03-01").stdout
    assert "Dates:     2027-03-10 22:00..2027-03-11 01:00 JST\n" in shown
    soon = run(*tokyo, "upcoming", calendars=[path], today="2027-03-01").stdout
    assert soon.startswith("  2027-03-10 22:00 JST   in 9 days")
    data = run("export", calendars=[path], today="2027-03-01").stdout_bytes
    [component] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert component.decoded("dtstart") == datetime(2027, 3, 10, 13, 0, tzinfo=UTC)
    assert component.decoded("dtend") == datetime(2027, 3, 10, 16, 0, tzinfo=UTC)
    strict = vobject.readOne(data.decode(), validate=True)
    assert strict.vevent.dtstart.value == datetime(2027, 3, 10, 13, 0, tzinfo=UTC)


def test_status_says_whether_it_takes_place_as_the_organiser_announced(run: Run) -> None:
    """Announced on an official page, past or future, with or without an outcome page seen:
    confirmed. Known only from a secondary source or a cycle: tentative, even when past."""
    calendar = load(BUNDLED)
    confirmed = run("list", "--status", "confirmed", calendars=BUNDLED).stdout
    for event_id in ("c26", "pp-26", "sg17-vplen-2026-04", "sg13-2025-10", "sg17-2025-12"):
        assert f"  {event_id}  " in confirmed
    tentative = run("list", "--status", "tentative", calendars=BUNDLED).stdout
    for event_id in ("wtsa-20", "tsag-2025-05", "wsis20-prep-1", "sg17-ws-2026-07", "c27"):
        assert f"  {event_id}  " in tentative
    official = run("list", "--basis", "official", "-f", "json", calendars=BUNDLED).stdout
    records = json.loads(official)
    assert records
    assert all(OFFICIAL.search(r["source"]) for r in records)
    assert {(r["basis"], r["status"]) for r in records} == {("official", "confirmed")}
    assert all(e.basis is not None for e in calendar.events)
    assert {e.basis for e in calendar.events} == set(Basis)
    shown = run("show", "c26", calendars=BUNDLED).stdout
    assert "Status:    confirmed (as the organiser last announced it)\n" in shown


def test_the_translation_deadline_is_the_letters_when_earlier_than_two_months(
    run: Run, write_calendar: WriteCalendar
) -> None:
    """TSB Collective Letter 2/TSAG printed 22 December 2017 for TSAG on 26 February 2018:
    66 days, earlier than the written two months (26 December)."""
    tsag = write_calendar(TSAG_2018, name="tsag.toml")
    result = run("upcoming", "--days", "100", calendars=[*BUNDLED, tsag], today="2017-12-01")
    [line] = [
        line for line in result.stdout.splitlines() if "Contributions to be translated" in line
    ]
    assert line.startswith("  2017-12-22  ")
    assert "in 21 days" in line


def test_no_visa_fellowship_or_translation_deadline_for_an_online_meeting() -> None:
    calendar = load(BUNDLED)
    online = [d for d in all_deadlines(calendar) if d.event.format is Format.ONLINE]
    assert online  # online meetings still get their contribution deadlines
    assert not [d.name for d in online if any(w in d.name for w in ("visa", "ellowship", "ransl"))]


def test_rules_match_the_format_and_an_unknown_format_matches_no_format_rule(
    write_calendar: WriteCalendar,
) -> None:
    calendar = load([write_calendar(SCHEMA_2)])
    assert [(d.event.id, d.name) for d in all_deadlines(calendar)] == [("open-ended", "Register")]


def test_validate_strict_reports_a_rule_that_matches_nothing_and_twin_deadlines(
    run: Run, write_calendar: WriteCalendar
) -> None:
    idle = SCHEMA_2.replace('format = ["in-person", "hybrid"]', 'kind = "assembly"')
    twins = idle + '\n[[events.deadlines]]\nname = "Registration"\nat = 2027-03-02\n'
    path = write_calendar(twins)
    result = run("validate", "--strict", str(path), calendars=[path])
    assert result.exit_code == 1
    assert "rule 'visa': field 'match': matches no event" in result.stderr
    assert "'Registration' looks like 'Register' (2027-03-01, 2027-03-02)" in result.stderr


def test_an_end_can_be_made_unknown_only_in_a_schema_2_file(
    run: Run, write_calendar: WriteCalendar
) -> None:
    old = write_calendar()  # the schema 1 sample
    before = old.read_bytes()
    refused = run("edit", "c26", "--end", "unknown", "--calendar", str(old), calendars=[old])
    assert refused.exit_code == 2
    assert "schema 1" in refused.stderr
    assert f"itu-timeline fmt {old}" in refused.stderr
    assert old.read_bytes() == before
    new = write_calendar(SCHEMA_2, name="new.toml")
    done = run("edit", "call", "--end", "unknown", "--calendar", str(new), calendars=[new])
    assert done.exit_code == 0, done.stderr
    [call] = [e for e in load([new]).events if e.id == "call"]
    assert call.end is None


SEEN = """\
schema = 2
timezone = "Europe/Zurich"

[[events]]
id = "held"
title = "A meeting seen to take place"
body = "ITU-T"
kind = "study-group"
start = 2027-03-15
end = 2027-03-19
status = "tentative"
basis = "reported"
source = "news.example"
outcome = "https://www.itu.int/summary <b>"
notes = "Reported only."
"""


def test_whether_it_took_place_is_a_fact_apart_from_its_status(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    """`outcome` (where it was seen to take place) is shown by `show`, on the page and in
    the .ics, and changes nothing of `status`, which stays what the evidence of the dates
    says."""
    calendar = {e.id: e for e in load(BUNDLED).events}
    assert calendar["wsis20-prep-1"].outcome  # the UN DESA account, on a mailing list
    assert calendar["wsis20-prep-1"].status is Status.TENTATIVE  # reported all the same
    assert calendar["sg13-2025-10"].outcome is None  # no outcome page seen
    assert calendar["sg13-2025-10"].status is Status.CONFIRMED  # announced all the same
    path = write_calendar(SEEN)
    shown = run("show", "held", calendars=[path], today="2027-03-01").stdout
    assert "Outcome:   took place: https://www.itu.int/summary <b>\n" in shown
    assert "Status:    tentative" in shown
    ics = run("export", calendars=[path], today="2027-03-01").stdout
    ics = ics.replace("\r\n", "\n").replace("\n ", "")
    assert "Seen to take place: https://www.itu.int/summary <b>" in ics
    site = tmp_path / "site"
    assert run("publish", str(site), calendars=[path], today="2027-03-01").exit_code == 0
    page = (site / "2027.html").read_text(encoding="utf-8")  # the record, on its year's page
    assert (
        '<dt>Seen to take place</dt><dd><a href="https://www.itu.int/summary">'
        "https://www.itu.int/summary</a> &lt;b&gt;</dd>"
    ) in page
