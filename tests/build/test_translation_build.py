"""Translation tracking as a reader and a contributor see it: the check, the banner, the status page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import build_env, copy_book, mkdocs_build


def translations(book: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "book.commands.translations", "--docs", "docs", *args]
    return subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=book)


def test_an_edited_original_is_reported_shown_and_cleared(tmp_path):
    book = copy_book(tmp_path / "book")
    original = book / "docs" / "ja" / "part-1" / "1-1.md"
    text = original.read_text(encoding="utf-8")
    marker = "## 読み方"
    assert marker in text
    before, after = text.split(marker, 1)
    first_line_end = after.index("\n\n") + 2
    original.write_text(
        before + marker + after[:first_line_end] + "原文に一文を加えた。\n\n" + after[first_line_end:], encoding="utf-8"
    )

    # The check names exactly that page and that section, as a warning, and as an error when strict.
    report = translations(book, "check")
    assert report.returncode == 0
    stale = [line for line in (report.stdout + report.stderr).splitlines() if "older than its original" in line]
    assert len(stale) == 1
    assert stale[0].startswith("docs/en/part-1/1-1.md:")
    assert "(changed: reading " in stale[0] and "make translations-update PAGE=docs/en/part-1/1-1.md" in stale[0]
    assert translations(book, "check", "--strict").returncode == 1

    # The built translation carries the banner; the status pages list it as outdated.
    site = tmp_path / "site"
    result = mkdocs_build(site, config=book / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    page = (site / "en" / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    assert "has changed since this translation was made" in page and 'href="../../../part-1/1-1/"' in page
    assert "has changed since" not in (site / "en" / "part-1" / "1-2" / "index.html").read_text(encoding="utf-8")
    for status, word in [
        (site / "en" / "translation-status" / "index.html", "outdated"),
        (site / "translation-status" / "index.html", "古い"),
    ]:
        table = status.read_text(encoding="utf-8").split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        rows = [row for row in table.split("<tr>") if "1-1." in row]
        assert len(rows) == 1 and word in rows[0], rows

    # Once the translation is brought up to date, recording it clears everything.
    assert translations(book, "update", "docs/en/part-1/1-1.md").returncode == 0
    report = translations(book, "check", "--strict")
    assert report.returncode == 0 and "older than" not in report.stdout + report.stderr


def test_a_page_missing_in_one_language_stops_the_build(tmp_path):
    book = copy_book(tmp_path / "book")
    (book / "docs" / "en" / "about.md").unlink()
    result = mkdocs_build(tmp_path / "site", config=book / "mkdocs.yml")
    assert result.returncode == 1
    assert (
        "docs/en/about.md: missing: docs/ja/about.md has no counterpart in en — add docs/en/about.md "
        "(translate it, or copy the original and mark it untranslated)"
    ) in result.stderr
    assert "Traceback" not in result.stderr
