"""Start-up is what cron users wait for: the commands they run most must not import what they
do not use. Checked in a fresh interpreter through sys.modules, never with a timer."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROBE = textwrap.dedent("""
    import json, sys
    from itu_timeline.cli.main import whole_app
    app = whole_app()
    try:
        app(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
""")


def entry_probe(before: str = "", report: str = "sorted(sys.modules)") -> str:
    """A run as the installed `itu-timeline` makes it, through the entry point (which puts
    on the app only the module of the command it runs), that prints `report` as JSON."""
    return "\n".join([
        "import json, sys",
        before,
        "from itu_timeline.cli.main import main",
        'sys.argv = ["itu-timeline", *sys.argv[1:]]',
        "try:",
        "    main()",
        "except SystemExit:",
        "    pass",
        f"print(json.dumps({report}), file=sys.stderr)",
    ])  # fmt: skip


ENTRY_PROBE = entry_probe()
# babel: dates in words in languages other than English; English loads none of it.
HEAVY = ("icalendar", "tomli_w", "filelock", "recurring_ical_events", "pydantic", "ssl", "http",
         "pypdf", "babel")  # fmt: skip
HEAVY_OURS = ("itu_timeline.render.chart", "itu_timeline.render.ics",
              "itu_timeline.render.ics_text", "itu_timeline.store",
              "itu_timeline.core.letter")  # fmt: skip


def heavy(modules: set[str]) -> set[str]:
    """What a reading command must not load: no HTTP code (it never touches the network), no
    .ics library, no TOML writer, no chart."""
    return {
        m
        for m in modules
        if m.split(".")[0] in HEAVY
        or m == "urllib.request"
        or any(m == h or m.startswith(h + ".") for h in HEAVY_OURS)
    }


def imported(*args: str, probe: str = PROBE, lang: str | None = None) -> set[str]:
    env = {**os.environ, "XDG_DATA_HOME": os.environ["XDG_CACHE_HOME"]}
    if lang:
        env["LANG"] = lang
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stderr.splitlines()[-1]))


@pytest.mark.parametrize("command", [["upcoming"], ["list"], ["remind", "--dry-run"]])
def test_the_cron_commands_import_nothing_heavy(command: list[str], tmp_path: Path) -> None:
    if command[0] == "remind":
        command += ["--state", str(tmp_path / "state.toml")]
    modules = imported("--today", "2026-10-01", *command)
    assert "itu_timeline.core.deadlines" in modules  # the command really ran
    assert not heavy(modules)
    assert not any(m == "rich" or m.startswith("rich.") for m in modules)  # piped: plain text
    assert "itu_timeline.core.glossary" not in modules  # the ITU's names are for show, pages


def test_a_table_imports_rich_but_not_the_chart_or_icalendar() -> None:
    modules = imported("--today", "2027-01-01", "upcoming", "--format", "table")
    assert "rich.table" in modules
    assert not heavy(modules)


def test_the_probe_would_notice_a_heavy_import(tmp_path: Path) -> None:
    out = tmp_path / "x.ics"
    assert "itu_timeline.render.ics" in imported("--today", "2027-01-01", "export", "-o", str(out))


def test_a_run_imports_only_the_command_module_of_its_command() -> None:
    modules = imported("--today", "2027-01-01", "upcoming", probe=ENTRY_PROBE)
    assert "itu_timeline.core.deadlines" in modules  # the command really ran
    ours = {
        m.removeprefix("itu_timeline.cli.") for m in modules if m.startswith("itu_timeline.cli.")
    }
    assert ours & {"publish", "site", "edit", "files", "feeds"} == set()
    assert "read" in ours


def test_a_french_cron_run_reads_its_catalog_but_not_babel() -> None:
    """Countdowns and words come from the catalog; dates in the plain lines are ISO, so the
    cron case in French stays as light as in English."""
    modules = imported("--today", "2027-01-01", "upcoming", probe=ENTRY_PROBE, lang="fr_FR.UTF-8")
    assert "itu_timeline.core.deadlines" in modules  # the command really ran
    assert not heavy(modules)
    assert "gettext" in modules


def test_a_french_table_puts_dates_in_words_with_babel() -> None:
    """The probe sees babel where it is used: a table in French (the test would notice)."""
    modules = imported(
        "--today", "2027-01-01", "list", "--format", "table", probe=ENTRY_PROBE, lang="fr_FR"
    )
    assert "babel.dates" in modules


def test_upcoming_served_from_the_day_index_imports_no_validation() -> None:
    """Validating and merging files is for a run that reads them, not for one served from
    the cache (a cron job, nearly always)."""
    args = ("--today", "2027-01-01", "upcoming")
    assert "itu_timeline.core.schema" in imported(*args)  # the first run reads the files
    warm = imported(*args, probe=ENTRY_PROBE)
    assert "itu_timeline.core.deadlines" in warm  # the command really ran
    assert not {"itu_timeline.core.schema", "itu_timeline.core.feed_scope"} & warm
    assert "itu_timeline.core.tables" not in warm  # shown titles need no reader of files


# Which runs make Typer's completion options (`made`, reported).
COMPLETION_PROBE = entry_probe(
    "import typer.main\n"
    "made = []\n"
    "build = typer.main.get_install_completion_arguments\n"
    "typer.main.get_install_completion_arguments = lambda: made.append(1) or build()",
    '["made"] if made else []',
)


@pytest.mark.parametrize(
    ("args", "made"),
    [
        (["--today", "2027-01-01", "upcoming"], False),
        (["--today", "2027-01-01", "list", "--help"], False),
        (["--help"], True),
        (["--show-completion", "bash"], True),
    ],
)
def test_only_help_and_completion_make_the_completion_options(args: list[str], made: bool) -> None:
    """Typer makes --install-completion and --show-completion at every run; a run of one
    command (its help too: the options are the program's) has no use for them."""
    assert bool(imported(*args, probe=COMPLETION_PROBE)) == made


# Our modules and Babel's a run imported, and the catalogs it read ("catalog:fr").
LANGUAGE_PROBE = entry_probe(
    "from itu_timeline.base import i18n",
    'sorted([m for m in sys.modules if m.startswith(("itu_timeline.", "babel"))]'
    ' + [f"catalog:{language}" for language in i18n._chosen.catalogs])',
)


@pytest.mark.parametrize("lang", [None, "C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8"])
def test_an_english_cron_run_loads_nothing_of_the_translation(lang: str | None) -> None:
    """In English (the default, or a language that is not one of the six) no catalog is
    read and neither Click's words in other languages nor Babel are imported; in French the
    run reads the French catalog, and only it (the probe would notice)."""
    found = imported("--today", "2027-01-01", "upcoming", probe=LANGUAGE_PROBE, lang=lang)
    assert "itu_timeline.core.deadlines" in found  # the command really ran
    catalogs = {m for m in found if m.startswith("catalog:")}
    words = {"itu_timeline.cli.click_words", "itu_timeline.core.glossary"} & found
    babel = {m for m in found if m.split(".")[0] == "babel"}
    if lang == "fr_FR.UTF-8":
        assert catalogs == {"catalog:fr"}
    else:
        assert (catalogs, words, babel) == (set(), set(), set())
