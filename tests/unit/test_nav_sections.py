"""The navigation's top-level sections, rendered once for the pages they read the same on: never different."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import material
from mkdocs.utils import normalize_url

from book.site import nav_sections

ROOT = Path(__file__).resolve().parents[2]


@dataclass(eq=False)
class Item:
    title: str
    url: str | None = None
    children: list[Item] = field(default_factory=list)
    active: bool = False


def _pages(item):
    if item.url is not None and not item.url.startswith("http"):
        yield item
    for child in item.children:
        yield from _pages(child)


def _nav(ext: str) -> list[Item]:
    """A navigation like the book's, with the cases a section's links could read differently in."""

    def page(path):
        return Item(path, path + (ext if ext else "/") if path else "")

    return [
        Item("home", ""),
        Item("Part 1", children=[page("en/part-1/index"), page("en/part-1/a"), page("en/part-1/b")]),
        Item("Part 2", children=[page("en/part-2/c"), page("en/part-2/d"), Item("sub", children=[page("en/part-2/deep/e")])]),
        page("en/glossary"),
        Item("elsewhere", "https://example.org/"),
        Item("mixed folders", children=[page("en/part-1/extra"), page("en/other/x")]),
        Item("up", children=[Item("up", "../up/")]),
        Item("empty"),
    ]


def _theme_render(current):
    """What the theme's nav-item macro depends on: each link relative to the page, and which items are active."""
    calls = []

    def render(item, path, level):
        calls.append(path)
        links = [normalize_url(p.url, page=current) + ("*" if p.active else "") for p in _pages(item)]
        return f"{path}@{level}:{','.join(links)}{'*' if item.active else ''}"

    return render, calls


def _walk(nav):
    """Each page of `nav` in turn, the way MkDocs activates it and its sections."""
    for top in nav:
        for current in _pages(top):
            top.active = current.active = True
            for child in top.children:  # a nested section holding the page
                child.active = current in list(_pages(child))
            yield current
            for item in [top, *_pages(top), *top.children]:
                item.active = False


def test_a_kept_section_reads_exactly_as_the_theme_renders_it_on_every_page():
    for ext in ("", ".html"):  # directory URLs online, file URLs offline
        nav, sections = _nav(ext), nav_sections.Sections()
        rendered = {}
        for current in _walk(nav):
            render, calls = _theme_render(current)
            expected, _ = _theme_render(current)
            for index, item in enumerate(nav, start=1):
                path = f"__nav_{index}"
                assert sections.render(render, item, path, current.url) == expected(item, path, 1), (ext, current.url, path)
            rendered[current.url] = calls
        # The second page of a folder renders only the home link, its own section, and those not kept (an address
        # elsewhere, a section whose folder holds the page, a link up, no link).
        assert rendered[f"en/part-1/b{ext or '/'}"] == ["__nav_1", "__nav_2", "__nav_5", "__nav_6", "__nav_7", "__nav_8"], ext


def test_the_section_holding_the_page_and_pages_outside_the_navigation_are_rendered_each_time():
    nav, sections = _nav(""), nav_sections.Sections()
    part_1 = nav[1]
    for _ in range(2):
        part_1.active = True
        render, calls = _theme_render(part_1.children[1])
        sections.render(render, part_1, "__nav_2", part_1.children[1].url)
        assert calls == ["__nav_2"]
    part_1.active = False
    for _ in range(2):  # the 404 page
        render, calls = _theme_render(Item("404", "404.html"))
        sections.render(render, nav[2], "__nav_3", None)
        assert calls == ["__nav_3"]


def test_the_navigation_partial_is_the_themes_with_only_its_sections_rendered_through_the_book():
    """A theme upgrade that changes its navigation partial shows here: copy its new version and change the line again."""
    theme = (Path(material.__file__).parent / "templates" / "partials" / "nav.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "nav.html").read_text(encoding="utf-8")
    theme_body = theme.split("-#}\n", 1)[1]
    ours_body = ours.split("-#}\n", 1)[1]
    line = "{{ item.render(nav_item, path, 1) }}"
    assert theme_body.count(line) == 1
    assert ours_body == theme_body.replace(line, "{{ book_nav.render(item.render, nav_item, path, page.url if page else none) }}")
