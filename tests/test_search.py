"""Search per language: each language's pages search their own index, and Japanese finds unspaced words."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from book.site import search_index
from browser import highlighted, record_requests, search

# Each query appears in one section; that section must come first. Katakana loanwords, kanji compounds.
QUERIES = {
    "ja": [
        ("地政学", "part-1/1-4/", "reason-3"),
        ("寡占", "part-1/1-6/", "oligopoly"),
        ("半導体", "part-1/1-6/", "semiconductor-analogy"),
        ("クロスオーバー", "part-1/1-5/", "crossover-point"),
        ("ハルシネーション", "part-1/1-3/", "evidence-2"),
        ("スループット", "part-1/1-1/", None),
    ],
    "en": [
        ("oligopoly", "en/part-1/1-6/", "oligopoly"),
        ("semiconductor", "en/part-1/1-6/", "semiconductor-analogy"),
        ("geopolitics", "en/part-1/1-4/", "reason-3"),
        ("crossover", "en/part-1/1-5/", "crossover-point"),
        ("hallucination", "en/part-1/1-3/", "evidence-2"),
    ],
}


def test_split_keeps_each_language_apart():
    index = {
        "config": {"lang": ["ja", "en"]},
        "docs": [
            {"location": "part-1/1-1/", "title": "ja", "text": ""},
            {"location": "en/part-1/1-1/#s1-1", "title": "en", "text": ""},
        ],
    }
    settings = {"ja": {"pipeline": ["stemmer"]}, "en": {"pipeline": ["stopWordFilter"]}}
    parts = search_index.split_by_language(index, settings, "ja")
    assert parts["ja"] == {
        "config": {"lang": ["ja"], "pipeline": ["stemmer"]},
        "docs": [{"location": "part-1/1-1/", "title": "ja", "text": ""}],
    }
    assert parts["en"] == {
        "config": {"lang": ["en"], "pipeline": ["stopWordFilter"]},
        "docs": [{"location": "part-1/1-1/#s1-1", "title": "en", "text": ""}],
    }


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_built_index_holds_only_its_language(site, lang):
    path = site / ("search" if lang == "ja" else "en/search") / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert index["config"]["pipeline"] == (["stemmer"] if lang == "ja" else ["stopWordFilter"])
    titles = [doc["title"] for doc in index["docs"]]
    assert len(index["docs"]) > 20
    japanese = [t for t in titles if any("\u3040" <= ch <= "\u30ff" for ch in t)]
    assert (japanese != []) == (lang == "ja"), titles
    assert all(not doc["location"].startswith("en/") for doc in index["docs"])
    # The translation status page lists every page's title: it would rank for every word.
    assert not [doc for doc in index["docs"] if doc["location"].startswith("translation-status/")]
    assert "translation-status/" in {path.parent.relative_to(site).as_posix() + "/" for path in site.glob("*/index.html")}


def test_tooltips_stay_out_of_the_index(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    definition = "ニューラルネットワークが学習によって調整する数値"
    assert [d["location"] for d in index["docs"] if definition in d["text"]] == ["glossary/#parameters"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_query_set_finds_its_sections(browser, site_url, lang):
    page = browser.new_page()
    requests = record_requests(page)
    start = "part-1/1-1/" if lang == "ja" else "en/part-1/1-1/"
    page.goto(site_url + start)
    for query, expected_page, expected_anchor in QUERIES[lang]:
        results = [unquote(r.removeprefix(site_url)) for r in search(page, query)]
        assert results, f"{query}: no result"
        first_page = results[0].split("?")[0].split("#")[0]
        assert first_page == expected_page, f"{query}: first result {results[0]}, expected {expected_page}"
        if expected_anchor:
            assert any(r.split("?")[0] == expected_page and r.endswith("#" + expected_anchor) for r in results[:3]), (
                query,
                results[:3],
            )
        assert all(r.startswith("en/") == (lang == "en") for r in results), f"{query}: other language in {results}"
        assert query.lower() in " ".join(highlighted(page)).lower(), f"{query}: match not highlighted"
    index_requests = [r for r in requests if "search_index" in r]
    assert index_requests == [site_url + ("search/" if lang == "ja" else "en/search/") + "search_index.json"]
    page.close()


SEARCH_FILES = ("/workers/search.", "search_index", "lunr", "tinyseg")


def search_requests(requests: list[str]) -> list[str]:
    return [r for r in requests if any(part in r for part in SEARCH_FILES)]


@pytest.mark.browser
@pytest.mark.parametrize("lang, opening", [("ja", "shortcut"), ("en", "icon")])
def test_search_opens_by_keyboard_and_icon(browser, site_url, lang, opening):
    """The theme's shortcut and its search icon open search; the page's language index answers, with its lunr files."""
    phone = opening == "icon"  # the search icon is what a phone shows; wide screens show the search box
    context = browser.new_context(viewport={"width": 412, "height": 823} if phone else {"width": 1280, "height": 800})
    requests = record_requests(context)
    page = context.new_page()
    prefix = "" if lang == "ja" else "en/"
    page.goto(site_url + prefix + "part-1/1-3/")
    page.wait_for_function("() => 'component$' in window")  # the theme's bundle has run

    if opening == "shortcut":
        page.keyboard.press("/")
    else:
        page.click("label.md-header__button[for='__search']")
    query, expected = QUERIES[lang][0][:2]
    page.keyboard.type(query)
    page.keyboard.press("End")  # the theme reads the query on keyup
    page.wait_for_selector(".md-search-result__item > a", timeout=20_000)
    first = unquote(page.eval_on_selector(".md-search-result__item > a", "a => a.href")).removeprefix(site_url)
    assert first.split("#")[0].split("?")[0] == expected
    loaded = search_requests(requests)
    assert any("/workers/search." in r for r in loaded), loaded
    assert site_url + prefix + "search/search_index.json" in loaded
    assert any("lunr.ja" in r for r in loaded) == (lang == "ja"), loaded
    context.close()


@pytest.mark.browser
def test_search_links_load_what_they_need(browser, site_url):
    """?q= opens search with its results; ?h= (a page opened from a hit) highlights the term."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests = record_requests(context)
    page = context.new_page()
    page.goto(site_url + "part-1/1-6/?h=寡占")
    page.wait_for_selector("article mark", timeout=20_000)
    assert "寡占" in page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent)")

    page.goto(site_url + "part-1/1-1/?q=寡占")
    page.wait_for_selector(".md-search-result__item > a", timeout=20_000)
    first = unquote(page.eval_on_selector(".md-search-result__item > a", "a => a.href")).removeprefix(site_url)
    assert first.split("#")[0].split("?")[0] == "part-1/1-6/"
    assert any("/workers/search." in r for r in search_requests(requests))
    context.close()


@pytest.mark.parametrize("lang", sorted(search_index.SETTINGS))
def test_search_settings_match_the_themes_own(lang):
    """Upgrade guard: each language's separator and pipeline are the ones Material's language partial gives."""
    import jinja2
    import material

    theme = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(material.__file__).parent / "templates"))
    partial = theme.get_template(f"partials/languages/{lang}.html").module
    pipeline = [step.strip() for step in partial.t("search.config.pipeline").split(",") if step.strip()]
    assert search_index.SETTINGS[lang] == {"separator": partial.t("search.config.separator"), "pipeline": pipeline}
