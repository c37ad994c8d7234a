"""What the templates know about a page: its language, its other languages, banners and the download."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from book.site import languages, sizes
from book.site.strings import STRINGS


@dataclass(frozen=True)
class Site:
    """What every page of one build shares."""

    langs: list[str]
    default: str
    site_url: str
    use_directory_urls: bool
    offline: bool
    download: Path | None  # the offline zip the online edition serves, if built
    download_path: str  # where the site serves it


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
    download = None
    if site.download:
        href = (
            languages.relative_url(site.download_path, page_url)
            if norm_src_uri
            else urlsplit(site.site_url).path + site.download_path
        )
        download = {"href": href, "size": sizes.human_size(site.download.stat().st_size, lang)}
    return {
        "lang": lang,
        "t": STRINGS[lang],
        "alternates": alternates,
        "x_default": next(a["absolute"] for a in alternates if a["lang"] == site.default),
        "offline": site.offline,
        "download": download,
    }
