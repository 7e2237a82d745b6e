"""The groups a letter names: "Study Group 13" and "Commission d'études 13" are SG13,
"Working Parties 5A, 5B and 5C" is three groups in one mention, and a working group named in
words is called by the acronym the letter gives it somewhere ("the Working Group on Private
Sector Issues (WGPS)"; a Council working group's is CWG-ITR)."""

import re
import unicodedata
from dataclasses import dataclass

_I = re.IGNORECASE


@dataclass(frozen=True)
class GroupMention:
    pos: int
    endpos: int
    groups: tuple[str, ...]


_LIST = r"(?P<more>(?:\s*(?:,|and|et|y)\s*(?:WP\s*)?\d{1,2}(?:[A-F]\b|/\d{1,2}))*)"
_GROUPS = (
    (r"SG\s?\d+RG-[A-Z]+", lambda m: re.sub(r"\s", "", m[0])),
    (
        r"(?:Regional\s+Group\s+(?:of|for)\s+(?:ITU-T\s+)?Study\s+Group|Grupo\s+Regional\s+de\s+la\s+Comisi[oó]n\s+de\s+Estudio|Groupe\s+r[ée]gional\s+de\s+la\s+Commission\s+d'[ée]tudes)\s*(?P<a>\d{1,2})",
        lambda m: f"SG{m['a']}RG",
    ),
    (
        r"(?:Joint\s+Task\s+Group|JTG)\s*(?P<a>\d+)\s*[-/]\s*(?P<b>\d+)",
        lambda m: f"JTG {m['a']}/{m['b']}",
    ),
    (
        r"(?:Task\s+Group|TG|Groupe\s+d'action|Grupo\s+de\s+Tareas)\s*(?P<a>\d+/\d+)",
        lambda m: f"TG {m['a']}",
    ),
    (
        r"(?:Working\s+Part(?:y|ies)|WPs?|Groupes?\s+de\s+travail|Grupos?\s+de\s+Trabajo)\s*(?P<a>\d{1,2}(?:[A-F]\b|/\d{1,2}))"
        + _LIST,
        None,
    ),
    (
        r"(?:Study\s+Group|SG|Commission\s+d'études|Comisión\s+de\s+Estudio)\s*(?P<a>\d{1,2})(?![\d/A-Z])",
        lambda m: f"SG{m['a']}",
    ),
    (
        r"\bTSAG\b|\bGCNT\b|Telecommunication\s+Standardization\s+Advisory\s+Group|Groupe\s+consultatif\s+de\s+la\s+normalisation|Grupo\s+Asesor\s+de\s+Normalización",
        lambda m: "TSAG",
    ),
    (
        r"\bRAG\b|\bGCR\b|Radiocommunication\s+Advisory\s+Group|Groupe\s+consultatif\s+des\s+radiocommunications|Grupo\s+Asesor\s+de\s+Radiocomunicaciones",
        lambda m: "RAG",
    ),
    (
        r"\bTDAG\b|\bGCDT\b|\bGADT\b|Telecommunication\s+Development\s+Advisory\s+Group|Groupe\s+consultatif\s+pour\s+le\s+développement|Grupo\s+Asesor\s+de\s+Desarrollo",
        lambda m: "TDAG",
    ),
    (r"\bCWG-[A-Za-z&]+(?:-[A-Za-z]+)?", lambda m: m[0]),
    (r"\bRPM-[A-Z]{2,4}\b", lambda m: m[0]),
    (r"Council\s+Working\s+Group\s+on\s+(?:international\s+)?Internet", lambda m: "CWG-Internet"),
    (
        r"ITU\s+Council|Council\s+20\d\d|session\s+of\s+(?:the\s+)?(?:ITU\s+)?Council|Conseil\s+de\s+l'UIT|Consejo\s+de\s+la\s+UIT",
        lambda m: "Council",
    ),
)
_GROUP_RES = [(re.compile(p, _I), name) for p, name in _GROUPS]


def _parties(m: re.Match[str]) -> tuple[str, ...]:
    first = m["a"]
    more = re.findall(r"\d{1,2}(?:[A-F]\b|/\d{1,2})", m["more"] or "")
    return tuple(f"WP {p.upper()}" for p in (first, *more))


# "(the) [Council|TDAG] Working Group on Private Sector Issues (WGPS)"
_NAMED = re.compile(
    r"(?P<council>Council\s+)?(?:(?:TDAG|TSAG|RAG)\s+)?Working\s+Group\s+(?:on|for)\s+(?:the\s+)?"
    r"(?P<words>[^(),.;:\d]{3,90}?)(?=\s*(?:\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)|[(),.;:]|\s+and\s|\s+et\s|\s+y\s|\s+hold|\s+meet|\s+will|\s+from|\s+on\s+\d|$))",
    _I,
)


def _key(words: str) -> str:
    """Words folded so that 'Human Resource Development' and 'Human Resources
    Development' meet."""
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode().casefold()
    return " ".join(w.rstrip("s") for w in re.findall(r"[a-z]+", plain)[:4])


def _named_groups(text: str) -> list[GroupMention]:
    """Working groups named in words, by the acronym the letter gives them anywhere."""
    matches = list(_NAMED.finditer(text))
    acronyms = {}
    for m in matches:
        if m["acronym"]:
            prefix = "CWG-" if m["council"] else ""
            acronyms[_key(m["words"])] = prefix + m["acronym"]
    return [
        GroupMention(m.start(), m.end(), (acronyms[_key(m["words"])],))
        for m in matches
        if _key(m["words"]) in acronyms
    ]


def find_groups(text: str) -> list[GroupMention]:
    """Every mention of a group, left to right; a list ("Working Parties 5A, 5B and 5C") is
    one mention of several groups."""
    found: list[GroupMention] = _named_groups(text)
    for pattern, name in _GROUP_RES:
        for m in pattern.finditer(text):
            if any(g.pos <= m.start() < g.endpos for g in found):
                continue
            groups = _parties(m) if name is None else (name(m),)
            found.append(GroupMention(m.start(), m.end(), groups))
    return sorted(_with_regions(found), key=lambda g: g.pos)


def _with_regions(found: list[GroupMention]) -> list[GroupMention]:
    """A regional group named in words ("Grupo Regional de la Comisión de Estudio 3") is the
    one the letter gives a region to (SG3RG-LAC), when it gives one."""
    regions = {g for m in found for g in m.groups if re.fullmatch(r"SG\d+RG-[A-Z]+", g)}

    def named(group: str) -> str:
        known = [r for r in regions if r.startswith(group + "-")]
        return known[0] if group.endswith("RG") and len(known) == 1 else group

    return [GroupMention(m.pos, m.endpos, tuple(map(named, m.groups))) for m in found]
