"""What readers see of translation state: a banner on a stale page, and the translation status table."""

from __future__ import annotations

import datetime
import html
from collections.abc import Mapping

from book.site import languages
from book.translations.tracking import Book, PageState, page_state

MARKER = "<!-- translation-status -->"
# Each language's name, in the reader's language.
LANGUAGE_NAMES = {"ja": {"ja": "日本語", "en": "英語"}, "en": {"ja": "Japanese", "en": "English"}}
STRINGS = {
    "ja": {
        "page": "ページ",
        "original": "原文",
        "current": "最新",
        "stale": "古い",
        "stale_since": "古い（原文の更新：{date}）",
        "missing": "未翻訳",
        "summary": "全{total}ページ：最新 {current}、古い {stale}、未翻訳 {missing}。",
    },
    "en": {
        "page": "Page",
        "original": "original",
        "current": "up to date",
        "stale": "outdated",
        "stale_since": "outdated (original changed {date})",
        "missing": "missing",
        "summary": "{total} pages: {current} up to date, {stale} outdated, {missing} missing.",
    },
}


def language_name(lang: str, reader_lang: str) -> str:
    return LANGUAGE_NAMES.get(reader_lang, {}).get(lang, lang)


def format_date(date: datetime.date, lang: str) -> str:
    return f"{date.year}年{date.month}月{date.day}日" if lang == "ja" else f"{date.day} {date:%B %Y}"


def _href(rel: str, lang: str, from_url: str, default_lang: str, use_directory_urls: bool) -> str:
    return languages.relative_url(languages.page_url(rel, lang, default_lang, use_directory_urls), from_url)


def banner(state: PageState, page_url: str, default_lang: str, use_directory_urls: bool) -> dict | None:
    """`book.stale` for overrides/partials/translation-banner.html: None unless the page is stale."""
    if state.state != "stale" or state.original_lang is None:
        return None
    return {
        "original_lang_name": language_name(state.original_lang, state.lang),
        "href": _href(state.rel, state.original_lang, page_url, default_lang, use_directory_urls),
        "lang": state.original_lang,
        "since": state.since and state.since.isoformat(),
    }


def _cell(state: PageState, strings: dict, reader_lang: str, page_url: str, default_lang: str, use_directory_urls: bool) -> str:
    if state.state == "missing":
        return strings["missing"]
    label = strings[state.state]
    if state.state == "stale" and state.since:
        label = strings["stale_since"].format(date=format_date(state.since, reader_lang))
    href = _href(state.rel, state.lang, page_url, default_lang, use_directory_urls)
    # Raw links: MkDocs would report a .md link to a page that only the other language's build has.
    return f'<a href="{html.escape(href)}" hreflang="{state.lang}">{html.escape(label)}</a>'


def status_table(
    book: Book,
    reader_lang: str,
    page_url: str,
    default_lang: str,
    use_directory_urls: bool,
    dates: Mapping[str, datetime.datetime] | None = None,
    order: list[str] | None = None,
) -> str:
    """Markdown: one row per page (in `order`, e.g. the nav's, then the rest), one column per language."""
    strings = STRINGS.get(reader_lang, STRINGS["en"])
    rels = book.rels()
    rels = [r for r in order or [] if r in rels] + [r for r in rels if r not in (order or [])]
    names = [language_name(lang, reader_lang) for lang in book.languages]
    rows = [f"| {strings['page']} | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    counts = {"current": 0, "stale": 0, "missing": 0}
    for rel in rels:
        states = [page_state(book, lang, rel, dates) for lang in book.languages]
        for state in states:
            if state.state in counts:
                counts[state.state] += 1
        page = book.pages.get((reader_lang, rel)) or next(book.pages[s.lang, rel] for s in states if s.state != "missing")
        title = html.escape(page.title).replace("|", "&#124;")
        rows.append(
            f"| {title} | "
            + " | ".join(_cell(s, strings, reader_lang, page_url, default_lang, use_directory_urls) for s in states)
            + " |"
        )
    summary = strings["summary"].format(total=len(rels), **counts)
    return summary + "\n\n" + "\n".join(rows) + "\n"


def fill_status(
    markdown: str,
    book: Book,
    reader_lang: str,
    page_url: str,
    default_lang: str,
    use_directory_urls: bool,
    dates: Mapping[str, datetime.datetime] | None = None,
    order: list[str] | None = None,
) -> str:
    """The status page's Markdown with its marker replaced by the table (unchanged without the marker)."""
    if MARKER not in markdown:
        return markdown
    table = status_table(book, reader_lang, page_url, default_lang, use_directory_urls, dates, order)
    return markdown.replace(MARKER, table, 1)
