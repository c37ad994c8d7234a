"""The book's Markdown extensions, case by case: Markdown in (golden/markdown/<case>.md), HTML out (<case>.html),
run as any Python-Markdown builder runs them, with the small book's tables, references and terms.

Each case's first line says its page: `<!-- golden: lang=ja page=part-1/1-2.md -->`, and optionally
`interactive=false tooltips=false` (the print and e-book settings). After an intended change, regenerate the
expected HTML with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_markdown_golden.py`, read the
diff, and commit it.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from book import contents
from conftest import FIXTURE
from convert import convert

CASES = Path(__file__).parent / "golden" / "markdown"
SETTINGS = re.compile(r"^<!-- golden: (?P<settings>[^>]*) -->\n")


def run_case(source: str) -> str:
    settings = dict(pair.split("=", 1) for pair in SETTINGS.match(source)["settings"].split())
    lang, page = settings["lang"], settings["page"]
    book = contents.read(FIXTURE / "docs", ["ja", "en"])[lang]
    options = {
        "charts": {"interactive": settings.get("interactive", "true") == "true"},
        "glossary": {"tooltips": settings.get("tooltips", "true") == "true"},
    }
    return convert(SETTINGS.sub("", source, count=1), lang=lang, page=page, contents=book, **options) + "\n"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")))
def test_markdown_in_html_out(case):
    made = run_case((CASES / f"{case}.md").read_text(encoding="utf-8"))
    expected = CASES / f"{case}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(made, encoding="utf-8")
    want = expected.read_text(encoding="utf-8") if expected.is_file() else ""
    diff = "\n".join(difflib.unified_diff(want.splitlines(), made.splitlines(), f"{case}.html", "made", lineterm=""))
    assert made == want, f"{case}: the HTML differs from the golden file (UPDATE_GOLDEN=1 rewrites it):\n{diff}"


def test_every_case_has_its_expected_html():
    assert {p.stem for p in CASES.glob("*.md")} == {p.stem for p in CASES.glob("*.html")}
