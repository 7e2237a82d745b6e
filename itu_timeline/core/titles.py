"""An event's names in the ITU's six languages: the `titles` of a file read and checked, and
the one name shown to a reader, in their language or, where the ITU gives none, in English.

A file writes each name with the page it was read on:

    [events.titles.fr]
    title = "Conférence de plénipotentiaires (PP-26)"
    source = "https://www.itu.int/fr/..."
"""

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from itu_timeline.base import i18n
from itu_timeline.base.records import record
from itu_timeline.core.model import LANGUAGES, Event, Title

if TYPE_CHECKING:  # the reader's tables are for reading a file, not for every line shown
    from itu_timeline.core.tables import Table

TITLE_KEYS = ("title", "source")


@record(slots=True)
class Shown:
    """The name shown, its language, and whether it is the English one in place of the
    reader's (so that a page can mark it). A record: a NamedTuple's class cost each run that
    shows a title 0.25 ms."""

    text: str
    lang: str
    fallback: bool


def title_in(event: Event, lang: str) -> Shown:
    """The event's name in `lang`, or its English title when the ITU gives none in `lang`.

    >>> from datetime import date
    >>> pp = Event(id="pp-26", title="Plenipotentiary Conference", body="ITU", kind="other",
    ...     start=date(2026, 11, 9), end=None, timezone="UTC",
    ...     titles={"fr": Title(title="Conférence de plénipotentiaires", source="https://x")})
    >>> title_in(pp, "fr")
    Shown(text='Conférence de plénipotentiaires', lang='fr', fallback=False)
    >>> title_in(pp, "ru")
    Shown(text='Plenipotentiary Conference', lang='en', fallback=True)
    >>> title_in(pp, "en")
    Shown(text='Plenipotentiary Conference', lang='en', fallback=False)
    """
    name = event.titles.get(lang)
    if name is not None:
        return Shown(name.title, lang, False)
    return Shown(event.title, "en", lang != "en")


def read_titles(t: "Table") -> dict[str, Title]:
    """The `titles` table of an event, every problem recorded with its field
    (`titles.fr.source`); in the order of LANGUAGES, whatever the file's order."""
    raw = t.get("titles", dict, i18n._("a table of languages (titles.fr, titles.es, ...)"))
    if not raw:
        return {}
    names: dict[str, Title] = {}
    for lang, value in raw.items():
        name = _title(t, lang, value)
        if name is not None:
            names[lang] = name
    return {lang: names[lang] for lang in LANGUAGES if lang in names}


def _title(t: "Table", lang: str, value: Any) -> Title | None:
    from itu_timeline.core.tables import Table

    if lang not in LANGUAGES:
        message = (
            i18n._("not a language code: use one of {languages} (the English name is 'title')")
            if lang == "en"
            else i18n._("not a language code: use one of {languages}")
        )
        t.problem(f"titles.{lang}", message.format(languages=", ".join(LANGUAGES)))
        return None
    if not isinstance(value, dict):
        t.problem(f"titles.{lang}", i18n._("must be a table with 'title' and 'source'"))
        return None
    inner = Table(value, t.file, t.where, t.problems, prefix=f"titles.{lang}.")
    inner.check_keys(TITLE_KEYS)
    title, source = inner.text("title", required=True), inner.text("source", required=True)
    if title is None or source is None:
        return None
    return Title(title=title, source=source)


def in_language(event: Event, lang: str) -> Event:
    """The event with its name in `lang` as its title (English where the ITU gives none): what
    an export in that language writes as SUMMARY, and in the deadlines named after it."""
    shown = title_in(event, lang)
    return event if shown.text == event.title else replace(event, title=shown.text)


def shown_title(event: Event) -> str:
    """The event's name in the language of the run, for the terminal (JSON, CSV and the
    calendar files keep `title` and `titles` as they are)."""
    return title_in(event, i18n.current()).text
