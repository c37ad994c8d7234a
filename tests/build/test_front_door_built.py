"""The front door and the Part pages' lists as built: every title, line and link comes from the nav and the pages
themselves, so each must read as the page it leads to; a new section appears everywhere once the nav names it."""

from __future__ import annotations

import html
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from book import outline, project
from book.site import languages
from book.site.strings import STRINGS
from book.sources import reading
from conftest import FIXTURE, ROOT, copy_book, mkdocs_build

LANGS = project.languages()
OUTLINES = outline.read(ROOT / "docs", LANGS, project.config()["nav"], project.nav_names())
TOC_ENTRY = re.compile(
    r'<(?P<tag>li|h3) class="book-toc__entry"(?: id="[^"]*")?(?: lang="(?P<lang>[^"]*)")?>\s*'
    r'<a class="book-toc__link" href="(?P<href>[^"]*)">(?P<title>[^<]*)</a> <span class="book-toc__time">(?P<time>[^<]*)</span>'
    r'(?:<p class="book-toc__line">(?P<line>[^<]*)</p>)?'
)


def text(fragment: str) -> str:
    """What a reader reads of some HTML: its text, without the glossary's tooltips (shown on hover)."""
    fragment = re.sub(r'<span class="book-term__tip".*?</span>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def front_page(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


def target(site: Path, page: str, href: str) -> Path:
    """The built file a link on `page` (a folder URL below the site) leads to."""
    path = posixpath.normpath(posixpath.join(page, href.split("#")[0]))
    return site / path / "index.html" if not path.endswith(".html") else site / path


def heading(page: Path) -> str:
    """The page's title as its reader sees it: its first heading, without the permalink sign."""
    first = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S).group(1)
    return text(re.sub(r'<a class="headerlink".*?</a>', "", first))


def built_page(site: Path, lang: str, rel: str) -> Path:
    return site / languages.page_url(rel, lang, LANGS[0], True) / "index.html"


def description(page: Path) -> str:
    return html.unescape(re.search(r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8")).group(1))


def article_text(page: Path) -> str:
    body = page.read_text(encoding="utf-8")
    article = body[body.index('<article class="md-content__inner md-typeset">') : body.index("</article>")]
    article = re.sub(
        r"<(script|style)\b.*?</\1>|<span class=\"book-term__tip\".*?</span>|<figure.*?</figure>", " ", article, flags=re.S
    )
    article = re.sub(r'<a class="headerlink".*?</a>|<aside class="md-source-file">.*?</aside>', " ", article, flags=re.S)
    return text(article)


@pytest.mark.parametrize("lang", LANGS)
def test_the_front_door_lists_every_part_and_section_as_the_pages_name_themselves(site, lang):
    page = front_page(lang)
    door = (site / page / "index.html").read_text(encoding="utf-8")
    entries = [m.groupdict() for m in TOC_ENTRY.finditer(door)]
    book = OUTLINES[lang]
    built_files = [built_page(site, lang, entry.rel) for entry in book.reading]
    assert [target(site, page, e["href"]) for e in entries] == built_files, "the nav's order: Parts, sections, Conclusion"
    for entry in entries:
        built = target(site, page, entry["href"])
        assert html.unescape(entry["title"]) == heading(built), f"{lang}: {entry['title']!r} leads to {built}"
        if entry["line"] is not None:
            assert html.unescape(entry["line"]) == description(built)
        assert re.fullmatch(STRINGS[lang]["minutes"].replace("{n}", r"\d+"), entry["time"]), entry["time"]
    parts = [e for e in entries if e["tag"] == "h3"]
    for part, built in zip(book.parts, parts):
        assert heading(target(site, page, built["href"])).startswith(part.name), "a Part's heading begins with its name"


@pytest.mark.parametrize("lang", LANGS)
def test_reading_times_match_what_the_reader_reads(site, lang):
    """Each section's time is its built text at the stated rate (500 characters or 238 words a minute), give or
    take a minute: the estimate is made from the Markdown, and the page adds numbers, captions and labels."""
    page = front_page(lang)
    door = (site / page / "index.html").read_text(encoding="utf-8")
    rate, by_character = reading.RATES[lang]
    assert f"{rate}" in text(re.search(r'<p class="book-contents__note">(.*?)</p>', door).group(1))
    for entry in (m.groupdict() for m in TOC_ENTRY.finditer(door)):
        if entry["tag"] != "li":
            continue
        words = article_text(target(site, page, entry["href"]))
        amount = len(re.sub(r"\s", "", words)) if by_character else len(re.findall(r"[^\W_]+(?:['’.,:-][^\W_]+)*", words))
        shown = int(re.search(r"\d+", entry["time"]).group(0))
        assert abs(shown - amount / rate) <= 1, f"{entry['title']}: {shown} min shown, {amount / rate:.1f} by its text"


@pytest.mark.parametrize("lang", LANGS)
def test_the_cover_gives_title_credit_start_and_downloads(site, offline_zip, lang):
    page = front_page(lang)
    door = (site / page / "index.html").read_text(encoding="utf-8")
    cover = door[door.index('<div class="book-cover">') : door.index('<h2 id="what-it-argues"')]
    t = STRINGS[lang]
    assert "<h1" in cover and "The Edge of Intelligence" in cover
    assert t["cover_author"] in cover and t["cover_adapted"] in cover
    start = re.search(r'<a class="md-button md-button--primary" href="([^"]*)" data-book-start>', cover).group(1)
    first_section = outline.layout(project.config()["nav"]).parts[0][1][1]  # the page after Part 1's own
    assert target(site, page, start) == built_page(site, lang, first_section)
    assert t["start_reading"] in cover and t["continue_reading"] in cover
    downloads = re.findall(r'<a href="([^"]*)" download class="book-download">([^<]*)</a> \(([^)]*)\)', cover)
    assert downloads and all((site / page / href).resolve().is_file() for href, _, _ in downloads)
    assert any(size.endswith("MB") and "pending" not in size for _, _, size in downloads), downloads


def test_the_offline_front_door_offers_no_downloads_and_links_its_own_pages(unzipped):
    door = (unzipped / "index.html").read_text(encoding="utf-8")
    assert 'class="book-cover__downloads"' not in door
    hrefs = [m.group("href") for m in TOC_ENTRY.finditer(door)]
    assert hrefs and all(href.endswith(".html") and (unzipped / href).is_file() for href in hrefs)


@pytest.mark.parametrize("lang", LANGS)
def test_each_part_page_lists_its_sections_from_the_nav(site, lang):
    for part in OUTLINES[lang].parts:
        folder = part.opening.rel.removesuffix("index.md")
        page = (front_page(lang) + folder).rstrip("/") + "/"
        built = (site / page / "index.html").read_text(encoding="utf-8")
        listed = re.search(r'<ul class="book-sections">(.*?)</ul>', built, re.S).group(1)
        items = re.findall(r'<li>\s*<a href="([^"]*)">([^<]*)</a>(.*?)</li>', listed, re.S)
        assert [heading(target(site, page, href)) for href, _, _ in items] == [s.title for s in part.sections]
        for href, title, rest in items:
            assert html.unescape(title) == heading(target(site, page, href))
            separator = "：" if lang == "ja" else ": "
            assert text(rest) == separator + description(target(site, page, href)), title


def test_the_sidebar_names_each_part_as_its_page_is_titled(site):
    for lang in LANGS:
        built = (site / front_page(lang) / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
        labels = [text(label) for label in re.findall(r'<span class="md-ellipsis">(.*?)</span>', built, re.S)]
        for part in OUTLINES[lang].parts:
            assert part.name in labels, f"{lang}: the sidebar does not name {part.name!r}"
            assert heading(built_page(site, lang, part.opening.rel)).startswith(part.name)


def test_the_editions_list_the_same_sections_on_each_part_page(tmp_path):
    from book.editions import chapters

    root = copy_book(tmp_path)
    (root / "CITATION.cff").symlink_to(ROOT / "CITATION.cff")
    for lang in LANGS:
        chapter = next(c for c in chapters.render(lang, root) if c.rel == "part-1/index.md")
        items = re.findall(r'<li><a [^>]*?href="book:([^"#]*)[^"]*">([^<]*)</a>', chapter.html)
        book = outline.read(root / "docs", LANGS, project.config(root)["nav"], project.nav_names(root))[lang]
        assert items == [(s.rel, s.title) for s in book.parts[0].sections]


# A new section: listed everywhere once the nav names it, without history.

NEW = {
    "ja": "---\ntitle: 1-3. 3つ目の節\ndescription: 新しく加えた節の一文。\n---\n\n# 1-3. 3つ目の節 {#s1-3}\n\n{text}\n",
    "en": "---\ntitle: 1-3. A third section\ndescription: The one line of a section just added.\n---\n\n"
    "# 1-3. A third section {#s1-3}\n\n{text}\n",
}


@pytest.fixture(scope="module")
def grown_book(tmp_path_factory):
    """The small book outside git, with a section added to Part 1 (and to the nav) that has never been committed."""
    root = copy_book(tmp_path_factory.mktemp("grown"))
    for lang, page in NEW.items():
        words = "あ" * 1500 if lang == "ja" else " ".join(["word"] * 714)  # three minutes in either language
        (root / "docs" / lang / "part-1" / "1-3.md").write_text(page.replace("{text}", words), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    nav = (
        (FIXTURE / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .split("nav:\n", 1)[1]
        .replace("      - part-1/1-2.md\n", "      - part-1/1-2.md\n      - part-1/1-3.md\n")
    )
    (root / "mkdocs.yml").write_text(config + "nav:\n" + nav, encoding="utf-8")
    from book.translations import tracking

    book = tracking.scan(root / "docs", LANGS)
    tracking.update(book, "en", "part-1/1-3.md", "ja")
    result = mkdocs_build(root / "site", root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_section_appears_on_the_front_door_and_its_part_page(grown_book, lang):
    site, prefix = grown_book / "site", front_page(lang)
    title = re.search(r"title: (.*)", NEW[lang]).group(1)
    door = (site / prefix / "index.html").read_text(encoding="utf-8")
    entry = next(m.groupdict() for m in TOC_ENTRY.finditer(door) if m["title"] == title)
    assert entry["time"] == STRINGS[lang]["minutes"].format(n=3)
    assert target(site, prefix, entry["href"]) == site / prefix / "part-1" / "1-3" / "index.html"
    part = (site / prefix / "part-1" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="1-3/">{title}</a>' in part
    new_page = (site / prefix / "part-1" / "1-3" / "index.html").read_text(encoding="utf-8")
    assert "md-source-file" not in new_page, "a page without history shows no date"


def test_a_new_section_without_its_line_stops_the_build(tmp_path):
    root = copy_book(tmp_path)
    page = root / "docs" / "en" / "part-1" / "1-2.md"
    page.write_text(re.sub(r"description: .*\n", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(root / "site", root / "mkdocs.yml")
    assert result.returncode != 0
    assert "docs/en/part-1/1-2.md:1: the page has no description — write one sentence after description:" in result.stderr
    assert result.stderr.count("1-2.md:1:") == 1  # one message for one mistake
    assert "Traceback" not in result.stderr


def test_a_part_named_otherwise_in_the_nav_stops_the_build(tmp_path):
    root = copy_book(tmp_path)
    config = root / "mkdocs.yml"
    nav = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").split("nav:\n", 1)[1].replace("第1部：収束", "第1部 収束")
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n" + nav, encoding="utf-8")
    result = mkdocs_build(root / "site", config)
    assert result.returncode != 0
    assert (
        "docs/ja/part-1/index.md:2: the title '第1部：収束' does not begin with the Part's name in mkdocs.yml's nav, '第1部 収束'"
    ) in result.stderr
    assert "untranslated" in result.stderr and "docs/en/part-1/index.md:2:" in result.stderr
    shutil.rmtree(root / "site", ignore_errors=True)
