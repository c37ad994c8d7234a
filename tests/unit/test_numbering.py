"""Numbered tables and figures: captions, numbers per Part in both languages, cross-references and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from book import project
from book.contents import Contents
from book.errors import BookError
from book.numbering import labels
from book.numbering.scan import scan
from book.references import citations
from book.references.pages import nav_pages
from book.sources import captions
from book.sources.tables import starts_table
from conftest import ROOT
from convert import convert

DOCS = ROOT / "docs"
LANGS = ["ja", "en"]
ORDER = labels.complete_order(nav_pages(project.config()["nav"]), DOCS, "ja")
PAGE = "docs/ja/part-1/1-9.md"
TABLE = ["| a | b |", "| --- | ---: |", "| x | 1 |"]


def book_labels(lang: str) -> dict:
    return labels.number(labels.scan_language(DOCS, lang, ORDER))


def test_a_caption_above_a_table_numbers_it_and_references_are_found():
    text = "\n".join(["See [[tbl:demo]].", "", "Table: A demo {#tbl:demo}", "", *TABLE, "", "And [[fig:x]] too."])
    page = scan(text, PAGE, numbered=True)
    assert page.errors == ()
    assert [(i.kind, i.id, i.caption, i.line) for i in page.items] == [("tbl", "demo", "A demo", 3)]
    assert [(r.kind, r.id, r.line) for r in page.references] == [("tbl", "demo", 1), ("fig", "x", 9)]


def test_a_chart_is_a_figure_and_its_table_caption_sits_below_the_marker():
    marker = ["<!-- chart", "id: demo", "type: bar", "labels: a", "values: [b]", "title: Demo chart", "caption: c", "-->"]
    page = scan("\n".join([*marker, "", "Table: The demo's data {#tbl:demo}", "", *TABLE]), PAGE, numbered=True)
    assert page.errors == ()
    assert [(i.kind, i.id, i.caption) for i in page.items] == [("fig", "demo", "Demo chart"), ("tbl", "demo", "The demo's data")]
    assert page.items[0].table == "demo", "the figure knows its data table"


@pytest.mark.parametrize(
    "lines, line, problem",
    [
        (TABLE, 1, "the table has no caption"),
        (["Table: No ID here", "", *TABLE], 1, "the table caption does not end with an ID"),
        (["Table: Bad ID {#tbl:Bad_ID}", "", *TABLE], 1, "the table caption does not end with an ID"),
        (["Table: Lost {#tbl:lost}", "", "A paragraph.", "", *TABLE], 1, "the caption {#tbl:lost} is not followed by a table"),
        (["Table: Last {#tbl:last}"], 1, "the caption {#tbl:last} is not followed by a table"),
    ],
)
def test_caption_mistakes_name_their_line(lines, line, problem):
    errors = scan("\n".join(lines), PAGE, numbered=True).errors
    assert errors and errors[0].line == line and problem in errors[0].problem, errors
    assert str(errors[0]).startswith(f"{PAGE}:{line}: ") and " — " in str(errors[0])


def test_pages_outside_the_parts_need_no_caption_and_may_not_number():
    assert scan("\n".join(TABLE), "docs/ja/about.md", numbered=False).errors == ()
    errors = scan("\n".join(["Table: X {#tbl:x}", "", *TABLE]), "docs/ja/about.md", numbered=False).errors
    assert "only the tables of the Parts and the Conclusion" in errors[0].problem


def test_code_fences_are_examples_not_tables_or_references():
    text = "\n".join(["```markdown", "Table: Example {#tbl:example}", "", *TABLE, "[[tbl:nowhere]]", "```"])
    page = scan(text, PAGE, numbered=True)
    assert (page.items, page.references, page.errors) == ((), (), ())


def test_references_and_citations_are_told_apart():
    line = "A claim [@glm5], and [[tbl:six-models]] with [[fig:six-models]]."
    assert [c.key for c in citations.find(line)] == ["glm5"]
    assert [(m["kind"], m["id"]) for m in captions.REFERENCE.finditer(line)] == [("tbl", "six-models"), ("fig", "six-models")]
    assert not captions.REFERENCE.search("[@tbl:six-models]")


def test_numbers_count_tables_and_figures_apart_per_division():
    page = lambda *ids: scan(  # noqa: E731
        "\n\n".join(f"Table: {i} {{#tbl:{i}}}\n\n" + "\n".join(TABLE) for i in ids), "p.md", numbered=True
    )
    numbered = labels.number({"part-1/1-1.md": page("a", "b"), "part-1/1-2.md": page("c"), "part-2/2-1.md": page("d"),
                              "conclusion.md": page("e"), "about.md": page()})  # fmt: skip
    assert {key[1]: label.number for key, label in numbered.items()} == {
        "a": "1-1",
        "b": "1-2",
        "c": "1-3",
        "d": "2-1",
        "e": "C-1",
    }
    assert numbered["tbl", "a"].name("ja") == "表1-1" and numbered["tbl", "d"].name("en") == "Table 2-1"


NUMBERED = {("tbl", "a"): labels.Label("tbl", "a", "1-1", "part-1/1-1.md", "Cap"),
            ("fig", "a"): labels.Label("fig", "a", "2-1", "part-2/2-1.md", "Chart")}  # fmt: skip


def numbered(text: str, lang: str = "ja", page: str = "part-1/1-1.md") -> str:
    """The page as the numbering extension makes it (HTML)."""
    return convert(text, lang=lang, page=page, contents=Contents(lang, labels=NUMBERED))


def test_captions_and_references_become_numbered_in_each_language():
    text = "Table: Cap {#tbl:a}\n\n| x |\n| --- |\n| 1 |\n\nSee [[tbl:a]] and [[fig:a]].\n\n```\n[[tbl:a]]\n```\n\n`[[fig:a]]`"
    html = numbered(text)
    assert '<p class="book-caption" id="table-a"><span class="book-caption__number">表1-1</span> Cap</p>' in html
    assert '<table aria-labelledby="table-a" tabindex="0">' in html
    assert '<a class="book-ref" href="#table-a">表1-1</a>' in html, "a table on the page itself"
    assert '<a class="book-ref" href="../part-2/2-1.md#chart-a">図2-1</a>' in html, (
        "a Markdown link, which builders turn into the page's"
    )
    assert "<code>[[tbl:a]]\n</code>" in html and "<code>[[fig:a]]</code>" in html, "code is shown as written"
    assert ">Figure 2-1</a>" in numbered(text, "en")


def test_a_reference_to_nothing_says_which_id_is_closest():
    with pytest.raises(BookError) as raised:
        numbered("See [[tbl:b]] and [[tbl:aa]].")
    assert str(raised.value) == "[[tbl:b]] names no table of the book — use one of [[tbl:a]]"
    with pytest.raises(BookError) as raised:
        numbered("See [[fig:aa]].")
    assert "did you mean [[fig:a]]?" in str(raised.value)


# The book itself: expectations come from docs/, so a new table or chapter never breaks these tests.


def _tables(path: Path) -> list[int]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [i + 1 for i in range(len(lines)) if starts_table(lines, i) and not lines[i].startswith("    ")]


def test_every_table_of_the_parts_and_conclusion_is_numbered_the_same_in_both_languages():
    numbered = {lang: book_labels(lang) for lang in LANGS}
    for page in ORDER:
        if labels.division(page) is None:
            continue
        tables = {lang: len(_tables(DOCS / lang / page)) for lang in LANGS}
        assert tables["ja"] == tables["en"], page
        on_page = {lang: [l for l in numbered[lang].values() if l.page == page and l.kind == "tbl"] for lang in LANGS}
        assert len(on_page["ja"]) == tables["ja"], f"{page}: every table has a caption"
        assert [(l.id, l.number) for l in on_page["ja"]] == [(l.id, l.number) for l in on_page["en"]], page
    assert numbered["ja"].keys() == numbered["en"].keys() and numbered["ja"], "the book numbers tables and figures"
    assert all(numbered["ja"][key].number == numbered["en"][key].number for key in numbered["ja"])


def test_the_books_sources_pass_the_numbering_checks():
    assert labels.check_book(DOCS, LANGS, ORDER) == []


def test_a_translation_that_numbers_other_tables_is_an_error(tmp_path):
    for lang, ident in (("ja", "one"), ("en", "two")):
        (tmp_path / lang / "part-1").mkdir(parents=True)
        (tmp_path / lang / "part-1" / "1-1.md").write_text(f"Table: T {{#tbl:{ident}}}\n\n" + "\n".join(TABLE) + "\n")
    errors = labels.check_book(tmp_path, LANGS, ["part-1/1-1.md"])
    assert len(errors) == 1 and "would differ" in errors[0].problem and errors[0].path.endswith("en/part-1/1-1.md")


def test_a_reference_to_a_missing_id_names_its_line(tmp_path):
    (tmp_path / "ja" / "part-1").mkdir(parents=True)
    (tmp_path / "ja" / "part-1" / "1-1.md").write_text("# T {#t}\n\n[[tbl:gone]]を見よ。\n[[img:x]]\n")
    errors = labels.check_book(tmp_path, ["ja"], ["part-1/1-1.md"], shown=lambda p: p.relative_to(tmp_path).as_posix())
    assert [str(e).split(" — ")[0] for e in errors] == [
        "ja/part-1/1-1.md:3: reference [[tbl:gone]] names no table of the book",
        "ja/part-1/1-1.md:4: reference [[img:x]] is neither a table (tbl:) nor a figure (fig:)",
    ]
