"""The messages of the commands beyond reading (validation, changes, feeds, letters, editing,
publishing) in the language of the run: the sentence translated, what names the data (file,
event id, field, values) kept as the data gives it, `itu-timeline: error:` untranslated, and
English as it was."""

from pathlib import Path

import pytest

from .conftest import HEADER, Run, WriteCalendar

BAD = sorted((Path(__file__).parent / "data" / "bad").glob("*.toml"))
PREFIX = "itu-timeline: error: "


@pytest.mark.parametrize("lang", ["fr", "ru", "ar", "zh"])
@pytest.mark.parametrize("bad", BAD, ids=lambda p: p.name)
def test_each_problem_of_a_broken_file_is_told_in_the_language(
    run: Run, bad: Path, lang: str
) -> None:
    """Line for line what English says, but in other words: same number of lines, each
    naming the same file after the untranslated prefix."""
    english = run("validate", str(bad))
    other = run("--lang", lang, "validate", str(bad))
    assert other.exit_code == english.exit_code == 1
    assert other.stdout == english.stdout == ""
    lines, english_lines = other.stderr.splitlines(), english.stderr.splitlines()
    assert len(lines) == len(english_lines) > 0
    for line, said in zip(lines, english_lines, strict=True):
        assert line.startswith(PREFIX + str(bad))
        assert line != said


def test_a_problem_keeps_file_id_and_field_and_says_the_rest_in_french(run: Run) -> None:
    bad = Path(__file__).parent / "data" / "bad" / "typo-key.toml"
    said = run("--lang", "fr", "validate", str(bad)).stderr.splitlines()
    assert said == [
        f"{PREFIX}{bad}: événement « typo »: champ « strat »: clé inconnue ; "
        "vouliez-vous dire « start » ?",
        f"{PREFIX}{bad}: événement « typo »: champ « start »: manquant (obligatoire)",
    ]
    russian = run("--lang", "ru", "validate", str(bad)).stderr.splitlines()
    assert (
        russian[1] == f"{PREFIX}{bad}: мероприятие «typo»: поле «start»: отсутствует (обязательное)"
    )


def test_the_english_problem_lines_are_as_they_were(run: Run) -> None:
    bad = Path(__file__).parent / "data" / "bad" / "several-problems.toml"
    assert run("validate", str(bad)).stderr.splitlines() == [
        f"{PREFIX}{bad}: event 'many': field 'end': must be a date, not text "
        "(write dates without quotes: 2027-03-15)",
        f"{PREFIX}{bad}: event 'many': field 'status': 'maybe' is not one of: "
        "confirmed, tentative, postponed, cancelled",
        f"{PREFIX}{bad}: event #2: field 'id': missing (required)",
    ]


def events(n: int) -> str:
    return HEADER + "".join(
        f'[[events]]\nid = "e{i}"\ntitle = "Meeting {i}"\nbody = "ITU-T"\n'
        f'kind = "study-group"\nstart = 2027-03-{i + 1:02}\nsource = "https://www.itu.int/"\n'
        for i in range(n)
    )


@pytest.mark.parametrize(
    ("n", "russian"),
    [
        (1, "1 файл: 1 мероприятие, 0 правил, 0 сроков; 0 предупреждений"),
        (2, "1 файл: 2 мероприятия, 0 правил, 0 сроков; 0 предупреждений"),
        (5, "1 файл: 5 мероприятий, 0 правил, 0 сроков; 0 предупреждений"),
        (21, "1 файл: 21 мероприятие, 0 правил, 0 сроков; 0 предупреждений"),
    ],
)
def test_the_summary_of_validate_counts_in_the_plural_of_the_language(
    run: Run, write_calendar: WriteCalendar, n: int, russian: str
) -> None:
    path = write_calendar(events(n))
    said = run("--lang", "ru", "validate", str(path)).stdout.splitlines()
    assert said == [russian, "  по органам: ITU-T " + str(n), f"  по видам: study-group {n}"]


def test_the_summary_and_warnings_of_validate_in_french_and_arabic(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(
        HEADER + '[[events]]\nid = "long"\ntitle = "Long"\nbody = "ITU"\nkind = "other"\n'
        'start = 2027-01-01\nend = 2027-04-01\nbasis = "official"\nsource = "a blog"\n'
    )
    french = run("--lang", "fr", "validate", "--strict", str(path))
    assert french.exit_code == 1
    assert french.stdout.startswith(
        "1 fichier : 1 événement, 0 règle, 0 échéance ; 2 avertissements\n"
    )
    assert f"itu-timeline: warning: {path}: événement « long »: champ « end »: dure 91 jours" in (
        french.stderr
    )
    assert "itu-timeline: note: 2 avertissements, et --strict échoue" in french.stderr
    arabic = run("--lang", "ar", "validate", str(path))
    assert arabic.stdout.startswith("ملف واحد: فعالية واحدة، 0 قاعدة، 0 موعد نهائي؛ تحذيران\n")
    assert "يستمر 91 يومًا" in arabic.stderr


def test_add_edit_and_remove_confirm_and_refuse_in_the_language(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    add = (
        "add",
        "--title",
        "Atelier",
        "--start",
        "2027-03-01",
        "--body",
        "ITU",
        "--kind",
        "workshop",
    )
    added = run("--lang", "fr", *add, "--calendar", str(target))
    assert added.exit_code == 0, added.stderr
    assert added.stderr == (
        f"itu-timeline: note: « atelier-2027 » ajouté à {target} (un nouveau fichier) "
        "(id formé du titre et du début)\n"
    )
    assert added.stdout == "atelier-2027\n"  # the id is data: the same in every language
    twice = run("--lang", "es", *add, "--calendar", str(target))
    assert twice.exit_code == 2
    assert twice.stderr.startswith(
        f"itu-timeline: error: «atelier-2027» en {target} tiene el mismo título e inicio"
    )
    edited = run("--lang", "ru", "edit", "atelier-2027", "--location", "Женева",
                 "--calendar", str(target))  # fmt: skip
    assert edited.stderr == f"itu-timeline: note: «atelier-2027» изменено в {target}\n"
    nothing = run("--lang", "zh", "edit", "atelier-2027", "--calendar", str(target))
    assert nothing.stderr == (
        "itu-timeline: error: 没有要修改的内容：请给出 --start 或 --clear 等选项\n"
    )
    removed = run("--lang", "fr", "remove", "atelier-2027", "--yes", "--calendar", str(target))
    assert removed.stderr == f"itu-timeline: note: « atelier-2027 » supprimé de {target}\n"
    english = run("remove", "atelier-2027", "--yes", "--calendar", str(target))
    assert english.stderr == (
        f"itu-timeline: error: 'atelier-2027' is not in {target}; name its file with --calendar\n"
    )


def test_fmt_and_import_say_what_they_did_in_the_language(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar("# a comment\n" + events(1), name="old.toml")
    formatted = run("--lang", "fr", "fmt", str(path))
    assert formatted.stderr.splitlines() == [
        f"itu-timeline: warning: {path} : 1 commentaire supprimé : dites-le dans des valeurs",
        f"itu-timeline: note: {path} mis à niveau au schéma 2",
    ]
    ics = tmp_path / "all.ics"
    assert run("export", "-o", str(ics), calendars=[path]).exit_code == 0
    target = tmp_path / "mine.toml"
    imported = run("--lang", "ru", "import", str(ics), "--calendar", str(target))
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout == (
        f"добавлено: 1, обновлено: 0, без изменений: 0, пропущено: 0 ({target} изменён)\n"
    )
    again = run("--lang", "ar", "import", str(ics), "--calendar", str(target), "--dry-run")
    assert again.stdout == f"أُضيف: 0، حُدّث: 0، دون تغيير: 1، تُخطّي: 0 ({target} دون تغيير)\n"


def test_letter_says_its_warnings_and_its_summary_in_the_language(run: Run, tmp_path: Path) -> None:
    from .test_letter_cli import FAR, LETTER

    letter = tmp_path / "cl-2-3.txt"
    letter.write_text(LETTER, encoding="utf-8")
    target = tmp_path / "mine.toml"
    added = run("--lang", "fr", "letter", str(letter), "--add", "--calendar", str(target))
    assert added.exit_code == 0, added.stderr
    assert added.stdout == f"ajoutés : 1, mis à jour : 0, inchangés : 0 ({target} modifié)\n"
    far = tmp_path / "far.txt"
    far.write_text(FAR, encoding="utf-8")
    printed = run("--lang", "es", "letter", str(far))
    assert "Xanadu, Mongolia no está en la tabla de lugares donde se reúne la UIT; indique su " \
        "zona con --timezone ZONE" in printed.stderr  # fmt: skip
    refused = run("--lang", "zh", "letter", str(far), "--dry-run")
    assert refused.stderr == "itu-timeline: error: --dry-run 需与 --add 一起使用\n"


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("fr", "Minutes of the staff party, 12 May 2027.", "pas une lettre de l'UIT"),
        ("ru", "TSB Collective letter 3/13\nThank you.", "не объявляет ни одного собрания"),
        ("zh", "Document C27/1-E\nSource: Chair\nTitle: Summary of conclusions\n", "会议文件"),
    ],
)
def test_letter_refuses_a_text_that_is_no_letter_in_the_language(
    run: Run, tmp_path: Path, lang: str, text: str, said: str
) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    refused = run("--lang", lang, "letter", str(path))
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"{PREFIX}{path}")
    assert said in refused.stderr
    assert run("letter", str(path)).stderr.isascii()  # English as it was


def test_publish_and_export_say_their_notes_in_the_language(run: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    published = run("--lang", "fr", "publish", str(site))
    assert published.exit_code == 0, published.stderr
    notes = published.stderr.splitlines()
    assert notes[0].startswith("itu-timeline: note: calendriers sur la page : ")
    assert notes[-1].startswith("itu-timeline: note: ")
    assert " fichiers publiés dans " in notes[-1]
    exported = run("--lang", "ru", "export", "-o", str(tmp_path / "all.ics"))
    assert exported.stderr == (
        "itu-timeline: note: не включены, их дни не объявлены: c27\n"  # June-July 2027
    )
    english = run("export", "-o", str(tmp_path / "all.ics"))
    assert english.stderr == "itu-timeline: note: left out, their days are not announced: c27\n"
    split = run("--lang", "zh", "export", "--split-by", "body")
    assert split.stderr == "itu-timeline: error: --split-by 和 --output-dir 需一起使用\n"
    chart = run("--lang", "es", "chart", "--from", "2027", "--to", "2026")
    assert chart.stderr == "itu-timeline: error: --to 2026-12-31 es anterior a --from 2027-01-01\n"


def test_remind_refuses_its_thresholds_in_the_language(run: Run) -> None:
    refused = run("--lang", "fr", "remind", "--at", "7,x", "--dry-run")
    assert refused.exit_code == 2
    assert "impossible de lire les seuils « 7,x »" in refused.stderr


ICS = Path(__file__).parent / "data" / "ics"


def test_import_says_why_it_skipped_in_the_language(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    broken = run("--lang", "fr", "import", str(ICS / "no-dtstart.ics"), "--calendar", str(target))
    assert broken.exit_code == 0, broken.stderr
    assert broken.stdout.startswith("ajoutés : 1, mis à jour : 0, inchangés : 0, ignorés : 1 ")
    assert "(1: pas de DTSTART)" in broken.stdout
    assert f"{ICS / 'no-dtstart.ics'} : VEVENT « nostart@example.org » ignoré : pas de DTSTART" in (
        broken.stderr
    )
    not_ics = tmp_path / "x.ics"
    not_ics.write_text("hello\n")
    refused = run("--lang", "es", "import", str(not_ics), "--calendar", str(target))
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"itu-timeline: error: {not_ics}: no es un archivo iCalendar "
        "(no hay BEGIN:VCALENDAR al principio)\n"
    )


def test_what_letter_and_add_print_for_programs_is_the_same_in_every_language(
    run: Run, tmp_path: Path
) -> None:
    """A letter's JSON and TOML, and the id `add` prints, are data: the same bytes whatever
    the language of the run (only the notes on stderr are translated)."""
    from itu_timeline.base import i18n

    from .test_letter_cli import LETTER

    letter = tmp_path / "cl-2-3.txt"
    letter.write_text(LETTER, encoding="utf-8")
    for fmt in ("json", "toml"):
        english = run("letter", str(letter), "--format", fmt).stdout
        assert english
        for lang in i18n.LANGUAGES:
            said = run("--lang", lang, "letter", str(letter), "--format", fmt).stdout
            assert said == english, (lang, fmt)
