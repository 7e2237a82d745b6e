"""`publish` and `digest`: the site's files, its HTML (parsed by html5lib, checked for the
accessibility rules), hostile text, the swap, and the published TOML followed by `feeds add`
from a real HTTP server. The page in a real browser is tests/test_browser.py."""

import itertools
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import icalendar
import pytest
import vobject
from typer.testing import CliRunner

from itu_timeline.cli.app import app
from itu_timeline.core.loader import bundled_path, load

from .conftest import Run, WriteCalendar, static_server

HTML = "{http://www.w3.org/1999/xhtml}"
FILES = {"index.html", "all.ics", "events.json", "events.toml"}


def publish(run: Run, folder: Path, *args: str, calendars: list[Path] | None = None) -> None:
    result = run(
        "--tz", "UTC", "publish", str(folder), *args,
        calendars=calendars if calendars is not None else [bundled_path()], today="2026-06-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def parse(page: str) -> Element:
    """The page as a strict HTML5 parser reads it: any parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(page)


def texts(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def rows_of(tree: Element, section: str) -> list[str]:
    found = tree.find(f".//{HTML}section[@id='{section}']")
    assert found is not None
    return [" ".join(texts(cell) for cell in row) for row in found.iter(f"{HTML}tr")][1:]


def test_the_site_has_its_files_and_is_the_same_twice(run: Run, tmp_path: Path) -> None:
    publish(run, tmp_path / "one", "--days", "200")
    publish(run, tmp_path / "two", "--days", "200")
    one, two = tmp_path / "one", tmp_path / "two"
    names = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    assert FILES | {"itu.ics", "itu-t.ics", "itu-d.ics", "itu-r.ics", "un.ics"} <= names
    assert {f"{lang}/index.html" for lang in ("ar", "es", "fr", "ru", "zh")} <= names
    for name in names:  # every page of every language, and the data files
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert len((one / "index.html").read_bytes()) < 300_000


def test_the_upcoming_section_at_2026_06_01(run: Run, tmp_path: Path) -> None:
    publish(run, tmp_path / "site", "--days", "200")
    tree = parse((tmp_path / "site" / "index.html").read_text())
    rows = rows_of(tree, "upcoming")
    council = next(i for i, r in enumerate(rows) if "Meeting ITU Council 2026, last meeting" in r)
    candidatures = next(i for i, r in enumerate(rows) if "Candidatures for elected posts" in r)
    pp = next(i for i, r in enumerate(rows) if "Meeting Plenipotentiary Conference 2026" in r)
    assert candidatures < council < pp
    assert rows[candidatures].startswith(
        "2026-10-12 23:59 Geneva time (21:59 UTC) in 133 days Deadline"
    )
    assert rows[pp].startswith("2026-11-09..2026-11-27 in 161 days Meeting")
    days = [r[:10] for r in rows]
    assert days == sorted(days)
    assert "Built on 2026-06-01" in texts(tree)


def test_the_page_follows_the_accessibility_rules(run: Run, tmp_path: Path) -> None:
    publish(run, tmp_path / "site", "--base-url", "https://example.org/itu")
    site = tmp_path / "site"
    for page in sorted(site.glob("*.html")):
        _follows_the_rules(site, parse(page.read_text()))
    assert list(parse((site / "index.html").read_text()).iter(f"{HTML}th"))


def _follows_the_rules(site: Path, tree: Element) -> None:
    assert tree.get("lang") == "en"
    levels = [int(e.tag[-1]) for e in tree.iter() if re.fullmatch(rf"{HTML}h[1-6]", str(e.tag))]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "a heading skipped"
    headers = list(tree.iter(f"{HTML}th"))  # Coming up has them; a year's page has none
    assert all(th.get("scope") in ("col", "row") for th in headers)
    assert not list(tree.iter(f"{HTML}script"))
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    hrefs = [a.get("href") or "" for a in tree.iter(f"{HTML}a")]
    for href in hrefs:
        if href.startswith("#"):
            assert href[1:] in ids, href
        elif href.startswith("webcal://"):
            assert href.startswith("webcal://example.org/itu/")
            assert (site / href.rsplit("/", 1)[1]).is_file()
        elif not href.startswith(("http://", "https://")):  # tests/test_page.py: the anchors
            assert (site / href.split("#")[0]).is_file(), href
    assert "webcal://example.org/itu/all.ics" in hrefs or "index.html" in hrefs


def test_the_feeds_pass_two_parsers_and_the_toml_reads_back_equal(run: Run, tmp_path: Path) -> None:
    publish(run, tmp_path / "site")
    for feed in (tmp_path / "site").glob("*.ics"):
        data = feed.read_bytes()
        parsed = icalendar.Calendar.from_ical(data)
        assert [c.errors for c in parsed.walk()] == [[] for _ in parsed.walk()]
        assert vobject.readOne(data.decode(), validate=True).contents["vevent"]
    bundled = load([bundled_path()])
    published = load([tmp_path / "site" / "events.toml"])
    assert published.name == bundled.name
    assert [_no_origin(e) for e in published.events] == [_no_origin(e) for e in bundled.events]
    assert [_no_origin(r) for r in published.rules] == [_no_origin(r) for r in bundled.rules]


def _no_origin(item: object) -> object:
    from dataclasses import replace

    return replace(item, origin=None)  # type: ignore[type-var]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The folder `site`, served on 127.0.0.1 as a host would."""
    site = tmp_path / "site"
    with static_server(site) as url:
        yield url, site


def test_feeds_add_follows_the_published_toml(
    run: Run, served: tuple[str, Path], tmp_path: Path
) -> None:
    url, site = served
    publish(run, site, "--body", "ITU-T")
    home = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    runner = CliRunner()
    follow = ["feeds", "add", f"{url}/events.toml", "--name", "site", "--allow-override"]
    added = runner.invoke(app, follow, env=home)  # its ids are the bundled calendar's
    assert added.exit_code == 0, added.output
    assert "with ids of the curated calendar" in added.stderr
    listed = runner.invoke(app, ["--today", "2026-06-01", "list", "--format", "json"], env=home)
    records = json.loads(listed.stdout)
    from_site = [r for r in records if r["feed"] == "site"]
    assert from_site
    assert {r["body"] for r in from_site} == {"ITU-T"}
    assert {r["body"] for r in records} > {"ITU-T"}  # a part does not replace the bundled whole


HOSTILE = """\
schema = 2

[[events]]
id = "bad"
title = "<script>alert(1)</script> & <b>bold</b>"
body = "ITU-T"
kind = "workshop"
start = 2026-06-10
end = 2026-06-11
timezone = "UTC"
location = "\\u001b[31mred\\u001b[0m <img src=x onerror=alert(2)>"
source = "javascript:alert(3)"
url = "https://example.org/\\"><script>alert(4)</script>"
notes = "[click](javascript:alert(5)) *stars*"

[[events.deadlines]]
name = "<iframe src=//evil>"
before = "5 days"
"""


def test_hostile_text_is_text_on_the_page(
    run: Run, tmp_path: Path, write_calendar: WriteCalendar
) -> None:
    publish(run, tmp_path / "site", calendars=[write_calendar(HOSTILE, "hostile.toml")])
    page = "".join(p.read_text() for p in sorted((tmp_path / "site").glob("*.html")))
    tree = parse((tmp_path / "site" / "2026.html").read_text())
    assert not list(tree.iter(f"{HTML}script"))
    assert not list(tree.iter(f"{HTML}img"))
    assert not list(tree.iter(f"{HTML}iframe"))
    assert not list(tree.iter(f"{HTML}b"))
    assert "\x1b" not in page
    for a in tree.iter(f"{HTML}a"):
        assert not (a.get("href") or "").lower().startswith("javascript:")
    article = texts(tree.find(f".//{HTML}article[@id='bad']"))  # type: ignore[arg-type]
    assert "<script>alert(1)</script> & <b>bold</b>" in article
    assert "javascript:alert(3)" in article
    assert "<iframe src=//evil>" in texts(tree)
    front = texts(parse((tmp_path / "site" / "index.html").read_text()))
    assert "<script>alert(1)</script> & <b>bold</b>" in front


def test_a_failed_build_leaves_the_old_site_and_a_rebuild_cleans_up(
    run: Run, tmp_path: Path, write_calendar: WriteCalendar
) -> None:
    site = tmp_path / "site"
    publish(run, site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    broken = write_calendar("schema = 2\n[[events]]\nid = 'x'\n", "broken.toml")
    failed = run("publish", str(site), calendars=[broken])
    assert failed.exit_code == 2
    assert "broken.toml" in failed.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    publish(run, site, "--body", "ITU-R")
    assert site.is_symlink()
    assert not (site / "itu-t.ics").exists()
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.build-"))
    assert len(beside) == 1  # the one build in use; the earlier one is gone


def test_an_empty_folder_or_a_copy_of_a_site_becomes_a_link_to_the_build(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    publish(run, tmp_path / "empty")
    publish(run, tmp_path / "built", "--body", "ITU-T")
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "built", copy)  # a real folder: a site copied by hand
    publish(run, copy, "--body", "ITU-R")
    for site in (tmp_path / "empty", copy):
        assert site.is_symlink()
        assert (site / "index.html").is_file()
    assert not (copy / "itu-t.ics").exists()  # the copy's build wrote it; this one does not
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".copy."))
    assert leftovers == sorted([".copy.lock", os.readlink(copy)])


def test_a_file_or_a_folder_of_other_things_is_never_replaced(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.txt").write_text("years of work")
    (tmp_path / "notes.txt").write_text("mine")
    for target, why in ((home, "folder of other files"), (tmp_path / "notes.txt", "is a file")):
        result = run("publish", str(target))
        assert result.exit_code == 2
        assert why in result.stderr
    assert (home / "thesis.txt").read_text() == "years of work"
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert not [p for p in tmp_path.iterdir() if ".build-" in p.name]


def test_a_base_url_that_is_not_http_is_refused(run: Run, tmp_path: Path) -> None:
    result = run("publish", str(tmp_path / "s"), "--base-url", "javascript:alert(1)")
    assert result.exit_code == 2
    assert "--base-url" in result.stderr
    assert not (tmp_path / "s").exists()


def test_digest_lists_the_candidature_deadline(run: Run) -> None:
    result = run("--tz", "UTC", "digest", calendars=[bundled_path()], today="2026-10-06")
    assert result.exit_code == 0
    assert result.stdout.startswith("# This week at the ITU\n\nTuesday 6 October 2026 to")
    assert "## Monday 12 October 2026" in result.stdout
    assert "Candidatures for elected posts" in result.stdout


def test_digest_is_silent_when_nothing_is_due(run: Run) -> None:
    for fmt in ("markdown", "html", "text"):
        result = run("digest", "--format", fmt, calendars=[bundled_path()], today="2031-01-01")
        assert result.exit_code == 0
        assert result.stdout == ""


def test_digest_escapes_hostile_text(run: Run, write_calendar: WriteCalendar) -> None:
    hostile = [write_calendar(HOSTILE, "hostile.toml")]
    markdown = run("digest", calendars=hostile, today="2026-06-04").stdout
    assert "\\<script\\>alert(1)\\</script\\> \\& \\<b\\>bold\\</b\\>" in markdown
    assert "javascript:" not in markdown
    html = run("digest", "--format", "html", calendars=hostile, today="2026-06-04").stdout
    assert "&lt;script&gt;" in html
    assert "<script" not in html
    links = run(
        "digest", "--base-url", "https://example.org/itu", calendars=hostile, today="2026-06-04"
    ).stdout
    assert "(<https://example.org/itu/2026.html#bad>)" in links  # the event's record


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_colours_have_wcag_aa_contrast_in_light_and_dark() -> None:
    from itu_timeline.render.page_css import CSS

    themes = re.findall(r":root\{([^}]*)\}", CSS)
    assert len(themes) >= 2  # the light theme, and the dark one of prefers-color-scheme
    for theme in themes[:2]:
        colours = dict(re.findall(r"--(\w+):(#[0-9a-f]{6})", theme))
        for text in ("fg", "muted", "link"):
            assert contrast(colours[text], colours["bg"]) >= 4.5, (text, theme)
    assert contrast("#777777", "#ffffff") < 4.5  # the check itself tells a failing pair


@pytest.mark.parametrize("bad", ["http://[x", "javascript:alert(1)", "https://", "https://a b/"])
def test_an_address_urlsplit_cannot_take_apart_is_an_error_not_a_traceback(
    run: Run, tmp_path: Path, bad: str
) -> None:
    for args in (
        ("digest", "--base-url", bad),
        ("publish", str(tmp_path / "s"), "--base-url", bad),
        ("add", "--title", "T", "--start", "2027-01-05", "--body", "ITU", "--kind", "other",
         "--url", bad, "--calendar", str(tmp_path / "mine.toml")),
    ):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        assert bad in result.stderr
    assert not (tmp_path / "mine.toml").exists()


def test_the_chart_states_no_day_that_no_source_gives(run: Run, tmp_path: Path) -> None:
    publish(run, tmp_path / "site")
    tree = parse((tmp_path / "site" / "index.html").read_text())
    svg = tree.find(f".//{HTML}section[@id='chart']//{{http://www.w3.org/2000/svg}}svg")
    assert svg is not None
    titles = [texts(t) for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert not [t for t in titles if t.startswith("AI for Good Global Summit 2027")]
    assert "ITU Council 2026, last meeting (before PP-26): 2026-11-07" in titles
    expected = texts(tree.find(f".//{HTML}section[@id='expected']"))  # type: ignore[arg-type]
    assert "AI for Good Global Summit 2027 — 2027 (dates not announced)" in expected
    year = parse((tmp_path / "site" / "2027.html").read_text())
    summit = texts(year.find(f".//{HTML}article[@id='aifg-2027']"))  # type: ignore[arg-type]
    assert "Dates2027 (dates not announced)" in summit
    assert "2027-01-01" not in summit


def test_the_data_files_are_what_export_and_list_write(run: Run, tmp_path: Path) -> None:
    """all.ics is `export`, each body's feed `export --body` under "NAME: BODY", events.json
    `list --format json`: each streamed from one serialisation of each event."""
    publish(run, tmp_path / "site")
    site = tmp_path / "site"

    def output(*args: str) -> bytes:
        result = run("--tz", "UTC", *args, calendars=[bundled_path()], today="2026-06-01")
        assert result.exit_code == 0, result.stderr
        return result.stdout_bytes

    assert (site / "all.ics").read_bytes() == output("export")
    name = load([bundled_path()]).name
    for body in ("ITU", "ITU-T", "UN"):
        feed = site / f"{body.lower()}.ics"
        assert feed.read_bytes() == output("export", "--body", body, "--name", f"{name}: {body}")
    assert (site / "events.json").read_bytes() == output("list", "--format", "json")


def test_a_page_is_written_a_piece_at_a_time_with_every_character_whole(tmp_path: Path) -> None:
    from itu_timeline.cli.site_files import write_in_pieces

    text = "é" * 5 + "日本" + "👩‍👧" * 3 + "x"
    write_in_pieces(tmp_path / "index.html", [text[:3], "", text[3:]], piece=2)
    assert (tmp_path / "index.html").read_bytes() == text.encode()
