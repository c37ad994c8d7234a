"""Everything a contributor can check before a pull request, without a browser.

    python -m book.commands.check [--strict]

First the sources (pages, section IDs and table numbers paired across languages, charts, glossary, translation
records), then a strict build checked as readers get it (links, anchors, HTML, Markdown style, the
CI workflow). Every problem is one line, `path:line: what is wrong — how to fix it`; --strict also
fails on translations older than their original.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from book import charts, facts, glossary, parity, translation
from book.commands import check_site
from book.errors import BookError

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
CHECK_SITE = ROOT / "build" / "check" / "site"


def languages() -> list[str]:
    """The languages mkdocs.yml builds, read from the i18n plugin's settings."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_IgnoreTags)
    plugins = {k: v for p in config["plugins"] for k, v in (p.items() if isinstance(p, dict) else [(p, {})])}
    return [l["locale"] for l in plugins["i18n"]["languages"] if l.get("build", True)]


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and python tags; reading the language list needs neither."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def source_problems(langs: list[str]) -> tuple[list[BookError], list[BookError]]:
    """(errors, warnings) found in docs/ without building."""
    errors = parity.missing_counterparts(DOCS, langs)
    original, *others = langs
    for page in parity.pages(DOCS, original):
        texts = {lang: (f"docs/{lang}/{page}", (DOCS / lang / page).read_text(encoding="utf-8"))
                 for lang in langs if (DOCS / lang / page).is_file()}
        for shown, text in texts.values():
            errors += parity.heading_problems(shown, text)
        for lang in others:
            if lang in texts:
                errors += parity.section_id_mismatches(texts[original], texts[lang])
                errors += facts.table_mismatches(texts[original], texts[lang])
    errors += charts.check_book(DOCS, langs, lambda path: path.relative_to(ROOT).as_posix())
    for lang in langs:
        try:
            glossary.load(DOCS / lang / "glossary.md")
        except BookError as error:
            errors.append(error)
    tracked_errors, warnings = translation.check(translation.scan(DOCS, langs, shown_root="docs", root=ROOT))
    return errors + tracked_errors, warnings


def built_site_problems() -> list[BookError]:
    """A strict build into build/check/, then the checks of the pages readers get."""
    shutil.rmtree(CHECK_SITE, ignore_errors=True)
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(CHECK_SITE)]
    result = subprocess.run(build, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        return [BookError("mkdocs.yml", None, f"the strict build failed:\n{result.stderr.strip()}", "fix what the build reports above")]
    site_url = check_site.DEFAULT_SITE_URL
    return (check_site.check_site(CHECK_SITE, site_url) + check_site.check_html(CHECK_SITE)
            + check_site.check_markdown() + check_site.check_workflows())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail on translations older than their original (releases)")
    args = parser.parse_args(argv)
    errors, warnings = source_problems(languages())
    if not errors:
        errors = built_site_problems()  # a build of broken sources would only repeat their errors
    for warning in warnings:
        print(f"warning: {warning}")
    for error in errors:
        print(error)
    failed = errors or (args.strict and warnings)
    print(f"check: {len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
