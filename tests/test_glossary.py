"""Glossary terms: defined once on the glossary page, explained where a page first uses them."""

from __future__ import annotations

import pytest

from book.errors import BookError
from book.site import glossary
from conftest import ROOT

GLOSSARY = """# Glossary {#glossary}

## Parameters {#parameters data-match="parameters|parameter"}

The numbers a network learns, counted in [billions](x.md).

More detail that is not part of the tooltip.

## API {#api}

An interface for programs.
"""
TERMS = glossary.parse_glossary(GLOSSARY, "docs/en/glossary.md")


def test_parse_reads_ids_forms_and_first_paragraph():
    assert [(t.id, t.forms, t.definition) for t in TERMS] == [
        ("parameters", ("parameters", "parameter"), "The numbers a network learns, counted in billions."),
        ("api", ("API",), "An interface for programs."),
    ]


def test_a_term_without_definition_is_named():
    with pytest.raises(BookError) as error:
        glossary.parse_glossary("## API {#api}\n\n## SLA {#sla}\n\nx\n", "docs/en/glossary.md")
    assert str(error.value) == (
        "docs/en/glossary.md:1: glossary term 'API' has no definition — "
        "write a one- or two-sentence paragraph right under the heading"
    )


def test_only_the_first_use_in_running_text_is_explained():
    html = (
        "<h2>Parameters</h2><p>Its <code>API</code> has parameters.</p>"
        "<table><tr><td>API</td></tr></table><p>More parameters and an API, APIs.</p>"
    )
    out = glossary.annotate_first_uses(html, TERMS, "../glossary/")
    assert out.count('class="book-term"') == 2
    assert "<h2>Parameters</h2>" in out and "<code>API</code>" in out and "<td>API</td>" in out
    assert (
        'has <span class="book-term"><a href="../glossary/#parameters" aria-describedby="term-parameters">parameters</a>' in out
    )
    assert 'and an <span class="book-term"><a href="../glossary/#api"' in out and "APIs." in out
    assert 'role="tooltip" id="term-api" data-search-exclude>An interface for programs.</span>' in out


def test_latin_terms_match_whole_words_only_but_japanese_inside_text():
    out = glossary.annotate_first_uses("<p>RAPID and プロプライエタリAPIの話</p>", TERMS, "g/")
    assert out.count('book-term"') == 1 and "RAPID" in out and 'href="g/#api"' in out


def test_text_in_the_definition_is_escaped():
    terms = glossary.parse_glossary("## X {#x}\n\nA <b> & c.\n", "g.md")
    assert "A &lt;b&gt; &amp; c." in glossary.annotate_first_uses("<p>X</p>", terms, "g/")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_built_chapter_explains_each_term_once(site, lang):
    prefix = "" if lang == "ja" else "en/"
    terms = glossary.load(ROOT / "docs" / lang / "glossary.md")
    seen: dict[str, int] = {}
    for page in sorted((site / prefix / "part-1").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        for term in terms:
            count = html.count(f'aria-describedby="term-{term.id}"')
            assert count <= 1, f"{page}: {term.id} explained {count} times"
            seen[term.id] = seen.get(term.id, 0) + count
    assert {"open-weight", "parameters", "active-parameters", "mixture-of-experts", "scaling-laws", "sla"} <= {
        k for k, v in seen.items() if v
    }


@pytest.mark.browser
def test_definition_shows_on_hover_and_on_keyboard_focus(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "part-1/1-4/")
    term = page.locator(".book-term > a").first
    tip = page.locator(".book-term__tip").first
    assert not tip.is_visible()
    term.hover()
    assert tip.is_visible()
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible() and term.get_attribute("aria-describedby") == tip.get_attribute("id")
    page.close()
