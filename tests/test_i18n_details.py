"""The details inside translated lines are in the reader's language too: why a feed could not
be fetched (what `feeds add`/`refresh` say, and the table of `feeds list`, while its JSON keeps
the English that the state stores), what is wrong in a damaged reminder state, and why
`import` skipped a VEVENT."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import Result

from .conftest import Run
from .test_feeds import Server, cli, home, last_error_in_json, send, server, subscribe

__all__ = ["home", "server"]  # fixtures, used by name


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "le serveur a répondu 404 (il n'y a rien à cette adresse) ; abonnement non fait"),
     ("ru", "сервер ответил 404 (по этому адресу ничего нет); подписка не оформлена"),
     ("ar", "أجاب الخادم 404 (لا يوجد شيء على هذا العنوان)؛ لم يتم الاشتراك"),
     ("en", "the server answered 404 (nothing is at that address); not subscribed")],
)  # fmt: skip
def test_feeds_add_says_why_the_server_failed_in_the_language(
    server: Server, home: dict[str, str], lang: str, said: str
) -> None:
    added = cli(home, "--lang", lang, "feeds", "add", server.url + "/none.ics")
    assert added.exit_code == 2
    assert added.stderr.endswith(f"{said}\n")


def test_a_refused_connection_is_said_in_the_language_and_kept_in_english(
    server: Server, home: dict[str, str]
) -> None:
    """The reason of a failed refresh in the reader's words, on the terminal and in the table
    of `feeds list`; its JSON the same English bytes in every language."""
    assert subscribe(server, home).exit_code == 0
    server.stop()  # nothing listens there any more: the connection is refused
    french = cli(home, "--lang", "fr", "feeds", "refresh", "-v")
    assert (
        "impossible de l'atteindre : la connexion a été refusée (rien ne répond à cette adresse "
        "et à ce port) ; la dernière bonne copie" in french.stderr
    )
    russian = cli(home, "--lang", "ru", "feeds", "list", "--format", "plain").stdout
    assert (
        "последняя ошибка: не удаётся связаться: в соединении отказано (по этому адресу и порту "
        "никто не отвечает)" in russian
    )
    arabic = cli(home, "--lang", "ar", "feeds", "list", "--format", "plain").stdout
    assert "تعذّر الوصول إليه: رُفض الاتصال (لا شيء يجيب على هذا العنوان وهذا المنفذ)" in arabic
    english = cli(home, "feeds", "list", "--format", "plain").stdout
    assert "last error: cannot reach it: the connection was refused (nothing answers" in english
    assert last_error_in_json(home) == (
        "cannot reach it: the connection was refused (nothing answers at that address and port)"
    )


def test_a_bad_status_and_a_size_limit_are_said_in_the_language(
    server: Server, home: dict[str, str]
) -> None:
    assert subscribe(server, home).exit_code == 0
    server.routes["/feed.ics"] = send(b"busy", 503)
    failed = cli(home, "--lang", "es", "feeds", "refresh", "-v")
    assert "el servidor respondió 503 (el servicio no está disponible por ahora)" in failed.stderr
    table = cli(home, "--lang", "zh", "feeds", "list", "--format", "plain").stdout
    assert "服务器返回 503（服务暂时不可用）" in table
    server.routes["/feed.ics"] = send(b"x" * (1024 * 1024 + 1))
    big = cli(home, "--lang", "fr", "feeds", "refresh", "-v", "--max-mib", "1")
    # Numbers as each language writes them (CLDR): narrow no-break spaces in French.
    assert "il fait 1\u202f048\u202f577 octets, au-delà de la limite de 1\u202f048\u202f576" in (
        big.stderr
    )
    table = cli(home, "--lang", "es", "feeds", "list", "--format", "plain").stdout
    assert "1.048.577" in table
    [row] = json.loads(cli(home, "--lang", "ru", "feeds", "list", "--format", "json").stdout)
    assert row["last_error"] == "it is 1,048,577 bytes, over the limit of 1,048,576"


def imported(run: Run, tmp_path: Path, lang: str, ics: str) -> Result:
    """`import --dry-run` of the calendar text `ics` into an empty file, in `lang`."""
    path = tmp_path / "in.ics"
    path.write_text(ics, encoding="utf-8")
    return run("--lang", lang, "import", str(path), "--dry-run", calendars=[tmp_path / "m.toml"])


DAMAGED = {
    "schema = 9\n": (
        "'schema' vaut 9, et non 1",
        "'schema' — 9, а не 1",
        "'schema' is 9, not 1",
    ),
    "schema = 1\nreported = 3\n": (
        "'reported' est un nombre (3), et non une liste de tables",
        "'reported' — число (3), а не список таблиц",
        "'reported' is a number (3), not a list of tables",
    ),
    'schema = 1\n[[reported]]\nkey = "k"\nday = "soon"\nthresholds = [1]\n': (
        "entrée 'k' : 'day' est du texte ('soon'), et non une date comme 2027-03-08",
        "запись 'k': 'day' — текст ('soon'), а не дата вида 2027-03-08",
        "entry 'k': 'day' is text ('soon'), not a date like 2027-03-08",
    ),
    "schema = 1\n[[reported]]\nday = 2027-01-01\n": (
        "entrée 1 de 'reported' : 'key' est absent, et non du texte",
        "запись 1 в 'reported': 'key' — отсутствует, а не текст",
        "entry 1 of 'reported': 'key' is missing, not text",
    ),
}


@pytest.mark.parametrize("text", DAMAGED)
def test_what_is_wrong_in_a_damaged_reminder_state_is_said_in_the_language(
    run: Run, tmp_path: Path, text: str
) -> None:
    state = tmp_path / "state.toml"
    state.write_text(text, encoding="utf-8")
    for lang, said in zip(("fr", "ru", "en"), DAMAGED[text], strict=True):
        result = run("--lang", lang, "remind", "--state", str(state))
        assert result.exit_code == 2
        assert said in result.stderr
        assert result.stderr.count("\n") == 1
    assert state.read_text(encoding="utf-8") == text  # left as it was


ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Rule\r\nDTSTART;VALUE=DATE:20270301\r\n"
    "RRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Date\r\nDTSTART;VALUE=DATE:2027XX01\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", ["VEVENT « a » ignoré : ses répétitions (RRULE, RDATE, EXDATE) ne peuvent être "
             "lues ni calculées",
             "VEVENT « b » ignoré : DTSTART illisible : « 2027XX01 » n'est ni une date ni une "
             "date et heure"]),
     ("ar", ["يتعذّر قراءة تكراراته (RRULE وRDATE وEXDATE) أو حسابها",
             "تتعذر قراءة DTSTART: «2027XX01» ليس تاريخًا ولا تاريخًا ووقتًا"]),
     ("en", ["VEVENT 'a' skipped: its recurrence (RRULE, RDATE, EXDATE) cannot be read",
             "VEVENT 'b' skipped: DTSTART cannot be read: '2027XX01' is no date or date-time"])],
)  # fmt: skip
def test_why_import_skipped_a_vevent_is_said_in_the_language(
    run: Run, tmp_path: Path, lang: str, said: list[str]
) -> None:
    result = imported(run, tmp_path, lang, ICS)
    for words in said:
        assert words in result.stderr
    assert "does not match format" not in result.stderr  # the library's words, in English
    assert "UNTIL" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "months", "today", "none"),
    [("fr", ["janv.", "févr.", "mars", "déc."], "aujourd'hui 2027-01-15",
      "Aucun événement du 2030-01-01 au 2030-12-31."),
     ("ru", ["янв.", "февр.", "март", "дек."], "сегодня 2027-01-15",
      "Нет мероприятий с 2030-01-01 по 2030-12-31."),
     ("zh", ["1月", "2月", "12月"], "今天 2027-01-15", "2030-01-01 至 2030-12-31 期间没有活动。"),
     ("en", ["Jan", "Feb", "Mar", "Dec"], "today 2027-01-15", "No events from 2030-01-01 to "
      "2030-12-31.")],
)  # fmt: skip
def test_the_terminal_chart_names_the_months_in_the_language(
    run: Run, lang: str, months: list[str], today: str, none: str
) -> None:
    """The months of `chart`'s axis as CLDR abbreviates them, where they fit; a Chinese month
    takes the columns a terminal gives it, so the bars stay under their months."""
    wide = run("--lang", lang, "chart", "--width", "160", "--from", "2026-01", "--to", "2026-12",
               today="2027-01-15")  # fmt: skip
    assert wide.exit_code == 0, wide.stderr
    axis = wide.stdout.splitlines()[1]
    assert all(month in axis.split() for month in months)
    assert cell_len(axis) == cell_len(wide.stdout.splitlines()[2]) <= 160  # under its rows
    assert today in run("--lang", lang, "chart", "--from", "2027-01", today="2027-01-15").stdout
    empty = run("--lang", lang, "chart", "--from", "2030-01", "--to", "2030-12")
    assert none in empty.stdout + empty.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", ["complétion bash installée dans ",
             "La complétion fonctionnera une fois le terminal redémarré"]),
     ("ru", ["автодополнение для bash установлено в ",
             "Автодополнение заработает после перезапуска терминала"]),
     ("en", ["bash completion installed in ",
             "Completion will take effect once you restart the terminal"])],
)  # fmt: skip
def test_installing_completion_is_said_in_the_language(
    tmp_path: Path, lang: str, said: list[str]
) -> None:
    """Typer's words as it installs completion, in a fresh process as the program runs (its
    own home: the user's shell files are not touched)."""
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "itu_timeline", "--lang", lang, "--install-completion", "bash"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == said[0] + str(tmp_path / ".bash_completions" / "itu-timeline.sh")
    assert lines[1] == said[1]
    assert (tmp_path / ".bash_completions" / "itu-timeline.sh").is_file()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", ["impossible de lire l'état des rappels : c'est un dossier",
             ": écriture impossible : c'est un dossier",
             ": impossible de le verrouiller : le fichier existe déjà"]),
     ("ru", ["не удаётся прочитать состояние напоминаний: это каталог",
             ": не удаётся записать: это каталог",
             ": не удаётся заблокировать: файл уже существует"]),
     ("en", ["cannot read the reminder state: Is a directory",
             ": cannot write: Is a directory",
             ": cannot lock it: File exists"])],
)  # fmt: skip
def test_what_the_system_refused_is_said_in_the_language(
    run: Run, tmp_path: Path, lang: str, said: list[str]
) -> None:
    """The sentence and the system's own words in it (libc's commonest: 'Is a directory'),
    reading a state, writing an export, locking a file in a folder that is a file."""
    folder = tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "file").write_text("", encoding="utf-8")
    read = run("--lang", lang, "remind", "--state", str(folder))
    written = run("--lang", lang, "export", "-o", str(folder))
    locked = run("--lang", lang, "remind", "--state", str(tmp_path / "file" / "state.toml"))
    for result, words in zip((read, written, locked), said, strict=True):
        assert result.exit_code == 2
        assert words in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", ": est un dossier d'autres fichiers, qu'un site remplacerait ; indiquez un dossier "
            "nouveau ou vide"),
     ("ru", ": это папка с другими файлами, которые сайт заменил бы; укажите новую или пустую"),
     ("en", ": is a folder of other files, which a site would replace; give a new or empty")],
)  # fmt: skip
def test_publish_refuses_a_folder_of_other_files_in_the_language(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("--lang", lang, "publish", str(folder))
    assert result.exit_code == 2
    assert said in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("fr", ("Événement :", "ID :", "Notes :", "Échéances : ")),
     ("es", ("Evento:", "ID:", "Notas:", "Plazos: ")),
     ("ru", ("Мероприятие:", "ID:", "Примечания:", "Сроки: ")),
     ("ar", ("الحدث:", "المعرّف:", "ملاحظات:", "المواعيد النهائية: ")),
     ("zh", ("活动：", "ID：", "备注：", "截止日期："))],
)  # fmt: skip
def test_show_writes_every_label_and_its_colon_as_the_language_does(
    run: Run, lang: str, labels: tuple[str, ...]
) -> None:
    """French puts a space before the colon of every label (not only of "Notes :"), Chinese a
    full-width colon; the values still start in one column."""
    shown = run("--lang", lang, "show", "c27")
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    for label in labels:
        assert any(line.startswith(label) for line in lines), (label, shown.stdout)
    starts = {cell_len(line) - cell_len(line.split("  ")[-1].lstrip()) for line in lines[:3]}
    assert len(starts) == 1, shown.stdout
