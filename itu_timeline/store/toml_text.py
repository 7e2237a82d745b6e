"""Calendar files as the editing commands write them: tomli-w's TOML, except that rules and
events are always tables of their own (`[[events]]`), never an inline array. tomli-w writes
an array of short tables inline, which for a file of a few short events reads badly and
would make one edit rewrite every event's line."""

import re
from typing import Any

SECTIONS = ("rules", "events", "feeds")
_HEADER = re.compile(r"^(\[\[?)(?=[^\[\]])", re.M)


def dumps(document: dict[str, Any]) -> str:
    import tomli_w

    head = {k: v for k, v in document.items() if k not in SECTIONS}
    parts = [tomli_w.dumps(head)] if head else []
    for key in SECTIONS:
        for table in document.get(key, []):
            body = _HEADER.sub(rf"\g<1>{key}.", tomli_w.dumps(table))
            parts.append(f"[[{key}]]\n{body}")
    return "\n".join(parts)
