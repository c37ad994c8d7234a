"""The book's MkDocs plugin: each event hands one step of a build to the book's packages, and does nothing else.

The i18n plugin builds each further language inside the first one's on_post_build, so every event runs once per
language; the first language's on_pre_build opens the whole build and its on_post_build closes it.
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath

import markdown as markdown_module
from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from book import data as book_data
from book import project
from book.charts import render
from book.data import publish, sets
from book.machine import llms, twins
from book.numbering import labels
from book.parallel import pages as parallel_pages
from book.parallel import render as parallel_render
from book.plugin import files as site_files
from book.plugin.build import Build, Warnings, page_language, page_path
from book.plugin.config import BookConfig
from book.references import cff
from book.site import context, error_page, finishing, languages, nav_sections, not_found, search_index
from book.sources import frontmatter
from book.translations import status, tracking

EXTENSIONS = "book.markdown."  # the book's Markdown extensions, which get each page's language, path and links
CHARTS = "book.markdown.charts"
SHIM = "assets/vendor/iframe-worker-shim.js"
PLOTLY_LOCALES = project.ROOT / "node_modules" / "plotly.js" / "lib" / "locales"
log = logging.getLogger("mkdocs.plugins.book")  # as MkDocs prints its own errors, one a line


class BookPlugin(BasePlugin[BookConfig]):
    def __init__(self) -> None:
        self.build: Build | None = None
        self.twins: dict[str, dict[str, llms.Page]] = {}  # each language's pages for machine readers, by path
        self.outline: dict[str, tuple] = {}  # each language's title, summary and nav sections, for its llms.txt
        self.sides: dict[tuple[str, str], parallel_render.Side] = {}  # each page's rows for side-by-side reading
        self.depth = 0  # languages being built, each inside the one before
        self.serving = False  # `mkdocs serve`: errors are shown in the browser, not raised
        self.warnings = Warnings()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_serve(self, server, *, config, builder):
        server.watch(str(self._path(self.config.citation_file)))  # the About pages show it: an edit rebuilds them
        return server

    @event_priority(100)  # before Material's offline plugin, which would otherwise load the shim from a CDN
    def on_config(self, config):
        if _offline(config):
            config.extra["polyfills"] = [SHIM]
        return config

    def on_pre_build(self, *, config) -> None:
        self.depth += 1
        if self.depth > 1:  # a further language of the same build
            return
        self.build = Build.start(config, self.config, self._site(config))
        self.twins, self.outline, self.sides = {}, {}, {}
        if self.serving:
            self.warnings.messages.clear()
            logging.getLogger("mkdocs").addHandler(self.warnings)
        elif self.build.errors:
            for error in self.build.errors:
                log.error(str(error))
            count = len(self.build.errors)
            raise PluginError(
                f"{count} problem{'s' if count > 1 else ''} in the sources, listed above — fix them and build again"
            )

    @event_priority(-150)  # after the i18n plugin has chosen this language's files: the side-by-side pages join them
    def on_files(self, files, *, config):
        build = self.build
        files = site_files.add(files, config, build.site, project.ROOT / "node_modules", self._path(self.config.cache_dir))
        site_files.add_parallel(files, config, build.docs, build.paired, build.site.default)
        return files

    def on_nav(self, nav, *, config, files):
        lang = config.theme["language"]
        site_files.link_parallel(nav, files, lang, self.build.paired, page_path)
        sections = [
            (item.title, [page_path(p) for p in item.children if p.is_page]) if item.is_section else (None, [page_path(item)])
            for item in nav.items
        ]
        self.outline[lang] = (config.site_name, config.site_description, sections)
        return nav

    def on_env(self, env, *, config, files):
        # Each language's build makes its own environment: the theme's templates are compiled once, for this build and the next.
        env.bytecode_cache = FileSystemBytecodeCache(str(_folder(self._path(self.config.cache_dir) / "templates")))
        env.globals["book_nav"] = nav_sections.Sections()  # overrides/partials/nav.html: this build's sections
        return env

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        build, lang, rel = self.build, page_language(page, self.build.site), page_path(page)
        if build.errors:
            return ""  # under serve, every page shows the errors instead
        if parallel_pages.page_of(rel):
            return markdown  # its text is made from both languages' pages once the theme has read its settings
        # Links stay links to Markdown files, which MkDocs turns into links to pages and checks.
        config.mdx_configs.update(self._markdown_settings(config, lang, rel, self._data_folder(lang, page.url)))
        markdown = cff.fill_about(markdown, self._path(self.config.citation_file), lang)  # the About page's citations
        site = build.site
        markdown = status.fill_status(
            markdown,
            build.translations,
            lang,
            page.url,
            site.default,
            site.use_directory_urls,
            build.last_changed,
            build.reading_order,
        )
        self._twin(markdown, page, lang, rel)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        build, lang, shown = self.build, page_language(page, self.build.site), parallel_pages.page_of(page_path(page))
        if shown is None or build.errors:
            return html
        site = build.site
        data = {side: self._data_folder(side, page.url) for side in site.langs}
        place = parallel_render.Place(shown, lang, page.url, site.default, site.use_directory_urls, build.paired, data)
        return parallel_render.page_html({side: self._side(config, side, shown) for side in site.langs}, place)

    def on_page_context(self, ctx, *, page, config, nav):
        build, lang, rel = self.build, page_language(page, self.build.site), page_path(page)
        shown = parallel_pages.page_of(rel)
        book = context.page_context(build.site, lang, page.url, shown or rel)
        book["parallel"] = self._parallel_link(lang, shown or rel, page.url, current=shown is not None)
        if shown:
            ctx["book"] = book
            return ctx
        book["twin"] = PurePosixPath(page.file.dest_uri).with_suffix(".md").name  # beside the page (on_post_page)
        book["untranslated"] = not page.file.src_uri.startswith(f"{lang}/")
        changed = build.last_changed.get(page.file.src_uri)  # its path in docs/, as git gives it
        book["updated"] = changed and {"iso": changed.date().isoformat(), "text": changed.strftime("%Y-%m-%d")}
        if build.translations is not None:
            state = tracking.page_state(build.translations, lang, rel, build.last_changed)
            book["stale"] = status.banner(state, page.url, build.site.default, build.site.use_directory_urls)
        ctx["book"] = book
        return ctx

    def on_template_context(self, ctx, *, template_name, config):
        # Templates without a page (the 404 page) are in the build's language.
        ctx["book"] = context.page_context(self.build.site, config.theme["language"], "404.html", None)
        return ctx

    def on_post_page(self, output: str, *, page, config) -> str:
        site, lang = self.build.site, page_language(page, self.build.site)
        twin = self.twins.get(lang, {}).get(page_path(page))
        if twin:
            path = Path(page.file.abs_dest_path).with_suffix(".md")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(twin.text, encoding="utf-8")
        search_base = languages.relative_url(languages.language_root(lang, site.default), page.url) or "./"
        return finishing.finish(output, site.offline, search_base)

    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        if template_name != "404.html":
            return output
        site = self.build.site
        return not_found.place(
            finishing.finish(output, site.offline), Path(config.site_dir), config.theme["language"], site.default
        )

    @event_priority(-200)  # after the i18n plugin has built every language and written the search index
    def on_post_build(self, *, config) -> None:
        self.depth -= 1
        if self.depth:
            return
        site = self.build.site
        settings = {lang: search_index.SETTINGS[lang] for lang in site.langs}
        search_index.write_language_indexes(Path(config.site_dir), settings, site.default, as_script=site.offline)
        if not self.build.errors:
            self._publish(Path(config.site_dir))
        if self.serving:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            problems = [str(e) for e in self.build.errors] + self.warnings.messages
            if problems:
                error_page.replace_pages(Path(config.site_dir), problems)

    def on_build_error(self, *, error: Exception) -> None:
        self.depth = 0  # the next build (a rebuild under serve) starts afresh
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def _twin(self, markdown: str, page, lang: str, rel: str) -> None:
        """The page's Markdown twin, kept until the page is written (on_post_page) and the book's full text is."""
        urls = self._urls(lang)
        description = page.meta.get("description")
        text = twins.twin(markdown, rel, lang, page.title, description, self.build.contents_of(lang), urls)
        url = urls.page(rel)
        body = text.split("\n---\n", 1)[1].lstrip()
        self.twins.setdefault(lang, {})[rel] = llms.Page(rel, page.title, description, twins.twin_url(url), url, body, text)

    def _publish(self, site_dir: Path) -> None:
        """Each language's data folder, llms.txt and llms-full.txt, at its root."""
        build, site = self.build, self.build.site
        order = labels.complete_order(build.reading_order, build.docs, site.default)
        for lang in site.langs:
            root, urls, contents = (
                site_dir / languages.language_root(lang, site.default),
                self._urls(lang),
                build.contents_of(lang),
            )
            datasets = sets.book_datasets(build.docs, lang, order, contents.labels)
            publish.publish(root / book_data.FOLDER, lang, datasets, contents.entries, urls.page, urls.page("index.md"))
            title, summary, sections = self.outline[lang]
            pages = self.twins.get(lang, {})
            outline = [(name, [pages[p] for p in paths if p in pages]) for name, paths in sections]
            other = next(o for o in site.langs if o != lang)
            links = {
                "full": urls.root + "llms-full.txt",
                "data": urls.data + "datapackage.json",
                "other": self._urls(other).root + "llms.txt",
            }
            (root / "llms.txt").write_text(llms.llms_txt(lang, title, summary, outline, links), encoding="utf-8")
            full = llms.llms_full(lang, title, summary, [pages[p] for p in order if p in pages])
            (root / "llms-full.txt").write_text(full, encoding="utf-8")

    def _urls(self, lang: str) -> twins.Urls:
        """The online site's URLs in `lang` (the offline edition names them too: they are the canonical ones)."""
        site = self.build.site
        root = site.site_url + languages.language_root(lang, site.default)
        return twins.Urls(
            lambda page: site.site_url + languages.page_url(page, lang, site.default, True), root + book_data.FOLDER + "/", root
        )

    def _side(self, config, lang: str, page: str) -> parallel_render.Side:
        """`lang`'s page cut into rows for side-by-side reading: rendered once, for both interfaces' pages."""
        build = self.build
        if (lang, page) not in self.sides:
            path = f"{build.docs.name}/{lang}/{page}"

            def convert(text: str, lang: str) -> str:
                body = cff.fill_about(frontmatter.read(text, path).body, self._path(self.config.citation_file), lang)
                settings = {**config.mdx_configs, **self._markdown_settings(config, lang, page, parallel_render.DATA)}
                return markdown_module.Markdown(extensions=config.markdown_extensions, extension_configs=settings).convert(body)

            text = (build.docs / lang / page).read_text(encoding="utf-8")
            self.sides[lang, page] = parallel_render.side(path, text, lang, convert)
        return self.sides[lang, page]

    def _data_folder(self, lang: str, url: str) -> str:
        """`lang`'s data folder, relative to the page at `url`."""
        return languages.relative_url(languages.language_root(lang, self.build.site.default) + book_data.FOLDER + "/", url)

    def _markdown_settings(self, config, lang: str, rel: str, data: str) -> dict:
        """The book's Markdown extensions' settings for the page `rel` of `lang` with its `data` folder, each merged
        into its own."""
        build = self.build
        book = {"lang": lang, "page": rel, "contents": build.contents_of(lang), "data": data}
        settings = {
            name: {**config.mdx_configs.get(name, {}), **book}
            for name in config.markdown_extensions
            if name.startswith(EXTENSIONS)
        }
        settings.get(CHARTS, {}).setdefault("cache_dir", str(self._path(self.config.cache_dir) / "charts"))
        return settings

    def _parallel_link(self, lang: str, rel: str, url: str, current: bool) -> dict | None:
        """Where the page's side-by-side version is (a page without one leads to the first that has one), and on a
        side-by-side page, the way back to the interface language's own page."""
        build, site = self.build, self.build.site
        target = rel if rel in build.paired else next((p for p in build.reading_order if p in build.paired), None)
        if target is None:
            return None
        href = languages.relative_url(parallel_pages.url(target, lang, site.default, site.use_directory_urls), url)
        single = languages.relative_url(languages.page_url(rel, lang, site.default, site.use_directory_urls), url)
        return {"href": href, "current": current, "single": single}

    def _site(self, config) -> context.Site:
        i18n = config.plugins["i18n"].config  # its documented settings: which languages, which is the default
        langs = [lang.locale for lang in i18n.languages if lang.build]
        offline = _offline(config)
        return context.Site(
            langs=langs,
            default=next(lang.locale for lang in i18n.languages if lang.default),
            site_url=config.site_url or "",
            use_directory_urls=config.use_directory_urls,
            offline=offline,
            plotly_locales={lang: render.locale_path(lang) for lang in langs if render.locale_script(lang, PLOTLY_LOCALES)},
            downloads=()
            if offline
            else context.downloads(
                self._path(self.config.offline_zip), self.config.offline_zip_pending, self._path(self.config.editions_dir), langs
            ),
        )

    def _path(self, setting: str) -> Path:
        return Path(self.config.config_file_path or "mkdocs.yml").resolve().parent / setting


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
