"""The deadlines a letter dates.

A day is a deadline when it stands in the letter's key-deadlines table, or beside words of
deadlines ("contributions", "registration", "no later than", "date limite", "plazo"). It
belongs to the meeting whose table row it ends ("WP 5A 3-14 May 2021 26 April 2021"), else to
every meeting it comes before. A row that dates several things ("- Fellowship requests
- Interpretation requests") gives one deadline each. The time printed beside it, with its
zone, is kept; a time with no zone named is Geneva time."""

import re
from datetime import date, time

from itu_timeline.core.letter_dates import Clock, Found, find_times, resolve
from itu_timeline.core.letter_model import LetterDeadline, Meeting

_I = re.IGNORECASE
DEADLINE_WORDS = re.compile(
    r"deadline|submi|contribution|regist|fellowship|visa|translation|interpretation|"
    r"later\s+than|date\s+limite|délai|échéance|inscri|bourse|traduction|plazo|"
    r"fecha\s+l[ií]mite|beca|traducci|a\s+más\s+tardar|avant\s+le|au\s+plus\s+tard|"
    r"موعد|مساهم|تسجيل|منح|تأشير|ترجم|截止|文稿|注册|签证|补贴|口译|翻译",  # Arabic, Chinese
    _I,
)
# What ties a day to a deadline where no table does: the words right before it.
DEADLINE_CUE = re.compile(
    r"(?:\bby|\bbefore|\buntil|later\s+than|deadline[^.]{0,60}?|jusqu'au|avant\s+le|"
    r"au\s+plus\s+tard\s+le|a\s+más\s+tardar\s+el|hasta\s+el|antes\s+del?|date\s+limite[^.]{0,40}|"
    r"plazo[^.]{0,40}|fecha\s+l[ií]mite[^.]{0,40}|\bdue(?:\s+on)?|clos(?:e|es|ing)\s+on|"
    r"في\s+موعد\s+(?:أقصاه|لا\s+يتجاوز)|截止日期[^。.]{0,20}?[为是:]?)"
    r"\s*[:,]?\s*(?:is\s+|est\s+|es\s+)?(?:the\s+|le\s+|el\s+)?(?:d[ií]a\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|"
    r"lunes|martes|miércoles|jueves|viernes)?,?\s*$",
    _I,
)
KEY_DEADLINES = re.compile(
    r"key\s+deadlines|principales\s+échéances|dates\s+limites|plazos\s+(?:clave|importantes)|"
    r"fechas\s+l[ií]mite|important\s+deadlines",
    _I,
)
HEADER = re.compile(r"(?:deadline|date\s+limite|plazo|fecha\s+l[ií]mite)[a-zé ]{0,40}", _I)
KEY_REACH = 1500  # how far after its heading a key-deadlines table can run, in characters
ROW_GAP = 40  # at most this much text between a meeting's span and the deadline of its row
_AT = re.compile(r"[\s(,;:]*(?:at|à|a\s+las|by)?\s*", _I)  # "26 April 2021 (at 1600 hours"
_ON = re.compile(r"[\s,)]*(?:on|le|el|del?)?\s*", _I)  # "1600 hours UTC on 26 April"
_ITEM_SPLIT = re.compile(r"\s+[-•·]\s+|\n[-•·|]|\s*[;|]\s*|\s/\s*-?\s*|^\s*[-•·/:|]\s*")


def attach_deadlines(
    text: str, dates: list[Found], meetings: list[Meeting], letter_date: date | None, near: date
) -> None:
    """Give each meeting the deadlines the letter dates for it."""
    clocks = find_times(text)
    key = KEY_DEADLINES.search(text)
    at = {p: [n for n in meetings if p in (n.pos, *n.mentions)]
          for m in meetings for p in (m.pos, *m.mentions)}  # fmt: skip
    first_start = min(m.start for m in meetings)
    # A letter's key deadlines are its groups' (a workshop the day before has none of them).
    common = [m for m in meetings if m.group is not None] or meetings
    owners: dict[int, list[Meeting]] = {}  # a date's position -> the meetings of its row
    for i, found in enumerate(dates):
        if found.is_span or found.pos in at:
            continue
        previous = dates[i - 1] if i else None
        gap = text[previous.endpos : found.pos] if previous else ""
        row = None
        heads = _heads_row(text, found)  # dates what is due for the meetings after it
        if previous and len(_without_times(gap)) <= ROW_GAP and _in_row(gap) and not heads:
            row = at.get(previous.pos) or owners.get(previous.pos)
        day = resolve(found.start, near)
        in_table = bool(key and key.start() < found.pos <= key.end() + KEY_REACH)
        after = text[found.endpos : dates[i + 1].pos if i + 1 < len(dates) else len(text)]
        if row is None and not in_table and not _tied(gap, after) and not heads:
            continue
        if (letter_date and day < letter_date) or (
            row is None and day >= first_start and not heads
        ):
            continue  # before the letter, or a day of the letter's meetings themselves
        if row is not None:
            owners[found.pos] = row
        clock = _clock_of(found, clocks, text) or (
            _header_clock(text, found, clocks) if row else None
        )
        if row is not None and clock is not None and day == row[0].start:
            _row_opening(row, clock)  # "Monday 6 July 2015 at 1100 hours" in the row
            continue
        names = _names(text, found, gap, after, row is not None, in_table)
        if not names:
            continue  # nothing the letter says is due that day
        targets = row if row is not None else common
        for meeting in targets:
            if day < meeting.start:
                meeting.deadlines += [_deadline(n, day, clock) for n in names]
    for meeting in meetings:
        meeting.deadlines = _distinct(meeting.deadlines)


_TIME_BEFORE = re.compile(
    r"\(?\s*(?:at\s+)?\d{1,2}[:.h]?\d{2}\s*(?:hours|hrs|h)?\s*(?:UTC|CET|Geneva\s+time)?\s*\)?"
    r"\s*,?\s*(?:on\s+)?$",
    _I,
)
_ITEM_LEAD = re.compile(r"\s*(?:\([^)]*\))?\s*[-:/\u2013]\s*")
# What is due is named by a word of deadlines, and never by a salutation or a bare heading.
NAME_WORDS = re.compile(
    DEADLINE_WORDS.pattern + r"|contribu|request|demande|solicitud|\bdue\b|文稿|attendance", _I
)
_NO_NAME = re.compile(
    r"(?:Dear|Madame|Monsieur|Estimad|Muy\s+señor)\b|(?:deadlines?|dates?|date\s+limite|plazos?|"
    r"fechas?(?:\s+l[ií]mite)?)\s*$",
    _I,
)


def is_deadline_name(name: str) -> bool:
    """A name of something due ("Fellowship requests"), not a salutation or a heading."""
    return bool(NAME_WORDS.search(name)) and not _NO_NAME.match(name)


def _tied(gap: str, after: str) -> bool:
    """A day outside the tables is a deadline only when the words right before it say so
    ("by", "no later than", "deadline", "jusqu'au"; a time between them is passed over), or
    the item right after it is something due ("15 May - contributions")."""
    before = _TIME_BEFORE.sub("", gap[-120:])
    if DEADLINE_CUE.search(before):
        return True
    lead = _ITEM_LEAD.match(after)
    return lead is not None and bool(NAME_WORDS.search(after[lead.end() : lead.end() + 80]))


def _heads_row(text: str, found: Found) -> bool:
    """A day that opens its line, followed there by what is due ("21 January 2013 Deadline
    for Submission of the Official Contributions"), in a list of dates and what they date."""
    opens = found.pos == 0 or text[found.pos - 1] == "\n"
    line = text[found.endpos :].split("\n", 1)[0]
    return opens and re.match(r"\s+[A-Z]", line) is not None and is_deadline_name(line.strip())


def _in_row(gap: str) -> bool:
    """Whether the text between a meeting's days and a date keeps them in one table row: no
    words of deadlines, or only a row's own label of them ("WP 5D 17-28 May 2027 Deadline for
    contributions: 10 May 2027"), with no sentence or line ended between."""
    return not DEADLINE_WORDS.search(gap) or not re.search(r"[.;]\s|\n", gap)


def _without_times(gap: str) -> str:
    return re.sub(r"[\d:.()\s/,-]|hours|hrs|heures|horas|UTC|CET|Geneva|time", "", gap)


def _deadline(name: str, day: date, clock: Clock | None) -> LetterDeadline:
    if clock is None:
        return LetterDeadline(name, day)
    return LetterDeadline(name, day, time(clock.hour, clock.minute), clock.zone)


def _clock_of(found: Found, clocks: list[Clock], text: str) -> Clock | None:
    """The time printed right after the day ("26 April 2021 (1600 hours UTC)") or right
    before it ("by 1600 hours UTC on 26 April 2021")."""
    for clock in clocks:
        between_after = text[found.endpos : clock.pos]
        between_before = text[clock.endpos : found.pos]
        if clock.pos >= found.endpos and _AT.fullmatch(between_after):
            return clock
        if clock.endpos <= found.pos and _ON.fullmatch(between_before):
            return clock
    return None


def _header_clock(text: str, found: Found, clocks: list[Clock]) -> Clock | None:
    """The time a table's heading gives its deadline column ("Deadline for contributions
    1600 hours UTC")."""
    headers = list(HEADER.finditer(text, 0, found.pos))
    if not headers:
        return None
    end = headers[-1].end()
    return next((c for c in clocks if end <= c.pos <= end + 40), None)


def _row_opening(row: list[Meeting], clock: Clock) -> None:
    for meeting in row:
        if meeting.opening is None:
            meeting.opening = time(clock.hour, clock.minute)


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


def _names(
    text: str, found: Found, gap: str, after: str, in_row: bool, in_table: bool
) -> list[str]:
    """What is due that day: the items written after it (a table of key deadlines), else the
    sentence before it, else the table's heading."""
    if in_row:
        headers = HEADER.findall(text[: found.pos])
        return [_clean(headers[-1])] if headers else []
    items = [_clean(i) for i in _ITEM_SPLIT.split(_before_sentence_end(after))]
    items = [i for i in items if re.search(r"[A-Za-zÀ-ÿ]{3}", i) and is_deadline_name(i)]
    items = [part for i in items for part in _two_things(i)]
    sentence = _nearest_clauses(re.split(r"(?<=[.:!?])\s+(?=[A-Z0-9])|\n", gap)[-1])
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
    return " ".join(item.split()).strip(" -–:;,./()").strip()[:LONGEST_NAME]


def _distinct(deadlines: list[LetterDeadline]) -> list[LetterDeadline]:
    """Each (name, due) once; a day given without a time where the letter also gives that day
    with a time is the same deadline."""
    timed = {(d.name, d.day) for d in deadlines if d.time is not None}
    seen: dict[tuple[str, str], LetterDeadline] = {}
    for d in deadlines:
        if d.time is None and (d.name, d.day) in timed:
            continue
        seen.setdefault((d.name.casefold(), d.due), d)
    return sorted(seen.values(), key=lambda d: (d.due, d.name))
