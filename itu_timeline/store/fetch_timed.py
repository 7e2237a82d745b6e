"""The one deadline of a fetch (store/fetch.py): connecting, every header line, every byte
of the body and every redirect within it. Before each read from the network, the socket's
time-out is set to the time left (`_TimedSocket`), so a server that sends one byte a second
cannot stretch it; http.client lets a connection choose its socket, and urllib's handlers
choose the connection.
"""

import http.client
import io
import socket
import ssl
import time
import urllib.request
from functools import partial
from typing import Any


class Clock:
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

    def __init__(self, sock: socket.socket, clock: Clock) -> None:
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

    clock: Clock

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


def _connection(cls: type[_TimedTCP], clock: Clock, host: str, **kwargs: Any) -> _TimedTCP:
    connection = cls(host, **kwargs)
    connection.clock = clock
    return connection


class HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_connection, _TimedHTTP, self.clock), req)


class HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock, self.context = clock, ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        timed = partial(_connection, _TimedHTTPS, self.clock)
        return self.do_open(timed, req, context=self.context)
