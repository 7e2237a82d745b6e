"""The public site as a reader finds it (issue 29): the front page is what is next, each year
has a page, every event has one anchor on one page, every link resolves, times read as the
ITU states them, one zone rule for the lists and the chart, the chart's legend and colours.
The page in a real browser (heights, labels that never collide) is tests/test_browser.py."""

import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Body, Event, Kind, Precision
from itu_timeline.core.text import MONTHS, safe
from itu_timeline.render import page_record, svg_chart
from itu_timeline.render.svg_chart import FONT, LABEL, chart_svg, text_width

from .conftest import Run, WriteCalendar
from .test_publish import HTML, contrast, parse, rows_of, texts

SVG = "{http://www.w3.org/2000/svg}"
TODAY = "2026-12-03"


def build(run: Run, folder: Path, *args: str, today: str = TODAY, **kw: list[Path]) -> None:
    calendars = kw.get("calendars", [bundled_path()])
    result = run("publish", str(folder), *args, calendars=calendars, today=today)
    assert result.exit_code == 0, result.output


def pages(folder: Path) -> dict[str, Element]:
    return {p.name: parse(p.read_text()) for p in sorted(folder.glob("*.html"))}


def section(tree: Element, name: str) -> Element:
    found = tree.find(f".//{HTML}section[@id='{name}']")
    assert found is not None, name
    return found


def test_every_event_has_one_anchor_on_one_page_and_every_link_resolves(
    run: Run, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    build(run, site)
    trees = pages(site)
    assert {f"{year}.html" for year in range(2022, 2027)} <= set(trees)
    anchors: dict[str, list[str]] = {}
    for name, tree in trees.items():
        for article in tree.iter(f"{HTML}article"):
            anchors.setdefault(article.get("id") or "", []).append(name)
    assert set(anchors) == {e.id for e in load([bundled_path()]).events}
    assert all(len(where) == 1 for where in anchors.values()), anchors
    assert not trees["index.html"].findall(f".//{HTML}article")  # the front page links only
    for name, tree in trees.items():
        ids_here = {e.get("id") for e in tree.iter() if e.get("id")}
        for a in tree.iter(f"{HTML}a"):
            href = a.get("href") or ""
            if href.startswith(("http://", "https://")):
                continue
            page, _, anchor = href.partition("#")
            assert page == "" or (site / page).is_file(), (name, href)
            if anchor:
                target = (
                    ids_here
                    if page == ""
                    else {e.get("id") for e in trees[page].iter() if e.get("id")}
                )
                assert anchor in target, (name, href)


def test_the_front_page_is_what_is_next(run: Run, tmp_path: Path) -> None:
    build(run, tmp_path / "site")
    tree = pages(tmp_path / "site")["index.html"]
    main = tree.find(f".//{HTML}main")
    assert main is not None
    years = section(tree, "years")
    main.remove(years)
    assert not re.search(r"\b202[2-5]\b", texts(main)), "a past year on the front page"
    hrefs = [a.get("href") or "" for a in main.iter(f"{HTML}a")]
    assert not [h for h in hrefs if re.match(r"202[2-5]\.html", h)]
    assert [texts(a) for a in years.iter(f"{HTML}a")][:5] == [str(y) for y in range(2021, 2026)]
    expected = texts(section(tree, "expected"))
    assert "AI for Good Global Summit 2027 — 2027 (dates not announced)" in expected
    timeline = texts(section(tree, "timeline"))
    assert "Internet Governance Forum 2026" in timeline
    assert "Terms of the officials elected at PP-26" in timeline
    assert "Milestone" in timeline


def test_year_only_events_are_under_no_month(run: Run, tmp_path: Path) -> None:
    build(run, tmp_path / "site")
    tree = pages(tmp_path / "site")["2027.html"]
    year_only = {
        e.id
        for e in load([bundled_path()]).events
        if e.precision is Precision.YEAR and e.first_day.year == 2027
    }
    assert year_only
    under: dict[str, str] = {}
    for part in tree.iter(f"{HTML}section"):
        heading = part.find(f"{HTML}h2")
        assert heading is not None
        under |= {a.get("id") or "": texts(heading) for a in part.iter(f"{HTML}article")}
    assert {under[i] for i in year_only} == {"2027, dates not announced"}
    assert {h for i, h in under.items() if i not in year_only} <= {
        f"{month} 2027" for month in MONTHS
    }
    assert "January 2027" in under.values()  # the terms beginning on 1 January are dated


def test_the_candidatures_deadline_reads_as_the_itu_states_it(run: Run, tmp_path: Path) -> None:
    build(run, tmp_path / "site")
    record = pages(tmp_path / "site")["2026.html"].find(f".//{HTML}article[@id='pp-26']")
    assert record is not None
    said = texts(record)
    assert "2026-10-12 23:59 Geneva time (21:59 UTC): Candidatures for elected posts" in said
    # a deadline whose source gives only a day shows the day alone
    assert "2026-07-09: Other proposals" in said
    assert "TypeMeeting (Plenipotentiary Conference)" in said
    source = [a.get("href") for a in record.iter(f"{HTML}a")]
    assert "https://pp.itu.int/2026/en/about/about-pp26/" in source
    build(run, tmp_path / "before", today="2026-10-01")
    front = rows_of(pages(tmp_path / "before")["index.html"], "upcoming")
    assert "2026-10-12 23:59 Geneva time (21:59 UTC) in 11 days Deadline Candidatures" in "".join(
        front
    )
    header = pages(tmp_path / "before")["index.html"].find(f".//{HTML}header")
    assert header is not None
    assert "seen in" not in texts(header)  # no build zone without --tz
    assert "Europe/" not in texts(header)


TOKYO = """\
schema = 2
[[events]]
id = "tokyo-meeting"
title = "Meeting in Tokyo"
body = "ITU-T"
kind = "workshop"
start = 2026-07-10
timezone = "Asia/Tokyo"
source = "https://example.org/tokyo"

[[events.deadlines]]
name = "Registration"
at = 2026-06-20T00:30:00
"""


def _days_said(folder: Path) -> dict[str, list[str]]:
    """Where each part of the front page puts the Tokyo deadline."""
    tree = pages(folder)["index.html"]
    svg = section(tree, "chart").find(f".//{SVG}svg")
    assert svg is not None
    mark = [texts(t) for t in svg.iter(f"{SVG}title") if texts(t).startswith("deadline")]
    rows = rows_of(tree, "upcoming")
    months = section(tree, "chart").find(f".//{HTML}div[@class='months']")
    assert months is not None
    listed = [texts(li) for li in months.iter(f"{HTML}li") if "◆" in texts(li)]
    return {"chart": mark, "upcoming": rows, "months": listed}


def test_one_zone_rule_for_lists_and_chart_a_tokyo_deadline_near_midnight(
    run: Run, tmp_path: Path, write_calendar: WriteCalendar
) -> None:
    tokyo = [write_calendar(TOKYO, "tokyo.toml")]
    build(run, tmp_path / "own", calendars=tokyo, today="2026-06-01")
    said = _days_said(tmp_path / "own")
    assert said["chart"] == ["deadline, 2026-06-20: Registration"]
    assert said["upcoming"][0].startswith(
        "2026-06-20 00:30 Tokyo time (2026-06-19 15:30 UTC) in 19 days Deadline"
    )
    assert said["months"][0].startswith("◆ deadline, 2026-06-20")
    build(run, tmp_path / "utc", "--tz", "UTC", calendars=tokyo, today="2026-06-01")
    said = _days_said(tmp_path / "utc")
    assert said["chart"] == ["deadline, 2026-06-19: Registration"]
    assert said["upcoming"][0].startswith(
        "2026-06-20 00:30 Tokyo time (2026-06-19 15:30 UTC) in 18"
    )
    assert said["months"][0].startswith("◆ deadline, 2026-06-19")
    header = pages(tmp_path / "utc")["index.html"].find(f".//{HTML}header")
    assert "days are as seen in UTC" in texts(header)  # type: ignore[arg-type]


def test_a_legend_names_every_colour_the_chart_draws(run: Run, tmp_path: Path) -> None:
    build(run, tmp_path / "site", today="2026-06-01")
    chart = section(pages(tmp_path / "site")["index.html"], "chart")
    drawn = {r.get("class") for r in chart.iter(f"{SVG}rect")}
    legend = chart.find(f".//{HTML}ul[@class='legend']")
    assert legend is not None
    keys = {
        (s.get("class") or "").split()[1]: texts(li)
        for li in legend
        for s in li.iter(f"{HTML}span")
        if "swatch" in (s.get("class") or "")
    }
    assert drawn
    assert drawn <= set(keys)
    assert all(keys.values())  # a name beside every colour
    assert keys["c-itu-t"] == "ITU-T"


def test_body_colours_have_3_to_1_contrast_in_both_themes() -> None:
    from itu_timeline.render.page_css import BACKGROUNDS, BODY_COLOURS, CSS, MARKS, OTHER

    for theme, background in enumerate(BACKGROUNDS):
        for colours in [*BODY_COLOURS.values(), OTHER, *MARKS.values()]:
            assert contrast(colours[theme], background) >= 3, (colours, background)
    dark = CSS.split("@media (prefers-color-scheme:dark)")[2]
    assert all(c[1] in dark for c in BODY_COLOURS.values())  # the dark theme uses them
    assert contrast("#5f5f5f", "#121212") < 3  # the old grey on the dark theme fails


def test_page_weights(run: Run, tmp_path: Path) -> None:
    build(run, tmp_path / "site")
    sizes = {p.name: p.stat().st_size for p in (tmp_path / "site").glob("*.html")}
    assert sizes["index.html"] < 150_000
    assert max(sizes.values()) < 300_000


def _labelled(title: str) -> tuple[str, str]:
    """The chart's raw SVG for one meeting called `title`, and its label as a parser reads it."""
    event = Event(
        id="e", title=title, body=Body.ITU_T, kind=Kind.WORKSHOP,
        start=date(2026, 12, 7), end=date(2026, 12, 8), timezone="UTC",
    )  # fmt: skip
    svg = chart_svg([event], [], (date(2026, 12, 3), date(2027, 12, 2)), date(2026, 12, 3), None)
    labels = [
        t for t in ElementTree.fromstring(svg).iter(f"{SVG}text") if t.get("class") == "label"
    ]
    return svg, labels[0].text or ""


def test_a_label_is_cut_first_and_escaped_after() -> None:
    svg, label = _labelled("R&D " + "and standards " * 8)
    assert label.startswith("R&D and standards")
    assert label.endswith("…")
    assert "R&amp;D" in svg
    assert "&a…" not in svg
    assert _labelled("R&D")[1] == "R&D"


@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\ufffe\uffff")))
def test_a_label_is_the_title_or_its_start_whatever_the_title(title: str) -> None:
    """Any title makes well-formed SVG whose label is the title made safe, or a start of it
    that fits its column, with '…'."""
    _, label = _labelled(title)
    whole = safe(title)
    assert label == whole or (label.endswith("…") and whole.startswith(label[:-1]))
    assert text_width(label) <= LABEL


@given(st.text())
def test_a_width_is_its_characters_widths_added_in_order(title: str) -> None:
    """The width that decides where a label is cut: each character's, added one by one (a
    sum in another order could cut a title one character elsewhere)."""
    ems = 0.0
    for char in title:
        ems += svg_chart._ems(char)
    assert text_width(title) == ems * FONT


TIMED = """\
schema = 2
[[events]]
id = "webinar"
title = "Webinar"
body = "ITU-D"
kind = "workshop"
start = 2026-06-10T13:00:00
end = 2026-06-10T16:00:00
timezone = "Europe/Zurich"

[[events]]
id = "open-ended"
title = "Open-ended consultation"
body = "ITU"
kind = "other"
start = 2026-06-12T10:00:00
timezone = "UTC"
"""


def test_a_timed_meeting_reads_in_its_own_zone_with_utc_beside(
    run: Run, tmp_path: Path, write_calendar: WriteCalendar
) -> None:
    build(run, tmp_path / "s", calendars=[write_calendar(TIMED, "t.toml")], today="2026-06-01")
    rows = rows_of(pages(tmp_path / "s")["index.html"], "upcoming")
    assert rows[0].startswith("2026-06-10 13:00..16:00 Geneva time (2026-06-10 11:00..14:00 UTC)")
    assert rows[1].startswith("2026-06-12 10:00.. UTC (end not announced) in 11 days Meeting")


PERCENT = """\
schema = 2
[[events]]
id = "pc-1"
title = "100% online %s %(x)s"
body = "ITU"
kind = "workshop"
start = 2026-06-10
end = 2026-06-11
timezone = "UTC"
location = "50%"
notes = "%d%%"
source = "https://example.org/%20a"
"""


def test_calendar_text_with_percent_signs_is_on_every_page_as_written(
    run: Run, tmp_path: Path, write_calendar: WriteCalendar
) -> None:
    """A year's records are made once with blanks for each language's words, filled by `%`
    (render/page_record.py): a '%' of the calendar's is text, not a blank."""
    build(run, tmp_path / "s", calendars=[write_calendar(PERCENT, "p.toml")], today="2026-06-01")
    for page in (tmp_path / "s" / "2026.html", tmp_path / "s" / "fr" / "2026.html"):
        html = page.read_text()
        assert 'id="pc-1"' in html
        assert "100% online %s %(x)s" in html
        assert all(t in html for t in ("50%", "%d%%", "https://example.org/%20a"))


def test_a_message_is_cut_at_its_blanks_unless_one_has_a_format_of_its_own() -> None:
    assert page_record._cut("{when} : {name} ({countdown})") == (
        ("when", "name", "countdown"),
        ("", " : ", " (", ")"),
    )
    assert page_record._cut("{{x}} {a}") == (("a",), ("{x} ", ""))
    assert page_record._cut("{a!r} {b:>3}") == (("", ""), ("", " ", ""))
