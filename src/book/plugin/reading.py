"""The plugin's part in the three ways to read (issue 26): the side-by-side pages among the build's pages
(book.parallel), the data behind the tables and charts (book.data) and the text for machine readers (book.machine).
Each event of the plugin hands its step to one method here; what each feature does is in its own package."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import markdown as python_markdown

from book import data
from book.data import publish, sets
from book.machine import llms, twins
from book.numbering import labels
from book.parallel import pages as parallel_pages
from book.parallel import render as parallel_render
from book.plugin import files as site_files
from book.plugin.build import Build, page_path
from book.references import cff
from book.site import languages
from book.sources import frontmatter

EXTENSIONS = "book.markdown."  # the book's Markdown extensions, which get each page's language, path and links
CHARTS = "book.markdown.charts"


class Reading:
    def __init__(self, build: Build, citation_file: Path, charts_cache: Path):
        self.build, self.citation_file, self.charts_cache = build, citation_file, charts_cache
        self.twins: dict[str, dict[str, llms.Page]] = {}  # each language's pages for machine readers, by path
        self.outline: dict[str, tuple] = {}  # each language's title, summary and nav sections, for its llms.txt
        self.sides: dict[tuple[str, str], parallel_render.Side] = {}  # each page's rows, for both interfaces

    # The build's Markdown

    def markdown_settings(self, config, lang: str, rel: str, url: str | None) -> dict:
        """The book's Markdown extensions' settings for the page `rel` of `lang` at `url` (None: a side of a
        side-by-side page, whose data links are placed later), each merged into its own."""
        folder = self.data_folder(lang, url) if url is not None else parallel_render.DATA
        book = {"lang": lang, "page": rel, "contents": self.build.contents_of(lang), "data": folder}
        settings = {
            name: {**config.mdx_configs.get(name, {}), **book}
            for name in config.markdown_extensions
            if name.startswith(EXTENSIONS)
        }
        settings.get(CHARTS, {}).setdefault("cache_dir", str(self.charts_cache))
        return settings

    def data_folder(self, lang: str, url: str) -> str:
        """`lang`'s data folder, relative to the page at `url`."""
        return languages.relative_url(languages.language_root(lang, self.build.site.default) + data.FOLDER + "/", url)

    # Side-by-side pages

    def add_pages(self, files, config) -> None:
        site_files.add_parallel(files, config, self.build.docs, self.build.paired, self.build.site.default)

    def read_nav(self, nav, config, files) -> None:
        """The side-by-side pages' order, and the nav's sections for llms.txt."""
        lang = config.theme["language"]
        site_files.link_parallel(nav, files, lang, self.build.paired, page_path)
        sections = [
            (item.title, [page_path(p) for p in item.children if p.is_page]) if item.is_section else (None, [page_path(item)])
            for item in nav.items
        ]
        self.outline[lang] = (config.site_name, config.site_description, sections)

    def content(self, html: str, page, lang: str, config) -> str:
        """A side-by-side page's paired text in place of its stub's; any other page's HTML as it is."""
        shown = parallel_pages.page_of(page_path(page))
        if shown is None:
            return html
        site = self.build.site
        folders = {side: self.data_folder(side, page.url) for side in site.langs}
        place = parallel_render.Place(shown, lang, page.url, site.default, site.use_directory_urls, self.build.paired, folders)
        return parallel_render.page_html({side: self._side(config, side, shown) for side in site.langs}, place)

    def _side(self, config, lang: str, page: str) -> parallel_render.Side:
        """`lang`'s page cut into rows: rendered once, for both interfaces' side-by-side pages."""
        if (lang, page) not in self.sides:
            path = f"{self.build.docs.name}/{lang}/{page}"

            def convert(text: str, lang: str) -> str:
                body = cff.fill_about(frontmatter.read(text, path).body, self.citation_file, lang)
                settings = {**config.mdx_configs, **self.markdown_settings(config, lang, page, None)}
                return python_markdown.Markdown(extensions=config.markdown_extensions, extension_configs=settings).convert(body)

            text = (self.build.docs / lang / page).read_text(encoding="utf-8")
            self.sides[lang, page] = parallel_render.side(path, text, lang, convert)
        return self.sides[lang, page]

    def context(self, book: dict, page, lang: str) -> bool:
        """The page's way into side-by-side reading (or out of it) and its twin, in the template's `book`;
        True for a side-by-side page, which has nothing more (no date, banner or twin)."""
        build, site, rel = self.build, self.build.site, page_path(page)
        shown = parallel_pages.page_of(rel)
        book["parallel"] = parallel_pages.link(
            shown or rel, lang, page.url, build.paired, build.reading_order, site.default, site.use_directory_urls
        )
        if shown:
            book["parallel"]["current"] = True
            return True
        book["twin"] = PurePosixPath(page.file.dest_uri).with_suffix(".md").name  # written beside the page
        return False

    # The text for machine readers, and the data

    def keep_twin(self, markdown: str, page, lang: str) -> None:
        """The page's Markdown twin (from its Markdown as the build reads it), kept for on_post_page and llms-full.txt."""
        rel, urls = page_path(page), self.urls(lang)
        description = page.meta.get("description")
        text = twins.twin(markdown, rel, lang, page.title, description, self.build.contents_of(lang), urls)
        url = urls.page(rel)
        body = text.split("\n---\n", 1)[1].lstrip()
        self.twins.setdefault(lang, {})[rel] = llms.Page(rel, page.title, description, twins.twin_url(url), url, body, text)

    def write_twin(self, page, lang: str) -> None:
        twin = self.twins.get(lang, {}).get(page_path(page))
        if twin:
            path = Path(page.file.abs_dest_path).with_suffix(".md")  # index.md beside index.html, 1-1.md beside 1-1.html
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(twin.text, encoding="utf-8")

    def publish(self, site_dir: Path) -> None:
        """Each language's data folder, llms.txt and llms-full.txt, at its root."""
        build, site = self.build, self.build.site
        order = labels.complete_order(build.reading_order, build.docs, site.default)
        for lang in site.langs:
            root, urls, contents = (
                site_dir / languages.language_root(lang, site.default),
                self.urls(lang),
                build.contents_of(lang),
            )
            datasets = sets.book_datasets(build.docs, lang, order, contents.labels)
            publish.publish(root / data.FOLDER, lang, datasets, contents.entries, urls.page, urls.page("index.md"))
            other = next(o for o in site.langs if o != lang)
            links = {
                "full": urls.root + "llms-full.txt",
                "data": urls.data + "datapackage.json",
                "other": self.urls(other).root + "llms.txt",
            }
            title, summary, sections = self.outline[lang]
            llms.write(root, lang, title, summary, sections, self.twins.get(lang, {}), order, links)

    def urls(self, lang: str) -> twins.Urls:
        """The online site's URLs in `lang` (the offline edition names them too: they are the canonical ones)."""
        site = self.build.site
        return twins.urls(site.site_url, lang, site.default)
