"""`make check` on a pull request's mistakes: each is caught, named by file and line, with its fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_env, copy_book


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def page_in_one_language(book: Path) -> str:
    (book / "docs" / "en" / "part-1" / "1-2.md").unlink()
    return "docs/en/part-1/1-2.md: missing: docs/ja/part-1/1-2.md has no counterpart in en"


def mismatched_chart_number(book: Path) -> str:
    page = book / "docs" / "en" / "part-1" / "1-1.md"
    replace(page, "| 744B |", "| 745B |")
    return f"docs/en/part-1/1-1.md:{line_of(page, '745B')}: "


def invalid_heading_id(book: Path) -> str:
    page = book / "docs" / "ja" / "part-1" / "1-1.md"
    replace(page, "{#reading}", "{#Reading_2}")
    return f"docs/ja/part-1/1-1.md:{line_of(page, 'Reading_2')}: heading ID #Reading_2 is not lowercase"


def broken_link(book: Path) -> str:
    page = book / "docs" / "ja" / "part-1" / "1-2.md"
    with page.open("a", encoding="utf-8") as out:
        out.write("\n詳しくは[第9節](1-9.md)を参照。\n")
    with (book / "docs" / "en" / "part-1" / "1-2.md").open("a", encoding="utf-8") as out:  # its counterpart: the pages pair
        out.write("\nSee [the first section](1-1.md).\n")
    return f"docs/ja/part-1/1-2.md:{line_of(page, '1-9.md')}: "


def image_without_alt_text(book: Path) -> str:
    page = book / "docs" / "en" / "part-1" / "1-1.md"
    (page.parent / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with page.open("a", encoding="utf-8") as out:
        out.write("\n![](chart.png)\n")
    japanese = book / "docs" / "ja" / "part-1" / "1-1.md"  # its counterpart, with its alt text: the pages pair
    (japanese.parent / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with japanese.open("a", encoding="utf-8") as out:
        out.write("\n![グラフ](chart.png)\n")
    return f"docs/en/part-1/1-1.md:{line_of(page, '![](chart.png)')}: "


def markdown_style(book: Path) -> str:
    page = book / "docs" / "en" / "part-1" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n\n", encoding="utf-8")  # two blank lines in a row
    return "docs/en/part-1/index.md:"


@pytest.mark.parametrize(
    "mistakes",
    [
        # Sources: the build waits for their fix, while the checks that need no build still report.
        [page_in_one_language, mismatched_chart_number, invalid_heading_id, markdown_style],
        # Only the built pages show these.
        [broken_link, image_without_alt_text],
    ],
    ids=["sources", "built pages"],
)
def test_make_check_names_the_file_and_line_of_every_mistake_in_one_run(tmp_path, mistakes):
    book = copy_book(tmp_path / "book")
    expected = [mistake(book) for mistake in mistakes]
    command = [sys.executable, "-m", "book.commands.check", "--root", str(book)]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=book, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    for prefix in expected:
        lines = [line for line in result.stdout.splitlines() if line.startswith(prefix)]
        assert lines and all(" — " in line for line in lines), f"expected a line starting {prefix!r} in:\n{result.stdout}"
    built_pages_checked = "warning: docs/: the built pages were not checked" not in result.stdout
    assert built_pages_checked == (broken_link in mistakes)


def test_the_code_passes_its_linter_and_formatter():
    from book.checks import code
    from conftest import ROOT

    assert [str(e) for e in code.problems(ROOT)] == []
