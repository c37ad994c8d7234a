"""Which pages are read side by side, and where: `parallel/part-1/1-1/` with the Japanese interface, and
`en/parallel/part-1/1-1/` with the English one, each a page of the site with the theme's header, navigation,
search box and footer around the paired text."""

from __future__ import annotations

from book.site import languages
from book.site.strings import STRINGS
from book.sources import frontmatter

FOLDER = "parallel"
# The front page (the book's cover, not its text) and the site's own bookkeeping are read in one language.
SKIPPED = ("index.md", "translation-status.md")
VIEW_KEY = "book.view"  # where the reader's choice of view is kept (localStorage); book.js sets it


def paired(pages: list[str]) -> list[str]:
    """The pages (paths in a language folder) that have a side-by-side version."""
    return [page for page in pages if page not in SKIPPED]


def source_uri(page: str, lang: str) -> str:
    """The side-by-side page's path among the build's files, in the interface language's folder."""
    return f"{lang}/{FOLDER}/{page}"


def page_of(path: str) -> str | None:
    """The page a side-by-side page shows, from its path in a language folder (None for any other page)."""
    return path.removeprefix(f"{FOLDER}/") if path.startswith(f"{FOLDER}/") else None


def url(page: str, lang: str, default: str, use_directory_urls: bool) -> str:
    """Site-relative URL of the side-by-side page of `page` with the interface in `lang`."""
    return languages.page_url(f"{FOLDER}/{page}", lang, default, use_directory_urls)


def dest(page: str, lang: str, default: str, use_directory_urls: bool) -> str:
    """Where the build writes it, under the site folder."""
    where = url(page, lang, default, use_directory_urls)
    return where + "index.html" if where.endswith("/") else where


def stub(title: str, description: str | None, lang: str) -> str:
    """The Markdown the theme builds the page from: its title and settings (the build puts the paired text in);
    search leaves it out, since both languages' pages are indexed already, and its table of contents gives way to
    the second column."""
    matter = {"title": STRINGS[lang]["parallel_title"].format(title=title), "search": {"exclude": True}, "hide": ["toc"]}
    if description:
        matter["description"] = description
    return frontmatter.written(matter)


def link(
    page: str, lang: str, here: str, paired: frozenset[str], reading_order: list[str], default: str, use_directory_urls: bool
) -> dict | None:
    """For the page `page` of `lang` at `here`: where its side-by-side version is (the cover and the site's own
    pages lead to the first page that has one, in reading order; a page whose translation has yet to catch up with
    its original has none for now), and the way back from it to the interface language's own page."""
    first = next((p for p in reading_order if p in paired), None)
    target = page if page in paired else first if page in SKIPPED else None
    if target is None:
        return None
    href = languages.relative_url(url(target, lang, default, use_directory_urls), here)
    single = languages.relative_url(languages.page_url(page, lang, default, use_directory_urls), here)
    return {"href": href, "current": False, "single": single}
