"""Cite this book: CITATION.cff is valid Citation File Format 1.2.0, and each About page shows a citation and
BibTeX for this edition and the original work, made from it, in code blocks with a copy button."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from book import project
from book.errors import BookError
from book.references import cff
from conftest import ROOT

CFF = ROOT / cff.FILE
RAW = yaml.safe_load(CFF.read_text(encoding="utf-8"))
WORKS = {"edition": RAW["preferred-citation"], "original": RAW["references"][0]}


def test_citation_cff_is_valid_cff_1_2_0():
    cffconvert = Path(sys.executable).parent / "cffconvert"
    run = subprocess.run([str(cffconvert), "--validate", "-i", str(CFF)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert RAW["cff-version"] == "1.2.0"


def test_citation_cff_agrees_with_the_site_and_the_original():
    config = project.config()
    assert RAW["url"] == WORKS["edition"]["url"] == config["site_url"]
    assert RAW["repository-code"] == WORKS["edition"]["repository-code"] == config["repo_url"]
    assert WORKS["original"]["url"] == config["extra"]["original_url"]
    assert WORKS["original"]["license"] == WORKS["edition"]["license"] == "CC-BY-4.0"
    assert [a["family-names"] for a in WORKS["original"]["authors"]] == ["Yamauchi"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert WORKS["original"]["url"] in readme and "Satoshi Yamauchi" in readme


def about_blocks(site: Path, lang: str) -> list[str]:
    page = (site / ("" if lang == "ja" else f"{lang}/") / "about" / "index.html").read_text(encoding="utf-8")
    cite = page[page.index('<div class="book-cite-this">') :]
    blocks = re.findall(r"<pre[^>]*>(?:<span></span>)?<code>(.*?)</code></pre>", cite, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)).strip() for block in blocks]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_about_page_shows_both_citations_and_bibtex_from_citation_cff(site, lang):
    blocks = about_blocks(site, lang)
    assert len(blocks) == 4, "a citation and a BibTeX entry for each of the two works"
    for (text, bib), work in zip((blocks[:2], blocks[2:]), WORKS.values(), strict=True):
        title = " ".join(str(work["title"]).split())
        for block in (text, bib):  # what the file says, read here on its own, is what the page shows
            assert title in block and str(work["year"]) in block and work["url"] in block
            assert "CC BY 4.0" in block
        assert bib.startswith(("@book{", "@misc{")) and bib.rstrip().endswith("}")
        assert all(re.match(r"\s+\w+\s+= \{.*\},?$", line) for line in bib.splitlines()[1:-1]), bib
        names = [a.get("family-names") or a["name"] for a in work["authors"]]
        assert all(name in text and name in bib for name in names)
    edition, original = cff.load(CFF)
    assert blocks == [
        cff.citation(edition, lang, original),
        cff.bibtex(edition, original),
        cff.citation(original, lang),
        cff.bibtex(original),
    ]
    assert ("日英2か国語版" if lang == "ja" else WORKS["edition"]["edition"]) in blocks[0]
    assert "Yamauchi, Satoshi" in blocks[0], "the edition's citation names the work it adapts"


def test_the_about_pages_have_the_copy_button_feature(site):
    for lang in ("ja", "en"):
        page = (site / ("" if lang == "ja" else f"{lang}/") / "about" / "index.html").read_text(encoding="utf-8")
        assert "content.code.copy" in page[page.index('id="__config"') :]


def test_a_broken_citation_file_stops_with_its_line(tmp_path):
    bad = tmp_path / cff.FILE
    bad.write_text("cff-version: 1.2.0\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(BookError) as raised:
        cff.load(bad, "CITATION.cff")
    assert str(raised.value).startswith("CITATION.cff:") and "not valid YAML" in str(raised.value)
    bad.write_text("cff-version: 1.2.0\ntitle: T\n", encoding="utf-8")
    with pytest.raises(BookError, match="preferred-citation"):
        cff.load(bad)
    with pytest.raises(BookError, match="is missing"):
        cff.load(tmp_path / "nowhere.cff")


@pytest.mark.browser
def test_each_citation_block_has_a_copy_button(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    for lang in ("ja", "en"):
        tab.goto(site_url + ("" if lang == "ja" else "en/") + "about/")
        blocks = tab.locator(".book-cite-this pre")
        assert blocks.count() == 4
        for block in blocks.all():
            assert block.locator("button.md-code__button[data-md-type=copy]").count() == 1
            assert block.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "long lines wrap on a phone"
    context.close()
