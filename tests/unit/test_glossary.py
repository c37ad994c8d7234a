"""Glossary terms: defined once on the glossary page, explained where a page first uses them."""

from __future__ import annotations

import pytest

from book import glossary
from book.contents import Contents
from book.errors import BookError
from convert import convert

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


def explained(text: str, page: str = "part-1/1-1.md", tooltips: bool = True, terms=TERMS) -> str:
    """The page as the glossary extension makes it (HTML)."""
    return convert(text, page=page, contents=Contents("en", terms=tuple(terms)), glossary={"tooltips": tooltips})


def test_only_the_first_use_in_running_text_is_explained():
    text = "## Parameters {#p}\n\nIts `API` has parameters.\n\n| API |\n| --- |\n| API |\n\nMore parameters and an API, APIs.\n"
    out = explained(text)
    assert out.count('class="book-term"') == 2
    assert ">Parameters</h2>" in out and "<code>API</code>" in out and "<td>API</td>" in out
    assert (
        'has <span class="book-term"><a aria-describedby="term-parameters" href="../glossary.md#parameters">parameters</a>' in out
    )
    assert 'and an <span class="book-term"><a aria-describedby="term-api" href="../glossary.md#api"' in out and "APIs." in out
    assert 'data-search-exclude id="term-api" role="tooltip">An interface for programs.</span>' in out


def test_latin_terms_match_whole_words_only_but_japanese_inside_text():
    out = explained("RAPID and プロプライエタリAPIの話")
    assert out.count('book-term"') == 1 and "RAPID" in out and 'href="../glossary.md#api"' in out


def test_text_in_the_definition_is_escaped():
    terms = glossary.parse_glossary("## X {#x}\n\nA <b> & c.\n", "g.md")
    assert "A &lt;b&gt; &amp; c." in explained("X marks it.", terms=terms)


def test_the_glossary_and_the_references_explain_nothing():
    assert "book-term" not in explained("An API.", page="glossary.md") + explained("An API.", page="references.md")


def test_print_and_e_books_get_a_plain_link():
    assert explained("An API.", tooltips=False) == '<p>An <a class="book-term" href="../glossary.md#api">API</a>.</p>'
