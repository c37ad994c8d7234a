"""The offline edition: unzipped anywhere, opened from disk, as usable as the online site."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from urllib.parse import unquote, urlsplit

import pytest

from book import project
from book.editions import offline
from book.site.sizes import human_size
from book.site.strings import STRINGS
from browser import record_requests, search
from conftest import ROOT, build_env

TOP = project.NAME


def test_zip_has_one_top_folder_and_a_readme(offline_zip):
    names = zipfile.ZipFile(offline_zip).namelist()
    assert {name.split("/")[0] for name in names} == {TOP}
    readme = zipfile.ZipFile(offline_zip).read(f"{TOP}/README.txt").decode()
    assert "CC BY 4.0" in readme and "index.html" in readme and "山内 怜史" in readme and "Satoshi Yamauchi" in readme


def test_zip_holds_nothing_unused(offline_zip):
    names = zipfile.ZipFile(offline_zip).namelist()
    leftovers = [n for n in names if n.endswith((".map", "sitemap.xml", "sitemap.xml.gz", "search_index.json", "404.html"))]
    assert leftovers == []
    assert not [n for n in names if "/lunr/" in n or "/workers/" in n]  # the theme's search, which the book's replaces


def test_every_reference_resolves_inside_the_edition(unzipped):
    assert [str(e) for e in offline.check_edition(unzipped)] == []
    pages = list(unzipped.rglob("*.html"))
    assert len(pages) >= 24


def test_a_reference_outside_the_edition_is_named(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.html").write_text(
        '<a href="../../elsewhere.html">x</a>\n<script src="https://cdn.example/x.js"></script>\n<a href="/en/">y</a>\n<img src="gone.png" alt="">\n'
    )
    assert [str(e) for e in offline.check_edition(tmp_path)] == [
        'en/page.html:1: <a href="../../elsewhere.html"> points outside the edition — link to a page of the book',
        'en/page.html:2: <script src="https://cdn.example/x.js"> loads from another host — serve it from the site itself',
        'en/page.html:3: <a href="/en/"> is root-absolute and breaks from disk — use a relative link',
        'en/page.html:4: <img src="gone.png"> points at en/gone.png, which is not in the edition — fix the link or add the file',
    ]


def test_a_second_build_gives_the_same_zip_and_leaves_stale_files_out(offline_zip, tmp_path):
    """Built again, over a folder holding a page from an earlier build: the same zip byte for byte, without the page."""
    stale = tmp_path / "offline" / TOP / "old-page.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("<p>from an earlier build</p>")
    again = tmp_path / "again.zip"
    command = [sys.executable, "-m", "book.commands.offline", "--zip", str(again)]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert f"{TOP}/old-page.html" not in zipfile.ZipFile(again).namelist()
    assert hashlib.sha256(again.read_bytes()).hexdigest() == hashlib.sha256(offline_zip.read_bytes()).hexdigest()


def test_online_pages_link_the_download_with_its_size(site, offline_zip):
    assert (site / "downloads" / project.ZIP_NAME).read_bytes() == offline_zip.read_bytes()
    size = human_size(offline_zip.stat().st_size, "ja")
    for page, lang, up in [("part-1/1-1/index.html", "ja", "../../"), ("en/part-1/1-1/index.html", "en", "../../../")]:
        html = (site / page).read_text(encoding="utf-8")
        assert (
            f'href="{up}downloads/edge-of-intelligence-offline.zip" download class="book-download">{STRINGS[lang]["download_offline"]}</a>'
            in html
        )
        assert f"({size})" in html
    # `make build` writes the zip's size into the pages once the zip is made beside them: no stand-in is left.
    assert not [p for p in site.rglob("*.html") if "book-size-pending" in p.read_text(encoding="utf-8")]


def test_a_build_without_editions_offers_no_pdf_or_epub(site):
    """`make build` alone: the offline zip is offered, and no link points at a PDF or EPUB that was never built."""
    assert not list((site / "downloads").glob("*.pdf")) and not list((site / "downloads").glob("*.epub"))
    for page in ("part-1/1-1/index.html", "en/part-1/1-1/index.html", "index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert '.pdf"' not in html and '.epub"' not in html


@pytest.mark.browser
def test_reading_from_disk(browser, unzipped):
    context = browser.new_context()
    page = context.new_page()
    requests = record_requests(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto((unzipped / "index.html").as_uri())
    assert page.title().startswith("The Edge of Intelligence")

    # Links, previous/next and the table of contents land on files of the edition.
    page.click(".book-contents a >> text=1-3.")  # the front door's contents
    assert unquote(urlsplit(page.url).path).endswith("/part-1/1-3.html")
    page.click("a.md-footer__link--next")
    assert unquote(urlsplit(page.url).path).endswith("/part-1/1-4.html")
    page.click(".md-sidebar--secondary a[href='#reason-2']")
    assert page.url.endswith("#reason-2")

    # The language switcher goes to the counterpart page.
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click("a[data-book-switch][hreflang=en]")
    assert unquote(urlsplit(page.url).path).endswith("/en/part-1/1-4.html")
    assert page.evaluate("document.documentElement.lang") == "en"

    # Search, in the page's language.
    results = search(page, "oligopoly")
    assert results and unquote(results[0]).split("#")[0].split("?")[0].endswith("/en/part-1/1-6.html"), results
    page.goto((unzipped / "part-1" / "1-1.html").as_uri())
    results = search(page, "寡占")
    assert results and unquote(results[0]).split("#")[0].split("?")[0].endswith("/part-1/1-6.html"), results
    assert not any("/en/" in r for r in results)

    # The palette toggle works.
    page.keyboard.press("Escape")  # close the search first, as a reader would
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.click("label.md-header__button[for^='__palette']:visible")
    after = page.evaluate("document.body.dataset.mdColorScheme")
    assert {before, after} == {"default", "slate"}

    outside = [url for url in requests if not url.startswith("file://")]
    assert outside == [], f"requests left the edition: {outside}"
    assert errors == []
    context.close()
