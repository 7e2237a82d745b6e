"""Where output goes: Rich on a terminal, plain text when piped; charts either way."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itu_timeline.base.i18n import N_, _
from itu_timeline.cli.app import Settings
from itu_timeline.cli.options import OutputFormat, chosen_format

# TRANSLATORS: how many events a merge (import, letter --add) added, updated, left unchanged
MERGED = {"added": N_("{n} added"), "updated": N_("{n} updated"), "unchanged": N_("{n} unchanged")}


def merged_line(
    counts: dict[str, int], more: list[str], written: bool, dry_run: bool, target: Path
) -> str:
    """What `import` and `letter --add` print: '1 added, 0 updated, 2 unchanged (changed
    FILE)', with `more` said after the counts."""
    parts = [_(MERGED[k]).format(n=counts[k]) for k in ("added", "updated", "unchanged")]
    if dry_run and counts["added"] + counts["updated"]:
        said = _("would change {file}")
    else:
        said = _("changed {file}") if written else _("unchanged {file}")
    # TRANSLATORS: between the items of a list ('1 added, 0 updated'): Arabic and Chinese commas
    separator = _(", ")
    return f"{separator.join([*parts, *more])} ({said.format(file=target)})\n"


def print_rich(settings: Settings, *renderables: Any, crop: bool = False) -> None:
    """Rich output; tables wrap their cells to the terminal, charts (`crop`) are cut to it."""
    from rich.console import Console

    console = Console(file=sys.stdout, no_color=settings.no_color, highlight=False)
    for renderable in renderables:
        if crop:
            console.print(renderable, no_wrap=True, overflow="crop")
        else:
            console.print(renderable)


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def print_chart(
    settings: Settings, draw: Callable[[Any, int], list[Any]], width: int | None = None
) -> None:
    """A chart drawn by `draw(glyphs, columns)`: in colour to fit a terminal, or in plain ASCII
    (80 columns unless `width` says otherwise) for a pipe."""
    from itu_timeline.render.chart import ASCII, MONOCHROME, UNICODE

    if sys.stdout.isatty():
        glyphs = MONOCHROME if settings.no_color else UNICODE
        print_rich(settings, *draw(glyphs, width or terminal_width()), crop=True)
    else:
        sys.stdout.write("".join(line.plain + "\n" for line in draw(ASCII, width or 80)))


def print_records(
    settings: Settings,
    fmt: OutputFormat | None,
    records: list[dict[str, Any]],
    fields: tuple[str, ...],
    line: Callable[[dict[str, Any]], str],
    columns: dict[str, str],
) -> None:
    """Records in the `--format` asked for: JSON and CSV with `fields` as keys, a table of
    `columns` (a record's key and the header in the language of the run), or a `line` each
    (plain; nothing at all when there are none)."""
    match chosen_format(fmt):
        case OutputFormat.JSON:
            from itu_timeline.render.json_csv import to_json

            sys.stdout.writelines(to_json({f: r[f] for f in fields} for r in records))
        case OutputFormat.CSV:
            from itu_timeline.render.json_csv import to_csv

            sys.stdout.write(to_csv(records, fields))
        case OutputFormat.TABLE:
            from itu_timeline.render.table import records_table

            if records:
                print_rich(settings, records_table(records, columns))
        case OutputFormat.PLAIN:
            sys.stdout.writelines(line(r) + "\n" for r in records)
