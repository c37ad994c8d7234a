"""Accessibility: axe-core finds nothing on any page, in both colour schemes, at phone and desktop widths;
and the build's own checks name the Markdown line of an image without alt text or a link without text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tools.serve import serve

from book.checks import links
from book.parallel import pages as parallel_pages
from browser import laid_out
from conftest import ROOT, copy_book, mkdocs_build

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = {"default": "light", "slate": "dark"}  # the theme's scheme, and the reader's system preference


def reader_pages(site: Path) -> list[str]:
    """Every page a reader can land on, as URLs relative to the site root. Side-by-side pages lay out blocks that
    their languages' own pages hold, in one frame: the first of each Part is checked under the default language's
    interface, and the first of all under the others'."""
    urls, side_by_side = [], set()
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        parts = rel.split("/")
        if parallel_pages.FOLDER in parts[:2]:
            frame = parts[1] if parts[0] == parallel_pages.FOLDER else parts[0]  # a Part's folder, or the interface's
            if frame in side_by_side:
                continue
            side_by_side.add(frame)
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def site_path(site: Path) -> str:
    """The path the site was built to live under (from its canonical link), e.g. /book/: the 404 pages need it."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return urlsplit(found.group(1)).path if found else "/"


def axe_context(browser, **options):
    """A browser context whose pages carry axe from their first script on. axe is added as a script of the
    browser's, which the site's Content-Security-Policy would rightly refuse: the context bypasses it."""
    context = browser.new_context(bypass_csp=True, **options)
    context.add_init_script(path=str(AXE))
    return context


def _axe(page, url: str, source_of) -> list[str]:
    """axe's violations on the loaded page (of an `axe_context`), one line each: `page: rule (impact): what — fix; where`."""
    result = page.evaluate(
        """async () => {
            // Colours are read once the page's transitions have ended (a button restyled as the page loads).
            const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().iterations !== Infinity);
            await Promise.all(finite.map(a => a.finished.catch(() => null)));
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({
                target: n.target.join(" "), html: n.html.slice(0, 120), summary: n.failureSummary,
                inText: !!document.querySelector(n.target[0])?.closest(".md-content__inner")}))}));
        }"""
    )
    lines = []
    for violation in result:
        for node in violation["nodes"]:
            fix = " ".join(node["summary"].split("\n")[1:2]).strip() or violation["help"]
            where = source_of(url) if node["inText"] else None
            lines.append(
                f"{url}{f' ({where})' if where else ''}: {violation['id']} ({violation['impact']}): "
                f"{violation['help']} at {node['target']} {node['html']} — {fix}"
            )
    return lines


@pytest.mark.browser
def test_axe_finds_no_violations(browser, site):
    """Every page once, the four settings (light and dark, phone and desktop) taking turns across the pages."""
    pages = links.read_site(site)
    source_of = lambda url: (pages.get(url + "index.html") or pages.get(url) or links.Page("")).source  # noqa: E731
    settings = [(width, scheme) for scheme in SCHEMES for width in VIEWPORTS]
    contexts = {s: axe_context(browser, viewport=VIEWPORTS[s[0]], color_scheme=SCHEMES[s[1]]) for s in settings}
    tabs = {s: context.new_page() for s, context in contexts.items()}
    problems = []
    with serve(site, mount=site_path(site)) as site_url:
        for number, url in enumerate(reader_pages(site)):
            width, scheme = settings[number % len(settings)]
            page = tabs[width, scheme]
            page.goto(site_url + url, wait_until="load")
            # The scheme follows the reader's system preference, and the theme's script has added its parts.
            assert page.get_attribute("body", "data-md-color-scheme") == scheme, url
            laid_out(page)
            problems += [f"{line} [{width}, {scheme}]" for line in _axe(page, url, source_of)]
    for context in contexts.values():
        context.close()
    assert not problems, f"{len(problems)} accessibility problem(s):\n" + "\n".join(dict.fromkeys(problems))


# Inaccessible Markdown is caught before it reaches a browser, with its file and line.


@pytest.fixture(scope="module")
def broken_access_site(tmp_path_factory):
    """A copy of the book whose first section has an image without alt text and a link without text (in both
    languages, which pair paragraph by paragraph)."""
    root = copy_book(tmp_path_factory.mktemp("access"))
    for lang, words in (("ja", "詳しくは[](https://example.org/report)を参照。"), ("en", "See [](https://example.org/report).")):
        page = root / "docs" / lang / "part-1" / "1-1.md"
        lines = page.read_text(encoding="utf-8").splitlines()
        at = next(n for n, line in enumerate(lines) if line.startswith("# ")) + 1
        lines[at:at] = ["", "![](x.png)", "", words, ""]
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        (page.parent / "x.png").write_bytes((ROOT / "overrides/assets/images/favicon.svg").read_bytes())
    page = root / "docs" / "ja" / "part-1" / "1-1.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("# ")) + 1
    result = mkdocs_build(root / "site", root / "mkdocs.yml")
    assert (root / "site" / "index.html").is_file(), result.stderr
    return root, at


def test_image_without_alt_text_names_file_and_line(broken_access_site):
    root, at = broken_access_site
    errors = [str(e) for e in links.check_content_access(root / "site", root)]
    assert f'docs/ja/part-1/1-1.md:{at + 2}: the image "x.png" has no alt text' in "\n".join(errors)
    assert any("![what the image shows](x.png)" in e for e in errors)


def test_link_without_text_names_file_and_line(broken_access_site):
    root, at = broken_access_site
    errors = [str(e) for e in links.check_content_access(root / "site", root)]
    assert any(
        e.startswith(f'docs/ja/part-1/1-1.md:{at + 4}: the link to "https://example.org/report" has no text') for e in errors
    ), errors


def test_the_book_has_no_content_access_problems(site):
    errors = links.check_content_access(site, ROOT)
    assert not errors, "\n".join(map(str, errors))
