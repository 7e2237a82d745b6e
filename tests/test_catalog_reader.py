"""The compiled catalogs are read by our own reader (gettext's is slow to start): it must
answer every message, and every plural for every number, as gettext's `GNUTranslations`."""

import gettext
import io
import struct
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.base import i18n

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]
# Messages as catalogs hold them: no NUL (the .mo separator), no empty id (the header's).
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1)
# Languages of one plural form, two, three and six (Babel writes each one's Plural-Forms).
RULES = ("zh", "en", "ru", "ar")


def both(path: Path) -> tuple[i18n.Compiled, gettext.GNUTranslations]:
    with path.open("rb") as source:
        return i18n.Compiled(path), gettext.GNUTranslations(source)


def same_answers(ours: i18n.Compiled, theirs: gettext.GNUTranslations, extra: str) -> None:
    for key in [*theirs._catalog, extra]:  # and a message the catalog does not have
        if isinstance(key, tuple):
            for n in range(250):
                assert ours.ngettext(key[0], "other", n) == theirs.ngettext(key[0], "other", n)
        else:
            assert ours.gettext(key) == theirs.gettext(key)
            for n in (0, 1, 2, 5):
                assert ours.ngettext(key, "other", n) == theirs.ngettext(key, "other", n)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_shipped_catalog_reads_as_gettext_reads_it(lang: str) -> None:
    ours, theirs = both(i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "itu_timeline.mo")
    assert ours.messages == theirs._catalog
    same_answers(ours, theirs, "no such message")


@given(
    st.dictionaries(TEXT, TEXT, max_size=8),
    st.dictionaries(TEXT, st.lists(TEXT, min_size=1, max_size=6), max_size=4),
    st.sampled_from(RULES),
    st.booleans(),
)
def test_any_catalog_reads_as_gettext_reads_it(
    tmp_path_factory: pytest.TempPathFactory,
    single: dict[str, str],
    plural: dict[str, list[str]],
    lang: str,
    big_endian: bool,
) -> None:
    catalog = Catalog(locale=lang)
    for key, text in single.items():
        catalog.add(key, text)
    for key, forms in plural.items():
        catalog.add((key, key + " (plural)"), tuple(forms))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    data = buffer.getvalue()
    if big_endian:  # as msgfmt writes on such machines: every number of the file swapped
        data = _swapped(data)
    path = tmp_path_factory.mktemp("mo") / "x.mo"
    path.write_bytes(data)
    ours, theirs = both(path)
    assert ours.messages == theirs._catalog
    same_answers(ours, theirs, "\x01 not there")


def test_no_compiled_catalog_leaves_every_message_as_written(tmp_path: Path) -> None:
    missing = i18n.Compiled(tmp_path / "none.mo")
    assert missing.gettext("Event") == "Event"
    assert [missing.ngettext("{n} day", "{n} days", n) for n in (1, 2)] == ["{n} day", "{n} days"]


def _swapped(data: bytes) -> bytes:
    """A little-endian .mo file as a big-endian machine writes it."""
    count, ids_at, texts_at = struct.unpack_from("<3I", data, 8)
    head = struct.pack(">7I", *struct.unpack_from("<7I", data, 0))
    tables = {
        at: struct.pack(f">{2 * count}I", *struct.unpack_from(f"<{2 * count}I", data, at))
        for at in (ids_at, texts_at)
    }
    out = bytearray(data)
    out[: len(head)] = head
    for at, table in tables.items():
        out[at : at + len(table)] = table
    return bytes(out)
