"""The same page in the other languages of the site: the `<link rel="alternate" hreflang>`
of its head (with `x-default`, the English page, for a reader whose language is none of the
six) and the switcher at the top of the page, plain links without a script.

English is at the site's top (`/`, `/2026.html`), each other language in its own folder
(`/fr/`, `/fr/2026.html`): every language has the same files, so a page's alternates are
its own file name in each folder."""

from collections.abc import Sequence
from html import escape

from itu_timeline.base.i18n import _
from itu_timeline.render import page_words as words

# The six in the ITU's own order (that of their English names), as its site lists them.
SITE_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def folder(language: str) -> str:
    """Where a language's pages are, from the site's top: '' for English, 'fr/'."""
    return "" if language == "en" else f"{language}/"


def root(language: str) -> str:
    """The way from a language's pages up to the site's top, where the data files are."""
    return "" if language == "en" else "../"


def href(page: tuple[str, str], language: str, base_url: str | None) -> str:
    """The address of `page` (the language it is in, its file) in `language`: absolute under
    --base-url, else relative to the page."""
    within, file = page
    if base_url:
        return f"{base_url.rstrip('/')}/{folder(language)}{file}"
    return f"{root(within)}{folder(language)}{file}"


def alternates(page: tuple[str, str], languages: Sequence[str], base_url: str | None) -> str:
    if len(languages) < 2:
        return ""
    links = [(lang, href(page, lang, base_url)) for lang in languages]
    links.append(("x-default", href(page, "en", base_url)))
    return "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{escape(address)}">\n'
        for lang, address in links
    )


def switcher(page: tuple[str, str], languages: Sequence[str], base_url: str | None) -> str:
    """A link per language, each name in its own language; the page's own is marked current."""
    if len(languages) < 2:
        return ""
    items = "".join(
        f'<li><a href="{escape(href(page, lang, base_url))}" hreflang="{lang}" lang="{lang}"'
        + (' aria-current="page"' if lang == page[0] else "")
        + f">{escape(words.AUTONYMS[lang])}</a></li>"
        for lang in languages
    )
    label = escape(_(words.LANGUAGES_LABEL))
    return f'<nav class="languages" aria-label="{label}"><ul>{items}</ul></nav>\n'
