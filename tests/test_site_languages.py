"""The page in six languages: one site per language (English at the top, /fr/, /es/, /ru/,
/ar/, /zh/), each page with its `lang` (and `dir="rtl"` in Arabic), the same page's address in
every language (`hreflang`, x-default) and a switcher; the page's words from the catalogs,
calendar titles marked as English; one set of data files; every link of every page resolves.
The Arabic and Chinese pages in a real browser are tests/test_browser_languages.py."""

import os
import re
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from itu_timeline.core.loader import bundled_path

from .conftest import Run
from .test_publish import HTML, parse, texts

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
OTHERS = [lang for lang in LANGUAGES if lang != "en"]


def folder(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


@pytest.fixture
def site(run: Run, tmp_path: Path) -> Path:
    built = tmp_path / "site"
    result = run("publish", str(built), calendars=[bundled_path()], today="2026-12-03")
    assert result.exit_code == 0, result.output
    return built


def pages(site: Path) -> dict[str, Element]:
    """Every page of the site by its path, parsed strictly (a parse error fails)."""
    return {
        p.relative_to(site).as_posix(): parse(p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
    }


def test_six_sites_with_the_same_pages_and_one_set_of_data_files(site: Path) -> None:
    english = sorted(p.name for p in site.glob("*.html"))
    assert "index.html" in english
    assert "2026.html" in english
    for lang in OTHERS:
        assert sorted(p.name for p in (site / lang).iterdir()) == english, lang
    assert sorted(p.name for p in site.glob("events.*")) == ["events.json", "events.toml"]
    assert not list(site.glob("*/*.ics"))
    assert not list(site.glob("*/events.*"))


def test_each_page_says_its_language_and_where_it_is_in_the_others(site: Path) -> None:
    for path, tree in pages(site).items():
        lang = path.split("/")[0] if "/" in path else "en"
        file = path.rsplit("/", 1)[-1]
        root = tree
        assert root.get("lang") == lang, path
        assert root.get("dir") == ("rtl" if lang == "ar" else None), path
        assert not list(root.iter(f"{HTML}script")), path
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in root.iter(f"{HTML}link")
            if link.get("rel") == "alternate"
        }
        up = "" if lang == "en" else "../"
        wanted = {other: f"{up}{folder(other)}{file}" for other in LANGUAGES}
        assert alternates == {**wanted, "x-default": f"{up}{file}"}, path
        switcher = root.find(f".//{HTML}nav[@class='languages']")
        assert switcher is not None, path
        links = list(switcher.iter(f"{HTML}a"))
        assert [a.get("hreflang") for a in links] == list(LANGUAGES)
        assert [a.get("lang") for a in links] == list(LANGUAGES)
        assert [a.get("href") for a in links] == [wanted[other] for other in LANGUAGES]
        assert [a.get("aria-current") for a in links].count("page") == 1
        assert next(a for a in links if a.get("aria-current")).get("lang") == lang


def test_every_link_of_every_page_of_every_language_resolves(site: Path) -> None:
    parsed = pages(site)
    ids = {path: {e.get("id") for e in tree.iter() if e.get("id")} for path, tree in parsed.items()}
    checked = 0
    for path, tree in parsed.items():
        here = Path(path).parent
        for element in tree.iter():
            href = element.get("href") if element.tag in (f"{HTML}a", f"{HTML}link") else None
            if not href or re.match(r"(https?|webcal|data):", href):
                continue
            target, _, anchor = href.partition("#")
            resolved = os.path.normpath(here / target) if target else path
            assert (site / resolved).is_file(), (path, href)
            if anchor:
                assert anchor in ids[resolved], (path, href)
            checked += 1
    assert checked > 1000


def test_the_french_page_is_french_with_titles_marked_as_english(site: Path) -> None:
    front = parse((site / "fr" / "index.html").read_text(encoding="utf-8"))
    words = texts(front)
    for phrase in (
        "À venir d'ici 90 jours",
        "Les douze prochains mois",
        "décembre 2026",
        "S'abonner",
        "Réunions et délais de l'UIT",
        "Prévues, dates non annoncées",
    ):
        assert phrase in words, phrase  # fmt: skip
    for english in ("Coming up", "Subscribe", "December", "Expected", "Countdown"):
        assert english not in words, english
    titled = [a for a in front.iter(f"{HTML}span") if a.get("lang") == "en"]
    assert any(texts(span) == "Internet Governance Forum 2026 (21st IGF)" for span in titled)
    year = parse((site / "fr" / "2026.html").read_text(encoding="utf-8"))
    pp = year.find(f".//{HTML}article[@id='pp-26']/{HTML}h3")
    assert pp is not None
    assert texts(pp) == "Conférence de plénipotentiaires (PP-26)"  # the ITU's own, unmarked
    markers = [s for s in front.iter(f"{HTML}small") if s.get("class") == "fallback"]
    assert markers
    assert {texts(m) for m in markers} == {"(en anglais)"}
    year = texts(parse((site / "fr" / "2026.html").read_text(encoding="utf-8")))
    assert "2026-10-12 23:59 heure de Genève (21:59 UTC) : Candidatures" in year
    english_page = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="fallback"' not in english_page
    assert 'lang="en"><a' not in english_page


def test_the_pages_name_meetings_and_their_kinds_as_the_itu_does_in_each_language(
    site: Path,
) -> None:
    """The curated names (`titles`) head an event's article unmarked; the kind of meeting is
    the glossary's name for its series where one was read (the GSR, the WSIS Forum, a Working
    Party), else English marked as such, else our word for the kind."""
    for lang, year, event, heading, kind in (
        ("fr", "2024", "gsr-24", "Colloque mondial des régulateurs de 2024 (GSR-24)",
         "Réunion (Colloque mondial des régulateurs)"),
        ("ru", "2025", "wsis20-hle-2025", "Мероприятие высокого уровня ВВУИО+20 2025 года",
         "Собрание (форум)"),
        ("es", "2027", "wsis-forum-2027", "WSIS Forum 2027", "Reunión (Foro de la CMSI)"),
        ("es", "2021", "itur-wp7a-2021-04", "ITU-R Working Party 7A meeting (e-meeting)",
         "Reunión (Grupo de Trabajo)"),
    ):  # fmt: skip
        page = parse((site / lang / f"{year}.html").read_text(encoding="utf-8"))
        article = page.find(f".//{HTML}article[@id='{event}']")
        assert article is not None, event
        title = article.find(f"{HTML}h3")
        assert title is not None, event
        assert texts(title).startswith(heading), event
        assert kind in texts(article), event


@pytest.mark.parametrize(
    ("days", "heading"),
    [(1, "В ближайший 1 день"), (2, "В ближайшие 2 дня"), (5, "В ближайшие 5 дней"),
     (21, "В ближайший 21 день"), (22, "В ближайшие 22 дня"), (90, "В ближайшие 90 дней")],
)  # fmt: skip
def test_russian_headings_take_the_form_of_their_number(
    run: Run, tmp_path: Path, days: int, heading: str
) -> None:
    built = tmp_path / "site"
    args = ("publish", str(built), "--days", str(days))
    assert run(*args, calendars=[bundled_path()], today="2026-12-03").exit_code == 0
    tree = parse((built / "ru" / "index.html").read_text(encoding="utf-8"))
    section = tree.find(f".//{HTML}section[@id='upcoming']/{HTML}h2")
    assert section is not None
    assert texts(section) == heading


def test_a_title_of_the_users_own_is_kept_in_every_language(run: Run, tmp_path: Path) -> None:
    built = tmp_path / "site"
    args = ("publish", str(built), "--title", "Subscribe")  # a word the catalogs translate
    assert run(*args, calendars=[bundled_path()], today="2026-12-03").exit_code == 0
    for lang in LANGUAGES:
        page = (built / folder(lang) / "index.html").read_text(encoding="utf-8")
        assert "<h1>Subscribe</h1>" in page, lang


def test_page_weights_in_every_language(site: Path) -> None:
    for lang in LANGUAGES:
        assert (site / folder(lang) / "index.html").stat().st_size < 150_000, lang
        for page in (site / folder(lang)).glob("20*.html"):
            assert page.stat().st_size < 300_000, page
