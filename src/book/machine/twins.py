"""A page's Markdown twin: its source with the book's syntax resolved. Table and figure numbers are written out
(表1-1 / Table 1-1), references become links, citations numbered links to the References, a chart its number,
title and source above the table it draws, and links between pages the pages' canonical URLs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from book import data, outline
from book.charts.spec import find_charts
from book.contents import Contents
from book.markdown.sections import SEPARATOR
from book.references import bibliography
from book.references.citations import CITATION, REFERENCES_PAGE
from book.site import languages
from book.site.strings import STRINGS
from book.sources import captions, editions, frontmatter
from book.sources.fences import FENCE
from book.sources.headings import HEADING

_LINK = re.compile(r"\]\((?P<url>[^)\s]+)\)")
_WRAPPER = re.compile(r"^\s*(?:<div\b[^>]*\bmarkdown\b[^>]*>|</div>)\s*$")  # md_in_html's wrappers, which hold Markdown


@dataclass(frozen=True)
class Urls:
    """Absolute URLs of the online site, which twins and llms.txt name wherever they are read."""

    page: Callable[[str], str]  # a page of the language (a path in its folder) → its canonical URL
    data: str  # the language's data folder
    root: str = ""  # the language's root folder

    def anchored(self, page: str, anchor: str) -> str:
        return f"{self.page(page)}#{anchor}" if anchor else self.page(page)


def urls(site_url: str, lang: str, default: str) -> Urls:
    """The online site's URLs in `lang`: its pages' canonical URLs, its data folder and its root."""
    root = site_url + languages.language_root(lang, default)
    return Urls(lambda page: site_url + languages.page_url(page, lang, default, True), root + data.FOLDER + "/", root)


def twin_url(page_url: str) -> str:
    """Where a page's twin is online: beside its index.html (a page's URL is its folder's)."""
    return page_url + "index.md" if page_url.endswith("/") else page_url.removesuffix(".html") + ".md"


def twin(markdown: str, page: str, lang: str, title: str, description: str | None, contents: Contents, urls: Urls) -> str:
    """The page's Markdown twin, front matter first: its title, description, canonical URL, language and licence."""
    text = STRINGS[lang]
    matter = {"title": title, **({"description": description} if description else {}), "url": urls.page(page), "lang": lang}
    matter |= {"license": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)", "attribution": text["attribution"]}
    return frontmatter.written(matter, width=1000) + "\n" + body(markdown, page, lang, contents, urls)


def body(markdown: str, page: str, lang: str, contents: Contents, urls: Urls) -> str:
    """The page's text as the site shows it (its `<!-- book -->` blocks left out), with the book's syntax resolved
    (code is left as written)."""
    markdown = editions.for_edition(markdown, "site", page)
    lines, charts = markdown.split("\n"), {chart.marker[0]: chart for chart in find_charts(markdown, page)}
    out, fenced, index = [], False, 0
    while index < len(lines):
        line = lines[index]
        if FENCE.match(line):
            fenced = not fenced
        if fenced or FENCE.match(line):
            out.append(line)
        elif index in charts:
            out.append(_figure(charts[index], lang, contents, urls))
            index = charts[index].marker[1]
            continue
        elif line.strip() == bibliography.MARKER:
            out.append(_references(lang, contents, urls))
        elif line.strip() == outline.SECTIONS_MARKER:
            out.append(_sections(page, lang, contents, urls))
        elif not _WRAPPER.match(line):
            out.append(_inline(_line(line, lang, contents, urls), page, lang, contents, urls))
        index += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _line(line: str, lang: str, contents: Contents, urls: Urls) -> str:
    """A heading without its {#id}, a table's caption with its number and data."""
    heading = HEADING.match(line)
    if heading:
        return f"{heading['hashes']} {heading['text']}"
    caption = captions.read_caption(line)
    if caption:
        label = contents.labels.get(("tbl", caption.id))
        name = label.name(lang) if label else ""
        return f"**{name}** {caption.text} ([CSV]({urls.data}{data.table_file(caption.id)}))".replace("**** ", "")
    return line


def _sections(page: str, lang: str, contents: Contents, urls: Urls) -> str:
    """A Part's list of its sections (book.markdown.sections), as Markdown."""
    part = contents.outline.part_opened_by(page) if contents.outline else None
    sections = part.sections if part else ()
    separator = SEPARATOR.get(lang, SEPARATOR["en"])
    return "\n".join(f"- [{s.title}]({urls.page(s.rel)}){separator}{s.description}" for s in sections)


def _figure(chart, lang: str, contents: Contents, urls: Urls) -> str:
    """A chart as its number, title and source; its table follows."""
    label = contents.labels.get(("fig", chart.id))
    name = f"**{label.name(lang)}** " if label else ""
    files = f"[CSV]({urls.data}{data.chart_file(chart.id, 'csv')}), [SVG]({urls.data}{data.chart_file(chart.id, 'svg')})"
    return f"{name}{chart.title} — {chart.caption} ({files})"


def _inline(line: str, page: str, lang: str, contents: Contents, urls: Urls) -> str:
    """References, citations and links to other pages, as links a reader can follow from anywhere."""

    def reference(match: re.Match) -> str:
        label = contents.labels.get((match["kind"], match["id"]))
        return f"[{label.name(lang)}]({urls.anchored(label.page, label.anchor)})" if label else match[0]

    def citation(match: re.Match) -> str:
        entry = contents.entries.get(match[1])
        return f"[[{entry.number}]]({urls.anchored(REFERENCES_PAGE, f'ref-{entry.key}')})" if entry else match[0]

    def link(match: re.Match) -> str:
        url = match["url"]
        path, _, anchor = url.partition("#")
        if re.match(r"^[a-z][a-z0-9+.-]*:", url) or not path.endswith(".md"):
            return match[0]
        target = _resolve(page, path)
        return f"]({urls.anchored(target, anchor)})"

    line = captions.REFERENCE.sub(reference, line)
    line = CITATION.sub(citation, line)
    return _LINK.sub(link, line)


def _resolve(page: str, path: str) -> str:
    parts = page.split("/")[:-1]
    for part in path.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _references(lang: str, contents: Contents, urls: Urls) -> str:
    """The References page's list: each group's heading and its numbered entries, with where the book cites each."""
    labels, out = bibliography.LABELS[lang], []
    for group in contents.references:
        out += [f"## {group.titles[lang]}", ""]
        for entry in group.entries:
            parts = [f"**{entry.text('author', lang)}**", f"“{entry.text('title', lang)}”"]
            parts += [f"*{c}*" for c in [entry.text("container", lang)] if c]
            parts += [t for t in (entry.text("identifier", lang),) if t]
            date = bibliography.format_date(entry.fields.get("date"), bool(entry.fields.get("as_of")), lang)
            parts += [date] if date else []
            line = f"{entry.number}. " + ", ".join(parts) + "."
            if entry.fields.get("url"):
                line += f" <{entry.fields['url']}>"
            note = entry.text("note", lang)
            if note:
                line += f" {note}"
            cited = contents.cited_in.get(entry.key, [])
            places = ", ".join(f"[{name}]({urls.anchored(*place.partition('#')[::2])})" for name, place in cited)
            line += f" {labels['cited_in']}: {places}" if places else f" {labels['none']}"
            out.append(line)
        out.append("")
    return "\n".join(out)
