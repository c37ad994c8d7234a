"""The files a build adds to the site beside the pages, and the theme's files it leaves out."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from book.charts import render
from book.parallel import pages as parallel_pages
from book.site import context, minify, search_index
from book.sources import frontmatter, headings

VENDOR_ASSETS = {
    # site path: file in node_modules (installed by `npm ci`)
    render.PLOTLY_PATH: ".book/plotly.min.js",  # built from plotly.js by scripts/plotly/bundle.mjs
    "assets/vendor/iframe-worker-shim.js": "iframe-worker/shim/index.js",
}


def add(files: Files, config, site: context.Site, node_modules: Path, cache: Path) -> Files:
    """The front-end packages, the downloads that exist, plotly's locales, and the book's own CSS and JS minified."""
    for dest, source in VENDOR_ASSETS.items():  # from node_modules, so the lock file is their only pin
        path = node_modules / source
        if not path.is_file():
            raise PluginError(f"{path}: missing front-end asset — run `make setup` (it runs `npm ci`) first")
        _add(files, config, dest, path)
    for download in site.downloads:
        _add(files, config, download.path, download.file)
    for lang in site.plotly_locales:
        _add(
            files,
            config,
            render.locale_path(lang),
            render.locale_file(lang, node_modules / "plotly.js" / "lib" / "locales", cache / "charts"),
        )
    for file in [f for f in files if search_index.is_theme_search(f.src_uri)]:
        files.remove(file)  # the book's search worker answers instead: no page loads these
    own = {f.src_uri: f for f in files if _is_own_asset(f, config)}
    sources = {uri: Path(f.abs_src_path) for uri, f in own.items()}
    for uri, path in minify.minified(sources, cache / "assets", node_modules / ".bin" / "esbuild").items():
        files.remove(own[uri])
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _add(files: Files, config, dest: str, source: Path) -> None:
    if not source.is_file() and dest.startswith("downloads/"):
        return  # still being made beside this build (make build): copied in once made
    if files.get_file_from_path(dest) is None:
        files.append(File.generated(config, dest, abs_src_path=str(source)))


def _is_own_asset(file: File, config) -> bool:
    """A stylesheet or script of the book's theme overrides (not the theme's own, nor a page's)."""
    custom = config.theme.custom_dir
    return bool(custom and file.abs_src_path and file.src_uri.endswith(minify.SUFFIXES)) and Path(
        file.abs_src_path
    ).is_relative_to(custom)


def add_parallel(files: Files, config, docs: Path, paired: frozenset[str], default: str) -> None:
    """The side-by-side version of each paired page, with this build's language as its interface."""
    lang = config.theme["language"]
    for page in sorted(paired):
        source = docs / lang / page
        matter = frontmatter.read(source.read_text(encoding="utf-8"), str(source))
        title = matter.scalar("title") or headings.headings(matter.body)[0].text
        stub = parallel_pages.stub(title, matter.scalar("description"), lang)
        file = File.generated(config, parallel_pages.source_uri(page, lang), content=stub, inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = parallel_pages.dest(page, lang, default, config.use_directory_urls)
        files.append(file)


def link_parallel(nav, files: Files, lang: str, paired: frozenset[str], page_path) -> None:
    """Side-by-side pages lead to each other in reading order, as the book's pages do in their footers."""
    order = [page_path(page) for page in nav.pages]
    found = [files.get_file_from_path(parallel_pages.source_uri(page, lang)) for page in order if page in paired]
    shown = [file.page for file in found if file and file.page]
    for before, after in zip(shown, shown[1:]):
        before.next_page, after.previous_page = after, before
