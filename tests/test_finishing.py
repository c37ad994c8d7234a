"""Each page's last work, done in another process: what it does to a written page, when, and what it reports."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from book.charts import render
from book.errors import BookErrors
from book.site import finishing

GLOSSARY = "# Glossary {#glossary}\n\n## API {#api}\n\nAn interface for programs.\n"
CONFIG = '<script id="__config" type="application/json">{"base": ".", "search": "assets/javascripts/workers/search.0123abcd.min.js"}</script>'


def page_html(content: str, head: str = '<meta charset="utf-8">') -> str:
    """A written page: the theme's navigation (which names the term too) around the page's marked content."""
    return (
        f"<html>\n  <head>\n    {head}\n  </head>\n  <body>\n"
        '    <nav class="md-nav"><a href="api/">API</a></nav>\n'
        f"    <article>{finishing.mark_content(content)}</article>\n    {CONFIG}\n  </body>\n</html>\n"
    )


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "glossary.md"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def finished(tmp_path, glossary_file, pages: dict[str, str], drawn=None, charts=None) -> dict[str, str]:
    """`pages` (name → HTML) written and finished as a build hands them over; each page's HTML afterwards."""
    finisher = finishing.Finisher(False, lambda: drawn or {}, tmp_path / "figures")
    for name, html in pages.items():
        path = tmp_path / name
        finisher.page(finishing.Page(str(path), "../", str(glossary_file), "../glossary/", charts or {}))
        path.write_text(html, encoding="utf-8")  # MkDocs writes each page after the event that hands it over
    finisher.close()
    return {name: (tmp_path / name).read_text(encoding="utf-8") for name in pages}


def test_a_finished_page_has_its_glossary_link_in_its_content_only_and_the_theme_repairs(tmp_path, glossary_file):
    out = finished(
        tmp_path, glossary_file, {"a.html": page_html("<p>The API is small.</p><table><tr><td>350 tok/sec</td></tr></table>")}
    )
    html = out["a.html"]
    assert '<nav class="md-nav"><a href="api/">API</a></nav>' in html  # the theme's text is not the book's
    assert '<p>The <span class="book-term"><a href="../glossary/#api" aria-describedby="term-api">API</a>' in html
    assert '<span class="book-nowrap">350 tok/sec</span>' in html and '<table tabindex="0">' in html
    assert finishing.CONTENT_START not in html and finishing.CONTENT_END not in html
    assert "\n<nav" in html and "    <nav" not in html  # compacted
    assert '"base": "../"' in html and "assets/javascripts/search-worker.js" in html
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")


def test_every_page_is_finished_the_last_one_when_the_build_closes(tmp_path, glossary_file):
    pages = {f"{n}.html": page_html(f"<p>Page {n} and its API.</p>") for n in range(5)}
    out = finished(tmp_path, glossary_file, pages)
    assert all('class="book-term"' in html and "Content-Security-Policy" in html for html in out.values())


def test_a_page_is_read_only_after_the_next_one_is_handed_over(tmp_path, glossary_file):
    """MkDocs writes a page after on_post_page: the finisher must not read it before the next event."""
    finisher = finishing.Finisher(True, dict, tmp_path)
    first = tmp_path / "first.html"
    finisher.page(finishing.Page(str(first), "./", str(glossary_file), "glossary/"))
    time.sleep(0.2)  # were it read now, the page would be missing
    first.write_text(page_html("<p>An API.</p>"), encoding="utf-8")
    finisher.close()
    assert 'class="book-term"' in first.read_text(encoding="utf-8")


def test_each_plot_goes_where_its_stand_in_was(tmp_path, glossary_file):
    html = page_html(f"<figure><figcaption>Cost</figcaption>{render.stand_in('0' * 20)}</figure>")
    out = finished(tmp_path, glossary_file, {"c.html": html}, drawn={"0" * 20: "<svg>drawn</svg>"}, charts={"0" * 20: None})
    assert "<figcaption>Cost</figcaption><svg>drawn</svg></figure>" in out["c.html"]


def test_a_page_that_cannot_be_finished_is_named_and_one_problem_is_reported_once(tmp_path, glossary_file):
    broken = page_html("<p>No charset.</p>", head="<title>x</title>")
    with pytest.raises(BookErrors) as raised:
        finished(tmp_path, glossary_file, {"x.html": broken, "y.html": broken, "ok.html": page_html("<p>Fine.</p>")})
    assert len(raised.value.errors) == 1
    assert str(raised.value).startswith(f"{tmp_path / 'x.html'}: unexpected ValueError")
    assert "Content-Security-Policy" in (tmp_path / "ok.html").read_text(encoding="utf-8")


def test_plots_that_cannot_be_drawn_are_reported_and_the_pages_still_finished(tmp_path, glossary_file):
    def fail():
        raise RuntimeError("plotly is missing")

    finisher = finishing.Finisher(False, fail, tmp_path)
    page = tmp_path / "p.html"
    finisher.page(finishing.Page(str(page), "./", str(glossary_file), "glossary/"))
    page.write_text(page_html("<p>An API.</p>"), encoding="utf-8")
    with pytest.raises(BookErrors, match="^the book's plots: unexpected RuntimeError while drawing them \\(plotly is missing\\)"):
        finisher.close()
    assert 'class="book-term"' in page.read_text(encoding="utf-8")


def test_a_bad_glossary_is_reported_with_its_path_and_line(tmp_path):
    bad = tmp_path / "glossary.md"
    bad.write_text("## API {#api}\n\n## SLA {#sla}\n\nx\n", encoding="utf-8")
    with pytest.raises(BookErrors, match=rf"^{bad}:1: glossary term 'API' has no definition"):
        finished(tmp_path, bad, {"a.html": page_html("<p>An API.</p>")})


def test_a_build_that_stops_early_leaves_no_process_behind(tmp_path, glossary_file):
    before = children()
    finisher = finishing.Finisher(False, dict, tmp_path)
    assert len(children() - before) == 1
    finisher.page(finishing.Page(str(tmp_path / "never.html"), "./", str(glossary_file), "glossary/"))
    del finisher  # the build failed before closing it: the child sees its pipe close, ends, and is reaped
    assert children() == before


def children() -> set[int]:
    """This process's child processes, zombies included."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while listed
            continue
        if int(fields[1]) == os.getpid():
            found.add(int(stat.parent.name))
    return found
