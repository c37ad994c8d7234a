"""The PDF and EPUB editions, built once per session as `make editions` builds them, then read back.

Every expectation comes from the docs or the built site: headings from the Markdown (as the books read it:
`<!-- book -->` blocks, `book_title:`), sentences from the site's pages, the number of charts from the chart
markers, the pages of each chapter from the PDF's own bookmarks.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from book import project
from book.charts.figures import TEXT as CHART_TEXT
from book.charts.figures import series
from book.editions.chapters import SITE_ONLY, book_pages, part_titles
from book.numbering import labels as numbering
from book.parallel import pages as parallel_pages
from book.references import pages as reference_pages
from book.references.citations import REFERENCES_PAGE
from book.site.sizes import human_size
from book.site.strings import STRINGS
from book.sources import captions, frontmatter, headings
from book.sources import editions as edition_blocks
from conftest import FIXTURE, ROOT, build_env, make_build, marked_charts, serve_directory

pytestmark = pytest.mark.browser  # Vivliostyle typesets in Chromium
LANGS = project.languages()
EPUBCHECK = "/usr/share/java/epubcheck.jar"
ACE = ROOT / "node_modules" / ".bin" / "ace-puppeteer"
CHARTS_CSS = ROOT / "src" / "book" / "editions" / "charts.css"
PRINT_CSS = ROOT / "src" / "book" / "editions" / "print.css"
FILL = re.compile(r"fill:rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)")
PAGE_HEIGHT = 595.276  # A5, in pt
HEAD, FOOT = 47, 541  # pt from the top: running heads above HEAD, folios below FOOT (print.css's margins)
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
# Words that speak of a web site, which a printed book or an e-book must not use of itself.
SITE_WORDS = {
    "en": ["this site", "interactive", "tooltip", "click", "hover", "scroll", "start reading"],
    "ja": ["このサイト", "インタラクティブ", "ツールチップ", "クリック", "から読む", "スクロール"],
}


def series_colours() -> list[tuple[int, int, int]]:
    """The series colours of the editions' charts.css (.book-chart__s0…s4), in order."""
    found = dict(re.findall(r"\.book-chart__s(\d) \{ fill: #([0-9a-f]{6}); \}", CHARTS_CSS.read_text(encoding="utf-8")))
    return [tuple(int(found[n][i : i + 2], 16) for i in (0, 2, 4)) for n in sorted(found)]


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG's relative luminance."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def series_marks(svg_text: str) -> int:
    """How many shapes of the page are filled with a chart series' colour."""
    count, colours = 0, series_colours()
    for match in FILL.finditer(svg_text):
        rgb = [float(v) * 2.55 for v in match.groups()]
        count += any(all(abs(a - b) < 1.5 for a, b in zip(rgb, colour)) for colour in colours)
    return count


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> Path:
    """`make editions`' first step: every PDF and EPUB, into a folder of the session's."""
    out = tmp_path_factory.mktemp("editions")
    command = [sys.executable, "-m", "book.commands.editions", "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def editions_site(tmp_path_factory, editions) -> Path:
    """`make editions`' second step, the site offering the editions just built: the small book's site, whose pages
    offer them as the whole book's do."""
    result = make_build(tmp_path_factory.mktemp("editions-site"), FIXTURE / "mkdocs.yml", editions)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.site


def pdf(editions: Path, lang: str) -> Path:
    return editions / project.edition_name(lang, "pdf")


def pdf_text(path: Path, body_only: bool = False) -> str:
    """The PDF's text; `body_only` leaves out the top and bottom margins' running heads and page numbers (A5, in pt)."""
    crop = ["-x", "0", "-y", "48", "-W", "420", "-H", "500"] if body_only else []
    return subprocess.run(["pdftotext", "-q", *crop, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text compared without whitespace or hyphens: line breaks, CJK–Latin spacing and a hyphen at a line's end
    (which pdftotext joins away) differ between a page and a PDF; the books' curly quotes are the site's straight
    ones, and a ligature its letters."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).translate(QUOTES)
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def plain_heading(markdown_text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)  # a link's text
    return re.sub(r"[*_`]", "", text).strip()


def book_page(lang: str, rel: str) -> tuple[frontmatter.FrontMatter, str]:
    """A page's front matter, and its body as the books read it (book blocks kept, site blocks left out)."""
    path = ROOT / "docs" / lang / rel
    matter = frontmatter.read(path.read_text(encoding="utf-8"), str(path))
    return matter, edition_blocks.for_edition(matter.body, "book")


def book_title(lang: str, rel: str) -> str:
    """A page's title in the books: its book_title, else its first heading."""
    matter, body = book_page(lang, rel)
    return matter.scalar(edition_blocks.TITLE_KEY) or plain_heading(headings.headings(body)[0].text)


def kinds() -> dict[str, str]:
    """Each page's place in the book: front, part (a Part's opening), section, or back."""
    pages = book_pages()
    in_parts = [i for i, (_, part) in enumerate(pages) if part]
    return {
        rel: "part" if part and rel.endswith("index.md") else "section" if part else "front" if i < in_parts[0] else "back"
        for i, (rel, part) in enumerate(pages)
    }


def book_headings(lang: str) -> list[str]:
    """Every heading of every page of the book, levels 1–3, in reading order, as the books read the Markdown."""
    out = []
    for rel, _ in book_pages():
        _, body = book_page(lang, rel)
        found = [plain_heading(h.text) for h in headings.headings(body) if h.level <= 3]
        out += [book_title(lang, rel), *found[1:]]
    return out


def page_texts(path: Path, y: float = 0, height: float = PAGE_HEIGHT) -> list[str]:
    """Each page's text inside a band from `y` (pt from the top) `height` high; index 0 is page 1."""
    crop = ["-x", "0", "-y", str(int(y)), "-W", "420", "-H", str(int(height))]
    return subprocess.run(["pdftotext", "-q", *crop, str(path), "-"], capture_output=True, text=True, check=True).stdout.split(
        "\f"
    )


def words(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (xMin, yMin, xMax, yMax, text), in pt from the top left."""
    layout = subprocess.run(["pdftotext", "-q", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for line in layout.splitlines():
        if "<page " in line:
            pages.append([])
        elif found := re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line):
            pages[-1].append((*map(float, found.groups()[:4]), html.unescape(found.group(5))))
    return pages


def site_page(site: Path, lang: str, rel: str) -> Path:
    prefix = "" if lang == project.default_language() else f"{lang}/"
    stem = rel.removesuffix(".md")
    folder = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
    return site / f"{prefix}{folder}index.html"


def sample_sentences(site: Path, lang: str, rel: str) -> list[str]:
    """The first, middle and last paragraph of the page's article as the site shows it (no footnote calls)."""
    article = site_page(site, lang, rel).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    article = re.sub(r'<span class="book-term__tip".*?</span>', "", article, flags=re.S)
    article = article.split('<div class="footnote">', 1)[0]  # the notes: at the foot of pages in the PDF
    paragraphs = [
        re.sub(r"<[^>]+>", "", p)
        for p in re.findall(r"<p>(.*?)</p>", article, re.S)
        if "<sup" not in p and "book-translation" not in p
    ]
    paragraphs = [p for p in paragraphs if len(p.strip()) > 15 and squeeze(p)[:20] not in site_only(lang, rel)]
    return list(dict.fromkeys([paragraphs[0], paragraphs[len(paragraphs) // 2], paragraphs[-1]])) if paragraphs else []


def site_only(lang: str, rel: str) -> str:
    """The text of a page's `<!-- site -->` blocks, squeezed: what the books leave out."""
    path = ROOT / "docs" / lang / rel
    body = frontmatter.read(path.read_text(encoding="utf-8"), str(path)).body
    kept = set(edition_blocks.for_edition(body, "book").splitlines())
    lines = [line for line in edition_blocks.for_edition(body, "site").splitlines() if line not in kept]
    return squeeze(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "".join(lines)))  # a link's text, as the page shows it


def without_page_references(text: str, lang: str) -> str:
    """The PDF's text without the page numbers its cross-references add (the site has none)."""
    before, after = (part.strip() for part in STRINGS[lang]["xref_page"])
    return re.sub(re.escape(before) + r"\s*\d+\s*" + re.escape(after), "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_every_heading_in_reading_order(editions, lang):
    text = squeeze(pdf_text(pdf(editions, lang)))
    titles = book_headings(lang)
    # The contents list every page's title first; the pages themselves follow it.
    position = text.index(squeeze(book_title(lang, book_pages()[-1][0]))) + 1
    missing = []
    for title in titles:
        found = text.find(squeeze(title), position)
        if found < 0:
            missing.append(title)
        else:
            position = found + 1
    assert not missing, f"headings missing or out of order in the {lang} PDF: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_sentences_from_every_page_of_the_site(editions, site, lang):
    text = squeeze(without_page_references(pdf_text(pdf(editions, lang), body_only=True), lang))
    pages = [rel for rel, _ in book_pages()]
    # Every page the site built in this language is in the book, except the site's own bookkeeping pages.
    others = [other for other in LANGS if other != project.default_language()]
    built = {
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if (p.relative_to(site).parts[0] == lang) == (lang in others)
        and (lang in others or p.relative_to(site).parts[0] not in others)
        and parallel_pages.FOLDER not in p.relative_to(site).parts[:2]  # the side-by-side views of these same pages
    }
    assert built == {site_page(site, lang, rel).relative_to(site).as_posix() for rel in [*pages, *SITE_ONLY]}
    missing = []
    for rel in pages:
        sentences = sample_sentences(site, lang, rel)
        assert sentences, f"no paragraph found on the site's {rel}"
        missing += [f"{rel}: {s[:60]}" for s in sentences if squeeze(s) not in text]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_numbers_every_table_and_figure_as_the_site_does(editions, lang):
    """Each captioned table and chart carries its number, and no reference is left as written in Markdown."""
    config = project.config()
    docs = ROOT / "docs"
    order = reference_pages.nav_pages(config["nav"])
    labels = numbering.numbers_by_language(docs, LANGS, order, project.default_language())[lang]
    assert labels, "the book has numbered tables and figures"
    text = squeeze(pdf_text(pdf(editions, lang), body_only=True))
    assert [label.name(lang) for label in labels.values() if squeeze(label.name(lang)) not in text] == []
    assert not captions.REFERENCE.search(text)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_embeds_every_font_with_a_japanese_one_in_japanese(editions, lang):
    listing = subprocess.run(["pdffonts", str(pdf(editions, lang))], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows
    assert all(row[-5] == "yes" for row in rows), listing  # the "emb" column
    assert not [row for row in rows if "Type" in row and "3" in row], f"bitmap-like Type 3 fonts:\n{listing}"
    if lang == "ja":
        assert any(re.search(r"Mincho|Gothic|CJK", row[0]) for row in rows), listing


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_metadata_size_and_outline(editions, lang):
    info = subprocess.run(["pdfinfo", str(pdf(editions, lang))], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+The Edge of Intelligence$", info, re.M)
    assert STRINGS[lang]["author_name"] in info and STRINGS[lang]["contributors_name"] in info
    assert "419.528 x 595.276 pts" in info  # A5
    outline = subprocess.run(
        ["pdftohtml", "-q", "-xml", "-i", "-stdout", str(pdf(editions, lang))], capture_output=True, text=True
    ).stdout
    bookmarks = re.findall(r"<item page=\"\d+\">(.*?)</item>", outline)
    assert [squeeze(b) for b in bookmarks] == [squeeze(book_title(lang, rel)) for rel, _ in book_pages()]


@pytest.mark.parametrize("lang", LANGS)
def test_citations_link_to_the_references_pages_and_web_links_stay_live(editions, lang):
    path = pdf(editions, lang)
    xml = subprocess.run(["pdftohtml", "-q", "-xml", "-i", "-stdout", str(path)], capture_output=True, text=True).stdout
    citations = [int(page) for page in re.findall(r'<a href="[^"#]*#(\d+)">\[\d+\]</a>', xml)]
    starts = [page for page, _ in bookmarks(path)]  # one bookmark per page of the book, in reading order
    at = [rel for rel, _ in book_pages()].index(REFERENCES_PAGE)
    first, after = starts[at], starts[at + 1]
    assert citations and all(first <= page < after for page in citations), (first, after, citations)
    original = project.config()["extra"]["original_url"]
    assert f'<a href="{original}">' in xml  # the colophon's and the front page's link to the original


@pytest.mark.parametrize("lang", LANGS)
def test_footnotes_are_set_at_the_foot_of_the_page_that_calls_them(editions, lang):
    """Each footnote of the Markdown (`[^name]: text`) is in the bottom quarter of a page of its section, and
    the words just before its call (`…words[^name]`) are on that same page."""
    path = pdf(editions, lang)
    starts = [page for page, _ in bookmarks(path)]
    starts.append(starts[-1] + 40)  # sections run on: a section's last page may be the next one's first

    def text_of(page: int, foot: bool) -> str:
        crop = ["-y", "430", "-H", "130", "-W", "420"] if foot else []
        command = ["pdftotext", "-q", "-f", str(page), "-l", str(page), *crop, str(path), "-"]
        return squeeze(subprocess.run(command, capture_output=True, text=True).stdout)

    notes, wrong = 0, []
    for index, (rel, _) in enumerate(book_pages()):
        text = (ROOT / "docs" / lang / rel).read_text(encoding="utf-8")
        for name, note in re.findall(r"^\[\^([^\]]+)\]:\s*(.+)$", text, re.M):
            opening = squeeze(re.split(r"[\[*`]", note)[0])[:12]  # its first words, before any link or emphasis
            call = re.search(rf"\[\^{re.escape(name)}\](?!:)", text)
            before = squeeze(re.sub(r"\[\^[^\]]+\]", "", text[: call.start()]))[-6:]  # other calls beside it print as numbers
            notes += 1
            pages = range(starts[index], starts[index + 1] + 1)
            if not any(opening in text_of(page, True) and before in text_of(page, False) for page in pages):
                wrong.append(f"{rel}: [^{name}] {note[:40]}")
    assert notes and not wrong, wrong


@pytest.mark.parametrize("lang", LANGS)
def test_tables_and_text_stay_inside_the_page_margins(editions, lang):
    """No word after the cover runs into the outer 15 mm of an A5 page (print.css's narrower margin), less the
    one character that hanging punctuation and list numbers may set in the margin: wide tables would."""
    layout = subprocess.run(["pdftotext", "-q", "-bbox", str(pdf(editions, lang)), "-"], capture_output=True, text=True).stdout
    margin, slack = 15 / 25.4 * 72, 6  # pt
    outside, page, width = [], 0, 0.0
    for line in layout.splitlines():
        if found := re.search(r'<page width="([\d.]+)"', line):
            page, width = page + 1, float(found.group(1))
        elif page > 1 and (word := re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*)</word>', line)):
            left, right = float(word.group(1)), float(word.group(2))
            if left < margin - slack or right > width - margin + slack:
                outside.append(f"page {page}: {html.unescape(word.group(3))!r} at {left:.0f}–{right:.0f} pt")
    assert page > 10 and not outside, outside[:10]


def bookmarks(path: Path) -> list[tuple[int, str]]:
    """The PDF's outline, flattened in order: (page, title)."""
    xml = subprocess.run(["pdftohtml", "-q", "-xml", "-i", "-stdout", str(path)], capture_output=True, text=True).stdout
    return [(int(page), html.unescape(title)) for page, title in re.findall(r'<item page="(\d+)">(.*?)</item>', xml)]


def pdf_languages(path: Path) -> set[bytes]:
    """Every /Lang the PDF declares, its compressed objects included."""
    data = path.read_bytes()
    found = set(re.findall(rb"/Lang\s*\(([^)]*)\)", data))
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            found |= set(re.findall(rb"/Lang\s*\(([^)]*)\)", zlib.decompress(stream.group(1))))
        except zlib.error:
            continue
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_contents_page_numbers_are_where_each_page_starts(editions, lang):
    path = pdf(editions, lang)
    layout = subprocess.run(["pdftotext", "-q", "-layout", "-l", "8", str(path), "-"], capture_output=True, text=True).stdout
    listed = [int(n) for n in re.findall(r"(?:\.{2,}|\s\.)\s*(\d+)\s*$", layout, re.M)]  # a leader of one dot or more
    assert listed == [page for page, _ in bookmarks(path)]
    assert lang.encode() in pdf_languages(path)


def body_pages(path: Path, lang: str) -> dict[int, tuple[str, bool]]:
    """Every page of the book's body (from its first chapter to its last page with text) that is not blank or a
    Part's title page: page number → (the rel of the chapter in force, whether a chapter starts on it)."""
    marks = [page for page, _ in bookmarks(path)]
    texts = page_texts(path, HEAD, FOOT - HEAD)  # the type area only: a blank page is blank here whatever its margins say
    last = max(n for n, text in enumerate(texts, 1) if text.strip() and n >= marks[-1])
    if lang == "ja":  # the 奥付, the last page, stands apart from the body
        last = max(n for n, text in enumerate(texts[: last - 1], 1) if text.strip())
    rels = [rel for rel, _ in book_pages()]
    kind = kinds()
    out = {}
    for number in range(marks[0], last + 1):
        starting = [rels[i] for i, page in enumerate(marks) if page == number]
        if not texts[number - 1].strip() or any(kind[rel] == "part" for rel in starting):
            continue
        in_force = starting[0] if starting else rels[max(i for i, page in enumerate(marks) if page < number)]
        out[number] = (in_force, bool(starting))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_body_page_has_its_running_head_and_folio(editions, lang):
    """Left-hand pages name the Part (its short title, as the navigation gives it) or the front or back chapter;
    right-hand pages the section (or the Part's short title in its introduction); every one has its number, and
    a blank page or a Part's title page has neither."""
    path = pdf(editions, lang)
    heads, feet, texts = page_texts(path, 0, HEAD), page_texts(path, FOOT, PAGE_HEIGHT - FOOT), page_texts(path)
    shorts = part_titles(lang)
    part_of = dict(book_pages())
    kind = kinds()
    wrong, body = [], body_pages(path, lang)
    for number, (rel, _) in body.items():
        part = shorts.get(part_of[rel], part_of[rel])
        if kind[rel] in ("front", "back"):
            expected = book_title(lang, rel)
        elif number % 2 == 0 or kind[rel] == "part":
            expected = part
        else:
            expected = book_title(lang, rel)
        if squeeze(heads[number - 1]) != squeeze(expected) or squeeze(feet[number - 1]) != str(number):
            wrong.append(
                f"page {number}: {heads[number - 1].strip()!r} / {feet[number - 1].strip()!r}, expected {expected!r} / {number}"
            )
    others = [n for n in range(min(body), len(texts) + 1) if n not in body and (heads[n - 1].strip() or feet[n - 1].strip())]
    assert len(body) > 20 and not wrong, wrong
    assert not others, f"blank pages, Part title pages or the 奥付 with a running head or folio: {others}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_is_under_a_third_full_in_the_middle_of_a_chapter(editions, lang):
    """Figures and tables float instead of leaving a page short: only a page before a new start (a Part, the
    back matter) or the last may end early."""
    path = pdf(editions, lang)
    body, boxes = body_pages(path, lang), words(path)
    pages = sorted(body)
    third = HEAD + (FOOT - HEAD) / 3
    short = []
    for number in pages:
        if number + 1 not in body or body[number + 1][1] and kinds()[body[number + 1][0]] != "section":
            continue  # the page before a chapter that starts a page of its own, a Part's title page or a blank page
        lowest = max((y for _, _, _, y, _ in boxes[number - 1] if HEAD < y < FOOT), default=0)
        if lowest < third:
            short.append(f"page {number}: text ends {lowest:.0f} pt from the top")
    assert pages and not short, short


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_is_drawn_as_vector_paths(editions, lang):
    """Each chart's title is found on a page, and that page draws the chart's bars as filled paths, no image."""
    path = pdf(editions, lang)
    pages = pdf_text(path).split("\f")
    charts = [chart for found in marked_charts(lang).values() for chart in found]
    assert charts
    for chart in charts:
        number = next((n for n, page in enumerate(pages, 1) if squeeze(chart.title) in squeeze(page)), None)
        assert number, f"chart {chart.id}: its title is on no page of the {lang} PDF"
        drawing = subprocess.run(
            ["pdftocairo", "-svg", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        marked_rows = sum(any(not value.missing for value in row.values) for row in chart.rows)
        assert series_marks(drawing) >= marked_rows, f"chart {chart.id}: fewer vector marks than rows on page {number}"
        assert "<image" not in drawing, f"chart {chart.id}: page {number} has a raster image"


@pytest.mark.parametrize("lang", LANGS)
def test_epub_passes_epubcheck(editions, lang):
    result = subprocess.run(
        ["java", "-jar", EPUBCHECK, str(editions / project.edition_name(lang, "epub"))], capture_output=True, text=True
    )
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("lang", LANGS)
def test_epub_keeps_charts_tables_and_links(editions, site, lang):
    book = zipfile.ZipFile(editions / project.edition_name(lang, "epub"))
    names = set(book.namelist())
    assert book.namelist()[0] == "mimetype" and book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    opf = book.read("OEBPS/content.opf").decode()
    assert re.search(r"<dc:title[^>]*>The Edge of Intelligence</dc:title>", opf)
    for needle in (
        f"<dc:language>{lang}</dc:language>",
        "CC BY 4.0",
        "cover-image",
    ):
        assert needle in opf
    pages = {name: book.read(name).decode() for name in names if name.endswith(".xhtml")}
    svgs = [m for text in pages.values() for m in re.findall(r'<svg class="book-chart__svg"[^>]*>', text)]
    assert len(svgs) == sum(len(c) for c in marked_charts(lang).values())
    assert all('role="img"' in s and "aria-labelledby" in s for s in svgs)
    site_tables = sum(site_page(site, lang, rel).read_text(encoding="utf-8").count("<table") for rel, _ in book_pages())
    assert sum(text.count("<table") for text in pages.values()) == site_tables
    broken = []
    for name, text in pages.items():
        for href in re.findall(r'<a [^>]*href="([^"]+)"', text):
            if urlsplit(href).scheme:
                continue
            target, _, fragment = href.partition("#")
            target_name = f"OEBPS/{target}" if target else name
            if target_name not in pages or (fragment and f'id="{fragment}"' not in pages[target_name]):
                broken.append(f"{name}: {href}")
    assert not broken, broken[:10]
    glossary = [t for t in pages.values() if 'class="book-term"' in t]
    assert glossary, "no glossary term links in the e-book"
    assert any("p-references.xhtml#" in t for t in pages.values()), "no citation links to the references"


def test_download_links_resolve_and_show_true_sizes(browser, editions, editions_site):
    """On a page of each language: offline HTML, PDF and EPUB in that language, each fetched, each size as written."""
    with serve_directory(editions_site) as url:
        page = browser.new_page()
        for lang, path in [("ja", "part-1/1-1/"), ("en", "en/part-1/1-1/")]:
            page.goto(url + path)
            links = page.eval_on_selector_all(
                ".book-downloads a", "els => els.map(e => [e.textContent.trim(), e.href, e.nextSibling.textContent.trim()])"
            )
            t = STRINGS[lang]
            assert [label for label, _, _ in links] == [t["download_offline"], t["download_pdf"], t["download_epub"]]
            for label, href, size_text in links:
                response = page.request.get(href)
                assert response.ok, href
                body = response.body()
                assert size_text.startswith(f"({human_size(len(body), lang)})"), (label, size_text, len(body))
                name = href.rsplit("/", 1)[-1]
                if name != project.ZIP_NAME:
                    assert name == project.edition_name(lang, name.rsplit(".", 1)[-1])
                    assert body == (editions / name).read_bytes()
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_books_speak_of_themselves_as_books(editions, lang):
    """No site vocabulary in either edition's text, the introduction under its own title, and every
    cross-reference in the PDF with the page it leads to."""
    path = pdf(editions, lang)
    book = zipfile.ZipFile(editions / project.edition_name(lang, "epub"))
    epub_text = " ".join(re.sub(r"<[^>]+>", " ", book.read(n).decode()) for n in book.namelist() if n.endswith(".xhtml"))
    for text, name in ((pdf_text(path), "PDF"), (html.unescape(epub_text), "EPUB")):
        found = [word for word in SITE_WORDS[lang] if word in text.lower()]
        assert not found, f"the {lang} {name} speaks of a site: {found}"
    first = book_pages()[0][0]
    assert book_page(lang, first)[0].scalar(edition_blocks.TITLE_KEY), "the front page gives the books' title for it"
    assert bookmarks(path)[0][1] == book_title(lang, first)
    before, after = (part.strip() for part in STRINGS[lang]["xref_page"])
    pages = page_texts(path)
    xml = subprocess.run(["pdftohtml", "-q", "-xml", "-i", "-stdout", str(path)], capture_output=True, text=True).stdout
    links: list[list] = []  # [target page, text] of each link, its pieces on several lines joined
    for target, text in re.findall(r'<a href="[^"]*#(\d+)">([^<]*)</a>', xml):
        if links and links[-1][0] == int(target):
            links[-1][1] += text
        else:
            links.append([int(target), text])
    pattern = re.compile(re.escape(before) + r"\s*(\d+)\s*" + re.escape(after))
    references = [(target, int(found[1])) for target, text in links if (found := pattern.search(text))]
    assert references, f"no cross-reference with a page number in the {lang} PDF"
    assert all(target == shown and pages[target - 1].strip() for target, shown in references), references


def test_english_edition_has_curly_quotes_and_hyphenation(editions):
    """Quotes and apostrophes as a book sets them, as many as the Markdown has, and justified lines hyphenated."""
    text = pdf_text(pdf(editions, "en"), body_only=True)
    assert not re.findall(r"[\"']", text), [line for line in text.splitlines() if re.search(r"[\"']", line)][:10]
    written = sum(book_page("en", rel)[1].count("'") for rel, _ in book_pages())
    assert text.count("\u2019") >= written * 0.8, (text.count("\u2019"), written)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert sum(line.endswith(("\u2010", "-")) for line in lines) > 20, "English lines are hyphenated at their ends"


@pytest.mark.parametrize("lang", LANGS)
def test_body_type_and_measure(editions, lang):
    """English: a book face, some 60 to 70 characters a line. Japanese: a Mincho whose characters are all one
    em wide, on a measure of a whole number of characters, so full lines of Japanese are never letter-spaced."""
    path = pdf(editions, lang)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    if lang == "en":
        assert "CharisSIL" in listing and "LiberationSerif" not in listing, listing
        lines = [line.strip() for page in page_texts(path, HEAD, FOOT - HEAD) for line in page.splitlines()]
        full = sorted(len(line) for line in lines if len(line) > 45 and not line.endswith((".", ":")))
        assert 60 <= full[len(full) // 2] <= 70, f"median characters a full line: {full[len(full) // 2]}"
        return
    assert "BIZUDMincho" in listing and "UDPMincho" not in listing, listing
    layout = subprocess.run(["pdftotext", "-q", "-bbox-layout", str(path), "-"], capture_output=True, text=True).stdout
    size = 9  # pt: print.css's Japanese body
    widths = []
    for line in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', layout, re.S):
        text = "".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", line[2]))
        if len(text) >= 30 and re.fullmatch(r"[\u3001-\u30ff\u4e00-\u9fff\uff01-\uff5e]+", text):
            widths.append((float(line[1]) - float(line[0]), len(text), text))
    assert len(widths) > 50, "full lines of Japanese in the body"
    measure = max(width for width, _, _ in widths)
    assert abs(measure / size - round(measure / size)) < 0.05, f"the measure is {measure / size:.2f} characters"
    spaced = [text for width, count, text in widths if width > measure - 1 and count < round(measure / size) - 1]
    assert not spaced, f"letter-spaced lines: {spaced[:5]}"


def test_japanese_table_headers_keep_their_words_whole(editions):
    """Every katakana word of a table header in the Markdown is on one line of the PDF (総パラメータ, never
    総パラメー / タ)."""
    lines = [line.strip() for line in pdf_text(pdf(editions, "ja")).splitlines()]
    missing = []
    for rel, _ in book_pages():
        _, body = book_page("ja", rel)
        for header in re.findall(r"^\|(.+)\|\s*\n\|\s*:?-", body, re.M):
            for run in re.findall(r"[\u30a0-\u30ff]{4,}", header):
                if not any(run in line for line in lines):
                    missing.append(f"{rel}: {run}")
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_chart_labels_are_8_pt_and_series_survive_greyscale(editions, lang):
    """Each chart's labels are at least as tall as the running heads (8 pt in print.css, the same face); series
    drawn side by side differ in lightness by a contrast of 3:1 or more; a log axis says so on the chart."""
    assert re.search(r"@page \{[^}]*font-size: 8pt;", PRINT_CSS.read_text(encoding="utf-8"))
    path = pdf(editions, lang)
    boxes, texts = words(path), pdf_text(path).split("\f")
    head_height = min(y1 - y0 for page in boxes for _, y0, _, y1, _ in page if y1 < HEAD)
    charts = [chart for found in marked_charts(lang).values() for chart in found]
    for chart in charts:
        number = next(n for n, page in enumerate(texts, 1) if squeeze(chart.title) in squeeze(page))
        labels = [squeeze(row.label) for row in chart.rows]
        heights = [
            y1 - y0
            for _, y0, _, y1, word in boxes[number - 1]
            if squeeze(word) and any(squeeze(word) in label for label in labels)
        ]
        assert heights and min(heights) >= head_height - 0.2, (chart.id, min(heights, default=0), head_height)
        if chart.log:
            assert squeeze(CHART_TEXT[lang]["log_axis"]) in squeeze(texts[number - 1]), chart.id
    colours = series_colours()
    most = max(len(series(chart)) for chart in charts)
    for a in range(most):
        for b in range(a + 1, most):
            low, high = sorted([luminance(colours[a]), luminance(colours[b])])
            assert (high + 0.05) / (low + 0.05) >= 3, (colours[a], colours[b])
    assert not re.search(r"\.book-chart__(label|legend|value) [^}]*fill: #", CHARTS_CSS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_is_ready_to_print(editions, lang):
    """A multiple of 4 pages; the cover on page 1 with the title page a recto after a blank; no local address;
    short named destinations; bookmarks shown on opening; XMP metadata."""
    import pikepdf

    path = pdf(editions, lang)
    texts = page_texts(path)
    with pikepdf.open(path) as document:
        assert len(document.pages) % 4 == 0
        assert document.Root.PageMode == "/UseOutlines"
        names = [str(name) for name in document.Root.Dests.keys()]
        assert names and all(len(name.encode()) <= 127 for name in names), max(names, key=len)
        with document.open_metadata() as meta:
            assert meta["dc:title"] == "The Edge of Intelligence" and set(meta["dc:language"]) == {lang}
            assert STRINGS[lang]["author_name"] in meta["dc:creator"]
    assert not texts[1].strip() and squeeze("The Edge of Intelligence") in squeeze(texts[2])
    data = path.read_bytes() + b"".join(
        zlib.decompress(m.group(1))
        for m in re.finditer(rb"stream\r?\n(.*?)endstream", path.read_bytes(), re.S)
        if _inflates(m.group(1))
    )
    assert b"localhost" not in data and b"127.0.0.1" not in data
    last = max(n for n, text in enumerate(texts, 1) if text.strip())
    if lang == "ja":  # the 奥付 is the book's last page, on a left-hand page
        assert last == len(texts) - (texts[-1] == "") and last % 2 == 0
        assert STRINGS["ja"]["okuzuke_published"].split("}")[-1].strip() in texts[last - 1]


def _inflates(data: bytes) -> bool:
    try:
        zlib.decompress(data)
    except zlib.error:
        return False
    return True


@pytest.mark.parametrize("lang", LANGS)
def test_epub_is_marked_up_for_accessibility(editions, lang):
    """EPUB Accessibility 1.1 metadata; separate creators with roles; notes, captions, headings and the other
    language marked; a page list whose every entry starts where that page of the PDF starts."""
    book = zipfile.ZipFile(editions / project.edition_name(lang, "epub"))
    opf = book.read("OEBPS/content.opf").decode()
    for prop in ("accessMode", "accessModeSufficient", "accessibilityFeature", "accessibilityHazard", "accessibilitySummary"):
        assert f'property="schema:{prop}"' in opf, prop
    assert 'property="dcterms:conformsTo"' in opf
    assert re.search(
        r'<dc:creator id="author">[^<]+</dc:creator><meta refines="#author" property="role" scheme="marc:relators">aut', opf
    )
    assert 'property="role" scheme="marc:relators">trl' in opf
    pages = {n: book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml")}
    chapters = {n: t for n, t in pages.items() if n.startswith("OEBPS/p-")}
    kind = kinds()
    for rel, _ in book_pages():
        text = chapters[f"OEBPS/{re.sub(r'[^A-Za-z0-9]+', '-', 'p-' + rel.removesuffix('.md')).strip('-')}.xhtml"]
        first = re.search(r"<h([1-6])\b", text).group(1)
        assert first == ("2" if kind[rel] == "section" else "1"), (rel, first)
    body = "".join(chapters.values())
    notes = sum(len(re.findall(r"^\[\^[^\]]+\]:", book_page(lang, rel)[1], re.M)) for rel, _ in book_pages())
    assert body.count('epub:type="footnote" role="doc-footnote"') == notes
    assert body.count('epub:type="noteref" role="doc-noteref"') >= notes
    assert body.count("<caption>") == body.count("<table") and body.count("<table")
    other = {"en": r"[\u3040-\u30ff\u4e00-\u9fff]", "ja": r"(?<![A-Za-z0-9])[A-Za-z]+ [A-Za-z]+"}[lang]
    unmarked = []
    for name, text in chapters.items():
        text = re.sub(r'<(code|pre)\b.*?</\1>|<div class="book-chart__plot">.*?</div>', "", text, flags=re.S)
        text = re.sub(r'<span epub:type="pagebreak"[^>]*></span>', "", text)
        text = re.sub(r'<span lang="(en|ja)">.*?</span>', "", text, flags=re.S)
        unmarked += [f"{name}: {m}" for m in re.findall(other, re.sub(r"<[^>]+>", "\0", text))]  # no words across tags
    assert not unmarked, unmarked[:10]
    nav = pages["OEBPS/nav.xhtml"]
    listed = re.findall(r'<a href="([^"#]+)#page-(\d+)">(\d+)</a>', nav.split('epub:type="page-list"', 1)[1])
    path = pdf(editions, lang)
    body_text = page_texts(path, HEAD, FOOT - HEAD)
    assert len(listed) >= 0.9 * len(body_pages(path, lang)), (len(listed), len(body_pages(path, lang)))
    wrong = []
    for target, number, shown in listed:
        after = re.split(rf'<span[^>]* id="page-{number}"[^>]*></span>', pages[f"OEBPS/{target}"], maxsplit=1)[1]
        after = re.sub(r"<[^>]+>", "", after)[:200]
        if number != shown or squeeze(after)[:8] not in squeeze(body_text[int(number) - 1]):
            wrong.append(f"page {number}: {after[:40]!r}")
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("lang", LANGS)
def test_ace_by_daisy_finds_no_violations(editions, tmp_path, lang):
    """Ace by DAISY (EPUB Accessibility 1.1 and axe on every page), run in Debian's Chromium."""
    out = tmp_path / "ace"
    env = {**build_env(), "PUPPETEER_EXECUTABLE_PATH": project.CHROMIUM}
    command = [str(ACE), "--silent", "--force", "--outdir", str(out), str(editions / project.edition_name(lang, "epub"))]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    report = out / "report.json"
    assert report.is_file(), result.stdout + result.stderr
    violations = [
        f"{subject['earl:testSubject']['url']}: {test['earl:test']['dct:title']} ({test['earl:test']['earl:impact']}): "
        f"{test['earl:result'].get('dct:description', '')[:200]}"
        for subject in json.loads(report.read_text(encoding="utf-8"))["assertions"]
        for test in subject.get("assertions", [])
        if test["earl:result"]["earl:outcome"] != "pass"
    ]
    assert not violations, "\n".join(violations)
