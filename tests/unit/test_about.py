"""The About page's promise about charts: it names every chart the edition added, in each language."""

from __future__ import annotations

from book.checks import about

MARKER = (
    "<!-- chart\nid: {id}\ntype: bar\nlabels: a\nvalues: [b]\ntitle: T\ncaption: C\n-->\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n"
)


def test_a_chart_the_about_page_does_not_name_is_reported(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "p.md").write_text(MARKER.format(id="one") + "\n" + MARKER.format(id="two"), encoding="utf-8")
    (tmp_path / "en" / "about.md").write_text("# About {#about}\n\n- Charts: [[fig:one]].\n", encoding="utf-8")
    errors = [str(e) for e in about.problems(tmp_path, ["en"], lambda p: f"docs/{p.relative_to(tmp_path).as_posix()}")]
    assert errors == [
        "docs/en/about.md:3: the list of this edition's changes does not name the chart [[fig:two]] — "
        "add it where the page lists the charts this edition added"
    ]
    (tmp_path / "en" / "about.md").write_text("# About {#about}\n\n- Charts: [[fig:one]], [[fig:two]].\n", encoding="utf-8")
    assert about.problems(tmp_path, ["en"], str) == []
