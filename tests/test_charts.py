"""Chart markers and figures, without MkDocs: Part 1's charts, golden figure data, and every bad input's message.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_charts.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from book.charts import render as charts_module
from book.charts.figures import build_figure
from book.charts.render import Scripts, check_book, first_body_line, locale_script, render_charts
from book.charts.spec import find_charts
from book.errors import BookError
from conftest import ROOT

GOLDEN = Path(__file__).parent / "golden" / "charts"
PART_1 = {
    "six-models": "part-1/1-1.md",
    "intelligence-index": "part-1/1-3.md",
    "hallucination-top25": "part-1/1-3.md",
    "swe-bench-pro": "part-1/1-3.md",
}
SCRIPTS = Scripts(plotly="../../assets/vendor/plotly.min.js", locale="../../assets/vendor/plotly-locale-ja.js")
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
    with pytest.raises(BookError) as raised:
        render_charts(text, path, "en", SCRIPTS)
    return str(raised.value)


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


def test_the_chart_modules_do_not_need_mkdocs():
    probe = "import sys, book.charts.render; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
    )
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
    markdown, count = render_charts(page(marker(), TABLE), PATH, "en", SCRIPTS)
    assert count == 1 and "<!-- chart" not in markdown
    assert markdown.index('<figure class="book-chart" id="chart-demo"') < markdown.index("| GLM-5 | Open | 50 |")
    assert 'data-plotly-src="../../assets/vendor/plotly.min.js"' in markdown
    assert 'role="img" tabindex="0" aria-label="Horizontal bar chart: GLM-5 50; Kimi K2.5 47.' in markdown
    assert "The table below has the same data." in markdown


def test_a_page_without_markers_is_left_alone():
    text = page("| a | b |\n| --- | --- |\n| <b>x</b> | 1 |\n")
    assert render_charts(text, PATH, "en", SCRIPTS) == (text, 0)


def test_a_cached_figure_is_read_back_not_drawn_again(tmp_path, monkeypatch):
    text = page(marker(), TABLE)
    drawn = render_charts(text, PATH, "en", SCRIPTS, cache_dir=tmp_path)
    assert drawn == render_charts(text, PATH, "en", SCRIPTS), "a figure from the cache is the figure plotly draws"
    assert len(list(tmp_path.glob("figure-*.json"))) == 1
    charts_module._figure_json.cache_clear()  # as in a new build process

    def draw_again(*args):
        raise AssertionError("the figure was drawn again instead of read from the cache")

    monkeypatch.setattr(charts_module, "build_figure", draw_again)
    assert render_charts(text, PATH, "en", SCRIPTS, cache_dir=tmp_path) == drawn


def test_a_changed_number_draws_its_figure_anew(tmp_path):
    render_charts(page(marker(), TABLE), PATH, "en", SCRIPTS, cache_dir=tmp_path)
    markdown, _ = render_charts(page(marker(), TABLE.replace("| 47 |", "| 46 |")), PATH, "en", SCRIPTS, cache_dir=tmp_path)
    data = markdown.split('class="book-chart__data">')[1].split("</script>")[0]
    assert json.loads(data)["data"][0]["x"] == [50, 46]
    assert len(list(tmp_path.glob("figure-*.json"))) == 2


def test_markers_in_code_are_examples_not_charts():
    text = page("```markdown\n" + marker(type="pie") + "```\n")
    assert render_charts(text, PATH, "en", SCRIPTS) == (text, 0)


def test_cells_are_text_in_the_table_the_data_and_the_label():
    hostile = TABLE.replace("GLM-5", "<script>alert(1)</script>").replace("Kimi K2.5", "</script><b>x</b> & co")
    markdown, _ = render_charts(page(marker(group="Type"), hostile), PATH, "en", SCRIPTS)
    figure = next(line for line in markdown.split("\n") if line.startswith("<figure"))
    assert "<script>alert" not in markdown and "</script><b>" not in markdown
    assert "| &lt;script&gt;alert(1)&lt;/script&gt; | Open | 50 |" in markdown
    data = figure.split('<script type="application/json" class="book-chart__data">')[1].removesuffix("</script></figure>")
    assert "<" not in data and ">" not in data and "&" not in data
    # Plotly shows entities as characters, so the chart reads exactly like the table.
    assert json.loads(data)["data"][0]["y"] == [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; co",
    ]


def test_errors_name_the_file_line_from_the_top_of_the_file():
    source = "---\ntitle: x\n---\n\n" + page(marker(type="pie"), TABLE)
    body = source.split("---\n", 2)[2].lstrip("\n")
    first = first_body_line(source, body)
    with pytest.raises(BookError) as raised:
        render_charts(body, PATH, "en", SCRIPTS, first)
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
        "put the Markdown table right after the `-->` line, with one blank line between"
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
            f'{PATH}:17: value "47%" in column "Score" has a different unit from "50"',
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
    markdown, _ = render_charts(text, PATH, "en", SCRIPTS)
    (found,) = find_charts(text, PATH)
    figure = build_figure(found, "en")
    open_weight, closed = figure["data"]
    assert (open_weight["x"], open_weight["y"], closed["x"]) == ([7e9, 70e9], [40, 60], [None])
    assert open_weight["marker"]["symbol"] != closed["marker"]["symbol"]
    assert figure["layout"]["yaxis"]["ticksuffix"] == "%"
    assert [key[:2] for key in figure["keys"]] == [[0, 0], [None, None], [0, 1]]
    assert "Scatter chart: A (Open): Size 7B, Score 40%; B (Closed): Size N/A" in markdown


def test_currency_values_put_their_sign_on_the_axis():
    (found,) = find_charts(page(marker(), TABLE.replace("| 50 |", "| $1.55 |").replace("| 47 |", "| $1.20 |")), PATH)
    assert build_figure(found, "en")["layout"]["xaxis"]["tickprefix"] == "$"
