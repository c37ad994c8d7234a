"""What the front door (overrides/home.html) and the place kept (assets/javascripts/place.js) know of a page.

The front door lists the book from its outline (book.outline: the nav, and each page's own title, one line and
reading time), so nothing it shows is written twice. The place kept needs to know which pages are read through
(the Parts and the chapters after them), and under which name the reader's browser keeps the place.
"""

from __future__ import annotations

import functools

from book import outline as book_outline
from book import project
from book.site import languages
from book.site.strings import STRINGS
from book.sources import reading

STORE = f"{project.NAME}:place:"  # localStorage key of each language's place; file:// pages all share one origin


def minutes_text(minutes: float, lang: str) -> str:
    """約5分 / 5 min: whole minutes, never less than one."""
    return STRINGS[lang]["minutes"].format(n=max(1, int(minutes + 0.5)))


class FrontDoor:
    """`book.front` in a page's template: the outline as links from the page (worked out only when a template asks)."""

    def __init__(self, outline: book_outline.Outline, lang: str, page_url: str, default: str, use_directory_urls: bool):
        self.outline, self.lang, self.page_url = outline, lang, page_url
        self.default, self.use_directory_urls = default, use_directory_urls

    @functools.cached_property
    def start(self) -> dict | None:
        start = self.outline.start
        return start and self._entry(start)

    @functools.cached_property
    def parts(self) -> list[dict]:
        return [
            {
                "id": f"contents-{part.opening.key if part.opening else number}",
                "name": part.name,
                "opening": part.opening and self._entry(part.opening),
                "sections": [self._entry(section) for section in part.sections],
                "time": minutes_text(part.minutes, self.lang),
            }
            for number, part in enumerate(self.outline.parts, start=1)
        ]

    @functools.cached_property
    def closing(self) -> list[dict]:
        return [self._entry(entry) for entry in self.outline.closing]

    @functools.cached_property
    def apparatus(self) -> list[dict]:
        return [self._entry(entry) for entry in self.outline.apparatus]

    @property
    def minutes_note(self) -> str:
        return STRINGS[self.lang]["minutes_note"].format(rate=reading.RATES.get(self.lang, reading.RATES["en"])[0])

    def _entry(self, entry: book_outline.Entry) -> dict:
        url = languages.page_url(entry.rel, self.lang, self.default, self.use_directory_urls)
        return {
            "href": languages.relative_url(url, self.page_url),
            "title": entry.title,
            "description": entry.description,
            "time": minutes_text(entry.minutes, self.lang),
            "lang": entry.lang,
        }


def page_context(
    outline: book_outline.Outline | None, lang: str, rel: str, page_url: str, default: str, use_directory_urls: bool
) -> dict:
    """`book.front` (the front door's lists) and `book.place` (how place.js keeps this page's place)."""
    outline = outline or book_outline.Outline(lang)
    return {
        "front": FrontDoor(outline, lang, page_url, default, use_directory_urls),
        "place": {"store": STORE + lang, "keep": any(entry.rel == rel for entry in outline.reading)},
    }
