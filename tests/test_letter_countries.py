"""A meeting whose letter names only the country ("in Bahrain"): the location is the country,
its zone the country's when it has one; and an event held on the occasion of a group's meeting
is no meeting of that group."""

from datetime import date

from typer.testing import CliRunner

from itu_timeline.cli.app import app
from itu_timeline.core.letter import read_letter

TODAY = date(2026, 12, 3)
FORUM = """\
Telecommunication Development Bureau (BDT)
Geneva, 2 March 2027
- Administrations of ITU Member States of the Arab (ARB) region
Regional Development Forum (RDF), 25 October 2027,and
Regional Preparatory Meeting (RPM) for the Arab States, 26 to 28 October 2027, in {country}
Dear Sir/Madam,
It is my pleasure to invite you to the Arab States Regional Preparatory Meeting for WTDC-29
(WTDC-RPM-ARB), which the Government of {country} has kindly offered to host in {country} from 26 to
28 October 2027.
On the occasion of the RPM-ARB, ITU also organizes the ITU Arab Regional Development Forum
(RDF-ARB), which the Government of {country} hosts on 25th October 2027.
"""


def test_a_country_named_alone_is_the_place_and_gives_its_one_zone() -> None:
    forum, rpm = read_letter(FORUM.format(country="Bahrain"), "bdt.txt", TODAY)
    assert (forum.group, forum.start, forum.end) == (None, date(2027, 10, 25), date(2027, 10, 25))
    assert (rpm.group, rpm.start, rpm.end) == ("RPM-ARB", date(2027, 10, 26), date(2027, 10, 28))
    for meeting in (forum, rpm):
        assert (meeting.location, meeting.timezone) == ("Bahrain", "Asia/Bahrain")
        assert meeting.format == "in-person"


def test_a_country_of_several_zones_named_alone_asks_for_the_zone() -> None:
    text = FORUM.format(country="Russian Federation")
    for meeting in read_letter(text, "bdt.txt", TODAY):
        assert (meeting.location, meeting.timezone) == ("Russian Federation", None)
    result = CliRunner().invoke(app, ["letter", "-", "--format", "json"], input=text)
    assert result.exit_code == 0
    assert "Russian Federation" in result.stderr
    assert "--timezone ZONE" in result.stderr


def test_a_country_by_another_name_and_a_city_named_near_wins_over_a_country() -> None:
    text = FORUM.format(country="the Kingdom of Bahrain")
    for meeting in read_letter(text, "bdt.txt", TODAY):
        assert (meeting.location, meeting.timezone) == ("Bahrain", "Asia/Bahrain")
    held = (
        "Telecommunication Standardization Bureau\nRef: TSB Collective letter 1/12\n"
        "Geneva, 1 March 2027\nSubject: Meeting of Study Group 12\nDear Sir/Madam,\nStudy Group "
        "12 will meet in Geneva from 10 to 19 May 2027; delegates in Egypt may ask for fellowships."
    )
    (meeting,) = read_letter(held, "cl.txt", TODAY)
    assert meeting.location == "Geneva, Switzerland"
