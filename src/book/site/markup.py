"""Small repairs to the theme's HTML, so that every page passes the Nu HTML Checker and axe.

Each repair fixes one thing Material for MkDocs 9.7 writes in base.html or a partial that the book would
otherwise have to copy whole; `tests/test_html.py` notices when an upgrade makes one unneeded.
"""

from __future__ import annotations

import re

# `autocomplete` is not allowed on checkboxes; the theme adds it so Firefox forgets the drawer's state on
# back navigation, a smaller harm than markup that does not validate.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# An empty tabindex is not an integer: the theme means "not focusable", which is the default for a label.
# (A plain replace: a `\s+` pattern backtracks over every run of white space on the page.)
_EMPTY_TABINDEX = ' tabindex=""'
# Section index pages have no `__toc` toggle, yet their table of contents title still points at it.
_TOC_LABEL_FOR = re.compile(r'(<label class="md-nav__title") for="__toc"')
# The search dialog has no accessible name; it takes the one of its own options bar ("Search").
_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?![^>]*aria-label)')
_SEARCH_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)"')
# The page's table of contents is written twice, in the navigation drawer and in its own sidebar, and
# each of its sections with subsections is a navigation landmark named after the section: landmarks
# with one name twice (axe's landmark-unique), and a screen reader's landmark list full of sections.
# Only the sidebar's contents stay a landmark; the rest become plain groups with the same classes.
_PRIMARY_SIDEBAR = '<div class="md-sidebar md-sidebar--primary"'
_SECONDARY_SIDEBAR = '<div class="md-sidebar md-sidebar--secondary"'
_TOC_NAV = '<nav class="md-nav md-nav--secondary"'
# The site navigation's sections (one per Part) are each a <nav> named by their title's label, which is empty
# when the section has an index page (its title is a link): several landmarks with one empty name. The sidebar
# stays the one navigation landmark; its sections become plain groups.
_SITE_NAV = '<nav class="md-nav md-nav--primary"'
_NAV_TAG = re.compile(r"<(/?)nav\b([^>]*)>")


def tidy(html: str) -> str:
    """The page with the theme's invalid or unnamed markup repaired; other markup is left as it is."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = html.replace(_EMPTY_TABINDEX, "")
    if 'id="__toc"' not in html:
        html = _TOC_LABEL_FOR.sub(r"\1", html)
    name = _SEARCH_NAME.search(html)
    if name:
        html = _SEARCH_DIALOG.sub(lambda m: f'{m.group(0)} aria-label="{name.group(1)}"', html, count=1)
    primary = html.find(_PRIMARY_SIDEBAR)
    secondary = html.find(_SECONDARY_SIDEBAR)
    if secondary >= 0:
        html = _plain_navs(html, html.find(_TOC_NAV, secondary), keep_outer=True)
    if 0 <= primary < secondary:
        html = _plain_navs(html, html.find(_TOC_NAV, primary, secondary), keep_outer=False)
    if primary >= 0:
        html = _plain_navs(html, html.find(_SITE_NAV, primary), keep_outer=True)
    return html


# Where whitespace is the content: preformatted text, form fields, and code.
_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S)
_INDENTED_LINES = re.compile(r"\n\s+")  # anchored on the line break: a pattern that may start anywhere is 20x slower


def compact(html: str) -> str:
    """The page without the template's indentation: a run of whitespace holding a line break becomes one line
    break, which HTML shows as the same single space (a tenth less to download, gzipped)."""
    parts = _KEEP_WHITESPACE.split(html)
    # split() returns text, then each kept element and its tag name: indentation goes only from the text.
    kept = (part if i % 3 else _INDENTED_LINES.sub("\n", part) for i, part in enumerate(parts) if i % 3 != 2)
    return "".join(kept)


def _plain_navs(html: str, start: int, keep_outer: bool) -> str:
    """The <nav> at `start` with its nested <nav>s turned into <div>s without names (the outer one kept if asked)."""
    if start < 0:
        return html
    depth, out, pos = 0, [], start
    for tag in _NAV_TAG.finditer(html, start):
        closing, attrs = tag.group(1), tag.group(2)
        depth += -1 if closing else 1
        outer = (depth == 0 and closing) or (depth == 1 and not closing)
        if not (keep_outer and outer):
            attrs = re.sub(r'\s+aria-(?:label|labelledby|expanded)="[^"]*"', "", attrs)
            out.append(html[pos : tag.start()] + ("</div>" if closing else f"<div{attrs}>"))
            pos = tag.end()
        if depth == 0:
            return html[:start] + "".join(out) + html[pos:]
    return html
