"""Every word of the public page, in one place: whole sentences with named blanks, never
English assembled from fragments, so that a translation can replace each as a unit.

Each is marked with N_ for the catalogs (`pybabel extract`) and translated where it is used,
with `_`, in the language the page is being built in.

The names of the languages are each in its own language (autonyms), as the ITU's own language
menus write them, so a reader finds theirs whatever the page's language."""

from itu_timeline.base.i18n import N_, _, current, ngettext
from itu_timeline.core.glossary import Named, kind_name
from itu_timeline.core.model import Body, Event, Kind

AUTONYMS = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
    "zh": "中文",
}
LANGUAGES_LABEL = N_("Languages")
# TRANSLATORS: after a title the calendar gives only in English, on a page in your language
IN_ENGLISH = N_("in English")

# The header and the frame
SITE_TITLE = N_("ITU meetings and deadlines")  # the default of --title
BUILT = N_("Built on {day}; countdowns are as of that day.")
BUILT_IN_ZONE = N_("Built on {day}; countdowns are as of that day, days are as seen in {zone}.")
TIMES_NOTE = N_(
    "Times are as the ITU or the organiser states them, in their own zone, with UTC beside "
    "them; a deadline given as a date alone is shown as a date."
)
FOOTER = N_("Made with itu-timeline. Check every date against its source before you rely on it.")
NAV_LABEL = N_("Sections")
NAV_YEARS = N_("Years")

# Sections of the front page
COMING_UP_NONE = N_("Nothing starts or is due in this time.")
COMING_UP_CAPTION = N_("Meetings starting and deadlines due, soonest first")
COLUMNS = (N_("When"), N_("Countdown"), N_("Type"), N_("What"))
ONGOING = N_("ongoing: day {day} of {days}")
DEADLINE_OF = N_("{name} — {title}")
EXPECTED = N_("Expected, dates not announced")
EXPECTED_NONE = N_("No meeting without announced dates is expected.")
CHART = N_("The next twelve months")
CHART_NOTE = N_(
    "One bar per meeting from {first} to {last}, in its body's colour; a diamond marks a "
    "deadline, the vertical line today. Meetings whose dates are not announced are listed "
    "under “Expected, dates not announced” instead."
)
CHART_NONE = N_("No meetings in this time.")
CHART_TITLE = N_("Meetings from {first} to {last}, one row each")
LEGEND = N_("Colours of the bodies")
DEADLINE_KEY = N_("deadline")
TODAY_KEY = N_("today")
TODAY_MARK = N_("today, {day}")
DEADLINE_MARK = N_("deadline, {day}: {name}")
# TRANSLATORS: the tooltip of a meeting's bar in the chart: its title, then its dates
CHART_BAR = N_("{title}: {when}")
TIMELINE = N_("Timeline: the last 30 days and the next twelve months")
TIMELINE_NONE = N_("Nothing in this time.")
RECENTLY_CHANGED = N_("Recently changed")
YEARS = N_("Every meeting, year by year")
YEARS_NOTE = N_(
    "Each meeting has its full record (place, status, source, every deadline) on the page of "
    "the year it begins in; the links above lead there."
)
SUBSCRIBE = N_("Subscribe")
SUBSCRIBE_NOTE = N_(
    "A calendar app that subscribes to a .ics feed keeps it current by itself. The TOML "
    "calendar is for <code>itu-timeline feeds add</code>; the JSON has the keys of "
    "<code>itu-timeline list --format json</code>."
)
SUBSCRIBE_LINK = N_("subscribe")
DOWNLOAD_LINK = N_("download {file}")
FEED_ALL = N_("All meetings and deadlines")
FEED_BODY = N_("{body} meetings")
FEED_TOML = N_("The calendar for itu-timeline feeds add (TOML)")
FEED_JSON = N_("The events as JSON")

# A year's page
YEAR_TITLE = N_("{title}: {year}")
YEAR_NONE = N_("No meeting begins in {year}.")
YEAR_UNDATED = N_("{year}, dates not announced")
BACK = N_("Back to what is next")

# One event
FACTS = {
    "dates": N_("Dates"),
    "type": N_("Type"),
    "where": N_("Where"),
    "body": N_("Body"),
    "status": N_("Status"),
    "basis": N_("Dates known"),
    "source": N_("Source"),
    "outcome": N_("Seen to take place"),
    "page": N_("Page"),
    "notes": N_("Notes"),
}
NOT_GIVEN = N_("not given")
NOT_SAID = N_("not said")
DEADLINES = N_("Deadlines:")
DEADLINE_LINE = N_("{when}: {name} ({countdown})")

# What a row is: a milestone is no meeting, and a deadline is neither.
MEETING = N_("Meeting")
MILESTONE = N_("Milestone")
DEADLINE = N_("Deadline")
TYPE_AND_KIND = N_("{type} ({kind})")  # "Meeting (plenipotentiary)"

# How times are stated
ZONE_TIME = N_("{city} time")  # "Geneva time": how the ITU names a zone
AT_TIME = N_("{when} {zone}")
WITH_UTC = N_("{stated} ({utc} UTC)")
WITH_UTC_AND_YOURS = N_("{stated} ({utc} UTC; {yours})")


# Our words for the kinds of meeting ("Meeting (forum)"). The kinds that are bodies of the ITU
# itself (the Plenipotentiary Conference, the Council, a Study Group) are named by the ITU's
# own words, from the glossary (core/glossary.py) alone; so is any meeting the glossary has a
# name for in the page's language ("Meeting (World Radiocommunication Conference)").
KINDS = {
    Kind.WORKING_GROUP: N_("working group"),
    Kind.EXPERT_GROUP: N_("expert group"),
    Kind.ASSEMBLY: N_("assembly"),
    Kind.CONFERENCE: N_("conference"),
    Kind.ADVISORY_GROUP: N_("advisory group"),
    Kind.PREPARATORY: N_("preparatory meeting"),
    Kind.FORUM: N_("forum"),
    Kind.SUMMIT: N_("summit"),
    Kind.WORKSHOP: N_("workshop"),
    Kind.MILESTONE: N_("milestone"),
    Kind.OTHER: N_("other"),
}


# The body of a meeting no listed organisation holds; the others are named by their acronyms,
# as the calendar and `--body` write them (ITU-T, CEPT).
OTHER_BODY = N_("other")


def body_text(body: Body) -> str:
    return _(OTHER_BODY) if body is Body.OTHER else body.value


def kind_word(kind: Kind) -> str:
    return _(MILESTONE if kind is Kind.MILESTONE else MEETING)


def kind_of(event: Event) -> Named:
    """The kind of meeting the event is, in the page's language: the ITU's name where the
    glossary has one in it, else our word for the kind; for a kind that only the glossary
    names, its English name (`fallback`), which the page marks as English."""
    named = kind_name(event, current())
    if named is not None and (not named.fallback or event.kind not in KINDS):
        return named
    return Named(_(KINDS[event.kind]), current(), False)


def coming_up(days: int) -> str:
    return ngettext(
        "Coming up in the next {days} day", "Coming up in the next {days} days", days
    ).format(days=days)
