"""The book's own CSS and JS reach readers minified: the same rules, without the comments that explain them."""

from __future__ import annotations

import pytest

from book.errors import BookError
from book.site import minify
from conftest import ROOT

ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def test_minified_copies_are_made_once_per_content(tmp_path):
    source = tmp_path / "book.css"
    source.write_text("/* why the rule is there */\n.book { color : red ; }\n", encoding="utf-8")
    first = minify.minified({"assets/stylesheets/book.css": source}, tmp_path / "cache", ESBUILD)
    out = first["assets/stylesheets/book.css"]
    assert out.read_text(encoding="utf-8").strip() == ".book{color:red}"
    made = out.stat().st_mtime_ns
    assert minify.minified({"assets/stylesheets/book.css": source}, tmp_path / "cache", ESBUILD) == first
    assert out.stat().st_mtime_ns == made  # not made again
    source.write_text(".book { color: blue; }\n", encoding="utf-8")
    assert (
        minify.minified({"assets/stylesheets/book.css": source}, tmp_path / "cache", ESBUILD)["assets/stylesheets/book.css"]
        .read_text(encoding="utf-8")
        .strip()
        == ".book{color:#00f}"
    )


def test_a_script_that_does_not_parse_is_named(tmp_path):
    source = tmp_path / "broken.js"
    source.write_text("function (\n", encoding="utf-8")
    with pytest.raises(BookError) as error:
        minify.minified({"assets/javascripts/broken.js": source}, tmp_path / "cache", ESBUILD)
    assert "assets/javascripts/broken.js:1:" in str(error.value)
