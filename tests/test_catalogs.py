"""The message catalogs are complete and current: every message of the code is in the
template, every template message is translated in each of the five catalogs with the
placeholders of the original, and the compiled catalogs that ship say what the .po files say."""

import gettext
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from itu_timeline.base import i18n

ROOT = Path(__file__).parents[1]
SOURCE_LOCALE = ROOT / "itu_timeline" / "locale"
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]
FIX = (
    "pybabel extract -F babel.cfg --add-location=file --sort-by-file "
    "--add-comments=TRANSLATORS: -o itu_timeline/locale/itu_timeline.pot ."
)


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=locale, abort_invalid=True)


def catalog(lang: str) -> Catalog:
    return read(SOURCE_LOCALE / lang / "LC_MESSAGES" / "itu_timeline.po", lang)


def template() -> Catalog:
    return read(SOURCE_LOCALE / "itu_timeline.pot")


def messages(found: Catalog) -> list[Message]:
    return [m for m in found if m.id]


def ids(found: Catalog) -> set[str]:
    """The messages by their first msgid (a plural's singular)."""
    return {m.id if isinstance(m.id, str) else m.id[0] for m in messages(found)}


def placeholders(text: str) -> set[str]:
    """'{n}', '{name}': the named fields of a str.format message."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_template_holds_exactly_the_messages_of_the_code() -> None:
    """The .pot is extracted again from the code and compared: a message added, changed or
    removed in the code without `pybabel extract` fails here."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    extracted = {
        message if isinstance(message, str) else tuple(message)
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT, method_map, options_map, keywords=DEFAULT_KEYWORDS
        )
    }
    in_template = {m.id if isinstance(m.id, str) else tuple(m.id) for m in messages(template())}
    assert extracted == in_template, f"run: {FIX}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang: str) -> None:
    found = catalog(lang)
    assert ids(found) == ids(template()), (
        "run: pybabel update -i itu_timeline/locale/itu_timeline.pot -d itu_timeline/locale "
        "-D itu_timeline"
    )
    untranslated = [
        m.id
        for m in messages(found)
        if m.fuzzy or not m.string or (not isinstance(m.string, str) and not all(m.string))
    ]
    assert untranslated == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_forms_follow_cldr(lang: str) -> None:
    expected = {"ar": 6, "es": 3, "fr": 3, "ru": 3, "zh": 1}[lang]
    found = catalog(lang)
    assert found.num_plurals == expected
    for message in messages(found):
        if not isinstance(message.id, str):
            assert len(message.string) == expected, message.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translation_keeps_the_placeholders_of_its_message(lang: str) -> None:
    """No placeholder dropped or added; only a plural form for one exact number may leave
    out the number (Arabic writes 'يومين', two days, with no digit), and the general form of
    a plural ('other', the last) keeps them all."""
    for message in messages(catalog(lang)):
        if isinstance(message.id, str):
            assert placeholders(message.string) == placeholders(message.id), message.id
            continue
        wanted = placeholders(message.id[1])
        assert placeholders(message.string[-1]) == wanted, message.id
        for form in message.string:
            assert placeholders(form) <= wanted, (message.id, form)
            form.format(**dict.fromkeys(wanted, "x"))  # and it formats


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalog_that_ships_says_what_the_po_says(lang: str) -> None:
    """What gettext reads (the .mo the build hook wrote into the installed package) against
    the .po of the repository: a .po changed without a build fails here."""
    mo = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "itu_timeline.mo"
    assert mo.exists(), "build the package: pip install -e . (hatch_build.py compiles)"
    with mo.open("rb") as source:
        compiled = gettext.GNUTranslations(source)
    for message in messages(catalog(lang)):
        if isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, (
                "run: pybabel compile -d itu_timeline/locale -D itu_timeline"
            )
