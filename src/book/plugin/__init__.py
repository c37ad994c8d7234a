"""The book's MkDocs plugin: each event hands one step of a build to the book's packages, and does nothing else.

The i18n plugin builds each further language inside the first one's on_post_build, so every event runs once per
language; the first language's on_pre_build opens the whole build and its on_post_build closes it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from book import project
from book.charts import render
from book.parallel import pages as parallel_pages
from book.plugin import files as site_files
from book.plugin.build import Build, Warnings, page_language, page_path
from book.plugin.config import BookConfig
from book.plugin.reading import Reading
from book.references import cff
from book.site import context, error_page, finishing, front_door, languages, nav_sections, not_found, search_index
from book.translations import status, tracking

SHIM = "assets/vendor/iframe-worker-shim.js"
PLOTLY_LOCALES = project.ROOT / "node_modules" / "plotly.js" / "lib" / "locales"
log = logging.getLogger("mkdocs.plugins.book")  # as MkDocs prints its own errors, one a line


class BookPlugin(BasePlugin[BookConfig]):
    def __init__(self) -> None:
        self.build: Build | None = None
        self.reading: Reading | None = None  # side-by-side pages, data downloads, Markdown twins (issue 26)
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
        self.reading = Reading(self.build, self._path(self.config.citation_file), self._path(self.config.cache_dir) / "charts")
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
        files = site_files.add(files, config, self.build.site, project.ROOT / "node_modules", self._path(self.config.cache_dir))
        self.reading.add_pages(files, config)
        return files

    def on_nav(self, nav, *, config, files):
        self.reading.read_nav(nav, config, files)
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
            return markdown  # a side-by-side page: its text is made in on_page_content
        # Links stay links to Markdown files, which MkDocs turns into links to pages and checks.
        config.mdx_configs.update(self.reading.markdown_settings(config, lang, rel, page.url))
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
        self.reading.keep_twin(markdown, page, lang)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        if self.build.errors:
            return html
        return self.reading.content(html, page, page_language(page, self.build.site), config)

    def on_page_context(self, ctx, *, page, config, nav):
        build, lang, rel = self.build, page_language(page, self.build.site), page_path(page)
        book = context.page_context(build.site, lang, page.url, parallel_pages.page_of(rel) or rel)
        if self.reading.context(book, page, lang):  # a side-by-side page
            ctx["book"] = book
            return ctx
        book["untranslated"] = not page.file.src_uri.startswith(f"{lang}/")
        changed = build.last_changed.get(page.file.src_uri)  # its path in docs/, as git gives it
        book["updated"] = changed and {"iso": changed.date().isoformat(), "text": changed.strftime("%Y-%m-%d")}
        if build.translations is not None:
            state = tracking.page_state(build.translations, lang, rel, build.last_changed)
            book["stale"] = status.banner(state, page.url, build.site.default, build.site.use_directory_urls)
        site = build.site  # the front door's lists and how the reader's place is kept
        book.update(
            front_door.page_context(build.contents_of(lang).outline, lang, rel, page.url, site.default, site.use_directory_urls)
        )
        ctx["book"] = book
        return ctx

    def on_template_context(self, ctx, *, template_name, config):
        # Templates without a page (the 404 page) are in the build's language.
        ctx["book"] = context.page_context(self.build.site, config.theme["language"], "404.html", None)
        return ctx

    def on_post_page(self, output: str, *, page, config) -> str:
        site, lang = self.build.site, page_language(page, self.build.site)
        self.reading.write_twin(page, lang)
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
            self.reading.publish(Path(config.site_dir))
        if self.serving:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            problems = [str(e) for e in self.build.errors] + self.warnings.messages
            if problems:
                error_page.replace_pages(Path(config.site_dir), problems)

    def on_build_error(self, *, error: Exception) -> None:
        self.depth = 0  # the next build (a rebuild under serve) starts afresh
        logging.getLogger("mkdocs").removeHandler(self.warnings)

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
