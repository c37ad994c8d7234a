"""The translations command end to end, on a copy of the book's docs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from book.commands import translations
from book.translations import tracking

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "book"


@pytest.fixture
def book_copy(tmp_path, monkeypatch) -> Path:
    """A copy of the small book's docs/ in a folder without git history, as the working directory."""
    shutil.copytree(FIXTURE / "docs", tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, list[str]]:
    code = translations.main(list(argv))
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def record_english(capsys, root: Path) -> None:
    """Record every English page as a translation of its Japanese original, as the book does."""
    pages = sorted(str(p.relative_to(root)) for p in (root / "docs/en").rglob("*.md"))
    code, lines = run(capsys, "update", *pages)
    assert code == 0, lines


def test_the_books_translations_have_valid_records():
    book = tracking.scan(ROOT / "docs", shown_root="docs")
    errors, _ = tracking.check(book)
    assert [str(e) for e in errors] == []
    unrecorded = [p.shown for p in book.pages.values() if p.lang == "en" and not p.is_translation]
    assert unrecorded == [], "every English page is a recorded translation of its Japanese original"


def test_editing_an_original_section_reports_that_page_and_section_until_updated(book_copy, capsys):
    record_english(capsys, book_copy)  # start from a clean state, whatever the working tree holds
    assert run(capsys, "update", "--all") == (0, [])  # nothing left to record
    count = len(list((book_copy / "docs" / "en").rglob("*.md")))  # every English page translates its original
    assert run(capsys, "check") == (0, [f"translations: all {count} translations are up to date with their originals"])

    original = book_copy / "docs/ja/part-1/1-1.md"
    text = original.read_text(encoding="utf-8")
    sentence = "1つのトークンに使うのは総パラメータのごく一部である"
    assert sentence in text
    original.write_text(text.replace(sentence, "1つのトークンには総パラメータのごく一部しか使わない"), encoding="utf-8")

    code, lines = run(capsys, "check")
    assert code == 0  # a warning by default
    assert lines[0].startswith("docs/en/part-1/1-1.md:")
    assert lines[0].split(":", 2)[2] == (
        ' translation is older than its original docs/ja/part-1/1-1.md (changed: reading "読み方") '
        "— update the translation, then run make translations-update PAGE=docs/en/part-1/1-1.md"
    )
    assert lines[1:] == ["translations: 0 error(s), 1 outdated or unrecorded translation(s); check passed with warnings"]
    assert run(capsys, "check", "--strict")[0] == 1  # an error for release builds

    english = book_copy / "docs/en/part-1/1-1.md"
    before = english.read_text(encoding="utf-8")
    assert run(capsys, "update", "docs/en/part-1/1-1.md") == (
        0,
        ["docs/en/part-1/1-1.md: recorded as up to date with its original"],
    )
    after = english.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines())
    assert [a.split(":")[0].strip() for a, _ in changed] == ["hash", "reading"]  # only the record moved
    count = len(list((book_copy / "docs" / "en").rglob("*.md")))
    assert run(capsys, "check", "--strict") == (
        0,
        [f"translations: all {count} translations are up to date with their originals"],
    )


def test_reflowing_an_original_is_not_a_change(book_copy, capsys):
    record_english(capsys, book_copy)
    original = book_copy / "docs/ja/part-1/1-1.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace("トークンに使う", "トークンに\n使う", 1).replace("\n\n", "\n\n\n"), encoding="utf-8")
    assert run(capsys, "check", "--strict")[0] == 0


def test_a_bad_record_fails_the_check_with_its_line(book_copy, capsys):
    record_english(capsys, book_copy)
    page = book_copy / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  from: ja", "  from: fr"), encoding="utf-8")
    code, lines = run(capsys, "check")
    assert code == 1
    assert lines[0] == "docs/en/about.md:5: translation.from: is fr, but there is no docs/fr/ folder — use one of en, ja"


def test_an_original_or_a_folder_of_originals_points_at_its_translations(book_copy, capsys):
    assert run(capsys, "update", "docs/ja/part-1/1-1.md") == (
        1,
        [
            "docs/ja/part-1/1-1.md: is the original of docs/en/part-1/1-1.md — "
            "give the translation instead: make translations-update PAGE=docs/en/part-1/1-1.md"
        ],
    )
    assert run(capsys, "update", "docs/ja/part-1") == (
        1,
        ["docs/ja/part-1: holds originals only — give the translations' folder: docs/en/part-1"],
    )


def test_a_folder_records_every_translation_in_it(book_copy, capsys):
    for page in ("index.md", "1-1.md", "1-2.md"):  # as a contributor leaves them: translated, not yet recorded
        path = book_copy / "docs/en/part-1" / page
        path.write_text(path.read_text(encoding="utf-8").replace("hash: ", "hash: 0", 1), encoding="utf-8")
    code, lines = run(capsys, "update", "docs/en/part-1")
    assert code == 0
    assert lines == [
        f"docs/en/part-1/{page}: recorded as up to date with its original" for page in ("1-1.md", "1-2.md", "index.md")
    ]
    assert run(capsys, "check", "--strict")[0] == 0


def test_update_rejects_a_path_outside_the_language_folders(book_copy, capsys):
    code, lines = run(capsys, "update", "mkdocs.yml")
    assert code == 1 and lines == ["mkdocs.yml: not under docs/ — give a path such as docs/en/part-1/1-3.md"]


def test_stale_since_comes_from_one_git_log(book_copy, capsys):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    from book.site import history

    record_english(capsys, book_copy)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    env = {
        "GIT_COMMITTER_DATE": "2026-02-01T12:00:00+00:00",
        "GIT_AUTHOR_DATE": "2026-02-01T12:00:00+00:00",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "init", "-q"], cwd=book_copy, check=True)
    subprocess.run([*git, "add", "docs"], cwd=book_copy, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=book_copy, check=True, env=env)
    original = book_copy / "docs/ja/about.md"
    original.write_text(original.read_text(encoding="utf-8") + "\n追記。\n", encoding="utf-8")
    subprocess.run(
        [*git, "commit", "-qam", "two"], cwd=book_copy, check=True, env={**env, "GIT_COMMITTER_DATE": "2026-03-04T12:00:00+00:00"}
    )

    book = tracking.scan(book_copy / "docs", shown_root="docs")
    dates = history.last_changed(book_copy / "docs")
    state = tracking.page_state(book, "en", "about.md", dates)
    assert (state.state, str(state.since)) == ("stale", "2026-03-04")
    assert tracking.page_state(book, "en", "index.md", dates).state == "current"
    assert tracking.page_state(book, "en", "about.md", history.last_changed(book_copy / "nowhere")).since is None
