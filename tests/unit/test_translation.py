"""Translation records: normalization, hashing, records, section diffs, the front-matter rewrite, bad input."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from book.errors import BookError, BookErrors
from book.sources import frontmatter
from book.translations import tracking
from book.translations.record import TOP, digest, normalize, page_hash, parse_record, render_record, split_sections
from book.translations.status import MARKER, banner, fill_status, status_table

JA = """\
---
title: 1-3. 三つの証拠
description: 三つの証拠を確かめる。
---

# 1-3. 三つの証拠 {#s1-3}

性能が収束したと言うには、一つの物差しでは足りない。

## 証拠1：総合ベンチマーク {#evidence-1}

最上位の層では差がない。

## 証拠2：ハルシネーション率 {#evidence-2}

上位25モデルのうち23がオープンウェイトである。
"""

EN = """\
---
title: 1-3. Three pieces of evidence
description: Checks three pieces of evidence.
---

# 1-3. Three pieces of evidence {#s1-3}

One yardstick is not enough.

## Evidence 1: a composite benchmark {#evidence-1}

At the top there is no gap.

## Evidence 2: hallucination rates {#evidence-2}

23 of the top 25 models are open-weight.
"""


def make_docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A docs folder in tmp_path: {"ja/x.md": text, …}."""
    docs = tmp_path / "docs"
    for rel, text in pages.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8", newline="")
    return docs


def scan(docs: Path) -> tracking.Book:
    return tracking.scan(docs, shown_root="docs")


def recorded(tmp_path: Path, ja: str = JA, en: str = EN) -> Path:
    """docs/ja/x.md and docs/en/x.md, the English one recorded as up to date."""
    docs = make_docs(tmp_path, {"ja/x.md": ja, "en/x.md": en})
    assert tracking.update(scan(docs), "en", "x.md") is True
    return docs


def matter(text: str) -> frontmatter.FrontMatter:
    return frontmatter.read(text, "docs/en/x.md")


# Normalization and hashing


def test_normalize_collapses_whitespace():
    assert normalize("  One  yardstick\n is\tnot\n\n enough.  ") == "One yardstick is not enough."


def test_normalize_drops_a_line_break_between_japanese_characters_only():
    assert normalize("性能が収束\nしたと言う") == normalize("性能が収束したと言う") == "性能が収束したと言う"
    assert normalize("GLM-5\nと Kimi") == "GLM-5 と Kimi"  # a break next to Latin text still separates words


def test_reflowing_lines_does_not_change_the_hash_but_words_do():
    assert digest("One yardstick\nis not enough.", 8) == digest("One   yardstick is not\nenough.", 8)
    assert digest("一つの物差し\nでは足りない。", 8) == digest("一つの物差しでは\n足りない。", 8)
    assert digest("One yardstick is not enough.", 8) != digest("Two yardsticks are not enough.", 8)
    assert len(digest("x", 12)) == 12


def test_sections_are_keyed_by_explicit_id_and_cover_title_and_description():
    sections = split_sections(matter(JA))
    assert list(sections) == [TOP, "s1-3", "evidence-1", "evidence-2"]
    assert (sections["evidence-1"].title, sections["evidence-1"].line) == ("証拠1：総合ベンチマーク", 10)
    retitled = split_sections(matter(JA.replace("title: 1-3. 三つの証拠", "title: 1-3. 3つの証拠")))
    assert [i for i in sections if sections[i].hash != retitled[i].hash] == [TOP]


def test_an_edit_changes_only_its_own_section():
    before = split_sections(matter(JA))
    after = split_sections(matter(JA.replace("最上位の層では差がない。", "最上位の層では、もはや差がない。")))
    assert [i for i in before if before[i].hash != after[i].hash] == ["evidence-1"]
    assert page_hash(before) != page_hash(after)


def test_headings_in_code_blocks_are_not_sections():
    text = "# T {#t}\n\n```\n## Not a heading {#no}\n```\n"
    assert list(split_sections(matter(text))) == [TOP, "t"]


def test_front_matter_comments_are_not_headings_even_with_crlf():
    text = "---\r\n# note {#not-a-section}\r\ntitle: T\r\n---\r\n\r\n# T {#t}\r\n"
    assert list(split_sections(matter(text))) == [TOP, "t"]
    assert split_sections(matter(text))["t"].line == 6


def test_reordering_sections_changes_the_page_hash():
    a = split_sections(matter("# A {#a}\n\nx\n\n## B {#b}\n\ny\n"))
    b = split_sections(matter("# A {#a}\n\nx\n\n## B {#b}\n\ny\n"))
    assert page_hash(a) == page_hash(b)
    assert page_hash(a) != page_hash(dict(reversed(list(a.items()))))


# Records


def test_record_round_trips():
    sections = split_sections(matter(JA))
    text = "---\ntitle: T\n" + render_record("ja", sections) + "---\n\nbody\n"
    record, errors = parse_record(matter(text), "docs/en/x.md")
    assert errors == []
    assert (record.source, record.hash, record.line, record.source_line) == ("ja", page_hash(sections), 3, 4)
    assert record.sections == {i: s.hash for i, s in sections.items()}


def test_hashes_made_of_digits_stay_strings():
    text = "---\ntranslation:\n  from: ja\n  hash: 012345678901\n  sections:\n    a: 00001111\n---\n"
    record, errors = parse_record(matter(text), "docs/en/x.md")
    assert errors == [] and record.hash == "012345678901" and record.sections == {"a": "00001111"}


def test_rendered_values_that_yaml_would_not_read_as_text_are_quoted():
    block = render_record("no", {"yes": tracking.Section("yes", "", 1, "12345678")})
    assert 'from: "no"' in block and '"yes": "12345678"' in block


@pytest.mark.parametrize(
    "record, line, problem",
    [
        ("translation:\n  from: ja\n  sections: {}\n", 3, "translation: has no hash:"),
        ("translation:\n  from: ja\n  hash: 12345\n  sections: {}\n", 5, "translation.hash: is not 12 hexadecimal digits"),
        ("translation:\n  from: ja\n  hash: 0123456789ab\n  sections: [a, b]\n", 6, "translation.sections: is not a mapping"),
        ("translation:\n  from: ja\n  hash: 0123456789ab\n  sections:\n    a: xyz\n", 7, "the hash of section a is not 8"),
        ("translation:\n  form: ja\n  hash: 0123456789ab\n  sections: {}\n", 4, "translation: has an unknown key 'form'"),
        ("translation: ja\n", 3, "translation: is not a mapping"),
    ],
)
def test_a_malformed_record_names_the_line_of_the_offending_key(record, line, problem):
    _, errors = parse_record(matter("---\ntitle: T\n" + record + "---\n"), "docs/en/x.md")
    assert errors and errors[0].line == line and problem in errors[0].problem, [str(e) for e in errors]
    assert errors[0].fix


def test_invalid_front_matter_names_its_line():
    with pytest.raises(BookError) as caught:
        frontmatter.read("---\ntitle: T\ndescription: [unclosed\n---\n", "docs/en/x.md")
    assert str(caught.value).startswith("docs/en/x.md:")
    assert "not valid YAML" in str(caught.value)


# The front-matter rewrite


def test_update_rewrites_only_the_translation_block(tmp_path):
    en = EN.replace("title:", "# kept: a comment\ntitle:").replace(
        "description:",
        "translation:  # old\n  from: ja\n  hash: 000000000000\n  sections:\n    s1-3: 00000000\n\n"
        "tags: [b, a]   # order and spacing kept\ndescription:",
    )
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": en})
    assert tracking.update(scan(docs), "en", "x.md") is True
    after = (docs / "en/x.md").read_text(encoding="utf-8")
    block = render_record("ja", split_sections(matter(JA)))
    assert after == en.replace("translation:  # old\n  from: ja\n  hash: 000000000000\n  sections:\n    s1-3: 00000000\n", block)
    assert "\n\ntags: [b, a]   # order and spacing kept\n" in after


def test_update_adds_a_record_at_the_end_of_the_front_matter_and_keeps_crlf(tmp_path):
    en = EN.replace("\n", "\r\n")
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": en})
    tracking.update(scan(docs), "en", "x.md")
    after = (docs / "en/x.md").read_bytes().decode("utf-8")
    lines = after.split("\r\n")
    assert "\n" not in after.replace("\r\n", "")
    assert lines[:3] == en.split("\r\n")[:3] and lines[3].startswith("translation:")
    assert after.endswith(en[en.index("---\r\n\r\n# 1-3.") :])


def test_update_replaces_a_one_line_record(tmp_path):
    en = EN.replace("description:", "translation: {from: ja, hash: 000000000000, sections: {}}\ndescription:")
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": en})
    tracking.update(scan(docs), "en", "x.md")
    after = (docs / "en/x.md").read_text(encoding="utf-8")
    assert "{from: ja" not in after and after.count("translation:") == 1
    assert after.split("---\n")[1].endswith(
        "    evidence-2: " + split_sections(matter(JA))["evidence-2"].hash + "\ndescription: Checks three pieces of evidence.\n"
    )


def test_update_gives_a_page_without_front_matter_one(tmp_path):
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": "# X {#s1-3}\n\n## A {#evidence-1}\n\n## B {#evidence-2}\n"})
    tracking.update(scan(docs), "en", "x.md")
    after = (docs / "en/x.md").read_text(encoding="utf-8")
    assert after.startswith("---\ntranslation:") and after.endswith(
        "---\n# X {#s1-3}\n\n## A {#evidence-1}\n\n## B {#evidence-2}\n"
    )


def test_a_second_update_changes_nothing(tmp_path):
    docs = recorded(tmp_path)
    before = (docs / "en/x.md").read_bytes()
    assert tracking.update(scan(docs), "en", "x.md") is False
    assert (docs / "en/x.md").read_bytes() == before


# Staleness


def test_a_recorded_translation_is_current(tmp_path):
    book = scan(recorded(tmp_path))
    assert tracking.check(book) == ([], [])
    assert tracking.page_state(book, "en", "x.md").state == "current"
    assert tracking.page_state(book, "ja", "x.md").state == "original"


def test_a_changed_section_is_reported_by_id_and_heading(tmp_path):
    docs = recorded(tmp_path)
    (docs / "ja/x.md").write_text(JA.replace("最上位の層では差がない。", "最上位の層では、もはや差がない。"), encoding="utf-8")
    errors, warnings = tracking.check(scan(docs))
    assert errors == []
    assert [str(w) for w in warnings] == [
        'docs/en/x.md:4: translation is older than its original docs/ja/x.md (changed: evidence-1 "証拠1：総合ベンチマーク") '
        "— update the translation, then run make translations-update PAGE=docs/en/x.md"
    ]


def test_added_and_removed_sections_are_summarised_without_failing(tmp_path):
    docs = recorded(tmp_path)
    ja = JA.replace(
        "## 証拠2：ハルシネーション率 {#evidence-2}\n\n上位25モデルのうち23がオープンウェイトである。\n",
        "## 証拠3：コーディング能力でもオープンウェイトが並んだ {#evidence-3}\n\n差は縮まった。\n",
    )
    (docs / "ja/x.md").write_text(ja, encoding="utf-8")
    book = scan(docs)
    errors, warnings = tracking.check(book)
    assert errors == []
    assert (
        '(added: evidence-3 "証拠3：コーディング能力でもオープンウェイトが…"; removed: evidence-2 "Evidence 2: hallucinati…")'
    ) in str(warnings[0])
    state = tracking.page_state(book, "en", "x.md")
    assert (state.state, state.original_lang, state.since) == ("stale", "ja", None)
    assert [s.id for s in state.changes.added] == ["evidence-3"]


def test_a_new_title_is_reported_as_the_top_of_the_page(tmp_path):
    docs = recorded(tmp_path)
    (docs / "ja/x.md").write_text(
        JA.replace("description: 三つの証拠を確かめる。", "description: 証拠を確かめる。"), encoding="utf-8"
    )
    _, warnings = tracking.check(scan(docs))
    assert "(changed: _top (title, description, text above the first heading))" in str(warnings[0])


def test_stale_since_is_the_date_of_the_originals_last_commit(tmp_path):
    docs = recorded(tmp_path)
    (docs / "ja/x.md").write_text(JA + "\n追記。\n", encoding="utf-8")
    book = scan(docs)
    dates = {"ja/x.md": datetime.datetime(2026, 2, 1, 9, 30, tzinfo=datetime.UTC)}
    assert tracking.page_state(book, "en", "x.md", dates).since == datetime.date(2026, 2, 1)


def test_a_page_in_one_language_only_is_missing_in_the_other(tmp_path):
    book = scan(make_docs(tmp_path, {"ja/x.md": JA, "en/.keep.md": ""}))
    state = tracking.page_state(book, "en", "x.md")
    assert (state.state, state.original_lang) == ("missing", "ja")


# Bad input


def bad(tmp_path: Path, en: str, ja: str | None = JA) -> list[str]:
    pages = {"en/x.md": en} | ({"ja/x.md": ja} if ja else {"ja/other.md": JA})
    errors, _ = tracking.check(scan(make_docs(tmp_path, pages)))
    return [str(e) for e in errors]


def with_record(en: str, record: str) -> str:
    return en.replace("---\n\n#", record + "---\n\n#", 1)


def test_a_record_naming_a_language_without_a_folder_fails(tmp_path):
    en = with_record(EN, "translation:\n  from: fr\n  hash: 0123456789ab\n  sections: {}\n")
    assert bad(tmp_path, en) == ["docs/en/x.md:5: translation.from: is fr, but there is no docs/fr/ folder — use one of en, ja"]


def test_a_record_whose_original_is_missing_fails(tmp_path):
    en = with_record(EN, "translation:\n  from: ja\n  hash: 0123456789ab\n  sections: {}\n")
    assert bad(tmp_path, en, ja=None) == [
        "docs/en/x.md:5: its original docs/ja/x.md does not exist — restore the original, correct from:, "
        "or delete the translation: block if this page is now the original"
    ]


def test_a_record_naming_its_own_language_fails(tmp_path):
    en = with_record(EN, "translation:\n  from: en\n  hash: 0123456789ab\n  sections: {}\n")
    assert "docs/en/x.md:5: translation.from: names this page's own language (en)" in bad(tmp_path, en)[0]


def test_a_malformed_record_fails_the_check(tmp_path):
    en = with_record(EN, "translation:\n  from: ja\n  hash: 0123456789ab\n  sections: none\n")
    assert bad(tmp_path, en) == [
        "docs/en/x.md:7: translation.sections: is not a mapping of {#id}: hash — correct it, or compare the page "
        "with its original and run make translations-update PAGE=docs/en/x.md"
    ]


def test_a_section_id_renamed_in_a_current_translation_is_one_error_with_both_paths(tmp_path):
    docs = recorded(tmp_path)
    en = (docs / "en/x.md").read_text(encoding="utf-8").replace("{#evidence-2}", "{#evidence-two}")
    (docs / "en/x.md").write_text(en, encoding="utf-8")
    errors, _ = tracking.check(scan(docs))
    assert [str(e) for e in errors] == [
        "docs/en/x.md:22: section #evidence-two is #evidence-2 in docs/ja/x.md:14 — give both languages the same ID: {#evidence-2}"
    ]


def test_a_section_missing_from_a_current_translation_names_both_paths(tmp_path):
    docs = recorded(tmp_path)
    en = (docs / "en/x.md").read_text(encoding="utf-8").replace("{#evidence-2}", "")
    (docs / "en/x.md").write_text(en, encoding="utf-8")
    errors, _ = tracking.check(scan(docs))
    assert any(str(e).startswith("docs/en/x.md: section #evidence-2 of docs/ja/x.md:14 is missing here — ") for e in errors), (
        errors
    )


def test_update_refuses_a_translation_whose_section_ids_differ(tmp_path):
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": EN.replace("{#evidence-2}", "{#evidence-3}")})
    with pytest.raises(BookErrors) as caught:
        tracking.update(scan(docs), "en", "x.md")
    assert "section #evidence-3 is #evidence-2 in docs/ja/x.md:14" in str(caught.value)
    assert "translation:" not in (docs / "en/x.md").read_text(encoding="utf-8")


def test_update_needs_to_know_the_original_when_it_is_ambiguous(tmp_path):
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": EN, "fr/x.md": EN})
    with pytest.raises(BookErrors, match="--from LANG"):
        tracking.update(scan(docs), "en", "x.md")
    assert tracking.update(scan(docs), "en", "x.md", source="ja") is True


def test_the_direction_is_per_page(tmp_path):
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": EN, "ja/y.md": JA, "en/y.md": EN})
    book = scan(docs)
    tracking.update(book, "en", "x.md")
    tracking.update(book, "ja", "y.md")
    book = scan(docs)
    assert tracking.check(book) == ([], [])
    assert [tracking.page_state(book, l, r).state for l, r in [("en", "x.md"), ("ja", "y.md"), ("en", "y.md")]] == [
        "current",
        "current",
        "original",
    ]


def test_two_versions_without_a_record_are_flagged(tmp_path):
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": EN, "ja/y.md": JA, "en/y.md": EN})
    tracking.update(scan(docs), "en", "x.md")
    errors, warnings = tracking.check(scan(docs))
    assert errors == []
    assert [str(w).split(" — ")[0] for w in warnings] == [
        "docs/en/y.md:1: neither this page nor docs/ja/y.md has a translation: record, so nothing tells when one falls behind the other"
    ]


# What readers see


def test_pages_are_listed_with_each_folders_index_first(tmp_path):
    pages = {f"ja/{rel}": JA for rel in ["about.md", "index.md", "part-1/1-1.md", "part-1/index.md", "z.md"]}
    assert scan(make_docs(tmp_path, pages)).rels() == ["index.md", "about.md", "part-1/index.md", "part-1/1-1.md", "z.md"]


def test_banner_points_at_the_original(tmp_path):
    docs = recorded(tmp_path)
    (docs / "ja/x.md").write_text(JA + "\n追記。\n", encoding="utf-8")
    book = scan(docs)
    stale = tracking.page_state(book, "en", "x.md")
    assert banner(stale, "en/x/", "ja", True) == {
        "original_lang_name": "Japanese",
        "href": "../../x/",
        "lang": "ja",
        "since": None,
    }
    assert banner(tracking.page_state(book, "ja", "x.md"), "x/", "ja", True) is None


def test_status_table_lists_every_page_with_links_to_both_versions(tmp_path):
    docs = recorded(tmp_path)
    (docs / "ja/x.md").write_text(JA + "\n追記。\n", encoding="utf-8")
    (docs / "ja/only.md").write_text("---\ntitle: 日本語だけ\n---\n\n# 日本語だけ {#only}\n", encoding="utf-8")
    book = scan(docs)
    dates = {"ja/x.md": datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC)}
    en = status_table(book, "en", "en/translation-status/", "ja", True, dates)
    assert en.splitlines() == [
        "2 pages: 0 up to date, 1 outdated, 1 missing.",
        "",
        "| Page | English | Japanese |",
        "| --- | --- | --- |",
        '| 日本語だけ | missing | <a href="../../only/" hreflang="ja">original</a> |',
        '| 1-3. Three pieces of evidence | <a href="../x/" hreflang="en">outdated (original changed 1 February 2026)</a> '
        '| <a href="../../x/" hreflang="ja">original</a> |',
    ]
    ja = fill_status(f"# 翻訳の状況\n\n{MARKER}\n", book, "ja", "translation-status/", "ja", True, order=["x.md"])
    assert "| ページ | 英語 | 日本語 |" in ja and "| 日本語だけ | 未翻訳 |" in ja
    assert '<a href="../en/x/" hreflang="en">古い</a>' in ja  # no history: no date
    assert ja.index("三つの証拠") < ja.index("日本語だけ")  # the given order first
    assert MARKER not in ja


@pytest.mark.parametrize("broken", ["translation: ja\n", "translation:\n  from: ja\n  hash: 12\n  sections: none\n"])
def test_update_repairs_a_malformed_record(tmp_path, broken):
    docs = make_docs(tmp_path, {"ja/x.md": JA, "en/x.md": with_record(EN, broken)})
    assert tracking.check(scan(docs))[0] != []
    tracking.update(scan(docs), "en", "x.md")
    assert tracking.check(scan(docs)) == ([], [])


def test_update_refuses_an_original_that_cannot_be(tmp_path):
    docs = recorded(tmp_path)
    with pytest.raises(BookErrors, match="a page cannot translate itself"):
        tracking.update(scan(docs), "en", "x.md", source="en")
    with pytest.raises(
        BookErrors, match="docs/ja/x.md: cannot record this page as a translation from en: docs/en/x.md is itself a translation"
    ):
        tracking.update(scan(docs), "ja", "x.md", source="en")
    with pytest.raises(BookErrors, match="docs/ja/x.md: is the original of docs/en/x.md — give the translation instead"):
        tracking.update(scan(docs), "ja", "x.md")
