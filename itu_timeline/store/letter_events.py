"""The meetings of a letter as event tables of a calendar file (`letter --format toml`,
`letter --add`): dates as the letter states them, `basis = "official"`, the letter as the
`source`, its deadlines as the event's own. Each table carries a UID made of the letter's
reference (a corrigendum's or addendum's is that of the letter it corrects) and the group, so
that a later version of the letter updates the same event through the import merge."""

import re
from datetime import UTC, date, datetime
from typing import Any

from itu_timeline.base.errors import UsageError
from itu_timeline.base.i18n import _, ngettext
from itu_timeline.core.letter_model import LetterDeadline, Meeting, zone_of
from itu_timeline.core.text import slug

KINDS = (
    (re.compile(r"^SG\d+$"), "study-group"),
    (re.compile(r"^(?:TSAG|RAG|TDAG)$"), "advisory-group"),
    (re.compile(r"^Council$"), "council"),
    (re.compile(r"^(?:WP|TG|JTG|CWG|SG\d+RG|RPM)"), "working-group"),
)
WORKSHOP = re.compile(r"workshop|forum|symposium|seminar|atelier|taller|seminario|colloque", re.I)


def uid_of(meeting: Meeting, same_group_before: int) -> str:
    """Stable across versions of the letter: not its dates, which a corrigendum changes."""
    who = meeting.group or meeting.title
    if meeting.key is None:  # a text without its reference: its body, group and year
        return f"letter:{slug(meeting.body)}:{slug(who)}:{meeting.start.year}"
    base = re.sub(r"^(?:Corrigendum|Addendum) \d+ to ", "", meeting.key)
    number = f"-{same_group_before + 1}" if same_group_before else ""
    return f"letter:{slug(base)}:{slug(who)}{number}"


def event_table(meeting: Meeting, uid: str) -> dict[str, Any]:
    """The event's fields, as `import` gives them to the merge (no `timezone` when the zone is
    not known: the calendar file's then applies)."""
    dated = f" of {meeting.letter_date}" if meeting.letter_date else ""
    notes = [str(n) for n in meeting.notes]
    if meeting.opening is not None:
        notes.insert(0, f"Opens at {meeting.opening:%H:%M} local time on the first day.")
    return {
        "uid": uid,
        "title": meeting.title,
        "body": meeting.body,
        "kind": _kind(meeting),
        "start": meeting.start,
        "end": meeting.end,
        "location": meeting.location,
        "timezone": meeting.timezone,
        "format": meeting.format,
        "status": "confirmed",
        "basis": "official",
        "source": (meeting.reference or "ITU letter (no reference in the text)") + dated,
        "notes": " ".join(notes) or None,
        "deadlines": [_deadline(d, meeting.reference) for d in meeting.deadlines],
    }


def _kind(meeting: Meeting) -> str:
    if meeting.group is None:
        return "workshop" if WORKSHOP.search(meeting.title) else "other"
    return next((kind for pattern, kind in KINDS if pattern.match(meeting.group)), "other")


def _deadline(deadline: LetterDeadline, reference: str | None) -> dict[str, Any]:
    """A deadline at its day, or at its local time in the zone the letter names (a fixed
    offset such as CET's is written as the same instant in UTC)."""
    table: dict[str, Any] = {"name": deadline.name, "at": deadline.day}
    if deadline.time is not None:
        moment = datetime.combine(deadline.day, deadline.time, zone_of(deadline.zone))
        zone = deadline.zone or "Europe/Zurich"
        if zone[0] in "+-":
            moment, zone = moment.astimezone(UTC), "UTC"
        table["at"] = moment.replace(tzinfo=None)
        table["timezone"] = zone
    if reference is not None:
        table["source"] = reference
    return table


def what_moved(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What an update changed of an event's dates and deadlines: 'dates 2020-05-25..2020-06-04
    → 2020-06-08..2020-06-19', 'deadline Pre-registration 2020-04-24 → 2020-05-08'."""
    said = []
    old = (before.get("start"), before.get("end"))
    new = (after.get("start"), after.get("end"))
    if old != new:
        dates = _("dates {old} → {new}")
        said.append(dates.format(old=f"{old[0]}..{old[1]}", new=f"{new[0]}..{new[1]}"))
    was = {d["name"]: _at(d) for d in before.get("deadlines", [])}
    now = {d["name"]: _at(d) for d in after.get("deadlines", [])}
    for name, at in now.items():
        if name not in was:
            said.append(_("deadline added: {name}, {new}").format(name=name, new=at))
        elif was[name] != at:
            moved = _("deadline {name} {old} → {new}")
            said.append(moved.format(name=name, old=was[name], new=at))
    gone = _("deadline removed: {name} (was {old})")
    said += [gone.format(name=name, old=at) for name, at in was.items() if name not in now]
    return said


def _at(deadline: dict[str, Any]) -> str:
    at = deadline.get("at")
    if isinstance(at, datetime):
        return f"{at:%Y-%m-%d %H:%M} {deadline.get('timezone', '')}".rstrip()
    return str(at)


_LETTER_DAY = re.compile(r" of (\d{4}-\d\d-\d\d)$")


def letter_day(table: dict[str, Any]) -> date:
    """The date of the letter an event table was read from (its `source` ends with it); the
    earliest day when it says none."""
    found = _LETTER_DAY.search(str(table.get("source", "")))
    return date.fromisoformat(found[1]) if found else date.min


def newest(tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One table per UID: that of the latest letter (of the last one given, on a tie), so that
    a letter and its corrigendum read together give the corrigendum's dates."""
    latest = {t["uid"]: t for t in sorted(tables, key=letter_day)}
    return [t for t in tables if latest[t["uid"]] is t]


def not_older(
    tables: list[dict[str, Any]], kept: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The tables to merge, without those whose event the calendar holds (`kept`, by UID)
    from a later letter: the original letter read after its corrigendum does not undo it.
    And a line for each left out."""
    fresh, said = [], []
    for table in tables:
        old = kept.get(table["uid"])
        if old is not None and letter_day(old) > letter_day(table):
            kept_as = _("{id}: kept as {source} gives it; {older} is an older letter")
            said.append(kept_as.format(id=old["id"], source=old["source"], older=table["source"]))
        else:
            fresh.append(table)
    return fresh, said


def require_schema_2(document: dict[str, Any], tables: list[dict[str, Any]], path: object) -> None:
    """A letter that prints only the day of a deadline cannot be written into a schema 1 file,
    where a deadline without a time is due at 23:59: that time would be made up."""
    if document.get("schema", 1) != 1:
        return
    days = [d for t in tables for d in t.get("deadlines", []) if not isinstance(d["at"], datetime)]
    if days:
        message = ngettext(
            "{path} is in schema 1, where a deadline without a time is due at 23:59, and the "
            "letter prints only the day of {n} deadline; upgrade it first with: "
            "itu-timeline fmt {path}",
            "{path} is in schema 1, where a deadline without a time is due at 23:59, and the "
            "letter prints only the day of {n} deadlines; upgrade it first with: "
            "itu-timeline fmt {path}",
            len(days),
        )
        raise UsageError(message.format(path=path, n=len(days)))
