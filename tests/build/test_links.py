"""Links and section IDs in the built pages: the book passes, and broken input is reported with its
Markdown file and line."""

from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from book import project
from book.checks import links
from book.commands import check_site
from conftest import ROOT, build_env, copy_book, mkdocs_build

SITE_URL = project.config()["site_url"]


def test_the_book_links_resolve(site):
    errors = links.check_links(site, ROOT, SITE_URL)
    assert not errors, "\n".join(map(str, errors))


def test_links_between_pages_are_the_relative_paths_posixpath_gives(site):
    """The hook's own relative paths (it makes thousands per build) agree with posixpath.relpath for every pair of
    the built site's pages, folders and files."""
    from book.site.languages import relative_url

    urls = sorted({p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")})
    urls += ["", "assets/vendor/plotly.min.js", "search/search_docs.json"]
    for source in urls[::3]:
        folder = source if source.endswith("/") or not source else posixpath.dirname(source)
        for target in urls:
            expected = posixpath.relpath(target or ".", folder or ".")
            expected = "./" if expected == "." and (not target or target.endswith("/")) else expected
            if (not target or target.endswith("/")) and not expected.endswith("/"):
                expected += "/"
            assert relative_url(target, source) == expected, (target, source)


def test_the_book_section_ids_are_well_formed_and_unique(site):
    errors = links.check_ids(site, ROOT)
    assert not errors, "\n".join(map(str, errors))


def test_the_offline_edition_links_resolve(offline_zip, tmp_path):
    shutil.unpack_archive(offline_zip, tmp_path)
    (edition,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    errors = links.check_links(edition, ROOT) + links.check_ids(edition, ROOT)
    assert not errors, "\n".join(map(str, errors))


def test_external_links_are_listed_not_fetched(site):
    external = links.external_links(site, SITE_URL)
    assert "https://creativecommons.org/licenses/by/4.0/" in external
    assert not any(url.startswith(SITE_URL) for url in external)


# Small built pages: what the checker follows, and how it reports.


def _page(site: Path, rel: str, body: str, source: str | None = None) -> None:
    edit = f'<a rel="edit" href="https://github.com/o/r/edit/main/{source}">edit</a>' if source else ""
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<!doctype html><html><body>{edit}\n<article class="md-content__inner md-typeset">\n{body}\n</article></body></html>\n'
    )


def test_anchor_and_page_links_are_followed(tmp_path):
    site = tmp_path / "site"
    _page(
        site,
        "index.html",
        '<h1 id="top">T</h1>\n<a href="a/#intro">ok</a>\n<a href="a/#nope">bad</a>\n<a href="b/">gone</a>\n<a href="a/#intor">typo</a>',
    )
    _page(
        site,
        "a/index.html",
        '<h2 id="intro">I</h2>\n<a href="../#top">up</a>\n<a href="mailto:x@y.z">mail</a>\n<a href="https://example.org/">out</a>',
    )
    errors = [str(e) for e in links.check_links(site, tmp_path, label="site")]
    assert errors == [
        'site/index.html:5: link "a/#nope" points at a missing anchor #nope — fix the link, or add {#nope} to the heading it means',
        'site/index.html:6: link "b/" points at a missing page b/index.html — fix the link or add the page',
        'site/index.html:7: link "a/#intor" points at a missing anchor #intor — did you mean #intro? '
        "(or add {#intor} to the heading it means)",
    ]


def test_site_url_links_and_root_paths_are_internal(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "cover.png").write_bytes(b"png")
    _page(site, "index.html", "")
    (site / "404.html").write_text(
        '<meta property="og:image" content="https://x.org/book/assets/cover.png">\n'
        '<link rel="icon" href="/book/assets/favicon.svg">\n<a href="/elsewhere/">other site</a>\n'
    )
    errors = [str(e) for e in links.check_links(site, tmp_path, "https://x.org/book/", label="site")]
    assert errors == [
        'site/404.html:2: link "/book/assets/favicon.svg" points at a missing page assets/favicon.svg '
        "— fix the template in overrides/ that writes it, or add the file"
    ]


def test_a_theme_link_broken_on_every_page_is_reported_once(tmp_path):
    site = tmp_path / "site"
    for rel in ("index.html", "a/index.html", "b/index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text('<link rel="stylesheet" href="/x.css">\n')
    errors = [str(e) for e in links.check_links(site, tmp_path, "https://x.org/", label="site")]
    assert len(errors) == 1 and "(and on 2 more pages)" in errors[0]


# Bad input in a copy of the book: the report names the Markdown file and line.


@pytest.fixture(scope="module")
def broken_book(tmp_path_factory):
    """The book with a broken link and a missing anchor in 1-2 (which only the built site shows)."""
    root = copy_book(tmp_path_factory.mktemp("broken"))
    page = root / "docs" / "ja" / "part-1" / "1-2.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    end = len(lines)
    lines += [
        "",
        "[存在しない節](1-1.md#no-such-section)と[存在しないページ](1-9.md)を参照。",  # end + 2
        "",
    ]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    english = root / "docs" / "en" / "part-1" / "1-2.md"  # its counterpart, so the two pages still pair
    english.write_text(english.read_text(encoding="utf-8") + "\nSee [the first section](1-1.md).\n", encoding="utf-8")
    # Not strict: strict mode stops at the missing page, and the point is what the checker says.
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=root)
    assert (root / "site" / "part-1" / "1-2" / "index.html").is_file(), result.stderr
    return root, end


def _errors(root: Path, check) -> list[str]:
    return [str(e) for e in check(root / "site", root)]


def test_missing_anchor_names_file_and_line(broken_book):
    root, end = broken_book
    errors = _errors(root, lambda s, r: links.check_links(s, r, SITE_URL))
    expected = f'docs/ja/part-1/1-2.md:{end + 2}: link "../1-1/#no-such-section" points at a missing anchor #no-such-section'
    assert any(
        e.startswith(expected) and e.endswith("— fix the link, or add {#no-such-section} to the heading it means") for e in errors
    ), errors


def test_missing_page_names_file_and_line(broken_book):
    root, end = broken_book
    errors = _errors(root, lambda s, r: links.check_links(s, r, SITE_URL))
    assert any(e.startswith(f"docs/ja/part-1/1-2.md:{end + 2}: link ") and "1-9" in e and "missing page" in e for e in errors), (
        errors
    )


@pytest.mark.parametrize(
    "heading, message",
    [
        ("## 悪いID {#Bad Id}", "heading ID #Bad is not lowercase letters, digits and hyphens — use an ID such as #evidence-1"),
        ("## 重複 {#s1-2}", "heading ID #s1-2 is already used on line {h1} — give each heading its own ID"),
    ],
)
def test_a_bad_heading_id_stops_the_build_with_file_and_line(tmp_path, heading, message):
    root = copy_book(tmp_path)
    page = root / "docs" / "ja" / "part-1" / "1-2.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    h1 = next(number for number, line in enumerate(lines, start=1) if line.endswith("{#s1-2}"))
    lines += ["", heading]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", root / "mkdocs.yml")
    assert result.returncode == 1
    assert f"docs/ja/part-1/1-2.md:{len(lines)}: {message.format(h1=h1)}" in result.stderr
    assert "Traceback" not in result.stderr


def test_uppercase_section_id_is_refused(tmp_path):
    site = tmp_path / "site"
    _page(site, "index.html", '<h2 id="Bad">B</h2>')
    errors = [str(e) for e in links.check_ids(site, tmp_path, label="site")]
    assert errors == [
        'site/index.html:3: the heading "B" has the ID "Bad", which is not a section ID '
        "— use lowercase ASCII letters, digits and hyphens, e.g. {#bad}"
    ]


def test_check_site_command_exits_non_zero_and_prints_each_problem(broken_book, capsys):
    root, end = broken_book
    status = check_site.main([str(root / "site"), "--only", "links", "--root", str(root)])
    out = capsys.readouterr().out
    assert status == 1
    assert "missing anchor #no-such-section" in out and "missing page" in out
