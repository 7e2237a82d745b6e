"""The names of deadlines derived by rules are our words, said in the reader's language in
upcoming, remind, show, digest and the page; a name written in a calendar file for one
event's deadline stays as written; JSON and CSV keep every name as it is."""

import tomllib
from pathlib import Path

import pytest

from itu_timeline.base import i18n
from itu_timeline.core import deadline_names
from itu_timeline.core.deadline_names import RULE_NAMES
from itu_timeline.core.loader import bundled_path

from .conftest import HEADER, Run, WriteCalendar
from .test_catalogs import catalog
from .test_publish import parse, texts
from .test_site_languages import OTHERS

CALENDAR = (
    HEADER
    + """
[[rules]]
id = "itut-fellowships"
name = "Fellowship and interpretation requests"
match = { body = "ITU-T", kind = "study-group" }
before = "30 days"

[[rules]]
id = "itut-contributions"
name = "Contributions due"
match = { body = "ITU-T", kind = "study-group" }
before = "12 days"

[[rules]]
id = "own-registration"
name = "Registration"
match = { body = "ITU-T" }
before = "10 days"

[[rules]]
id = "mine"
name = "Registration, fellowship and interpretation requests"
match = { body = "ITU-R" }
before = "20 days"

[[events]]
id = "sg17"
title = "ITU-T Study Group 17 meeting"
body = "ITU-T"
kind = "study-group"
start = 2026-07-01

[[events.deadlines]]
name = "Document deadline"
before = "5 days"

[[events]]
id = "wp5a"
title = "ITU-R Working Party 5A meeting"
body = "ITU-R"
kind = "study-group"
start = 2026-07-10

[[events.deadlines]]
name = "Registration"
before = "25 days"
"""
)


@pytest.fixture
def calendar(write_calendar: WriteCalendar) -> Path:
    return write_calendar(CALENDAR)


def lines(run: Run, calendar: Path, *args: str) -> str:
    result = run(*args, calendars=[calendar], today="2026-06-01")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_rule_of_the_bundled_calendar_is_named_in_every_language() -> None:
    with bundled_path().open("rb") as file:
        rules = {rule["name"] for rule in tomllib.load(file)["rules"]}
    assert rules <= set(RULE_NAMES)
    for lang in OTHERS:
        found = catalog(lang)
        assert all(found[name].string for name in RULE_NAMES), lang


def test_a_rules_deadline_is_named_in_the_readers_language(run: Run, calendar: Path) -> None:
    said = lines(run, calendar, "--lang", "fr", "upcoming", "--days", "40")
    assert "Échéance : Soumission des contributions — ITU-T Study Group 17 meeting" in said
    assert "Échéance : Demandes de bourse et d'interprétation — ITU-T" in said
    assert "Échéance : Document deadline — ITU-T Study Group 17 meeting" in said  # as written
    # a rule of the user's own, named like one of our words, is the user's: as written
    assert "Échéance : Registration — ITU-T Study Group 17 meeting" in said
    english = lines(run, calendar, "--lang", "en", "upcoming", "--days", "40")
    assert "Deadline: Contributions due — ITU-T Study Group 17 meeting" in english


def test_a_rules_deadline_narrowed_by_the_events_own_is_named_by_what_is_left(
    run: Run, calendar: Path
) -> None:
    """The user's own rule keeps its name; narrowed by the event's own registration
    deadline, it is named by its two other topics, listed as each language lists things."""
    english = lines(run, calendar, "upcoming", "--days", "40")
    assert "Deadline: Fellowship requests and interpretation requests — ITU-R" in english
    said = {
        lang: lines(run, calendar, "--lang", lang, "upcoming", "--days", "40")
        for lang in ("fr", "ru", "zh")
    }
    assert "Demandes de bourse et demandes d'interprétation — ITU-R" in said["fr"]
    assert "Запросы на стипендии и запросы на устный перевод — ITU-R" in said["ru"]
    assert "与会补贴申请和口译申请 — ITU-R" in said["zh"]


def test_show_remind_and_digest_name_it_so_too(run: Run, calendar: Path) -> None:
    assert "Запросы на стипендии и устный перевод" in lines(run, calendar, "--lang", "ru",
                                                           "show", "sg17")  # fmt: skip
    reminded = lines(run, calendar, "--lang", "es", "remind", "--dry-run", "--at", "30")
    assert "Solicitudes de beca y de interpretación" in reminded
    digest = lines(run, calendar, "--lang", "ar", "digest", "--days", "40", "--format", "text")
    assert "تقديم المساهمات" in digest


def test_the_page_names_it_in_its_language(run: Run, calendar: Path, tmp_path: Path) -> None:
    assert (
        run("publish", str(tmp_path / "s"), calendars=[calendar], today="2026-06-01").exit_code == 0
    )
    page = parse((tmp_path / "s" / "fr" / "2026.html").read_text(encoding="utf-8"))
    said = texts(page)
    assert "Soumission des contributions (dans 18 jours)" in said
    marked = {texts(span) for span in page.iter("{http://www.w3.org/1999/xhtml}span")
              if span.get("lang") == "en"}  # fmt: skip
    assert "Document deadline" in marked  # the calendar's own words, marked as English
    assert "Soumission des contributions" not in marked


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_output_keeps_every_name(run: Run, calendar: Path, fmt: str) -> None:
    english = lines(run, calendar, "upcoming", "--days", "40", "--format", fmt)
    assert "Contributions due" in english
    for lang in i18n.LANGUAGES:
        assert lines(run, calendar, "--lang", lang, "upcoming", "--days", "40", "--format",
                     fmt) == english, lang  # fmt: skip


@pytest.mark.parametrize("module", [deadline_names])
def test_the_examples_hold(module: object) -> None:
    import doctest

    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]
