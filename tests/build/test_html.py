"""HTML validity: every page of both editions passes the Nu HTML Checker, and the theme repairs in
book/markup.py still have something to repair."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from book.checks import validator
from book.site import markup
from conftest import ROOT

needs_java = pytest.mark.skipif(not shutil.which("java"), reason="Java is missing — run `make test`, which installs it")


@pytest.fixture(scope="module")
def validated(site, offline_zip, tmp_path_factory):
    """Both editions through one run of the checker: {"online": errors, "offline": errors}."""
    folder = tmp_path_factory.mktemp("offline-edition")
    shutil.unpack_archive(offline_zip, folder)
    (edition,) = [p for p in folder.iterdir() if p.is_dir()]
    errors = validator.validate_sites([site, edition], ROOT)
    return {"online": errors[site], "offline": errors[edition]}


@needs_java
def test_the_online_edition_validates(validated):
    assert not validated["online"], "\n".join(map(str, validated["online"]))


@needs_java
def test_the_offline_edition_validates(validated):
    assert not validated["offline"], "\n".join(map(str, validated["offline"]))


@needs_java
def test_invalid_markup_is_reported_with_page_line_and_source(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html>\n<html lang="en"><head><title>t</title></head><body>\n'
        '<a rel="edit" href="https://github.com/o/r/edit/main/docs/en/index.md">edit</a>\n'
        '<article class="md-content__inner md-typeset">\n<h2 Id id="Bad">x</h2>\n</article>\n'
        '<label for="nothing" tabindex="">y</label>\n</body></html>\n'
    )
    errors = [str(e) for e in validator.validate(site, ROOT, label="site")]
    assert any(e.startswith("site/index.html:5: Duplicate attribute “id”.") and "docs/en/index.md" in e for e in errors), errors
    assert any(e.startswith("site/index.html:7: ") and "tabindex" in e and "overrides/" in e for e in errors), errors


# The repairs: each must still find what it repairs in the theme's output, or it is no longer needed.

MATERIAL_SNIPPETS = {
    "checkbox autocomplete": (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    "empty tabindex": (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">',
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">',
    ),
    "toc label without toggle": ('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'),
}


@pytest.mark.parametrize("name", MATERIAL_SNIPPETS)
def test_markup_repair(name):
    before, after = MATERIAL_SNIPPETS[name]
    assert markup.tidy(before) == after


def test_search_dialog_gets_the_name_of_its_options():
    html = (
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<nav class="md-search__options" aria-label="検索"></nav></div>'
    )
    assert 'role="dialog" aria-label="検索"' in markup.tidy(html)


def test_the_drawer_copy_of_the_contents_is_no_landmark():
    html = (
        '<div class="md-sidebar md-sidebar--primary"><nav class="md-nav md-nav--secondary" aria-label="目次">'
        '<ul><li><nav class="md-nav" aria-label="A"></nav></li></ul></nav></div>'
        '<div class="md-sidebar md-sidebar--secondary"><nav class="md-nav md-nav--secondary" aria-label="目次">'
        '<ul><li><nav class="md-nav" aria-label="目次"></nav></li></ul></nav></div>'
    )
    out = markup.tidy(html)
    assert out.count("<nav") == 1 and out.count("</nav>") == 1
    assert out.endswith(
        '<nav class="md-nav md-nav--secondary" aria-label="目次"><ul><li><div class="md-nav"></div></li></ul></nav></div>'
    )
    assert '<div class="md-nav md-nav--secondary"><ul><li><div class="md-nav"></div></li></ul></div>' in out


def test_compact_drops_indentation_but_not_preformatted_text():
    html = "<div>\n    <p>a\n   b</p>\n  <pre><code>x\n    y</code></pre>\n  <script>f(\n  1)</script> <i>c</i>\n</div>"
    assert (
        markup.compact(html) == "<div>\n<p>a\nb</p>\n<pre><code>x\n    y</code></pre>\n<script>f(\n  1)</script> <i>c</i>\n</div>"
    )


def test_built_pages_lose_the_templates_indentation(site):
    """Every build path compacts its pages (the validators and browser tests then read the compacted pages)."""
    page = (site / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    assert "\n    <" not in page.split("<pre")[0]  # the template's indentation is gone


def test_the_repairs_are_still_needed_by_the_theme(site):
    """The built pages hold no trace of what the repairs remove (they ran), and Material still writes it."""
    page = (site / "part-1" / "index.html").read_text(encoding="utf-8")
    assert 'autocomplete="off">' not in page.split('class="md-search__input"')[0]
    assert 'tabindex=""' not in page
    # An upgrade of the theme that fixes these upstream makes the repairs (and this test) removable.
    templates = Path(material.__file__).parent / "templates"
    assert 'type="checkbox" id="__drawer" autocomplete="off"' in (templates / "base.html").read_text(encoding="utf-8")
    assert 'tabindex="{{ tabindex }}"' in (templates / "partials" / "nav-item.html").read_text(encoding="utf-8")
