"""What a letter says is due on a day: the words of deadlines, and the name a deadline
takes from its table's item, its label ("Registration of the document: by ..."), the
sentence before it or its table's heading."""

import re

from itu_timeline.core.letter_dates import Found

_I = re.IGNORECASE
DEADLINE_WORDS = re.compile(
    r"deadline|submi|contribution|regist|fellowship|visa|translation|interpretation|"
    r"later\s+than|date\s+limite|délai|échéance|inscri|bourse|traduction|plazo|"
    r"fecha\s+l[ií]mite|beca|traducci|a\s+más\s+tardar|avant\s+le|au\s+plus\s+tard|"
    r"موعد|مساهم|تسجيل|منح|تأشير|ترجم|截止|文稿|注册|签证|补贴|口译|翻译",  # Arabic, Chinese
    _I,
)
WEEKDAYS = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|"
    r"lunes|martes|miércoles|jueves|viernes"
)
# What ties a day to a deadline where no table does: the words right before it.
DEADLINE_CUE = re.compile(
    r"(?:\bby|\bbefore|\buntil|later\s+than|deadline[^.]{0,60}?|jusqu'au|avant\s+le|"
    r"au\s+plus\s+tard\s+le|a\s+más\s+tardar\s+el|hasta\s+el|antes\s+del?|date\s+limite[^.]{0,40}|"
    r"plazo[^.]{0,40}|fecha\s+l[ií]mite[^.]{0,40}|\bdue(?:\s+on)?|clos(?:e|es|ing)\s+on|"
    r"في\s+موعد\s+(?:أقصاه|لا\s+يتجاوز)|截止日期[^。.]{0,20}?[为是:]?)"
    r"\s*[:,]?\s*(?:is\s+|est\s+|es\s+)?(?:the\s+|le\s+|el\s+)?(?:d[ií]a\s+)?"
    rf"(?:{WEEKDAYS})?,?\s*$",
    _I,
)
HEADER = re.compile(r"(?:deadline|date\s+limite|plazo|fecha\s+l[ií]mite)[a-zé ]{0,40}", _I)
_ITEM_SPLIT = re.compile(r"\s+[-•·]\s+|\n[-•·|]|\s*[;|]\s*|\s/\s*-?\s*|^\s*[-•·/:|]\s*")
TIME_BEFORE = re.compile(
    r"\(?\s*(?:at\s+)?\d{1,2}[:.h]?\d{2}\s*(?:hours|hrs|h)?\s*(?:UTC|CET|Geneva\s+time)?\s*\)?"
    rf"\s*,?\s*(?:on\s+)?(?:(?:{WEEKDAYS})\s*,?\s*)?$",
    _I,
)
# "Registration of the document: by 23:59 UTC, 3 Mar 2011": the label names what is due
_LABEL = re.compile(
    r"(?:^|[/^=*~_|•·]{2,}|[.;]\s)\s*(?P<label>[^:.;\n/^]{3,80}?)\s*:\s*"
    r"(?:by|before|no\s+later\s+than|not\s+later\s+than|until)\s*$",
    _I,
)
# What is due is named by a word of deadlines, and never by a salutation or a bare heading.
NAME_WORDS = re.compile(
    DEADLINE_WORDS.pattern
    + r"|contribu|request|demande|solicitud|\bdue\b|文稿|attendance"
    + r"|distribution\s+of\s+(?:the\s+)?doc",
    _I,
)
_NO_NAME = re.compile(
    r"(?:Dear|Madame|Monsieur|Estimad|Muy\s+señor)\b|(?:deadlines?|dates?|date\s+limite|plazos?|"
    r"fechas?(?:\s+l[ií]mite)?)\s*$",
    _I,
)


def is_deadline_name(name: str) -> bool:
    """A name of something due ("Fellowship requests"), not a salutation or a heading."""
    return bool(NAME_WORDS.search(name)) and not _NO_NAME.match(name)


LONGEST_NAME = 150  # characters


def _nearest_clauses(sentence: str) -> str:
    """A long sentence before a day named by its clauses nearest the day, from the last that
    names something due ("..., please register with the on-line form as soon as you can, and
    not later than")."""
    clean = _clean(sentence)
    if len(clean) < LONGEST_NAME:
        return clean
    clauses = sentence.split(", ")
    tails = (_clean(", ".join(clauses[k:])) for k in range(len(clauses) - 1, -1, -1))
    return next((t for t in tails if is_deadline_name(DEADLINE_CUE.sub("", t))), clean)


def deadline_names(
    text: str, found: Found, gap: str, after: str, in_row: bool, in_table: bool
) -> list[str]:
    """What is due that day: the items written after it (a table of key deadlines), else the
    sentence before it, else the table's heading."""
    if in_row:
        headers = HEADER.findall(text[: found.pos])
        return [_clean(headers[-1])] if headers else []
    label = _LABEL.search(TIME_BEFORE.sub("", gap[-120:]))
    if label is not None and is_deadline_name(label["label"]):
        return [_clean(label["label"])]
    items = [_clean(i) for i in _ITEM_SPLIT.split(_before_sentence_end(after))]
    items = [i for i in items if re.search(r"[A-Za-zÀ-ÿ]{3}", i) and is_deadline_name(i)]
    items = [part for i in items for part in _two_things(i)]
    sentence = _nearest_clauses(re.split(r"(?<=[.:!?])\s+(?=[A-Z0-9])|\n|[/^=~]{3,}", gap)[-1])
    if items and (in_table or not DEADLINE_WORDS.search(sentence)):
        return items
    return [sentence] if is_deadline_name(sentence) else items


def _two_things(item: str) -> list[str]:
    """An item that dates two things, each named with what is due ("Submission of the
    Official Contributions and binding requests for Workshops"), as two."""
    parts = re.split(r"\s+(?:and|et|y)\s+(?=\w+\s+\w)", item, maxsplit=1)
    both = len(parts) == 2 and all(NAME_WORDS.search(p) and len(p.split()) >= 2 for p in parts)
    return parts if both else [item]


# The letter's closing formula ends its last table: "Yours faithfully," is no wrapped item.
_CLOSING = re.compile(
    r"\s*(yours (faithfully|sincerely|truly)|(best|kind) regards|sincerely|veuillez agr|"
    r"je vous prie|(le saluda )?atentamente|saludos)",
    re.IGNORECASE,
)


def _before_sentence_end(after: str) -> str:
    """The items of a table row: its first line, and the lines after it that go on with a
    bullet, in lower case, or as a phrase wrapped from it (not a sentence of its own)."""
    lines = after.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        wrapped = not re.search(r"[.;:](?:\s|$)", line) and len(line) < 40  # not "Phase IV :"
        if not line or _CLOSING.match(line) or not (re.match(r"[-•·|a-z]", line) or wrapped):
            break
        kept.append(line)
    text = "\n".join(kept)
    stop = re.search(r"\.\s+(?=[A-Z])", text)
    return text[: stop.start()] if stop else text[:300]


def _clean(item: str) -> str:
    item = re.sub(r"\([^)]*\)?", "", item)
    item = re.sub(r"\(?\s*\d{3,4}\s*(?:hours|hrs)?\s*(?:UTC|CET|Geneva time)?\s*\)?", "", item)
    return " ".join(item.split())[:LONGEST_NAME].strip(" -–:;,./()").strip()
