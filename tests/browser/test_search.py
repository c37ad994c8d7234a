"""Search per language: each language's pages search their own index, and Japanese finds unspaced words."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from tools import search_terms

from book import project
from book.site import search_index
from browser import record_requests, search
from conftest import ROOT

# Terms of each kind per language, drawn from the built pages (book.site.search_terms). The offline edition runs
# the same index through the same engine, so fewer of its terms show that it loads and ranks from disk.
PER_KIND = {"online": 20, "offline": 5}
# Terms whose page opened from the first result must show them highlighted, per kind (online, offline).
HIGHLIGHT_CHECKS = {"online": 3, "offline": 1}


def language_texts(site: Path, lang: str) -> dict[str, str]:
    default = project.default_language()
    prefix, others = ("", tuple(f"{l}/" for l in project.languages() if l != default)) if lang == default else (f"{lang}/", ())
    return search_terms.page_texts(site, prefix, others)


def language_terms(site: Path, lang: str) -> list[search_terms.Term]:
    return search_terms.sample(language_texts(site, lang), lang, PER_KIND["online"])


def result_pages(hrefs: list[str], root: str) -> list[str]:
    """The result pages in the order shown, as directory URLs under the language root."""
    pages = []
    for href in hrefs:
        path = unquote(href).split("?")[0].split("#")[0]
        assert path.startswith(root), f"{href} is outside {root}"
        page = path.removeprefix(root).removesuffix("index.html")
        page = page.removesuffix(".html") + "/" if page.endswith(".html") else page  # the offline edition's file names
        if page not in pages:
            pages.append(page)
    return pages


def test_split_keeps_each_language_apart():
    index = {
        "config": {"lang": ["ja", "en"]},
        "docs": [
            {"location": "part-1/1-1/", "title": "ja", "text": ""},
            {"location": "en/part-1/1-1/#s1-1", "title": "en", "text": ""},
        ],
    }
    settings = {"ja": {"separator": "[\\s、]+"}, "en": {"separator": "\\s+"}}
    parts = search_index.split_by_language(index, settings, "ja")
    assert parts["ja"] == {
        "config": {"lang": ["ja"], "separator": "[\\s、]+"},
        "docs": [{"location": "part-1/1-1/", "title": "ja", "text": ""}],
    }
    assert parts["en"] == {
        "config": {"lang": ["en"], "separator": "\\s+"},
        "docs": [{"location": "part-1/1-1/#s1-1", "title": "en", "text": ""}],
    }


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_built_index_holds_only_its_language(site, lang):
    root = "" if lang == project.default_language() else f"{lang}/"
    index = json.loads((site / root / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Pages fetch the settings and where the sections are; the worker fetches them at the first query.
    assert index["docs"] == [] and index["config"]["docs"] == f"../../{root}search/{search_index.DOCS}"
    index["docs"] = search_index.read_docs(site, root)
    assert index["config"]["lang"] == [lang]
    assert index["config"]["separator"] == search_index.SETTINGS[lang]["separator"]
    titles = [doc["title"] for doc in index["docs"]]
    assert len(index["docs"]) > 20
    japanese = [t for t in titles if any("\u3040" <= ch <= "\u30ff" for ch in t)]
    assert (japanese != []) == (lang == "ja"), titles
    assert all(not doc["location"].startswith("en/") for doc in index["docs"])
    # The translation status page lists every page's title: it would rank for every word.
    assert not [doc for doc in index["docs"] if doc["location"].startswith("translation-status/")]
    assert "translation-status/" in {path.parent.relative_to(site).as_posix() + "/" for path in site.glob("*/index.html")}


def test_tooltips_stay_out_of_the_index(site):
    docs = search_index.read_docs(site, "")
    definition = "ニューラルネットワークが学習によって調整する数値"
    assert [d["location"] for d in docs if definition in d["text"]] == ["glossary/#parameters"]


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["online", "offline"])
@pytest.mark.parametrize("lang", project.languages())
def test_every_term_is_found_as_typed(browser, site, site_url, unzipped, lang, edition):
    """Terms drawn from the pages: their page is in the first ten results, and first for at least 95%."""
    texts = language_texts(site, lang)
    terms = search_terms.sample(texts, lang, PER_KIND[edition])
    assert {term.kind for term in terms} == set(search_terms.KINDS[lang])
    prefix = "" if lang == project.default_language() else f"{lang}/"
    root = site_url + prefix if edition == "online" else unquote(unzipped.as_uri()) + "/" + prefix
    start = root + ("" if edition == "online" else "index.html")
    page = browser.new_page()
    page.goto(start)
    missed, not_first, stray, unmarked = [], {}, [], []
    checked = {kind: 0 for kind in search_terms.KINDS[lang]}
    for term in terms:
        hrefs = search(page, term.text)
        pages = result_pages(hrefs, root)
        if not set(term.pages) <= set(pages[:10]):
            missed.append((term.text, term.pages, pages[:10]))
        if not pages or pages[0] not in term.best:
            not_first.setdefault(term.kind, []).append((term.text, term.best, pages[:3]))
        # Every result holds every word typed ("in" alone does not bring in every page).
        stray += [(term.text, p) for p in pages if not all(search_terms.occurrences(texts[p], w) for w in term.text.split())]
        if checked[term.kind] < HIGHLIGHT_CHECKS[edition] and pages:
            checked[term.kind] += 1
            unmarked += highlight_problems(page, hrefs[0], term.text)
            page.goto(start)
    page.close()
    counts = {kind: sum(t.kind == kind for t in terms) for kind in checked}
    print({kind: f"first {counts[kind] - len(not_first.get(kind, []))}/{counts[kind]}" for kind in counts})
    assert not missed, f"pages not among the first ten results: {missed}"
    assert not stray, f"results that do not hold the term: {stray}"
    for kind, misses in not_first.items():
        assert len(misses) <= counts[kind] * 0.05, f"{kind}: the term's page is not first for {misses}"
    assert not unmarked, unmarked


def highlight_problems(page, href: str, term: str) -> list[str]:
    """Open a result as a reader would: the page marks the whole term wherever a text node holds it."""
    page.goto(href)
    wanted = search_terms.normalized(term)
    holds = page.evaluate(
        """term => { const walk = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
             for (let n = walk.nextNode(); n; n = walk.nextNode())
               if (n.textContent.normalize("NFKC").toLowerCase().includes(term)) return true;
             return false }""",
        wanted,
    )
    if not holds:
        return []  # the term runs across markup (a link, a glossary term): there is no one text to mark
    page.wait_for_selector("article mark", timeout=10_000)
    marks = [search_terms.normalized(m) for m in page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent)")]
    # The theme's highlighter reads a hyphen in `?h=` as a space: each part of a hyphenated term is marked.
    return (
        []
        if wanted in marks or set(wanted.split("-")) <= set(marks)
        else [f"{href}: {term!r} not marked whole, marks {marks[:5]}"]
    )


SEARCH_FILES = ("/workers/search.", "search-worker.js", "search_index", "lunr", "tinyseg")


def search_requests(requests: list[str]) -> list[str]:
    return [r for r in requests if any(part in r for part in SEARCH_FILES)]


def one_page_term(site: Path, lang: str) -> search_terms.Term:
    return next(t for t in language_terms(site, lang) if len(t.best) == 1)


@pytest.mark.browser
@pytest.mark.parametrize("lang, opening", [("ja", "shortcut"), ("en", "icon")])
def test_search_opens_by_keyboard_and_icon(browser, site, site_url, lang, opening):
    """The theme's shortcut and its search icon open search; the book's worker answers from the language's index."""
    phone = opening == "icon"  # the search icon is what a phone shows; wide screens show the search box
    context = browser.new_context(viewport={"width": 412, "height": 823} if phone else {"width": 1280, "height": 800})
    requests = record_requests(context)
    page = context.new_page()
    prefix = "" if lang == project.default_language() else f"{lang}/"
    page.goto(site_url + prefix)
    page.wait_for_function("() => 'component$' in window")  # the theme's bundle has run

    if opening == "shortcut":
        page.keyboard.press("/")
    else:
        page.click("label.md-header__button[for='__search']")
    term = one_page_term(site, lang)
    page.wait_for_timeout(500)
    index = site_url + prefix + "search/search_index.json"
    assert search_requests(requests) == [site_url + search_index.WORKER, index], "sections loaded before a query"
    page.keyboard.type(term.text)
    page.keyboard.press("End")  # the theme reads the query on keyup
    page.wait_for_selector(".md-search-result__item > a", timeout=20_000)
    first = page.eval_on_selector(".md-search-result__item > a", "a => a.href")
    assert result_pages([first], site_url + prefix) == [term.best[0]]
    # The worker's own fetch of the sections does not show among the page's requests; its answer shows it came.
    assert search_requests(requests) == [site_url + search_index.WORKER, index]
    context.close()


@pytest.mark.browser
def test_search_links_load_what_they_need(browser, site, site_url):
    """?q= opens search with its results; ?h= (a page opened from a hit) highlights the term."""
    term = one_page_term(site, project.default_language())
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + term.best[0] + "?h=" + term.text)
    page.wait_for_selector("article mark", timeout=20_000)
    assert term.text in [
        search_terms.normalized(m) for m in page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent)")
    ]

    page.goto(site_url + "?q=" + term.text)
    page.wait_for_selector(".md-search-result__item > a", timeout=20_000)
    first = page.eval_on_selector(".md-search-result__item > a", "a => a.href")
    assert result_pages([first], site_url) == [term.best[0]]
    context.close()


def test_theme_still_speaks_the_workers_messages(site):
    """Upgrade guard: the theme names a search worker in its page configuration, and its messages are the ones
    the book's worker answers (setup, ready, query, result, in that order)."""
    import material

    templates = Path(material.__file__).parent / "templates"
    assert re.search(
        r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js" \| url', (templates / "base.html").read_text()
    )
    source_map = json.loads(next((templates / "assets/javascripts").glob("bundle.*.min.js.map")).read_text())
    sources = dict(zip(source_map["sources"], source_map["sourcesContent"]))
    messages = next(text for name, text in sources.items() if name.endswith("search/worker/message/index.ts"))
    enum = re.search(r"enum SearchMessageType \{(.*?)\}", messages, re.S).group(1)
    theme_order = re.findall(r"^\s*([A-Z]+),?", enum, re.M)
    worker = (ROOT / "overrides" / search_index.WORKER).read_text()
    ours = dict(re.findall(r"([A-Z]+) = (\d)", re.search(r"^var SETUP = .*$", worker, re.M).group(0)))
    assert theme_order == ["SETUP", "READY", "QUERY", "RESULT"]
    assert {name: int(value) for name, value in ours.items()} == {name: i for i, name in enumerate(theme_order)}
    built = (site / "index.html").read_text(encoding="utf-8")
    assert f'"search": "{search_index.WORKER}"' in built
