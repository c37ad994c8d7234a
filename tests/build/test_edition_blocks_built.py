"""The site shows a page's `<!-- site -->` blocks and none of its `<!-- book -->` blocks (the books' own wording)."""

from __future__ import annotations

import html
import re

from book import project
from book.sources import frontmatter
from conftest import ROOT


def blocks(text: str, edition: str) -> list[str]:
    """The first line of text of each block of `edition` in a page, as plain words."""
    found = re.findall(rf"^<!-- {edition} -->\n(.*?)\n", text, re.M)
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)|[*_`]", r"\1", line) for line in found if not line.startswith("#")]


def test_the_site_shows_its_own_blocks_only(site):
    checked = 0
    for lang in project.languages():
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            body = frontmatter.read(path.read_text(encoding="utf-8"), str(path)).body
            if "<!-- site -->" not in body and "<!-- book -->" not in body:
                continue
            rel = path.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            folder = rel.removesuffix("index") if rel.endswith("index") else rel + "/"
            prefix = "" if lang == project.default_language() else f"{lang}/"
            page = html.unescape(re.sub(r"<[^>]+>", "", (site / prefix / folder / "index.html").read_text(encoding="utf-8")))
            for words in blocks(body, "site"):
                assert words in page, f"{path}: the site's block '{words}' is missing"
            for words in blocks(body, "book"):
                assert words not in page, f"{path}: the books' block '{words}' is on the site"
            checked += 1
    assert checked, "some page has blocks for one edition"
