"""What the templates know about a page: its language, its other languages, banners and the download."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from book import project
from book.site import languages, sizes
from book.site.strings import STRINGS


@dataclass(frozen=True)
class Download:
    """A file the site offers: the offline zip (every language) or one language's PDF or EPUB."""

    kind: str  # offline, pdf or epub: its label is the string download_<kind>
    lang: str | None  # None: offered on every language's pages
    file: Path  # the built file, for its size
    path: str  # where the site serves it
    later: bool = False  # still being made beside this build, which leaves its size to be filled in (sizes.pending)


@dataclass(frozen=True)
class Site:
    """What every page of one build shares."""

    langs: list[str]
    default: str
    site_url: str
    use_directory_urls: bool
    offline: bool
    downloads: tuple[Download, ...] = ()  # only files that exist: a build without editions offers none of them
    plotly_locales: dict[str, str] = field(default_factory=dict)  # language → where plotly's locale script is, if it has one


def downloads(zip_path: Path, zip_pending: bool, editions: Path, langs: list[str]) -> tuple[Download, ...]:
    """The offline zip and each language's PDF and EPUB that have been built; a missing one is simply not offered."""
    found = [Download("offline", None, zip_path, project.ZIP_DOWNLOAD, zip_pending)] if zip_pending or zip_path.is_file() else []
    for lang in langs:
        for kind in project.EDITION_KINDS:
            file = editions / project.edition_name(lang, kind)
            if file.is_file():
                found.append(Download(kind, lang, file, f"downloads/{file.name}"))
    return tuple(found)


def page_context(site: Site, lang: str, page_url: str, norm_src_uri: str | None) -> dict:
    """The `book` variable of a page's template; a page with no source (404) links each language's home."""
    alternates = []
    for other in site.langs:
        if norm_src_uri is None:
            url = languages.language_root(other, site.default)
            href = urlsplit(site.site_url).path + url
        else:
            url = languages.page_url(norm_src_uri, other, site.default, site.use_directory_urls)
            href = languages.relative_url(url, page_url)
        alternates.append(
            {
                "lang": other,
                "name": STRINGS[other]["language_name"],
                "href": href,
                "absolute": site.site_url + url,
                "current": other == lang,
            }
        )
    downloads = []
    for download in site.downloads:
        if download.lang not in (None, lang):
            continue
        href = languages.relative_url(download.path, page_url) if norm_src_uri else urlsplit(site.site_url).path + download.path
        label = STRINGS[lang][f"download_{download.kind}"]
        size = sizes.pending(download.path) if download.later else sizes.human_size(download.file.stat().st_size, lang)
        downloads.append({"href": href, "label": label, "size": size})
    return {
        "lang": lang,
        "t": STRINGS[lang],
        "alternates": alternates,
        "x_default": next(a["absolute"] for a in alternates if a["lang"] == site.default),
        "offline": site.offline,
        "downloads": downloads,
        "plotly_locale": site.plotly_locales.get(lang),
    }
