"""The text of a letter as it arrives: plain text, a saved web page, a PDF (its text layer,
with pypdf), a Word file (.docx: its XML read with the standard library), or an e-mail whose
body or attachment is the letter. What a file is, is told by its bytes first (a PDF, a ZIP),
then by its name. Only `letter` imports this module, and pypdf only for a PDF."""

import email
import email.policy
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import PurePath
from xml.etree import ElementTree

from itu_timeline.base.errors import UsageError
from itu_timeline.base.i18n import _
from itu_timeline.core.letter_head import find_reference, normalize

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_EMAIL_HEAD = re.compile(rb"^(?:[A-Za-z-]+:[^\n]*\n)+", re.M)
MAX_BYTES = 20 * 1024 * 1024  # a letter is a few pages; a larger file is not one


def letter_text(data: bytes, name: str) -> str:
    """The text of the letter in `data`, a file called `name` ('-' for standard input)."""
    if len(data) > MAX_BYTES:
        message = _("{path}: {n} bytes is too large for a letter")
        raise UsageError(message.format(path=name, n=len(data)))
    suffix = PurePath(name).suffix.casefold()
    if data.startswith(b"%PDF"):
        return _pdf_text(data, name)
    if data.startswith(b"PK\x03\x04"):
        return _docx_text(data, name)
    if suffix == ".eml" or (suffix not in (".txt", ".html", ".htm") and _looks_like_mail(data)):
        return _mail_text(data, name)
    text = _decoded(data, name)
    if suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype\s+html|html)", text, re.I):
        return _html_text(text)
    return text


def _decoded(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(_("{path}: not text, PDF, DOCX, HTML or e-mail").format(path=name))


def _looks_like_mail(data: bytes) -> bool:
    head = _EMAIL_HEAD.match(data[:4000])
    return bool(head and re.search(rb"^(?:From|MIME-Version|Received):", head[0], re.M | re.I))


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = PdfReader(io.BytesIO(data)).pages
        return "\n".join(page.extract_text() or "" for page in pages)
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        message = _("{path}: not a readable PDF ({reason})")
        raise UsageError(message.format(path=name, reason=err)) from err


def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs one a line; a table's cells joined by ' / ' on one line a row, as text
    extraction from Word gives them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as err:
        message = _("{path}: not a readable DOCX file ({reason})")
        raise UsageError(message.format(path=name, reason=err)) from err
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in [] if body is None else list(body):
        if block.tag == f"{_W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = row.iter(f"{_W}tc")
                lines.append(" / ".join(" ".join(map(_paragraph, c.iter(f"{_W}p"))) for c in cells))
    return "\n".join(lines)


def _paragraph(paragraph: ElementTree.Element) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag in (f"{_W}tab", f"{_W}br"):
            parts.append(" " if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)


class _Text(HTMLParser):
    """Text as a browser lays it out: white space collapsed, a line for each block, a
    table's cells joined by ' / '; scripts and styles left out."""

    BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.empty = False  # in a paragraph with no text yet: Word's way to leave a line

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping += tag in ("script", "style")
        if tag in self.BLOCKS:
            self._break()
            self.empty = tag == "p"
        elif tag == "td" and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append(" / ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1
        if tag == "p" and self.empty:
            self.parts.append("\n")
        if tag in self.BLOCKS:
            self._break()
        self.empty = False

    def handle_data(self, data: str) -> None:
        text = re.sub(r"\s+", " ", data)
        if not self.skipping and text.strip():
            self.empty = False
            self.parts.append(text.lstrip() if self.parts[-1:] == ["\n"] else text)


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _mail_text(data: bytes, name: str) -> str:
    """The first attachment that is a letter, else the body."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    bodies: list[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        filename = part.get_filename()
        if filename:
            text = letter_text(payload, f"{name}: {filename}")
            if find_reference(normalize(text)):
                return text
        elif part.get_content_type() in ("text/plain", "text/html"):
            text = _decoded(payload, name)
            bodies.append(_html_text(text) if part.get_content_subtype() == "html" else text)
    if not bodies:
        said = _("{path}: an e-mail with no text and no letter attached")
        raise UsageError(said.format(path=name))
    return bodies[0]
