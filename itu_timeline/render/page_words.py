"""Every word of the public page, in one place: whole sentences with named blanks, never
English assembled from fragments, so that a translation can replace each as a unit."""

from itu_timeline.core.model import Kind

LANG = "en"

# The header and the frame
BUILT = "Built on {day}; countdowns are as of that day."
BUILT_IN_ZONE = "Built on {day}; countdowns are as of that day, days are as seen in {zone}."
TIMES_NOTE = (
    "Times are as the ITU or the organiser states them, in their own zone, with UTC beside "
    "them; a deadline given as a date alone is shown as a date."
)
FOOTER = "Made with itu-timeline. Check every date against its source before you rely on it."
NAV_LABEL = "Sections"
NAV_YEARS = "Years"

# Sections of the front page
COMING_UP = "Coming up in the next {days} days"
COMING_UP_NONE = "Nothing starts or is due in this time."
COMING_UP_CAPTION = "Meetings starting and deadlines due, soonest first"
COLUMNS = ("When", "Countdown", "Type", "What")
ONGOING = "ongoing: day {day} of {days}"
DEADLINE_OF = "{name} — {title}"
EXPECTED = "Expected, dates not announced"
EXPECTED_NONE = "No meeting without announced dates is expected."
CHART = "The next twelve months"
CHART_NOTE = (
    "One bar per meeting from {first} to {last}, in its body's colour; a diamond marks a "
    "deadline, the vertical line today. Meetings whose dates are not announced are listed "
    "under “Expected, dates not announced” instead."
)
CHART_NONE = "No meetings in this time."
CHART_TITLE = "Meetings from {first} to {last}, one row each"
LEGEND = "Colours of the bodies"
DEADLINE_KEY = "deadline"
TODAY_KEY = "today"
TODAY_MARK = "today, {day}"
DEADLINE_MARK = "deadline, {day}: {name}"
TIMELINE = "Timeline: the last 30 days and the next twelve months"
TIMELINE_NONE = "Nothing in this time."
RECENTLY_CHANGED = "Recently changed"
YEARS = "Every meeting, year by year"
YEARS_NOTE = (
    "Each meeting has its full record (place, status, source, every deadline) on the page of "
    "the year it begins in; the links above lead there."
)
SUBSCRIBE = "Subscribe"
SUBSCRIBE_NOTE = (
    "A calendar app that subscribes to a .ics feed keeps it current by itself. The TOML "
    "calendar is for <code>itu-timeline feeds add</code>; the JSON has the keys of "
    "<code>itu-timeline list --format json</code>."
)
SUBSCRIBE_LINK = "subscribe"
DOWNLOAD_LINK = "download {file}"
FEED_ALL = "All meetings and deadlines"
FEED_BODY = "{body} meetings"
FEED_TOML = "The calendar for itu-timeline feeds add (TOML)"
FEED_JSON = "The events as JSON"

# A year's page
YEAR_TITLE = "{title}: {year}"
YEAR_NONE = "No meeting begins in {year}."
YEAR_UNDATED = "{year}, dates not announced"
BACK = "Back to what is next"

# One event
FACTS = {
    "dates": "Dates",
    "type": "Type",
    "where": "Where",
    "body": "Body",
    "status": "Status",
    "basis": "Dates known",
    "source": "Source",
    "outcome": "Seen to take place",
    "page": "Page",
    "notes": "Notes",
}
NOT_GIVEN = "not given"
NOT_SAID = "not said"
DEADLINES = "Deadlines:"
DEADLINE_LINE = "{when}: {name} ({countdown})"

# What a row is: a milestone is no meeting, and a deadline is neither.
MEETING = "Meeting"
MILESTONE = "Milestone"
DEADLINE = "Deadline"
TYPE_AND_KIND = "{type} ({kind})"  # "Meeting (plenipotentiary)"

# How times are stated
ZONE_TIME = "{city} time"  # "Geneva time": how the ITU names a zone
AT_TIME = "{when} {zone}"
WITH_UTC = "{stated} ({utc} UTC)"
WITH_UTC_AND_YOURS = "{stated} ({utc} UTC; {yours})"


def kind_word(kind: Kind) -> str:
    return MILESTONE if kind is Kind.MILESTONE else MEETING
