"""Search engines and link previews: absolute, reciprocal alternates in the sitemap, a canonical URL, a description
and card tags on every page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from book import project
from book.parallel import pages as parallel_pages

SITE_URL = project.config()["site_url"]
LOCALES = {"ja": "ja_JP", "en": "en_US"}


class Head(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.links: list[dict] = []
        self.meta: dict[str, str] = {}
        self.alternate_locales: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key == "og:locale:alternate":
                self.alternate_locales.append(attrs["content"])
            elif key:
                self.meta[key] = attrs.get("content", "")


def heads(site) -> dict[str, Head]:
    """Each built page by its public URL."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or rel.removeprefix("en/").startswith(f"{parallel_pages.FOLDER}/"):
            continue  # side-by-side pages are noindex and in no sitemap (tests/build/test_parallel_built.py)
        pages[SITE_URL + rel.removesuffix("index.html")] = Head(path.read_text(encoding="utf-8"))
    return pages


def sitemap_alternates(site) -> dict[str, dict[str, str]]:
    """Each page of the sitemap with its hreflang alternates."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", sitemap, re.S):
        location = re.search(r"<loc>([^<]+)</loc>", block)[1]
        entries[location] = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', block))
    return entries


def test_alternates_are_absolute_reciprocal_and_have_x_default(site):
    pages, listed = heads(site), sitemap_alternates(site)
    assert sorted(listed) == sorted(pages)
    default = project.default_language()
    for url, alts in listed.items():
        assert set(alts) == {*project.languages(), "x-default"}, url
        assert all(href.startswith(SITE_URL) for href in alts.values()), alts
        lang = "en" if url.startswith(SITE_URL + "en/") else "ja"
        assert alts[lang] == url, f"{url}: does not list itself as {lang}"
        assert alts["x-default"] == alts[default]
        for other_lang, other_url in alts.items():
            if other_lang != "x-default":
                assert listed[other_url][lang] == url, f"{other_url} does not point back at {url}"
        head = pages[url]
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == [url]
        # The theme reads <link rel="alternate"> as a language root and requests a sitemap beside it.
        assert not [link for link in head.links if link.get("rel") == "alternate"], url


def test_every_page_has_a_description_and_card_tags(site):
    for url, head in heads(site).items():
        lang = "en" if url.startswith(SITE_URL + "en/") else "ja"
        description = head.meta.get("description", "")
        assert len(description) > 20, url
        assert head.meta["og:description"] == head.meta["twitter:description"] == description
        assert head.meta["og:title"] and head.meta["twitter:title"] == head.meta["og:title"]
        assert head.meta["og:url"] == url
        assert head.meta["og:image"] == SITE_URL + "assets/images/cover.png" == head.meta["twitter:image"]
        assert head.meta["twitter:card"] == "summary_large_image"
        assert head.meta["og:locale"] == LOCALES[lang]
        assert head.alternate_locales == [v for k, v in LOCALES.items() if k != lang]
        japanese = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", description))
        assert japanese == (lang == "ja"), f"{url}: description in the wrong language"
    assert (site / "assets" / "images" / "cover.png").stat().st_size > 10_000


def test_other_language_passages_carry_their_lang(site):
    front = (site / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Why Open-Weight AI Will Move from Cloud to Your Device' in front
