"""Synthetic calendars for benchmarks: N events spread evenly over 2020-2035, cycling through
the bodies and kinds, with rules so that deadlines are derived (every ITU-T study-group and
ITU-D study-group event gets two, every council and working-group event three).
Deterministic: the same N gives the same file.

    python benchmarks/generate.py 100000 /tmp/cal-100k.toml
"""

import random
import sys
from datetime import date, timedelta
from pathlib import Path

import tomli_w

from itu_timeline.core.model import Body, Kind

FIRST = date(2020, 1, 1)
SPAN_DAYS = 16 * 365
RULES = [
    {
        "id": "itut-contributions",
        "name": "Contributions due",
        "before": "12 days",
        "match": {"body": "ITU-T", "kind": "study-group"},
        "source": "Rec. ITU-T A.1",
    },
    {
        "id": "itut-translation",
        "name": "Contributions to be translated",
        "before": "2 months",
        "match": {"body": "ITU-T", "kind": "study-group"},
        "source": "TSB collective letters",
    },
    {
        "id": "itud-translation",
        "name": "Contributions for translation",
        "before": "45 days",
        "match": {"body": "ITU-D", "kind": "study-group"},
        "source": "WTDC Res. 1",
    },
    {
        "id": "itud-delayed",
        "name": "Delayed contributions",
        "before": "12 days",
        "match": {"body": "ITU-D", "kind": "study-group"},
        "source": "WTDC Res. 1",
    },
    {
        "id": "council-ms",
        "name": "Member State contributions",
        "before": "14 days",
        "match": {"body": "ITU", "kind": ["council", "working-group"]},
        "source": "key dates",
    },
    {
        "id": "council-posting",
        "name": "Documents posted",
        "before": "7 days",
        "match": {"body": "ITU", "kind": ["council", "working-group"]},
        "source": "Dec. 556",
    },
    {
        "id": "council-prep",
        "name": "Preparatory documents",
        "before": "28 days",
        "match": {"body": "ITU", "kind": ["council", "working-group"]},
        "source": "Rule 20",
    },
]
ZONES = ["Europe/Zurich", "Asia/Qatar", "America/New_York", "Africa/Nairobi", "Asia/Shanghai"]


def calendar(count: int) -> dict[str, object]:
    rng = random.Random(count)
    bodies, kinds = [b.value for b in Body], [k.value for k in Kind]
    events = []
    for i in range(count):
        start = FIRST + timedelta(days=i * SPAN_DAYS // count)
        body = ("ITU-T", "ITU", "ITU-D", "ITU-R")[i % 4] if i % 3 else bodies[i % len(bodies)]
        kind = (
            ("study-group", "council", "working-group")[i % 3] if i % 2 else kinds[i % len(kinds)]
        )
        event = {
            "id": f"bench-{i:06d}",
            "title": f"Synthetic meeting {i} of study group {i % 21}",
            "body": body,
            "kind": kind,
            "start": start,
            "end": start + timedelta(days=rng.randint(0, 11)),
            "location": "Geneva, Switzerland",
            "timezone": ZONES[i % len(ZONES)],
            "status": "confirmed" if i % 5 else "tentative",
            "source": f"https://www.itu.int/bench/{i}",
            "tags": ["standards"] if i % 2 else ["development", "ai"],
        }
        if i % 10 == 0:
            event["deadlines"] = [{"name": "Registration", "before": "1 month"}]
        events.append(event)
    return {
        "schema": 1,
        "name": f"Benchmark ({count} events)",
        "timezone": "Europe/Zurich",
        "rules": RULES,
        "events": events,
    }


def main() -> None:
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    target.write_text(tomli_w.dumps(calendar(count)), encoding="utf-8")


if __name__ == "__main__":
    main()
