"""Each written page's last touches, once the theme has rendered it: its HTML repaired, search pointed at its
language's index and the book's worker, and online its Content-Security-Policy, which hashes its final scripts."""

from __future__ import annotations

from book.site import csp, markup, search_index


def finish(html: str, offline: bool, search_base: str | None = None) -> str:
    """The page compacted and tidied, searching its language's index from `search_base` if given."""
    html = markup.tidy(markup.compact(html))  # tidy scans a page a third smaller
    if search_base is not None:
        html = search_index.search_in_language(html, search_base)
    return html if offline else csp.add_policy(html)  # file:// pages have no origin for 'self' to match
