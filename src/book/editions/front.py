"""What the PDF and the EPUB say about themselves: title, subtitle, authors, the edition's date and commit."""

from __future__ import annotations

import html
import os
import re
import subprocess
import time
from dataclasses import dataclass

from book import project
from book.editions.chapters import Chapter
from book.site.strings import STRINGS

TITLE = "The Edge of Intelligence"


@dataclass(frozen=True)
class Edition:
    lang: str
    date: str  # YYYY-MM-DD, from SOURCE_DATE_EPOCH (the last commit's date under make)
    commit: str  # short hash, or "unknown" outside git
    epoch: int  # the date as seconds, for the EPUB's modification time

    @property
    def t(self) -> dict:
        return STRINGS[self.lang]


def edition(lang: str) -> Edition:
    """The last commit's date (as make sets SOURCE_DATE_EPOCH) and hash; an archive without git says "unknown"."""
    try:
        commit, stamp = subprocess.run(
            ["git", "log", "-1", "--format=%h %ct", "--abbrev=12"], capture_output=True, text=True, cwd=project.ROOT, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError, ValueError):
        commit, stamp = "unknown", ""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or stamp or project.FALLBACK_EPOCH)
    return Edition(lang, time.strftime("%Y-%m-%d", time.gmtime(epoch)), commit, epoch)


def subtitle(chapters: list[Chapter]) -> str:
    """The front page's first paragraph, which is the book's subtitle, as plain text."""
    first = re.search(r"<p>(.*?)</p>", chapters[0].html, re.S)
    return re.sub(r"<[^>]+>", "", first.group(1)).strip() if first else ""


def cover(ed: Edition, chapters: list[Chapter]) -> str:
    return (
        f'<section class="cover"><h1>{TITLE}</h1><p class="subtitle">{html.escape(subtitle(chapters))}</p>'
        f'<p class="author">{html.escape(ed.t["cover_author"])}<br/>{html.escape(ed.t["cover_adapted"])}</p></section>'
    )


def title_page(ed: Edition, chapters: list[Chapter]) -> str:
    return (
        f'<section class="title-page"><h1>{TITLE}</h1><p>{html.escape(subtitle(chapters))}</p>'
        f"<p>{html.escape(ed.t['cover_author'])}</p><p>{html.escape(ed.t['cover_adapted'])}</p></section>"
    )


def colophon(ed: Edition) -> str:
    """Licence, attribution to the original with its link, that changes were made, the edition's date and commit."""
    t, config = ed.t, project.config()
    licence, original, web = config["extra"]["license_url"], config["extra"]["original_url"], project.site_url()
    web_page = web + ("" if ed.lang == project.default_language() else f"{ed.lang}/")

    def link(url: str) -> str:
        return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'

    return (
        f'<section class="colophon"><p><strong>{TITLE}</strong></p>'
        f"<p>{html.escape(t['edition_date'].format(date=ed.date, commit=ed.commit))}</p>"
        f"<p>{html.escape(t['edition_attribution'])}</p>"
        f"<p>{html.escape(t['edition_original'])}{link(original)}</p>"
        f"<p>{html.escape(t['edition_licence'])}{html.escape(t['licence_name'])} (CC BY 4.0) {link(licence)}</p>"
        f"<p>{html.escape(t['edition_web'])}{link(web_page)}</p></section>"
    )
