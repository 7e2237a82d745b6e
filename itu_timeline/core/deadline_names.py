"""The names of the deadlines our rules derive, in the reader's language.

The bundled calendar's rules name their deadlines in English ("Contributions due"). Those
names are ours, not an organiser's, so each is a message of the catalogs, the rule's name
being the key: JSON, CSV and .ics keep the name as it is. A name written in a calendar file
for one event's deadline, or printed in a letter, is the calendar's and is shown as written;
so is the name of a user's own rule that the catalogs do not know.

When an event's own deadlines date part of what a rule's deadline covers, the rule's
deadline keeps the rest, named by its topics ("Interpretation requests"): in another
language each topic is a message, and they are joined as the language lists things (CLDR).
"""

from itu_timeline.base.i18n import N_, _, current
from itu_timeline.core.deadlines import is_narrowed, topic_labels, topics
from itu_timeline.core.model import Deadline

# The names of the rules of the bundled calendar (data/events.toml, [[rules]]); a test
# checks that every one is here.
RULE_NAMES = (
    N_("Candidatures for elected posts"),
    N_("Proposals to amend the Constitution or Convention"),
    N_("Other proposals"),
    N_("All secretariat documents published"),
    N_("Secretariat documents with serious financial implications"),
    N_("Draft biennial budget published"),
    N_("Single-language documents for the working group"),
    N_("Documents posted (Decision 556)"),
    N_("Member State contributions"),
    N_("Contributions due"),
    N_("Contributions to be translated"),
    N_("Pre-registration and visa support letter requests"),
    N_("Fellowship and interpretation requests"),
    N_("Contributions for action to be translated"),
    N_("Delayed contributions (last day)"),
)


def deadline_name(deadline: Deadline) -> str:
    """The deadline's name as the reader reads it: a rule's in their language where the
    catalogs have it, any other as written.

    >>> from datetime import date, datetime, UTC
    >>> from itu_timeline.core.model import Event
    >>> e = Event(id="e", title="E", body="ITU-T", kind="study-group", start=date(2027, 1, 5),
    ...     end=None, timezone="UTC")
    >>> due = datetime(2027, 1, 1, tzinfo=UTC)
    >>> deadline_name(Deadline(e, "Contributions due", date(2027, 1, 1), due, rule_id="r"))
    'Contributions due'
    """
    name = deadline.name
    if deadline.rule_id is None or current() == "en":
        return name
    if is_narrowed(deadline):
        return _listed([_(label) for label in topic_labels(name, topics(name))])
    return _(name)  # a rule of the user's own, which the catalogs do not know, as written


def _listed(labels: list[str]) -> str:
    """'Demandes de bourse et demandes d'interprétation': the labels as the reader's language
    lists them, the first letter a capital."""
    from babel.lists import format_list

    text = format_list(labels, locale=current())
    return text[:1].upper() + text[1:]
