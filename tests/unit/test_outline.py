"""The book's outline (its Parts and their sections, each page's title, one line and reading time), the checks that
keep titles written once, and each Part's list of its sections."""

from __future__ import annotations

import pytest

from book import contents, outline
from book.checks import titles
from book.errors import BookError
from book.sources import reading
from convert import convert

NAV = [
    "index.md",
    {"第1部：収束": ["part-1/index.md", "part-1/1-1.md", "part-1/1-2.md"]},
    {"第2部：新たな戦場": ["part-2/index.md", "part-2/2-1.md"]},
    "conclusion.md",
    "references.md",
    "glossary.md",
]
NAMES = {"ja": {}, "en": {"第1部：収束": "Part 1: The Convergence", "第2部：新たな戦場": "Part 2: The New Battleground"}}
TITLES = {
    "ja": {
        "index.md": "小さな本",
        "part-1/index.md": "第1部：収束 ── 消えた性能格差",
        "part-1/1-1.md": "1-1. 2つのモデル",
        "part-1/1-2.md": "1-2. 1つのベンチマーク",
        "part-2/index.md": "第2部：新たな戦場",
        "part-2/2-1.md": "2-1. 性能の次に来る競争",
        "conclusion.md": "結論",
        "references.md": "参考文献",
        "glossary.md": "用語集",
    },
    "en": {
        "index.md": "A small book",
        "part-1/index.md": "Part 1: The Convergence — The performance gap is gone",
        "part-1/1-1.md": "1-1. Two models",
        "part-1/1-2.md": "1-2. One benchmark",
        "part-2/index.md": "Part 2: The New Battleground",
        "conclusion.md": "Conclusion",
        "references.md": "References",
        "glossary.md": "Glossary",
    },  # 2-1 is not translated yet
}


def write_book(docs, titles_by_lang=TITLES, body="Text.\n"):
    for lang, pages in titles_by_lang.items():
        for rel, title in pages.items():
            path = docs / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            marker = f"\n## Sections {{#sections}}\n\n{outline.SECTIONS_MARKER}\n" if rel.endswith("/index.md") else ""
            path.write_text(
                f"---\ntitle: '{title}'\ndescription: What {rel} says.\n---\n\n# {title} {{#top}}\n\n{body}{marker}",
                encoding="utf-8",
            )
    return docs


def texts(docs):
    return {
        (path.relative_to(docs).parts[0], path.relative_to(docs / path.relative_to(docs).parts[0]).as_posix()): (
            path.relative_to(docs.parent).as_posix(),
            path.read_text(encoding="utf-8"),
        )
        for path in sorted(docs.rglob("*.md"))
    }


def test_the_outline_follows_the_nav_with_each_page_s_own_title_and_line(tmp_path):
    docs = write_book(tmp_path / "docs")
    book = outline.read(docs, ["ja", "en"], NAV, NAMES)
    en = book["en"]
    assert [p.name for p in en.parts] == ["Part 1: The Convergence", "Part 2: The New Battleground"]
    assert [p.name for p in book["ja"].parts] == ["第1部：収束", "第2部：新たな戦場"]
    assert [e.rel for e in en.front] == ["index.md"]
    assert [e.title for e in en.parts[0].sections] == ["1-1. Two models", "1-2. One benchmark"]
    assert en.parts[0].opening.title == "Part 1: The Convergence — The performance gap is gone"
    assert en.parts[0].sections[0].description == "What part-1/1-1.md says."
    assert [e.rel for e in en.closing] == ["conclusion.md"]
    assert [e.rel for e in en.apparatus] == ["references.md", "glossary.md"]
    assert en.start.rel == "part-1/1-1.md"
    assert [e.key for e in en.reading] == ["part-1", "part-1/1-1", "part-1/1-2", "part-2", "part-2/2-1", "conclusion"]
    assert en.part_opened_by("part-2/index.md") is en.parts[1] and en.part_opened_by("part-1/1-1.md") is None


def test_a_section_not_yet_translated_is_listed_from_its_original(tmp_path):
    en = outline.read(write_book(tmp_path / "docs"), ["ja", "en"], NAV, NAMES)["en"]
    (untranslated,) = en.parts[1].sections
    assert (untranslated.title, untranslated.lang) == ("2-1. 性能の次に来る競争", "ja")


def test_without_a_nav_each_folder_with_an_index_is_a_part_named_by_its_opening(tmp_path):
    docs = write_book(tmp_path / "docs")
    (docs / "ja" / "part-1" / "1-10.md").write_text((docs / "ja" / "part-1" / "1-2.md").read_text(encoding="utf-8"))
    ja = outline.read(docs, ["ja", "en"])["ja"]
    assert [p.name for p in ja.parts] == ["第1部：収束", "第2部：新たな戦場"]
    assert [e.rel for e in ja.parts[0].sections] == ["part-1/1-1.md", "part-1/1-2.md", "part-1/1-10.md"]
    assert [e.rel for e in ja.front] == ["index.md"]


def test_reading_time_counts_characters_in_japanese_and_words_in_english():
    assert reading.minutes("あ" * 1000, "ja") == pytest.approx(2.0)  # 500 characters a minute
    assert reading.minutes(" ".join(["word"] * 476), "en") == pytest.approx(2.0)  # 238 words a minute
    # What a reader does not read: syntax, link targets, ids, citation keys, chart settings, code.
    marked = (
        "## 見出し {#heading}\n\n<!-- chart\nid: x\n-->\n\n[リンク](https://example.org/long/path)と**強調**[@glm5]。\n\n"
        "```\ncode code code\n```\n\n| 列 | 値 |\n| --- | ---: |\n| あ | 1 |\n"
    )
    assert "".join(reading.reading_text(marked).split()) == "見出しリンクと強調。列値あ1"
    assert reading.minutes("GPT-4o costs $20-a-month, don't it? 8.5 points.", "en") * 238 == pytest.approx(7)


def test_part_names_and_titles_that_agree_pass(tmp_path):
    docs = write_book(tmp_path / "docs")
    assert titles.problems(texts(docs), docs, ["ja", "en"], NAV, NAMES) == []


def test_a_part_titled_otherwise_than_the_nav_names_the_title_line(tmp_path):
    docs = write_book(tmp_path / "docs")
    nav = [NAV[0], {"第1部 収束": NAV[1]["第1部：収束"]}, *NAV[2:]]
    names = {"ja": {}, "en": {"第1部 収束": "Part 1: Convergence", "第2部：新たな戦場": "Part 2: The New Battleground"}}
    errors = [str(e) for e in titles.problems(texts(docs), docs, ["ja", "en"], nav, names)]
    assert errors == [
        "docs/en/part-1/index.md:2: the title 'Part 1: The Convergence — The performance gap is gone' does not begin with "
        "the Part's name in mkdocs.yml's nav, 'Part 1: Convergence' — name the Part the same in both places (after its "
        "name, the title may go on with ' ── ' or ' — ' and a subtitle)",
        "docs/ja/part-1/index.md:2: the title '第1部：収束 ── 消えた性能格差' does not begin with the Part's name in "
        "mkdocs.yml's nav, '第1部 収束' — name the Part the same in both places (after its name, the title may go on "
        "with ' ── ' or ' — ' and a subtitle)",
    ]


def test_a_part_name_left_untranslated_asks_for_its_translation(tmp_path):
    docs = write_book(tmp_path / "docs")
    errors = [str(e) for e in titles.problems(texts(docs), docs, ["ja", "en"], NAV, {"ja": {}, "en": {}})]
    assert len(errors) == 2 and all("untranslated" in e and "nav_translations" in e for e in errors), errors
    assert errors[0].startswith("docs/en/part-1/index.md:2: the title 'Part 1: The Convergence — The performance")


def test_a_heading_that_is_not_the_title_and_a_missing_line_are_named(tmp_path):
    docs = write_book(tmp_path / "docs")
    page = docs / "en" / "part-1" / "1-2.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        .replace("# 1-2. One benchmark", "# 1-2. A benchmark")
        .replace("description: What part-1/1-2.md says.\n", ""),
        encoding="utf-8",
    )
    errors = [str(e) for e in titles.problems(texts(docs), docs, ["ja", "en"], NAV, NAMES)]
    assert errors == [
        "docs/en/part-1/1-2.md:1: the front matter has no `description` — add `description: …`: the front page and "
        "the Part's list of its sections show every page by its title and its one-line description",
        "docs/en/part-1/1-2.md:5: the heading '1-2. A benchmark' is not the page's title '1-2. One benchmark' (line 2) "
        "— write the same title in both: lists of the book's pages show the front matter's",
    ]


def test_a_list_of_sections_asked_for_outside_a_part_page_is_named(tmp_path):
    docs = write_book(tmp_path / "docs")
    page = docs / "ja" / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{outline.SECTIONS_MARKER}\n", encoding="utf-8")
    (error,) = titles.problems(texts(docs), docs, ["ja", "en"], NAV, NAMES)
    assert str(error).startswith("docs/ja/conclusion.md:10: <!-- sections --> is on a page that opens no Part — ")


def test_a_part_page_lists_its_sections_from_their_front_matter(tmp_path):
    docs = write_book(tmp_path / "docs")
    book = contents.read(docs, ["ja", "en"], nav=NAV, nav_names=NAMES)
    html = convert(f"{outline.SECTIONS_MARKER}\n", lang="en", page="part-2/index.md", contents=book["en"])
    assert html == (
        '<ul class="book-sections">\n<li lang="ja"><a href="2-1.md">2-1. 性能の次に来る競争</a>: What part-2/2-1.md says.</li>\n</ul>'
    )
    html = convert(f"{outline.SECTIONS_MARKER}\n", lang="ja", page="part-1/index.md", contents=book["ja"])
    assert html.count("<li>") == 2 and '<a href="1-1.md">1-1. 2つのモデル</a>：What part-1/1-1.md says.' in html
    with pytest.raises(BookError, match="opens no Part"):
        convert(f"{outline.SECTIONS_MARKER}\n", lang="ja", page="part-1/1-1.md", contents=book["ja"])
