"""Where output goes: Rich on a terminal, plain text when piped; charts either way."""

import sys
from collections.abc import Callable
from typing import Any

from itu_timeline.cli.app import Settings


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
    from itu_timeline.render.chart import ASCII, UNICODE

    if sys.stdout.isatty():
        print_rich(settings, *draw(UNICODE, width or terminal_width()), crop=True)
    else:
        sys.stdout.write("".join(line.plain + "\n" for line in draw(ASCII, width or 80)))
