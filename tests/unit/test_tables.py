"""Markdown pipe tables read strictly: rows as written, or an error naming the line and the fix."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from book.errors import BookError
from book.sources.tables import escape_html, parse_table, plain_text, split_row, starts_table

PATH = "docs/ja/part-1/1-9.md"


def render_row(cells) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def test_a_table_reads_as_written():
    lines = ["intro", "", "| Model | Score |", "| --- | ---: |", "| GLM-5 | 50 |", "| Kimi | 47 |", "", "after"]
    assert starts_table(lines, 2) and not starts_table(lines, 0)
    table = parse_table(lines, 2, PATH)
    assert table.header == ("Model", "Score")
    assert table.rows == (("GLM-5", "50"), ("Kimi", "47"))
    assert (table.line, table.row_lines, table.end) == (3, (5, 6), 6)
    assert table.column("Score") == 1 and table.column("Nope") is None


@pytest.mark.parametrize(
    "line, cells",
    [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("| a \\| b | c |", ["a | b", "c"]),
        ("| `x | y` | c |", ["`x | y`", "c"]),
        ("| `x | c |", ["`x", "c"]),
        ("| | c |", ["", "c"]),
    ],
)
def test_cells_split_on_pipes_outside_code(line, cells):
    assert split_row(line) == cells


def test_a_ragged_row_is_an_error_at_its_line():
    lines = ["| Model | Score |", "| --- | --- |", "| GLM-5 | 50 |", "| Kimi | 47 | extra |"]
    with pytest.raises(BookError) as raised:
        parse_table(lines, 0, PATH)
    assert str(raised.value) == (
        f"{PATH}:4: the row has 3 cells but the table has 2 columns — "
        "give every row one cell per column (write N/A in a cell with no value)"
    )


def test_a_delimiter_row_with_the_wrong_count_is_an_error():
    with pytest.raises(BookError, match=rf"^{PATH}:2: the line under the table header has 1 entries for 2 columns"):
        parse_table(["| a | b |", "| --- |", "| 1 | 2 |"], 0, PATH)


def test_a_table_without_rows_is_an_error():
    with pytest.raises(BookError, match=rf"^{PATH}:1: the table has no rows"):
        parse_table(["| a | b |", "| --- | --- |", ""], 0, PATH)


def test_html_in_cells_becomes_text_but_code_is_left_alone():
    assert escape_html("| <script>alert(1)</script> | a & b | `<b>` |") == (
        "| &lt;script&gt;alert(1)&lt;/script&gt; | a &amp; b | `<b>` |"
    )


# Properties

cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="`\\\n\r"), max_size=12)
cells = cell_text.map(str.strip)


@given(
    st.lists(cells, min_size=1, max_size=5).flatmap(
        lambda header: st.tuples(
            st.just(header), st.lists(st.lists(cells, min_size=len(header), max_size=len(header)), min_size=1, max_size=5)
        )
    )
)
def test_render_then_parse_gives_the_same_table(header_and_rows):
    header, rows = header_and_rows
    header = [h or "column" for h in header]
    lines = [render_row(header), render_row(["---"] * len(header)), *(render_row(r) for r in rows)]
    table = parse_table(lines, 0, PATH)
    assert table.header == tuple(header)
    assert table.rows == tuple(tuple(r) for r in rows)


@given(st.lists(st.text(alphabet="|ab -:\\`", max_size=12), min_size=2, max_size=8))
def test_every_input_parses_or_names_a_line_of_the_table(lines):
    try:
        table = parse_table(lines, 0, PATH)
    except BookError as error:
        assert 1 <= error.line <= len(lines)
        assert str(error).startswith(f"{PATH}:{error.line}: ") and " — " in str(error)
        return
    assert len(table.rows) == len(table.row_lines) >= 1
    assert all(len(row) == len(table.header) for row in table.rows)


@pytest.mark.parametrize(
    "cell, text",
    [
        ("**GLM-5**", "GLM-5"),
        ("__GLM-5__", "GLM-5"),
        ("*Kimi* K2.5", "Kimi K2.5"),
        ("[Kimi K2.5](https://example.com/kimi)", "Kimi K2.5"),
        ("[Kimi K2.5][kimi]", "Kimi K2.5"),
        ("Step 3.5<br>Flash", "Step 3.5 Flash"),
        ("Step 3.5<br/>Flash<BR />3B", "Step 3.5 Flash 3B"),
        ("`qwen3-coder-next`", "qwen3-coder-next"),
        ("GLM-5[^glm] [@glm5]", "GLM-5"),
        ("snake_case_name", "snake_case_name"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ],
)
def test_a_cell_as_the_reader_sees_it(cell, text):
    assert plain_text(cell) == text


def test_numbers_in_cells_are_kept_whole_and_names_and_markup_are_left_alone():
    from convert import convert

    html = convert(
        "350 tok/sec\n\n| a | b |\n| --- | ---: |\n"
        "| [GPT-5.2](../x.md) at *$1.55/1Mトークン*（ピーク350 tok/sec）, 3倍 'M4 Max' `7B` | 744B |\n"
    )
    assert "<p>350 tok/sec</p>" in html, "only table cells"
    assert '<td style="text-align: right;"><span class="book-nowrap">744B</span></td>' in html
    assert (
        '<td><a href="../x.md">GPT-5.2</a> at <em><span class="book-nowrap">$1.55/1Mトークン</span></em>'
        '（ピーク<span class="book-nowrap">350 tok/sec</span>）, <span class="book-nowrap">3倍</span> \'M4 Max\' <code>7B</code></td>'
    ) in html
