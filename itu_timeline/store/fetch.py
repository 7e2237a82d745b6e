"""Fetching a feed over HTTP(S), with the standard library: a conditional GET, redirects
followed only to http(s) and only so often, one deadline for the whole fetch, a size limit on
the bytes received and on the decompressed body, a body that must be whole, and certificates
verified (the default SSL context). `webcal://` and `webcals://` are read as http and https.

The deadline covers connecting, every header line, every byte of the body and every redirect:
before each read from the network, the socket's time-out is set to the time left
(store/fetch_timed.py), so a server that sends one byte a second cannot stretch it. Every way the
HTTP client can fail (the `http.client` exceptions, TLS errors, resets) is one `FetchError`,
which says why in our words (store/fetch_reasons.py).

The standard library is enough here and adds nothing to install: urllib gives redirect control
and proxies through its handlers, and http.client lets a connection choose its socket.
"""

import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from itu_timeline.base.i18n import N_
from itu_timeline.store.fetch_reasons import FetchError, failure, status
from itu_timeline.store.fetch_timed import Clock, HTTPHandler, HTTPSHandler

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "itu-timeline (feed refresh; +https://github.com/)"
SCHEMES = {"http": "http", "https": "https", "webcal": "http", "webcals": "https"}
REDIRECTED = N_("redirected to '{target}', which is not http or https")


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
        raise FetchError(N_("'{url}' is not an http, https or webcal URL"), url=url)
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def fetch(
    url: str,
    timeout: float,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET `url` within `timeout` seconds in all; raises `FetchError` for every failure."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    request = urllib.request.Request(http_url(url), headers=headers)
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    clock = Clock(timeout)
    opener = urllib.request.build_opener(_Redirects(), HTTPHandler(clock), HTTPSHandler(clock))
    try:
        with opener.open(request, timeout=timeout) as response:
            raw = _read_whole(response, max_bytes)
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
        raise _http_error(err) from err
    except Exception as err:
        if isinstance(err, FetchError):
            raise
        raise failure(err, timeout) from err
    finally:
        clock.close()


def _http_error(err: urllib.error.HTTPError) -> FetchError:
    if 300 <= err.code < 400:
        target = str(err.headers.get("Location", "")) if err.headers else ""
        if urlsplit(target).scheme.lower() not in ("", "http", "https"):
            return FetchError(REDIRECTED, target=target)
        return FetchError(N_("too many redirects, or a redirect loop"))
    return status(err.code, str(err.reason))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed up to a limit, and never to anything but http(s)."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same URL twice is a loop

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(REDIRECTED, target=newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_whole(response: Any, max_bytes: int) -> bytes:
    """The body as sent, never past `max_bytes`, and all of it: a body shorter than its
    Content-Length is a failure, not a smaller calendar."""
    declared = _declared_length(response.headers)
    if declared is not None and declared > max_bytes:
        said = N_("it is {size} bytes, over the limit of {limit}")
        raise FetchError(said, size=declared, limit=max_bytes)
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(N_("it is over the limit of {limit} bytes"), limit=max_bytes)
        chunks.append(chunk)
    if declared is not None and size < declared:
        said = N_("the body was cut short ({size} of {declared} bytes)")
        raise FetchError(said, size=size, declared=declared)
    return b"".join(chunks)


def _declared_length(headers: Message) -> int | None:
    """Content-Length, unless the body is chunked (then it does not count)."""
    declared = headers.get("Content-Length", "").strip()
    chunked = "chunked" in headers.get("Transfer-Encoding", "").lower()
    return int(declared) if declared.isdigit() and not chunked else None


def _decompressed(raw: bytes, headers: Message, max_bytes: int) -> bytes:
    """The body, inflated when the server says it is gzip or deflate, never past `max_bytes`
    (a small gzip can inflate to gigabytes), and only when the stream ends as it should."""
    encoding = headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        said = N_("its Content-Encoding '{encoding}' is not gzip or deflate")
        raise FetchError(said, encoding=encoding)
    inflater = zlib.decompressobj(_window_bits(encoding, raw))
    try:
        body = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as err:
        said = N_("its {encoding} body is damaged (it does not decompress)")
        raise FetchError(said, encoding=encoding) from err
    if len(body) > max_bytes or inflater.unconsumed_tail:
        raise FetchError(N_("it inflates past the limit of {limit} bytes"), limit=max_bytes)
    if not inflater.eof:
        said = N_("its {encoding} body was cut short (the stream has no end)")
        raise FetchError(said, encoding=encoding)
    return body


def _window_bits(encoding: str, raw: bytes) -> int:
    """gzip; or deflate, which servers send with the zlib header (as RFC 9110 says) or raw."""
    if encoding != "deflate":
        return 16 + zlib.MAX_WBITS
    zlib_header = len(raw) >= 2 and raw[0] & 0x0F == 8 and (raw[0] << 8 | raw[1]) % 31 == 0
    return zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
