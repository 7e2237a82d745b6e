"""What a feed's own calendar says wrong, and why it could not be fetched, in the reader's
language: found once (in English, each message keeping its words and values), said in each
language where it is shown, kept in English in the feed's state (what JSON reads). Servers on
127.0.0.1 that the tests start; a closed port for a refused connection."""

import doctest
import socket
import urllib.error
from pathlib import Path

import pytest

from itu_timeline.base import i18n
from itu_timeline.base.i18n import _, kept, ngettext, number, say, speaking
from itu_timeline.store.fetch_reasons import failure

from .test_feeds import Server, cli, home, ics, last_error_in_json, send, server, subscribe, vevent
from .test_fetch_hostile import answer, head, raw_server

__all__ = ["home", "server"]  # fixtures, used by name

MINUTELY = ics(vevent("m@example.org", summary="Every minute", extra="RRULE:FREQ=MINUTELY\r\n"))


def test_a_message_found_once_is_said_again_in_any_language() -> None:
    """Inside `kept()` a message reads as English and keeps its msgid, its plural and its
    values (nested messages and numbers too), to be said again in another language."""
    with kept():
        where = _("event '{id}'").format(id="x")
        cut = ngettext(
            "'{name}' recurs more often than is imported: cut after {n} occurrence, the last "
            "on {day}",
            "'{name}' recurs more often than is imported: cut after {n} occurrences, the last "
            "on {day}",
            2000,
        ).format(name=where, n=number(2000), day="2027-01-16")
    assert cut == (
        "'event 'x'' recurs more often than is imported: cut after 2,000 occurrences, the last "
        "on 2027-01-16"
    )
    assert say(cut) == cut  # English outside, as inside
    with speaking("fr"):
        assert say(cut) == (
            "« événement « x » » se répète plus souvent qu'on n'importe : coupé après "
            "2\u202f000 occurrences, la dernière le 2027-01-16"
        )
    with speaking("ru"):
        assert "обрезано после 2\xa0000 повторений" in say(cut)
    assert say("plain text") == "plain text"


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "la réponse du serveur : pas un fichier iCalendar (pas de BEGIN:VCALENDAR au début)"),
     ("ar", "إجابة الخادم: ليس ملف iCalendar")],
)  # fmt: skip
def test_a_page_that_is_no_calendar_is_said_in_the_language(
    server: Server, home: dict[str, str], lang: str, said: str
) -> None:
    server.routes["/page.ics"] = send(b"<html>Moved</html>", Content_Type="text/html")
    added = cli(home, "--lang", lang, "feeds", "add", server.url + "/page.ics")
    assert added.exit_code == 2
    assert said in added.stderr
    assert "server's answer" not in added.stderr


def test_a_feed_cut_at_a_bound_is_said_in_the_language(
    server: Server, home: dict[str, str]
) -> None:
    """The series a feed cut at a bound: the warning in French and Russian (its count as each
    writes numbers), Arabic's plural form for 2,000; English as before."""
    assert subscribe(server, home).exit_code == 0
    server.routes["/feed.ics"] = send(MINUTELY)
    french = cli(home, "--lang", "fr", "feeds", "refresh", "--accept-shrink").stderr
    assert (
        "flux « team » : « m@example.org (Every minute) » se répète plus souvent qu'on n'importe "
        ": coupé après 2\u202f000 occurrences, la dernière le 2027-01-16" in french
    )
    russian = cli(home, "--lang", "ru", "feeds", "refresh").stderr
    assert "повторяется чаще, чем импортируется: обрезано после 2\xa0000 повторений" in russian
    arabic = cli(home, "--lang", "ar", "feeds", "refresh").stderr
    assert "قُطع بعد 2,000 تكرار، آخرها في 2027-01-16" in arabic
    english = cli(home, "feeds", "refresh").stderr
    assert "recurs more often than is imported: cut after 2,000 occurrences" in english


def test_a_refused_connection_on_a_closed_port_is_said_in_our_words(
    home: dict[str, str],
) -> None:
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.ics"
    french = cli(home, "--lang", "fr", "feeds", "add", url).stderr
    assert "impossible de l'atteindre : la connexion a été refusée (rien ne répond" in french
    arabic = cli(home, "--lang", "ar", "feeds", "add", url).stderr
    assert "تعذّر الوصول إليه: رُفض الاتصال (لا شيء يجيب على هذا العنوان وهذا المنفذ)" in arabic
    assert "Connection refused" not in french + arabic


def test_a_server_that_does_not_speak_tls_is_said_in_our_words(home: dict[str, str]) -> None:
    with raw_server(answer(head("Content-Length: 0")), read_head=False) as url:
        https = url.replace("http:", "https:") + "/feed.ics"
        french = cli(home, "--lang", "fr", "feeds", "add", https, "--timeout", "2").stderr
        english = cli(home, "feeds", "add", https, "--timeout", "2").stderr
    assert "la connexion sécurisée a échoué : le serveur ne parle pas TLS à cette adresse" in french
    assert "WRONG_VERSION_NUMBER" not in french
    assert "the secure connection failed: the server does not speak TLS there" in english


@pytest.mark.parametrize(
    ("code", "lang", "said"),
    [(socket.EAI_NONAME, "fr", "impossible de l'atteindre : aucun serveur ne porte ce nom d'hôte"),
     (socket.EAI_AGAIN, "ar", "تعذّر الوصول إليه: تعذّر البحث عن اسم المضيف"),
     (socket.EAI_NONAME, "en", "cannot reach it: no server has that host name")],
)  # fmt: skip
def test_a_host_name_not_found_is_said_in_our_words(code: int, lang: str, said: str) -> None:
    """What the resolver answers (no name is looked up here: the tests reach only 127.0.0.1)."""
    err = urllib.error.URLError(socket.gaierror(code, "Name or service not known"))
    with speaking(lang):
        assert str(failure(err, 20)).startswith(said)


def test_the_state_keeps_a_feeds_problems_in_english_and_shows_them_in_each_language(
    server: Server, home: dict[str, str]
) -> None:
    assert subscribe(server, home).exit_code == 0
    server.routes["/feed.ics"] = send(b"<html>", Content_Type="text/html")
    assert cli(home, "feeds", "refresh").exit_code == 0
    tables = {
        lang: cli(home, "--lang", lang, "feeds", "list", "--format", "plain").stdout
        for lang in i18n.LANGUAGES
    }
    assert "ответ сервера: не файл iCalendar" in tables["ru"]
    assert "服务器的应答：不是 iCalendar 文件" in tables["zh"]
    assert last_error_in_json(home) == (
        "the server's answer: not an iCalendar file (no BEGIN:VCALENDAR at the start)"
    )


@pytest.mark.parametrize(
    ("ics", "lang", "said"),
    [(b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "fr",
      "la réponse du serveur : pas un fichier iCalendar valide : un END sans son BEGIN"),
     (b'BEGIN:VCALENDAR\r\nX-A;B="c:d\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      "ar", 'ليس ملف iCalendar صالحًا: تتعذّر قراءة هذا السطر: X-A;B="c:d')],
)  # fmt: skip
def test_a_broken_calendar_is_said_in_our_words(
    server: Server, home: dict[str, str], ics: bytes, lang: str, said: str
) -> None:
    """What the .ics library says of a broken file (in English) is not shown: our sentence,
    with the file's own line where one cannot be read."""
    server.routes["/bad.ics"] = send(ics)
    added = cli(home, "--lang", lang, "feeds", "add", server.url + "/bad.ics")
    assert added.exit_code == 2
    assert said in added.stderr
    assert "encountered" not in added.stderr
    assert "parsed into parts" not in added.stderr
    assert "valid parameter" not in added.stderr


def test_a_damaged_compressed_feed_is_said_in_our_words(
    server: Server, home: dict[str, str]
) -> None:
    server.routes["/z.ics"] = send(b"\x1f\x8b\x09\x00" + b"x" * 20, Content_Encoding="gzip")
    added = cli(home, "--lang", "es", "feeds", "add", server.url + "/z.ics")
    assert "su contenido gzip está dañado (no se puede descomprimir)" in added.stderr
    assert "Error -3" not in added.stderr


def test_a_feed_that_is_not_toml_is_said_in_our_words(server: Server, home: dict[str, str]) -> None:
    """Python's TOML reader speaks English; its mistakes are said in ours, with their place."""
    assert subscribe(server, home).exit_code == 0
    server.routes["/feed.ics"] = send(b"schema = 2\nname\n", Content_Type="application/toml")
    french = cli(home, "--lang", "fr", "feeds", "refresh", "-v").stderr
    assert f"{server.url}/feed.ics:2:5: TOML non valide : il manque '=' après une clé" in french
    russian = cli(home, "--lang", "ru", "feeds", "list", "--format", "plain").stdout
    assert "недопустимый TOML: после ключа нет '='" in russian
    said = "invalid TOML: '=' is missing after a key"
    assert last_error_in_json(home) == f"{server.url}/feed.ics:2:5: {said}"
    assert "key/value pair" not in french + russian


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [('[[events]]\nid = "a"\nstart = soon\n', "ar",
      ":3:9: TOML غير صالح: قيمة تتعذر قراءتها (يُكتب النص بين علامتي اقتباس)"),
     ('[[events]\n', "es", ":1:9: TOML no válido: falta ']]' al final de un encabezado [[tabla]]"),
     ("d = 2027-02-30\n", "zh", ":1:5: TOML 无效：日期或日期时间不存在或写法有误")],
)  # fmt: skip
def test_validate_says_what_is_not_toml_in_our_words(
    tmp_path: Path, home: dict[str, str], text: str, lang: str, said: str
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(text, encoding="utf-8")
    result = cli(home, "--lang", lang, "--calendar", str(broken), "validate")
    assert result.exit_code in (1, 2)
    assert f"{broken}{said}" in result.stderr, result.stderr


def test_damaged_subscriptions_are_said_in_our_words(home: dict[str, str]) -> None:
    feeds = Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"
    feeds.parent.mkdir(parents=True)
    feeds.write_text('[[feeds]]\nname = "a\n', encoding="utf-8")
    listed = cli(home, "--lang", "fr", "feeds", "list")
    assert listed.exit_code == 2
    assert (
        f"{feeds} : les abonnements aux flux ne peuvent pas être lus : une chaîne n'est pas "
        "fermée (il manque le guillemet de fin) (ligne 2, colonne 10)" in listed.stderr
    )


def test_the_toml_words_example_holds() -> None:
    from itu_timeline.core import toml_words

    result = doctest.testmod(toml_words)
    assert result.attempted > 0
    assert result.failed == 0
