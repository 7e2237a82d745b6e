"""The glossary of body and meeting names: only the ITU's own words, each with where it was
read, and English where the ITU texts read gave none."""

import doctest
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core import glossary, titles
from itu_timeline.core.glossary import (
    BODY_TERMS,
    KIND_TERMS,
    SERIES_TERMS,
    body_name,
    kind_name,
    term,
)
from itu_timeline.core.glossary_terms import ENGLISH, GLOSSARY
from itu_timeline.core.model import LANGUAGES, Body, Event, Kind


def meeting(body: Body, kind: Kind, title: str = "E") -> Event:
    return Event(id="e", title=title, body=body, kind=kind, start=date(2027, 1, 1), end=None,
                 timezone="UTC")  # fmt: skip


def test_every_term_is_in_a_language_of_the_itu_with_an_itu_source() -> None:
    for key, names in GLOSSARY.items():
        assert key in ENGLISH
        for lang, (text, source) in names.items():
            assert lang in LANGUAGES, (key, lang)  # English is the calendar's own language
            assert text, (key, lang)
            assert text.strip() == text, (key, lang)
            itu_text = source.startswith(("ITU Convention", "ITU Constitution", "ITU document"))
            assert "itu.int/" in source or "itu.ch/" in source or itu_text, (key, lang)


def test_every_body_and_kind_named_has_its_term() -> None:
    series = {key for _body, _kind, _words, key in SERIES_TERMS}
    assert set(BODY_TERMS.values()) | set(KIND_TERMS.values()) | series <= set(GLOSSARY)
    assert set(ENGLISH) == set(GLOSSARY)


@given(key=st.sampled_from(sorted(GLOSSARY)), lang=st.sampled_from(("en", *LANGUAGES)))
def test_a_term_is_the_itus_word_or_english_and_says_which(key: str, lang: str) -> None:
    named = term(key, lang)
    if lang in GLOSSARY[key]:
        assert named == (GLOSSARY[key][lang].text, lang, False)
    else:
        assert named == (ENGLISH[key], "en", lang != "en")


@pytest.mark.parametrize(
    ("body", "kind", "lang", "name"),
    [
        (Body.ITU_R, Kind.CONFERENCE, "fr", "Conférence mondiale des radiocommunications"),
        (Body.ITU_D, Kind.CONFERENCE, "fr", "Conférence mondiale de développement des "
         "télécommunications"),
        (Body.ITU_T, Kind.ASSEMBLY, "es", "Asamblea Mundial de Normalización de las "
         "Telecomunicaciones"),
        (Body.ITU, Kind.PLENIPOTENTIARY, "ar", "مؤتمر المندوبين المفوضين"),
        (Body.ITU_T, Kind.STUDY_GROUP, "zh", "研究组"),
        (Body.ITU_R, Kind.STUDY_GROUP, "ru", "Исследовательская комиссия"),
        (Body.ITU_T, Kind.ADVISORY_GROUP, "fr", "Groupe consultatif de la normalisation des "
         "télécommunications"),
        (Body.ITU_R, Kind.ADVISORY_GROUP, "zh", "无线电通信顾问组"),
        (Body.ITU_R, Kind.ADVISORY_GROUP, "ru", "Radiocommunication Advisory Group"),
    ],
)  # fmt: skip
def test_the_kind_of_a_meeting_depends_on_its_body(
    body: Body, kind: Kind, lang: str, name: str
) -> None:
    named = kind_name(meeting(body, kind), lang)
    assert named is not None
    assert named.text == name


def test_a_body_or_kind_the_glossary_lacks_has_no_name() -> None:
    assert kind_name(meeting(Body.UN, Kind.FORUM), "fr") is None
    assert body_name(meeting(Body.APT, Kind.PREPARATORY), "fr") is None
    assert body_name(meeting(Body.ITU, Kind.COUNCIL), "ru") == ("МСЭ", "ru", False)


@pytest.mark.parametrize("module", [glossary, titles])
def test_the_docstring_examples_hold(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_every_advisory_group_and_the_councils_working_groups_have_their_names() -> None:
    """The calendar's advisory groups are TSAG, RAG and TDAG, and the ITU's own working groups
    are the Council's: each is named, in English at least."""
    for body, key in ((Body.ITU_T, "tsag"), (Body.ITU_R, "rag"), (Body.ITU_D, "tdag")):
        assert KIND_TERMS[(body, Kind.ADVISORY_GROUP)] == key
    named = kind_name(meeting(Body.ITU, Kind.WORKING_GROUP), "fr")
    assert named == ("Groupe de travail du Conseil", "fr", False)


def test_each_kind_of_meeting_is_named_in_one_place() -> None:
    """A kind is named on the page by our word for it (page_words.KINDS) or, when it is a body
    of the ITU's own, by the glossary alone: never by both."""
    from itu_timeline.render.page_words import KINDS

    by_glossary = {kind for body, kind in KIND_TERMS if body is None}
    assert by_glossary.isdisjoint(KINDS)
    assert by_glossary | set(KINDS) == set(Kind)


@pytest.mark.parametrize(
    ("body", "kind", "title", "lang", "name"),
    [
        (Body.ITU, Kind.FORUM, "WSIS Forum 2027", "es", ("Foro de la CMSI", "es", False)),
        (Body.ITU, Kind.FORUM, "WSIS Forum 2027", "fr", ("WSIS Forum", "en", True)),
        (Body.ITU_D, Kind.FORUM, "Global Symposium for Regulators 2027 (GSR-27)", "fr",
         ("Colloque mondial des régulateurs", "fr", False)),
        (Body.ITU_R, Kind.STUDY_GROUP, "ITU-R Working Party 7A meeting", "es",
         ("Grupo de Trabajo", "es", False)),
        # a working party is no study group: English, marked, rather than the wrong body's name
        (Body.ITU_T, Kind.STUDY_GROUP, "ITU-T Working Party 2/2 virtual meeting", "ru",
         ("Working Party", "en", True)),
        (Body.ITU_T, Kind.STUDY_GROUP, "ITU-T Study Group 13 meeting", "es",
         ("Comisión de Estudio", "es", False)),
    ],
)  # fmt: skip
def test_a_series_is_named_by_the_words_of_its_english_title(
    body: Body, kind: Kind, title: str, lang: str, name: tuple[str, str, bool]
) -> None:
    assert kind_name(meeting(body, kind, title), lang) == name


@pytest.mark.parametrize(
    ("body", "kind", "title"),
    [
        (Body.UN, Kind.FORUM, "WSIS Forum 2027"),  # not the ITU's: the series is the ITU's
        (Body.ITU, Kind.SUMMIT, "WSIS Forum 2027"),
        (Body.ITU, Kind.FORUM, "WSIS+20 High-Level Event 2025"),  # not named a WSIS Forum
        (Body.UN, Kind.FORUM, "Internet Governance Forum 2026"),  # no ITU or UN text read
    ],
)
def test_a_meeting_outside_the_series_is_not_named_by_it(
    body: Body, kind: Kind, title: str
) -> None:
    assert kind_name(meeting(body, kind, title), "es") is None


def test_every_term_is_named_for_some_meeting() -> None:
    """A term nothing names (no body, kind or series) would be a term read for nothing."""
    series = {key for _body, _kind, _words, key in SERIES_TERMS}
    assert set(GLOSSARY) == set(BODY_TERMS.values()) | set(KIND_TERMS.values()) | series
