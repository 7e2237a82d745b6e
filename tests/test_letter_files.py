"""The same letter as text, PDF, DOCX, HTML and inside an e-mail gives the same meetings. The
PDF and DOCX files are written here by independent libraries (fpdf2, python-docx) from the
fixtures' texts, and read back by `letter`."""

import html
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from itu_timeline.store.letter_files import letter_text

from .conftest import Run

LETTERS = Path(__file__).parent / "data" / "letters"
TEXTS = sorted(LETTERS.glob("*.txt"))
# Core PDF fonts write Latin-1; what normalizing makes the same anyway is written so.
LATIN_1 = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'",
                         "\u201c": '"', "\u201d": '"', "\u2022": "-"})  # fmt: skip


def is_letter(text: Path) -> bool:
    return isinstance(json.loads(text.with_suffix(".json").read_text(encoding="utf-8")), list)


LETTER_TEXTS = [t for t in TEXTS if is_letter(t)]


def write_pdf(text: str, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for line in text.translate(LATIN_1).splitlines():
        clean = line.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 4.5, clean or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def write_html(text: str, path: Path) -> None:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    page = "<!DOCTYPE html><html><head><title>Letter</title><style>p {}</style></head>"
    path.write_text(f"{page}<body>\n{paragraphs}</body></html>", encoding="utf-8")


def write_mail(path: Path, body: str, attachment: Path | None = None) -> None:
    message = EmailMessage()
    message["From"] = "tsbsg@example.org"
    message["To"] = "delegate@example.org"
    message["Subject"] = "Letter"
    message.set_content(body)
    if attachment is not None:
        kind = "pdf" if attachment.suffix == ".pdf" else "octet-stream"
        message.add_attachment(attachment.read_bytes(), maintype="application", subtype=kind,
                               filename=attachment.name)  # fmt: skip
    path.write_bytes(bytes(message))


def records(run: Run, path: Path) -> object:
    result = run("letter", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("text", LETTER_TEXTS, ids=lambda p: p.stem)
def test_a_pdf_and_a_docx_of_the_letter_read_as_its_text(
    text: Path, tmp_path: Path, run: Run
) -> None:
    words = text.read_text(encoding="utf-8")
    want = records(run, text)
    pdf, docx_file = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    write_docx(words, docx_file)
    assert records(run, docx_file) == want
    if not _latin_1(words.translate(LATIN_1)):
        return  # a core PDF font writes no Cyrillic: the DOCX above carries that letter
    write_pdf(words, pdf)
    assert records(run, pdf) == want


def _latin_1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def test_the_letter_in_html_and_in_mail_reads_as_its_text(tmp_path: Path, run: Run) -> None:
    text = LETTER_TEXTS[0]
    words = text.read_text(encoding="utf-8")
    want = records(run, text)
    page, pdf = tmp_path / "letter.html", tmp_path / "letter.pdf"
    write_html(words, page)
    write_pdf(words, pdf)
    in_body, attached = tmp_path / "body.eml", tmp_path / "attached.eml"
    write_mail(in_body, words)
    write_mail(attached, "Dear colleague,\nplease find the letter attached.\n", pdf)
    assert records(run, page) == want
    assert records(run, in_body) == want
    assert records(run, attached) == want


def test_standard_input_is_read_as_a_file(run: Run) -> None:
    text = LETTER_TEXTS[0]
    result = run("letter", "-", "--format", "json", input=text.read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == records(run, text)


def test_a_table_in_a_docx_is_read_a_row_a_line(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "9 February 2018"
    table.cell(0, 1).text = "Contributions for which translation is requested"
    path = tmp_path / "t.docx"
    document.save(str(path))
    text = letter_text(path.read_bytes(), "t.docx")
    assert "9 February 2018 / Contributions for which translation is requested" in text


def test_a_broken_pdf_is_one_line_naming_the_file(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really\n")
    result = run("letter", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.pdf" in result.stderr
