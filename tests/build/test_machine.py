"""The book for machine readers: a Markdown twin beside every page, made from its source with the book's syntax
resolved, pointed to from the page's head; llms.txt in the llmstxt.org format and llms-full.txt at each language's
root, in the online site and the offline edition."""

from __future__ import annotations

import re

import pytest
import yaml

from book import project
from book.checks import parity
from book.parallel import pages as parallel_pages
from book.references.pages import nav_pages
from book.site import languages
from book.site.strings import STRINGS
from book.sources import frontmatter
from conftest import ROOT, copy_book, mkdocs_build

DOCS = ROOT / "docs"
LANGS = project.languages()
DEFAULT = LANGS[0]
PAGES = parity.pages(DOCS, DEFAULT)
SITE_URL = project.config()["site_url"]
BOOK_SYNTAX = ("[[tbl:", "[[fig:", "[@", "{#", "<!-- chart", "<!-- references", "<!-- cite-this", "Table: ")


def twin_of(root, page: str, lang: str, directory_urls: bool = True):
    url = languages.page_url(page, lang, DEFAULT, directory_urls)
    html = root / (url + "index.html" if url.endswith("/") or not url else url)
    return html, html.with_suffix(".md")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_its_twin_beside_it_and_points_to_it(site, lang):
    for page in PAGES:
        html, twin = twin_of(site, page, lang)
        assert twin.is_file(), page
        assert f'<link rel="alternate " type="text/markdown" href="{twin.name}" title="Markdown">' in html.read_text(
            encoding="utf-8"
        )
        matter = frontmatter.read(twin.read_text(encoding="utf-8"), str(twin))
        source = frontmatter.read((DOCS / lang / page).read_text(encoding="utf-8"), page)
        assert matter.scalar("title") == source.scalar("title"), page
        assert matter.scalar("url") == SITE_URL + languages.page_url(page, lang, DEFAULT, True)
        assert matter.scalar("attribution") == STRINGS[lang]["attribution"] and "CC BY 4.0" in matter.scalar("license")


@pytest.mark.parametrize("lang", LANGS)
def test_twins_resolve_the_books_syntax(site, lang):
    for page in PAGES:
        body = frontmatter.read(twin_of(site, page, lang)[1].read_text(encoding="utf-8"), page).body
        code = re.sub(r"```.*?```", "", body, flags=re.S)
        assert not [s for s in BOOK_SYNTAX if s in code], page
        assert not re.search(r"\]\((?![a-z]+:)[^)]*\.md", code), page  # links to pages are their URLs
    twin = twin_of(site, "part-1/1-1.md", lang)[1].read_text(encoding="utf-8")
    table, figure = {"ja": ("**表1-1**", "**図1-1**"), "en": ("**Table 1-1**", "**Figure 1-1**")}[lang]
    assert table in twin and figure in twin
    assert re.search(r"\[\[\d+\]\]\(" + re.escape(SITE_URL) + r"(en/)?references/#ref-raschka-spring\)", twin)


def test_twins_are_made_from_the_sources_at_each_build(tmp_path):
    """An edit to a page's source is in its twin and in llms-full.txt after the next build: nothing is kept by hand."""
    book = copy_book(tmp_path / "book")
    page = book / "docs" / "en" / "part-1" / "1-2.md"
    ja = book / "docs" / "ja" / "part-1" / "1-2.md"
    for path, words in ((page, "A sentence written for this test."), (ja, "この試験のために書いた一文。")):
        path.write_text(path.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
    result = mkdocs_build(book / "site", book / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "A sentence written for this test." in (book / "site" / "en" / "part-1" / "1-2" / "index.md").read_text(
        encoding="utf-8"
    )
    assert "この試験のために書いた一文。" in (book / "site" / "llms-full.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_llms_txt_lists_every_page_by_part(site, lang):
    root = site / languages.language_root(lang, DEFAULT)
    text = (root / "llms.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# The Edge of Intelligence" and lines[2].startswith("> ")
    sections = [line[3:] for line in lines if line.startswith("## ")]
    assert sections[-1] == "Optional" and len(sections) >= 6
    links = re.findall(r"^- \[([^\]]+)\]\(([^)]+)\)", text, re.M)
    assert len(links) == len(nav_pages(project.config()["nav"]))
    for _, url in links:
        assert url.startswith(SITE_URL) and (site / url[len(SITE_URL) :]).is_file(), url
    assert f"({SITE_URL}{languages.language_root(lang, DEFAULT)}llms-full.txt)" in text


@pytest.mark.parametrize("lang", LANGS)
def test_llms_full_txt_holds_the_whole_book_in_reading_order(site, lang):
    root = site / languages.language_root(lang, DEFAULT)
    full = (root / "llms-full.txt").read_text(encoding="utf-8")
    places = []
    for page in nav_pages(project.config()["nav"]):
        url = SITE_URL + languages.page_url(page, lang, DEFAULT, True)
        assert f"URL: {url}\n" in full, page
        places.append(full.index(f"URL: {url}\n"))
        body = frontmatter.read(twin_of(site, page, lang)[1].read_text(encoding="utf-8"), page).body
        assert body.split("\n", 2)[2].strip()[:200] in full, page
    assert places == sorted(places)


def test_the_offline_edition_has_twins_beside_its_pages_and_llms_txt(unzipped):
    for lang in LANGS:
        for page in PAGES:
            html, twin = twin_of(unzipped, page, lang, directory_urls=False)
            assert twin.is_file(), page
            assert f'type="text/markdown" href="{twin.name}"' in html.read_text(encoding="utf-8")
        root = unzipped / languages.language_root(lang, DEFAULT)
        assert (root / "llms.txt").is_file() and (root / "llms-full.txt").is_file()
        assert (root / "data" / "datapackage.json").is_file()


def test_side_by_side_pages_have_no_twin(site):
    html = site / parallel_pages.dest("part-1/1-1.md", "ja", DEFAULT, True)
    assert not html.with_suffix(".md").exists() and "text/markdown" not in html.read_text(encoding="utf-8")


def test_twin_front_matter_is_yaml(site):
    twin = twin_of(site, "about.md", "ja")[1].read_text(encoding="utf-8")
    matter = yaml.safe_load(twin.split("---\n")[1])
    assert set(matter) == {"title", "description", "url", "lang", "license", "attribution"}
