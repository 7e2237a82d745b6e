"""The language of everything a person reads, chosen once per run, and the two functions every
message goes through (`_` and `ngettext`, the names the extraction tool looks for).

The messages are written in English in the code. In English nothing is loaded: `_` gives
back its argument, so the start-up of a cron run pays for no catalog. In another language,
the catalog compiled from `itu_timeline/locale/<lang>/LC_MESSAGES/itu_timeline.po` is read
on the first message; its `Plural-Forms` header gives the plural rule of the language (CLDR:
three forms in Russian, six in Arabic, one in Chinese).

>>> language_of("fr_FR.UTF-8"), language_of("zh_Hans_CN"), language_of("de_DE"), language_of("C")
('fr', 'zh', None, None)
"""

import re
import struct
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

# The six official languages of the ITU.
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
DOMAIN = "itu_timeline"
LOCALE_DIR = Path(__file__).parent.parent / "locale"
# Where the POSIX locale names the language of messages: the first of these that is set
# and not empty decides (a later one is not looked at, even when the first names a language
# we do not have).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_T = TypeVar("_T")


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; `_` translates it where used."""
    return message


if TYPE_CHECKING:  # a Protocol class costs a run 0.5 M instructions to make

    class _Catalog(Protocol):
        def gettext(self, message: str, /) -> str: ...
        def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class _Chosen:
    """The run's language, and the catalogs read so far (a plain class: a dataclass costs
    half a millisecond to define at every start)."""

    def __init__(self) -> None:
        self.language = "en"
        self.keeping = False  # English messages made as `Said` (inside `kept()`)
        self.catalogs: dict[str, _Catalog] = {}  # read once per language


_chosen = _Chosen()


def language_of(value: str) -> str | None:
    """The language of a locale name ('fr', 'fr_FR.UTF-8', 'zh-Hans', 'ru_RU@euro'), when it
    is one of the six; None otherwise ('C', 'POSIX', 'de_DE', '')."""
    code = re.split(r"[_.@-]", value.strip(), maxsplit=1)[0].lower()
    return code if code in LANGUAGES else None


def from_locale(environ: Mapping[str, str]) -> str:
    """The language the POSIX locale variables name; English when it is none of the six."""
    value = next((environ[v] for v in LOCALE_VARIABLES if environ.get(v)), "")
    return language_of(value) or "en"


def choose(language: str) -> None:
    """Every message from now on in `language` (one of LANGUAGES)."""
    _chosen.language = language


def current() -> str:
    return _chosen.language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Every message in `language` inside, the run's language after: for what is written in
    each language in one run (the pages of `publish`)."""
    was = _chosen.language
    _chosen.language = language
    try:
        yield
    finally:
        _chosen.language = was


def english() -> AbstractContextManager[None]:
    """English inside: for what programs read (JSON, CSV, .ics), which is the same text
    whatever the language of the person who runs the command."""
    return speaking("en")


@contextmanager
def kept() -> Iterator[None]:
    """English inside, and each message made there keeps what it is made of (`Said`), to be
    said again in another language where it is shown (`say`): for what is worked out once
    and read in any language later (a feed's problems, found once, kept in all six)."""
    was = _chosen.language, _chosen.keeping
    _chosen.language, _chosen.keeping = "en", True
    try:
        yield
    finally:
        _chosen.language, _chosen.keeping = was


class Said(str):
    """A message made inside `kept()`: its English text, and its msgid (with its plural and
    count), and the values put into it, as data. Whatever reads it as text reads English
    (what a feed's state keeps); `say` says it again in the run's language."""

    message: str
    plural: str | None
    n: int
    values: dict[str, object] | None  # None: never formatted

    def __new__(
        cls,
        text: str,
        message: str,
        plural: str | None = None,
        n: int = 1,
        values: dict[str, object] | None = None,
    ) -> "Said":
        said = super().__new__(cls, text)
        said.message, said.plural, said.n, said.values = message, plural, n, values
        return said

    def __str__(self) -> str:
        return self  # str() of it (an exception's message) keeps what it is made of

    def format(self, *args: object, **values: object) -> str:
        text = super().format(*args, **values)
        return text if args else Said(text, self.message, self.plural, self.n, values)

    def again(self) -> str:
        """The message in the run's language, its values said again too."""
        if self.plural is None:
            text = _(self.message)
        else:
            text = ngettext(self.message, self.plural, self.n)
        if self.values is None:
            return text
        values = self.values.items()
        return text.format(**{k: say(v) if isinstance(v, Said) else v for k, v in values})


class _Number(Said):
    """A number made inside `kept()`, written again in the run's language."""

    def again(self) -> str:
        return number(self.n)


def say(text: str) -> str:
    """`text` in the run's language: a message made inside `kept()` said again; any other
    text as it is."""
    return text.again() if isinstance(text, Said) else text


def number(n: int) -> str:
    """A count as the language writes it: 10,000,000 in English and Chinese, 10 000 000 in
    French (narrow no-break spaces), 10.000.000 in Spanish (CLDR, through Babel)."""
    if _chosen.language != "en":
        from babel.numbers import format_decimal

        return format_decimal(n, locale=_chosen.language)
    text = f"{n:,}"
    return _Number(text, text, n=n) if _chosen.keeping else text


def then(first: str, second: str) -> str:
    """Two things said one after the other, as the language separates them when either may
    hold commas: "a; b", "a ; b" in French, an Arabic semicolon, a full-width one in Chinese."""
    # TRANSLATORS: two things said one after the other, either of which may hold commas
    return _("{first}; {then}").format(first=first, then=second)


def in_every_language(say: Callable[[], _T]) -> dict[str, _T]:
    """What `say` says in each of the six languages: for a text kept as data (in English) that
    a person reads later, in the language they read it in."""
    said = {}
    for language in LANGUAGES:
        with speaking(language):
            said[language] = say()
    return said


def _catalog() -> "_Catalog":
    language = _chosen.language
    if language not in _chosen.catalogs:
        path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        _chosen.catalogs[language] = Compiled(path)
    return _chosen.catalogs[language]


class Compiled:
    """A compiled catalog (.mo), read as gettext's `GNUTranslations` reads it and answering
    as it does, in a few lines of C-speed slicing: gettext's own reader decodes and checks
    each of our 720 messages in Python (3-10 ms of a French cron run; this: under 2 ms).
    The catalogs are UTF-8 (Babel writes them so). No file: every message as written."""

    def __init__(self, path: Path) -> None:
        self.messages: dict[str | tuple[str, int], str] = {}
        self._rule = "n != 1"  # gettext's, for a catalog whose header names none
        self._plural: Callable[[int], int] | None = None
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return
        order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
        count, ids_at, texts_at = struct.unpack_from(order + "3I", data, 8)
        ids = struct.unpack_from(f"{order}{2 * count}I", data, ids_at)
        texts = struct.unpack_from(f"{order}{2 * count}I", data, texts_at)
        for i in range(0, 2 * count, 2):
            key = data[ids[i + 1] : ids[i + 1] + ids[i]].decode()
            text = data[texts[i + 1] : texts[i + 1] + texts[i]].decode()
            if "\0" in key:  # a plural: each form under (the singular, its index)
                singular = key.split("\0", 1)[0]
                for form, said in enumerate(text.split("\0")):
                    self.messages[singular, form] = said
            else:
                self.messages[key] = text
        for line in str(self.messages.get("", "")).splitlines():
            name, _colon, value = line.partition(":")
            if name.strip().lower() == "plural-forms":
                self._rule = value.split(";")[1].split("plural=")[1]

    def plural(self, n: int) -> int:
        """Which form the language's rule gives `n`, compiled from the header on first use."""
        if self._plural is None:
            import gettext  # its compiler of the C expression

            self._plural = gettext.c2py(self._rule)
        return self._plural(n)

    def gettext(self, message: str) -> str:
        found = self.messages.get(message)
        if found is None:  # a message held only as a plural: its form for one
            found = self.messages.get((message, self.plural(1)), message)
        return found

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.messages.get((singular, self.plural(n)))
        if found is None:
            return singular if n == 1 else plural
        return found


def _(message: str) -> str:
    """`message` in the chosen language (itself in English, or when no translation exists)."""
    if _chosen.language == "en":
        return Said(message, message) if _chosen.keeping else message
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that the language's plural rule gives for `n`."""
    if _chosen.language == "en":
        text = singular if n == 1 else plural
        return Said(text, singular, plural, n) if _chosen.keeping else text
    return _catalog().ngettext(singular, plural, n)


# The system's words for the commonest failures (libc's, as `strerror` gives them): said in
# the reader's language, as the sentence around them is.
SYSTEM_WORDS = frozenset({
    N_("Connection refused"),
    N_("Connection reset by peer"),
    N_("Connection timed out"),
    N_("Directory not empty"),
    N_("Disk quota exceeded"),
    N_("File exists"),
    N_("File name too long"),
    N_("Is a directory"),
    N_("Name or service not known"),
    N_("Network is unreachable"),
    N_("No route to host"),
    N_("No space left on device"),
    N_("No such file or directory"),
    N_("Not a directory"),
    N_("Operation not permitted"),
    N_("Permission denied"),
    N_("Read-only file system"),
    N_("Temporary failure in name resolution"),
})  # fmt: skip


def system_words(err: OSError) -> str:
    """Why the system refused, in its words (`strerror`): in the run's language when they are
    among the commonest, else as it gives them."""
    text = err.strerror or str(err)
    return _(text) if text in SYSTEM_WORDS else text
