"""Chart markers and figures, without MkDocs: Part 1's charts, golden figure data, and every bad input's message.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/unit/test_charts.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from book.charts import render as charts_module
from book.charts import svg
from book.charts.figures import build_figure
from book.charts.render import check_book, locale_script, unique_errors
from book.charts.spec import find_charts
from book.errors import BookError
from conftest import ROOT
from convert import convert

GOLDEN = Path(__file__).parent / "golden" / "charts"
PART_1 = {
    "six-models": "part-1/1-1.md",
    "intelligence-index": "part-1/1-3.md",
    "hallucination-top25": "part-1/1-3.md",
    "swe-bench-pro": "part-1/1-3.md",
}
TABLE = """\
| Model | Type | Score |
| --- | --- | ---: |
| GLM-5 | Open | 50 |
| Kimi K2.5 | Open | 47 |
"""
PATH = "docs/en/part-1/1-9.md"


def marker(**settings) -> str:
    fields = {"id": "demo", "type": "hbar", "labels": "Model", "values": "[Score]", "title": "T", "caption": "C", **settings}
    return "<!-- chart\n" + "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None) + "-->\n"


def page(*parts: str) -> str:
    return "# Title\n\nSome text.\n\n" + "\n".join(parts)


def chart(lang: str, chart_id: str):
    path = f"docs/{lang}/{PART_1[chart_id]}"
    return next(c for c in find_charts((ROOT / path).read_text(encoding="utf-8"), path) if c.id == chart_id)


def error_of(text: str, path: str = PATH) -> str:
    """The first problem the build reports in a page of charts."""
    try:
        charts = find_charts(text, path)
    except BookError as error:
        return str(error)
    errors = unique_errors(charts)
    assert errors, "no problem found"
    return str(errors[0])


def render(text: str, **charts) -> str:
    """The page as the charts extension makes it (HTML)."""
    return convert(text, charts=charts)


# Any cell


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|`\\\n\r"), max_size=8),
        min_size=2,
        max_size=2,
    )
)
def test_any_value_cells_chart_or_fail_at_their_row(cells):
    rows = [f"| Model{n} | Open | {cell} |" for n, cell in enumerate(cells)]
    text = page(marker(), "| Model | Type | Score |\n| --- | --- | ---: |\n" + "\n".join(rows) + "\n")
    try:
        (found,) = find_charts(text, PATH)
    except BookError as error:
        assert str(error).startswith(f"{PATH}:{error.line}: ") and " — " in str(error)
        assert error.line in (14, 16, 17)  # the header (a column of only gaps) or the row with the bad cell
        return
    for cell, row in zip(cells, found.rows):
        if row.values[0].value == 0:  # a zero is always written, never made up for a gap
            assert "0" in unicodedata.normalize("NFKC", cell)


def test_the_markdown_extensions_and_editions_do_not_need_mkdocs():
    modules = (
        "book.markdown.charts, book.markdown.numbering, book.markdown.citations, book.markdown.glossary, book.markdown.cells, "
        "book.markdown.sections, book.markdown.editions, book.outline"
    )
    probe = f"import sys, {modules}, book.editions.chapters; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr


# Part 1


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_part_1_has_its_four_charts(lang):
    found = {
        c.id: (c.type, len(c.rows))
        for p in ("part-1/1-1.md", "part-1/1-3.md")
        for c in find_charts((ROOT / "docs" / lang / p).read_text(encoding="utf-8"), p)
    }
    assert found == {
        "six-models": ("bar", 6),
        "intelligence-index": ("hbar", 4),
        "hallucination-top25": ("bar", 2),
        "swe-bench-pro": ("hbar", 4),
    }


def test_the_book_passes_its_own_chart_checks():
    assert check_book(ROOT / "docs", ["ja", "en"]) == []


def test_six_models_shows_the_active_share_and_keeps_the_gap():
    figure = build_figure(chart("en", "six-models"), "en")
    total, active = figure["data"]
    assert figure["layout"]["yaxis"]["type"] == "log"
    assert total["y"][4] == 230e9 and active["y"][4] is None  # MiniMax M2.5: N/A stays a gap
    assert "3.2% of Total parameters" in active["hovertext"][1]  # Kimi K2.5: 32B of 1T
    assert "5.38% of Total parameters" in active["hovertext"][0]  # GLM-5: 40B of 744B, to 3 figures
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["N/A"]
    assert "3B (dense)" in active["hovertext"][5]


@pytest.mark.parametrize("chart_id", ["intelligence-index", "swe-bench-pro"])
def test_open_weight_and_proprietary_differ_by_more_than_colour(chart_id):
    traces = build_figure(chart("en", chart_id), "en")["data"]
    assert sorted(t["name"] for t in traces) == ["Open-weight", "Proprietary"]
    assert len({t["marker"]["color"] for t in traces}) == 2
    assert len({t["marker"]["pattern"]["shape"] for t in traces}) == 2


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("chart_id", sorted(PART_1))
def test_figure_data_matches_the_golden_file(chart_id, lang):
    figure = build_figure(chart(lang, chart_id), lang)
    data = {
        "traces": [
            {k: t[k] for k in ("type", "name", "x", "y", "orientation", "hovertext", "customdata") if k in t}
            for t in figure["data"]
        ],
        "gaps": [{k: a[k] for k in ("text", "hovertext", "x", "y")} for a in figure["layout"].get("annotations", [])],
        "keys": figure["keys"],
    }
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    golden = GOLDEN / f"{chart_id}.{lang}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing — run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == golden.read_text(encoding="utf-8")


# The page


def test_the_figure_goes_before_its_table_which_stays():
    html = render(page(marker(), TABLE))
    assert html.count('<figure class="book-chart" id="chart-demo">') == 1 and "<!-- chart" not in html
    assert html.index('<figure class="book-chart" id="chart-demo"') < html.index("<td>GLM-5</td>")
    assert 'role="img" tabindex="0" aria-label="Horizontal bar chart: GLM-5 50; Kimi K2.5 47.' in html
    assert "The table below has the same data." in html


def test_a_page_without_markers_is_left_alone():
    html = render(page("| a | b |\n| --- | --- |\n| <b>x</b> | 1 |\n"))
    assert "<figure" not in html and "<td><b>x</b></td>" in html  # not a chart's table: its cells are not escaped


def test_a_cached_figure_is_read_back_not_drawn_again(tmp_path, monkeypatch):
    text = page(marker(), TABLE)
    drawn = render(text, cache_dir=str(tmp_path))
    assert drawn == render(text), "a figure from the cache is the figure plotly draws"
    assert len(list(tmp_path.glob("figure-*.json"))) == 1
    charts_module.figure_json.cache_clear()  # as in a new build process

    def draw_again(*args):
        raise AssertionError("the figure was drawn again instead of read from the cache")

    monkeypatch.setattr(charts_module, "build_figure", draw_again)
    assert render(text, cache_dir=str(tmp_path)) == drawn


def test_a_changed_number_draws_its_figure_anew(tmp_path):
    render(page(marker(), TABLE), cache_dir=str(tmp_path))
    html = render(page(marker(), TABLE.replace("| 47 |", "| 46 |")), cache_dir=str(tmp_path))
    data = html.split('class="book-chart__data">')[1].split("</script>")[0]
    assert json.loads(data)["data"][0]["x"] == [50, 46]
    assert len(list(tmp_path.glob("figure-*.json"))) == 2


def test_markers_in_code_are_examples_not_charts():
    html = render(page("```markdown\n" + marker(type="pie") + "```\n"))
    assert "<figure" not in html and "&lt;!-- chart" in html


def test_a_drawing_alone_for_print_and_e_books():
    html = render(page(marker(), TABLE), interactive=False)
    assert '<div class="book-chart__plot"><svg' in html and "book-chart__data" not in html and "arrow keys" not in html


def test_cells_are_text_in_the_table_the_data_and_the_label():
    hostile = TABLE.replace("GLM-5", "<script>alert(1)</script>").replace("Kimi K2.5", "</script><b>x</b> & co")
    html = render(page(marker(group="Type"), hostile))
    assert "<script>alert" not in html and "</script><b>" not in html
    assert "<td>&lt;script&gt;alert(" in html and "&lt;/script&gt;</td>" in html
    data = html.split('<script type="application/json" class="book-chart__data">')[1].split("</script>")[0]
    assert "<" not in data and ">" not in data and "&" not in data
    # Plotly shows entities as characters, so the chart reads exactly like the table.
    assert json.loads(data)["data"][0]["y"] == [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; co",
    ]


def test_errors_name_the_file_line_from_the_top_of_the_file():
    source = "---\ntitle: x\n---\n\n" + page(marker(type="pie"), TABLE)
    with pytest.raises(BookError) as raised:
        find_charts(source, PATH)
    assert raised.value.line == source.split("\n").index("type: pie") + 1


# Bad input: each fails with `path:line: what is wrong — how to fix it`


def test_a_ragged_row():
    assert error_of(page(marker(), TABLE + "| Qwen | Open | 3 | extra |\n")) == (
        f"{PATH}:18: the row has 4 cells but the table has 3 columns — "
        "give every row one cell per column (write N/A in a cell with no value)"
    )


def test_a_missing_column():
    assert error_of(page(marker(values="[Points]"), TABLE)) == (
        f'{PATH}:14: the table has no column "Points" named in chart "demo" — use one of the column headings: Model, Type, Score'
    )


def test_an_unknown_chart_type():
    assert error_of(page(marker(type="pie"), TABLE)) == f'{PATH}:7: unknown chart type "pie" — use one of bar, hbar, scatter'


def test_a_non_number_in_a_value_column():
    assert error_of(page(marker(), TABLE.replace("| 47 |", "| abc |")), "docs/ja/part-1/1-3.md") == (
        'docs/ja/part-1/1-3.md:17: value "abc" in column "Score" is not a number — '
        "write a number such as 39.45, 744B or 38.70%, or N/A for a missing value"
    )


def test_a_duplicate_id_on_one_page():
    assert error_of(page(marker(), TABLE, marker(), TABLE)) == (
        f'{PATH}:19: chart id "demo" is already used at {PATH}:5 — give every chart of a language its own id'
    )


def test_a_marker_with_no_table_after_it():
    assert error_of(page(marker(), "Just a paragraph.\n")) == (
        f'{PATH}:5: chart "demo" has no table after its marker — '
        "put the Markdown table right after the `-->` line (or its `Table:` caption), with one blank line between"
    )


@pytest.mark.parametrize(
    "text, message",
    [
        (page(marker(colour="red"), TABLE), f"{PATH}:12: unknown chart setting `colour`"),
        (page(marker(title=None), TABLE), f"{PATH}:6: the chart marker has no `title`"),
        (page(marker(id="Six_Models"), TABLE), f'{PATH}:6: chart id "Six_Models" is not lower-case words'),
        (page(marker(log="maybe"), TABLE), f"{PATH}:12: `log` is neither true nor false"),
        (page(marker(values="[a, b, c]", type="scatter"), TABLE), f"{PATH}:9: a scatter chart needs two value columns, not 3"),
        (page(marker(title="a: b: c"), TABLE), f"{PATH}:10: the chart settings are not valid YAML"),
        (page("<!-- chart\nid: x\n"), f"{PATH}:5: the chart marker is never closed"),
        (page("<!-- chart id: x -->\n", TABLE), f"{PATH}:5: the chart marker has text after `<!-- chart`"),
        (
            page(marker(log="true"), TABLE.replace("| 47 |", "| 0 |")),
            f'{PATH}:18: value "0" in column "Score" cannot be drawn on a log scale',
        ),
        (
            page(marker(), TABLE.replace("| 47 |", "| 47% |")),
            f'{PATH}:17: value "47%" in column "Score" is in %, but "50" on line 16 has no unit',
        ),
        (page(marker(), TABLE.replace("| Kimi K2.5 |", "| GLM-5 |")), f'{PATH}:17: label "GLM-5" is also on line 16'),
        (
            page(marker(), TABLE.replace("| 50 |", "| N/A |").replace("| 47 |", "| — |")),
            f'{PATH}:14: column "Score" has no numbers',
        ),
        (page(marker(), TABLE.replace("| Kimi K2.5 |", "| |")), f'{PATH}:17: the cell in column "Model" is empty'),
    ],
)
def test_other_mistakes_are_explained(text, message):
    error = error_of(text)
    assert error.startswith(message) and " — " in error


# Across languages


def write_book(root: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_a_number_that_differs_between_languages(tmp_path):
    docs = write_book(tmp_path, {"ja/x.md": page(marker(), TABLE), "en/x.md": page(marker(), TABLE.replace("| 47 |", "| 46 |"))})
    errors = [str(e) for e in check_book(docs, ["ja", "en"], lambda p: f"docs/{p.relative_to(docs).as_posix()}")]
    assert errors == [
        'docs/en/x.md:17: chart "demo": "46" in row "Kimi K2.5", column "Score" differs from "47" in docs/ja/x.md:17 '
        '(row "Kimi K2.5", column "Score") — make both languages carry the same numbers'
    ]


def test_the_same_number_written_differently_agrees(tmp_path):
    docs = write_book(
        tmp_path, {"ja/x.md": page(marker(), TABLE.replace("| 50 |", "| ５０ |")), "en/x.md": page(marker(), TABLE)}
    )
    assert check_book(docs, ["ja", "en"]) == []


def test_a_row_missing_in_one_language(tmp_path):
    short = TABLE.rsplit("| Kimi", 1)[0]
    docs = write_book(tmp_path, {"ja/x.md": page(marker(), TABLE), "en/x.md": page(marker(), short)})
    errors = [str(e) for e in check_book(docs, ["ja", "en"], lambda p: p.relative_to(docs).as_posix())]
    assert errors == [
        'en/x.md:5: chart "demo" has number of rows 1 but ja/x.md:5 has 2 — make both languages carry the same numbers'
    ]


def test_a_duplicate_id_across_pages_of_one_language(tmp_path):
    docs = write_book(tmp_path, {"en/a.md": page(marker(), TABLE), "en/b.md": page(marker(), TABLE)})
    errors = [str(e) for e in check_book(docs, ["en"], lambda p: p.relative_to(docs).as_posix())]
    assert errors == ['en/b.md:5: chart id "demo" is already used at en/a.md:5 — give every chart of a language its own id']


def test_every_problem_of_the_book_is_reported_at_once(tmp_path):
    docs = write_book(tmp_path, {"ja/a.md": page(marker(type="pie"), TABLE), "en/a.md": page(marker(), TABLE + "| x |\n")})
    assert len(check_book(docs, ["ja", "en"])) == 2


# plotly's Japanese interface


def test_the_locale_registers_itself_in_a_browser(tmp_path):
    script = locale_script("ja", ROOT / "node_modules" / "plotly.js" / "lib" / "locales")
    assert locale_script("en", ROOT / "node_modules" / "plotly.js" / "lib" / "locales") is None
    probe = tmp_path / "probe.js"
    probe.write_text(
        "var window = {Plotly: {register: function (m) { console.log(m.name, m.moduleType, m.dictionary['Zoom']); }}};\n"
        + script,
        encoding="utf-8",
    )
    result = subprocess.run(["node", str(probe)], capture_output=True, text=True)
    assert result.stdout.strip() == "ja locale ズーム", result.stderr


# Other shapes of chart


def test_a_scatter_chart_marks_groups_by_shape_and_skips_a_missing_point():
    table = "| Model | Type | Size | Score |\n| --- | --- | ---: | ---: |\n| A | Open | 7B | 40% |\n| B | Closed | N/A | 50% |\n| C | Open | 70B | 60% |\n"
    text = page(marker(type="scatter", values="[Size, Score]", group="Type"), table)
    html = render(text)
    (found,) = find_charts(text, PATH)
    figure = build_figure(found, "en")
    open_weight, closed = figure["data"]
    assert (open_weight["x"], open_weight["y"], closed["x"]) == ([7e9, 70e9], [40, 60], [None])
    assert open_weight["marker"]["symbol"] != closed["marker"]["symbol"]
    assert figure["layout"]["yaxis"]["ticksuffix"] == "%"
    assert [key[:2] for key in figure["keys"]] == [[0, 0], [None, None], [0, 1]]
    assert "Scatter chart: A (Open): Size 7B, Score 40%; B (Closed): Size N/A" in html


def test_currency_values_put_their_sign_on_the_axis():
    (found,) = find_charts(page(marker(), TABLE.replace("| 50 |", "| $1.55 |").replace("| 47 |", "| $1.20 |")), PATH)
    assert build_figure(found, "en")["layout"]["xaxis"]["tickprefix"] == "$"


# Cells as real chapters write them: ranges with a peak, units, fractions, numbers among words, markup in labels

MIXED = """\
| Model | Throughput | Achieved |
| --- | ---: | --- |
| Step 3.5 Flash | 100–300 tok/sec (peak 350 tok/sec) | 11B active while keeping the knowledge of 196B |
| **GLM-5** | 60 tok/sec | Frontier-class performance at $1.55/1M tokens (against GPT-5.2: 1/3 of its price) |
| [Kimi K2.5](https://example.com)<br>1T | 40〜80 tok/sec | 1T parameters with 32B active; $1.20/1M tokens |
"""


def mixed_chart(**settings):
    (found,) = find_charts(page(marker(labels="Model", **settings), MIXED), PATH)
    return found


def test_a_range_is_a_floating_bar_and_its_peak_a_line_on_to_a_tick():
    figure = build_figure(mixed_chart(values="[Throughput]"), "en")
    bars, peak = figure["data"]
    assert (bars["base"], bars["x"]) == ([100, 0, 40], [200, 60, 40])
    assert peak["type"] == "scatter" and peak["name"] == "Peak" and peak["offsetgroup"] == bars["offsetgroup"]
    assert (peak["x"], peak["y"]) == ([300, 350, None], ["Step 3.5 Flash", "Step 3.5 Flash", None])
    assert figure["layout"]["scattermode"] == "group"
    assert "Throughput: 100–300 tok/sec (peak 350 tok/sec)" in bars["hovertext"][0]
    assert [key[:2] for key in figure["keys"]] == [[0, 0], [0, 1], [0, 2]]


def test_a_chart_without_ranges_keeps_plain_bars():
    figure = build_figure(chart("en", "six-models"), "en")
    assert all("base" not in trace for trace in figure["data"]) and "scattermode" not in figure["layout"]


def test_the_drawing_floats_a_range_and_draws_its_peak():
    drawing = svg.draw(mixed_chart(values="[Throughput]"), "en")
    first_bar = drawing.split('<rect class="book-chart__bar book-chart__s0" x="')[1]
    assert float(first_bar.split("%")[0]) > 0  # 100–300 starts at 100, not at zero
    assert drawing.count('class="book-chart__peak"') == 2
    assert ">100–300 tok/sec (peak 350 tok/sec)</text>" in drawing


def test_labels_are_plain_text_in_the_figure_and_the_drawing():
    found = mixed_chart(values="[Throughput]")
    assert [row.label for row in found.rows] == ["Step 3.5 Flash", "GLM-5", "Kimi K2.5 1T"]
    assert build_figure(found, "en")["data"][0]["y"] == ["Step 3.5 Flash", "GLM-5", "Kimi K2.5 1T"]
    drawing = svg.draw(found, "en")
    assert "**" not in drawing and "&lt;br&gt;" not in drawing and "https://" not in drawing
    assert ">Kimi K2.5 1T</text>" in drawing


def test_pick_takes_the_number_in_a_unit_from_a_cell_with_words():
    found = mixed_chart(values="[Achieved]", pick="first $/1M tokens")
    assert [(n.value, n.unit, n.text) for row in found.rows for n in row.values] == [
        (None, "", "—"),
        (1.55, "$/1M tokens", "$1.55/1M tokens"),
        (1.2, "$/1M tokens", "$1.20/1M tokens"),
    ]
    figure = build_figure(found, "en")
    assert figure["layout"]["xaxis"]["tickprefix"] == "$"
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["—"]  # a row without a price is a gap, not zero


def test_pick_per_column_leaves_the_other_columns_plain():
    table = "| Model | Score | Note |\n| --- | ---: | --- |\n| A | 50 | about 40 at launch |\n| B | 47 | N/A |\n"
    (found,) = find_charts(page(marker(values="[Score, Note]", pick="{Note: first}"), table), PATH)
    assert [[n.value for n in row.values] for row in found.rows] == [[50, 40], [47, None]]
    with pytest.raises(BookError, match="is not a number"):
        find_charts(page(marker(values="[Score, Note]", pick="{Score: first}"), table), PATH)


def test_prices_written_in_each_language_agree(tmp_path):
    ja = "| モデル | 達成したこと |\n| --- | --- |\n| GLM-5 | 性能を$1.55/1Mトークンで提供 |\n| Kimi K2.5 | 32Bをアクティブ化、$1.20/1Mトークン |\n"
    en = "| Model | Achieved |\n| --- | --- |\n| GLM-5 | performance at $1.55/1M tokens |\n| Kimi K2.5 | 32B active; $1.20/1M tokens |\n"
    docs = write_book(
        tmp_path,
        {
            "ja/x.md": page(marker(labels="モデル", values="[達成したこと]", pick="first $/1Mトークン"), ja),
            "en/x.md": page(marker(labels="Model", values="[Achieved]", pick="first $/1M tokens"), en),
        },
    )
    assert check_book(docs, ["ja", "en"]) == []


def test_a_peak_that_differs_between_languages(tmp_path):
    ja = TABLE.replace("| 47 |", "| 100〜300 tok/sec（ピーク350 tok/sec） |").replace("| 50 |", "| 50 tok/sec |")
    en = TABLE.replace("| 47 |", "| 100–300 tok/sec (peak 360 tok/sec) |").replace("| 50 |", "| 50 tok/sec |")
    docs = write_book(tmp_path, {"ja/x.md": page(marker(), ja), "en/x.md": page(marker(), en)})
    errors = [str(e) for e in check_book(docs, ["ja", "en"], lambda p: f"docs/{p.relative_to(docs).as_posix()}")]
    assert errors == [
        'docs/en/x.md:17: chart "demo": "100–300 tok/sec (peak 360 tok/sec)" in row "Kimi K2.5", column "Score" differs '
        'from "100〜300 tok/sec（ピーク350 tok/sec）" in docs/ja/x.md:17 (row "Kimi K2.5", column "Score") — '
        "make both languages carry the same numbers"
    ]


@pytest.mark.parametrize(
    "settings, table, message",
    [
        (
            dict(pick="last"),
            TABLE,
            f'{PATH}:12: unknown pick rule "last" for column "Score" — write `first` (the first number in the cell) or '
            "`first` and a unit (the first number in that unit), such as `first $/1M tokens`",
        ),
        (
            dict(pick="first parsecs"),
            TABLE,
            f'{PATH}:12: the pick rule "first parsecs" for column "Score" names no unit the book writes — use a currency '
            "sign or one of %, ×, x, 倍, GB, tok/sec, tok/s, tokens/sec, tokens/s, /1M tokens, /1Mトークン, months, month, "
            "か月, カ月, ヶ月, ヵ月, such as `first $/1M tokens` or `first %`",
        ),
        (
            dict(pick="{Type: first}"),
            TABLE,
            f'{PATH}:12: `pick` names column "Type", which is not in `values` — use the names in `values`: Score',
        ),
        (
            dict(pick="[first]"),
            TABLE,
            f"{PATH}:12: `pick` is neither a rule nor a list of columns with their rules — write `pick: first`, or "
            "`pick:` followed by one indented `column: rule` line per column",
        ),
        (
            {},
            TABLE.replace("| 47 |", "| 47 points |"),
            f'{PATH}:17: value "47 points" in column "Score" is not a number — write a number such as 39.45, 744B or '
            "38.70%, or N/A for a missing value; to chart the number in a cell that also holds words, add `pick: first` "
            "to the marker",
        ),
        (
            {},
            TABLE.replace("| 50 |", "| $1.55/1M tokens |").replace("| 47 |", "| 60 tok/sec |"),
            f'{PATH}:17: value "60 tok/sec" in column "Score" is in tok/s, but "$1.55/1M tokens" on line 16 is in '
            "$/1M tokens — write every value on one axis in the same unit, or chart those columns separately",
        ),
        (
            {},
            TABLE.replace("| 47 |", "| 300–100 |"),
            f'{PATH}:17: value "300–100" in column "Score" is a range whose upper end is not above its lower end — '
            "write a number such as 39.45, 744B or 38.70%, or N/A for a missing value",
        ),
        (
            {},
            TABLE.replace("| 47 |", "| 100–300 (peak 200) |"),
            f'{PATH}:17: value "100–300 (peak 200)" in column "Score" has a peak below its value — '
            "write a number such as 39.45, 744B or 38.70%, or N/A for a missing value",
        ),
        (
            {},
            TABLE.replace("| 47 |", "| 1/0 |"),
            f'{PATH}:17: value "1/0" in column "Score" is not a fraction a chart can draw — '
            "write a number such as 39.45, 744B or 38.70%, or N/A for a missing value",
        ),
        (
            dict(pick="first"),
            TABLE.replace("| 47 |", "| about $5% of it |"),
            f'{PATH}:18: value "$5%" in column "Score" is both an amount of money and a percentage — '
            "write a number such as 39.45, 744B or 38.70%, or N/A for a missing value",
        ),
        (
            dict(type="scatter", values="[Score, Size]"),
            "| Model | Score | Size |\n| --- | ---: | ---: |\n| A | 1–2 | 3 |\n| B | 4 | 5 |\n",
            f'{PATH}:16: value "1–2" in column "Score" is a range, which a scatter chart cannot place — '
            "use a bar or hbar chart for ranges, or write one number",
        ),
    ],
)
def test_each_new_mistake_has_its_exact_message(settings, table, message):
    assert error_of(page(marker(**settings), table)) == message


def test_fractions_and_multiples_chart_with_their_sign_on_the_axis():
    table = TABLE.replace("| 50 |", "| 3倍 |").replace("| 47 |", "| 1/3× |")
    (found,) = find_charts(page(marker(), table), PATH)
    figure = build_figure(found, "en")
    assert figure["data"][0]["x"] == [3, pytest.approx(1 / 3)] and figure["layout"]["xaxis"]["ticksuffix"] == "×"


# Property: whatever a contributor writes in a cell or a marker, the chart reads or stops with a BookError

CELL_PARTS = st.sampled_from(
    ["1", "0", "35", ".", ",", "/", "–", "〜", "-", "~", "$", "€", "%", "B", "T", "K", "x", "×", "倍", "GB", " tok/sec",
     "/1Mトークン", "/1M tokens", "か月", " months", " ", "(", ")", "（", "）", "peak ", "ピーク", "a", "GPT-5.2", "**",
     "<br>", "[", "](u)", "N/A", "—", "１", "e9", "_"]
)  # fmt: skip
PICKS = st.sampled_from(
    [None, "first", "first %", "first $/1M tokens", "first tok/sec", "last", "first parsecs", "'{Score: first}'",
     "'{Size: first x}'", "'{Nope: first}'", "[first]", "'{Score: [1]}'", "''", "first $%"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(CELL_PARTS, max_size=6).map("".join), min_size=4, max_size=4),
    st.sampled_from(["bar", "hbar", "scatter"]),
    PICKS,
    st.sampled_from([None, "true"]),
    st.lists(CELL_PARTS, max_size=4).map("".join),
)
def test_generated_cells_and_markers_chart_or_stop_with_a_book_error(cells, chart_type, pick, log, label):
    table = "| Model | Score | Size |\n| --- | ---: | ---: |\n"
    table += f"| A{label.replace('|', '')} | {cells[0]} | {cells[1]} |\n| B | {cells[2]} | {cells[3]} |\n"
    text = page(marker(type=chart_type, values="[Score, Size]", pick=pick, log=log), table)
    try:
        (found,) = find_charts(text, PATH)
    except BookError as error:
        assert str(error).startswith(f"{PATH}:") and " — " in str(error)
        return
    for lang in ("ja", "en"):
        build_figure(found, lang)
        svg.draw(found, lang)
