"""`make new-section`: both languages' pages, the nav and the translation record in one step; the page asks for its
description until the contributor writes it, then builds."""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURE, ROOT, build_env, copy_book, mkdocs_build


def test_a_new_section_is_written_listed_and_recorded_then_asks_for_its_description(tmp_path):
    book = copy_book(tmp_path / "book")
    nav = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    with (book / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("nav:\n" + nav)  # as in a project's own mkdocs.yml, where make new-section adds the page
    command = [sys.executable, "-m", "book.commands.new_section", "--root", str(book), "--part", "1", "--after", "1-2"]
    command += ["--title-ja", "新しい節", "--title-en", "A new section"]
    run = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=ROOT)
    assert run.returncode == 0, run.stderr
    for lang, title in (("ja", "新しい節"), ("en", "A new section")):
        page = (book / "docs" / lang / "part-1" / "1-3.md").read_text(encoding="utf-8")
        assert f"title: 1-3. {title}\n" in page and f"# 1-3. {title} {{#s1-3}}" in page
    listed = [line.strip() for line in (book / "mkdocs.yml").read_text(encoding="utf-8").splitlines()]
    assert listed[listed.index("- part-1/1-2.md") + 1] == "- part-1/1-3.md"
    assert "from: ja" in (book / "docs" / "en" / "part-1" / "1-3.md").read_text(encoding="utf-8"), "recorded as translated"

    result = mkdocs_build(tmp_path / "site", book / "mkdocs.yml")
    assert result.returncode == 1
    for lang in ("ja", "en"):
        assert (
            f"docs/{lang}/part-1/1-3.md:3: the page has no description — write one sentence after description:" in result.stderr
        )

    for lang, sentence in (("ja", "新しい節の内容。"), ("en", "What the new section shows.")):
        page = book / "docs" / lang / "part-1" / "1-3.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("description:  #", f"description: {sentence}  #"), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", book / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "1-3. A new section" in (tmp_path / "site" / "en" / "part-1" / "1-2" / "index.html").read_text(encoding="utf-8")


def test_a_section_that_exists_or_a_missing_title_is_refused_with_the_fix(tmp_path):
    book = copy_book(tmp_path / "book")
    base = [sys.executable, "-m", "book.commands.new_section", "--root", str(book), "--part", "1"]
    run = subprocess.run(
        [*base, "--after", "1-1", "--title-ja", "x", "--title-en", "x"], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 1 and run.stderr.strip() == (
        "docs/ja/part-1/1-2.md: section 1-2 exists already — "
        "give AFTER= the last section of the Part, or renumber the sections after it by hand"
    )
    run = subprocess.run([*base, "--after", "1-2", "--title-ja", "x"], capture_output=True, text=True, cwd=ROOT)
    assert (
        run.returncode == 1
        and run.stderr.strip() == "TITLE: no title in en — give TITLE_JA=… and TITLE_EN=…, the title after the number"
    )
    assert not (book / "docs" / "ja" / "part-1" / "1-3.md").exists(), "nothing is written when the section cannot be made"
