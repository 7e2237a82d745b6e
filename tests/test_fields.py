"""One field list: the event's fields are defined once, by the dataclass in core/model.py.
What is derived from it is checked here against it; the places that map each field by hand
(the .ics writer, the importer, `show`) must each say what they do with every field, so a new
field fails here until every place knows it."""

from pathlib import Path
from zoneinfo import ZoneInfo

from typer.testing import CliRunner

from itu_timeline.cli.event_options import _EVENT_PARAMS, EDITABLE, OPTION_OF
from itu_timeline.cli.main import whole_app
from itu_timeline.core.loader import load
from itu_timeline.core.model import Event, file_keys
from itu_timeline.core.schema import EVENT_KEYS
from itu_timeline.render.json_csv import EVENT_FIELDS, LEFT_OUT, event_record
from itu_timeline.store.edits import CLEARABLE
from itu_timeline.store.merging import FROM_SOURCE

app = whole_app()

EVERY_FIELD = """\
schema = 2
timezone = "Europe/Zurich"

[[events]]
id = "every-field"
title = "A meeting with every field"
body = "ITU-T"
kind = "study-group"
start = 2027-03-15
end = 2027-03-19
precision = "day"
location = "Lillestrøm"
timezone = "Europe/Oslo"
format = "hybrid"
status = "tentative"
basis = "reported"
url = "https://example.org/meeting"
source = "https://www.itu.int/source"
outcome = "https://www.itu.int/outcome"
tags = ["tag-one"]
notes = "A note."
revision = 3
updated = 2027-01-10
uid = "abc@example.org"
imported = { title = "0123456789ab", tags = ["tag-one"] }

[events.titles.fr]
title = "Une réunion avec tous les champs"
source = "https://www.itu.int/fr/source"

[[events.deadlines]]
name = "Own deadline"
before = "5 days"
"""
# How each field shows in the .ics of that event; None: not written there, and why.
IN_ICS = {
    "id": "UID:every-field@itu-timeline",
    "title": "SUMMARY:A meeting with every field",
    "titles": None,  # the name in the reader's language is the SUMMARY (export --lang)
    "body": "CATEGORIES:ITU-T,study-group,tag-one",
    "kind": "CATEGORIES:ITU-T,study-group,tag-one",
    "start": "DTSTART;VALUE=DATE:20270315",
    "end": "DTEND;VALUE=DATE:20270320",
    "precision": None,  # events known only to the month or year are left out of exports
    "location": "LOCATION:Lillestrøm",
    "timezone": None,  # all-day events have no zone; deadlines are written in UTC
    "format": "Format: hybrid.",
    "status": "STATUS:TENTATIVE",
    "basis": "Dates: reported (reported by a secondary source).",
    "url": "URL:https://example.org/meeting",
    "source": "\\nSource: https://www.itu.int/source",
    "outcome": "Seen to take place: https://www.itu.int/outcome",
    "tags": "CATEGORIES:ITU-T,study-group,tag-one",
    "notes": "DESCRIPTION:A note.",
    "revision": "SEQUENCE:3",
    "updated": "LAST-MODIFIED:20270110T000000Z",
    "uid": None,  # the UID an event was imported from stays in the file; exports use our own
    "imported": None,  # the import's memory of the source, bookkeeping of the file
    "deadlines": "SUMMARY:Deadline: Own deadline — A meeting with every field",
}
# What `import` takes from a VEVENT for each field, or None and why not.
FROM_ICS = {
    "id": None,  # made from the UID or the title, never read
    "title": "SUMMARY",
    "titles": None,  # an .ics has one SUMMARY, in one language
    "body": "CATEGORIES",
    "kind": "CATEGORIES",
    "start": "DTSTART",
    "end": "DTEND",
    "precision": None,  # every VEVENT has days
    "location": "LOCATION",
    "timezone": "TZID",
    "format": "X-ITU-TIMELINE-FORMAT",  # no standard property: ours, as export writes it
    "status": "STATUS",
    "basis": "X-ITU-TIMELINE-BASIS",
    "url": "URL",
    "source": "X-ITU-TIMELINE-SOURCE",
    "outcome": "X-ITU-TIMELINE-OUTCOME",  # no standard property: ours, as export writes it
    "tags": "CATEGORIES",
    "notes": "DESCRIPTION",
    "revision": None,  # the event's own count of edits
    "updated": None,  # set to the day of import
    "uid": "UID",
    "imported": None,  # what the source said at the last import, kept by the merge
    "deadlines": None,  # deadlines come back from the rules
}


def every_field(tmp_path: Path) -> Path:
    path = tmp_path / "every.toml"
    path.write_text(EVERY_FIELD, encoding="utf-8")
    return path


def test_the_schema_reads_every_field_of_the_dataclass(tmp_path: Path) -> None:
    assert file_keys(Event) == EVENT_KEYS
    [event] = load([every_field(tmp_path)]).events
    defaults = Event(id="x", title="x", body="ITU", kind="other", start=0, end=0, timezone="UTC")  # type: ignore[arg-type]
    unset = [
        k for k in EVENT_KEYS if k != "precision" and getattr(event, k) == getattr(defaults, k)
    ]
    assert unset == [], "fields the schema does not read"


def test_json_and_csv_carry_every_field_but_the_bookkeeping(tmp_path: Path) -> None:
    [event] = load([every_field(tmp_path)]).events
    record = event_record(event, ZoneInfo("UTC"))
    assert tuple(record) == EVENT_FIELDS
    assert set(EVENT_FIELDS) == set(EVENT_KEYS) - set(LEFT_OUT) | {"dates", "feed"}
    assert record["updated"] == "2027-01-10"
    assert record["tags"] == ["tag-one"]


def test_add_and_edit_have_an_option_for_every_field_the_user_sets() -> None:
    options = {p.name for p in _EVENT_PARAMS}
    assert options == {OPTION_OF.get(key, key) for key in EDITABLE}
    assert set(CLEARABLE) < set(EVENT_KEYS)


def test_the_ics_writer_says_what_it_does_with_every_field(tmp_path: Path) -> None:
    assert tuple(IN_ICS) == EVENT_KEYS
    path = every_field(tmp_path)
    result = CliRunner().invoke(app, ["--today", "2027-01-01", "-c", str(path), "export"])
    text = result.stdout.replace("\r\n", "\n").replace("\n ", "").replace("\\,", ",")
    for field, shown in IN_ICS.items():
        assert shown is None or shown in text, field


def test_the_importer_says_what_it_does_with_every_field() -> None:
    assert tuple(FROM_ICS) == EVENT_KEYS
    mapped = {field for field, prop in FROM_ICS.items() if prop}
    assert set(FROM_SOURCE) <= mapped


def test_show_prints_every_field_that_has_a_value(tmp_path: Path) -> None:
    path = every_field(tmp_path)
    result = CliRunner().invoke(
        app, ["--today", "2027-01-01", "-c", str(path), "show", "every-field"]
    )
    shown = {
        "id": "every-field",
        "title": "A meeting with every field",
        "titles": "fr:      Une réunion avec tous les champs  (https://www.itu.int/fr/source)",
        "body": "ITU-T",
        "kind": "study-group",
        "start": "2027-03-15",
        "end": "2027-03-19",
        "precision": "(5 days)",
        "location": "Lillestrøm",
        "timezone": "Europe/Oslo",
        "format": "hybrid",
        "status": "tentative",
        "basis": "reported (reported by a secondary source)",
        "url": "https://example.org/meeting",
        "source": "https://www.itu.int/source",
        "outcome": "Outcome:   took place: https://www.itu.int/outcome",
        "tags": "tag-one",
        "notes": "A note.",
        "revision": "Revision:  3",
        "updated": "2027-01-10",
        "uid": "abc@example.org",
        "imported": "2 fields remembered as the source gave them",
        "deadlines": "Own deadline",
    }
    assert tuple(shown) == EVENT_KEYS
    missing = [field for field, text in shown.items() if text not in result.stdout]
    assert missing == [], result.stdout
