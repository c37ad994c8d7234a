"""The book as chapters of HTML, made from the same Markdown, charts, citations and glossary as the site.

The PDF and the EPUB share these chapters: each chapter's ids carry its own prefix so the whole book can be
one document, and every link between pages becomes a link inside the book (`href_for` says how).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import markdown as python_markdown
from pymdownx.slugs import slugify

from book import contents as book_contents
from book import project
from book.contents import Contents
from book.editions import typography
from book.references import cff
from book.references import pages as reference_pages
from book.site import languages
from book.sources import editions, frontmatter, headings

BOOK_EXTENSIONS = "book.markdown."
CHARTS, GLOSSARY, EDITIONS = "book.markdown.charts", "book.markdown.glossary", "book.markdown.editions"
# Curly quotes and apostrophes for the English books, as characters (the EPUB's XHTML knows no named entities);
# dashes and ellipses are left as the text writes them.
SMARTY = {
    "smart_dashes": False,
    "smart_ellipses": False,
    "substitutions": {"left-single-quote": "‘", "right-single-quote": "’", "left-double-quote": "“", "right-double-quote": "”"},
}
# The site's own bookkeeping, not part of the book: its table lists the site's pages and their translation dates.
SITE_ONLY = {"translation-status.md"}
INTERNAL = "book:"  # how a link to another page is written until the edition decides its form
ID = re.compile(r'\bid="([^"]*)"')
HREF = re.compile(r'\bhref="([^"]*)"')
LABELLEDBY = re.compile(r'\baria-labelledby="([^"]*)"')


@dataclass(frozen=True)
class Chapter:
    rel: str  # the page's path in its language folder, e.g. part-1/1-1.md
    anchor: str  # its id in the book, and the prefix of every id inside it
    kind: str  # front, part, section or back: where it stands in the book
    part: str | None  # the short title of its Part (the nav's, in the book's language), for sections and Part openings
    title: str  # its first heading, or the title its front matter gives the books (book_title)
    html: str  # its body, ids prefixed, links left as `book:` links for the edition to resolve
    charts: int


# The charts' colours, which the PDF's and the EPUB's stylesheets share.
CHART_STYLES = Path(__file__).with_name("charts.css")


def stylesheet(own: Path) -> str:
    """An edition's stylesheet with the charts' colours after it."""
    return own.read_text(encoding="utf-8") + "\n" + CHART_STYLES.read_text(encoding="utf-8")


def anchor(rel: str) -> str:
    """part-1/1-1.md → p-part-1-1-1: a name that is both a valid XML id and a file name."""
    return "p-" + re.sub(r"[^A-Za-z0-9]+", "-", rel.removesuffix(".md")).strip("-")


def book_pages(root: Path = project.ROOT) -> list[tuple[str, str | None]]:
    """The nav's pages in reading order with their Part's nav title (None outside the Parts), site-only pages left out."""
    out = []
    for item in project.config(root)["nav"]:
        if isinstance(item, dict):
            for title, pages in item.items():
                out += [(page, title) for page in reference_pages.nav_pages(pages)]
        else:
            out += [(page, None) for page in reference_pages.nav_pages(item)]
    return [(page, part) for page, part in out if page not in SITE_ONLY]


def _markdown(root: Path, lang: str, contents: Contents, rel: str) -> python_markdown.Markdown:
    """The site's Markdown extensions (mkdocs.yml) as a book needs them for the page `rel`: no permalink signs beside
    headings, which print as noise; charts drawn without their interactive figure; glossary terms as plain links
    (no hover in print); links to other pages as `book:` links."""
    extensions, configs = [], {}
    for item in project.config(root)["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        extensions.append(name)
        if name == "toc":
            configs[name] = {"permalink": False, "slugify": slugify(case="lower")}
        elif name.startswith(BOOK_EXTENSIONS):
            configs[name] = {**(settings or {}), "lang": lang, "contents": contents, "page": rel, "link": _internal}
        elif settings:
            configs[name] = settings
    configs.get(CHARTS, {})["interactive"] = False
    configs.get(GLOSSARY, {})["tooltips"] = False
    configs.get(EDITIONS, {})["edition"] = "book"
    if lang == "en":  # a Japanese book keeps its own punctuation
        extensions.append("smarty")
        configs["smarty"] = SMARTY
    return python_markdown.Markdown(extensions=extensions, extension_configs=configs, output_format="xhtml")


def render(lang: str, root: Path = project.ROOT) -> list[Chapter]:
    """Every page of the book in `lang`, in reading order."""
    docs = root / "docs"
    default = project.default_language(root)
    nav = project.config(root)["nav"]
    reading_order = reference_pages.nav_pages(nav)
    contents = book_contents.read(docs, project.languages(root), reading_order, nav=nav, nav_names=project.nav_names(root))[lang]
    pages = book_pages(root)
    parts = part_titles(lang, root)
    in_book = {rel for rel, _ in pages}
    in_parts = [i for i, (_, part) in enumerate(pages) if part]  # pages before the Parts are front matter, after them back
    chapters, first_part, last_part = [], min(in_parts, default=len(pages)), max(in_parts, default=len(pages))
    for index, (rel, part) in enumerate(pages):
        path = docs / lang / rel
        if not path.is_file():  # the site shows the original where a translation is missing; so does the book
            path = docs / default / rel
        shown = path.relative_to(root).as_posix()
        matter = frontmatter.read(path.read_text(encoding="utf-8"), shown)
        body = editions.for_edition(matter.body, "book", shown)
        body = cff.fill_about(body, root / cff.FILE, lang)  # the About page's citation blocks
        kind = (
            "front" if index < first_part else "back" if index > last_part else "part" if rel.endswith("index.md") else "section"
        )
        own_title = matter.scalar(editions.TITLE_KEY)
        title = own_title or _plain(headings.headings(body)[0].text)
        title = typography.curly_quotes(title) if lang == "en" else title
        page_html = _markdown(root, lang, contents, rel).convert(body)
        page_html = _localise(page_html, rel, anchor(rel), in_book, lang, default)
        page_html = typography.book_html(page_html, lang, own_title, demote=kind == "section")
        charts = page_html.count('class="book-chart"')
        chapters.append(Chapter(rel, anchor(rel), kind, parts.get(part, part), title, page_html, charts))
    return chapters


def part_titles(lang: str, root: Path = project.ROOT) -> dict[str, str]:
    """Each Part's nav title (mkdocs.yml's, in the default language) → its short title in `lang`, for running heads."""
    if lang == project.default_language(root):
        return {}
    for item in project.config(root)["plugins"]["i18n"]["languages"]:
        if item["locale"] == lang:
            return item.get("nav_translations") or {}
    return {}


def subtitle(lang: str, root: Path = project.ROOT) -> str:
    """The book's subtitle: the first paragraph of the front page as the site shows it, as plain text."""
    rel = book_pages(root)[0][0]
    path = root / "docs" / lang / rel
    body = editions.for_edition(frontmatter.read(path.read_text(encoding="utf-8"), str(path)).body, "site")
    blocks = [block.strip() for block in body.split("\n\n") if block.strip()]
    first = next((block for block in blocks if not block.startswith(("#", "<!--"))), "")
    return re.sub(r"<[^>]+>|[*_`]", "", first).strip()


def _internal(page: str) -> str:
    return INTERNAL + page


def _localise(page_html: str, rel: str, prefix: str, in_book: set[str], lang: str, default: str) -> str:
    """Ids prefixed with the chapter's anchor; links to pages of the book become `book:` links, others absolute."""

    def own(value: str) -> str:
        return f"{prefix}--{value.replace(':', '-')}"

    def link(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        if url.startswith("#"):
            return f'href="{INTERNAL}{rel}#{own(url[1:])}"'
        if re.match(r"^[a-z][a-z0-9+.-]*:", url) and not url.startswith(INTERNAL):
            return match.group(0)  # the web, mail
        target = (
            url.removeprefix(INTERNAL)
            if url.startswith(INTERNAL)
            else posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(url)))
        )
        page, _, fragment = target.partition("#")
        if page not in in_book:  # a page only the site has: link to it there
            where = languages.page_url(page, lang, default, True)
            return f'href="{html.escape(project.site_url() + where)}{"#" + fragment if fragment else ""}"'
        return f'href="{INTERNAL}{page}#{anchor(page) + "--" + fragment.replace(":", "-") if fragment else anchor(page)}"'

    page_html = ID.sub(lambda m: f'id="{own(m.group(1))}"', page_html)
    page_html = LABELLEDBY.sub(lambda m: 'aria-labelledby="' + " ".join(own(v) for v in m.group(1).split()) + '"', page_html)
    return HREF.sub(link, page_html)


def resolve_links(page_html: str, href_for: Callable[[str, str], str]) -> str:
    """`book:page#id` links in the form one edition needs: `href_for(page, id)`."""

    def link(match: re.Match) -> str:
        url = match.group(1)
        if not url.startswith(INTERNAL):
            return match.group(0)
        page, _, fragment = url.removeprefix(INTERNAL).partition("#")
        return f'href="{html.escape(href_for(page, fragment))}"'

    return HREF.sub(link, page_html)


def _plain(markdown_text: str) -> str:
    """A heading's text without Markdown emphasis or code marks."""
    return re.sub(r"[*_`]", "", markdown_text).strip()
