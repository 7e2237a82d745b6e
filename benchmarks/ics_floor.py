"""The floor of `export -o`: a plain-Python writer of the same VEVENT text, no library.

    python benchmarks/ics_floor.py CALENDAR.toml OUT.ics
    python benchmarks/ics_floor.py CALENDAR.pickle OUT.ics   # tomllib's result, pickled

It reads a calendar of benchmarks/generate.py (with tomllib, or the pickle of what tomllib
read: as cheap to read as the cache a repeated `export` reads) and writes, for every event and
each deadline its rules and its own specifications give it, a VEVENT with the properties
`export` writes (f-strings, TEXT escaped with str.replace, lines folded at 74 octets).
It knows only what generate.py writes (days, `N days|weeks|months` before, 23:59 local), so
its text is the export's up to details; run.py prints the sizes of both to show it.
"""

import json
import pickle
import sys
import tomllib
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

STAMP = "20270101T000000Z"
STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    data = line.encode()
    if len(data) <= 74:
        return line + "\r\n"
    pieces = [data[i : i + 74] for i in range(0, len(data), 74)]  # ASCII in generate.py's data
    return b"\r\n ".join(pieces).decode() + "\r\n"


def fits(rule: dict, event: dict) -> bool:
    return all(
        event[key] in ([want] if isinstance(want, str) else want)
        for key, want in rule["match"].items()
    )


def due(event: dict, spec: dict) -> datetime:
    count, unit = spec["before"].split()
    day = event["start"] - relativedelta(**{unit if unit.endswith("s") else unit + "s": int(count)})
    local = datetime.combine(day, time(23, 59), ZoneInfo(spec.get("timezone", event["timezone"])))
    return local.astimezone(UTC)


def vevent(lines: list[tuple[str, str]]) -> str:
    return "BEGIN:VEVENT\r\n" + "".join(fold(f"{n}:{v}") for n, v in lines) + "END:VEVENT\r\n"


def write(event: dict, rules: list[dict], out) -> None:  # type: ignore[no-untyped-def]
    specs = [r for r in rules if fits(r, event)] + event.get("deadlines", [])
    deadlines = sorted(((due(event, s), s) for s in specs), key=lambda d: (d[0], d[1]["name"]))
    uid, status = f"{event['id']}@itu-timeline", STATUS[event["status"]]
    description = f"Status: {event['status']}.\nSource: {event['source']}\n\nDeadlines:\n" + (
        "\n".join(f"- {s['name']}: {d:%Y-%m-%d %H:%M}" for d, s in deadlines)
    )
    end = event["end"] + timedelta(days=1)
    lines = [
        ("SUMMARY", escape(event["title"])),
        ("DTSTART;VALUE=DATE", f"{event['start']:%Y%m%d}"),
        ("DTEND;VALUE=DATE", f"{end:%Y%m%d}"),
        ("DTSTAMP", STAMP),
        ("UID", uid),
        ("SEQUENCE", "0"),
        ("CATEGORIES", ",".join(escape(c) for c in (event["body"], event["kind"], *event["tags"]))),
        ("DESCRIPTION", escape(description)),
        ("LOCATION", escape(event["location"])),
        ("STATUS", status),
    ]
    lines += [("X-ITU-TIMELINE-DEADLINE", escape(json.dumps(s, sort_keys=True, default=str)))
              for _, s in deadlines]  # fmt: skip
    lines += [("X-ITU-TIMELINE-SOURCE", escape(event["source"])),
              ("X-ITU-TIMELINE-TIMEZONE", escape(event["timezone"]))]  # fmt: skip
    out.write(vevent(lines).encode())
    for instant, spec in deadlines:
        summary = f"Deadline: {spec['name']} — {event['title']}"
        words = f"Due {instant:%Y-%m-%d %H:%M} UTC.\nEvent: {event['title']} ({event['id']})."
        out.write(vevent([
            ("SUMMARY", escape(summary)), ("DTSTART", f"{instant:%Y%m%dT%H%M%SZ}"),
            ("DTSTAMP", STAMP), ("UID", f"{event['id']}.deadline.{spec['name']}@itu-timeline"),
            ("SEQUENCE", "0"), ("CATEGORIES", f"{event['body']},deadline"),
            ("DESCRIPTION", escape(words)), ("RELATED-TO", uid), ("STATUS", status),
            ("TRANSP", "TRANSPARENT"),
        ]).encode())  # fmt: skip


def main() -> None:
    with open(sys.argv[1], "rb") as source:
        calendar = pickle.load(source) if sys.argv[1].endswith(".pickle") else tomllib.load(source)
    with open(sys.argv[2], "wb") as out:
        out.write(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:{calendar['name']}\r\n".encode())
        for event in calendar["events"]:
            write(event, calendar["rules"], out)
        out.write(b"END:VCALENDAR\r\n")


if __name__ == "__main__":
    main()
