"""What is known of a feed's last fetches, kept beside its copy (NAME.state.toml): its
ETag and Last-Modified for a conditional GET, when it last succeeded, why it last failed, how
many events it held, and which of its ids the curated calendar has."""

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from itu_timeline.base.atomic import write_atomically
from itu_timeline.core.subscriptions import copy_path


@dataclass
class State:
    """What is known of a feed's last fetches (NAME.state.toml beside its copy)."""

    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    last_error: str | None = None  # in English: data, which `feeds list --format json` reads
    last_error_in: dict[str, str] | None = None  # in each language, as its table says it
    events: int = 0
    claimed: list[str] = field(default_factory=list)  # its ids that the curated calendar has

    @classmethod
    def of(cls, name: str) -> "State":
        try:
            raw = tomllib.loads(state_path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return cls()
        fields = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        return cls(**fields)

    def save(self, name: str) -> None:
        import tomli_w

        values = {k: v for k, v in self.__dict__.items() if v is not None}
        write_atomically(state_path(name), tomli_w.dumps(values).encode(), make_folders=True)


def state_path(name: str) -> Path:
    return copy_path(name).with_suffix(".state.toml")
