"""Markdown style: markdownlint-cli2 with the book's configuration passes on docs/, and its findings are
reported as `path:line: what is wrong — how to fix it`."""

from __future__ import annotations

import shutil

import pytest

from book.commands import check_site
from conftest import ROOT

pytestmark = pytest.mark.skipif(not (ROOT / check_site.MARKDOWNLINT).exists(), reason="run `make setup` (npm ci) first")


def test_the_docs_pass_markdownlint():
    errors = check_site.check_markdown(ROOT)
    assert not errors, "\n".join(map(str, errors))


def _project(tmp_path, text: str):
    shutil.copy(ROOT / ".markdownlint-cli2.yaml", tmp_path / ".markdownlint-cli2.yaml")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    page = tmp_path / "docs" / "ja" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text(text, encoding="utf-8")
    return [str(e) for e in check_site.check_markdown(tmp_path)]


def test_book_conventions_are_allowed(tmp_path):
    """Front-matter title with an H1, long Japanese lines, language spans and chart comments."""
    errors = _project(
        tmp_path,
        (
            "---\ntitle: 節\n---\n\n# 節の見出し {#s1}\n\n" + "日本語の長い段落。" * 60 + "\n\n"
            '<span lang="en">Open-weight</span>は英語の用語である。\n\n'
            "<!-- chart\nid: x\ntype: bar\n-->\n\n| 種類 | 数 |\n| --- | ---: |\n| 公開 | 23 |\n\n"
            "**性能の差は、すでに消えている。**\n\n[節へ](#s1)\n"
        ),
    )
    assert errors == []


def test_problems_name_file_and_line_with_a_fix(tmp_path):
    errors = _project(tmp_path, "---\ntitle: 節\n---\n\n# 節 {#s1}\n\n![](x.png)\n\n[どこか](#nowhere)\n\n# 二つ目\n")
    assert (
        "docs/ja/page.md:7: Images should have alternate text (alt text) (MD045/no-alt-text) — describe the image in the brackets: ![what it shows](file.png)"
        in errors
    )
    assert (
        'docs/ja/page.md:9: Link fragments should be valid at "[どこか](#nowhere)" (MD051/link-fragments) — link to a heading\'s {#id} that exists on the page'
        in errors
    )
    assert any(e.startswith("docs/ja/page.md:11: Multiple top-level headings") for e in errors), errors
