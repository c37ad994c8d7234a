"""Side-by-side pages as built: every paired page in both interfaces, each row the same blocks in both languages,
left out of search, the sitemap and search engines' indexes, and reached from every page; a page whose languages
stop pairing stops every build path with the page and the line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from book import project
from book.checks import parity
from book.parallel import pages as parallel_pages
from book.parallel import pairs
from book.site import languages
from conftest import ROOT, build_env, copy_book

DOCS = ROOT / "docs"
LANGS = project.languages()
DEFAULT = LANGS[0]
PAIRED = parallel_pages.paired(parity.pages(DOCS, DEFAULT))
ROW = re.compile(
    r'<div class="book-pair book-pair--(?P<kind>[a-z]+)">(?P<sides>(?:<div class="book-pair__side" lang="[a-z]+">)?)'
)
SIDE = re.compile(r'<div class="book-pair__side" lang="([a-z]+)">')


def parallel_file(site, page: str, lang: str):
    return site / parallel_pages.dest(page, lang, DEFAULT, True)


def test_every_paired_page_has_a_side_by_side_page_in_each_interface(site):
    assert PAIRED and "index.md" not in PAIRED and "part-1/1-1.md" in PAIRED
    for lang in LANGS:
        for page in PAIRED:
            html = parallel_file(site, page, lang).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, page


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_pairs_the_same_block_in_both_languages(site, lang):
    for page in PAIRED:
        html = parallel_file(site, page, lang).read_text(encoding="utf-8")
        rows = re.findall(r'<div class="book-pair book-pair--([a-z]+)">', html)
        expected = [unit.kind for unit in pairs.units((DOCS / DEFAULT / page).read_text(encoding="utf-8"), page)]
        notes = ["footnotes"] if "[^" in (DOCS / DEFAULT / page).read_text(encoding="utf-8") else []
        assert rows == ["head", *expected, *notes], page
        body = html.split('<div class="book-parallel">', 1)[1]
        assert SIDE.findall(body) == LANGS * len(rows), page  # Japanese then English in every row


def test_ids_are_written_once_and_the_interfaces_own_stay_as_on_its_page(site):
    for lang in LANGS:
        for page in PAIRED:
            html = parallel_file(site, page, lang).read_text(encoding="utf-8")
            ids = Counter(re.findall(r'\bid="([^"]+)"', html))
            assert [i for i, n in ids.items() if n > 1] == [], page
            own = (site / languages.page_url(page, lang, DEFAULT, True) / "index.html").read_text(encoding="utf-8")
            for heading in re.findall(r'<h[1-6] id="([^"]+)"', own):
                assert f'id="{heading}"' in html, (page, heading)  # a section's anchor works as on its own page
                other = next(o for o in LANGS if o != lang)
                assert f'id="{other}-{heading}"' in html, (page, heading)


def test_side_by_side_pages_are_not_indexed(site):
    for lang in LANGS:
        for page in PAIRED:
            html = parallel_file(site, page, lang).read_text(encoding="utf-8")
            assert '<meta name="robots" content="noindex">' in html, page
            assert 'rel="canonical"' not in html, page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{parallel_pages.FOLDER}/" not in sitemap
    for lang in LANGS:
        root = languages.language_root(lang, DEFAULT)
        docs = json.loads((site / root / "search" / "search_docs.json").read_text(encoding="utf-8"))
        assert docs and not [d["location"] for d in docs if d["location"].startswith(parallel_pages.FOLDER)]


def test_every_page_and_the_language_switch_lead_to_the_side_by_side_page(site):
    for lang in LANGS:
        for page in parity.pages(DOCS, DEFAULT):
            url = languages.page_url(page, lang, DEFAULT, True)
            html = (site / url / "index.html").read_text(encoding="utf-8")
            target = page if page in PAIRED else "part-1/index.md"  # a page without one leads to the first
            href = languages.relative_url(parallel_pages.url(target, lang, DEFAULT, True), url)
            link = f'<a href="{href}" class="book-view" data-book-view="parallel" data-book-switch>'
            assert link in html, page
            assert f'<a href="{href}" class="md-select__link" data-book-switch data-book-view="parallel">' in html, page
            redirect = f'<script data-parallel="{href}">'  # the reader's remembered choice
            assert redirect in html, page


def test_a_side_by_side_page_leads_back_to_its_languages_and_on_through_the_book(site):
    html = parallel_file(site, "part-1/1-2.md", "en").read_text(encoding="utf-8")
    assert (
        '<a href="../../../part-1/1-2/" class="book-view" data-book-view="single" data-book-switch>Read in English only</a>'
        in html
    )
    assert '<a href="../../../../part-1/1-2/" hreflang="ja"' in html and '<a href="../../../part-1/1-2/" hreflang="en"' in html
    assert re.search(
        r'<a href="\./" class="md-select__link" data-book-switch data-book-view="parallel" aria-current="page">', html
    )
    assert '<a href="../1-1/" class="md-footer__link md-footer__link--prev"' in html  # the previous section, side by side
    assert '<a href="../1-3/" class="md-footer__link md-footer__link--next"' in html


def test_the_side_by_side_pages_of_the_offline_edition(unzipped):
    for lang in LANGS:
        for page in PAIRED:
            assert (unzipped / parallel_pages.dest(page, lang, DEFAULT, False)).is_file(), page


# A page whose languages stop pairing stops every build path.


@pytest.fixture(scope="module")
def unpaired_book(tmp_path_factory):
    """The small book with a paragraph in the English 1-1 only."""
    root = copy_book(tmp_path_factory.mktemp("unpaired"))
    page = root / "docs" / "en" / "part-1" / "1-1.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("# ")) + 1
    lines[at:at] = ["", "A paragraph the Japanese page does not have."]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, f"docs/en/part-1/1-1.md:{at + 2}: a paragraph here has no counterpart in docs/ja/part-1/1-1.md"


PATHS = {
    "mkdocs build": lambda book, out: [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out / "site")],
    "make build": lambda book, out: [
        sys.executable,
        "-m",
        "book.commands.build",
        "--site-dir",
        str(out / "site"),
        "--zip",
        str(out / "book.zip"),
        "--config",
        str(book / "mkdocs.yml"),
    ],
    "make offline": lambda book, out: [
        sys.executable,
        "-m",
        "book.commands.offline",
        "--zip",
        str(out / "book.zip"),
        "--config",
        str(book / "mkdocs.yml"),
    ],
    "make check": lambda book, out: [sys.executable, "-m", "book.commands.check", "--root", str(book)],
    "make editions": lambda book, out: [
        sys.executable,
        "-m",
        "book.commands.editions",
        "--root",
        str(book),
        "--out",
        str(out / "editions"),
    ],
}


@pytest.mark.parametrize("path", PATHS)
def test_every_build_path_names_the_page_and_line_where_pairing_fails(unpaired_book, tmp_path, path):
    book, expected = unpaired_book
    run = subprocess.run(PATHS[path](book, tmp_path), capture_output=True, text=True, env=build_env(), cwd=book, timeout=300)
    output = run.stdout + run.stderr
    assert run.returncode != 0 and expected in output, output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists() and not (tmp_path / "book.zip").exists()


def test_a_translation_behind_its_original_is_read_in_one_language_until_it_catches_up(tmp_path):
    """A paragraph added to the original makes its translation stale, not the build broken: the page loses its
    side-by-side version (and its link to one) until the translation catches up, and the check warns of it."""
    from book.checks import sources

    book = copy_book(tmp_path / "book")
    page = book / "docs" / "ja" / "part-1" / "1-1.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("# ")) + 1
    lines[at:at] = ["", "原文に加えた段落。"]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors, warnings = sources.problems(book, LANGS, citation_file=ROOT / "CITATION.cff")
    assert errors == []
    assert any(
        str(w).startswith(f"docs/ja/part-1/1-1.md:{at + 2}: a paragraph here has no counterpart")
        and "(the translation is older than its original)" in str(w)
        for w in warnings
    ), warnings
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        capture_output=True,
        text=True,
        env=build_env(),
        cwd=book,
    )
    assert result.returncode == 0, result.stderr
    assert not (site / "parallel" / "part-1" / "1-1").exists() and (site / "parallel" / "part-1" / "1-2" / "index.html").is_file()
    assert 'class="book-view"' not in (site / "en" / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
