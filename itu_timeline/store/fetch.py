"""Fetching a feed over HTTP(S), with the standard library: a conditional GET, redirects
followed only to http(s) and only so often, a time-out for the whole fetch, a size limit on
the bytes received and on the decompressed body, and certificates verified (the default
SSL context). `webcal://` and `webcals://` are read as http and https.

The standard library is enough here and adds nothing to install: urllib gives redirect control
through its handler, and the body is read in chunks so that the limits hold while it streams.
"""

import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from itu_timeline.base.errors import TimelineError

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "itu-timeline (feed refresh; +https://github.com/)"
SCHEMES = {"http": "http", "https": "https", "webcal": "http", "webcals": "https"}


class FetchError(TimelineError):
    """A feed could not be fetched; its last good copy is kept."""


@dataclass(frozen=True)
class Fetched:
    status: int  # 200, or 304 when the copy is still current
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str


def http_url(url: str) -> str:
    """The URL to fetch: webcal(s) read as http(s); anything but those four schemes refused."""
    parts = urlsplit(url.strip())
    scheme = SCHEMES.get(parts.scheme.lower())
    if scheme is None or not parts.netloc:
        raise FetchError(f"'{url}' is not an http, https or webcal URL")
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def fetch(
    url: str,
    timeout: float,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
    request = urllib.request.Request(http_url(url), headers=headers)
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    opener = urllib.request.build_opener(
        _Redirects(), urllib.request.HTTPSHandler(context=ssl.create_default_context())
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            raw = _read_capped(response, max_bytes, deadline)
            return Fetched(
                status=response.status,
                body=_decompressed(raw, response.headers, max_bytes),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
                content_type=response.headers.get("Content-Type", ""),
            )
    except urllib.error.HTTPError as err:
        if err.code == 304:
            return Fetched(304, b"", etag, last_modified, "")
        if 300 <= err.code < 400:
            target = str(err.headers.get("Location", "")) if err.headers else ""
            if urlsplit(target).scheme.lower() not in ("", "http", "https"):
                raise FetchError(f"redirected to '{target}', which is not http or https") from err
            raise FetchError("too many redirects, or a redirect loop") from err
        raise FetchError(f"the server answered {err.code} {err.reason}") from err
    except urllib.error.URLError as err:
        raise FetchError(f"cannot reach it: {_reason(err.reason)}") from err
    except TimeoutError as err:
        raise FetchError(f"no answer within {timeout:g} s") from err
    except (OSError, ValueError) as err:  # a cut connection, a malformed answer
        raise FetchError(f"the download failed: {err}") from err


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed up to a limit, and never to anything but http(s)."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same URL twice is a loop

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"redirected to '{newurl}', which is not http or https")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_capped(response: Any, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"it is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"it is over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _decompressed(raw: bytes, headers: Message, max_bytes: int) -> bytes:
    """The body, gunzipped when the server says so, never past `max_bytes` (a small gzip
    can inflate to gigabytes)."""
    if headers.get("Content-Encoding", "").lower() != "gzip":
        return raw
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as err:
        raise FetchError(f"its gzip body is damaged ({err})") from err
    if len(body) > max_bytes or inflater.unconsumed_tail:
        raise FetchError(f"it inflates past the limit of {max_bytes:,} bytes")
    return body


def _reason(reason: object) -> str:
    if isinstance(reason, FetchError):
        return str(reason)
    return str(getattr(reason, "strerror", None) or reason)
