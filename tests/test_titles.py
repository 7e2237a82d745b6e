"""Names in the ITU's six languages: `titles` read and checked, the reader's name with English
as the fallback, `export --lang`, and the names kept by every command that rewrites a file."""

import json
import tomllib
from datetime import date
from pathlib import Path

import icalendar
import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core.loader import load
from itu_timeline.core.model import LANGUAGES, Event, Title
from itu_timeline.core.titles import Shown, title_in

from .conftest import HEADER, Run, WriteCalendar

NAMED = (
    HEADER
    + """
[[rules]]
id = "pp-candidatures"
name = "Candidatures"
match = { kind = "plenipotentiary" }
before = "28 days"

[[events]]
id = "pp-26"
title = "Plenipotentiary Conference 2026 (PP-26)"
body = "ITU"
kind = "plenipotentiary"
start = 2026-11-09
end = 2026-11-27

[events.titles.fr]
title = "Conférence de plénipotentiaires (PP-26)"
source = "https://www.itu.int/fr/pp"

[events.titles.ar]
title = "مؤتمر المندوبين المفوضين (PP-26)"
source = "https://www.itu.int/ar/pp"

[[events]]
id = "c26"
title = "ITU Council 2026"
body = "ITU"
kind = "council"
start = 2026-04-28
end = 2026-05-08
"""
)


def summaries(data: bytes) -> list[str]:
    calendar = icalendar.Calendar.from_ical(data)
    return [str(e["summary"]) for e in calendar.walk("VEVENT")]


def test_titles_are_read_in_the_order_of_the_languages(write_calendar: WriteCalendar) -> None:
    [pp, council] = load([write_calendar(NAMED)]).events
    assert list(pp.titles) == ["ar", "fr"]
    assert pp.titles["fr"] == Title(
        title="Conférence de plénipotentiaires (PP-26)", source="https://www.itu.int/fr/pp"
    )
    assert council.titles == {}


@pytest.mark.parametrize(
    ("table", "field", "words"),
    [
        ('[events.titles.de]\ntitle = "Rat"\nsource = "https://x"', "titles.de", "ar, zh, fr"),
        ('[events.titles.en]\ntitle = "C"\nsource = "https://x"', "titles.en", "is 'title'"),
        ('[events.titles.fr]\ntitle = "Conseil"', "titles.fr.source", "missing (required)"),
        ('[events.titles.fr]\nsource = "https://x"', "titles.fr.title", "missing (required)"),
        ('[events.titles.fr]\ntitle = ""\nsource = "https://x"', "titles.fr.title", "empty"),
        ('[events.titles.fr]\ntitle = "C"\nsource = "s"\nurl = "u"', "titles.fr.url", "unknown"),
        ('[events.titles]\nfr = "Conseil"', "titles.fr", "a table with 'title' and 'source'"),
        ('titles = "Conseil"', "titles", "must be a table"),
    ],
)
def test_a_bad_title_is_one_line_naming_file_event_and_field(
    run: Run, write_calendar: WriteCalendar, table: str, field: str, words: str
) -> None:
    """Each problem of a `titles` table is reported with its file, event and field, exit 2."""
    event = '\n[[events]]\nid = "c26"\ntitle = "Council"\nbody = "ITU"\nkind = "council"\n'
    path = write_calendar(HEADER + event + "start = 2026-04-28\n" + table + "\n")
    result = run("list", calendars=[path])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = [line for line in result.stderr.splitlines() if "field" in line]
    assert f"{path}: event 'c26': field '{field}'" in line
    assert words in line
    assert "Traceback" not in result.stderr


def test_export_lang_writes_the_itu_names_and_english_where_there_is_none(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    result = run("export", "--lang", "fr", calendars=[path], today="2026-01-01")
    assert result.exit_code == 0, result.stderr
    titles = summaries(result.stdout_bytes)
    assert "Conférence de plénipotentiaires (PP-26)" in titles
    # A deadline's words are the reader's; a rule of the user's own keeps its name as written.
    assert "Échéance : Candidatures — Conférence de plénipotentiaires (PP-26)" in titles
    assert "ITU Council 2026" in titles  # no French name given: the English one
    strict = vobject.readOne(result.stdout_bytes.decode(), validate=True)
    assert len(strict.contents["vevent"]) == len(titles)


def test_export_in_english_is_the_default_and_other_languages_keep_their_letters(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    english = run("export", calendars=[path], today="2026-01-01").stdout_bytes
    assert (
        run("export", "--lang", "en", calendars=[path], today="2026-01-01").stdout_bytes == english
    )
    arabic = run("export", "--lang", "ar", calendars=[path], today="2026-01-01").stdout_bytes
    assert "مؤتمر المندوبين المفوضين (PP-26)" in summaries(arabic)
    assert "Plenipotentiary Conference 2026 (PP-26)" in summaries(english)


def test_export_refuses_a_language_the_itu_does_not_work_in(
    run: Run, write_calendar: WriteCalendar
) -> None:
    result = run("export", "--lang", "de", calendars=[write_calendar(NAMED)])
    assert result.exit_code == 2
    assert result.stdout == ""
    # (in the language of the run before, as no language is chosen from a bad --lang)
    assert "--lang: 'de' " in result.stderr
    assert "ar, en, es, fr, ru, zh" in result.stderr


def test_export_takes_the_language_of_the_run_from_the_environment_too(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    french = run("export", calendars=[path], env={"LANG": "fr_FR.UTF-8"})
    assert "Conférence de plénipotentiaires (PP-26)" in summaries(french.stdout_bytes)
    english = run("--lang", "en", "export", calendars=[path], env={"LANG": "fr_FR.UTF-8"})
    assert "Plenipotentiary Conference 2026 (PP-26)" in summaries(english.stdout_bytes)


@pytest.mark.parametrize("lang", ["ar", "es", "fr", "ru", "zh"])
@pytest.mark.parametrize(
    "command", [("list", "--format", "json"), ("list", "--format", "csv"),
                ("upcoming", "--days", "400", "--format", "json")]
)  # fmt: skip
def test_json_and_csv_are_the_same_bytes_in_every_language(
    run: Run, write_calendar: WriteCalendar, command: tuple[str, ...], lang: str
) -> None:
    """Machine formats carry every name as data, never the reader's choice of one."""
    path = write_calendar(NAMED)
    english = run("--lang", "en", *command, calendars=[path])
    other = run("--lang", lang, *command, calendars=[path])
    assert english.exit_code == other.exit_code == 0, other.stderr
    assert other.stdout_bytes == english.stdout_bytes


def test_json_and_csv_carry_every_name_with_its_source(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    listed = run("list", "--format", "json", calendars=[path])
    records = json.loads(listed.stdout)
    assert records[1]["titles"]["fr"] == {
        "title": "Conférence de plénipotentiaires (PP-26)",
        "source": "https://www.itu.int/fr/pp",
    }
    assert records[0]["titles"] == {}
    csv_text = run("list", "--format", "csv", calendars=[path]).stdout
    assert '""fr"": {""title"": ""Conférence de plénipotentiaires (PP-26)""' in csv_text


def test_edit_title_in_adds_a_language_and_keeps_the_others(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    result = run(
        "edit",
        "pp-26",
        "--calendar",
        str(path),
        "--title-in",
        "es=Conferencia de Plenipotenciarios (PP-26)@https://www.itu.int/es/pp",
        "--title-in",
        "fr=Conférence de plénipotentiaires de l'UIT@https://www.itu.int/fr/pp2",
        calendars=[path],
    )
    assert result.exit_code == 0, result.stderr
    titles = tomllib.loads(path.read_text())["events"][0]["titles"]
    assert list(titles) == ["ar", "fr", "es"]
    assert titles["fr"] == {
        "title": "Conférence de plénipotentiaires de l'UIT",
        "source": "https://www.itu.int/fr/pp2",
    }


@pytest.mark.parametrize(
    "value", ["fr=Conseil", "fr=@https://x", "Conseil@https://x", "de=R@https://x"]
)
def test_a_title_in_without_language_title_or_source_is_a_usage_error(
    run: Run, write_calendar: WriteCalendar, value: str
) -> None:
    path = write_calendar(NAMED)
    before = path.read_bytes()
    result = run("edit", "pp-26", "--calendar", str(path), "--title-in", value, calendars=[path])
    assert result.exit_code == 2
    assert "--title-in" in result.stderr
    assert path.read_bytes() == before


def test_fmt_keeps_the_names_and_writes_them_canonically(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    before = load([path]).events
    assert run("fmt", str(path), calendars=[path]).exit_code == 0
    once = path.read_text()
    assert load([path]).events == before
    assert run("fmt", str(path), calendars=[path]).exit_code == 0
    assert path.read_text() == once
    assert "[events.titles.ar]" in once


def test_show_lists_each_name_with_its_source(run: Run, write_calendar: WriteCalendar) -> None:
    result = run("show", "pp-26", calendars=[write_calendar(NAMED)])
    assert "  fr:      Conférence de plénipotentiaires (PP-26)  (https://www.itu.int/fr/pp)" in (
        result.stdout
    )


_LANG = st.sampled_from(("en", *LANGUAGES))


@given(
    names=st.dictionaries(st.sampled_from(LANGUAGES), st.text(min_size=1, max_size=20)),
    lang=_LANG,
)
def test_the_reader_gets_their_language_or_english_and_is_told_which(
    names: dict[str, str], lang: str
) -> None:
    titles = {k: Title(title=v, source=f"https://www.itu.int/{k}/") for k, v in names.items()}
    event = Event(
        id="e",
        title="English",
        titles=titles,
        body="ITU",  # type: ignore[arg-type]
        kind="council",  # type: ignore[arg-type]
        start=date(2027, 1, 1),
        end=None,
        timezone="UTC",
    )
    shown = title_in(event, lang)
    if lang in names:
        assert shown == Shown(names[lang], lang, False)
    else:
        assert shown == Shown("English", "en", lang != "en")


def test_a_published_calendar_reads_back_with_its_names(
    write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    """The TOML a site publishes for `feeds add` carries the names and their sources."""
    from datetime import UTC, datetime

    from itu_timeline.store.published import calendar_toml

    calendar = load([write_calendar(NAMED)])
    text = "".join(calendar_toml("Named", datetime(2026, 1, 1, tzinfo=UTC), (), calendar.events))
    copy = tmp_path / "published.toml"
    copy.write_text(text, encoding="utf-8")
    assert [e.titles for e in load([copy]).events] == [e.titles for e in calendar.events]


def test_the_bundled_names_are_read_on_the_itus_own_pages() -> None:
    """Every name in the curated calendar cites a page of the ITU (itu.int, its itu.ch, or a
    conference site of it); none is a translation of ours."""
    from urllib.parse import urlsplit

    from itu_timeline.core.loader import bundled_path

    named = [e for e in load([bundled_path()]).events if e.titles]
    assert {e.id for e in named} >= {"pp-26", "wrc-23"}
    for event in named:
        for lang, name in event.titles.items():
            host = urlsplit(name.source.split()[0]).hostname or ""
            itu = host in ("itu.int", "itu.ch") or host.endswith((".itu.int", ".itu.ch"))
            assert itu, (event.id, lang)


def test_the_bundled_calendar_has_names_in_every_language_of_the_itu(run: Run) -> None:
    """Some curated event is named in each of the five languages, Russian included, and an
    export in that language writes it as the SUMMARY."""
    from itu_timeline.core.loader import bundled_path

    events = load([bundled_path()]).events
    assert {lang for e in events for lang in e.titles} == set(LANGUAGES)
    result = run("export", "--lang", "ru", "--no-deadlines", calendars=[bundled_path()])
    assert result.exit_code == 0, result.stderr
    assert "Мероприятие высокого уровня ВВУИО+20 2025 года" in summaries(result.stdout_bytes)


def test_export_lang_fr_of_the_bundled_calendar_names_pp26_as_the_itu_does(run: Run) -> None:
    from itu_timeline.core.loader import bundled_path

    result = run("export", "--lang", "fr", "--no-deadlines", calendars=[bundled_path()])
    assert result.exit_code == 0, result.stderr
    assert "Conférence de plénipotentiaires (PP-26)" in summaries(result.stdout_bytes)


def test_export_lang_names_the_bundled_rules_deadlines_in_the_language_and_imports_back(
    run: Run, tmp_path: Path
) -> None:
    """A deadline's SUMMARY is read by a person: in French its words and the name of a bundled
    rule are French; `import` takes deadlines back from their specification, so the French
    file gives the same deadline names as the English one."""
    from itu_timeline.core.deadlines import all_deadlines
    from itu_timeline.core.loader import bundled_path

    ics = tmp_path / "fr.ics"
    result = run("--lang", "fr", "export", "-o", str(ics), calendars=[bundled_path()])
    assert result.exit_code == 0, result.stderr
    french = summaries(ics.read_bytes())
    assert any(s.startswith("Échéance : Soumission des contributions — ") for s in french)
    assert not any(s.startswith("Deadline:") for s in french)
    names = []
    for language in ("fr", "en"):
        path = tmp_path / f"{language}.ics"
        run("--lang", language, "export", "-o", str(path), calendars=[bundled_path()])
        mine = tmp_path / f"{language}.toml"
        imported = run("import", str(path), calendars=[mine])
        assert imported.exit_code == 0, imported.stderr
        names.append(sorted(d.name for d in all_deadlines(load([mine]))))
    assert names[0] == names[1]
    assert "Contributions due" in names[0]


def test_the_terminal_shows_the_name_in_the_language_of_the_run(
    run: Run, write_calendar: WriteCalendar
) -> None:
    """list and upcoming name each meeting as the ITU does in the reader's language, and in
    English where it gives no name in it; a table on a terminal does the same."""
    path = write_calendar(NAMED)
    listed = run("--lang", "fr", "list", "--format", "plain", calendars=[path]).stdout
    assert "pp-26  Conférence de plénipotentiaires (PP-26)" in listed
    assert "c26  ITU Council 2026" in listed
    coming = run("--lang", "ar", "upcoming", "--days", "400", calendars=[path]).stdout
    assert "Candidatures — مؤتمر المندوبين المفوضين (PP-26)" in coming
    table = run("--lang", "fr", "list", "--format", "table", calendars=[path]).stdout
    assert "plénipotentiaires" in table
    english = run("--lang", "en", "list", "--format", "plain", calendars=[path]).stdout
    assert "pp-26  Plenipotentiary Conference 2026 (PP-26)" in english


def test_show_names_the_kind_of_meeting_as_the_itu_does_in_the_language_of_the_run(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(NAMED)
    french = run("--lang", "fr", "show", "pp-26", calendars=[path]).stdout
    assert "plenipotentiary (Conférence de plénipotentiaires)" in french
    assert "ITU (UIT)" in french
    english = run("--lang", "en", "show", "pp-26", calendars=[path]).stdout
    assert "plenipotentiary\n" in english


def test_show_names_a_series_and_a_working_party_by_the_glossary(run: Run) -> None:
    """`show` gives the kind of a WSIS Forum, a GSR or a Working Party of the bundled calendar
    by the ITU's name of that series, not by the name of its body's other meetings."""
    from itu_timeline.core.loader import bundled_path

    for lang, event, kind in (
        ("es", "wsis-forum-2027", "forum (Foro de la CMSI)"),
        ("fr", "gsr-27", "forum (Colloque mondial des régulateurs)"),
        ("es", "itur-wp7a-2021-04", "study-group (Grupo de Trabajo)"),
        ("zh", "wtsa-28", "assembly (世界电信标准化全会)"),
    ):
        shown = run("--lang", lang, "show", event, calendars=[bundled_path()])
        assert shown.exit_code == 0, shown.stderr
        assert kind in shown.stdout, (event, shown.stdout)
    french = run("--lang", "fr", "show", "itur-wp7a-2021-04", calendars=[bundled_path()]).stdout
    assert "Commission d'études" not in french  # a Working Party is not a Study Group
