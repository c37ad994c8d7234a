"""Side-by-side reading: a page's blocks as Python-Markdown reads them, and the two languages paired block by block,
or stopped with the page and the line where they stop pairing."""

from __future__ import annotations

import pytest

from book.parallel import pairs, render
from book.sources.blocks import blocks

JA = "docs/ja/part-1/1-9.md"
EN = "docs/en/part-1/1-9.md"

PAGE_JA = """---
title: 1-9. 見出し
---

# 1-9. 見出し {#s1-9}

最初の段落[@raschka-spring]。
続きの行。

- 項目1
- 項目2
  続き

- 項目3

## 節 {#part}
節の最初の段落[^note]。

<!-- chart
id: sizes
type: bar
labels: モデル
values: [規模]
title: 規模
caption: 出典：どこか
-->

Table: 規模の表 {#tbl:sizes}

| モデル | 規模 |
| --- | ---: |
| A | 1B |

```text
コード

の中の空行
```

> 引用

!!! note
    注記の本文

    二つ目の段落

<!-- references -->

[^note]: 注1。
[^other]: 注2。
"""

PAGE_EN = """---
title: 1-9. A heading
---

# 1-9. A heading {#s1-9}

The first paragraph [@raschka-spring].

- Item 1
- Item 2

- Item 3

## Section {#part}

The section's first paragraph.[^note]

<!-- chart
id: sizes
type: bar
labels: Model
values: [Size]
title: Sizes
caption: 'Source: somewhere'
-->

Table: Sizes {#tbl:sizes}

| Model | Size |
| --- | ---: |
| A | 1B |

```text
code
```

> A quotation

!!! note
    The note's body

<!-- references -->

[^note]: Note 1.

[^other]: Note 2.
"""


def kinds(text: str, path: str) -> list[tuple[str, str]]:
    return [(block.kind, block.key) for block in blocks(text, path)]


def test_a_page_reads_as_its_blocks():
    assert kinds(PAGE_JA, JA) == [
        ("heading", "s1-9"),
        ("paragraph", ""),
        ("list", ""),
        ("heading", "part"),
        ("paragraph", ""),
        ("figure", "sizes"),
        ("code", ""),
        ("quote", ""),
        ("note", ""),
        ("marker", "<!-- references -->"),
        ("footnote", "note"),
        ("footnote", "other"),
    ]
    first_list = next(block for block in blocks(PAGE_JA, JA) if block.kind == "list")
    assert first_list.items == (10, 11, 14)  # an item after a blank line belongs to the same list


def test_the_two_languages_pair():
    assert pairs.problems((JA, PAGE_JA), (EN, PAGE_EN)) == []
    rows = pairs.units(PAGE_EN, EN)
    assert [row.kind for row in rows].count("item") == 3
    assert rows[1].marks == frozenset({"[@raschka-spring]"})


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def errors(original: str, translation: str) -> list[str]:
    return [str(error) for error in pairs.problems((JA, original), (EN, translation))]


def test_a_paragraph_added_to_the_translation_is_named_with_its_line():
    added = PAGE_EN.replace("## Section {#part}", "A paragraph of the English page only.\n\n## Section {#part}")
    line = line_of(added, "A paragraph of the English page only.")
    assert errors(PAGE_JA, added) == [
        f"{EN}:{line}: a paragraph here has no counterpart in {JA} (it would come after {JA}:14) — add it there too, "
        "or remove it; side by side, each heading, paragraph, list item, table and chart stands beside its counterpart, "
        "in the same order"
    ]


def test_a_paragraph_left_untranslated_is_named_in_the_original():
    added = PAGE_JA.replace("> 引用", "訳されていない段落。\n\n> 引用")
    line = line_of(added, "訳されていない段落。")
    (error,) = errors(added, PAGE_EN)
    assert error.startswith(f"{JA}:{line}: a paragraph here has no counterpart in {EN}") and "translate it there" in error


def test_a_list_item_more_is_named():
    added = PAGE_EN.replace("- Item 3", "- Item 3\n- Item 4")
    (error,) = errors(PAGE_JA, added)
    assert error.startswith(f"{EN}:{line_of(added, '- Item 4')}: a list item here has no counterpart")


def test_a_heading_beside_a_paragraph_is_named():
    changed = PAGE_EN.replace("## Section {#part}", "Section")
    (error,) = errors(PAGE_JA, changed)
    assert error.startswith(f"{EN}:{line_of(changed, 'Section')}: a paragraph here would stand beside a heading #part at {JA}:")


def test_a_citation_moved_to_another_paragraph_is_named():
    moved = PAGE_EN.replace(" [@raschka-spring].", ".").replace(
        "first paragraph.[^note]", "first paragraph [@raschka-spring].[^note]"
    )
    found = errors(PAGE_JA, moved)
    assert found and found[0].startswith(f"{EN}:{line_of(moved, 'The first paragraph')}: a paragraph here carries ")
    assert "[@raschka-spring]" in found[0]


def test_a_footnote_of_one_language_only_is_named():
    renamed = PAGE_EN.replace("[^other]: Note 2.", "[^another]: Note 2.")
    assert errors(PAGE_JA, renamed) == [
        f"{EN}:{line_of(renamed, '[^another]')}: footnote [^another] has no counterpart in {JA} — add it there too, or "
        "remove it; side by side, each footnote stands beside the one of the same name",
        f"{JA}:{line_of(PAGE_JA, '[^other]')}: footnote [^other] has no counterpart in {EN} — translate it there, or "
        "remove it; side by side, each footnote stands beside the one of the same name",
    ]


PLACE = render.Place(
    "part-1/1-3.md",
    "ja",
    "parallel/part-1/1-3/",
    "ja",
    True,
    frozenset({"part-1/1-3.md", "glossary.md"}),
    {"ja": "../../../data/", "en": "../../../en/data/"},
)


@pytest.mark.parametrize(
    "lang, href, expected",
    [
        ("ja", "#evidence-1", "#evidence-1"),  # the interface's own anchors stay
        ("en", "#evidence-1", "#en-evidence-1"),  # the other language's carry its prefix
        ("en", "../glossary.md#open-weight", "../../glossary/#en-open-weight"),  # a page read side by side too
        ("ja", "../part-2/2-1.md#s2-1", "../../../part-2/2-1/#s2-1"),  # a page that is not: its own
        ("en", "../part-2/2-1.md", "../../../en/part-2/2-1/"),
        ("en", "https://example.org/#x", "https://example.org/#x"),
    ],
)
def test_links_lead_on_from_the_side_by_side_page(lang, href, expected):
    cell = render._localised(f'<p><a href="{href}">x</a></p>', lang, PLACE)
    assert cell == f'<p><a href="{expected}">x</a></p>'


def test_the_other_languages_ids_and_the_data_links_are_placed():
    cell = f'<p id="table-x"><a href="{render.DATA}table-x.csv">CSV</a></p><table aria-labelledby="table-x"></table>'
    assert render._localised(cell, "en", PLACE) == (
        '<p id="en-table-x"><a href="../../../en/data/table-x.csv">CSV</a></p><table aria-labelledby="en-table-x"></table>'
    )
