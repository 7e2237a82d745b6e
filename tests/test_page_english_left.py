"""No English word of the page's own interface is left on the pages in the other five
languages: every phrase of the messages the page is made of (its words, times, dates,
countdowns, statuses, the names of deadlines derived by rules) is looked for, in English, in
the text, the tooltips (<title>) and the accessible names (aria-label, alt) of every page of
/fr/, /es/, /ru/, /ar/ and /zh/. What the calendar says (titles, places, notes, sources,
names of deadlines written in a file) is data, not the interface: it is left out, and where
it is English on such a page it is marked `lang="en"`."""

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
from babel.messages.catalog import Catalog
from typer.testing import CliRunner

from itu_timeline.core.loader import bundled_path

from .conftest import HEADER, Run, WriteCalendar, app
from .test_catalogs import catalog, template
from .test_publish import HTML, parse, texts
from .test_site_languages import OTHERS

# The modules whose messages make up the page.
PAGE_MODULES = re.compile(
    r"itu_timeline/(render/(page_\w+|svg_chart|html)|core/(text|upcoming|deadlines|deadline_names))\.py"
)
SPOKEN = ("aria-label", "alt", "title")
_BLANK = re.compile(r"\{\w*\}|<code>.*?</code>|<[^>]+>")
_WORD = re.compile(r"[A-Za-z]{3,}")
SVG = "{http://www.w3.org/2000/svg}"
_ENDS = " .,;:!?()“”\"'—-–"


def phrases(text: str) -> list[str]:
    """The English phrases of a message: its parts between blanks and markup, each with a
    word of three letters or more. `Built on {day}; countdowns…` gives 'Built on' and
    'countdowns are as of that day'."""
    parts = (part.strip(_ENDS) for part in _BLANK.split(text))
    return [" ".join(part.split()) for part in parts if _WORD.search(part)]


def page_messages(found: Catalog) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each message of the page's modules: its English forms and its translations."""
    for message in found:
        if message.id and any(PAGE_MODULES.fullmatch(file) for file, _ in message.locations):
            ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            yield ids, tuple(s or "" for s in strings)


@cache
def english_phrases(lang: str) -> tuple[re.Pattern[str], ...]:
    """The interface's English phrases that `lang`'s translation does not also use (French
    writes 'Source', 'Notes' and 'Type' too)."""
    translated = dict(page_messages(catalog(lang)))
    found: set[str] = set()
    for ids, _strings in page_messages(template()):
        said = " ".join(translated[ids]).casefold()
        found |= {p for text in ids for p in phrases(text) if p.casefold() not in said}
    # a whole word, not part of a file's name (events.json) or an address
    return tuple(re.compile(rf"(?<![\w./-]){re.escape(p)}(?![\w/-]|\.\w)", re.I) for p in found)


@cache
def calendar_text() -> tuple[str, ...]:
    """Everything the bundled calendar writes that a page shows as it is, longest first."""
    with bundled_path().open("rb") as file:
        events = tomllib.load(file)["events"]
    values: set[str] = set()
    for event in events:
        values |= {event[key] for key in ("title", "location", "notes", "source", "url",
                                          "outcome") if key in event}  # fmt: skip
        values |= {d["name"] for d in event.get("deadlines", [])}
    return tuple(sorted((" ".join(v.split()) for v in values), key=len, reverse=True))


def interface_text(element: Element) -> Iterator[str]:
    """The text a reader sees or hears, without what is marked as English calendar text and
    without an element that holds calendar text alone (a source, a place)."""
    whole = " ".join("".join(element.itertext()).split())
    if (
        element.get("lang") != "en"
        and not str(element.tag).endswith("style")
        and whole not in calendar_text()
    ):
        yield from (element.get(name) or "" for name in SPOKEN)
        yield element.text or ""
        for child in element:
            yield from interface_text(child)
    yield element.tail or ""


def english_left(page: Path, lang: str) -> list[str]:
    said = " ".join(" ".join(interface_text(parse(page.read_text(encoding="utf-8")))).split())
    for value in calendar_text():
        said = said.replace(value, " ")
    return sorted({m.group() for p in english_phrases(lang) for m in p.finditer(said)})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build for every language's test (the build takes seconds), in a home of its own."""
    folder = tmp_path_factory.mktemp("site")
    home = {f"XDG_{kind}_HOME": str(folder / kind) for kind in ("CONFIG", "CACHE", "DATA", "STATE")}
    built = folder / "site"
    args = ["--calendar", str(bundled_path()), "--today", "2026-12-03", "publish", str(built)]
    result = CliRunner().invoke(app, args, env=home)
    assert result.exit_code == 0, result.output
    return built


def test_the_phrases_are_those_of_the_messages() -> None:
    assert phrases("Built on {day}; countdowns are as of that day.") == [
        "Built on",
        "countdowns are as of that day",
    ]
    assert phrases("see <code>itu-timeline feeds add</code>; the JSON") == ["see", "the JSON"]
    assert phrases("{title}: {when}") == []
    french = {p.pattern for p in english_phrases("fr")}
    assert any("Subscribe" in p for p in french)
    assert not any(p.endswith("Source(?!\\w)") for p in french)  # the French word too


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_word_of_the_interface_is_left(site: Path, lang: str) -> None:
    pages = sorted((site / lang).glob("*.html"))
    assert len(pages) > 5
    left = {page.name: english_left(page, lang) for page in pages}
    assert {name: words for name, words in left.items() if words} == {}


def test_english_is_found_where_it_is_left(site: Path, tmp_path: Path) -> None:
    """The check fails on a page with an English word of the interface in it."""
    page = (site / "fr" / "index.html").read_text(encoding="utf-8")
    spoilt = tmp_path / "index.html"
    spoilt.write_text(page.replace("Les douze prochains mois", "The next twelve months"), "utf-8")
    assert english_left(spoilt, "fr") == ["The next twelve months"]
    spoilt.write_text(page.replace('aria-label="Sections"', 'aria-label="Years"'), "utf-8")
    assert english_left(spoilt, "fr") == ["Years"]


def test_the_chart_names_each_meeting_in_the_pages_language(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    """A row of the chart is the ITU's name in the page's language, its tooltip too; a
    meeting the calendar names in English only is marked as English."""
    calendar = write_calendar(
        HEADER
        + """
[[events]]
id = "wrc-27"
title = "World Radiocommunication Conference 2027"
body = "ITU-R"
kind = "conference"
start = 2026-07-01
end = 2026-07-20

[events.titles.fr]
title = "Conférence mondiale des radiocommunications de 2027"
source = "https://www.itu.int/fr/"

[[events]]
id = "sg5"
title = "ITU-T Study Group 5 meeting"
body = "other"
kind = "study-group"
start = 2026-08-03
"""
    )
    assert run("publish", str(tmp_path / "site"), calendars=[calendar]).exit_code == 0
    chart = parse((tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8"))
    svg = chart.find(f".//{SVG}svg")
    assert svg is not None
    rows = [
        (a.findtext(f"{SVG}title"), a.findtext(f"{SVG}text"), a.get("lang"))
        for a in svg.iter(f"{SVG}a")
    ]
    assert rows == [
        (
            "Conférence mondiale des radiocommunications de 2027",
            "Conférence mondiale des radiocommu…",
            None,
        ),
        ("ITU-T Study Group 5 meeting", "ITU-T Study Group 5 meeting", "en"),
    ]
    bars = [title.text for rect in svg.iter(f"{SVG}rect") for title in rect]
    assert bars == [
        "Conférence mondiale des radiocommunications de 2027 : 2026-07-01..2026-07-20",
        "ITU-T Study Group 5 meeting : 2026-08-03",
    ]
    legend = chart.find(f".//{HTML}ul[@class='legend']")
    assert legend is not None
    assert [texts(key) for key in legend][:2] == ["ITU-R", "autre"]
