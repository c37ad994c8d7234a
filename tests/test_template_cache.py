"""The theme's templates compiled ahead of a fresh clone's first build, in the order its pages use them."""

from __future__ import annotations

import jinja2

from book.site import template_cache


def test_templates_compile_pages_first_and_skip_what_no_page_uses(tmp_path):
    theme = tmp_path / "theme"
    files = {
        "main.html": '{% include "partials/header.html" %}',
        "partials/header.html": '{% include "partials/languages/" ~ lang ~ ".html" %}',
        "partials/languages/en.html": "en",
        "partials/languages/de.html": "de",  # a language the book does not build
        "blog.html": "{{ page.title }}",  # reached by no page, compiled after those that are
        "fragments/tabs.html": "{{",  # the theme's fragments: not templates of a page
        ".icons/logo.html": "{{",  # hidden folders (the theme's icons) are not walked
    }
    for name, text in files.items():
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text(text, encoding="utf-8")
    cache = template_cache.SharedBytecodeCache(tmp_path / "cache")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)), bytecode_cache=cache)

    compiled = template_cache.compile_theme(env, [str(theme)], ["ja", "en"])

    assert compiled == ["main.html", "partials/header.html", "blog.html", "partials/languages/en.html"]
    assert len(list((tmp_path / "cache").iterdir())) == len(compiled)  # kept on disk for the next build
