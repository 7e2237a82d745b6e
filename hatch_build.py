"""The build hook (hatchling): every message catalog `itu_timeline/locale/<lang>/LC_MESSAGES/
itu_timeline.po` compiled into the `.mo` file that gettext reads, beside it, before a wheel
(or an editable install) is built. The `.mo` files are build products, ignored by git; the
wheel takes them as artifacts."""

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("itu_timeline") / "locale"


def compile_catalogs(root: Path) -> list[Path]:
    """Compiles each catalog under `root`'s locale folder; the `.mo` files written. A
    catalog Babel cannot read stops the build: a broken translation must not ship."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, abort_invalid=True)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    return written


class CatalogsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # an sdist ships the .po files; its wheel compiles them
        root = Path(self.root)
        for mo in compile_catalogs(root):
            build_data["artifacts"].append(mo.relative_to(root).as_posix())
