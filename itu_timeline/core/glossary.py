"""The names of the ITU's bodies and meetings in its six languages, as the ITU itself writes
them: each term with the ITU text it was read in (a page of itu.int in that language, or a
provision of the ITU's Convention). A term not seen in an ITU text is not here, and the reader
gets the English name: nothing in this table is our own translation.

English is the language of the calendar's own fields, so its names need no source.
"""

from typing import NamedTuple

from itu_timeline.core.model import Body, Event, Kind


class Term(NamedTuple):
    text: str
    source: str


class Named(NamedTuple):
    """A term as shown: in the reader's language, or in English (`fallback`) where the ITU
    texts read gave none in it."""

    text: str
    lang: str
    fallback: bool


# Pages read (December 2026); "(mirror)" where the page was read on a copy of itu.int.
_PP26_FR = "https://www.itu.int/fr/mediacentre/Pages/PR-2025-11-13-PP26-announcement.aspx"
_PP26_AR = "https://www.itu.int/ar/mediacentre/Pages/PR-2025-11-13-PP26-announcement.aspx"
_PP18_ES = "https://itu.int/es/mediacentre/Pages/2017-PR59.aspx"
_PP14_ZH = "https://www.itu.int/zh/plenipotentiary/2014/Pages/about.aspx"
_PP10_RU = "https://itu.int/plenipotentiary/2010/about-ru.html"
_COUNCIL_FR = "https://www.itu.int/fr/mediacentre/Pages/2016-CM12.aspx"
_WRC_FR = "https://itu.int/fr/mediacentre/Pages/MA-2023-09-27-WRC23-media-registration.aspx"
_WRC_AR = (
    "https://www.itu.int/ar/mediacentre/Pages/PR-2023-11-20-WRC23-opening-ceremony.aspx (mirror)"
)
_WRC_ZH = "https://www.itu.int/zh/ITU-R/conferences/wrc/Pages/default.aspx"
_WTSA_ES = "https://www.itu.int/es/ITU-T/wtsa12/Pages/overview.aspx"
_WTSA_RU = "ITU Convention, No. 184A (Russian text, as amended by PP-98)"
_SECTORS_FR = "https://www.itu.int/net/pressoffice/press_releases/2012/CM06-fr.aspx"
_WTDC_ES = (
    "https://www.itu.int/net4/ITU-D/conferences/wtdc/2010/invitations/"
    "invitation-Member-States-es.html"
)
_ITUD_ES = (
    "https://www.itu.int/net4/ITU-D/conferences/wtdc/2010/practical_info/"
    "organizational-arrangements-Observers-es.html"
)
_WTDC_RU = "https://www.itu.int/ru/ITU-D/Conferences/TDAG/Pages/ITU-D-Delegate-Guide-WTDC.aspx"
_TDAG_ES = "https://www.itu.int/es/ITU-D/Conferences/TDAG/Pages/2021/default_21_2.aspx"
_WTDC_AR = "https://www.itu.int/ar/mediacentre/Pages/PR-2025-10-06-wtdc-announcement.aspx"
_WTSA_AR = "https://www.itu.int/ar/mediacentre/Pages/PR-2024-10-15-WTSA-opening.aspx"
_WTDC_FR = (
    "https://www.itu.int/fr/ITU-D/Conferences/TDAG/Pages/ITU-D-Delegate-Guide-WTDC.aspx (mirror)"
)

ENGLISH = {
    "itu": "ITU",
    "itu-r": "ITU-R",
    "itu-t": "ITU-T",
    "itu-d": "ITU-D",
    "plenipotentiary": "Plenipotentiary Conference",
    "council": "Council",
    "wrc": "World Radiocommunication Conference",
    "ra": "Radiocommunication Assembly",
    "wtsa": "World Telecommunication Standardization Assembly",
    "wtdc": "World Telecommunication Development Conference",
    "study-group": "Study Group",
    "cpm": "Conference Preparatory Meeting",
    "tdag": "Telecommunication Development Advisory Group",
}

GLOSSARY: dict[str, dict[str, Term]] = {
    "itu": {
        "ar": Term("الاتحاد الدولي للاتصالات", _PP26_AR),
        "zh": Term("国际电联", _PP14_ZH),
        "fr": Term("UIT", _PP26_FR),
        "ru": Term("МСЭ", _PP10_RU),
        "es": Term("UIT", _PP18_ES),
    },
    "itu-r": {"fr": Term("Secteur des radiocommunications", _SECTORS_FR)},
    "itu-t": {
        "fr": Term("Secteur de la normalisation des télécommunications", _SECTORS_FR),
        "es": Term("UIT-T", _WTSA_ES),
    },
    "itu-d": {
        "fr": Term("Secteur du développement des télécommunications", _SECTORS_FR),
        "ru": Term("МСЭ-D", _WTDC_RU),
        "es": Term("UIT-D", _ITUD_ES),
    },
    "plenipotentiary": {
        "ar": Term("مؤتمر المندوبين المفوضين", _PP26_AR),
        "zh": Term("全权代表大会", _PP14_ZH),
        "fr": Term("Conférence de plénipotentiaires", _PP26_FR),
        "ru": Term("Полномочная конференция", _PP10_RU),
        "es": Term("Conferencia de Plenipotenciarios", _PP18_ES),
    },
    "council": {
        "zh": Term("理事会", _PP14_ZH),
        "fr": Term("Conseil", _COUNCIL_FR),
        "es": Term("Consejo", _WTDC_ES),
    },
    "wrc": {
        "ar": Term("المؤتمر العالمي للاتصالات الراديوية", _WRC_AR),
        "zh": Term("世界无线电通信大会", _WRC_ZH),
        "fr": Term("Conférence mondiale des radiocommunications", _WRC_FR),
    },
    "ra": {"fr": Term("Assemblée des radiocommunications", _WRC_FR)},
    "wtsa": {
        "ar": Term("الجمعية العالمية لتقييس الاتصالات", _WTSA_AR),
        "ru": Term("Всемирная ассамблея по стандартизации электросвязи", _WTSA_RU),
        "es": Term("Asamblea Mundial de Normalización de las Telecomunicaciones", _WTSA_ES),
    },
    "wtdc": {
        "ar": Term("المؤتمر العالمي لتنمية الاتصالات", _WTDC_AR),
        "fr": Term("Conférence mondiale de développement des télécommunications", _WTDC_FR),
        "ru": Term("Всемирная конференция по развитию электросвязи", _WTDC_RU),
        "es": Term("Conferencia Mundial de Desarrollo de las Telecomunicaciones", _WTDC_ES),
    },
    "tdag": {"es": Term("Grupo Asesor de Desarrollo de las Telecomunicaciones", _TDAG_ES)},
    "study-group": {"zh": Term("研究组", _WRC_ZH)},
    "cpm": {"zh": Term("大会筹备会议", _WRC_ZH)},
}

# Which term names a body, and which names a kind of meeting of a body (None: any body).
BODY_TERMS = {Body.ITU: "itu", Body.ITU_R: "itu-r", Body.ITU_T: "itu-t", Body.ITU_D: "itu-d"}
KIND_TERMS: dict[tuple[Body | None, Kind], str] = {
    (Body.ITU, Kind.PLENIPOTENTIARY): "plenipotentiary",
    (Body.ITU, Kind.COUNCIL): "council",
    (Body.ITU_R, Kind.CONFERENCE): "wrc",
    (Body.ITU_R, Kind.ASSEMBLY): "ra",
    (Body.ITU_T, Kind.ASSEMBLY): "wtsa",
    (Body.ITU_D, Kind.CONFERENCE): "wtdc",
    (Body.ITU_R, Kind.PREPARATORY): "cpm",
    (Body.ITU_D, Kind.ADVISORY_GROUP): "tdag",
    (None, Kind.STUDY_GROUP): "study-group",
}


def term(key: str, lang: str) -> Named:
    """A term of the glossary in `lang`, else in English.

    >>> term("plenipotentiary", "ru")
    Named(text='Полномочная конференция', lang='ru', fallback=False)
    >>> term("ra", "es")
    Named(text='Radiocommunication Assembly', lang='en', fallback=True)
    """
    found = GLOSSARY[key].get(lang)
    if found is not None:
        return Named(found.text, lang, False)
    return Named(ENGLISH[key], "en", lang != "en")


def body_name(event: Event, lang: str) -> Named | None:
    """The name of the event's body in `lang`, where the glossary has the body."""
    key = BODY_TERMS.get(event.body)
    return term(key, lang) if key else None


def kind_name(event: Event, lang: str) -> Named | None:
    """The name of the kind of meeting the event is (a World Radiocommunication Conference is
    a conference of ITU-R), where the glossary has it."""
    key = KIND_TERMS.get((event.body, event.kind)) or KIND_TERMS.get((None, event.kind))
    return term(key, lang) if key else None
