"""What the PDF and the EPUB say about themselves: title, subtitle, authors, the edition's date and commit."""

from __future__ import annotations

import html
import os
import subprocess
import time
from dataclasses import dataclass

from book import project
from book.editions import chapters
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


def subtitle(lang: str) -> str:
    """The book's subtitle, as the front page of the site gives it."""
    return chapters.subtitle(lang)


def title(lang: str) -> str:
    """The book's title, marked as English inside a Japanese book."""
    return TITLE if lang == "en" else f'<span lang="en">{TITLE}</span>'


def cover(ed: Edition) -> str:
    return (
        f'<section class="cover"><h1>{title(ed.lang)}</h1><p class="subtitle">{html.escape(subtitle(ed.lang))}</p>'
        f'<p class="author">{html.escape(ed.t["cover_author"])}<br/>{html.escape(ed.t["cover_adapted"])}</p></section>'
    )


def title_page(ed: Edition) -> str:
    return (
        f'<section class="title-page"><h1>{title(ed.lang)}</h1><p class="subtitle">{html.escape(subtitle(ed.lang))}</p>'
        f"<p>{html.escape(ed.t['cover_author'])}</p><p>{html.escape(ed.t['cover_adapted'])}</p></section>"
    )


def _link(url: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'


def _facts(ed: Edition) -> dict[str, str]:
    config = project.config()
    web = project.site_url() + ("" if ed.lang == project.default_language() else f"{ed.lang}/")
    return {
        "licence": f"{html.escape(ed.t['licence_name'])} (CC BY 4.0) {_link(config['extra']['license_url'])}",
        "original": _link(config["extra"]["original_url"]),
        "web": _link(web),
    }


def colophon(ed: Edition) -> str:
    """The English copyright page (the back of the title page): licence, attribution to the original with its link,
    that changes were made, the edition's date and commit, the web edition."""
    t, facts = ed.t, _facts(ed)
    return (
        f'<section class="copyright"><p><strong>{TITLE}</strong></p>'
        f"<p>{html.escape(t['edition_date'].format(date=ed.date, commit=ed.commit))}</p>"
        f"<p>{html.escape(t['edition_attribution'])}</p>"
        f"<p>{html.escape(t['edition_original'])}{facts['original']}</p>"
        f"<p>{html.escape(t['edition_licence'])}{facts['licence']}</p>"
        f"<p>{html.escape(t['edition_web'])}{facts['web']}</p></section>"
    )


def okuzuke(ed: Edition) -> str:
    """The Japanese colophon (奥付) on the book's last page: title, date, who wrote and who adapted it, licence."""
    t, facts = ed.t, _facts(ed)
    rows = [
        (t["okuzuke_author"], html.escape(t["author_name"])),
        (t["okuzuke_adapted"], html.escape(t["contributors_name"])),
        (t["okuzuke_commit"], html.escape(t["edition_date"].format(date=ed.date, commit=ed.commit))),
        (t["edition_licence"].rstrip("：: "), facts["licence"]),
        (t["edition_original"].rstrip("：: "), facts["original"]),
        (t["edition_web"].rstrip("：: "), facts["web"]),
    ]
    listing = "".join(f"<dt>{html.escape(name)}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<section class="okuzuke"><h2>{title(ed.lang)}</h2>'
        f'<p class="edition">{html.escape(subtitle(ed.lang))}</p>'
        f'<p class="edition">{html.escape(t["okuzuke_published"].format(date=ed.date))}</p>'
        f"<dl>{listing}</dl><p>{html.escape(t['edition_attribution'])}</p></section>"
    )


def closing(ed: Edition) -> str:
    """What the book says about itself: on the back of the title page in English, as a 奥付 at the end in Japanese."""
    return okuzuke(ed) if ed.lang == "ja" else colophon(ed)
