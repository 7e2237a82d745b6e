"""The names of the ITU's bodies and meetings in its six languages, as the ITU itself writes
them: each term with the ITU text it was read in (a page of itu.int in that language, a
provision of the ITU's Constitution or Convention, or an ITU document in that language, read
on a copy where itu.int's own was not found). A term not seen in an ITU text is not here, and
the reader gets the English name: nothing in this table is our own translation. A term read
only in another grammatical form (a plural, a genitive) is given in its dictionary form.

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
# Read December 2026 for the kinds of meeting the calendar holds (TSAG, RAG, TDAG, Council
# Working Groups) and the languages the first reading lacked.
_ITUT_AR = "https://www.itu.int/ar/ITU-T/about/Pages/framework.aspx"
_SG_AR = "http://www.itu.int/ar/ITU-T/about/Pages/development.aspx"
_RAG_ZH = "https://www.itu.int/zh/ITU-R/conferences/rag/Pages/default.aspx"
_TDAG_FR = (
    "https://www.itu.int/fr/ITU-D/Conferences/TDAG/Pages/ITU-D-Delegate-Guide-TDAG.aspx (mirror)"
)
_TSAG_FR = (
    "ITU document TSAG-R1-F (June 2017), French text (copy: https://pdfslide.fr/documents/"
    "groupe-consultatif-de-le-la-msw-fdocxweb-viewces-deux-notes-de-liaison-ont-t-approuves.html)"
)
_TSAG_RU = (
    "ITU document TSAG-R1-R (June 2017), Russian text "
    "(copy: https://vdocuments.pub/msw-rdocx-web-view-.html)"
)
_TDAG_RU = (
    "ITU document WTDC17/11-R (June 2017), Russian text "
    "(copy: https://pdfslide.tips/documents/tdag17-itu-web-view-oe-.html)"
)
_TDAG_AR = (
    "ITU document RPM-ARB17/10(Rev.2)-A (January 2017), Arabic text (copy: "
    "https://vdocuments.net/itu-committed-to-connecting-the-world-2-r2msw-adocx.html)"
)
_CWG_FR = (
    "ITU document C17/50-F (March 2017), French text (copy: https://fdocuments.fr/document/"
    "rapport-du-president-du-groupe-de-d1msw-fdocx-web-viewil-a-ete-note-que.html)"
)
_RAG_ES = (
    "ITU document Resolution ITU-R 52 (2003), Spanish text "
    "(copy: http://m.mydoc123.com/p-793148.html)"
)
_SG_ES = (
    "ITU document Circular Letter 6/LCCE/14 (November 2001), Spanish text "
    "(copy: https://studylib.net/doc/13750051/u-i-t-ni%C3%B3n)"
)
_SG_RU = (
    "ITU document Recommendation ITU-T A.1 (11/2012), Russian text "
    "(copy: https://ru.scribd.com/document/544528956/T-REC-A-1-201211-S-PDF-R)"
)
_WRC_ES = (
    "http://www.itu.ch/es/mediacentre/Pages/PR-2023-12-15-WRC23-closing-ceremony.aspx "
    "(itu.ch, the ITU's own domain)"
)
_SG_FR = "https://www.itu.int/fr/ITU-T/about/Pages/default.aspx (mirror; in the plural)"
_ITUT_RU = (
    "ITU document TSB Collective letter 6/2 (July 2016), Russian text (copy: https://info.z-pdf.ru/"
    "32hudoj/44553-1-zheneva-iyulya-2016-godaosn-tel-faks-el-pochta-kollektivnoe-pismo-6-2-bse-"
    "41-730-5855-41-730-5853ts.php)"
)
_COUNCIL_RU = (
    "ITU document: press release of 13 April 2010, Russian text (in the genitive; "
    "copy: http://studydoc.ru/doc/2650676/normal-template)"
)
_RADIO_RU = (
    "ITU Constitution, Article 13, Nos. 89 and 91 (Russian text, as amended by PP-98; "
    "'Ассамблеи' in the plural; copy: https://docs.cntd.ru/document/1901959/titles/7DK0KB)"
)
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
    "tsag": "Telecommunication Standardization Advisory Group",
    "rag": "Radiocommunication Advisory Group",
    "cwg": "Council Working Group",
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
        "ar": Term("قطاع تقييس الاتصالات", _ITUT_AR),
        "fr": Term("Secteur de la normalisation des télécommunications", _SECTORS_FR),
        "ru": Term("МСЭ-Т", _ITUT_RU),  # noqa: RUF001 - Cyrillic, as the ITU writes it
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
        "ru": Term("Совет", _COUNCIL_RU),
        "es": Term("Consejo", _WTDC_ES),
    },
    "wrc": {
        "ar": Term("المؤتمر العالمي للاتصالات الراديوية", _WRC_AR),
        "zh": Term("世界无线电通信大会", _WRC_ZH),
        "fr": Term("Conférence mondiale des radiocommunications", _WRC_FR),
        "ru": Term("Всемирная конференция радиосвязи", _RADIO_RU),
        "es": Term("Conferencia Mundial de Radiocomunicaciones", _WRC_ES),
    },
    "ra": {
        "zh": Term("无线电通信全会", _RAG_ZH),
        "fr": Term("Assemblée des radiocommunications", _WRC_FR),
        "ru": Term("Ассамблея радиосвязи", _RADIO_RU),
        "es": Term("Asamblea de Radiocomunicaciones", _RAG_ES),
    },
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
    "tdag": {
        "ar": Term("الفريق الاستشاري لتنمية الاتصالات", _TDAG_AR),
        "fr": Term("Groupe consultatif pour le développement des télécommunications", _TDAG_FR),
        "ru": Term("Консультативная группа по развитию электросвязи", _TDAG_RU),
        "es": Term("Grupo Asesor de Desarrollo de las Telecomunicaciones", _TDAG_ES),
    },
    "tsag": {
        "ar": Term("الفريق الاستشاري لتقييس الاتصالات", _ITUT_AR),
        "fr": Term("Groupe consultatif de la normalisation des télécommunications", _TSAG_FR),
        "ru": Term("Консультативная группа по стандартизации электросвязи", _TSAG_RU),
    },
    "rag": {
        "zh": Term("无线电通信顾问组", _RAG_ZH),
        "es": Term("Grupo Asesor de Radiocomunicaciones", _RAG_ES),
    },
    "cwg": {"fr": Term("Groupe de travail du Conseil", _CWG_FR)},
    "study-group": {
        "ar": Term("لجنة الدراسات", _SG_AR),
        "zh": Term("研究组", _WRC_ZH),
        "fr": Term("Commission d'études", _SG_FR),
        "ru": Term("Исследовательская комиссия", _SG_RU),
        "es": Term("Comisión de Estudio", _SG_ES),
    },
    "cpm": {"zh": Term("大会筹备会议", _WRC_ZH)},
}

# Which term names a body, and which names a kind of meeting of a body (None: any body).
BODY_TERMS = {Body.ITU: "itu", Body.ITU_R: "itu-r", Body.ITU_T: "itu-t", Body.ITU_D: "itu-d"}
KIND_TERMS: dict[tuple[Body | None, Kind], str] = {
    (None, Kind.PLENIPOTENTIARY): "plenipotentiary",
    (None, Kind.COUNCIL): "council",
    (Body.ITU, Kind.WORKING_GROUP): "cwg",  # the working groups of the ITU itself are the Council's
    (Body.ITU_R, Kind.CONFERENCE): "wrc",
    (Body.ITU_R, Kind.ASSEMBLY): "ra",
    (Body.ITU_T, Kind.ASSEMBLY): "wtsa",
    (Body.ITU_D, Kind.CONFERENCE): "wtdc",
    (Body.ITU_R, Kind.PREPARATORY): "cpm",
    (Body.ITU_D, Kind.ADVISORY_GROUP): "tdag",
    (Body.ITU_T, Kind.ADVISORY_GROUP): "tsag",
    (Body.ITU_R, Kind.ADVISORY_GROUP): "rag",
    (None, Kind.STUDY_GROUP): "study-group",
}


def term(key: str, lang: str) -> Named:
    """A term of the glossary in `lang`, else in English.

    >>> term("plenipotentiary", "ru")
    Named(text='Полномочная конференция', lang='ru', fallback=False)
    >>> term("cwg", "es")
    Named(text='Council Working Group', lang='en', fallback=True)
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
