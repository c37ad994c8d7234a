"""MkDocs wiring for the book: each event hands its work to a plain module in `book/`."""

from __future__ import annotations

import functools
import logging
import os
from urllib.parse import urlsplit
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from book.charts import render
from book.site import glossary
from book.site import history
from book.site import languages
from book.site import markup
from book.editions import offline
from book.site import search_index
from book.site import sizes
from book.site import template_cache
from book.translations import tracking
from book.translations import status
from book.errors import BookError, BookErrors
from book.site.strings import STRINGS

log = logging.getLogger("mkdocs.hooks.book")
ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_PAGE = "glossary.md"
DOWNLOAD_PATH = f"downloads/{offline.ZIP_NAME}"
VENDOR_ASSETS = {
    # site path: file in node_modules (installed by `npm ci`)
    "assets/vendor/plotly.min.js": ".book/plotly.min.js",  # built from plotly.js by scripts/plotly/bundle.mjs
    "assets/vendor/iframe-worker-shim.js": "iframe-worker/shim/index.js",
}


# Helpers


def _i18n(config):
    """The language setup, read from the i18n plugin so that it is written once, in mkdocs.yml."""
    plugin = config.plugins["i18n"]
    langs = [l.locale for l in plugin.config.languages if l.build]
    default = next(l.locale for l in plugin.config.languages if l.default)
    return plugin, langs, default


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _download(config):
    """The offline zip, when `make offline` has built it; the online site serves a copy."""
    # Where `make offline` leaves the zip; `make build` and tests may point elsewhere. Read at each build:
    # MkDocs loads this module once per process, and `make build` runs two builds in one.
    zip_path = Path(os.environ.get("BOOK_OFFLINE_ZIP") or ROOT / "build" / offline.ZIP_NAME)
    return None if _offline(config) or not zip_path.is_file() else zip_path


def _charts_cache() -> Path:
    """Figures and locale scripts, named by what they are made from; tests and `make bench` use their own folder."""
    return Path(os.environ.get("BOOK_CACHE_DIR") or ROOT / ".cache") / "charts"


def _glossary_terms(config, lang: str) -> list:
    path = Path(config.docs_dir) / lang / GLOSSARY_PAGE
    stat = path.stat() if path.is_file() else None
    return _read_glossary(path, stat and (stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)  # read once per build and language, not once per page; an edit changes the key
def _read_glossary(path: Path, version: tuple | None) -> list:
    return glossary.load(path)


def _page_lang(page) -> str:
    return getattr(page.file, "locale_alternate_of", None) or getattr(page.file, "locale", "ja")


def _share_compiled_templates(theme) -> None:
    """Every template environment the theme makes shares one cache of compiled templates.

    MkDocs makes an environment per build (one per language, and `make build` builds twice), and the
    search plugin one more for its settings: without this, each compiles the same templates again.
    """
    if getattr(theme.get_env, "book_shared_cache", False):
        return
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = template_cache.SHARED
        return env

    get_env.book_shared_cache = True
    theme.get_env = get_env


# Events


@event_priority(100)  # before Material's offline plugin, which would otherwise add a CDN script
def on_config(config):
    _share_compiled_templates(config.theme)
    if _offline(config):
        config.extra["polyfills"] = ["assets/vendor/iframe-worker-shim.js"]
    return config


def on_files(files, config):
    # Third-party browser assets come from node_modules, so the lock file is their only pin.
    for dest, source in VENDOR_ASSETS.items():
        path = ROOT / "node_modules" / source
        if not path.is_file():
            raise SystemExit(f"{path}: missing front-end asset — run `make build` (it runs `npm ci`) first")
        if files.get_file_from_path(dest) is None:
            files.append(File.generated(config, dest, abs_src_path=str(path)))
    download = _download(config)
    if download and files.get_file_from_path(DOWNLOAD_PATH) is None:
        files.append(File.generated(config, DOWNLOAD_PATH, abs_src_path=str(download)))
    # Charts: plotly's interface strings per language, and every chart checked once, before the first language builds.
    plugin, langs, default = _i18n(config)
    for lang in langs:
        locale = render.locale_file(lang, ROOT / "node_modules" / "plotly.js" / "lib" / "locales", _charts_cache())
        if locale and files.get_file_from_path(render.locale_path(lang)) is None:
            files.append(File.generated(config, render.locale_path(lang), abs_src_path=str(locale)))
    if plugin.current_language == default:
        project = Path(config.config_file_path).parent
        errors = render.check_book(Path(config.docs_dir), langs, lambda path: path.relative_to(project).as_posix())
        if errors:
            raise PluginError(str(BookErrors(errors)))
    return files


def on_page_markdown(markdown, page, config, files):
    # A figure before each marked table; the template loads charts.js only on pages that have one.
    lang = _page_lang(page)
    locale = render.locale_path(lang) if files.get_file_from_path(render.locale_path(lang)) else None
    scripts = render.Scripts(
        plotly=languages.relative_url(render.PLOTLY_PATH, page.url),
        locale=locale and languages.relative_url(locale, page.url),
    )
    path = Path(page.file.abs_src_path).relative_to(Path(config.config_file_path).parent).as_posix()
    first_line = render.first_body_line(page.file.content_string, markdown)
    try:
        markdown, count = render.render_charts(markdown, path, lang, scripts, first_line, _charts_cache())
    except BookError as error:
        raise PluginError(str(error)) from None
    if count:
        page.meta["book_charts"] = True
    _, _, default = _i18n(config)
    # The translation status page's table is made at each build.
    return status.fill_status(
        markdown, _translations, lang, page.url, default, config.use_directory_urls, _last_changed
    )


def _book_context(config, lang: str, page_url: str, norm_src_uri: str | None) -> dict:
    """What the templates need to know about the page: its language, alternates and banners."""
    _, langs, default = _i18n(config)
    site_url = config.site_url or ""
    alternates = []
    for other in langs:
        if norm_src_uri is None:  # a page with no source (404): point at each language's home
            url = languages.language_root(other, default)
            href = urlsplit(site_url).path + url
        else:
            url = languages.page_url(norm_src_uri, other, default, config.use_directory_urls)
            href = languages.relative_url(url, page_url)
        alternates.append(
            {
                "lang": other,
                "name": STRINGS[other]["language_name"],
                "href": href,
                "absolute": site_url + url,
                "current": other == lang,
            }
        )
    download = _download(config)
    return {
        "lang": lang,
        "t": STRINGS[lang],
        "alternates": alternates,
        "x_default": next(a["absolute"] for a in alternates if a["lang"] == default),
        "search_base": languages.relative_url(languages.language_root(lang, default), page_url) or "./",
        "offline": _offline(config),
        "download": download and {
            "href": languages.relative_url(DOWNLOAD_PATH, page_url) if norm_src_uri else urlsplit(site_url).path + DOWNLOAD_PATH,
            "size": sizes.human_size(download.stat().st_size, lang),
        },
    }


def on_pre_build(config):
    # The i18n plugin runs this once per language: read git history and the docs once per change of the docs.
    global _last_changed, _translations
    _, langs, _ = _i18n(config)
    _last_changed, _translations = _sources(Path(config.docs_dir), tuple(langs), _signature(Path(config.docs_dir)))


def _signature(docs: Path) -> tuple:
    """What a docs tree looks like on disk: a changed, added or removed page changes it."""
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(docs.rglob("*.md")))


@functools.lru_cache(maxsize=1)
def _sources(docs: Path, langs: tuple[str, ...], signature: tuple):
    return history.last_changed(ROOT), tracking.scan(docs, list(langs), root=ROOT)


_last_changed: dict = {}
_translations = None


def on_page_content(html, page, config, files):
    lang = _page_lang(page)
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    if norm == GLOSSARY_PAGE:
        return html
    _, _, default = _i18n(config)
    target = languages.page_url(GLOSSARY_PAGE, lang, default, config.use_directory_urls)
    return glossary.annotate_first_uses(html, _glossary_terms(config, lang), languages.relative_url(target, page.url))


def on_page_context(context, page, config, nav):
    lang = _page_lang(page)
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    context["book"] = _book_context(config, lang, page.url, norm)
    context["book"]["untranslated"] = getattr(page.file, "locale", lang) != lang
    source = Path(page.file.abs_src_path).resolve()
    changed = _last_changed.get(source.relative_to(ROOT).as_posix()) if source.is_relative_to(ROOT) else None
    context["book"]["updated"] = changed and {"iso": changed.date().isoformat(), "text": changed.strftime("%Y-%m-%d")}
    state = tracking.page_state(_translations, lang, norm, _last_changed)
    _, _, default = _i18n(config)
    context["book"]["stale"] = status.banner(state, page.url, default, config.use_directory_urls)
    return context


def on_template_context(context, template_name, config):
    # Static templates (the 404 page) have no page: give them the build's language.
    plugin, _, _ = _i18n(config)
    context["book"] = _book_context(config, plugin.current_language, "404.html", None)
    return context


def on_post_page(output, page, config):
    return markup.tidy(output)


def on_post_template(output, template_name, config):
    # Every language build writes 404.html at the root: keep the default language's
    # there and give the others their own copy in their folder.
    if template_name == "404.html":
        output = markup.tidy(output)
    plugin, _, default = _i18n(config)
    lang = plugin.current_language
    if template_name != "404.html" or lang == default:
        return output
    own = Path(config.site_dir) / lang / "404.html"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(output, encoding="utf-8")
    root = Path(config.site_dir) / "404.html"
    return root.read_text(encoding="utf-8") if root.is_file() else output


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config):
    _, langs, default = _i18n(config)
    settings = {lang: _search_settings(tuple(config.theme.dirs), lang) for lang in langs}
    search_index.write_language_indexes(Path(config.site_dir), settings, default, as_script=_offline(config))


@functools.lru_cache(maxsize=None)  # compiling the theme's language template costs more than the rest of this event
def _search_settings(theme_dirs: tuple[str, ...], lang: str) -> dict:
    """The theme's own search settings for a language (word separator and pipeline)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(theme_dirs), bytecode_cache=template_cache.SHARED)
    module = env.get_template(f"partials/languages/{lang}.html").module
    return {
        "separator": module.t("search.config.separator"),
        "pipeline": [fn.strip() for fn in module.t("search.config.pipeline").split(",") if fn.strip()],
    }
