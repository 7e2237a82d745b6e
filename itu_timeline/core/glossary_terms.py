"""The glossary's terms: the names of the ITU's bodies and meetings in its six languages, each
with the ITU text it was read in (see core/glossary.py for how they are used). Nothing here is
a translation of ours; a term read only in another grammatical form (a plural, a genitive) is
given in its dictionary form, and its source says so.
"""

from typing import NamedTuple


class Term(NamedTuple):
    text: str
    source: str


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
# Read December 2026 for the gaps the second reading left: the CPM, the Sectors in Chinese and
# Arabic, RAG in French, TSAG in Spanish, RA in Arabic, and the series the calendar holds (the
# WSIS Forum, the GSR) and the working parties of the study groups.
_RAG_FR = "https://itu.int/dms_pub/itu-r/opb/vadm/R-VADM-RES-2019-TOC-HTM-F.htm"
_TSAG_ES = (
    "ITU document TSAG-R1-S (June 2017), Spanish text (copy: https://vdocuments.us/report-of-the-"
    "fifth-tsag-meeting-held-in-geneva-18-msw-sdocx-web-view-en.html)"
)
_ITUT_ZH = "https://www.itu.int/zh/ITU-T/about/Pages/default.aspx"
_ITUR_ZH = "http://www.itu.int/net/about/itu-r-zh.aspx"
_ITUD_AR = "https://itu.int/ar/ITU-D/Conferences/TDAG/Pages/ITU-D-Delegate-Guide-WTDC.aspx"
_WTDC_ZH = "https://itu.int/zh/ITU-D/Conferences/TDAG/Pages/ITU-D-Delegate-Guide-WTDC.aspx"
_WTSA_ZH = "https://itu.int/zh/annual-report-2017/itu-t/Pages/t1.aspx"
_CPM_FR = "https://www.itu.int/md/meetingdoc.asp?lang=fr&parent=R16-RAG16-C-0014"
_CPM_ES = (
    "https://www.itu.int/wrc-23/es/about (mirror: https://itu-app45580.pagelyhosting.com/wrc-23/"
    "es/about)"
)
_RA_AR = (
    "https://www.itu.int/ra-23/ar/ (mirror, the RA-23 page on admission: https://itu-app42363."
    "pagelyhosting.com/ra-23/ar/%d8%a7%d9%84%d9%85%d8%b4%d8%a7%d8%b1%d9%83%d8%a9/admission)"
)
_WSIS_ES = "http://www.itu.int/net/pressoffice/press_releases/2011/14-es.aspx"
_WSIS_RU = "https://www.itu.int/ru/mediacentre/Pages/2017-PR28.aspx"
_WSIS_AR = "https://www.itu.int/ar/mediacentre/Pages/PR-2024-05-31-wsis-closing.aspx"
_WSIS_ZH = "https://itu.int/zh/mediacentre/Pages/ma04-2020-wsis-forum-goes-online.aspx"
_GSR_FR = "https://www.itu.int/fr/mediacentre/Pages/PR-2025-09-03-GSR-closing.aspx"
_GSR_ES = "https://www.itu.int/net/pressoffice/press_releases/2013/29-es.aspx"
_WP_ES = _SG_ES + " (in the plural: 'Grupos de Trabajo 6A, 6E')"

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
    "working-party": "Working Party",
    "wsis-forum": "WSIS Forum",
    "gsr": "Global Symposium for Regulators",
}

GLOSSARY: dict[str, dict[str, Term]] = {
    "itu": {
        "ar": Term("الاتحاد الدولي للاتصالات", _PP26_AR),
        "zh": Term("国际电联", _PP14_ZH),
        "fr": Term("UIT", _PP26_FR),
        "ru": Term("МСЭ", _PP10_RU),
        "es": Term("UIT", _PP18_ES),
    },
    "itu-r": {
        "zh": Term("国际电联无线电通信部门", _ITUR_ZH),
        "fr": Term("Secteur des radiocommunications", _SECTORS_FR),
    },
    "itu-t": {
        "ar": Term("قطاع تقييس الاتصالات", _ITUT_AR),
        "zh": Term("国际电联电信标准化部门", _ITUT_ZH),
        "fr": Term("Secteur de la normalisation des télécommunications", _SECTORS_FR),
        "ru": Term("МСЭ-Т", _ITUT_RU),  # noqa: RUF001 - Cyrillic, as the ITU writes it
        "es": Term("UIT-T", _WTSA_ES),
    },
    "itu-d": {
        "ar": Term("قطاع تنمية الاتصالات", _ITUD_AR),
        "zh": Term("国际电联电信发展部门", _WTDC_ZH),
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
        "ar": Term("جمعية الاتصالات الراديوية", _RA_AR),
        "zh": Term("无线电通信全会", _RAG_ZH),
        "fr": Term("Assemblée des radiocommunications", _WRC_FR),
        "ru": Term("Ассамблея радиосвязи", _RADIO_RU),
        "es": Term("Asamblea de Radiocomunicaciones", _RAG_ES),
    },
    "wtsa": {
        "ar": Term("الجمعية العالمية لتقييس الاتصالات", _WTSA_AR),
        "zh": Term("世界电信标准化全会", _WTSA_ZH),
        "ru": Term("Всемирная ассамблея по стандартизации электросвязи", _WTSA_RU),
        "es": Term("Asamblea Mundial de Normalización de las Telecomunicaciones", _WTSA_ES),
    },
    "wtdc": {
        "ar": Term("المؤتمر العالمي لتنمية الاتصالات", _WTDC_AR),
        "zh": Term("世界电信发展大会", _WTDC_ZH),
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
        "es": Term("Grupo Asesor de Normalización de las Telecomunicaciones", _TSAG_ES),
    },
    "rag": {
        "zh": Term("无线电通信顾问组", _RAG_ZH),
        "fr": Term("Groupe consultatif des radiocommunications", _RAG_FR),
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
    "cpm": {
        "zh": Term("大会筹备会议", _WRC_ZH),
        "fr": Term("Réunion de préparation à la Conférence", _CPM_FR),
        "es": Term("Reunión Preparatoria de la Conferencia", _CPM_ES),
    },
    "working-party": {"es": Term("Grupo de Trabajo", _WP_ES)},
    "wsis-forum": {
        "ar": Term("منتدى القمة العالمية لمجتمع المعلومات", _WSIS_AR),
        "zh": Term("信息社会世界峰会(WSIS)论坛", _WSIS_ZH),
        "ru": Term(
            "Форум Всемирной встречи на высшем уровне по вопросам информационного общества",
            _WSIS_RU,
        ),
        "es": Term("Foro de la CMSI", _WSIS_ES),
    },
    "gsr": {
        "fr": Term("Colloque mondial des régulateurs", _GSR_FR),
        "es": Term("Simposio Mundial para Organismos Reguladores", _GSR_ES),
    },
}
