"""The pull-request summary, on a copy of the small book in a git repository of its own: the pages a change
touches in each language, the translations it makes stale, the errors, and the preview link."""

from __future__ import annotations

import subprocess

from book.commands import pr_summary
from book.translations import tracking
from conftest import copy_book


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def summary(root, tmp_path, preview="") -> str:
    out = tmp_path / "out"
    pr_summary.main(["--base", "base", "--out", str(out), "--root", str(root), "--preview", preview])
    return (out / "summary.md").read_text(encoding="utf-8")


def commit(root, message):
    git(root, "add", "docs", "mkdocs.yml")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", message)


def repository(tmp_path):
    root = copy_book(tmp_path / "book")
    git(root, "init", "-q")
    commit(root, "base")
    git(root, "branch", "base")
    return root


def test_an_edit_to_an_original_lists_its_page_and_the_translation_it_makes_stale(tmp_path):
    root = repository(tmp_path)
    book = tracking.scan(root / "docs", ["ja", "en"])
    rel = next(rel for (lang, rel), page in book.pages.items() if lang == "en" and page.is_translation and rel != "index.md")
    original = root / "docs" / "ja" / rel
    original.write_text(original.read_text(encoding="utf-8") + "\n追記した段落。\n", encoding="utf-8")
    commit(root, "a paragraph more")
    text = summary(root, tmp_path, preview="https://example.org/run/1/artifacts/2")
    assert text.startswith(pr_summary.MARKER)
    title = book.pages["ja", rel].title
    row = next(line for line in text.splitlines() if line.startswith(f"| {title} |"))
    assert row.split(" | ")[1:] == [f"changed: `/{rel.removesuffix('.md')}/`", "not changed |"]
    assert f"Changed in one language only: `{rel}`." in text
    assert f"- docs/en/{rel}:" in text and "translation is older than its original" in text
    assert "No errors in the sources." in text
    assert "[Download the built site](https://example.org/run/1/artifacts/2)" in text


def test_a_change_outside_the_pages_and_an_error_in_one(tmp_path):
    root = repository(tmp_path)
    text = summary(root, tmp_path)
    assert "No page of the book changes." in text and "No translation falls behind." in text and "No site was built." in text
    page = root / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA claim [@no-such-entry].\n", encoding="utf-8")
    commit(root, "a citation")
    text = summary(root, tmp_path)
    assert "**1 error(s):**" in text
    assert "docs/en/index.md:" in text and "[@no-such-entry] names no entry" in text
