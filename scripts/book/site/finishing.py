"""Each page's last work, done in another process while the build renders the next pages: the book's text gets its
glossary links and table labels, the theme's HTML its repairs, search settings and security policy, and each chart
its plot, which that process draws first.

Each of these reads the whole page, and every page carries the whole book's navigation: on a long book this is the
build's largest cost per page after the theme's own. A page is handed over once MkDocs has written it, and MkDocs
writes each page right after its on_post_page event: so each event hands over the page before it, and `close`
the last one.
"""

from __future__ import annotations

import functools
import os
import pickle
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from book import sidecar
from book.charts import later
from book.charts.spec import Chart
from book.errors import BookError, BookErrors
from book.numbering import render as numbered
from book.site import cell_numbers, csp, glossary, markup, search_index

# Around what a page's Markdown became (HTML comments, which search ignores): the text's own transforms stay inside.
CONTENT_START, CONTENT_END = "<!--book-content-->", "<!--/book-content-->"


@dataclass(frozen=True)
class Page:
    path: str  # where MkDocs wrote it
    search_base: str  # its language root, where that language's search index is, relative to the page
    glossary: str  # its language's glossary page (a Markdown file), and the link to that page from this one
    glossary_href: str
    charts: dict[str, tuple[Chart, str]] = field(default_factory=dict)  # its plots' stand-ins (book.charts.later)


def mark_content(content: str) -> str:
    """A page's content, marked to get its glossary links and table labels when the page is finished."""
    return CONTENT_START + content + CONTENT_END


def finish(
    html: str, offline: bool, search_base: str | None = None, terms: Sequence[glossary.Term] = (), glossary_href: str = ""
) -> str:
    """The page with its marked content's table labels, whole numbers and glossary links (`terms`, linked to
    `glossary_href`), compacted and tidied, searching its language's index from `search_base` if given, and online
    with its Content-Security-Policy, which hashes the final scripts."""
    start, end = html.find(CONTENT_START), html.rfind(CONTENT_END)
    if 0 <= start < end:
        content = html[start + len(CONTENT_START) : end]
        content = cell_numbers.keep_numbers_whole(numbered.label_tables(content))
        html = html[:start] + glossary.annotate_first_uses(content, list(terms), glossary_href) + html[end + len(CONTENT_END) :]
    html = markup.tidy(markup.compact(html))  # tidy scans a page a third smaller
    if search_base is not None:
        html = search_index.search_in_language(html, search_base)
    return html if offline else csp.add_policy(html)  # file:// pages have no origin for 'self' to match


class Finisher:
    """Finishes written pages in a child process; `close` waits for all of them and raises what went wrong."""

    def __init__(self, offline: bool, draw: Callable[[], dict[str, str]], cache_dir: Path):
        """`draw()` gives the book's plots by figure key (`render.plots_of_book`); `cache_dir` keeps any other
        figure plotly draws."""
        read, write = os.pipe()
        pages = functools.partial(_finish_pages, read, write, offline, draw, cache_dir)
        self._child = sidecar.Sidecar({"pages": pages}, niceness=10)  # the build waits for it only at its end
        os.close(read)
        self._pipe = os.fdopen(write, "wb")
        self._written_next: Page | None = None  # the page MkDocs writes after this event
        # The child reads until the pipe closes: a build that stops early must close it before the child is reaped.
        self._close_pipe = weakref.finalize(self, self._pipe.close)
        self._closed = False

    def page(self, page: Page) -> None:
        """A page MkDocs is about to write."""
        self._send(self._written_next)
        self._written_next = page

    def close(self) -> None:
        """Wait until every page is finished (once: the i18n plugin ends a build twice)."""
        if self._closed:
            return
        self._closed = True
        self._send(self._written_next)
        self._close_pipe()
        errors = self._child.result("pages")
        self._child.close()
        if errors:
            raise BookErrors(errors)

    def _send(self, page: Page | None) -> None:
        if page is not None:
            pickle.dump(page, self._pipe)
            self._pipe.flush()


def _finish_pages(read: int, write: int, offline: bool, draw: Callable[[], dict[str, str]], cache_dir: Path) -> list[BookError]:
    """In the child: draw the plots, then finish each page sent until the build closes the pipe; the errors, one
    per problem."""
    os.close(write)  # else the pipe never closes
    terms = functools.cache(lambda path: tuple(glossary.load(Path(path))))
    errors: dict[str, BookError] = {}
    try:
        drawn = draw()  # while the build renders Markdown: no page has been written yet
    except Exception as error:  # each page with a chart draws its own instead, and reports what fails
        drawn = {}
        errors[str(error)] = _unexpected("the book's plots", "drawing them", error)
    with os.fdopen(read, "rb") as pipe:
        while True:
            try:
                page = pickle.load(pipe)
            except EOFError:
                return list(errors.values())
            written = Path(page.path)
            try:
                finished = finish(
                    written.read_text(encoding="utf-8"), offline, page.search_base, terms(page.glossary), page.glossary_href
                )
                if page.charts:
                    finished = later.filled(finished, page.charts, drawn, cache_dir)
                written.write_text(finished, encoding="utf-8")
            except BookError as error:  # a bad glossary is the same error on every page: reported once
                errors.setdefault(str(error), error)
            except Exception as error:
                errors.setdefault(str(error), _unexpected(page.path, "finishing it", error))


def _unexpected(where: str, doing: str, error: Exception) -> BookError:
    return BookError(where, None, f"unexpected {type(error).__name__} while {doing} ({error})", "report it as a bug")
