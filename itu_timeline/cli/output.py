"""Where output goes: Rich on a terminal, plain text when piped; charts either way."""

import sys
from collections.abc import Callable
from typing import Any

from itu_timeline.cli.app import Settings
from itu_timeline.cli.options import OutputFormat, chosen_format


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
    columns: tuple[str, ...] | None = None,
) -> None:
    """Records in the `--format` asked for: JSON and CSV with `fields` as keys, a table of
    them (or of `columns`, to fit a terminal), or a `line` each (plain; nothing at all when
    there are none)."""
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
                print_rich(settings, records_table(records, columns or fields))
        case OutputFormat.PLAIN:
            sys.stdout.writelines(line(r) + "\n" for r in records)
