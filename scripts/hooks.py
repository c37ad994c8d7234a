"""MkDocs wiring for the book: each event hands its work to a plain module in `book/`."""

from __future__ import annotations

import functools
import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from book import project, sidecar, sources_state
from book.charts import later, render
from book.checks import sources
from book.errors import BookError, BookErrors
from book.numbering import labels as numbering
from book.numbering import render as numbered
from book.references import bibliography, cff
from book.references import pages as reference_pages
from book.references.citations import REFERENCES_PAGE
from book.site import (
    context,
    finishing,
    history,
    languages,
    minify,
    nav_sections,
    not_found,
    search_index,
    template_cache,
)
from book.translations import status, tracking

GLOSSARY_PAGE = "glossary.md"
VENDOR_ASSETS = {
    # site path: file in node_modules (installed by `npm ci`)
    "assets/vendor/plotly.min.js": ".book/plotly.min.js",  # built from plotly.js by scripts/plotly/bundle.mjs
    "assets/vendor/iframe-worker-shim.js": "iframe-worker/shim/index.js",
}


@dataclass
class Build:
    """What one build knows: the i18n plugin runs every event once per language, so it is read once here."""

    site: context.Site
    project_root: Path
    last_changed: dict
    translations: Callable[[], tracking.Book]  # read beside the build: pages need it only once they are rendered
    references: list[bibliography.Group]
    reading_order: list[str]  # the nav's pages: where each reference is cited, and the translation status table
    numbers: dict[str, dict] = field(default_factory=dict)  # per language: (kind, id) → its table or figure number
    charts: dict[str, tuple] = field(default_factory=dict)  # a page's file, as shown → (language, its charts)
    figures: dict[str, dict] = field(default_factory=dict)
    locales: dict[str, str | None] = field(default_factory=dict)  # per language: plotly's locale script, if the site has one
    beside: sidecar.Sidecar | None = None  # the translation records, the theme's templates and the checks, done beside this build
    plots: later.Plots | None = None
    finisher: finishing.Finisher | None = None  # each page's last work and its charts' plots, done beside the build

    def figure_numbers(self, lang: str) -> dict:
        """Each chart's number and the line naming its table: the same on every page of a language."""
        if lang not in self.figures:
            self.figures[lang] = numbered.figure_numbers(self.numbers.get(lang, {}), lang)
        return self.figures[lang]


# One Build per build: the i18n plugin object lives exactly as long as one (serve makes a new one per rebuild).
_builds: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_beside: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # each build's sidecar, started first (see _jobs_beside)


def _build(config) -> Build:
    return _builds[config.plugins["i18n"]]


def _lang(config) -> str:
    return config.plugins["i18n"].current_language or _build(config).site.default


def _page_lang(page) -> str:
    return getattr(page.file, "locale_alternate_of", None) or page.file.locale


def _repo_path(path: str, config) -> str:
    return Path(path).relative_to(Path(config.config_file_path).parent).as_posix()


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _reported(event):
    """Bad content is a BookError with its path:line; anything else still names the page, not a traceback."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except PluginError:
            raise
        except Exception as error:
            # Bad sources can break a step before the source checks have answered: their report comes first.
            try:
                errors = _check_errors(kwargs.get("config") or next((a for a in args if hasattr(a, "plugins")), None))
            except Exception:  # the checks' own failure: this step's error, reported below, says what it was
                errors = []
            _raise(errors)
            if isinstance(error, BookError):
                raise PluginError(str(error)) from None
            page = kwargs.get("page") or next((a for a in args if hasattr(a, "file")), None)
            where = page.file.src_uri if page is not None else "the build"
            raise PluginError(
                f"docs/{where}: unexpected {type(error).__name__} while building it ({error}) "
                "— check this page's Markdown, and report it as a bug if the page looks right"
            ) from None

    return run


def _check_errors(config) -> list[BookError]:
    """The source checks' errors for this build, once they have answered ([] before the build has started them)."""
    beside = _beside.get(config.plugins["i18n"]) if config is not None else None
    return beside.result("checks") if beside is not None else []


def _raise(errors: list[BookError]) -> None:
    if errors:
        raise PluginError(str(BookErrors(errors)))


@event_priority(100)  # before Material's offline plugin, which would otherwise add a CDN script
@_reported
def on_config(config):
    if _offline(config):
        config.extra["polyfills"] = ["assets/vendor/iframe-worker-shim.js"]
    return config


@_reported
def on_pre_build(config):
    # After every plugin's on_config (the offline plugin turns directory URLs off), once per build.
    plugin = config.plugins["i18n"]
    if plugin in _builds:  # the next language of the same build
        return
    offline = _offline(config)
    # Where `make offline` leaves the zip; `make build` and tests point elsewhere. Read at each build.
    zip_path = Path(os.environ.get("BOOK_OFFLINE_ZIP") or project.ROOT / "build" / project.ZIP_NAME)
    langs = [l.locale for l in plugin.config.languages if l.build]
    downloads = [] if offline else _downloads(zip_path, langs)
    site = context.Site(
        langs=langs,
        default=next(l.locale for l in plugin.config.languages if l.default),
        site_url=config.site_url or "",
        use_directory_urls=config.use_directory_urls,
        offline=offline,
        downloads=tuple(downloads),
    )
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    key = (str(root), tuple(langs))
    kept = _cache("sources")
    shown = functools.partial(_repo_path, config=config)
    charts = sources_state.once("charts", docs, key, lambda: render.charts_of_book(docs, langs, lambda p: shown(str(p))), kept)
    beside = sources_state.once("beside", docs, key, lambda: sidecar.Sidecar(_jobs_beside(config, root, langs)))
    _beside[plugin] = beside
    translations = functools.partial(beside.result, "translations")
    bib = shown(str(docs / "references.yml"))
    references = sources_state.once("references", docs, (bib,), lambda: bibliography.load(docs / "references.yml", bib), kept)
    reading_order = reference_pages.nav_pages(config.nav or [])
    numbers = sources_state.once(
        "numbers",
        docs,
        (*key, tuple(reading_order), site.default),
        lambda: numbering.numbers_by_language(docs, langs, reading_order, site.default),
        kept,
    )
    last_changed = history.last_changed(project.ROOT)
    plots = later.Plots()
    # After the sidecar: its process must not hold the finisher's pipe open.
    finisher = finishing.Finisher(offline, functools.partial(_draw_plots, charts), _charts_cache())
    _builds[plugin] = Build(
        site,
        root,
        last_changed,
        translations,
        references,
        reading_order,
        numbers,
        charts,
        beside=beside,
        plots=plots,
        finisher=finisher,
    )


def _draw_plots(charts: dict) -> dict[str, str]:
    """The book's plots: drawings, and the figures plotly draws where no build drew them before."""
    with sources_state.locked(_cache("charts.lock")):  # `make build`'s two builds: plotly draws each missing figure once
        return render.plots_of_book(charts, _charts_cache())


def _jobs_beside(config, root: Path, langs: list[str]) -> dict:
    """The work a build does in another process, in the order it needs the answers: the translation records (for
    the status page and each page's banner), on a fresh clone the theme's templates (pages need them once Markdown is
    rendered), then the checks `make check` runs (on_post_build, or a failing step, waits for their errors)."""
    docs, templates = Path(config.docs_dir), _cache("templates")

    def compile_templates() -> None:
        with sources_state.locked(_cache("templates.lock")):  # `make build`'s two builds: one compiles, one waits
            if not (templates.is_dir() and any(templates.iterdir())):
                env = config.theme.get_env()
                env.bytecode_cache = template_cache.shared(templates)
                template_cache.compile_theme(env, config.theme.dirs, langs)

    also = (root / "mkdocs.yml", root / cff.FILE)  # the checks read the nav and the citation file too

    def translations() -> tracking.Book:
        scan = functools.partial(tracking.scan, docs, langs, root=project.ROOT)
        return sources_state.once("translations", docs, (str(root), tuple(langs)), scan, _cache("sources"))

    return {
        "translations": translations,
        "templates": compile_templates,
        "checks": lambda: sources_state.once(
            "checks", docs, (str(root), tuple(langs)), lambda: sources.problems(root, langs)[0], _cache("sources"), also
        ),
    }


def _downloads(zip_path: Path, langs: list[str]) -> list[context.Download]:
    """The offline zip and each language's PDF and EPUB that have been built; a missing one is simply not offered."""
    later = bool(os.environ.get("BOOK_OFFLINE_ZIP_LATER"))  # `make build` makes it meanwhile, then adds it and its size
    found = [context.Download("offline", None, zip_path, project.ZIP_DOWNLOAD, later)] if later or zip_path.is_file() else []
    editions = Path(os.environ.get("BOOK_EDITIONS_DIR") or project.ROOT / project.EDITIONS_DIR)
    for lang in langs:
        for kind in project.EDITION_KINDS:
            file = editions / project.edition_name(lang, kind)
            if file.is_file():
                found.append(context.Download(kind, lang, file, f"downloads/{file.name}"))
    return found


@_reported
def on_env(env, config, files):
    # Every language build makes its own template environment: compile each template once, for this build and the next.
    env.bytecode_cache = template_cache.shared(_cache("templates"))
    env.globals["book_nav"] = nav_sections.Sections()  # overrides/partials/nav.html: this build's sections
    return env


@_reported
def on_files(files, config):
    build = _build(config)
    # Third-party browser assets come from node_modules, so the lock file is their only pin.
    for dest, source in VENDOR_ASSETS.items():
        path = project.ROOT / "node_modules" / source
        if not path.is_file():
            raise PluginError(f"{path}: missing front-end asset — run `make setup` (it runs `npm ci`) first")
        if files.get_file_from_path(dest) is None:
            files.append(File.generated(config, dest, abs_src_path=str(path)))
    for download in build.site.downloads:
        if not download.later and files.get_file_from_path(download.path) is None:
            files.append(File.generated(config, download.path, abs_src_path=str(download.file)))
    for lang in build.site.langs:  # plotly's interface strings per language
        locale = render.locale_file(lang, project.ROOT / "node_modules" / "plotly.js" / "lib" / "locales", _charts_cache())
        if locale and files.get_file_from_path(render.locale_path(lang)) is None:
            files.append(File.generated(config, render.locale_path(lang), abs_src_path=str(locale)))
    for file in [f for f in files if search_index.is_theme_search(f.src_uri)]:
        files.remove(file)  # the book's search worker answers instead: no page loads these
    own = {f.src_uri: f for f in files if _is_own_asset(f, config)}
    esbuild = project.ROOT / "node_modules" / ".bin" / "esbuild"
    sources = {uri: Path(f.abs_src_path) for uri, f in own.items()}
    for uri, path in minify.minified(sources, _cache("assets"), esbuild).items():
        files.remove(own[uri])
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _is_own_asset(file, config) -> bool:
    """A stylesheet or script of the book's theme overrides (not the theme's own, nor a page's)."""
    custom = config.theme.custom_dir
    return bool(custom and file.abs_src_path and file.src_uri.endswith(minify.SUFFIXES)) and Path(
        file.abs_src_path
    ).is_relative_to(custom)


def _cache(part: str) -> Path:
    """A folder of the build cache, where everything is named by what it is made from; tests and `make bench` use their own."""
    return Path(os.environ.get("BOOK_CACHE_DIR") or project.ROOT / ".cache") / part


def _charts_cache() -> Path:
    """Figures and plotly's locale scripts."""
    return _cache("charts")


@_reported
def on_page_markdown(markdown, page, config, files):
    # A figure before each marked table; the template loads charts.js only on pages that have one.
    build, lang = _build(config), _page_lang(page)
    if lang not in build.locales:  # the same for every page of a language: looking it up in `files` is slow
        build.locales[lang] = render.locale_path(lang) if files.get_file_from_path(render.locale_path(lang)) else None
    locale = build.locales[lang]
    scripts = render.Scripts(
        plotly=languages.relative_url(render.PLOTLY_PATH, page.url),
        locale=locale and languages.relative_url(locale, page.url),
    )
    first_line = render.first_body_line(page.file.content_string, markdown)
    path = _repo_path(page.file.abs_src_path, config)
    numbers = build.numbers.get(lang, {})
    figures = build.figure_numbers(lang)
    markdown, count = render.render_charts(
        markdown,
        path,
        lang,
        scripts,
        first_line,
        _charts_cache(),
        figures,
        build.plots.placer(page.file.abs_dest_path),
        build.charts.get(path, (lang, None))[1],
    )
    if count:
        page.meta["book_charts"] = True
    markdown = numbered.apply(
        markdown, lang, numbers, lambda label: _page_href(label.page, page, build, lang) + "#" + label.anchor
    )
    markdown = _cite(markdown, page, build, lang)
    markdown = cff.fill_about(markdown, build.project_root / cff.FILE, lang)  # the About page's citation blocks
    # The translation status page's table is made at each build.
    site = build.site
    return status.fill_status(
        markdown,
        build.translations(),
        lang,
        page.url,
        site.default,
        site.use_directory_urls,
        build.last_changed,
        order=build.reading_order,
    )


def _page_href(rel: str, page, build: Build, lang: str) -> str:
    """Another page of the same language, relative to this one ("" for this page itself)."""
    site = build.site
    target = languages.page_url(rel, lang, site.default, site.use_directory_urls)
    return "" if target == page.url else languages.relative_url(target, page.url)


def _cite(markdown: str, page, build: Build, lang: str) -> str:
    site, norm = build.site, getattr(page.file, "norm_src_uri", page.file.src_uri)

    def url(rel: str) -> str:
        return languages.relative_url(languages.page_url(rel, lang, site.default, site.use_directory_urls), page.url)

    docs = Path(page.file.abs_src_path).parents[len(Path(norm).parts)]
    return reference_pages.cite(markdown, norm, lang, build.references, build.reading_order, docs, url)


@_reported
def on_page_content(html, page, config, files):
    # Each glossary term's first use on a page links to its entry and explains it on hover and focus, and tables get
    # their labels and unbroken numbers: once the page is written (book.site.finishing), so search parses none of it.
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    if norm in (GLOSSARY_PAGE, REFERENCES_PAGE):  # the glossary itself; sources' titles are names, not the book's terms
        return html
    return finishing.mark_content(html)


@_reported
def on_page_context(ctx, page, config, nav):
    build, lang = _build(config), _page_lang(page)
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    book = context.page_context(build.site, lang, page.url, norm)
    book["untranslated"] = page.file.locale != lang
    source = Path(page.file.abs_src_path).resolve()
    changed = build.last_changed.get(source.relative_to(project.ROOT).as_posix()) if source.is_relative_to(project.ROOT) else None
    book["updated"] = changed and {"iso": changed.date().isoformat(), "text": changed.strftime("%Y-%m-%d")}
    state = tracking.page_state(build.translations(), lang, norm, build.last_changed)
    book["stale"] = status.banner(state, page.url, build.site.default, build.site.use_directory_urls)
    ctx["book"] = book
    return ctx


@_reported
def on_template_context(ctx, template_name, config):
    # Static templates (the 404 page) have no page: give them the build's language.
    ctx["book"] = context.page_context(_build(config).site, _lang(config), "404.html", None)
    return ctx


@_reported
def on_post_page(output, page, config):
    # The page's last work is done beside the build (book.site.finishing); search looks in its language's root.
    if not output or output.isspace():  # MkDocs writes no file for it
        return output
    build = _build(config)
    site = build.site
    lang = _page_lang(page)
    base = languages.relative_url(languages.language_root(lang, site.default), page.url) or "./"
    glossary_url = languages.page_url(GLOSSARY_PAGE, lang, site.default, site.use_directory_urls)
    build.finisher.page(  # finished once written, while the next page renders
        finishing.Page(
            page.file.abs_dest_path,
            base,
            str(Path(config.docs_dir) / lang / GLOSSARY_PAGE),
            languages.relative_url(glossary_url, page.url),
            build.plots.on_page(page.file.abs_dest_path),
        )
    )
    return output


@_reported
def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    site = _build(config).site
    page_html = finishing.finish(output, site.offline)
    return not_found.place(page_html, Path(config.site_dir), _lang(config), site.default)


@event_priority(-200)  # after the i18n plugin has built every language
@_reported
def on_post_build(config):
    _raise(_check_errors(config))
    build = _build(config)
    build.finisher.close()  # every language's pages are written and finished
    build.beside.close()  # every job has answered
    settings = {lang: search_index.SETTINGS[lang] for lang in build.site.langs}
    search_index.write_language_indexes(Path(config.site_dir), settings, build.site.default, as_script=build.site.offline)
