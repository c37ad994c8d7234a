"""Bad input, as contributors make it, stops every build path with `path:line: what — fix`, all in one run,
without a traceback; a failed build leaves the published site as it was; and no generated input makes the
source checks raise anything but the project's own error."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book.charts.spec import find_charts
from book.checks import unsafe
from book.errors import BookError
from book.numbering.scan import scan
from book.references import citations
from book.sources import editions, frontmatter, headings
from book.sources.tables import parse_table
from conftest import build_env, copy_book


def append(path: Path, text: str) -> int:
    """Add lines at the end of a page; the line number of the first one added."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "", text]) + "\n", encoding="utf-8")
    return len(lines) + 2


def h1_line(path: Path) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("# "))


def break_the_book(book: Path) -> list[str]:
    """Every kind of mistake a contributor makes, each once, in the small book; the messages expected."""
    docs = book / "docs"
    expected = []
    about = docs / "ja" / "about.md"  # front matter that is not YAML: an unclosed [
    about.write_text(about.read_text(encoding="utf-8").replace("title: ", "title: [", 1), encoding="utf-8")
    expected.append("docs/ja/about.md:3: the front matter is not valid YAML")
    page = docs / "ja" / "part-1" / "1-2.md"  # one heading ID twice
    line = append(page, "## 重複 {#s1-2}")
    expected.append(f"docs/ja/part-1/1-2.md:{line}: heading ID #s1-2 is already used on line {h1_line(page)}")
    page = docs / "en" / "part-1" / "1-2.md"  # a title with a quotation mark is fine: it is escaped
    page.write_text(page.read_text(encoding="utf-8").replace("title: ", 'title: A "quoted" ', 1), encoding="utf-8")
    for lang, name, text, problem in [
        ("ja", "part-1/1-1.md", "<script>alert(1)</script>", "<script> is not allowed in the book's pages"),
        ("en", "part-1/1-1.md", '<img src="x.png" alt="x" onerror="alert(1)">', "the attribute onerror= would run script"),
        ("ja", "index.md", "[リンク](javascript:alert(1))", "a javascript: link would run script"),
        ("en", "index.md", "[a page](data:text/html,hello)", "a data: link would open a page the book cannot check"),
        ("ja", "part-1/index.md", '<iframe src="https://example.org/"></iframe>', "<iframe> is not allowed in the book's pages"),
        ("en", "part-1/index.md", "<style>body{display:none}</style>", "<style> is not allowed in the book's pages"),
        ("en", "glossary.md", "A claim [@no-such-source].", "citation [@no-such-source] names no entry of docs/references.yml"),
        ("ja", "glossary.md", "[[tbl:two-model]]を参照。", "reference [[tbl:two-model]] names no table of the book"),
        ("ja", "references.md", "![図](../../../outside.png)", "the image ../../../outside.png is outside docs/"),
    ]:
        line = append(docs / lang / name, text)
        expected.append(f"docs/{lang}/{name}:{line}: {problem}")
    line = append(docs / "ja" / "glossary.md", "<!-- book -->\n本だけに載せる一文。")  # a block never closed
    expected.append(f"docs/ja/glossary.md:{line}: <!-- book --> is never closed")
    line = append(docs / "en" / "references.md", "<!-- book -->\n### Print only {#print-only}\n<!-- /book -->") + 1
    expected.append(f"docs/en/references.md:{line}: a heading inside a <!-- book --> block")
    line = append(docs / "en" / "glossary.md", "## Lonely {#lonely}")
    expected.append(f"docs/en/glossary.md:{line}: glossary term 'Lonely' has no definition")
    (docs / "en" / "part-1" / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n')
    expected.append("docs/en/part-1/evil.svg:1: <script> is not allowed in the book's pages")
    (docs / "ja" / "part-1" / "1-3.md").write_text(
        "---\ntitle: 1-3. 片方だけ\n---\n\n# 1-3. 片方だけ {#s1-3}\n", encoding="utf-8"
    )
    expected.append("docs/en/part-1/1-3.md: missing: docs/ja/part-1/1-3.md has no counterpart in en")
    return expected


PATHS = {
    "make build": lambda book, out: [
        sys.executable,
        "-m",
        "book.commands.build",
        "--site-dir",
        str(out / "site"),
        "--zip",
        str(out / "book.zip"),
        "--config",
        str(book / "mkdocs.yml"),
    ],
    "make offline": lambda book, out: [
        sys.executable,
        "-m",
        "book.commands.offline",
        "--zip",
        str(out / "book.zip"),
        "--config",
        str(book / "mkdocs.yml"),
    ],
    "make check": lambda book, out: [sys.executable, "-m", "book.commands.check", "--root", str(book)],
    "make editions": lambda book, out: [
        sys.executable,
        "-m",
        "book.commands.editions",
        "--root",
        str(book),
        "--out",
        str(out / "editions"),
    ],
}


@pytest.fixture(scope="module")
def broken_book(tmp_path_factory) -> tuple[Path, list[str]]:
    book = copy_book(tmp_path_factory.mktemp("broken") / "book")
    return book, break_the_book(book)


@pytest.mark.parametrize("path", PATHS)
def test_every_build_path_stops_on_every_mistake_in_one_run(broken_book, tmp_path, path):
    book, expected = broken_book
    run = subprocess.run(PATHS[path](book, tmp_path), capture_output=True, text=True, env=build_env(), cwd=book, timeout=300)
    output = run.stdout + run.stderr
    assert run.returncode != 0, output
    missing = [message for message in expected if message not in output]
    assert not missing, f"{path} did not report:\n" + "\n".join(missing) + f"\n\nit said:\n{output}"
    assert "Traceback" not in output
    repeated = [message for message in expected if output.count(message) > 1]
    assert not repeated, f"{path} said these more than once:\n" + "\n".join(repeated)
    assert not (tmp_path / "site").exists() and not (tmp_path / "book.zip").exists(), "nothing half-built is published"


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path):
    book = copy_book(tmp_path / "book")
    page = book / "docs" / "ja" / "part-1" / "1-2.md"
    page.write_bytes(page.read_bytes() + "\n追記\n".encode("shift_jis"))
    line = page.read_bytes().count(b"\n")
    for path in ("make build", "make check"):
        run = subprocess.run(PATHS[path](book, tmp_path), capture_output=True, text=True, env=build_env(), cwd=book)
        assert run.returncode != 0
        assert f"docs/ja/part-1/1-2.md:{line}: is not UTF-8 text (byte 0x92) — save the file as UTF-8" in run.stdout + run.stderr
        assert "Traceback" not in run.stdout + run.stderr


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def test_a_failed_build_leaves_the_previous_site_and_zip_untouched(tmp_path):
    book = copy_book(tmp_path / "book")
    out = tmp_path / "out"
    first = subprocess.run(PATHS["make build"](book, out), capture_output=True, text=True, env=build_env(), cwd=book)
    assert first.returncode == 0, first.stderr
    before, zip_before = _tree_digest(out / "site"), (out / "book.zip").read_bytes()
    append(book / "docs" / "en" / "part-1" / "1-1.md", "<script>alert(1)</script>")
    second = subprocess.run(PATHS["make build"](book, out), capture_output=True, text=True, env=build_env(), cwd=book)
    assert second.returncode == 1
    assert _tree_digest(out / "site") == before and (out / "book.zip").read_bytes() == zip_before
    assert not [p.name for p in out.iterdir() if p.name.endswith((".new", ".old", ".tmp"))], "nothing temporary is left behind"


# Generated input: every check either passes or raises BookError, never anything else.

MARKDOWN = st.text(
    alphabet=st.sampled_from(list("#|-:{}[]()<>!@`*_~\\/'\" \n\tabcxyz019.,;=％表部日本語—–〜") + ["\u3000"]), max_size=300
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=MARKDOWN)
def test_source_checks_raise_only_book_errors(text):
    for check in (
        lambda: frontmatter.read("---\n" + text + "\n---\n# T {#t}\n", "p.md"),
        lambda: headings.heading_problems("p.md", text),
        lambda: unsafe.problems("p.md", text),
        lambda: citations.problems("p.md", text, {}),
        lambda: find_charts("<!-- chart\n" + text + "\n-->\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n", "p.md"),
        lambda: find_charts("<!-- chart\nid: x\ntype: bar\nlabels: a\nvalues: [b]\ntitle: t\ncaption: c\n-->\n\n" + text, "p.md"),
        lambda: parse_table(text.splitlines() or [""], 0, "p.md"),
        lambda: scan(text, "p.md", numbered=True),
        lambda: editions.for_edition(text, "book", "p.md"),
        lambda: editions.problems("p.md", "<!-- site -->\n" + text),
        lambda: scan("Table: " + text + "\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n[[tbl:" + text + "]]", "p.md", True),
    ):
        try:
            check()
        except BookError:
            pass
