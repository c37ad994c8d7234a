"""The bilingual site as built: strict, every page paired, licensed, attributed and switchable."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

from book import project
from book.checks import parity
from book.parallel import pages as parallel_pages
from book.site import minify
from conftest import ROOT

LANGS = project.languages()
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
ORIGINAL_REPO = "https://github.com/Leading-AI-IO/edge-ai-intelligence"


class Page(HTMLParser):
    """What a reader's browser sees of a page: its language, head links and the switcher's links."""

    def __init__(self, text: str):
        super().__init__()
        self.lang = None
        self.head_links: list[dict] = []
        self.switcher: list[dict] = []
        self.anchors: list[dict] = []
        self.feed(text)
        self.text = text

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link":
            self.head_links.append(attrs)
        elif tag == "a":
            self.anchors.append(attrs)
            if "data-book-switch" in attrs:
                self.switcher.append(attrs)


def built_pages(site: Path) -> dict[str, Page]:
    """Every page built from a Markdown source (the 404 pages are checked on their own)."""
    return {
        p.relative_to(site).as_posix(): Page(p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html" and "assets" not in p.parts
    }


def page_lang(path: str) -> str:
    return "en" if path.startswith("en/") else "ja"


def test_strict_build_prints_no_warning(site_build):
    assert "WARNING" not in site_build.stderr, site_build.stderr


def test_both_languages_are_built(site):
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    ja_pages = {p for p in built_pages(site) if not p.startswith("en/")}
    en_pages = {p.removeprefix("en/") for p in built_pages(site) if p.startswith("en/")}
    assert ja_pages == en_pages and len(ja_pages) >= 12


def test_every_source_page_has_its_counterpart():
    assert parity.missing_counterparts(ROOT / "docs", LANGS) == []


def test_a_missing_counterpart_is_named(tmp_path):
    for lang in LANGS:
        (tmp_path / lang / "part-1").mkdir(parents=True)
        (tmp_path / lang / "index.md").write_text("# x {#x}\n")
    (tmp_path / "ja" / "part-1" / "1-9.md").write_text("# 1-9 {#s1-9}\n")
    errors = [str(e) for e in parity.missing_counterparts(tmp_path, LANGS)]
    assert errors == [
        "docs/en/part-1/1-9.md: missing: docs/ja/part-1/1-9.md has no counterpart in en — "
        "add docs/en/part-1/1-9.md (translate it, or copy the original and mark it untranslated)"
    ]


def test_every_page_declares_its_language(site):
    for path, page in built_pages(site).items():
        assert page.lang == page_lang(path), f"{path}: <html lang={page.lang!r}>"


def test_every_page_carries_licence_and_attribution(site):
    for path, page in built_pages(site).items():
        assert {"rel": "license", "href": LICENCE} in page.head_links, f"{path}: no <link rel=license>"
        assert any(a.get("href") == LICENCE and a.get("rel") == "license" for a in page.anchors), f"{path}: no licence link"
        assert any(a.get("href") == ORIGINAL_REPO for a in page.anchors), f"{path}: no link to the original"
        author = "山内 怜史" if page_lang(path) == "ja" else "Satoshi Yamauchi"
        assert author in page.text, f"{path}: the original's author is not credited"


def test_language_switcher_points_at_the_counterpart(site):
    """The Material + mkdocs-static-i18n pairing: a switcher on every page, each entry the same page."""
    for path, page in built_pages(site).items():
        targets = {}
        for link in page.switcher:
            if "hreflang" not in link:
                continue  # the side-by-side view (tests/build/test_parallel_built.py)
            resolved = posixpath.join(posixpath.dirname(path), link["href"])
            if link["href"].endswith("/"):
                resolved += "index.html"
            targets[link["hreflang"]] = posixpath.normpath(resolved)
        ja_path = path.removeprefix("en/").removeprefix(f"{parallel_pages.FOLDER}/")  # a side-by-side page's are its pages'
        assert targets == {"ja": ja_path, "en": f"en/{ja_path}"}, f"{path}: switcher goes to {targets}"
        for target in targets.values():
            assert (site / target).is_file(), f"{path}: switcher target {target} was not built"


def test_theme_speaks_the_page_language(site):
    ja = (site / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="検索"' in ja and 'placeholder="Search"' in en
    assert "第1部：収束" in ja and "Part 1: The Convergence" in en


def test_404_page_in_both_languages(site):
    for path, lang, title in [("404.html", "ja", "ページが見つかりません"), ("en/404.html", "en", "Page not found")]:
        page = Page((site / path).read_text(encoding="utf-8"))
        assert page.lang == lang and title in page.text


def test_no_font_or_script_from_another_host(site):
    for path, page in built_pages(site).items():
        assert "fonts.googleapis.com" not in page.text and "fonts.gstatic.com" not in page.text, path
        for src in re.findall(r'<script[^>]+src="([^"]+)"', page.text):
            assert not re.match(r"(https?:)?//", src), f"{path}: script from {src}"


def test_pinned_pair_is_installed():
    """The lock pins the Material and i18n versions this site is tested with."""
    lock = (ROOT / "requirements.lock").read_text()
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n"):
        pinned = re.search(rf"^{name}==(\S+)", lock, re.M)[1]
        assert metadata.version(name) == pinned, f"{name} {metadata.version(name)} installed, {pinned} locked"


def test_site_and_repository_urls_can_be_overridden(tmp_path):
    from conftest import mkdocs_build

    result = mkdocs_build(
        tmp_path / "site",
        SITE_URL="https://fork.example/book/",
        REPO_URL="https://example.com/fork/book",
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "en" / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://fork.example/book/en/part-1/1-1/">' in page
    assert "https://example.com/fork/book/edit/main/docs/en/part-1/1-1.md" in page


def test_every_page_links_its_own_source_and_shows_its_last_update(site):
    """A page committed to git shows when it last changed; a new page not yet committed shows no date."""
    from book.site import history

    edit_base = project.config()["repo_url"] + "/edit/main/docs/"
    dated = history.last_changed(ROOT / "docs")
    for path, page in built_pages(site).items():
        if path.removeprefix("en/").startswith(f"{parallel_pages.FOLDER}/"):
            continue  # a side-by-side page shows two sources, which each language's own page links
        lang = page_lang(path)
        source = path.removeprefix("en/").removesuffix("index.html").rstrip("/") or "index"
        expected = {f"{edit_base}{lang}/{source}.md", f"{edit_base}{lang}/{source}/index.md"}
        edit = [a["href"] for a in page.anchors if a.get("rel") == "edit"]
        assert len(edit) == 1 and edit[0] in expected, f"{path}: edit link {edit}"
        committed = edit[0].removeprefix(edit_base) in dated
        date = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)">', page.text)
        assert bool(date) == committed, f"{path}: a date shown {'without' if date else 'despite'} a git history"
        if date:
            assert date[1] == dated[edit[0].removeprefix(edit_base)].date().isoformat(), path


def test_a_build_without_git_history_still_succeeds(tmp_path):
    """A source archive (no .git) builds, just without last-updated dates."""
    import subprocess
    import tarfile

    archive = tmp_path / "source.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), "HEAD"], check=True)
    tarfile.open(archive).extractall(tmp_path / "src")
    (tmp_path / "src" / "node_modules").symlink_to(ROOT / "node_modules")
    from conftest import mkdocs_build

    result = mkdocs_build(
        tmp_path / "site",
        tmp_path / "src" / "mkdocs.yml",
        GIT_CEILING_DIRECTORIES=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    assert "<time" not in page and "1-1." in page


def test_the_site_serves_the_overrides_minified(site):
    own = [p for p in (ROOT / "overrides" / "assets").rglob("*") if p.suffix in minify.SUFFIXES]
    assert own
    for source in own:
        built = site / source.relative_to(ROOT / "overrides")
        text = built.read_text(encoding="utf-8")
        assert len(text) < len(source.read_text(encoding="utf-8")), built
        assert "\n  " not in text and not text.lstrip().startswith("/*"), built
