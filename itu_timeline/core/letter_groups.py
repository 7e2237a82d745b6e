"""The groups a letter names: "Study Group 13" and "Commission d'études 13" are SG13,
"Working Parties 5A, 5B and 5C" is three groups in one mention, and a working group named in
words is called by the acronym the letter gives it somewhere ("the Working Group on Private
Sector Issues (WGPS)"; a Council working group's is CWG-ITR), or, given none, is a meeting
of no group we could name (its words kept for the title)."""

import re
import unicodedata
from dataclasses import dataclass, replace

_I = re.IGNORECASE


@dataclass(frozen=True)
class GroupMention:
    pos: int
    endpos: int
    groups: tuple[str, ...]  # none for a working group named in words only
    name: str = ""  # those words ("TDAG Correspondence Group on streamlining resolutions")


_LIST = r"(?P<more>(?:\s*(?:,|and|et|y)\s*(?:WP\s*)?\d{1,2}(?:[A-F]\b|/\d{1,2}))*)"
# A study group's regional group named with its region in words: "the ITU-T Study Group 2
# Arab Regional Group", "the Arab Regional Group of ITU-T SG2", "Regional Group of Study Group
# 3 for Latin America and the Caribbean", "Groupe régional de la Commission d'études 5 pour
# l'Afrique": one group, SG2RG-ARB, as the ITU writes its regional groups
_REGION = (
    r"(?P<region>Arab(?:e|ic)?|[áa]rabe|Afri(?:ca|can|que)|África|Latin\s+America(?:n)?|"
    r"Am[ée]rique\s+latine|Am[ée]rica\s+Latina|Asia(?:\s+and\s+|-)Oceania|Asie-Océanie|"
    r"Eastern\s+Europe)"
)
_SG_N = (
    r"(?:ITU-T\s+|UIT-T\s+)?(?:Study\s+Group|SG|Commission\s+d'[ée]tudes|Comisi[oó]n\s+de\s+Estudio)"
    r"\s*(?P<n>\d{1,2})"
)
_REGIONAL = r"(?:Regional\s+Group|Groupe\s+r[ée]gional|Grupo\s+Regional)"
_FOR_REGION = rf"\s+(?:for|pour|para)\s+(?:the\s+|l'|la\s+)?{_REGION}(?![^()]{{0,60}}\(SG)"
_REGION_CODES = (("ar", "ARB"), ("áf", "AFR"), ("af", "AFR"), ("lat", "LAC"), ("am", "LAC"),
                 ("asi", "AO"), ("eas", "EECAT"))  # fmt: skip


def _regional(m: re.Match[str]) -> str:
    word = m["region"].casefold()
    code = next(c for prefix, c in _REGION_CODES if word.startswith(prefix))
    return f"SG{m['n']}RG-{code}"


_GROUPS = (
    (rf"{_SG_N}\s+{_REGION}\s+{_REGIONAL}", _regional),  # "Study Group 2 Arab Regional Group"
    (rf"{_REGION}\s+{_REGIONAL}\s+(?:of|for|de\s+la)\s+(?:the\s+)?{_SG_N}", _regional),
    # "(Study Group 3) Regional Group (of Study Group 3) for Latin America", unless the
    # letter gives its acronym after it (read below)
    (rf"{_SG_N}\s+{_REGIONAL}{_FOR_REGION}", _regional),
    (rf"{_REGIONAL}\s+(?:of|for|de\s+la)\s+(?:the\s+)?{_SG_N}{_FOR_REGION}", _regional),
    (  # "Study Group 12 Regional Group on QoS (...) for the Africa Region (SG12RG-AFR)": one group
        r"Study\s+Group\s+\d{1,2}\s+Regional\s+Group\b(?:[^()]|\([^()]*\)){0,120}?"
        r"\((?P<a>SG\s?\d+\s?RG-[A-Z]+)\)",
        lambda m: re.sub(r"\s", "", m["a"]),
    ),
    (r"SG\s?\d+\s?RG-[A-Z]+", lambda m: re.sub(r"\s", "", m[0])),  # "SG3 RG-AO" too
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
    (  # "WP2/16 Questions Rapporteur Meeting": a Rapporteurs' meeting is its study group's
        r"(?:Working\s+Party|\bWP)\s*\d{1,2}/(?P<a>\d{1,2})(?=\s+(?:Questions?\s+)?Rapporteur)",
        lambda m: f"SG{m['a']}",
    ),
    (  # "Working Parties 1, 2 and 3/13": the study group written once, after the last
        r"(?:Working\s+Parties|\bWPs|Groupes\s+de\s+travail|Grupos\s+de\s+Trabajo)\s*(?P<a>\d{1,2})"
        r"(?P<more>(?:\s*,\s*\d{1,2})*\s*(?:,|and|et|y)\s*\d{1,2})/(?P<sg>\d{1,2})\b",
        None,
    ),
    (
        r"(?:Working\s+Part(?:y|ies)|\bWPs?|Groupes?\s+de\s+travail|Grupos?\s+de\s+Trabajo)\s*(?P<a>\d{1,2}(?:[A-F]\b|/\d{1,2}))"
        + _LIST,
        None,
    ),
    (
        r"(?:Study\s+Group|SG|Commission\s+d'études|Comisión\s+de\s+Estudio|لجنة\s+الدراسات)\s*(?P<a>\d{1,2})(?![\d/A-Z])",
        lambda m: f"SG{m['a']}",
    ),
    (r"第\s*(?P<a>\d{1,2})\s*研究组", lambda m: f"SG{m['a']}"),  # Chinese: "第 9 研究组"
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
    (r"\b(?:C?WG|EG)-[A-Z][A-Za-z&]*(?:-[A-Za-z]+)?", lambda m: m[0]),
    (  # a group named in capitalised words and given its acronym: "Quality of Service
        # Development Group (QSDG)"
        r"(?-i:[A-Z])[\w-]*(?:\s+(?:(?:of|on|for|and|the)\s+)*(?-i:[A-Z])[\w-]*){0,6}\s+Group\s*"
        r"\((?P<a>(?-i:[A-Z][A-Z0-9]{2,7}))\)",
        lambda m: m["a"],
    ),
    (r"\bRPM-[A-Z]{2,4}\b", lambda m: m[0]),
    # a Focus Group by its name as printed: "FG SmartCable", "FG-AI4H"
    (
        r"\b(?-i:FG)[-\s](?!(?:Meetings?|Chair\w*|Secretariat|Management|Plenary|Members?)\b)"
        r"(?-i:[A-Z][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)\b",
        lambda m: " ".join(m[0].split()),
    ),
    # a group called by its acronym after the word: "(Group FINREGS)", "the GROUP FINREGS"
    (r"\bGroup\s+(?P<a>(?-i:[A-Z][A-Z0-9]{2,9}))\b(?![-/])", lambda m: m["a"]),
    (r"Council\s+Working\s+Group\s+on\s+(?:international\s+)?Internet", lambda m: "CWG-Internet"),
    (
        r"ITU\s+Council|Council\s+20\d\d|session\s+of\s+(?:the\s+)?(?:ITU\s+)?Council|Conseil\s+de\s+l'UIT|Consejo\s+de\s+la\s+UIT",
        lambda m: "Council",
    ),
)
_GROUP_RES = [(re.compile(p, _I), name) for p, name in _GROUPS]


def _parties(m: re.Match[str]) -> tuple[str, ...]:
    first = m["a"]
    shared = m.groupdict().get("sg")
    if shared:
        parts = [first, *re.findall(r"\d{1,2}", m["more"])]
        return tuple(f"WP {p}/{shared}" for p in parts)
    more = re.findall(r"\d{1,2}(?:[A-F]\b|/\d{1,2})", m["more"] or "")
    return tuple(f"WP {p.upper()}" for p in (first, *more))


_WORDS = r"[^(),.;:\d]{3,90}?(?:\s\d{2,4}(?:-\d{2,4})?)*"
_ACRONYM = r"[A-Z][A-Za-z&]{1,9}(?:-[A-Za-z&\d]{1,10}){0,3}"
# "(the) [Council|TDAG] Working Group on Private Sector Issues (WGPS)", "the WG on Resolution
# 149 (WGDef)", "the Correspondence Groups on the Strategic Plan (WGSP) and on Resolutions (WGRR)",
# "les Groupes de correspondance sur ... (WGSP) et sur ...", "el Grupo de Trabajo sobre ..."
_NAMED = re.compile(
    r"(?:(?:(?P<council>Council\s+)?(?:(?:TDAG|TSAG|RAG)\s+)?(?:Working|Correspondence)\s+Groups?|\bWG)"
    r"\s+(?:on|for)\s+(?:the\s+)?"
    r"|(?:Groupes?\s+de\s+(?:travail|correspondance)|Grupos?\s+(?:de\s+trabajo|por\s+correspondencia))"
    r"(?:\s+(?P<conseil>du\s+Conseil|del\s+Consejo))?\s+(?:sur|sobre|pour|para)\s+"
    r"(?:la\s+|le\s+|les\s+|l'|el\s+|los\s+|las\s+)?)"
    # the words up to the acronym the letter gives ("on Resolutions and Recommendations (WGRR)"),
    # else up to what ends a name
    rf"(?P<words>{_WORDS}(?=\s*\({_ACRONYM}\))|{_WORDS}(?=\s*(?:"
    r"[(),.;:]|\s+and\s|\s+et\s|\s+y\s|\s+hold|\s+meet|\s+will|\s+from|\s+on\s+\d|$)))"
    rf"(?:\s*\((?P<acronym>{_ACRONYM})\))?",
    _I,
)
# "... (WGSP) and on Resolutions and Recommendations (WGRR)": a second group of the same kind
_AND_ON = re.compile(
    r"\s+(?:and|et|y)\s+(?P<on>(?:on|for|sur|sobre)\s+(?:the\s+|la\s+|le\s+|les\s+|el\s+|los\s+)?"
    r"(?P<words>[^(),.;:]{3,90}?))(?=\s*(?:\((?P<acronym>"
    r"[A-Z][A-Za-z&]{1,9}(?:-[A-Za-z&\d]{1,10}){0,3})\)|[(),.;:]|\s+will|\s+hold|\s+meet|$))",
    _I,
)


def _key(words: str) -> str:
    """Words folded so that 'Human Resource Development' and 'Human Resources
    Development' meet."""
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode().casefold()
    return " ".join(w.rstrip("s") for w in re.findall(r"[a-z]+|\d+", plain)[:4])


def _short(acronym: str, council: bool) -> str:
    """A Council working group's acronym as the ITU writes it (CWG-ITR), unless the letter's
    own already says it is a working group (WG-WSIS)."""
    own = "-" in acronym or acronym.upper().startswith(("WG", "CWG", "EG", "CG"))
    return acronym if own or not council else "CWG-" + acronym


def _named_groups(text: str) -> list[GroupMention]:
    """Working groups named in words, by the acronym the letter gives them anywhere, and the
    acronyms where the letter uses them alone ("The 11th meeting of WG-WSIS")."""
    named: list[tuple[int, int, str, str | None, bool]] = []  # pos, end, words, acronym, council
    for m in _NAMED.finditer(text):
        tail = m.end()
        council = bool(m["council"] or m["conseil"])
        named.append((m.start(), tail, m["words"], m["acronym"], council))
        if (more := _AND_ON.match(text, tail)) is not None:
            end = text.find(")", more.end()) + 1 if more["acronym"] else more.end()
            named.append((more.start("on"), end, more["words"], more["acronym"], False))
    acronyms = {_key(w): _short(a, c) for _, _, w, a, c in named if a}
    found = [GroupMention(p, e, (acronyms[_key(w)],)) if _key(w) in acronyms
             else GroupMention(p, e, (), " ".join(text[p:e].split()))
             for p, e, w, _, _ in named]  # fmt: skip
    for short in set(acronyms.values()):
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if not any(g.pos <= m.start() < g.endpos for g in found):
                found.append(GroupMention(m.start(), m.end(), (short,)))
    return found


def find_groups(text: str, body: str | None = None) -> list[GroupMention]:
    """Every mention of a group, left to right; a list ("Working Parties 5A, 5B and 5C") is
    one mention of several groups. In an ITU-D letter "1/2" is of Study Group 2 (its
    Question 1, its Working Party 1): the study group is meant."""
    found: list[GroupMention] = _named_groups(text)
    for pattern, name in _GROUP_RES:
        for m in pattern.finditer(text):
            groups = _parties(m) if name is None else (name(m),)
            inside = [g for g in found if g.pos <= m.start() < g.endpos]
            if any(g.groups or groups[0] in _PREFIXES for g in inside):
                continue  # "TDAG" in "TDAG Correspondence Group on ..."
            found = [g for g in found if g not in inside]
            if body == "ITU-D":
                groups = tuple(dict.fromkeys(_itud(g) for g in groups))
            found.append(GroupMention(m.start(), m.end(), groups))
    return sorted(_with_regions(found), key=lambda g: g.pos)


_PREFIXES = ("TDAG", "TSAG", "RAG", "Council")  # what names the parent of a working group


def _itud(group: str) -> str:
    numbered = re.fullmatch(r"WP \d{1,2}/(\d{1,2})", group)
    return f"SG{numbered[1]}" if numbered else group


def _with_regions(found: list[GroupMention]) -> list[GroupMention]:
    """A regional group named in words ("Grupo Regional de la Comisión de Estudio 3") is the
    one the letter gives a region to (SG3RG-LAC), when it gives one."""
    regions = {g for m in found for g in m.groups if re.fullmatch(r"SG\d+RG-[A-Z]+", g)}

    def named(group: str) -> str:
        known = [r for r in regions if r.startswith(group + "-")]
        return known[0] if group.endswith("RG") and len(known) == 1 else group

    return [replace(m, groups=tuple(map(named, m.groups))) for m in found]
