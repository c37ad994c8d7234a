"""Checks on the built pages: internal links and #anchors resolve, section IDs are well formed and
unique, and content images and links carry the text assistive technology reads. External links are
listed, never fetched (CI has no network).

Problems name the Markdown source and line when the link is in a page's text (the page's edit link
says which file), and the built page and line when it comes from the theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from book.errors import BookError, closest, collapse_repeats

SECTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EDIT_LINK = re.compile(r"/(?:edit|blob|raw)/[^/]+/(.+\.md)$")
SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data"}
# Where each tag keeps the address it loads or links to.
URL_ATTRS = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
}
SOCIAL_IMAGES = {"og:image", "twitter:image"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# Classes


@dataclass
class Link:
    url: str
    line: int
    in_content: bool
    text: str = ""


@dataclass
class Element:
    """An element a content check looks at: a heading, image or link inside the article."""

    tag: str
    line: int
    attrs: list[tuple[str, str | None]]
    text: str = ""
    link: Link | None = None


@dataclass
class Page:
    path: str  # site-relative, e.g. "part-1/1-2/index.html"
    ids: dict[str, list[int]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    headings: list[Element] = field(default_factory=list)
    images: list[Element] = field(default_factory=list)
    anchors: list[Element] = field(default_factory=list)
    source: str | None = None  # e.g. "docs/ja/part-1/1-2.md"
    article: tuple[int, int] = (0, 0)  # first and last line of the page's text

    def in_article(self, line: int) -> bool:
        return self.article[0] <= line <= self.article[1]


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.article_depth = 0  # >0 inside the page's text (<article class="md-content__inner">)
        self.open: list[Element] = []  # headings and links whose text is being collected

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        if "id" in values and values["id"]:
            self.page.ids.setdefault(values["id"], []).append(line)
        if tag == "a" and values.get("name"):
            self.page.ids.setdefault(values["name"], []).append(line)
        if tag == "article" and "md-content__inner" in (values.get("class") or ""):
            self.article_depth = 1
            self.page.article = (line, line)
        elif self.article_depth and tag not in VOID_TAGS:
            self.article_depth += 1
        if tag == "a" and values.get("rel") == "edit" and values.get("href"):
            found = EDIT_LINK.search(values["href"])
            if found:
                self.page.source = found.group(1)
        url = values.get(URL_ATTRS.get(tag, ""))
        if tag == "meta" and values.get("property", values.get("name")) in SOCIAL_IMAGES:
            url = values.get("content")
        link = None
        if url is not None:
            link = Link(url, line, bool(self.article_depth))
            self.page.links.append(link)
        if not self.article_depth:
            return
        if re.fullmatch(r"h[1-6]", tag) or tag == "a":
            element = Element(tag, line, attrs, link=link)
            (self.page.headings if tag != "a" else self.page.anchors).append(element)
            self.open.append(element)
        elif tag == "img":
            self.page.images.append(Element(tag, line, attrs))
            if self.open:
                self.open[-1].text += values.get("alt") or ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.article_depth and tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.article_depth:
            self.article_depth -= 1
            if not self.article_depth:
                self.page.article = (self.page.article[0], self.getpos()[0])
        if self.open and self.open[-1].tag == tag:
            done = self.open.pop()
            if done.link:
                done.link.text = done.text
            if self.open and "headerlink" not in (dict(done.attrs).get("class") or ""):
                self.open[-1].text += done.text

    def handle_data(self, data):
        if self.open:
            self.open[-1].text += data


# Reading the site


def read_site(site: Path) -> dict[str, Page]:
    """Every HTML page under `site`, keyed by its site-relative path."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page = Page(rel)
        parser = _PageParser(page)
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        pages[rel] = page
    return pages


def _target(site: Path, page: Page, url: str, site_url: str) -> tuple[str | None, str] | None:
    """(site-relative file, fragment) a link points at; None for links this check does not follow."""
    parts = urlsplit(url)
    if parts.scheme in SKIPPED_SCHEMES:
        return None
    if parts.scheme or parts.netloc:
        absolute = url if parts.scheme else "https:" + url
        if not (site_url and absolute.startswith(site_url)):
            return None
        path = "/" + absolute[len(site_url) :].split("#")[0].split("?")[0]
    elif parts.path.startswith("/"):  # from the server's root: pages that may be served at any depth (404)
        prefix = urlsplit(site_url).path or "/"
        if not parts.path.startswith(prefix):
            return None
        path = "/" + parts.path[len(prefix) :]
    else:
        path = urljoin("/" + page.path, parts.path) if parts.path else "/" + page.path
    path = unquote(path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif (site / path).is_dir():
        path += "/index.html"
    return path, unquote(parts.fragment)


def external_links(site: Path, site_url: str = "") -> list[str]:
    """Links that leave the site, one per address, for a report (never fetched)."""
    seen = set()
    for page in read_site(site).values():
        for link in page.links:
            parts = urlsplit(link.url)
            if parts.scheme in ("http", "https") and not (site_url and link.url.startswith(site_url)):
                seen.add(link.url)
    return sorted(seen)


# Finding the Markdown line


class _Sources:
    """Markdown sources, read once each, and which occurrence of a needle each report has used."""

    def __init__(self, root: Path):
        self.root = root
        self.cache: dict[str, list[str] | None] = {}
        self.used: dict[tuple[str, str], int] = {}

    def line_of(self, source: str, needles: list[str], nth: int | None = None) -> int | None:
        lines = self.cache.get(source)
        if source not in self.cache:
            path = self.root / source
            lines = self.cache[source] = path.read_text(encoding="utf-8").splitlines() if path.is_file() else None
        if not lines:
            return None
        for needle in needles:
            if not needle:
                continue
            hits = [n for n, text in enumerate(lines, 1) if needle in text]
            if hits:
                if nth is None:  # the next occurrence not yet reported
                    used = self.used.get((source, needle), 0)
                    self.used[(source, needle)] = used + 1
                    return hits[min(used, len(hits) - 1)]
                return hits[min(nth, len(hits) - 1)]
        return None


def _link_needles(url: str, text: str) -> list[str]:
    parts = urlsplit(url)
    stem = parts.path.rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"(index)?\.html$", "", stem)
    needles = [f"]({url})", f"({url}", f"#{unquote(parts.fragment)})" if parts.fragment else ""]
    if stem:
        needles += [f"{stem}.md#{parts.fragment}" if parts.fragment else f"{stem}.md", f"{stem}.md", stem]
    return needles + [f"[{text.strip()}]" if text.strip() else "", url]


def _where(site_label: str, page: Page, line: int, sources: _Sources, needles: list[str] | None, nth: int | None = None):
    """(path, line, note): the Markdown source when the text came from it, else the built page."""
    built = f"{site_label}{page.path}:{line}"
    if needles is not None and page.source:
        found = sources.line_of(page.source, needles, nth)
        return page.source, found, f" (built page {built})"
    return f"{site_label}{page.path}", line, ""


# Checks


def check_links(site: Path, root: Path, site_url: str = "", label: str | None = None) -> list[BookError]:
    """Every internal link, asset and #anchor in `site` resolves; problems name the Markdown line."""
    site_label = (label if label is not None else _label(site, root)) + "/"
    pages = read_site(site)
    sources = _Sources(root)
    errors: list[BookError] = []
    for page in pages.values():
        for link in page.links:
            target = _target(site, page, link.url, site_url)
            if target is None:
                continue
            path, fragment = target
            needles = _link_needles(link.url, link.text) if link.in_content else None
            if not (site / path).is_file():
                where, line, note = _where(site_label, page, link.line, sources, needles)
                fix = (
                    "fix the link or add the page"
                    if link.in_content
                    else "fix the template in overrides/ that writes it, or add the file"
                )
                errors.append(BookError(where, line, f'link "{link.url}" points at a missing page {path}{note}', fix))
            elif fragment and path.endswith(".html") and fragment not in pages[path].ids:
                where, line, note = _where(site_label, page, link.line, sources, needles)
                errors.append(
                    BookError(
                        where,
                        line,
                        f'link "{link.url}" points at a missing anchor #{fragment}{note}',
                        f"did you mean #{near}? (or add {{#{fragment}}} to the heading it means)"
                        if (near := closest(fragment, pages[path].ids))
                        else f"fix the link, or add {{#{fragment}}} to the heading it means",
                    )
                )
    return _grouped(_unique(errors))


def check_ids(site: Path, root: Path, label: str | None = None) -> list[BookError]:
    """Section IDs are lowercase ASCII slugs, written as one `{#id}`, and no ID is used twice on a page."""
    site_label = (label if label is not None else _label(site, root)) + "/"
    sources = _Sources(root)
    errors: list[BookError] = []
    for page in read_site(site).values():
        for ident, lines in page.ids.items():
            for nth, line in enumerate(lines[1:], 1):
                needles = [f"{{#{ident}", f'id="{ident}"'] if page.in_article(line) else None
                where, at, note = _where(site_label, page, line, sources, needles, nth)
                errors.append(
                    BookError(
                        where,
                        at,
                        f'the ID "{ident}" is used twice on the page{note}',
                        f"give one of the two headings (or elements) another ID, e.g. {{#{ident}-2}}",
                    )
                )
        for heading in page.headings:
            names = [name for name, _ in heading.attrs]
            ident = dict(heading.attrs).get("id") or ""
            stray = [name for name, value in heading.attrs if value is None]
            if stray or names.count("id") > 1:
                where, at, note = _where(site_label, page, heading.line, sources, [f"{{#{ident}", heading.text.strip()])
                errors.append(
                    BookError(
                        where,
                        at,
                        f'the heading "{heading.text.strip()}" has a space or a stray word in its {{#…}}{note}',
                        f"an ID is one word: write {{#{_slug(' '.join([ident, *stray]))}}}",
                    )
                )
            elif ident and not SECTION_ID.match(ident):
                where, at, note = _where(site_label, page, heading.line, sources, [f"{{#{ident}", heading.text.strip()])
                errors.append(
                    BookError(
                        where,
                        at,
                        f'the heading "{heading.text.strip()}" has the ID "{ident}", which is not a section ID{note}',
                        f"use lowercase ASCII letters, digits and hyphens, e.g. {{#{_slug(ident)}}}",
                    )
                )
    return _unique(errors)


def check_content_access(site: Path, root: Path, label: str | None = None) -> list[BookError]:
    """Images in a page's text have alt text, and links have text a screen reader can say."""
    site_label = (label if label is not None else _label(site, root)) + "/"
    sources = _Sources(root)
    errors: list[BookError] = []
    for page in read_site(site).values():
        for image in page.images:
            values = dict(image.attrs)
            if (values.get("alt") or "").strip() or values.get("role") == "presentation" or values.get("aria-hidden") == "true":
                continue
            src = values.get("src") or ""
            name = unquote(urlsplit(src).path.rsplit("/", 1)[-1])  # as the Markdown names it, near enough
            where, at, note = _where(site_label, page, image.line, sources, [f"]({src}", f"![]({name}", name, "![]("])
            errors.append(
                BookError(
                    where,
                    at,
                    f'the image "{name}" has no alt text{note}',
                    f"describe it in the brackets: ![what the image shows]({name})",
                )
            )
        for anchor in page.anchors:
            values = dict(anchor.attrs)
            if anchor.text.strip() or (values.get("aria-label") or "").strip() or (values.get("title") or "").strip():
                continue
            if "href" not in values:
                continue  # a named anchor, not a link
            href = values.get("href") or ""
            where, at, note = _where(site_label, page, anchor.line, sources, [f"[]({href})", f"]({href})", href])
            errors.append(
                BookError(
                    where,
                    at,
                    f'the link to "{href}" has no text{note}',
                    f"write what it leads to in the brackets: [text]({href})",
                )
            )
    return _unique(errors)


# Helpers


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _label(site: Path, root: Path) -> str:
    """How problems name the built site: relative to the working directory when it is below it."""
    site = site.resolve()
    return site.relative_to(Path.cwd()).as_posix() if site.is_relative_to(Path.cwd()) else str(site)


def _grouped(errors: list[BookError]) -> list[BookError]:
    """A theme link that fails on every page is reported once, with the number of other pages."""
    keyed = [(e.problem if e.path.endswith(".html") else (e.path, e.line, e.problem), e) for e in errors]
    return collapse_repeats(keyed, "(and on {n} more pages)")


def _unique(errors: list[BookError]) -> list[BookError]:
    """One report per problem: a page that falls back to the other language repeats its source's."""
    seen, out = set(), []
    for error in errors:
        key = (error.path, error.line, error.problem.split(" (built page")[0])
        if key not in seen:
            seen.add(key)
            out.append(error)
    return out
