"""Why a fetch failed (store/fetch.py), in our own words: one `FetchError` for each way the
HTTP client, TLS or the connection fails. The commonest failures of a connection (refused,
reset, unreachable, a name not found, no answer) and of TLS (a certificate not trusted,
expired or for another name; a server that does not speak TLS) are said in a sentence of
ours, which the catalogs translate; what the system or the TLS library says is kept, as a
detail after ours, only for the rarer ones, which we cannot name.
"""

import errno
import http.client
import socket
import ssl
import urllib.error

from itu_timeline.base.errors import TimelineError
from itu_timeline.base.i18n import N_, SYSTEM_WORDS, _, number

REFUSED = N_("the connection was refused (nothing answers at that address and port)")
UNREACHABLE = N_("the network has no route to the server")
# errno of the connection: what it says in our words.
CONNECTION = {
    errno.ECONNREFUSED: REFUSED,
    errno.ECONNRESET: N_("the server reset the connection"),
    errno.ECONNABORTED: N_("the connection was broken off"),
    errno.EPIPE: N_("the connection was broken off"),
    errno.ENETUNREACH: UNREACHABLE,
    errno.EHOSTUNREACH: UNREACHABLE,
    errno.ENETDOWN: UNREACHABLE,
    errno.EHOSTDOWN: UNREACHABLE,
}
# getaddrinfo's codes: the host name is not known, or could not be looked up just now.
NAME_UNKNOWN = N_("no server has that host name (the name is not found)")
NAME_LOOKUP = N_("the host name could not be looked up (no answer from the name service)")
NAMES = {socket.EAI_NONAME: NAME_UNKNOWN, socket.EAI_AGAIN: NAME_LOOKUP,
         socket.EAI_FAIL: NAME_LOOKUP}  # fmt: skip
if hasattr(socket, "EAI_NODATA"):  # glibc's "no address for that name"
    NAMES[socket.EAI_NODATA] = NAME_UNKNOWN
# OpenSSL's certificate verification codes (X509_V_ERR_*): what is wrong with the certificate.
UNTRUSTED = N_("the server's certificate is not signed by an authority this system trusts")
CERTIFICATES = {
    10: N_("the server's certificate has expired"),
    9: N_("the server's certificate is not valid yet"),
    18: UNTRUSTED,  # self-signed
    19: UNTRUSTED,  # self-signed in the chain
    20: UNTRUSTED,  # no local issuer
    21: UNTRUSTED,  # the leaf cannot be verified
    62: N_("the server's certificate is for another host name"),
}
NOT_TLS = N_("the server does not speak TLS there (is it an http address?)")
# HTTP statuses a feed's server answers most, in our words (the server's own phrase is English,
# or whatever it wrote): said after the code.
STATUSES = {
    400: N_("the request was refused as malformed"),
    401: N_("a login is needed"),
    403: N_("access is forbidden"),
    404: N_("nothing is at that address"),
    410: N_("it was removed for good"),
    429: N_("too many requests; try again later"),
    500: N_("the server had an internal error"),
    502: N_("a gateway got a bad answer"),
    503: N_("the service is unavailable for now"),
    504: N_("a gateway got no answer in time"),
}
# Reasons of ours given as a value of a FetchError's message: said in the reader's language.
OURS = frozenset({*CONNECTION.values(), *NAMES.values(), *CERTIFICATES.values(), NOT_TLS,
                  *STATUSES.values()})  # fmt: skip


class FetchError(TimelineError):
    """A feed could not be fetched; its last good copy is kept. Its reason is a message and
    its values, said when it is read, in the language of whoever reads it: the feed's state
    keeps it in English (data, which `feeds list --format json` reads) and in the others."""

    def __init__(self, message: str, /, **values: object) -> None:
        super().__init__(message)
        self.message = message
        # A size (an int) is written as the language writes numbers: 1 048 577 in French.
        self.values = {k: v if isinstance(v, int) else str(v) for k, v in values.items()}

    def __str__(self) -> str:
        values = {k: _said(v) for k, v in self.values.items()}
        return _(self.message).format(**values)


def _said(value: str | int) -> str:
    if isinstance(value, int):
        return number(value)
    return _(value) if value in OURS or value in SYSTEM_WORDS else value


def status(code: int, phrase: str) -> FetchError:
    """An HTTP status that is no calendar: its code, and why in our words when it is a common
    one (else the server's own phrase)."""
    said = N_("the server answered {code} ({reason})")
    return FetchError(said, code=str(code), reason=STATUSES.get(code, phrase))


def failure(err: Exception, timeout: float) -> FetchError:
    """One line for each way the HTTP client, TLS or the connection fails."""
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, FetchError):  # raised by the redirect handler, wrapped by urllib
        return reason
    if isinstance(reason, TimeoutError) or _errno(reason) == errno.ETIMEDOUT:
        return FetchError(N_("no answer within {seconds} s"), seconds=f"{timeout:g}")
    if isinstance(reason, http.client.HTTPException):
        return _http(reason)
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return _tls(reason)
    if isinstance(reason, socket.gaierror) and reason.errno in NAMES:
        return FetchError(N_("cannot reach it: {reason}"), reason=NAMES[reason.errno])
    if (said := CONNECTION.get(_errno(reason) or 0)) is not None:
        return FetchError(N_("cannot reach it: {reason}"), reason=said)
    if isinstance(reason, OSError) and isinstance(err, urllib.error.URLError):
        return FetchError(N_("cannot reach it ({reason})"), reason=reason.strerror or reason)
    if isinstance(reason, OSError | ValueError | EOFError):  # a malformed answer
        why = getattr(reason, "strerror", None) or reason
        return FetchError(N_("the download failed ({reason})"), reason=why)
    raise err


def _errno(reason: object) -> int | None:
    return reason.errno if isinstance(reason, OSError) else None


def _http(reason: http.client.HTTPException) -> FetchError:
    if isinstance(reason, http.client.RemoteDisconnected):
        return FetchError(N_("the server closed the connection without an answer"))
    if isinstance(reason, http.client.BadStatusLine):
        return FetchError(N_("the server's answer is not HTTP (a bad status line)"))
    if isinstance(reason, http.client.IncompleteRead):
        return FetchError(N_("the body was cut short (a chunk ended early)"))
    if isinstance(reason, http.client.LineTooLong):
        return FetchError(N_("the server's answer is not valid HTTP (a line is too long)"))
    if str(reason).startswith("got more than"):  # http.client's limit on header lines
        return FetchError(N_("the server's answer is not valid HTTP (too many header lines)"))
    return FetchError(N_("the server's answer is not valid HTTP ({reason})"), reason=reason)


def _tls(reason: ssl.SSLError | ssl.CertificateError) -> FetchError:
    code = getattr(reason, "verify_code", None)
    if code in CERTIFICATES:
        said = N_("the secure connection failed: {reason}")
        return FetchError(said, reason=CERTIFICATES[code])
    if getattr(reason, "reason", None) in ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE"):
        return FetchError(N_("the secure connection failed: {reason}"), reason=NOT_TLS)
    return FetchError(N_("the secure connection failed ({reason})"), reason=reason)
