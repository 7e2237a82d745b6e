"""Fetching a feed over HTTP(S), with the standard library: a conditional GET, redirects
followed only to http(s) and only so often, one deadline for the whole fetch, a size limit on
the bytes received and on the decompressed body, a body that must be whole, and certificates
verified (the default SSL context). `webcal://` and `webcals://` are read as http and https.

The deadline covers connecting, every header line, every byte of the body and every redirect:
before each read from the network, the socket's time-out is set to the time left
(`_TimedSocket`), so a server that sends one byte a second cannot stretch it. Every way the
HTTP client can fail (the `http.client` exceptions, TLS errors, resets) is one `FetchError`.

The standard library is enough here and adds nothing to install: urllib gives redirect control
and proxies through its handlers, and http.client lets a connection choose its socket.
"""

import http.client
import io
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from functools import partial
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from itu_timeline.base.errors import TimelineError
from itu_timeline.base.i18n import _

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
        raise FetchError(_("'{url}' is not an http, https or webcal URL").format(url=url))
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
    clock = _Clock(timeout)
    opener = urllib.request.build_opener(_Redirects(), _HTTPHandler(clock), _HTTPSHandler(clock))
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
        raise _failure(err, timeout) from err
    finally:
        clock.close()


def _http_error(err: urllib.error.HTTPError) -> FetchError:
    if 300 <= err.code < 400:
        target = str(err.headers.get("Location", "")) if err.headers else ""
        if urlsplit(target).scheme.lower() not in ("", "http", "https"):
            return FetchError(f"redirected to '{target}', which is not http or https")
        return FetchError("too many redirects, or a redirect loop")
    return FetchError(f"the server answered {err.code} {err.reason}")


def _failure(err: Exception, timeout: float) -> FetchError:
    """One line for each way the HTTP client, TLS or the connection fails."""
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, FetchError):  # raised by the redirect handler, wrapped by urllib
        return reason
    if isinstance(reason, TimeoutError):
        return FetchError(f"no answer within {timeout:g} s")
    if isinstance(reason, http.client.RemoteDisconnected):
        return FetchError("the server closed the connection without an answer")
    if isinstance(reason, http.client.BadStatusLine):
        return FetchError("the server's answer is not HTTP (a bad status line)")
    if isinstance(reason, http.client.IncompleteRead):
        return FetchError("the body was cut short (a chunk ended early)")
    if isinstance(reason, http.client.HTTPException):
        return FetchError(f"the server's answer is not valid HTTP ({reason})")
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return FetchError(f"the secure connection failed ({reason})")
    if isinstance(reason, ConnectionResetError):
        return FetchError("the server reset the connection")
    if isinstance(reason, OSError) and isinstance(err, urllib.error.URLError):
        return FetchError(f"cannot reach it: {reason.strerror or reason}")
    if isinstance(reason, OSError | ValueError | EOFError):  # a reset, a malformed answer
        return FetchError(f"the download failed: {getattr(reason, 'strerror', None) or reason}")
    raise err


class _Clock:
    """The one deadline of a fetch, and the sockets it opened (closed when it ends)."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:  # a time-out of 0 would make the socket non-blocking
            raise TimeoutError
        return left

    def close(self) -> None:
        for sock in self.sockets:
            sock.close()


class _TimedSocket:
    """A connected socket whose every read and write waits at most the time left. Its
    `makefile` is what http.client reads the status line, the headers and the body from."""

    def __init__(self, sock: socket.socket, clock: _Clock) -> None:
        self._sock, self._clock = sock, clock
        clock.sockets.append(sock)

    def recv_into(self, buffer: Any) -> int:
        self._sock.settimeout(self._clock.left())
        return self._sock.recv_into(buffer)

    def sendall(self, data: Any) -> None:
        self._sock.settimeout(self._clock.left())
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_Reader(self))

    def close(self) -> None:
        """Nothing yet: urllib closes the socket before the body is read (a real socket stays
        open while a file made from it is); the fetch closes it when it ends."""


class _Reader(io.RawIOBase):
    def __init__(self, sock: _TimedSocket) -> None:
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._sock.recv_into(buffer)


class _TimedTCP(http.client.HTTPConnection):
    """Connects within the time left, and leaves the socket waiting at most what is then
    left: a TLS handshake on it (HTTPSConnection's) has that long in all."""

    clock: _Clock

    def connect(self) -> None:
        self.timeout = self.clock.left()
        super().connect()
        self.sock.settimeout(self.clock.left())


class _TimedHTTP(_TimedTCP):
    def connect(self) -> None:
        super().connect()
        self.sock = _TimedSocket(self.sock, self.clock)


class _TimedHTTPS(http.client.HTTPSConnection, _TimedTCP):
    """HTTPSConnection sets TLS up on the timed plain socket; then every read is timed."""

    def connect(self) -> None:
        super().connect()
        self.sock = _TimedSocket(self.sock, self.clock)


def _connection(cls: type[_TimedTCP], clock: _Clock, host: str, **kwargs: Any) -> _TimedTCP:
    connection = cls(host, **kwargs)
    connection.clock = clock
    return connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_connection, _TimedHTTP, self.clock), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock, self.context = clock, ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        timed = partial(_connection, _TimedHTTPS, self.clock)
        return self.do_open(timed, req, context=self.context)


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


def _read_whole(response: Any, max_bytes: int) -> bytes:
    """The body as sent, never past `max_bytes`, and all of it: a body shorter than its
    Content-Length is a failure, not a smaller calendar."""
    declared = _declared_length(response.headers)
    if declared is not None and declared > max_bytes:
        raise FetchError(f"it is {declared:,} bytes, over the limit of {max_bytes:,}")
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"it is over the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
    if declared is not None and size < declared:
        raise FetchError(f"the body was cut short ({size:,} of {declared:,} bytes)")
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
        raise FetchError(f"its Content-Encoding '{encoding}' is not gzip or deflate")
    inflater = zlib.decompressobj(_window_bits(encoding, raw))
    try:
        body = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as err:
        raise FetchError(f"its {encoding} body is damaged ({err})") from err
    if len(body) > max_bytes or inflater.unconsumed_tail:
        raise FetchError(f"it inflates past the limit of {max_bytes:,} bytes")
    if not inflater.eof:
        raise FetchError(f"its {encoding} body was cut short (the stream has no end)")
    return body


def _window_bits(encoding: str, raw: bytes) -> int:
    """gzip; or deflate, which servers send with the zlib header (as RFC 9110 says) or raw."""
    if encoding != "deflate":
        return 16 + zlib.MAX_WBITS
    zlib_header = len(raw) >= 2 and raw[0] & 0x0F == 8 and (raw[0] << 8 | raw[1]) % 31 == 0
    return zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
