"""The PDF and EPUB editions, built once per session as `make editions` builds them, then read back.

Every expectation comes from the docs or the built site: headings from the Markdown, sentences from the
site's pages, the number of charts from the chart markers.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from book import project
from book.editions.chapters import SITE_ONLY, book_pages
from book.numbering import labels as numbering
from book.parallel import pages as parallel_pages
from book.references import pages as reference_pages
from book.references.citations import REFERENCES_PAGE
from book.site.sizes import human_size
from book.site.strings import STRINGS
from book.sources import captions, frontmatter, headings
from conftest import ROOT, build_env, marked_charts, serve_directory

pytestmark = pytest.mark.browser  # Vivliostyle typesets in Chromium
LANGS = project.languages()
EPUBCHECK = "/usr/share/java/epubcheck.jar"
# The series colours of print.css (.book-chart__s0…s4), which pdftocairo writes as rgb(…%) fills.
SERIES = [(0x1A, 0x8A, 0x7D), (0xB8, 0x6E, 0x00), (0x3B, 0x82, 0xC4), (0xC2, 0x54, 0x8A), (0x7A, 0x6F, 0xD6)]
FILL = re.compile(r"fill:rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)")


def series_marks(svg_text: str) -> int:
    """How many shapes of the page are filled with a chart series' colour."""
    count = 0
    for match in FILL.finditer(svg_text):
        rgb = [float(v) * 2.55 for v in match.groups()]
        count += any(all(abs(a - b) < 1.5 for a, b in zip(rgb, colour)) for colour in SERIES)
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
    """`make editions`' second step: the site, offering the editions just built."""
    out = tmp_path_factory.mktemp("editions-site")
    command = [sys.executable, "-m", "book.commands.build", "--site-dir", str(out / "site"), "--zip", str(out / project.ZIP_NAME)]
    command += ["--editions-dir", str(editions)]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "site"


def pdf(editions: Path, lang: str) -> Path:
    return editions / project.edition_name(lang, "pdf")


def pdf_text(path: Path, body_only: bool = False) -> str:
    """The PDF's text; `body_only` leaves out the top and bottom margins' running heads and page numbers (A5, in pt)."""
    crop = ["-x", "0", "-y", "48", "-W", "420", "-H", "500"] if body_only else []
    return subprocess.run(["pdftotext", "-q", *crop, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text compared without whitespace or hyphens: line breaks, CJK–Latin spacing and a hyphen at a line's end
    (which pdftotext joins away) differ between a page and a PDF."""
    return re.sub(r"[\s\-\u00ad]+", "", html.unescape(text))


def plain_heading(markdown_text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)  # a link's text
    return re.sub(r"[*_`]", "", text).strip()


def book_headings(lang: str) -> list[str]:
    """Every heading of every page of the book, levels 1–3, in reading order, as the Markdown writes them."""
    out = []
    for rel, _ in book_pages():
        path = ROOT / "docs" / lang / rel
        body = frontmatter.read(path.read_text(encoding="utf-8"), str(path)).body
        out += [plain_heading(h.text) for h in headings.headings(body) if h.level <= 3]
    return out


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
    paragraphs = [p for p in paragraphs if len(p.strip()) > 15]
    return list(dict.fromkeys([paragraphs[0], paragraphs[len(paragraphs) // 2], paragraphs[-1]])) if paragraphs else []


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_every_heading_in_reading_order(editions, lang):
    text = squeeze(pdf_text(pdf(editions, lang)))
    titles = book_headings(lang)
    # The contents list every page's title first; the pages themselves follow it.
    last_page_title = plain_heading(
        headings.headings((ROOT / "docs" / lang / book_pages()[-1][0]).read_text(encoding="utf-8"))[0].text
    )
    position = text.index(squeeze(last_page_title)) + 1
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
    text = squeeze(pdf_text(pdf(editions, lang), body_only=True))
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
    assert STRINGS[lang]["book_author"] in info
    assert "419.528 x 595.276 pts" in info  # A5
    outline = subprocess.run(
        ["pdftohtml", "-q", "-xml", "-i", "-stdout", str(pdf(editions, lang))], capture_output=True, text=True
    ).stdout
    bookmarks = re.findall(r"<item page=\"\d+\">(.*?)</item>", outline)
    first_titles = [
        plain_heading(headings.headings((ROOT / "docs" / lang / rel).read_text(encoding="utf-8"))[0].text)
        for rel, _ in book_pages()
    ]
    assert [html.unescape(b) for b in bookmarks] == first_titles


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
    starts.append(starts[-1] + 40)

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
            pages = range(starts[index], starts[index + 1])
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
    listed = [int(n) for n in re.findall(r"\.{2,}\s*(\d+)\s*$", layout, re.M)]
    assert listed == [page for page, _ in bookmarks(path)]
    assert lang.encode() in pdf_languages(path)


@pytest.mark.parametrize("lang", LANGS)
def test_running_heads_name_the_part_on_left_pages_and_the_section_on_right(editions, lang):
    path = pdf(editions, lang)
    marks = bookmarks(path)
    part_title, checked, wrong = None, 0, []
    for (page, title), (next_page, _) in zip(marks, marks[1:]):
        rel = next(
            rel
            for rel, _ in book_pages()
            if plain_heading(headings.headings((ROOT / "docs" / lang / rel).read_text(encoding="utf-8"))[0].text) == title
        )
        if rel.endswith("/index.md"):
            part_title = title
            continue
        if "/" not in rel:
            part_title = None
            continue
        for inside in range(page + 1, next_page):  # pages the section runs on after its first
            head = subprocess.run(
                ["pdftotext", "-q", "-f", str(inside), "-l", str(inside), "-y", "0", "-H", "45", "-W", "420", str(path), "-"],
                capture_output=True,
                text=True,
            ).stdout
            expected = part_title if inside % 2 == 0 else title  # page 1, the cover, is a right-hand page
            checked += 1
            if squeeze(head) != squeeze(expected):
                wrong.append(f"page {inside}: {head.strip()!r}, expected {expected!r}")
    assert checked > 10 and not wrong, wrong


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
    for needle in (
        f"<dc:language>{lang}</dc:language>",
        "<dc:title>The Edge of Intelligence</dc:title>",
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
