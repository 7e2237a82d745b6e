"""The head of an ITU letter: its text made regular, its reference (always in its English
form, whatever the letter's language), its date, the bureau that wrote it (and so the body),
and the groups it names ("Study Group 13" -> SG13, "Working Parties 5A, 5B and 5C")."""

import re
import unicodedata
from dataclasses import dataclass

from itu_timeline.core.letter_dates import MONTH_PATTERN

_I = re.IGNORECASE
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")  # Arabic-Indic
_GLUED_REF = re.compile(rf"(/)(\d{{3,}})\s?({MONTH_PATTERN})", _I)


def normalize(text: str) -> str:
    """Single spaces, at most one empty line, dashes as '-', and words that extraction glued together
    taken apart where a month or a number shows where ("5/LCCE/676 March 2017" is reference
    5/LCCE/67 of 6 March 2017)."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").translate(_DIGITS)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text).replace("\u2019", "'")
    text = re.sub(r"[^\S\n]+", " ", text)
    text = re.sub(
        r"(?<=\d)\^(?=st|nd|rd|th)", "", text
    )  # "16^th": a superscript as e-mail writes it
    text = re.sub(r"\n{3,}", "\n\n", re.sub(r" ?\n ?", "\n", text))
    text = _GLUED_REF.sub(_split_glued_day, text)
    text = _YEAR_THEN_DAY.sub(r"\1 \2", text)
    text = re.sub(
        r"(?<=[A-Z\u0401\u0410-\u042f])(?=(?:Geneva|Genève|Ginebra|Женева)\b)", " ", text
    )  # "МСЭ-ТЖенева"
    text = _LOST_DASH.sub(_two_days, text)
    text = re.sub(r"\b(\d{1,2}) ?час\.? ?(\d\d) ?мин\.?", r"\1:\2", text)  # "09 час. 30 мин."
    text = re.sub(rf"(?<=\d)(?={MONTH_PATTERN})", " ", text, flags=_I)
    text = re.sub(
        rf"(?<=[a-z])(?=\d{{1,2}} ?(?:- ?\d{{1,2}} )?(?:de )?{MONTH_PATTERN})", " ", text, flags=_I
    )
    text = re.sub(r"(?<=[a-z])(?=(?:19|20)\d\d\b)", " ", text)
    text = re.sub(rf"\b({MONTH_PATTERN})(?=\d)", r"\1 ", text, flags=_I)
    text = re.sub(r"(?<=[a-z])(?=\d+/)", " ", text)  # "Letter5/LCCE/91"
    text = re.sub(r"(\b(?:WP|Part(?:y|ies))\s*\d{1,2}[A-F])(?=\d)", r"\1 ", text)  # "5A28 April"
    text = re.sub(
        r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2,}(?![a-z]*\)))", " ", text
    )  # "UTCOpening", not "(WGDef)"
    return re.sub(r"(?<=\d)(?=[A-Z][^\W\d_]{2,})", " ", text).strip()


# "201726 September 2017": a table's cells run together, the year of one and the day of the next
_YEAR_THEN_DAY = re.compile(
    rf"(?<![\d/.:-])((?:19|20)\d\d)([1-9]|[12]\d|3[01])(?= ?{MONTH_PATTERN})", _I
)
# "67 June 2019": extraction dropped the dash of "6-7 June" (never a year: "2021 May")
_LOST_DASH = re.compile(rf"(?<![\d/.:,-])(?!(?:19|20)\d\d)(\d{{2,4}})(?= ?{MONTH_PATTERN})", _I)


def _two_days(m: re.Match[str]) -> str:
    """Two following days glued into one number ("67", "1213") taken apart again."""
    digits = m[1]
    if int(digits) <= 31:
        return digits
    for cut in range(1, len(digits)):
        first, second = int(digits[:cut]), digits[cut:]
        if second[0] != "0" and 1 <= first <= 30 and int(second) == first + 1:
            return f"{first}-{second}"
    return digits


def _split_glued_day(m: re.Match[str]) -> str:
    digits = m[2]
    cut = 2 if 10 <= int(digits[-2:]) <= 31 else 1
    return f"{m[1]}{digits[:-cut]} {digits[-cut:]} {m[3]}"


# The subject line's label, in the six languages of the ITU
SUBJECT = re.compile(
    r"Subje[ct]t?\s*:|Objet\s*:|Asunto\s*:|Предмет\s*:|事由\s*:|الموضوع\s*:", re.IGNORECASE
)


@dataclass(frozen=True)
class Reference:
    text: str  # as printed, in the letter's language ("Carta Colectiva TSB 8/5")
    key: str  # the same in English: one letter whatever the language of its copy
    body: str
    pos: int
    endpos: int


_CORR = (
    r"(?:(?P<corr>Corrig[eé]ndum|Addendum|Adenda|Additif)\s*(?:No\.?\s*)?(?P<n>\d+)\s*"
    r"(?:to|au|à\s+la|a\s+la|al|del?)?\s*(?:the\s+)?)?"
)
# "Circular Letter 5/LCCE/86 Corrigendum 1": the corrigendum named after the letter it corrects
_CORR_AFTER = (
    r"(?:\s*[-,]?\s*(?P<corr2>Corrig[eé]ndum|Addendum|Adenda|Additif)\s*(?:No\.?\s*)?"
    r"(?P<n2>\d+)(?!\d))?"
)
# A BR letter's kind before its number, or in a table's cell with the date between them
# ("|Circular Letter |9 December 2005 |\n|8/LCCE/143 |")
_BR_LABEL = (
    r"(?:(?P<label>(?:Circular|Administrative)\s+(?:Letter|Circular)|Lettre\s+circulaire|Carta\s+"
    rf"circular|Circula(?:ire|r)\s+administrativ[ae])(?:[\s|]*(?:\d{{1,2}}\s+{MONTH_PATTERN}\s+"
    rf"(?:19|20)\d\d|{MONTH_PATTERN}\s+\d{{1,2}},?\s+(?:19|20)\d\d)\s*\|)?[\s|]*)?"
)
_REFERENCES = (
    (
        r"(?:TSB\s+)?(?:Collective\s+letter|Lettre\s+collective|Carta\s+colectiva)\s*(?:du\s+TSB\s+|de\s+la\s+TSB\s+|TSB\s+)?(?:No\.?\s*|N\.?º\s*)?(?P<x>\d+/[A-Z0-9][A-Za-z0-9-]*)(?:\s+(?:du|de\s+la)\s+TSB\b)?",
        "TSB Collective letter {x}",
        "ITU-T",
    ),
    (
        r"(?:TSB\s+Circular|Circulaire\s+(?:du\s+)?TSB|Circular\s+(?:de\s+la\s+)?TSB)\s*(?:No\.?\s*)?(?P<x>\d+)",
        "TSB Circular {x}",
        "ITU-T",
    ),
    # the BR's Circular Letters (study groups: LCCE; regulatory: CR, CCRR) and Administrative
    (rf"{_BR_LABEL}(?P<x>\d+/[A-Z]*LCCE/\d+|(?:CR|CCRR)/\d+)", "Circular Letter {x}", "ITU-R"),
    (rf"{_BR_LABEL}(?P<x>CA(?:CE)?/\d+)", "Administrative Circular {x}", "ITU-R"),  # Circulars
    (
        r"(?P<x>(?:(?:Circular|Circulaire|Carta\s+circular)\s+)?BDT/[A-Z0-9][A-Z0-9/.-]*[A-Z0-9])",
        "{x}",
        "ITU-D",
    ),
    (  # a circular named by its meeting and unit: "Circular C14/TDAG/CEO" (BDT)
        r"(?P<x>Circular\s+[A-Z]{1,4}\d+(?:/[A-Z][A-Z0-9-]*)+)",
        "{x}",
        "ITU",
    ),
    (  # the General Secretariat's numbered circulars: "Circular letter 120", "Circular-Letter
        # No. 58", and by year since 2020: "Circular Letter 21/39" (CL-21/39)
        r"(?:Circular[\s-]+letter|Lettre\s+circulaire|Carta\s+circular)\s*(?:No\.?\s*)?(?P<x>\d+(?:/\d+)?)(?![\d/])",
        "Circular letter {x}",
        "ITU",
    ),
    (  # "DM -1052", "DM-05/1171", "DM-251/BDT/CEO/WTDC-10" (a bureau's, with its sender's codes)
        r"(?P<x>(?:DM|CL)\s?-\s?\d+(?:/\d+)?(?!\d)(?:/(?-i:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\b)*)",
        "{x}",
        "ITU",
    ),
    (r"Circular-LC\s*(?P<x>\d+)", "Circular-LC {x}", "ITU"),
    (r"Циркуляр\s*(?:БСЭ\s*)?(?P<x>\d+)(?:\s*БСЭ)?", "TSB Circular {x}", "ITU-T"),  # Russian
    (  # Chinese: "电信标准化局第 3/9 号通函" (or 集体函)
        r"电信标准化局\s*第\s*(?P<x>\d+/[A-Z0-9][A-Za-z0-9-]*)\s*号\s*(?:通函|集体函)",
        "TSB Collective letter {x}",
        "ITU-T",
    ),
    (  # Arabic: "الرسالة الجماعية 3/9 لمكتب تقييس الاتصالات"
        r"الرسالة\s+الجماعية\s*(?:رقم\s*)?(?P<x>\d+/[A-Z0-9][A-Za-z0-9-]*)(?:\s+لمكتب\s+تقييس\s+الاتصالات)?",
        "TSB Collective letter {x}",
        "ITU-T",
    ),
    (
        r"Коллективное\s+письмо\s*(?:БСЭ\s*)?(?P<x>\d+/[A-Z0-9][A-Za-z0-9-]*)(?:\s*БСЭ)?",
        "TSB Collective letter {x}",
        "ITU-T",
    ),
)
_REFERENCE_RES = [
    (re.compile(_CORR + p + _CORR_AFTER, _I), form, body) for p, form, body in _REFERENCES
]


def find_reference(text: str) -> Reference | None:
    """The letter's own reference: the one after 'Ref', else the first in the text that is
    not cited in a sentence (a letter names others later; a page names letters only in
    passing: "Under TSB Circular 203, ..."). A DM letter's body is that of the bureau
    sending it."""
    found = []
    for pattern, form, body in _REFERENCE_RES:
        for m in pattern.finditer(text):
            key = form.format(x=re.sub(r"^(?:Circulaire|Carta\s+circular)", "Circular", m["x"]))
            printed = " ".join(m[0].split())
            if m.groupdict().get("label"):  # not the cells between the kind and the number
                printed = " ".join([*text[m.start() : m.start("x")].split("|")[0].split(), m["x"]])
            if corr := m["corr"] or m["corr2"]:
                kind = "Addendum" if corr[0] in "Aa" else "Corrigendum"
                key = f"{kind} {m['n'] or m['n2']} to {key}"
            if m["corr2"]:  # named as the README's form names a corrigendum
                printed = (
                    f"{kind} {m['n2']} to {' '.join(m[0][: m.start('corr2') - m.start()].split())}"
                )
            after_ref = bool(
                re.search(
                    r"(?:R[eé]f|Осн|文号|المرجع)\.?\s*:?[\s/]*$",
                    text[max(0, m.start() - 12) : m.start()],
                )
            )
            sender = (bureau_body(text) or body) if body == "ITU" else body
            reference = Reference(printed, key, sender, m.start(), m.end())
            if after_ref or not _cited(text, m.start(), m.end()):
                found.append((not after_ref, m.start(), reference))
    return min(found, key=lambda f: f[:2])[2] if found else None


# Another document named in a sentence: after a word that cites it ("see", "under", "in"), or
# as the subject of the sentence's verb ("TSB Circular 204 invites all delegates").
_CITES_BEFORE = re.compile(
    r"\b(?:see|under|in|per|of|by|to|with|from|cf\.?|following|voir|selon|según|véase)"
    r"\s*\(?\s*(?:the\s+|la\s+|le\s+|el\s+|ITU\s+|UIT\s+)*$",
    _I,
)
_CITES_AFTER = re.compile(
    r"\s*(?!(?:and|or|dated|del?|du|et|for|of|on|in|the|with|its|from)\b)(?-i:[a-z]{3,})\b", _I
)  # a verb, not a word that goes on with the reference ("Corrigendum 1 and its Attachments")


def _cited(text: str, start: int, end: int) -> bool:
    return bool(_CITES_BEFORE.search(text, max(0, start - 30), start)
                or _CITES_AFTER.match(text, end))  # fmt: skip


_BUREAUS = (
    (
        r"Telecommunication\s+Standardization\s+Bureau|Bureau\s+de\s+la\s+normalisation|Oficina\s+de\s+Normalización",
        "ITU-T",
    ),
    (
        r"Radiocommunication\s+Bureau|Bureau\s+des\s+radiocommunications|Oficina\s+de\s+Radiocomunicaciones",
        "ITU-R",
    ),
    (
        r"Telecommunication\s+Development\s+Bureau|Bureau\s+de\s+développement|Oficina\s+de\s+Desarrollo",
        "ITU-D",
    ),
    (r"General\s+Secretariat|Secrétariat\s+général|Secretaría\s+General|Secretary-General", "ITU"),
    (r"Бюро\s+стандартизации", "ITU-T"),  # Russian copies of the letters
    (r"Бюро\s+радиосвязи", "ITU-R"),
    (r"Бюро\s+развития", "ITU-D"),
    (r"Генеральн\w+\s+секретариат", "ITU"),
    (r"电信标准化局|تقييس\s+الاتصالات", "ITU-T"),  # Chinese and Arabic copies
    (r"无线电通信局|مكتب\s+الاتصالات\s+الراديوية", "ITU-R"),
    (r"电信发展局|مكتب\s+تنمية\s+الاتصالات", "ITU-D"),
    (r"总秘书处|الأمانة\s+العامة", "ITU"),
)


def bureau_body(text: str) -> str | None:
    """The body of the bureau named first, for a letter whose reference does not say."""
    hits = [(m.start(), body) for p, body in _BUREAUS if (m := re.search(p, text, _I))]
    return min(hits)[1] if hits else None


_GOVERNING = re.compile(
    r"\bCouncil\b|Plenipotentiary|\bConseil\b|Plénipotentiaires|\bConsejo\b|Plenipotenciarios", _I
)


def governing_body(text: str) -> str | None:
    """ITU (its governing bodies) for a text that names no bureau or sector but the Council or
    the Plenipotentiary Conference ("the meetings of the Council Working Groups")."""
    return "ITU" if _GOVERNING.search(text) else None


SALUTATION = re.compile(r"\bDear\b|Madame,?\s+Monsieur|Muy\s+señor|Estimad|Уважаем", _I)


# What a meeting document (a report, minutes, a contribution, conclusions) carries in its
# head, and a letter does not: "Document TDAG-10/019-E", "Source:", "Title:", "Original: ...".
_DOCUMENT_SIGNS = [
    re.compile(p, re.IGNORECASE | re.MULTILINE)
    for p in (
        r"(?:^|/)\s*Document\s+[A-Z0-9][\w.-]*/[\w/.-]+|\bDocument\s+[\w.-]+/[\w/.]*-[EFSACR]\b",
        r"^\s*(?:Source|SOURCE|Title|TITLE|Question\(s\)|Action\s+required)\s*[:/]",
        r"summary\s+of\s+(?:the\s+)?conclusions|r[eé]sum[eé]\s+des\s+conclusions",
        r"^\s*Original\s*:\s*[A-Z]|Original\s*:\s*(?:English|French|Spanish|Arabic|Chinese|Russian)",
        r"^\s*English\s+only\s*$",
        r"\breport\s+(?:of|on)\s+the\s+[\w-]+\s+meeting|\bminutes\s+of\s+the\b",
    )
]


def is_document(text: str) -> bool:
    """A meeting document rather than a letter: two signs of a document in its head, and no
    salutation or invitation in it ("TDAG is invited to take note" is no invitation)."""
    head = text[:2500]
    signs = sum(bool(p.search(head)) for p in _DOCUMENT_SIGNS)
    return signs >= 2 and SALUTATION.search(text) is None
