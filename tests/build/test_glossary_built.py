"""Glossary terms in the built book: each explained once per page, where the page first uses it."""

from __future__ import annotations

import pytest

from book import glossary
from conftest import ROOT


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
